import type { IsoDate } from '../shared/iso-date';
import { endOfPeriod, type LegalCalendar, type PeriodEnd } from '../shared/legal-calendar';
import type { Versioned } from '../policy/effective-dated';
import type { Period } from '../policy/period';
import type { DeadlineRecord } from './deadline-record';
import { noticeDates, type NoticePolicy } from './notice-dates';

/** What a process declares of each kind of deadline it sets. */
export interface DeadlineSpec {
  kind: string;
  labelZh: string;
  labelEn: string;
  /** whether missing it raises notices (the bureau's own deadlines); a party's window only gates commands */
  escalate: boolean;
}

/** A deadline due on a date computed by the caller, with the days its notices fall on (the bureau's own deadlines). */
export function deadlineOn(
  calendar: LegalCalendar,
  spec: DeadlineSpec,
  due: PeriodEnd,
  legalSource: string,
  policy: NoticePolicy,
  basis?: DeadlineRecord['basis'],
): DeadlineRecord & { reminderOn?: IsoDate[] } {
  const record: DeadlineRecord = {
    kind: spec.kind,
    labelZh: spec.labelZh,
    labelEn: spec.labelEn,
    due: due.date,
    provisional: due.provisional,
    legalSource,
    escalate: spec.escalate,
    ...(basis ? { basis } : {}),
  };
  if (!spec.escalate) return record;
  const dates = noticeDates(calendar, due.date, policy);
  return {
    ...record,
    ...(dates.warnOn !== undefined ? { warnOn: dates.warnOn } : {}),
    bureauHeadOn: dates.bureauHeadOn,
    ...(dates.reminderOn ? { reminderOn: dates.reminderOn } : {}),
  };
}

/** A deadline that runs a legal period from `from`, recording that basis so a new calendar can compute it again. */
export function periodDeadline(
  calendar: LegalCalendar,
  spec: DeadlineSpec,
  from: IsoDate,
  rule: Versioned<Period>,
  policy: NoticePolicy,
): DeadlineRecord & { reminderOn?: IsoDate[] } {
  return deadlineOn(calendar, spec, endOfPeriod(calendar, from, rule.value), rule.source, policy, { from, period: rule.value });
}
