import { addDays, maxDate, type IsoDate } from '../shared/iso-date';
import { endOfPeriod } from '../shared/legal-calendar';
import type { PenaltyRuleSet } from '../policy/penalty-rule-set';
import type { DecideContext } from './decide-context';
import { deadlineAt } from './deadline-factory';
import type { DeadlineRecord } from './deadline-record';
import type { PaymentSchedule } from './events';

export interface EnforcementClock {
  enforcementFrom: IsoDate;
  courtWindowEndsOn: IsoDate;
  deadline: DeadlineRecord;
}

/**
 * Enforcement through the court opens once the reconsideration and litigation periods have lapsed
 * unpaid (行政强制法 第五十三条) — and not before the last approved due date, so a deferral moves it.
 * The court must be applied to within three months of that point.
 */
export function enforcementClock(
  ctx: DecideContext,
  rules: PenaltyRuleSet,
  appealPeriodsEndOn: IsoDate,
  schedule: PaymentSchedule,
): EnforcementClock {
  const lastDue = schedule.reduce((latest, i) => maxDate(latest, i.dueOn), appealPeriodsEndOn);
  const base = maxDate(appealPeriodsEndOn, lastDue);
  const window = endOfPeriod(ctx.calendar, base, rules.courtApplicationWindow.value);
  return {
    enforcementFrom: addDays(base, 1),
    courtWindowEndsOn: window.date,
    deadline: deadlineAt(
      ctx,
      'appeal_periods',
      { date: base, provisional: window.provisional },
      `${rules.reconsiderationPeriod.source}；${rules.litigationPeriod.source}`,
    ),
  };
}

/** The end of both appeal periods counted from service of the decision. */
export function appealPeriodsEnd(ctx: DecideContext, rules: PenaltyRuleSet, servedOn: IsoDate) {
  const reconsideration = endOfPeriod(ctx.calendar, servedOn, rules.reconsiderationPeriod.value);
  const litigation = endOfPeriod(ctx.calendar, servedOn, rules.litigationPeriod.value);
  return {
    reconsiderationEndsOn: reconsideration.date,
    litigationEndsOn: litigation.date,
    endsOn: maxDate(reconsideration.date, litigation.date),
  };
}
