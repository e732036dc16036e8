import { PROCESSES, isDomainError, movesOf, type CaseMoves } from '@qts/domain';
import { TODAY, decideSafely, reachableStates } from '../../support/reachable-states';
import { commandSamplesOf } from '../../support/zod-sample';

/**
 * Whose move (issue 14): on every state the fixtures reach (and the sample commands lead to from there), a command
 * the process lists as accepted now is not refused by its decider for a "not now" reason, and a command it does not
 * list is. So the UI never offers a command the case would refuse for its stage.
 */
describe.each(PROCESSES.map((p) => [p.caseType, p] as const))('whose move in %s', (_caseType, process) => {
  const samples = commandSamplesOf(process.commands.running) as { type: string; sample: { type: string } }[];

  it('lists exactly the commands its decider does not refuse for their stage, on every reachable state', () => {
    const moves = process.moves as CaseMoves<unknown> | undefined;
    if (!moves) throw new Error(`${process.caseType} declares no moves`);
    const states = reachableStates(process, samples);
    const stages = new Set(states.map((s) => process.stageOf(s)));
    expect(stages.size).toBeGreaterThanOrEqual(5);
    const mismatches: string[] = [];
    for (const state of states) {
      const listed = moves.accepts(state, TODAY);
      for (const { type, sample } of samples) {
        const result = decideSafely(process, state, sample);
        if (isDomainError(result) && moves.repeatCodes?.includes(result.code)) continue;
        const notNow = isDomainError(result) && moves.notNowCodes.includes(result.code);
        if (listed.includes(type) === notNow) {
          const why = isDomainError(result) ? result.code : result instanceof Error ? `threw ${result.message}` : 'accepted';
          mismatches.push(`${process.stageOf(state)}: ${type} ${listed.includes(type) ? 'listed' : 'not listed'} but ${why}`);
        }
      }
    }
    expect([...new Set(mismatches)]).toEqual([]);
  });

  it('offers nothing on a closed case, and every move names who may send it', () => {
    const states = reachableStates(process, samples);
    for (const state of states) {
      const moves = movesOf(process, state, TODAY);
      if (process.isClosed(state)) expect(moves).toEqual([]);
      for (const move of moves) {
        expect(move.rule.grants.length).toBeGreaterThan(0);
        expect(move.label.zh).toMatch(/\p{Script=Han}/u);
      }
    }
    expect(states.some((s) => process.isClosed(s))).toBe(true);
  });

  it('names as governing deadlines only kinds its cases really have', () => {
    const moves = process.moves as CaseMoves<unknown> | undefined;
    const kinds = new Set(reachableStates(process, samples).flatMap((s) => process.projection.view(s).deadlines.map((d) => d.kind)));
    const named = [...new Set(Object.values(moves?.governedBy ?? {}).flat())] as string[];
    const unseen = named.filter((k) => ![...kinds].some((seen) => seen === k || seen.startsWith(`${k}:`)));
    expect(unseen).toEqual([]);
  });
});
