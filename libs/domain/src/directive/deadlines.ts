import { addDays, type IsoDate } from '../shared/iso-date';
import { endOfPeriod, workingDaysBefore, type LegalCalendar } from '../shared/legal-calendar';
import type { DirectiveRuleSet } from '../policy/directive-rules';
import type { DeadlineSpec } from '../deadlines/deadline-of';
import { deadlineOn } from '../deadlines/deadline-of';
import type { NoticePolicy } from '../deadlines/notice-dates';
import { recomputeByBasis } from '../deadlines/recompute';
import type { DirectiveDeadline } from './events';

/** The deadlines a directive case sets, as the engine knows them. */
export const DIRECTIVE_DEADLINES = {
  writtenDirective: {
    kind: 'written-directive',
    labelZh: '补发书面安全监察指令',
    labelEn: 'written directive after the emergency order',
    escalate: true,
  },
  rectification: { kind: 'rectification', labelZh: '使用单位整改期限', labelEn: 'the unit rectifies by', escalate: false },
  reinspection: { kind: 'reinspection', labelZh: '复查', labelEn: 're-inspection', escalate: true },
  seal: { kind: 'seal', labelZh: '查封扣押期限届满（作出处理或解除）', labelEn: 'the seal expires (decide or release)', escalate: true },
} as const satisfies Record<string, DeadlineSpec>;

function noticePolicy(rules: DirectiveRuleSet, warnWorkingDaysBefore?: number): NoticePolicy {
  return {
    reminderEvery: rules.reminderEvery.value,
    bureauHeadAfter: rules.bureauHeadAfter.value,
    ...(warnWorkingDaysBefore !== undefined ? { warnWorkingDaysBefore } : {}),
  };
}

function withReminders(d: ReturnType<typeof deadlineOn>): DirectiveDeadline {
  return { ...d, reminderOn: d.reminderOn ?? [] };
}

/**
 * 随后补发 (特种设备安全法 第六十二条): due within the bureau's setting from the emergency order; the inspectors are
 * reminded the working day before it is due, then the chief once it is missed and again, then the head.
 */
export function writtenDirectiveDeadline(calendar: LegalCalendar, rules: DirectiveRuleSet, orderedOn: IsoDate): DirectiveDeadline {
  const rule = rules.writtenDirectiveAfterEmergency;
  const due = endOfPeriod(calendar, orderedOn, rule.value);
  const d = withReminders(
    deadlineOn(calendar, DIRECTIVE_DEADLINES.writtenDirective, due, rule.source, noticePolicy(rules), {
      from: orderedOn,
      period: rule.value,
    }),
  );
  const before = workingDaysBefore(calendar, due.date, 1);
  return { ...d, inspectorReminderOn: before > orderedOn ? before : due.date };
}

/** 办法 第二十九条第二款: re-inspect within ten working days of the rectification report. */
export function reinspectionDeadline(calendar: LegalCalendar, rules: DirectiveRuleSet, reportedOn: IsoDate): DirectiveDeadline {
  const rule = rules.reinspection;
  return withReminders(
    deadlineOn(
      calendar,
      DIRECTIVE_DEADLINES.reinspection,
      endOfPeriod(calendar, reportedOn, rule.value),
      rule.source,
      noticePolicy(rules),
      {
        from: reportedOn,
        period: rule.value,
      },
    ),
  );
}

/** The unit's window: gates the refusal (it cannot be refused before the deadline has passed). */
export function rectificationDeadline(calendar: LegalCalendar, rectifyBy: IsoDate): DirectiveDeadline {
  const spec = DIRECTIVE_DEADLINES.rectification;
  return {
    ...deadlineOn(
      calendar,
      spec,
      { date: rectifyBy, provisional: false },
      '特种设备安全监察指令所定整改期限（《特种设备安全法》第六十二条；《特种设备安全监督检查办法》第二十九条第一款）',
      {
        bureauHeadAfter: { unit: 'days', count: 0 },
      },
    ),
    reminderOn: [],
  };
}

/**
 * 行政强制法 第二十五条: the seal lasts at most thirty days (plus at most thirty with the head's approval). A ceiling,
 * counted as plain days and never moved past a holiday; the chief is warned three working days ahead.
 */
export function sealDeadline(calendar: LegalCalendar, rules: DirectiveRuleSet, sealedOn: IsoDate, totalDays: number): DirectiveDeadline {
  const due = { date: addDays(sealedOn, totalDays), provisional: false };
  return withReminders(deadlineOn(calendar, DIRECTIVE_DEADLINES.seal, due, rules.seal.source, noticePolicy(rules, 3)));
}

/** Deadlines with a recorded basis computed again on a newly loaded calendar; those that changed. */
export function recomputedDirectiveDeadlines(
  calendar: LegalCalendar,
  rules: DirectiveRuleSet,
  deadlines: readonly DirectiveDeadline[],
): DirectiveDeadline[] {
  return recomputeByBasis<DirectiveDeadline>(
    deadlines,
    (d) => {
      if (!d.basis) return null;
      if (d.kind === DIRECTIVE_DEADLINES.writtenDirective.kind) return writtenDirectiveDeadline(calendar, rules, d.basis.from);
      if (d.kind === DIRECTIVE_DEADLINES.reinspection.kind) return reinspectionDeadline(calendar, rules, d.basis.from);
      return null;
    },
    false,
  );
}
