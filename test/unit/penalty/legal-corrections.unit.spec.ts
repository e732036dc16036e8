import { addDays, amountDue, amountDueOf, lateFeeRuleOn, penaltyPolicy, yuan, type PenaltyCommand, type PenaltyEvent } from '@qts/domain';
import { committee, given, head, officer, run, stateFrom, system } from '../../support/penalty-given-when-then';
import { citizen, filedAndInvestigated, organisation, penaltyOf, served } from '../../support/penalty-fixtures';

/** Issue 10: the corrections a legal review of the penalty decider asked for, each test naming the article it enforces. */

const tick = { type: 'Tick' } as const;

const summary = (party: typeof citizen | typeof organisation, fineYuan: number, decidedOn: string, violationDate = decidedOn) =>
  ({
    type: 'OpenSummaryCase',
    section: 'quality',
    title: '产品标识不符合规定',
    party,
    violationDate,
    decidedOn,
    provisionId: 'product-quality-law-art54',
    penalty: { kind: 'fine', fineFen: yuan(fineYuan) },
  }) as const;

const pay = (paidOn: string, amountFen: number, reference = `R-${paidOn}`): PenaltyCommand => ({
  type: 'RecordPayment',
  paidOn,
  amountFen,
  reference,
  channel: 'officer',
});

function dueDateOf(events: PenaltyEvent[]): string {
  const due = stateFrom(events).schedule[0]?.dueOn;
  if (!due) throw new Error('expected a payment schedule');
  return due;
}

describe('1. the payment day is a late day (税收征收管理法实施细则 第七十五条, nearest explicit rule; 行政处罚法 第七十二条)', () => {
  it('given a served fine unpaid three days after the due date, when the quote for that day is paid that day, then the case closes with nothing over', () => {
    const history = served();
    const paidOn = addDays(dueDateOf(history), 3);
    const quote = amountDueOf(stateFrom(history), paidOn);
    expect(quote).toMatchObject({ daysLate: 3, lateFeeFen: yuan(50_000) * 0.03 * 3 });
    const events = given(history).when(pay(paidOn, quote.totalDueFen), paidOn).thenEvents();
    expect(events.map((e) => e.type)).toEqual(['PaymentReceived', 'CaseClosed']);
    expect(events[1]).toMatchObject({ payload: { outcome: 'paid', overpaidFen: 0 } });
  });

  it('given a served fine, when the fine alone is paid on the first late day, then that day’s fee is still owed', () => {
    const history = served();
    const paidOn = addDays(dueDateOf(history), 1);
    const events = given(history)
      .when(pay(paidOn, yuan(50_000)), paidOn)
      .thenEvents();
    expect(events.map((e) => e.type)).toEqual(['PaymentReceived']);
    expect(events[0]).toMatchObject({ payload: { amountDueAfterFen: yuan(1_500) } });
  });

  it('given the replay of a case decided before the rule (compat), when the same payment is decided, then it is decided as it was then', () => {
    const history = served();
    const paidOn = addDays(dueDateOf(history), 1);
    const events = given(history)
      .when(pay(paidOn, yuan(50_000)), paidOn, officer, { beforeLegalCorrections: true })
      .thenEvents();
    expect(events.map((e) => e.type)).toEqual(['PaymentReceived', 'CaseClosed']);
  });
});

