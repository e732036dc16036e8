import { buildCalendarSnapshot } from '@qts/holiday-calendar';
import {
  WorkingDayCalendar,
  decidePenaltyCase,
  isDomainError,
  yuan,
  type DecideContext,
  type PenaltyEvent,
  type PenaltyState,
} from '@qts/domain';
import { NOTICE_2027 } from '../../support/calendar-fixtures';
import {
  certified,
  committee,
  filingTeam,
  given,
  head,
  noonOn,
  officer,
  run,
  stateFrom,
  system,
} from '../../support/penalty-given-when-then';

/*
 * The test calendar knows 2024–2026 from the library; 2027 is past its horizon, so every 2027 date is computed on the
 * statutory holidays alone (provisional). The fixture notice for 2027 (test/support/calendar-fixtures.ts) makes
 * 春节 2027-02-05..12 and 国庆 2027-10-01..07 rest days, with make-up working days on Sunday 2027-09-26 and Saturday
 * 2027-10-09.
 */
const WITH_NOTICE = new WorkingDayCalendar(buildCalendarSnapshot({ fromYear: 2024, toYear: 2028, notices: [NOTICE_2027] }));

function recompute(events: PenaltyEvent[], on: string, compat?: DecideContext['compat']): PenaltyEvent[] {
  const out = decidePenaltyCase(
    stateFrom(events),
    { type: 'RecomputeDeadlines' },
    { now: noonOn(on), actor: system, calendar: WITH_NOTICE, ...(compat ? { compat } : {}) },
  );
  if (isDomainError(out)) throw new Error(out.message);
  return out;
}

const organisation = { kind: 'organisation' as const, name: '某锅炉安装有限公司' };

/** 一般程序 in 2027: the notice of a 200,000-yuan fine (a right to a hearing) is served on Wednesday 2027-02-03. */
function noticeServedBeforeSpringFestival(): PenaltyEvent[] {
  return run([
    {
      command: {
        type: 'RegisterLead',
        section: 'special_equipment',
        title: '未经许可从事锅炉安装',
        party: organisation,
        discoveredOn: '2027-01-04',
        leadSource: 'inspection',
        summary: '监督检查发现',
      },
      on: '2027-01-04',
    },
    {
      command: { type: 'DecideFiling', decision: 'file', decidedOn: '2027-01-06', reason: '涉嫌违法', ...filingTeam },
      on: '2027-01-06',
      actor: head,
    },
    {
      command: {
        type: 'RecordEvidence',
        kind: 'site_inspection',
        collectedOn: '2027-01-07',
        officerIds: ['officer-li', 'officer-zhao'],
        description: '现场检查笔录',
        officers: certified('officer-li', 'officer-zhao'),
      },
      on: '2027-01-07',
    },
    { command: { type: 'ConcludeInvestigation', concludedOn: '2027-01-18', findings: '事实清楚' }, on: '2027-01-18' },
    { command: { type: 'RequestLegalReview', requestedOn: '2027-01-19' }, on: '2027-01-19' },
    { command: { type: 'CompleteLegalReview', completedOn: '2027-01-26', opinion: 'approved', comments: '同意' }, on: '2027-01-26' },
    {
      command: { type: 'ServePenaltyNotice', servedOn: '2027-02-03', proposedFineFen: yuan(200_000), proposedMeasures: [] },
      on: '2027-02-03',
    },
  ]);
}

/** 简易程序 decided and served on 2027-01-20, unpaid: enforcement opens on 2027-07-21 (the litigation period ends 07-20). */
function enforcementOpened(): PenaltyEvent[] {
  return run([
    {
      command: {
        type: 'OpenSummaryCase',
        section: 'quality',
        title: '产品标识不符合规定',
        party: { kind: 'organisation', name: '某食品包装厂' },
        violationDate: '2027-01-20',
        decidedOn: '2027-01-20',
        provisionId: 'product-quality-law-art54',
        penalty: { kind: 'fine', fineFen: yuan(2000) },
      },
      on: '2027-01-20',
      actor: officer,
    },
    { command: { type: 'Tick' }, on: '2027-07-21', actor: system },
  ]);
}

