import { directiveProcess, isDomainError, penaltyCaseProcess, type CaseEffect, type DirectiveEvent } from '@qts/domain';
import {
  DIRECTIVE_CASE_ID,
  calendar,
  directiveCommand,
  inspectionCommand,
  inspector,
  noonOn,
  run,
  stateFrom,
} from '../../support/directive-fixtures';

const origin = { caseId: DIRECTIVE_CASE_ID, bureauId: 'district-test', bureauNameZh: '某区质量技术监督局' };

/** An ordinary directive not rectified in time, refused: what a penalty case is opened for. */
function refused(): DirectiveEvent[] {
  const issued = run(
    [
      { command: inspectionCommand('2026-03-02'), on: '2026-03-02' },
      { command: directiveCommand('2026-03-03', '2026-03-13'), on: '2026-03-03' },
    ],
    [],
  );
  return run(
    [{ command: { type: 'RecordDirectiveRefusal', refusedOn: '2026-03-16', facts: '逾期未整改，电梯仍在使用' }, on: '2026-03-16' }],
    issued,
  );
}

function effectsOf(events: DirectiveEvent[], type: DirectiveEvent['type']): CaseEffect[] {
  const event = events.find((e) => e.type === type);
  if (!event) throw new Error(`no ${type}`);
  return directiveProcess.effectsOf?.(event, stateFrom(events), origin, inspector) ?? [];
}

describe('a directive opens its penalty case itself (案件查办, 办法 第三十六条)', () => {
  it('without a case id: the directive names a new case, closes as referred, and starts it as a child', () => {
    const events = run([{ command: { type: 'LinkPenaltyCase', linkedOn: '2026-03-17' }, on: '2026-03-17' }], refused());
    const linked = events.find((e) => e.type === 'PenaltyCaseLinked');
    expect(linked?.payload).toEqual({ penaltyCaseId: `${DIRECTIVE_CASE_ID}-PEN`, linkedOn: '2026-03-17', opened: true });
    expect(stateFrom(events)).toMatchObject({ penaltyCaseId: `${DIRECTIVE_CASE_ID}-PEN`, closure: { outcome: 'referred_to_penalty' } });
    const [effect] = effectsOf(events, 'PenaltyCaseLinked');
    expect(effect).toMatchObject({ kind: 'startCase', caseType: 'penalty', caseId: `${DIRECTIVE_CASE_ID}-PEN`, section: 'enforcement' });
  });

  it('the lead it opens is one the penalty process accepts, against the user unit and naming the directive', () => {
    const events = run([{ command: { type: 'LinkPenaltyCase', linkedOn: '2026-03-17' }, on: '2026-03-17' }], refused());
    const [effect] = effectsOf(events, 'PenaltyCaseLinked');
    if (effect?.kind !== 'startCase') throw new Error('expected a startCase effect');
    const command = penaltyCaseProcess.commands.opening.parse(effect.command);
    const decided = penaltyCaseProcess.decide(penaltyCaseProcess.initialState(), command, {
      now: noonOn('2026-03-17'),
      actor: inspector,
      calendar,
      caseId: effect.caseId,
    });
    if (isDomainError(decided)) throw new Error(`the penalty process refused the lead: ${decided.code} ${decided.message}`);
    expect(decided.map((e) => e.type)).toContain('PenaltyCaseOpened');
    expect(command).toMatchObject({
      type: 'RegisterLead',
      party: { kind: 'organisation', name: '某物业管理有限公司' },
      summary: expect.stringContaining(DIRECTIVE_CASE_ID) as string,
    });
  });

  it('an existing case named by id is linked, and nothing is started', () => {
    const events = run(
      [{ command: { type: 'LinkPenaltyCase', penaltyCaseId: 'PEN-20260317-0001', linkedOn: '2026-03-17' }, on: '2026-03-17' }],
      refused(),
    );
    expect(events.find((e) => e.type === 'PenaltyCaseLinked')?.payload).toEqual({
      penaltyCaseId: 'PEN-20260317-0001',
      linkedOn: '2026-03-17',
    });
    expect(effectsOf(events, 'PenaltyCaseLinked')).toEqual([]);
  });
});
