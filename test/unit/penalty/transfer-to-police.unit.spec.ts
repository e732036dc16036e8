import { calendar, given, head, officer, stateFrom, system } from '../../support/penalty-given-when-then';
import { filedAndInvestigated } from '../../support/penalty-fixtures';
import { decidePenaltyCase, type PenaltyEvent } from '@qts/domain';
import { noonOn } from '../../support/penalty-given-when-then';

const transfer = { type: 'TransferToPolice', decidedOn: '2026-04-14', grounds: '涉嫌生产、销售伪劣产品罪' } as const;

function transferred(): PenaltyEvent[] {
  const history = filedAndInvestigated();
  const result = decidePenaltyCase(stateFrom(history), transfer, { now: noonOn('2026-04-14'), actor: head, calendar, caseId: 'PEN-1' });
  if (!Array.isArray(result)) throw new Error(result.message);
  return [...history, ...result];
}

describe('移送公安机关 (transfer to the police)', () => {
  it('only the bureau head decides it, citing the rule', () => {
    const refusal = given(filedAndInvestigated()).when(transfer, '2026-04-14', officer).thenRefused('ROLE_NOT_ENTITLED');
    expect(refusal.message).toContain('第二十七条');
  });

  it('stops the decision clock while the police examine the case', () => {
    const state = stateFrom(transferred());
    expect(state.stage).toBe('transferred');
    expect(state.transfer).toMatchObject({ escalationId: 'PEN-1-POLICE', resumeStage: 'review_approved' });
    expect(state.deadlines['decision']).toBeUndefined();
  });

  it('declined: the case resumes where it stood, the decision limit moved by the days it waited', () => {
    const events = given(transferred())
      .when(
        { type: 'RecordEscalationOutcome', escalationId: 'PEN-1-POLICE', outcome: 'declined', decidedOn: '2026-04-24' },
        '2026-04-24',
        system,
      )
      .thenEvents();
    const state = stateFrom([...transferred(), ...events]);
    expect(state.stage).toBe('review_approved');
    expect(state.deadlines['decision']?.due).toBe(calendar.addCalendarDays('2026-03-10', 100).date);
  });

  it('accepted: the administrative case closes as transferred; another escalation’s answer is refused', () => {
    given(transferred())
      .when(
        { type: 'RecordEscalationOutcome', escalationId: 'OTHER', outcome: 'accepted_for_investigation', decidedOn: '2026-04-20' },
        '2026-04-20',
        system,
      )
      .thenRefused('UNKNOWN_ESCALATION');
    const events = given(transferred())
      .when(
        { type: 'RecordEscalationOutcome', escalationId: 'PEN-1-POLICE', outcome: 'accepted_for_investigation', decidedOn: '2026-04-20' },
        '2026-04-20',
        system,
      )
      .thenEvents();
    expect(events.at(-1)).toMatchObject({ type: 'CaseClosed', payload: { outcome: 'transferred_to_police' } });
  });
});
