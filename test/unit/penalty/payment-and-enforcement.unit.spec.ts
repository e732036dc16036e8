import { addDays, amountDue, lateFeeRuleOn, yuan } from '@qts/domain';
import { calendar, given, head, stateFrom, system } from '../../support/penalty-given-when-then';
import { served } from '../../support/penalty-fixtures';

const tick = { type: 'Tick' } as const;

describe('payment (缴纳罚款)', () => {
  it('full payment closes the case', () => {
    const events = given(served())
      .when(
        { type: 'RecordPayment', paidOn: '2026-04-30', amountFen: yuan(50_000), reference: 'TREAS-1', channel: 'treasury' },
        '2026-04-30',
      )
      .thenEvents();
    expect(events.map((e) => e.type)).toEqual(['PaymentReceived', 'CaseClosed']);
    expect(events[1]).toMatchObject({ payload: { outcome: 'paid', overpaidFen: 0 } });
  });

  it('a late payment of the fine alone leaves the late fee due', () => {
    const state = stateFrom(served());
    const due = state.schedule[0]?.dueOn ?? '';
    const paidOn = addDays(due, 3);
    const events = given(served())
      .when({ type: 'RecordPayment', paidOn, amountFen: yuan(50_000), reference: 'R-2', channel: 'officer' }, paidOn)
      .thenEvents();
    expect(events.map((e) => e.type)).toEqual(['PaymentReceived']);
    // three late days at 3 % of 50,000 yuan, the day of payment included (税收征收管理法实施细则 第七十五条 by analogy)
    expect(events[0]).toMatchObject({ payload: { amountDueAfterFen: yuan(50_000) * 0.03 * 3 } });
  });

  it('refuses the same payment reference twice (a treasury message replayed)', () => {
    const first = given(served())
      .when({ type: 'RecordPayment', paidOn: '2026-04-30', amountFen: 100, reference: 'DUP', channel: 'treasury' }, '2026-04-30')
      .thenEvents();
    given([...served(), ...first])
      .when({ type: 'RecordPayment', paidOn: '2026-04-30', amountFen: 100, reference: 'DUP', channel: 'treasury' }, '2026-04-30')
      .thenRefused('DUPLICATE_PAYMENT');
  });

  it('an approved deferral moves the payment date and the enforcement clock', () => {
    const before = stateFrom(served());
    const events = given(served())
      .when({ type: 'ApproveDeferral', approvedOn: '2026-05-06', newDueOn: '2027-03-01', reason: '经营困难' }, '2026-05-06', head)
      .thenEvents();
    const after = stateFrom([...served(), ...events]);
    expect(after.schedule).toEqual([{ dueOn: '2027-03-01', amountFen: yuan(50_000) }]);
    expect(after.enforcementFrom).toBe('2027-03-02');
    expect((after.enforcementFrom ?? '') > (before.enforcementFrom ?? '')).toBe(true);
  });
});

describe('late fee (加处罚款)', () => {
  const schedule = [{ dueOn: '2026-05-11', amountFen: yuan(1000) }];
  const rule = lateFeeRuleOn('2026-05-11');
  it('runs at 3 % of the fine a day from the day after the due date', () => {
    expect(amountDue(schedule, [], rule, '2026-05-11').lateFeeFen).toBe(0);
    expect(amountDue(schedule, [], rule, '2026-05-21')).toMatchObject({ lateFeeFen: yuan(300), totalDueFen: yuan(1300), daysLate: 10 });
  });
  it('is capped at the amount of the fine', () => {
    const due = amountDue(schedule, [], rule, '2026-08-01');
    expect(due).toMatchObject({ lateFeeFen: yuan(1000), totalDueFen: yuan(2000), lateFeeCapped: true });
  });
  it('stops growing on the part already paid', () => {
    const due = amountDue(schedule, [{ paidOn: '2026-05-13', amountFen: yuan(500), reference: 'x' }], rule, '2026-05-15');
    // 12th and 13th (the payment day): 30 on 1000; 14th, 15th: 15 a day on the 500 still unpaid
    expect(due.lateFeeFen).toBe(yuan(30 * 2 + 15 * 2));
    expect(due.totalDueFen).toBe(yuan(500 + 90));
  });
});

