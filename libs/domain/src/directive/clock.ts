import { nextNoticeAt, noticesDue, type NoticeTrigger } from '../deadlines/notices';
import { shanghaiDate, startOfShanghaiDay } from '../shared/iso-date';
import { todayOf, type DecideContext } from '../shared/decide-guards';
import type { DirectiveDeadline, DirectiveEvent } from './events';
import type { DirectiveState } from './state';

function message(t: NoticeTrigger): string {
  const d = t.deadline;
  if (t.level === 'approaching') return `「${d.labelZh}」将于 ${d.due} 届满，请科长督促 / ${d.labelEn} falls due on ${d.due}`;
  if (t.recipient === 'bureau_head')
    return `「${d.labelZh}」应于 ${d.due} 前完成，逾期仍未办理，报请局长督办 / ${d.labelEn} was due on ${d.due} and is still outstanding`;
  if (t.reminder === 1) return `「${d.labelZh}」已于 ${d.due} 届满而未办理，请科长督办 / ${d.labelEn} was due on ${d.due} and is overdue`;
  return `第${t.reminder}次提醒：「${d.labelZh}」已于 ${d.due} 届满 / reminder ${t.reminder}: ${d.labelEn} was due on ${d.due}`;
}

function inspectorKey(d: DirectiveDeadline): string {
  return `${d.kind}@${d.due}:reminder:inspectors`;
}

function inspectorRemindersDue(state: DirectiveState, today: string): DirectiveEvent[] {
  return Object.values(state.deadlines)
    .filter((d) => d.inspectorReminderOn !== undefined && d.inspectorReminderOn <= today && today <= d.due)
    .filter((d) => !state.raisedNotices.includes(inspectorKey(d)))
    .map((d) => ({
      type: 'InspectorReminded' as const,
      payload: {
        reminderKey: inspectorKey(d),
        inspectorIds: state.inspectors.map((i) => i.officerId),
        deadlineKind: d.kind,
        due: d.due,
        message: `请于 ${d.due} 前补发书面安全监察指令（《特种设备安全法》第六十二条）/ issue the written directive by ${d.due}`,
      },
    }));
}

/** What the passing of time decides: the inspectors' reminder, then the engine's notices to the chief and the head. */
export function decideDirectiveTick(state: DirectiveState, ctx: DecideContext): DirectiveEvent[] {
  if (state.status !== 'open') return [];
  const today = todayOf(ctx);
  const notices = noticesDue(state.deadlines, state.raisedNotices, today, message).map((payload) => ({
    type: 'EscalationNoticeRaised' as const,
    payload,
  }));
  return [...inspectorRemindersDue(state, today), ...notices];
}

/** The next instant the clock has something to decide, or null. */
export function nextDirectiveWakeUp(state: DirectiveState, now: number): number | null {
  if (state.status !== 'open') return null;
  const today = shanghaiDate(now);
  const candidates: number[] = [];
  const notice = nextNoticeAt(state.deadlines, state.raisedNotices, now);
  if (notice !== null) candidates.push(notice);
  for (const d of Object.values(state.deadlines)) {
    if (d.inspectorReminderOn === undefined || state.raisedNotices.includes(inspectorKey(d)) || d.due < today) continue;
    candidates.push(d.inspectorReminderOn <= today ? now : startOfShanghaiDay(d.inspectorReminderOn));
  }
  return candidates.length === 0 ? null : Math.min(...candidates);
}