describe('2. each rule by the date it concerns (行政处罚法 1996年 第三十三条; 2021年 第五十一条)', () => {
  it('given no case, when an organisation is fined 1,000 yuan on the spot on 2021-07-14, then the 1996 threshold admits it', () => {
    const events = given([])
      .when(summary(organisation, 1000, '2021-07-14'), '2026-11-20')
      .thenEvents();
    expect(events.map((e) => e.type)).toEqual(['PenaltyCaseOpened', 'SummaryPenaltyDecided', 'DecisionServed']);
    expect(events[1]).toMatchObject({ payload: { thresholdFen: yuan(1000) } });
  });

  it('given no case, when a fine above the 1996 thresholds is decided on the spot on 2021-07-14, then it is refused naming 第三十三条', () => {
    const org = given([])
      .when(summary(organisation, 1000.01, '2021-07-14'), '2026-11-20')
      .thenRefused('SUMMARY_THRESHOLD_EXCEEDED');
    expect(org.message).toContain('第三十三条');
    given([])
      .when(summary(citizen, 51, '2021-07-14'), '2026-11-20')
      .thenRefused('SUMMARY_THRESHOLD_EXCEEDED');
    expect(
      given([])
        .when(summary(citizen, 50, '2021-07-14'), '2026-11-20')
        .thenEvents(),
    ).toHaveLength(3);
  });

  it('given a summary fine decided on 2021-07-01 and left unpaid, when the appeal periods lapse, then it reaches enforcement and the court with the rules of its own dates', () => {
    const opened = given([])
      .when(summary(organisation, 800, '2021-07-01'), '2021-07-01')
      .thenEvents();
    const servedEvent = opened[2];
    if (servedEvent?.type !== 'DecisionServed') throw new Error('expected DecisionServed');
    expect(servedEvent.payload.deadlines?.set?.[0]?.legalSource).toContain('（1996年） 第四十六条');
    const from = stateFrom(opened).enforcementFrom ?? '';
    const enforcement = given(opened)
      .when(tick, from, system)
      .thenEvents()
      .filter((e) => e.type === 'EnforcementOpened');
    expect(enforcement).toHaveLength(1);
    const h1 = [...opened, ...enforcement];
    const demand = given(h1).when({ type: 'ServeDemandNotice', servedOn: from }, from).thenEvents();
    const waitEnds = stateFrom([...h1, ...demand]).enforcement?.demandWaitEndsOn ?? '';
    const filedOn = addDays(waitEnds, 1);
    const filed = given([...h1, ...demand])
      .when({ type: 'ApplyToCourt', filedOn, court: '区人民法院' }, filedOn)
      .thenEvents();
    // the late fee reached its cap: the fine again
    expect(filed[0]).toMatchObject({ type: 'CourtApplicationFiled', payload: { amountDueFen: yuan(1600) } });
  });

  it('given no case, when a lead is registered on 2021-06-01, then the refusal names the filing rule it uses, not a payment rule', () => {
    const refusal = given([])
      .when(
        {
          type: 'RegisterLead',
          section: 'quality',
          title: '旧案',
          party: organisation,
          discoveredOn: '2021-06-01',
          leadSource: 'inspection',
          summary: '旧案补录',
        },
        '2026-11-20',
      )
      .thenRefused('NO_RULE_IN_FORCE');
    expect(refusal.details).toMatchObject({ key: 'filingDecision' });
  });
});

describe('3. a deferral keeps the late fee already accrued (行政强制法 第四十二条; 行政处罚法 第六十六条)', () => {
  function deferredFiveDaysLate(): { history: PenaltyEvent[]; approvedOn: string } {
    const history = served();
    const approvedOn = addDays(dueDateOf(history), 5);
    const events = given(history)
      .when({ type: 'ApproveDeferral', approvedOn, newDueOn: '2027-03-01', reason: '经营困难' }, approvedOn, head)
      .thenEvents();
    return { history: [...history, ...events], approvedOn };
  }

  it('given a fine five days late, when a deferral is approved, then the five days of late fee stay owed', () => {
    const { history, approvedOn } = deferredFiveDaysLate();
    const fiveDays = yuan(50_000) * 0.03 * 5;
    expect(amountDueOf(stateFrom(history), approvedOn).lateFeeFen).toBe(fiveDays);
    // and no more accrues until the new due date
    expect(amountDueOf(stateFrom(history), '2027-03-01').lateFeeFen).toBe(fiveDays);
    const events = given(history)
      .when(pay('2027-02-01', yuan(50_000)), '2027-02-01')
      .thenEvents();
    expect(events.map((e) => e.type)).toEqual(['PaymentReceived']);
    expect(events[0]).toMatchObject({ payload: { amountDueAfterFen: fiveDays } });
  });

  it('given the replay of a deferral approved before the rule (compat), then the accrued fee is dropped as it was then', () => {
    const history = served();
    const approvedOn = addDays(dueDateOf(history), 5);
    const [deferred] = given(history)
      .when({ type: 'ApproveDeferral', approvedOn, newDueOn: '2027-03-01', reason: '经营困难' }, approvedOn, head, {
        beforeLegalCorrections: true,
      })
      .thenEvents();
    expect(deferred?.payload).not.toHaveProperty('lateFeeCarried');
    expect(amountDueOf(stateFrom([...history, ...(deferred ? [deferred] : [])]), approvedOn).lateFeeFen).toBe(0);
  });

  it('given the fine paid and the accrued fee still owed, when the bureau head waives it by its own decision, then it is recorded and the case closes', () => {
    const { history } = deferredFiveDaysLate();
    const paid = [
      ...history,
      ...given(history)
        .when(pay('2027-02-01', yuan(50_000)), '2027-02-01')
        .thenEvents(),
    ];
    given(paid)
      .when({ type: 'ReduceLateFee', decidedOn: '2027-02-02', reducedFen: yuan(7_500), reason: '已整改' }, '2027-02-02')
      .thenRefused('ROLE_NOT_ENTITLED');
    given(paid)
      .when({ type: 'ReduceLateFee', decidedOn: '2027-02-02', reducedFen: yuan(7_500) + 1, reason: '已整改' }, '2027-02-02', head)
      .thenRefused('REDUCTION_ABOVE_LATE_FEE');
    const events = given(paid)
      .when({ type: 'ReduceLateFee', decidedOn: '2027-02-02', reducedFen: yuan(7_500), reason: '已整改' }, '2027-02-02', head)
      .thenEvents();
    expect(events.map((e) => e.type)).toEqual(['LateFeeReduced', 'CaseClosed']);
    expect(events[0]).toMatchObject({ payload: { reducedFen: yuan(7_500), accruedFen: yuan(7_500) } });
    expect(events[0]?.payload).toHaveProperty('source', expect.stringContaining('第四十二条'));
  });
});