describe('the clock (escalation notices and enforcement)', () => {
  it('warns the section chief before a deadline, then reports it missed, then tells the bureau head', () => {
    const history = served().slice(0, -1); // decided, not yet served
    const serviceDue = stateFrom(history).deadlines['service'];
    if (!serviceDue?.warnOn || !serviceDue.bureauHeadOn) throw new Error('service deadline must escalate');
    expect(given(history).when(tick, addDays(serviceDue.warnOn, -1), system).thenEvents()).toEqual([]);
    const warned = given(history).when(tick, serviceDue.warnOn, system).thenEvents();
    expect(warned).toMatchObject([
      { type: 'EscalationNoticeRaised', payload: { level: 'approaching', recipientRole: 'section_chief', deadlineKind: 'service' } },
    ]);
    const h2 = [...history, ...warned];
    expect(given(h2).when(tick, serviceDue.due, system).thenEvents()).toEqual([]);
    const missed = given(h2).when(tick, addDays(serviceDue.due, 1), system).thenEvents();
    expect(missed).toMatchObject([{ payload: { level: 'missed', recipientRole: 'section_chief' } }]);
    const h3 = [...h2, ...missed];
    const toHead = given(h3).when(tick, addDays(serviceDue.bureauHeadOn, 1), system).thenEvents();
    expect(toHead).toMatchObject([{ payload: { level: 'missed', recipientRole: 'bureau_head' } }]);
    expect(
      given([...h3, ...toHead])
        .when(tick, addDays(serviceDue.bureauHeadOn, 5), system)
        .thenEvents(),
    ).toEqual([]);
  });

  it('an officer cannot send the clock command', () => {
    given(served()).when(tick, '2026-05-01').thenRefused('ROLE_NOT_ENTITLED');
  });

  it('opens enforcement once the appeal periods lapse unpaid, then demand notice, wait, and court', () => {
    const state = stateFrom(served());
    const from = state.enforcementFrom ?? '';
    expect(
      given(served())
        .when(tick, addDays(from, -1), system)
        .thenEvents()
        .some((e) => e.type === 'EnforcementOpened'),
    ).toBe(false);
    const opened = given(served())
      .when(tick, from, system)
      .thenEvents()
      .filter((e) => e.type === 'EnforcementOpened');
    expect(opened).toHaveLength(1);
    const h1 = [...served(), ...opened];
    const s1 = stateFrom(h1);
    expect(s1.stage).toBe('enforcement');
    expect(s1.deadlines['court_application']?.due).toBe(state.courtWindowEndsOn);
    const demandBy = s1.deadlines['demand_notice']?.due ?? '';
    expect(calendar.addWorkingDays(demandBy, 10).date < (state.courtWindowEndsOn ?? '')).toBe(true);

    given(h1).when({ type: 'ApplyToCourt', filedOn: from, court: '区人民法院' }, from).thenRefused('DEMAND_NOTICE_REQUIRED');
    const demand = given(h1).when({ type: 'ServeDemandNotice', servedOn: from }, from).thenEvents();
    const h2 = [...h1, ...demand];
    const waitEnds = stateFrom(h2).enforcement?.demandWaitEndsOn ?? '';
    expect(waitEnds).toBe(calendar.addWorkingDays(from, 10).date);
    given(h2).when({ type: 'ApplyToCourt', filedOn: waitEnds, court: '区人民法院' }, waitEnds).thenRefused('DEMAND_WAIT_NOT_OVER');
    const late = addDays(state.courtWindowEndsOn ?? '', 1);
    given(h2).when({ type: 'ApplyToCourt', filedOn: late, court: '区人民法院' }, late).thenRefused('COURT_WINDOW_CLOSED');
    const filedOn = addDays(waitEnds, 1);
    const filed = given(h2).when({ type: 'ApplyToCourt', filedOn, court: '区人民法院' }, filedOn).thenEvents();
    expect(filed[0]).toMatchObject({ type: 'CourtApplicationFiled', payload: { amountDueFen: yuan(100_000) } });
    const ruled = given([...h2, ...filed])
      .when({ type: 'RecordCourtRuling', ruledOn: filedOn, ruling: 'enforce', reference: '(2026)执审1号' }, filedOn)
      .thenEvents();
    expect(ruled.at(-1)).toMatchObject({ type: 'CaseClosed', payload: { outcome: 'court_ordered_enforcement' } });
  });
});
