import { endOfPeriod, type LegalCalendar } from '../shared/legal-calendar';
import type { DeadlineRecord } from './deadline-record';
import { deadlineOn, type DeadlineSpec } from './deadline-of';
import type { NoticePolicy } from './notice-dates';

/**
 * Deadlines computed again on a newly loaded calendar from their recorded basis, with `fresh` (the process's own
 * way of building one from its basis); those that changed. `provisionalOnly` keeps the earlier rule (only dates past
 * the old calendar's horizon) for executions that replay it.
 */
export function recomputeByBasis<D extends DeadlineRecord>(
  deadlines: readonly D[],
  fresh: (d: D) => D | null,
  provisionalOnly: boolean,
): D[] {
  const changed: D[] = [];
  for (const d of deadlines) {
    if ((provisionalOnly && !d.provisional) || !d.basis) continue;
    const next = fresh(d);
    if (!next) continue;
    const same = provisionalOnly
      ? next.due === d.due && next.provisional === d.provisional
      : next.due === d.due && next.provisional === d.provisional && next.warnOn === d.warnOn && next.bureauHeadOn === d.bureauHeadOn;
    if (!same) changed.push(next);
  }
  return changed;
}

/**
 * Deadlines a process declared (`specOf` its kinds), computed again from their recorded basis on the calendar in force,
 * with their notice days; those that changed. Kinds the process no longer declares are left as they are.
 */
export function recomputeDeclared(
  calendar: LegalCalendar,
  deadlines: readonly DeadlineRecord[],
  specOf: (kind: string) => DeadlineSpec | undefined,
  policy: NoticePolicy,
  provisionalOnly: boolean,
): DeadlineRecord[] {
  return recomputeByBasis(
    deadlines,
    (d) => {
      const spec = specOf(d.kind);
      if (!spec || !d.basis) return null;
      return deadlineOn(calendar, spec, endOfPeriod(calendar, d.basis.from, d.basis.period), d.legalSource, policy, d.basis);
    },
    provisionalOnly,
  );
}
