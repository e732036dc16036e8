import { addDays, shanghaiDate, startOfShanghaiDay, type IsoDate } from '../shared/iso-date';
import type { DecideContext } from './decide-context';
import { todayOf } from './decide-context';
import type { DeadlineRecord } from './deadline-record';
import { enforcementOpenedEvent } from './decide-enforcement';
import type { PenaltyEvent } from './events';
import type { PenaltyState } from './state';

type NoticeLevel = 'approaching' | 'missed';
type Recipient = 'section_chief' | 'bureau_head';

interface NoticeTrigger {
  key: string;
  deadline: DeadlineRecord;
  level: NoticeLevel;
  recipient: Recipient;
  /** the first legal day on which it is raised */
  on: IsoDate;
}

function triggersOf(d: DeadlineRecord): NoticeTrigger[] {
  if (!d.escalate) return [];
  const key = (level: NoticeLevel, recipient: Recipient) => `${d.kind}@${d.due}:${level}:${recipient}`;
  const out: NoticeTrigger[] = [];
  if (d.warnOn)
    out.push({ key: key('approaching', 'section_chief'), deadline: d, level: 'approaching', recipient: 'section_chief', on: d.warnOn });
  out.push({ key: key('missed', 'section_chief'), deadline: d, level: 'missed', recipient: 'section_chief', on: addDays(d.due, 1) });
  if (d.bureauHeadOn)
    out.push({ key: key('missed', 'bureau_head'), deadline: d, level: 'missed', recipient: 'bureau_head', on: addDays(d.bureauHeadOn, 1) });
  return out;
}

function pendingTriggers(state: PenaltyState): NoticeTrigger[] {
  if (state.stage === 'closed') return [];
  const raised = new Set(state.raisedNotices);
  return Object.values(state.deadlines)
    .flatMap(triggersOf)
    .filter((t) => !raised.has(t.key));
}

function message(t: NoticeTrigger): string {
  const d = t.deadline;
  return t.level === 'approaching'
    ? `「${d.labelZh}」将于 ${d.due} 届满，请督办 / ${d.labelEn} is due on ${d.due}`
    : `「${d.labelZh}」已于 ${d.due} 届满而未完成 / ${d.labelEn} was due on ${d.due} and is overdue`;
}

/** What the passing of time decides by itself: escalation notices and the opening of enforcement. */
export function decideTick(state: PenaltyState, ctx: DecideContext): PenaltyEvent[] {
  const today = todayOf(ctx);
  const due = pendingTriggers(state).filter((t) => t.on <= today);
  // once a deadline is missed, a late "approaching" warning says nothing new: the missed notice supersedes it
  const stale = due.filter((t) => t.level === 'approaching' && today > t.deadline.due);
  const notices: PenaltyEvent[] = due
    .filter((t) => !stale.includes(t))
    .map((t) => ({
      type: 'EscalationNoticeRaised',
      payload: {
        noticeKey: t.key,
        supersedes:
          t.level === 'missed' && t.recipient === 'section_chief'
            ? stale.filter((s) => s.deadline.kind === t.deadline.kind).map((s) => s.key)
            : [],
        deadlineKind: t.deadline.kind,
        level: t.level,
        recipientRole: t.recipient,
        due: t.deadline.due,
        legalSource: t.deadline.legalSource,
        message: message(t),
      },
    }));
  const opened = enforcementOpenedEvent(state, ctx);
  return opened ? [...notices, opened] : notices;
}

/** The next instant at which the clock has something to decide, or null when nothing is pending. */
export function nextWakeUp(state: PenaltyState, now: number): number | null {
  const today = shanghaiDate(now);
  const candidates = pendingTriggers(state).map((t) => t.on);
  if (state.stage === 'payment' && state.enforcementFrom) candidates.push(state.enforcementFrom);
  if (candidates.length === 0) return null;
  const earliest = candidates.reduce((a, b) => (a < b ? a : b));
  return earliest <= today ? now : startOfShanghaiDay(earliest);
}
