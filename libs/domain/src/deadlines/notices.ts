import { addDays, shanghaiDate, startOfShanghaiDay, type IsoDate } from '../shared/iso-date';
import type { EscalationNoticeRaisedPayload } from '../events/escalation-notice';
import type { DeadlineRecord } from './deadline-record';

/** A deadline as the notice engine reads it: the common record, plus any repeated reminder days. */
export type NoticeDeadline = DeadlineRecord & { reminderOn?: readonly IsoDate[] };

/** One notice a deadline can raise, and the first day on which it is raised. */
export interface NoticeTrigger<D extends NoticeDeadline = NoticeDeadline> {
  key: string;
  deadline: D;
  level: 'approaching' | 'missed';
  recipient: 'section_chief' | 'bureau_head';
  /** 1 for the first missed notice to the chief, 2.. for repeated reminders; 0 for warnings and the head */
  reminder: number;
  on: IsoDate;
}

/**
 * Every notice a deadline of the bureau's own (escalate) can raise, one mechanism for every process: warned ahead
 * (`warnOn`) → 科长; missed (the day after `due`) → 科长; again on each `reminderOn` day → 科长; still missed after
 * `bureauHeadOn` → 局长. A party's window (defence, payment) raises nothing: it gates commands.
 */
function triggersOf<D extends NoticeDeadline>(d: D): NoticeTrigger<D>[] {
  if (!d.escalate) return [];
  const key = (what: string, recipient: string) => `${d.kind}@${d.due}:${what}:${recipient}`;
  const out: NoticeTrigger<D>[] = [];
  if (d.warnOn)
    out.push({
      key: key('approaching', 'section_chief'),
      deadline: d,
      level: 'approaching',
      recipient: 'section_chief',
      reminder: 0,
      on: d.warnOn,
    });
  out.push({
    key: key('missed', 'section_chief'),
    deadline: d,
    level: 'missed',
    recipient: 'section_chief',
    reminder: 1,
    on: addDays(d.due, 1),
  });
  (d.reminderOn ?? []).forEach((on, i) =>
    out.push({
      key: key(`reminder-${i + 2}`, 'section_chief'),
      deadline: d,
      level: 'missed',
      recipient: 'section_chief',
      reminder: i + 2,
      on,
    }),
  );
  if (d.bureauHeadOn)
    out.push({
      key: key('missed', 'bureau_head'),
      deadline: d,
      level: 'missed',
      recipient: 'bureau_head',
      reminder: 0,
      on: addDays(d.bureauHeadOn, 1),
    });
  return out;
}

/** The notices not yet raised, earliest first. */
function pendingTriggers<D extends NoticeDeadline>(deadlines: Record<string, D>, raised: readonly string[]): NoticeTrigger<D>[] {
  const done = new Set(raised);
  return Object.values(deadlines)
    .flatMap((d) => triggersOf(d))
    .filter((t) => !done.has(t.key))
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

/**
 * The notices due by `today`, as event payloads. Once a deadline is missed, a late "approaching" warning says nothing
 * new: it is not raised, and the missed notice to the chief records that it supersedes it.
 */
export function noticesDue<D extends NoticeDeadline>(
  deadlines: Record<string, D>,
  raised: readonly string[],
  today: IsoDate,
  message: (t: NoticeTrigger<D>) => string,
): EscalationNoticeRaisedPayload[] {
  const due = pendingTriggers(deadlines, raised).filter((t) => t.on <= today);
  const stale = due.filter((t) => t.level === 'approaching' && today > t.deadline.due);
  return due
    .filter((t) => !stale.includes(t))
    .map((t) => ({
      noticeKey: t.key,
      supersedes:
        t.level === 'missed' && t.recipient === 'section_chief' && t.reminder === 1
          ? stale.filter((s) => s.deadline.kind === t.deadline.kind).map((s) => s.key)
          : [],
      deadlineKind: t.deadline.kind,
      level: t.level,
      recipientRole: t.recipient,
      due: t.deadline.due,
      legalSource: t.deadline.legalSource,
      message: message(t),
    }));
}

/** The day the next notice not yet raised falls due (it may be past, when the clock is late), or null. */
export function nextNoticeOn(deadlines: Record<string, NoticeDeadline>, raised: readonly string[]): IsoDate | null {
  return pendingTriggers(deadlines, raised)[0]?.on ?? null;
}

/** The next instant a notice falls due (now, when one is already due), or null: when the clock wakes. */
export function nextNoticeAt(deadlines: Record<string, NoticeDeadline>, raised: readonly string[], now: number): number | null {
  const on = nextNoticeOn(deadlines, raised);
  if (on === null) return null;
  return on <= shanghaiDate(now) ? now : startOfShanghaiDay(on);
}
