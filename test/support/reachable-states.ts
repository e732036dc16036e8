import { SYSTEM_ACTOR, type Actor, type AnyCaseProcess, type CaseMoves, type DomainError, type PersonRole, type Rule } from '@qts/domain';
import { calendar } from './decider-given-when-then';
import { fixtureHistories } from './moves-fixtures';

/** the sample commands carry this date (test/support/zod-sample.ts): their acts happen today */
export const TODAY = '2027-01-04';
const MAX_STATES = 600;
const PER_SHAPE = 3;
/** late on that day, so the samples' instants (08:00Z, 16:00 Beijing) are past */
export const NOW = Date.parse(`${TODAY}T22:00:00+08:00`);

function actorFor(rule: Rule | undefined): Actor {
  const role: PersonRole = rule?.grants[0]?.role ?? 'officer';
  return { id: `conformance-${role}`, role, name: role };
}

export function decideSafely(process: AnyCaseProcess, state: unknown, command: { type: string }): { type: string }[] | DomainError | Error {
  const policy = process.commands.policy as Record<string, Rule>;
  try {
    return process.decide(state, command, { now: NOW, actor: actorFor(policy[command.type]), calendar, caseId: 'CONFORMANCE-1' });
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

/** Every prefix of the fixtures' histories, then whatever the sample commands the case accepts lead to. */
export function reachableStates(process: AnyCaseProcess, samples: { type: string; sample: { type: string } }[]): unknown[] {
  const histories = fixtureHistories()[process.caseType] ?? [];
  const states: unknown[] = [];
  const seen = new Set<string>();
  const perShape = new Map<string, number>();
  const moves = process.moves as CaseMoves<unknown> | undefined;
  // a few states of each shape (stage and commands accepted), so the walk goes deep rather than wide
  const add = (state: unknown) => {
    const key = JSON.stringify(state);
    const shape = `${process.stageOf(state)} ${JSON.stringify(moves?.accepts(state, TODAY) ?? [])}`;
    const n = perShape.get(shape) ?? 0;
    if (seen.has(key) || n >= PER_SHAPE || states.length >= MAX_STATES) return;
    seen.add(key);
    perShape.set(shape, n + 1);
    states.push(state);
  };
  for (const events of histories) {
    let state = process.initialState() as unknown;
    for (const event of events) {
      state = process.evolve(state, event);
      add(state);
    }
  }
  for (let i = 0; i < states.length && moves; i += 1) {
    const state = states[i];
    // the clock moves a case on by itself (payment period passed → enforcement)
    const ticked = process.decide(state, { type: 'Tick' }, { now: NOW, actor: SYSTEM_ACTOR, calendar });
    if (Array.isArray(ticked)) add(ticked.reduce<unknown>((s, e) => process.evolve(s, e), state));
    for (const type of moves.accepts(state, TODAY)) {
      const sample = samples.find((s) => s.type === type)?.sample;
      const result = sample ? decideSafely(process, state, sample) : null;
      if (Array.isArray(result)) add(result.reduce<unknown>((s, e) => process.evolve(s, e), state));
    }
  }
  return states;
}
