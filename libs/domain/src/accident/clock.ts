import { nextNoticeAt, noticesDue, type NoticeTrigger } from '../deadlines/notices';
import { todayOf, type DecideContext } from '../shared/decide-guards';
import type { AccidentEvent } from './events';
import { hourNoticesDue, nextHourNoticeAt } from './hour-limits';
import type { AccidentState } from './state';

function message(t: NoticeTrigger): string {
  const d = t.deadline;
  if (t.level === 'approaching') return `「${d.labelZh}」将于 ${d.due} 届满 / ${d.labelEn} is due on ${d.due}`;
  if (t.recipient === 'bureau_head')
    return `「${d.labelZh}」应于 ${d.due} 前完成，逾期仍未办理，报请局长督办 / ${d.labelEn} was due on ${d.due} and is still outstanding`;
  if (t.reminder === 1) return `「${d.labelZh}」已于 ${d.due} 届满而未办理 / ${d.labelEn} was due on ${d.due} and is overdue`;
  return `第${t.reminder}次催办：「${d.labelZh}」已于 ${d.due} 届满 / reminder ${t.reminder}: ${d.labelEn} was due on ${d.due}`;
}

/** What the passing of time decides by itself: notices for report hour limits and for the investigation's periods. */
export function decideAccidentTick(state: AccidentState, ctx: DecideContext): AccidentEvent[] {
  if (state.phase === 'none' || state.phase === 'closed') return [];
  const hours = hourNoticesDue(state.hourLimits, state.raisedNotices, ctx.now);
  const days = noticesDue(state.deadlines, state.raisedNotices, todayOf(ctx), message);
  return [...hours, ...days].map((payload) => ({ type: 'EscalationNoticeRaised', payload }));
}

export function nextAccidentWakeUp(state: AccidentState, now: number): number | null {
  if (state.phase === 'none' || state.phase === 'closed') return null;
  const candidates = [
    nextHourNoticeAt(state.hourLimits, state.raisedNotices, now),
    nextNoticeAt(state.deadlines, state.raisedNotices, now),
  ].filter((t): t is number => t !== null);
  return candidates.length === 0 ? null : Math.min(...candidates);
}