describe('4. further extension by collective decision (市场监督管理行政处罚程序规定 第六十四条)', () => {
  const extend30: PenaltyCommand = { type: 'ExtendDecisionPeriod', approvedOn: '2026-04-11', days: 30, reason: '案情复杂' };
  const further = (approvedOn: string, days = 60): PenaltyCommand => ({
    type: 'ExtendDecisionPeriodCollectively',
    approvedOn,
    days,
    reason: '需补充鉴定',
    minutes: '负责人集体讨论记录',
  });

  it('given no extension by the head, when the leaders extend collectively, then it is refused: the head’s extension comes first', () => {
    const refusal = given(filedAndInvestigated()).when(further('2026-04-12'), '2026-04-12', committee).thenRefused('HEAD_EXTENSION_FIRST');
    expect(refusal.message).toContain('第六十四条');
  });

  it('given the head’s 30 days used and the limit passed, when the leaders extend collectively, then the decision deadline moves past today', () => {
    const history = run([{ command: extend30, on: '2026-04-11', actor: head }], filedAndInvestigated());
    const limit = stateFrom(history).deadlines['decision']?.due ?? '';
    const late = addDays(limit, 3);
    given(history)
      .when({ ...extend30, approvedOn: late, days: 1 }, late, head)
      .thenRefused('EXTENSION_ABOVE_LIMIT');
    given(history).when(further(late), late, head).thenRefused('ROLE_NOT_ENTITLED');
    const events = given(history).when(further(late), late, committee).thenEvents();
    expect(events[0]?.type).toBe('DecisionPeriodExtendedCollectively');
    const after = stateFrom([...history, ...events]).deadlines['decision'];
    expect((after?.due ?? '') > late).toBe(true);
    expect(after?.legalSource).toContain('集体讨论');
  });
});

describe('5. limitation period (行政处罚法 第三十六条)', () => {
  it('given no case, when a summary fine is decided for a violation more than two years before, then it is refused naming 第三十六条', () => {
    const refusal = given([])
      .when(summary(citizen, 100, '2026-11-20', '2024-11-19'), '2026-11-20')
      .thenRefused('TIME_BARRED');
    expect(refusal.message).toContain('第三十六条');
  });

  it('given the replay of a summary decision taken before the check (compat), then it is decided as it was then', () => {
    const events = given([])
      .when(summary(citizen, 100, '2026-11-20', '2024-11-19'), '2026-11-20', officer, { beforeLegalCorrections: true })
      .thenEvents();
    expect(events).toHaveLength(3);
  });

  it('given no case, when the violation was within two years, or a continuing one ended within two years, then it is decided', () => {
    expect(
      given([])
        .when(summary(citizen, 100, '2026-11-20', '2024-11-23'), '2026-11-20')
        .thenEvents(),
    ).toHaveLength(3);
    const continuing = { ...summary(citizen, 100, '2026-11-20', '2019-01-01'), violationEndedOn: '2025-06-30' };
    const [, decided] = given([]).when(continuing, '2026-11-20').thenEvents();
    expect(decided).toMatchObject({ payload: { limitation: { runsFrom: '2025-06-30' } } });
  });

  it('given harm to life, health or financial safety, when the violation is four years old, then the five-year period applies', () => {
    const old = summary(citizen, 100, '2026-11-20', '2022-12-01');
    given([]).when(old, '2026-11-20').thenRefused('TIME_BARRED');
    expect(
      given([])
        .when({ ...old, endangersLifeHealthOrFinance: true }, '2026-11-20')
        .thenEvents(),
    ).toHaveLength(3);
  });

  it('given a general case whose lead was found on 2026-03-02, when a penalty is decided for a violation of 2023, then it is refused', () => {
    const history = run(
      [
        {
          command: { type: 'ServePenaltyNotice', servedOn: '2026-04-13', proposedFineFen: yuan(50_000), proposedMeasures: [] },
          on: '2026-04-13',
        },
        {
          command: { type: 'RecordCommitteeDecision', decidedOn: '2026-04-21', outcome: 'penalty', minutes: '同意' },
          on: '2026-04-21',
          actor: committee,
        },
      ],
      filedAndInvestigated(),
    );
    const base = penaltyOf(50_000);
    if (base.type !== 'DecidePenalty' || base.outcome.kind !== 'penalty') throw new Error('fixture');
    const stale = { ...base, outcome: { ...base.outcome, violationDate: '2023-06-01' } };
    given(history).when(stale, '2026-04-22', head).thenRefused('TIME_BARRED');
  });
});