describe("a new calendar moves the periods that run from a recorded act (the dates the deciders' gates read)", () => {
  it("the party's defence and hearing-request windows (《行政处罚法》第四十五条、第六十四条、第八十五条) move, and their gates with them", () => {
    const before = stateFrom(noticeServedBeforeSpringFestival());
    // five working days from 2027-02-03 on the statutory holidays alone (春节 02-05..08): 02-04, 09, 10, 11, 12
    expect(before.notice).toMatchObject({ defenceEndsOn: '2027-02-12', hearingRequestEndsOn: '2027-02-12' });
    given(noticeServedBeforeSpringFestival())
      .when({ type: 'RequestHearing', requestedOn: '2027-02-16' }, '2027-02-16')
      .thenRefused('HEARING_REQUEST_LATE');

    const events = recompute(noticeServedBeforeSpringFestival(), '2027-02-04');
    expect(events.map((e) => e.type)).toEqual(['DeadlinesRecomputed']);
    // with the notice (春节 02-05..12): 02-04, 15, 16, 17, 18
    expect(events[0]?.payload).toMatchObject({ defenceEndsOn: '2027-02-18', hearingRequestEndsOn: '2027-02-18' });
    const history = [...noticeServedBeforeSpringFestival(), ...events];
    const after = stateFrom(history);
    expect(after.notice).toMatchObject({ defenceEndsOn: '2027-02-18', hearingRequestEndsOn: '2027-02-18' });
    // the deadlines the officers see say the same as the gates
    expect(after.deadlines['defence_window']).toMatchObject({ due: '2027-02-18', provisional: false });
    expect(after.deadlines['hearing_request']).toMatchObject({ due: '2027-02-18', provisional: false });

    // a hearing asked for on 02-16 is in time; the committee may not decide while the windows still run
    given(history).when({ type: 'RequestHearing', requestedOn: '2027-02-16' }, '2027-02-16').thenEvents();
    given(history)
      .when({ type: 'RecordCommitteeDecision', decidedOn: '2027-02-17', outcome: 'penalty', minutes: '审议' }, '2027-02-17', committee)
      .thenRefused('DEFENCE_WINDOW_OPEN');
    expect(recompute(history, '2027-02-04')).toEqual([]);
  });

  it('with the compat switch (a calendar taken before this rule) only the provisional deadlines move, not the gates', () => {
    const events = recompute(noticeServedBeforeSpringFestival(), '2027-02-04', { recomputeDeadlinesOnly: true });
    expect(events).toHaveLength(1);
    expect(Object.keys(events[0]?.payload ?? {}).sort()).toEqual(['deadlines', 'reason']);
    const after = stateFrom([...noticeServedBeforeSpringFestival(), ...events]);
    expect(after.deadlines['defence_window']?.due).toBe('2027-02-18');
    expect(after.notice).toMatchObject({ defenceEndsOn: '2027-02-12', hearingRequestEndsOn: '2027-02-12' });
  });

  it('the 催告 wait (行政强制法 第五十四条: ten working days) moves, and the court application waits for its new end', () => {
    const demanded = run([{ command: { type: 'ServeDemandNotice', servedOn: '2027-09-24' }, on: '2027-09-24' }], enforcementOpened());
    const before = stateFrom(demanded);
    expect(before.stage).toBe('enforcement');
    // statutory holidays alone (国庆 10-01..03): 09-27..30, 10-04..08, 10-11
    expect(before.enforcement?.demandWaitEndsOn).toBe('2027-10-11');
    given(demanded).when({ type: 'ApplyToCourt', filedOn: '2027-10-12', court: '区人民法院' }, '2027-10-12').thenEvents();

    const events = recompute(demanded, '2027-09-25');
    // with the notice: 09-26 (make-up), 27..30, 10-08, 09 (make-up), 11, 12, 13
    expect(events[0]?.payload).toMatchObject({ demandWaitEndsOn: '2027-10-13' });
    const history = [...demanded, ...events];
    const after = stateFrom(history);
    expect(after.enforcement?.demandWaitEndsOn).toBe('2027-10-13');
    expect(after.deadlines['demand_wait']).toMatchObject({ due: '2027-10-13', provisional: false });
    given(history)
      .when({ type: 'ApplyToCourt', filedOn: '2027-10-12', court: '区人民法院' }, '2027-10-12')
      .thenRefused('DEMAND_WAIT_NOT_OVER');
    given(history).when({ type: 'ApplyToCourt', filedOn: '2027-10-14', court: '区人民法院' }, '2027-10-14').thenEvents();
  });

  it("the court's acceptance and ruling (行政强制法 第五十六条、第五十七条) move", () => {
    const filed = run(
      [
        { command: { type: 'ServeDemandNotice', servedOn: '2027-09-01' }, on: '2027-09-01' },
        { command: { type: 'ApplyToCourt', filedOn: '2027-09-29', court: '区人民法院' }, on: '2027-09-29' },
      ],
      enforcementOpened(),
    );
    // statutory holidays alone: accepted by 10-07 (09-30, 10-04..07), ruling by 10-18 (10-08, 11..15, 18)
    expect(stateFrom(filed).deadlines['court_ruling']).toMatchObject({ due: '2027-10-18', provisional: true });
    const events = recompute(filed, '2027-09-30');
    const after = stateFrom([...filed, ...events]);
    // with the notice: accepted by 10-12 (09-30, 10-08, 09, 11, 12), ruling by 10-21 (13..15, 18..21)
    expect(after.deadlines['court_ruling']).toMatchObject({ due: '2027-10-21', provisional: false });
  });

  it('an extended filing period (《市场监督管理行政处罚程序规定》第十八条) moves with the first period it extends', () => {
    const extended = run([
      {
        command: {
          type: 'RegisterLead',
          section: 'special_equipment',
          title: '未经许可从事锅炉安装',
          party: organisation,
          discoveredOn: '2027-01-25',
          leadSource: 'inspection',
          summary: '监督检查发现',
        },
        on: '2027-01-25',
      },
      { command: { type: 'ExtendFilingPeriod', approvedOn: '2027-02-01', reason: '需要检验检测' }, on: '2027-02-01', actor: head },
    ]);
    const before: PenaltyState = stateFrom(extended);
    // statutory holidays alone: 15 working days to 02-17, 15 more to 03-10
    expect(before.deadlines['filing_decision']).toMatchObject({ due: '2027-03-10', provisional: true });
    const events = recompute(extended, '2027-02-02');
    // with the notice (春节 02-05..12, Saturday 02-20 worked): 15 working days to 02-22, 15 more to 03-15
    expect(stateFrom([...extended, ...events]).deadlines['filing_decision']).toMatchObject({ due: '2027-03-15', provisional: false });
  });
});
