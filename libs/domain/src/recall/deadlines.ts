import type { IsoDate } from '../shared/iso-date';
import type { DecideContext } from '../shared/decide-guards';
import type { Versioned } from '../policy/effective-dated';
import type { Period } from '../policy/period';
import type { RecallRuleSet } from '../policy/recall-rules';
import { periodDeadline, type DeadlineSpec } from '../deadlines/deadline-of';
import { recomputeDeclared } from '../deadlines/recompute';
import type { NoticePolicy } from '../deadlines/notice-dates';
import type { RecallDeadline } from './events';

/** Every deadline a recall sets. The producer's objection window only gates the objection; the rest are chased. */
export const RECALL_DEADLINES = {
  investigation: {
    kind: 'investigation',
    labelZh: '完成缺陷调查或上报',
    labelEn: 'investigate the defect or report upward',
    escalate: true,
  },
  upward_answer: { kind: 'upward_answer', labelZh: '上级主管部门答复缺陷调查', labelEn: 'the leading authority answers', escalate: true },
  objection: { kind: 'objection', labelZh: '生产者提出异议期限', labelEn: 'producer objection window', escalate: false },
  plan_filing: { kind: 'plan_filing', labelZh: '责令召回后备案召回计划', labelEn: 'recall plan filed after the order', escalate: true },
  publication: { kind: 'publication', labelZh: '发布召回信息', labelEn: 'recall published', escalate: true },
  progress_report: { kind: 'progress_report', labelZh: '提交召回阶段性报告', labelEn: 'progress report', escalate: true },
  summary_report: { kind: 'summary_report', labelZh: '提交召回总结报告', labelEn: 'summary report', escalate: true },
  assessment: { kind: 'assessment', labelZh: '召回效果评估', labelEn: 'effectiveness assessment', escalate: true },
} as const satisfies Record<string, DeadlineSpec>;
export type RecallDeadlineKind = keyof typeof RECALL_DEADLINES;

export function recallNoticePolicy(rules: RecallRuleSet): NoticePolicy {
  return { reminderEvery: rules.reminderEvery.value, bureauHeadAfter: rules.bureauHeadAfter.value };
}

/** A deadline of `kind` running `rule` from `from`, with its notice days, computed now with the calendar. */
export function recallDeadline(
  ctx: DecideContext,
  rules: RecallRuleSet,
  kind: RecallDeadlineKind,
  from: IsoDate,
  rule: Versioned<Period>,
): RecallDeadline {
  return periodDeadline(ctx.calendar, RECALL_DEADLINES[kind], from, rule, recallNoticePolicy(rules));
}

/** A recall's deadlines computed again on the calendar in force; those that changed. */
export function recomputedRecallDeadlines(
  ctx: DecideContext,
  rules: RecallRuleSet,
  deadlines: readonly RecallDeadline[],
): RecallDeadline[] {
  return recomputeDeclared(
    ctx.calendar,
    deadlines,
    (kind) => (RECALL_DEADLINES as Record<string, DeadlineSpec>)[kind],
    recallNoticePolicy(rules),
    false,
  );
}