describe('6.–7. late-fee base, cap and rounding are policy with their source, recorded with the rule set', () => {
  it('given a case opened today, then its rule set records the base/cap rule (本局规定 + 行政强制法 第四十五条) and the rounding (本局规定)', () => {
    const [opened] = given([])
      .when(summary(citizen, 100, '2026-11-20'), '2026-11-20')
      .thenEvents();
    if (opened?.type !== 'PenaltyCaseOpened') throw new Error('expected PenaltyCaseOpened');
    const rules = opened.payload.rules as Record<string, { value: unknown; source: string }>;
    expect(rules['lateFeeBase']?.value).toEqual({ dailyBase: 'unpaid_fine', cap: 'whole_fine' });
    expect(rules['lateFeeBase']?.source).toContain('第四十五条');
    expect(rules['lateFeeBase']?.source).toContain('本局规定');
    expect(rules['lateFeeRounding']?.value).toBe('floor_fen_each_day');
    expect(rules['lateFeeRounding']?.source).toContain('本局规定');
  });

  it('given a fine half paid late, then the fee runs on the unpaid half and is capped at the whole fine', () => {
    const schedule = [{ dueOn: '2026-05-11', amountFen: yuan(1000) }];
    const due = amountDue(
      schedule,
      [{ paidOn: '2026-05-12', amountFen: yuan(500), reference: 'x' }],
      lateFeeRuleOn('2026-05-11'),
      '2027-05-11',
    );
    expect(due.lateFeeFen).toBe(yuan(1000));
  });

  it('given a fine of 100.33 yuan, then each day’s 3 % is rounded down to the fen before it is added', () => {
    const due = amountDue([{ dueOn: '2026-05-11', amountFen: 10_033 }], [], lateFeeRuleOn('2026-05-11'), '2026-05-21');
    expect(due.lateFeeFen).toBe(300 * 10);
  });
});

describe('8. the sources of the counting rules and time limits', () => {
  it('the act-day and rest-day rules cite 民事诉讼法 第八十五条 via 行政诉讼法 第一百零一条; the 90-day limit and its extension 程序规定 第六十四条', () => {
    const counting = penaltyPolicy.periodCounting.versions.at(-1)?.source ?? '';
    expect(counting).toContain('《中华人民共和国民事诉讼法》（2021年修正）第八十五条');
    expect(counting).toContain('第一百零一条');
    expect(penaltyPolicy.decisionLimit.versions[0]?.source).toContain('第六十四条');
    expect(penaltyPolicy.decisionExtensionMax.versions[0]?.source).toContain('第六十四条');
    expect(penaltyPolicy.legalReview.versions[0]?.source).toContain('第五十八条');
    expect(penaltyPolicy.defenceWindow.versions[0]?.source).toContain('第四十五条');
  });
});

describe('9. the amount due shows days late, days of accrual and the rule it applied', () => {
  it('given a fine unpaid for 40 days, then it is 40 days late but accrued for 34 (3 % a day reaches the cap on the 34th)', () => {
    const due = amountDue([{ dueOn: '2026-05-11', amountFen: yuan(1000) }], [], lateFeeRuleOn('2026-05-11'), addDays('2026-05-11', 40));
    expect(due).toMatchObject({ daysLate: 40, accrualDays: 34, lateFeeCapped: true, lateFeeFen: yuan(1000) });
    expect(due.rule).toMatchObject({ dailyBasisPoints: 300, paymentDayCounts: true });
    expect(due.rule.sources.days).toContain('第七十五条');
  });
});
