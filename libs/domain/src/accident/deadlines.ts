import type { IsoDate } from '../shared/iso-date';
import type { LegalCalendar } from '../shared/legal-calendar';
import type { AccidentRuleSet } from '../policy/accident-rules';
import { days } from '../policy/period';
import { deadlineOn, periodDeadline, type DeadlineSpec } from '../deadlines/deadline-of';
import type { NoticePolicy } from '../deadlines/notice-dates';
import { recomputeDeclared } from '../deadlines/recompute';
import type { AccidentDeadline } from './events';

export const INVESTIGATION_DEADLINE: DeadlineSpec = {
  kind: 'investigation_report',
  labelZh: '提交事故调查报告',
  labelEn: 'submit the investigation report',
  escalate: true,
};
export const APPROVAL_DEADLINE: DeadlineSpec = {
  kind: 'approval',
  labelZh: '人民政府批复事故调查报告',
  labelEn: 'the government approves the report',
  escalate: true,
};

export function verificationKind(outcomeId: string): string {
  return `verification:${outcomeId}`;
}

function verificationSpec(outcomeId: string): DeadlineSpec {
  return {
    kind: verificationKind(outcomeId),
    labelZh: `整改复查（${outcomeId}）`,
    labelEn: `verify the rectification (${outcomeId})`,
    escalate: true,
  };
}

export function noticePolicyOf(rules: AccidentRuleSet): NoticePolicy {
  return {
    warnWorkingDaysBefore: rules.warnWorkingDaysBefore.value,
    reminderEvery: rules.reminderEvery.value,
    bureauHeadAfter: rules.bureauHeadAfter.value,
  };
}

/**
 * 60 days from the accident (第二十九条), plus the days appraisal took (第二十七条: not counted) and any approved
 * extension: one period from the accident's day, recorded with that basis so a new calendar recomputes it.
 */
export function investigationDeadline(
  calendar: LegalCalendar,
  rules: AccidentRuleSet,
  occurredOn: IsoDate,
  pausedDays: number,
  extensionDays: number,
): AccidentDeadline {
  const total = rules.investigation.value.count + pausedDays + extensionDays;
  const extra = [
    pausedDays > 0 ? `技术鉴定、损失评估 ${pausedDays} 日不计入` : '',
    extensionDays > 0 ? `经批准延长 ${extensionDays} 日` : '',
  ]
    .filter(Boolean)
    .join('；');
  const rule = {
    ...rules.investigation,
    value: days(total),
    source: extra ? `${rules.investigation.source}（${extra}）` : rules.investigation.source,
  };
  return periodDeadline(calendar, INVESTIGATION_DEADLINE, occurredOn, rule, noticePolicyOf(rules));
}

/** 15 days from the report reaching the government (第三十二条). */
export function approvalDeadline(calendar: LegalCalendar, rules: AccidentRuleSet, from: IsoDate): AccidentDeadline {
  return periodDeadline(calendar, APPROVAL_DEADLINE, from, rules.approval, noticePolicyOf(rules));
}

/** The day the rectification opinions set for verification (the bureau where it happened supervises). */
export function verificationDeadline(
  calendar: LegalCalendar,
  rules: AccidentRuleSet,
  outcomeId: string,
  verifyBy: IsoDate,
): AccidentDeadline {
  return deadlineOn(
    calendar,
    verificationSpec(outcomeId),
    { date: verifyBy, provisional: false },
    '事故调查报告整改意见确定的复查期限（本局负责监督整改落实）',
    noticePolicyOf(rules),
  );
}

function specOf(kind: string): DeadlineSpec | undefined {
  if (kind === INVESTIGATION_DEADLINE.kind) return INVESTIGATION_DEADLINE;
  if (kind === APPROVAL_DEADLINE.kind) return APPROVAL_DEADLINE;
  return undefined;
}

/** The accident's periods computed again on a newly loaded calendar; those that changed. */
export function recomputedAccidentDeadlines(
  calendar: LegalCalendar,
  rules: AccidentRuleSet,
  deadlines: readonly AccidentDeadline[],
): AccidentDeadline[] {
  return recomputeDeclared(calendar, deadlines, specOf, noticePolicyOf(rules), false);
}
