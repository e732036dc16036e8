import { nextNoticeAt, noticesDue, type NoticeTrigger } from '../deadlines/notices';
import { todayOf, type DecideContext } from '../shared/decide-guards';
import type { RecallDeadline, RecallEvent } from './events';
import type { RecallState } from './state';

const PRODUCER_DUE = new Set(['plan_filing', 'progress_report', 'summary_report']);

/** Missed → 科长 (for the producer's reports: send the producer a reminder 催报); again on reminder days; then 局长. */
function message(t: NoticeTrigger<RecallDeadline>): string {
  const d = t.deadline;
  if (t.recipient === 'bureau_head')
    return `「${d.labelZh}」应于 ${d.due} 前完成，逾期仍未办理，报请局长督办 / ${d.labelEn} was due on ${d.due} and is still outstanding`;
  const chase = PRODUCER_DUE.has(d.kind) ? '请向生产者发出催报' : '请科长催办';
  if (t.reminder === 1) return `「${d.labelZh}」已于 ${d.due} 届满而未办理，${chase} / ${d.labelEn} was due on ${d.due}: remind`;
  return `第${t.reminder}次催报：「${d.labelZh}」已于 ${d.due} 届满 / reminder ${t.reminder}: ${d.labelEn} was due on ${d.due}`;
}

export function decideRecallTick(state: RecallState, ctx: DecideContext): RecallEvent[] {
  if (state.stage === 'none' || state.stage === 'closed') return [];
  return noticesDue(state.deadlines, state.raisedNotices, todayOf(ctx), message).map((payload) => ({
    type: 'EscalationNoticeRaised',
    payload,
  }));
}

export function nextRecallWakeUp(state: RecallState, now: number): number | null {
  if (state.stage === 'none' || state.stage === 'closed') return null;
  return nextNoticeAt(state.deadlines, state.raisedNotices, now);
}
