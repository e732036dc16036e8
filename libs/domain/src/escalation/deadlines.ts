import type { IsoDate } from '../shared/iso-date';
import { endOfPeriod } from '../shared/legal-calendar';
import type { EscalationResponsePhase, EscalationRuleSet } from '../policy/escalation-rules';
import type { DecideContext } from '../shared/decide-guards';
import type { EscalationDeadline } from './events';
import type { EscalationLevel } from './levels';
import { noticeDates } from '../deadlines/notice-dates';
import { recomputeByBasis } from '../deadlines/recompute';

export function responseDeadlineKind(phase: EscalationResponsePhase, level: Pick<EscalationLevel, 'key'>): string {
  return `${phase}:${level.key}`;
}

/**
 * The time a level has to sign for (acknowledgement) or answer (answer) the document, from `from`, with the days
 * the clock will chase it: the section chief the day after it is missed and again every `reminderEvery`, then the
 * bureau head once it is `bureauHeadAfter` overdue. All computed now, with the calendar, and recorded in the event.
 */
export function responseDeadline(
  ctx: DecideContext,
  rules: EscalationRuleSet,
  level: EscalationLevel,
  phase: EscalationResponsePhase,
  from: IsoDate,
): EscalationDeadline {
  const rule = rules.response[level.kind][phase];
  const due = endOfPeriod(ctx.calendar, from, rule.value);
  const { bureauHeadOn, reminderOn = [] } = noticeDates(ctx.calendar, due.date, {
    reminderEvery: rules.reminderEvery.value,
    bureauHeadAfter: rules.bureauHeadAfter.value,
  });
  const [labelZh, labelEn] =
    phase === 'acknowledgement'
      ? [`${level.nameZh}签收上报（移送）文书`, `${level.nameEn} acknowledges the document`]
      : [`${level.nameZh}作出答复`, `${level.nameEn} answers (decides or forwards)`];
  return {
    kind: responseDeadlineKind(phase, level),
    labelZh,
    labelEn,
    due: due.date,
    provisional: due.provisional,
    legalSource: rule.source,
    escalate: true,
    bureauHeadOn,
    level: level.key,
    phase,
    reminderOn,
    basis: { from, period: rule.value },
  };
}

/**
 * Response deadlines computed again on the calendar in force, from their basis; those whose dates changed.
 * `provisionalOnly`: the earlier rule, for escalations that took a calendar before every date was recomputed.
 */
export function recomputedResponseDeadlines(
  ctx: DecideContext,
  rules: EscalationRuleSet,
  chain: readonly EscalationLevel[],
  deadlines: readonly EscalationDeadline[],
  provisionalOnly = true,
): EscalationDeadline[] {
  return recomputeByBasis(
    deadlines,
    (d) => {
      const level = chain.find((l) => l.key === d.level);
      return level && d.basis ? responseDeadline(ctx, rules, level, d.phase, d.basis.from) : null;
    },
    provisionalOnly,
  );
}
