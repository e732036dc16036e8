import { buildCalendarSnapshot } from '@qts/holiday-calendar';
import {
  WorkingDayCalendar,
  nextNoticeOn,
  noticesDue,
  periodDeadline,
  recomputeDeclared,
  workingDays,
  type DeadlineSpec,
  type NoticePolicy,
} from '@qts/domain';
import { NOTICE_2027 } from '../../support/calendar-fixtures';
import { calendar } from '../../support/decider-given-when-then';

/*
 * A process still to come declares a deadline and its notice policy, and gets the record, the notices and the
 * recomputation from the engine. The rule below is made up for the test (a recall plan within five working days).
 */
const PLAN: DeadlineSpec = { kind: 'recall_plan', labelZh: '提交召回计划', labelEn: 'submit the recall plan', escalate: true };
const RULE = { effectiveFrom: '2020-01-01', value: workingDays(5), source: '测试规则：五个工作日内提交召回计划' };
const POLICY: NoticePolicy = { warnWorkingDaysBefore: 2, reminderEvery: workingDays(1), bureauHeadAfter: workingDays(3) };
const WITH_NOTICE = new WorkingDayCalendar(buildCalendarSnapshot({ fromYear: 2024, toYear: 2028, notices: [NOTICE_2027] }));
const byKind = (kind: string) => (kind === PLAN.kind ? PLAN : undefined);

describe('a deadline declared by any process: record, notices and recomputation from one engine', () => {
  // ordered on Wednesday 2027-02-03; on the statutory holidays alone (春节 02-05..08) five working days end on 02-12 (02-04, 09..12)
  const plan = periodDeadline(calendar, PLAN, '2027-02-03', RULE, POLICY);

  it('records the period, its basis, its source and the days its notices fall on', () => {
    expect(plan).toEqual({
      kind: 'recall_plan',
      labelZh: '提交召回计划',
      labelEn: 'submit the recall plan',
      due: '2027-02-12',
      provisional: true,
      legalSource: RULE.source,
      escalate: true,
      basis: { from: '2027-02-03', period: workingDays(5) },
      warnOn: '2027-02-10',
      bureauHeadOn: '2027-02-17',
      reminderOn: ['2027-02-15', '2027-02-16', '2027-02-17'],
    });
    expect(nextNoticeOn({ plan }, [])).toBe('2027-02-10');
    // the head is told the day after bureauHeadOn; a warning that comes too late is superseded, not raised
    const keys = (today: string) => noticesDue({ plan }, [], today, (t) => t.key).map((n) => n.noticeKey);
    expect(keys('2027-02-17')).toEqual([
      'recall_plan@2027-02-12:missed:section_chief',
      'recall_plan@2027-02-12:reminder-2:section_chief',
      'recall_plan@2027-02-12:reminder-3:section_chief',
      'recall_plan@2027-02-12:reminder-4:section_chief',
    ]);
    expect(keys('2027-02-18')).toContain('recall_plan@2027-02-12:missed:bureau_head');
  });

  it('a newly loaded notice (春节 02-05..12, Saturday 02-20 worked) moves it with its notice days; the same calendar again moves nothing', () => {
    const [moved, ...more] = recomputeDeclared(WITH_NOTICE, [plan], byKind, POLICY, false);
    expect(more).toEqual([]);
    // 02-04, 15..18; warned two working days ahead; the head three working days after (19, 20, 22)
    expect(moved).toMatchObject({ due: '2027-02-18', provisional: false, warnOn: '2027-02-16', bureauHeadOn: '2027-02-22' });
    expect(moved?.basis).toEqual(plan.basis);
    expect(nextNoticeOn({ plan: { ...plan, ...moved } }, [])).toBe('2027-02-16');
    expect(recomputeDeclared(WITH_NOTICE, moved ? [moved] : [], byKind, POLICY, false)).toEqual([]);
    // a kind the process no longer declares is left alone
    expect(recomputeDeclared(WITH_NOTICE, [{ ...plan, kind: 'retired' }], byKind, POLICY, false)).toEqual([]);
  });
});
