import { nextNoticeAt, noticesDue, type NoticeTrigger } from '../deadlines/notices';
import { todayOf, type DecideContext } from '../shared/decide-guards';
import type { EscalationEvent } from './events';
import type { EscalationState } from './state';

/** Missed → 科长; again every reminder day → 科长; still missed → 局长. A response can't be hurried before it is due. */
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
  if (state.stage !== 'open') return [];
  return noticesDue(state.deadlines, state.raisedNotices, todayOf(ctx), message).map((payload) => ({
    type: 'EscalationNoticeRaised',
    payload,
  }));
}

/** The next instant at which the clock has something to decide, or null when nothing is pending. */
export function nextEscalationWakeUp(state: EscalationState, now: number): number | null {
  return state.stage === 'open' ? nextNoticeAt(state.deadlines, state.raisedNotices, now) : null;
}
