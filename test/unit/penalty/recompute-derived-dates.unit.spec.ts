import { buildCalendarSnapshot } from '@qts/holiday-calendar';
import { WorkingDayCalendar, amountDueOf, decidePenaltyCase, isDomainError, yuan, type PenaltyEvent, type PenaltyState } from '@qts/domain';
import { NOTICE_2027 } from '../../support/calendar-fixtures';
import { head, noonOn, officer, run, stateFrom, system } from '../../support/penalty-given-when-then';

/**
 * A made-up 2027 notice (test fixture): 春节 from 2027-02-04, and a rest block 2027-07-19..21 over the day the
 * litigation period of a decision served on 2027-01-20 ends.
 */
const MOVED_HOLIDAYS = [
  ...NOTICE_2027.holidays.filter((h) => h.name !== '春节'),
  { name: '春节', from: '2027-02-04', to: '2027-02-12' },
  { name: '测试假日', from: '2027-07-19', to: '2027-07-21' },
];
const MOVED = new WorkingDayCalendar(
  buildCalendarSnapshot({ fromYear: 2024, toYear: 2028, notices: [{ ...NOTICE_2027, holidays: MOVED_HOLIDAYS }] }),
);

/** 简易程序, decided and served on 2027-01-20: due 15 days later (2027-02-04), appeal periods to 2027-07-20. */
function servedOn20January(): PenaltyEvent[] {
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
  ]);
}

function recompute(events: PenaltyEvent[], compat?: { recomputeDeadlinesOnly: true }): PenaltyEvent[] {
  const out = decidePenaltyCase(
    stateFrom(events),
    { type: 'RecomputeDeadlines' },
    { now: noonOn('2027-01-25'), actor: system, calendar: MOVED, ...(compat ? { compat } : {}) },
  );
  if (isDomainError(out)) throw new Error(out.message);
  return out;
}

const lateFeeOn = (s: PenaltyState, day: string) => amountDueOf(s, day).lateFeeFen;

describe('a new calendar moves every date a served decision took from the calendar (《行政处罚法》第六十七条、第七十二条; 行政强制法 第五十三条)', () => {
  it('payment due date and late-fee start, appeal-periods end, enforcement opening and court window all move with the notice', () => {
    const before = stateFrom(servedOn20January());
    expect(before.stage).toBe('payment');
    expect(before.schedule).toEqual([{ dueOn: '2027-02-04', amountFen: yuan(2000) }]);
    expect(before.deadlines['appeal_periods']?.due).toBe('2027-07-20');
    expect(before.enforcementFrom).toBe('2027-07-21');
    expect(lateFeeOn(before, '2027-02-05')).toBeGreaterThan(0);

    const events = recompute(servedOn20January());
    expect(events.map((e) => e.type)).toEqual(['DeadlinesRecomputed']);
    const after = stateFrom([...servedOn20January(), ...events]);
    // 2027-02-04 is now a rest day: the period ends on the next working day after the block, Monday 2027-02-15
    expect(after.schedule).toEqual([{ dueOn: '2027-02-15', amountFen: yuan(2000) }]);
    expect(after.deadlines['payment']?.due).toBe('2027-02-15');
    // no late fee on the day after the old due date; it runs from the day after the new one
    expect(lateFeeOn(after, '2027-02-05')).toBe(0);
    expect(lateFeeOn(after, '2027-02-15')).toBe(0);
    expect(lateFeeOn(after, '2027-02-16')).toBeGreaterThan(0);
    // litigation period (6 months) ends in the rest block: the next working day, Thursday 2027-07-22
    expect(after.deadlines['appeal_periods']).toMatchObject({ due: '2027-07-22', provisional: false });
    expect(after.enforcementFrom).toBe('2027-07-23');
    expect((after.courtWindowEndsOn ?? '') > (before.courtWindowEndsOn ?? '')).toBe(true);
    expect(events[0]?.payload).toMatchObject({ litigationEndsOn: '2027-07-22', enforcementFrom: '2027-07-23' });
    // 60 days from service end on Sunday 2027-03-21, so on Monday 03-22 on either calendar
    expect(after.appealPeriods).toEqual({ reconsiderationEndsOn: '2027-03-22', litigationEndsOn: '2027-07-22' });

    // the same calendar again: nothing
    expect(recompute([...servedOn20January(), ...events])).toEqual([]);
  });

  it('dates the bureau head set in a deferral stay; the enforcement opening computed from them still follows the calendar', () => {
    const deferred = run(
      [
        {
          command: { type: 'ApproveDeferral', approvedOn: '2027-01-22', reason: '经济困难', newDueOn: '2027-03-04' },
          on: '2027-01-22',
          actor: head,
        },
      ],
      servedOn20January(),
    );
    const events = recompute(deferred);
    const after = stateFrom([...deferred, ...events]);
    expect(after.schedule.map((i) => i.dueOn)).toEqual(['2027-03-04']);
    expect(after.enforcementFrom).toBe('2027-07-23');
  });

  it('a case that took a calendar before this rule (compat) moves only its provisional deadlines with a basis', () => {
    const before = stateFrom(servedOn20January());
    const events = recompute(servedOn20January(), { recomputeDeadlinesOnly: true });
    expect(events.map((e) => Object.keys(e.payload).sort())).toEqual([['deadlines', 'reason']]);
    const after = stateFrom([...servedOn20January(), ...events]);
    expect(after.schedule).toEqual([{ dueOn: '2027-02-04', amountFen: yuan(2000) }]);
    expect(lateFeeOn(after, '2027-02-05')).toBeGreaterThan(0);
    expect(after.enforcementFrom).toBe('2027-07-21');
    expect(after.courtWindowEndsOn).toBe(before.courtWindowEndsOn);
    expect(after.appealPeriods).toEqual(before.appealPeriods);
    expect(after.deadlines['appeal_periods']).toEqual(before.deadlines['appeal_periods']);
    expect(after.deadlines['payment']?.due).toBe('2027-02-15');
  });

  it('a corrected notice that moves only the end of the reconsideration period (行政复议法 第二十条) records that end', () => {
    const firm = [...servedOn20January(), ...recompute(servedOn20January())];
    const corrected = new WorkingDayCalendar(
      buildCalendarSnapshot({
        fromYear: 2024,
        toYear: 2028,
        notices: [{ ...NOTICE_2027, holidays: [...MOVED_HOLIDAYS, { name: '测试假日二', from: '2027-03-22', to: '2027-03-22' }] }],
      }),
    );
    const out = decidePenaltyCase(
      stateFrom(firm),
      { type: 'RecomputeDeadlines' },
      { now: noonOn('2027-01-26'), actor: system, calendar: corrected },
    );
    if (isDomainError(out)) throw new Error(out.message);
    expect(out.map((e) => e.payload)).toEqual([
      expect.objectContaining({ deadlines: { set: [], clear: [] }, reconsiderationEndsOn: '2027-03-23', litigationEndsOn: '2027-07-22' }),
    ]);
    expect(stateFrom([...firm, ...out]).appealPeriods).toEqual({ reconsiderationEndsOn: '2027-03-23', litigationEndsOn: '2027-07-22' });
  });
});
