import { shanghaiDate } from '../shared/iso-date';
import type { AccidentRuleSet } from '../policy/accident-rules';
import type { EscalationNoticeRaisedPayload } from '../events/escalation-notice';
import type { OpenDeadline } from '../events/case-projection';
import type { HourLimit } from './events';

const HOUR = 3600_000;
const MINUTE = 60_000;

export type ReportAddressee = 'district_government' | 'superior_department';

const LABELS: Record<ReportAddressee, [string, string]> = {
  district_government: ['向区人民政府报告事故', 'report the accident to the district government'],
  superior_department: ['向上一级部门（市局）上报事故', 'report the accident to the superior department (city)'],
};

export function hourLimitKind(to: ReportAddressee): string {
  return `report:${to}`;
}

/** A report upward due `perLevelHours` after the bureau received the accident report (one level), with its notice instants. */
export function reportHourLimit(rules: AccidentRuleSet, to: ReportAddressee, receivedAt: string): HourLimit {
  const due = Date.parse(receivedAt) + rules.perLevelHours.value * HOUR;
  const [labelZh, labelEn] = LABELS[to];
  return {
    kind: hourLimitKind(to),
    labelZh,
    labelEn,
    dueAt: new Date(due).toISOString(),
    warnAt: new Date(due - rules.warnMinutesBefore.value * MINUTE).toISOString(),
    headAt: new Date(due + rules.headMinutesAfter.value * MINUTE).toISOString(),
    legalSource: rules.perLevelHours.source,
  };
}

interface HourTrigger {
  key: string;
  limit: HourLimit;
  level: 'approaching' | 'missed';
  recipient: 'section_chief' | 'bureau_head';
  at: number;
}

function triggersOf(limit: HourLimit): HourTrigger[] {
  const key = (what: string, recipient: string) => `${limit.kind}@${limit.dueAt}:${what}:${recipient}`;
  return [
    { key: key('approaching', 'section_chief'), limit, level: 'approaching', recipient: 'section_chief', at: Date.parse(limit.warnAt) },
    { key: key('missed', 'section_chief'), limit, level: 'missed', recipient: 'section_chief', at: Date.parse(limit.dueAt) },
    { key: key('missed', 'bureau_head'), limit, level: 'missed', recipient: 'bureau_head', at: Date.parse(limit.headAt) },
  ];
}

function pending(limits: Record<string, HourLimit>, raised: readonly string[]): HourTrigger[] {
  const done = new Set(raised);
  return Object.values(limits)
    .flatMap(triggersOf)
    .filter((t) => !done.has(t.key))
    .sort((a, b) => a.at - b.at);
}

/** Beijing time of an instant, HH:mm on YYYY-MM-DD. */
export function beijingTime(iso: string): string {
  const t = new Date(Date.parse(iso) + 8 * HOUR).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

function message(t: HourTrigger): string {
  const at = beijingTime(t.limit.dueAt);
  if (t.level === 'approaching')
    return `「${t.limit.labelZh}」须于 ${at} 前完成，即将届满 / ${t.limit.labelEn} is due at ${at} (Beijing time)`;
  if (t.recipient === 'section_chief')
    return `「${t.limit.labelZh}」应于 ${at} 前完成，已逾期，请科长立即上报 / ${t.limit.labelEn} was due at ${at} and is overdue`;
  return `「${t.limit.labelZh}」应于 ${at} 前完成，逾期仍未上报，报请局长督办 / ${t.limit.labelEn} was due at ${at} and is still outstanding`;
}

/** Hour-limit notices due at `now`. A warning not raised before the limit passed is superseded by the missed notice. */
export function hourNoticesDue(limits: Record<string, HourLimit>, raised: readonly string[], now: number): EscalationNoticeRaisedPayload[] {
  const due = pending(limits, raised).filter((t) => t.at <= now);
  const stale = due.filter((t) => t.level === 'approaching' && now >= Date.parse(t.limit.dueAt));
  return due
    .filter((t) => !stale.includes(t))
    .map((t) => ({
      noticeKey: t.key,
      supersedes:
        t.level === 'missed' && t.recipient === 'section_chief' ? stale.filter((s) => s.limit.kind === t.limit.kind).map((s) => s.key) : [],
      deadlineKind: t.limit.kind,
      level: t.level,
      recipientRole: t.recipient,
      due: shanghaiDate(Date.parse(t.limit.dueAt)),
      legalSource: t.limit.legalSource,
      message: message(t),
    }));
}

/** The next instant an hour-limit notice falls due (now when one is already due), or null. */
export function nextHourNoticeAt(limits: Record<string, HourLimit>, raised: readonly string[], now: number): number | null {
  const next = pending(limits, raised)[0];
  if (!next) return null;
  return Math.max(next.at, now);
}

/** Hour limits as the read model lists deadlines: on their day, the time in the label, so they sort first that day. */
export function hourLimitViews(limits: Record<string, HourLimit>): OpenDeadline[] {
  return Object.values(limits).map((h) => ({
    kind: h.kind,
    labelZh: `${h.labelZh}（限 ${beijingTime(h.dueAt)} 前）`,
    labelEn: `${h.labelEn} (by ${beijingTime(h.dueAt)} Beijing time)`,
    due: shanghaiDate(Date.parse(h.dueAt)),
    legalSource: h.legalSource,
    provisional: false,
  }));
}
