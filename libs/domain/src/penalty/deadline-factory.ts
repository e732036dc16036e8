import type { IsoDate } from '../shared/iso-date';
import { endOfPeriod } from '../shared/legal-calendar';
import type { Versioned } from '../policy/effective-dated';
import type { Period } from '../policy/period';
import { inForceOn } from '../policy/effective-dated';
import { penaltyPolicy } from '../policy/penalty-rules';
import { isDomainError } from '../shared/domain-error';
import type { DeadlineRecord } from './deadline-record';
import { deadlineOn, type DeadlineSpec } from '../deadlines/deadline-of';
import type { NoticePolicy } from '../deadlines/notice-dates';
import { recomputeDeclared } from '../deadlines/recompute';
import { todayOf, type DecideContext } from './decide-context';

export const DEADLINE_LABELS = {
  filing_decision: ['立案决定', 'decide whether to file', true],
  decision: ['作出处理决定', 'penalty decision', true],
  legal_review: ['法制审核', 'legal review', true],
  defence_window: ['陈述、申辩期', "party's defence window", false],
  hearing_request: ['听证申请期', "party's hearing request window", false],
  service: ['送达处罚决定书', 'serve the decision', true],
  payment: ['缴纳罚款', 'payment of the fine', false],
  appeal_periods: ['复议、诉讼期限届满', 'reconsideration and litigation periods lapse', false],
  demand_notice: ['送达催告书（最迟）', 'serve the demand notice (latest date)', true],
  demand_wait: ['催告期满', 'demand notice period ends', false],
  court_application: ['申请人民法院强制执行', 'apply to the court for enforcement', true],
  court_ruling: ['人民法院作出执行裁定', 'court ruling on the application', true],
} as const satisfies Record<string, readonly [string, string, boolean]>;

export type PenaltyDeadlineKind = keyof typeof DEADLINE_LABELS;

/** Each penalty deadline as the engine knows it (libs/domain/src/deadlines). */
function specOf(kind: string): DeadlineSpec | undefined {
  if (!(kind in DEADLINE_LABELS)) return undefined;
  const [labelZh, labelEn, escalate] = DEADLINE_LABELS[kind as PenaltyDeadlineKind];
  return { kind, labelZh, labelEn, escalate };
}

/**
 * The bureau's notice policy for its own penalty-case deadlines: warned ahead, the head told once overdue. The notices
 * are raised from now on, so the policy in force today applies (an act recorded for an earlier date included); on a day
 * before the bureau adopted it there is none, and deadlines set then raise no notices.
 */
function noticePolicyOf(ctx: DecideContext): NoticePolicy | null {
  const today = todayOf(ctx);
  const warn = inForceOn('noticeWarnBefore', penaltyPolicy.noticeWarnBefore, today);
  const head = inForceOn('noticeBureauHeadAfter', penaltyPolicy.noticeBureauHeadAfter, today);
  if (isDomainError(warn) || isDomainError(head)) return null;
  return { warnWorkingDaysBefore: warn.value.count, bureauHeadAfter: head.value };
}

const NO_NOTICES: NoticePolicy = { bureauHeadAfter: { unit: 'days', count: 0 } };

/** A deadline record with its warning and bureau-head dates computed from the bureau's notice policy. */
export function deadlineAt(
  ctx: DecideContext,
  kind: PenaltyDeadlineKind,
  due: { date: IsoDate; provisional: boolean },
  legalSource: string,
  basis?: DeadlineRecord['basis'],
): DeadlineRecord {
  const [labelZh, labelEn, escalate] = DEADLINE_LABELS[kind];
  const policy = noticePolicyOf(ctx);
  return deadlineOn(
    ctx.calendar,
    { kind, labelZh, labelEn, escalate: escalate && policy !== null },
    due,
    legalSource,
    policy ?? NO_NOTICES,
    basis,
  );
}

/** A deadline that runs a legal period from `from`. */
export function deadlineAfter(ctx: DecideContext, kind: PenaltyDeadlineKind, from: IsoDate, rule: Versioned<Period>): DeadlineRecord {
  return deadlineAt(ctx, kind, endOfPeriod(ctx.calendar, from, rule.value), rule.source, { from, period: rule.value });
}

/**
 * Deadlines computed again from their recorded basis on the calendar in force (a State Council notice loaded since):
 * those whose date, status or warning dates change; the legal source and basis stay as they were. `provisionalOnly`
 * is the rule before every calendar-derived date was recomputed (running cases replay with it).
 */
export function recomputedDeadlines(ctx: DecideContext, deadlines: readonly DeadlineRecord[], provisionalOnly = true): DeadlineRecord[] {
  const policy = noticePolicyOf(ctx);
  const spec = (kind: string) => {
    const declared = specOf(kind);
    return declared && !policy ? { ...declared, escalate: false } : declared;
  };
  return recomputeDeclared(ctx.calendar, deadlines, spec, policy ?? NO_NOTICES, provisionalOnly);
}

/** Same dates and certainty: a recomputation that changes nothing records nothing. */
export function sameDeadline(a: DeadlineRecord, b: DeadlineRecord): boolean {
  return a.due === b.due && a.provisional === b.provisional && a.warnOn === b.warnOn && a.bureauHeadOn === b.bureauHeadOn;
}
