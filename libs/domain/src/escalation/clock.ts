import { addDays, shanghaiDate, startOfShanghaiDay, type IsoDate } from '../shared/iso-date';
import { todayOf, type DecideContext } from '../shared/decide-guards';
import type { EscalationDeadline, EscalationEvent } from './events';
import type { EscalationState } from './state';

interface NoticeTrigger {
  key: string;
  deadline: EscalationDeadline;
  recipient: 'section_chief' | 'bureau_head';
  /** 1 for the first missed notice, 2.. for the repeated reminders; 0 for the bureau head */
  reminder: number;
  on: IsoDate;
}

/** Missed → 科长; again every reminder day → 科长; still missed → 局长. A response can't be hurried before it is due. */
function triggersOf(d: EscalationDeadline): NoticeTrigger[] {
  if (!d.escalate) return [];
  const key = (what: string, recipient: string) => `${d.kind}@${d.due}:${what}:${recipient}`;
  const out: NoticeTrigger[] = [
    { key: key('missed', 'section_chief'), deadline: d, recipient: 'section_chief', reminder: 1, on: addDays(d.due, 1) },
  ];
  (d.reminderOn ?? []).forEach((on, i) =>
    out.push({ key: key(`reminder-${i + 2}`, 'section_chief'), deadline: d, recipient: 'section_chief', reminder: i + 2, on }),
  );
  if (d.bureauHeadOn)
    out.push({ key: key('missed', 'bureau_head'), deadline: d, recipient: 'bureau_head', reminder: 0, on: addDays(d.bureauHeadOn, 1) });
  return out;
}

function pendingTriggers(state: EscalationState): NoticeTrigger[] {
  if (state.stage !== 'open') return [];
  const raised = new Set(state.raisedNotices);
  return Object.values(state.deadlines)
    .flatMap(triggersOf)
    .filter((t) => !raised.has(t.key))
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

function message(t: NoticeTrigger): string {
  const d = t.deadline;
  if (t.recipient === 'bureau_head')
    return `「${d.labelZh}」应于 ${d.due} 前完成，逾期仍未办理，报请局长督办 / ${d.labelEn} was due on ${d.due} and is still outstanding`;
  if (t.reminder === 1)
    return `「${d.labelZh}」已于 ${d.due} 届满而未办理，请科长催办 / ${d.labelEn} was due on ${d.due} and is overdue: chase it`;
  return `第${t.reminder}次催办：「${d.labelZh}」已于 ${d.due} 届满 / reminder ${t.reminder}: ${d.labelEn} was due on ${d.due}`;
}

/** What the passing of time decides by itself: reminders and bureau-head notices for overdue responses. */
export function decideEscalationTick(state: EscalationState, ctx: DecideContext): EscalationEvent[] {
  const today = todayOf(ctx);
  return pendingTriggers(state)
    .filter((t) => t.on <= today)
    .map((t) => ({
      type: 'EscalationNoticeRaised',
      payload: {
        noticeKey: t.key,
        supersedes: [],
        deadlineKind: t.deadline.kind,
        level: 'missed',
        recipientRole: t.recipient,
        due: t.deadline.due,
        legalSource: t.deadline.legalSource,
        message: message(t),
      },
    }));
}

/** The next instant at which the clock has something to decide, or null when nothing is pending. */
export function nextEscalationWakeUp(state: EscalationState, now: number): number | null {
  const first = pendingTriggers(state)[0];
  if (!first) return null;
  return first.on <= shanghaiDate(now) ? now : startOfShanghaiDay(first.on);
}
