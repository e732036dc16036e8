import { addDays, type IsoDate } from '../shared/iso-date';
import { endOfPeriod, workingDaysBefore, type LegalCalendar } from '../shared/legal-calendar';
import type { Period } from '../policy/period';

/**
 * When a deadline of the bureau's own is chased (the bureau's internal rule, in the policy with its source): the section
 * chief warned some working days ahead, chased again at an interval once it is missed, the bureau head told once it is
 * overdue by a period. A process declares its policy; the engine computes the days and raises the notices.
 */
export interface NoticePolicy {
  /** warn the section chief this many working days before the due date (no warning when absent) */
  warnWorkingDaysBefore?: number;
  /** remind the section chief again every such period after the missed notice, until the head is told */
  reminderEvery?: Period;
  /** tell the bureau head once the deadline is overdue by this period */
  bureauHeadAfter: Period;
}

export interface NoticeDates {
  warnOn?: IsoDate;
  /** present when the policy has reminders */
  reminderOn?: IsoDate[];
  bureauHeadOn: IsoDate;
}

/**
 * The days a deadline due on `due` raises its notices, on the calendar in force: `warnOn`, the reminder days (each
 * after the first missed day and no later than the head's day), `bureauHeadOn` (the head is told the day after).
 */
export function noticeDates(calendar: LegalCalendar, due: IsoDate, policy: NoticePolicy): NoticeDates {
  const bureauHeadOn = endOfPeriod(calendar, due, policy.bureauHeadAfter).date;
  const out: NoticeDates = { bureauHeadOn };
  if (policy.warnWorkingDaysBefore !== undefined) out.warnOn = workingDaysBefore(calendar, due, policy.warnWorkingDaysBefore);
  const every = policy.reminderEvery;
  if (every) {
    const reminderOn: IsoDate[] = [];
    const firstMissed = addDays(due, 1);
    for (let r = due; ;) {
      r = endOfPeriod(calendar, r, every).date;
      if (r > bureauHeadOn || every.count === 0) break;
      if (r > firstMissed) reminderOn.push(r);
    }
    out.reminderOn = reminderOn;
  }
  return out;
}
