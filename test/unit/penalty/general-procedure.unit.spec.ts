import { yuan } from '@qts/domain';
import { calendar, committee, given, head, officer, stateFrom } from '../../support/penalty-given-when-then';
import { decided, filedAndInvestigated, leadRegistered, noticeServed, penaltyOf, served } from '../../support/penalty-fixtures';

describe('general procedure (一般程序)', () => {
  it('a lead sets the filing deadline at 15 working days', () => {
    const state = stateFrom(leadRegistered());
    expect(state.stage).toBe('lead');
    expect(state.deadlines['filing_decision']).toMatchObject({
      due: calendar.addWorkingDays('2026-03-02', 15).date,
      escalate: true,
    });
    expect(state.deadlines['filing_decision']?.legalSource).toContain('第十八条');
    expect(state.deadlines['filing_decision']?.due).toBe('2026-03-23');
  });

  it('only the bureau head may decide to file', () => {
    const refusal = given(leadRegistered())
      .when({ type: 'DecideFiling', decision: 'file', decidedOn: '2026-03-10', reason: 'x' }, '2026-03-10', officer)
      .thenRefused('ROLE_NOT_ENTITLED');
    expect(refusal.message).toContain('局长');
  });

  it('filing starts the 90-day decision limit and closes the filing deadline', () => {
    const state = stateFrom(filedAndInvestigated());
    expect(state.filedOn).toBe('2026-03-10');
    expect(state.deadlines['filing_decision']).toBeUndefined();
    expect(state.deadlines['decision']?.due).toBe('2026-06-08');
  });

  it('evidence needs two distinct officers', () => {
    const history = filedAndInvestigated().slice(0, 2);
    given(history)
      .when(
        {
          type: 'RecordEvidence',
          kind: 'interview',
          collectedOn: '2026-03-12',
          officerIds: ['officer-li', 'officer-li'],
          description: '询问笔录',
        },
        '2026-03-12',
      )
      .thenRefused('TWO_OFFICERS_REQUIRED');
  });

  it('refuses an act dated before the previous step', () => {
    given(filedAndInvestigated().slice(0, 2))
      .when(
        { type: 'RecordEvidence', kind: 'interview', collectedOn: '2026-03-09', officerIds: ['a', 'b'], description: 'x' },
        '2026-03-12',
      )
      .thenRefused('ACT_DATE_BEFORE_PREVIOUS_STEP');
  });

  it('the committee cannot deliberate while the defence window is open', () => {
    const state = stateFrom(noticeServed());
    const defenceEnds = state.notice?.defenceEndsOn ?? '';
    expect(defenceEnds).toBe(calendar.addWorkingDays('2026-04-13', 5).date);
    given(noticeServed())
      .when({ type: 'RecordCommitteeDecision', decidedOn: defenceEnds, outcome: 'penalty', minutes: 'x' }, defenceEnds, committee)
      .thenRefused('DEFENCE_WINDOW_OPEN');
  });

  it('a fine above the notified one, or outside the discretion band, is refused', () => {
    const atCommittee = decided().slice(0, -1);
    given(atCommittee).when(penaltyOf(60_000), '2026-04-22', head).thenRefused('HEAVIER_THAN_NOTIFIED');
    given(atCommittee)
      .when({ ...penaltyOf(20_000) }, '2026-04-22', head)
      .thenRefused('FINE_OUTSIDE_DISCRETION_BAND');
    given(atCommittee)
      .when({ ...penaltyOf(400_000) }, '2026-04-22', head)
      .thenRefused('FINE_ABOVE_LEGAL_MAXIMUM');
  });

  it('the decision records the applicable law (从旧兼从轻) and must be served within 7 working days', () => {
    const events = decided();
    const decision = events.at(-1);
    expect(decision).toMatchObject({
      type: 'PenaltyDecided',
      payload: { lawBasis: 'law_at_violation', provisionVersion: { effectiveFrom: '2014-01-01' } },
    });
    expect(stateFrom(events).deadlines['service']?.due).toBe(calendar.addWorkingDays('2026-04-22', 7).date);
  });

  it('service starts the payment period and both appeal periods', () => {
    const state = stateFrom(served());
    expect(state.stage).toBe('payment');
    expect(state.schedule).toEqual([{ dueOn: calendar.addCalendarDays('2026-04-24', 15).date, amountFen: yuan(50_000) }]);
    const litigationEnds = calendar.addCalendarMonths('2026-04-24', 6).date;
    expect(state.deadlines['appeal_periods']?.due).toBe(litigationEnds);
    expect((state.enforcementFrom ?? '') > litigationEnds).toBe(true);
    expect(state.courtWindowEndsOn).toBe(calendar.addCalendarMonths(litigationEnds, 3).date);
  });

  it('a hearing pauses the decision clock and holding it moves the deadline by the paused days', () => {
    const notified = noticeServed(150_000);
    expect(stateFrom(notified).notice?.hearingRight).toBe(true);
    const requested = [
      ...notified,
      ...given(notified).when({ type: 'RequestHearing', requestedOn: '2026-04-15' }, '2026-04-15').thenEvents(),
    ];
    expect(stateFrom(requested).deadlines['decision']).toBeUndefined();
    given(requested)
      .when({ type: 'HoldHearing', noticeServedOn: '2026-04-16', heldOn: '2026-04-20', hostId: 'chief-sun' }, '2026-04-20')
      .thenRefused('HEARING_NOTICE_TOO_SHORT');
    const investigator = given(requested)
      .when({ type: 'HoldHearing', noticeServedOn: '2026-04-16', heldOn: '2026-05-06', hostId: 'officer-zhao' }, '2026-05-06')
      .thenRefused('HEARING_HOST_INVESTIGATED');
    expect(investigator.message).toContain('第六十四条');
    const held = given(requested)
      .when({ type: 'HoldHearing', noticeServedOn: '2026-04-16', heldOn: '2026-05-06', hostId: 'chief-sun' }, '2026-05-06')
      .thenEvents();
    expect(held[0]?.payload).toMatchObject({ hostId: 'chief-sun' });
    const state = stateFrom([...requested, ...held]);
    expect(state.pausedDays).toBe(21);
    expect(state.deadlines['decision']?.due).toBe(calendar.addCalendarDays('2026-03-10', 90 + 21).date);
  });

  it('the bureau head may extend the decision period by at most 30 days', () => {
    const history = filedAndInvestigated();
    given(history)
      .when({ type: 'ExtendDecisionPeriod', approvedOn: '2026-04-10', days: 31, reason: '案情复杂' }, '2026-04-10', head)
      .thenRefused('EXTENSION_ABOVE_LIMIT');
    const ok = given(history)
      .when({ type: 'ExtendDecisionPeriod', approvedOn: '2026-04-10', days: 30, reason: '案情复杂' }, '2026-04-10', head)
      .thenEvents();
    expect(stateFrom([...history, ...ok]).deadlines['decision']?.due).toBe(calendar.addCalendarDays('2026-03-10', 120).date);
  });
});
