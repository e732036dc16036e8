import { nextNoticeAt, noticesDue, type NoticeTrigger } from '../deadlines/notices';
import { shanghaiDate, startOfShanghaiDay } from '../shared/iso-date';
import type { DecideContext } from './decide-context';
import { todayOf } from './decide-context';
import { enforcementOpenedEvent } from './decide-enforcement';
import type { PenaltyEvent } from './events';
import type { PenaltyState } from './state';

function message(t: NoticeTrigger): string {
  const d = t.deadline;
  return t.level === 'approaching'
    ? `「${d.labelZh}」将于 ${d.due} 届满，请督办 / ${d.labelEn} is due on ${d.due}`
    : `「${d.labelZh}」已于 ${d.due} 届满而未完成 / ${d.labelEn} was due on ${d.due} and is overdue`;
}

/** What the passing of time decides by itself: escalation notices and the opening of enforcement. */
export function decideTick(state: PenaltyState, ctx: DecideContext): PenaltyEvent[] {
  const notices: PenaltyEvent[] =
    state.stage === 'closed'
      ? []
      : noticesDue(state.deadlines, state.raisedNotices, todayOf(ctx), message).map((payload) => ({
          type: 'EscalationNoticeRaised',
          payload,
        }));
  const opened = enforcementOpenedEvent(state, ctx);
  return opened ? [...notices, opened] : notices;
}

/** The next instant at which the clock has something to decide, or null when nothing is pending. */
export function nextWakeUp(state: PenaltyState, now: number): number | null {
  const candidates: number[] = [];
  const notice = state.stage === 'closed' ? null : nextNoticeAt(state.deadlines, state.raisedNotices, now);
  if (notice !== null) candidates.push(notice);
  if (state.stage === 'payment' && state.enforcementFrom)
    candidates.push(state.enforcementFrom <= shanghaiDate(now) ? now : startOfShanghaiDay(state.enforcementFrom));
  return candidates.length === 0 ? null : Math.min(...candidates);
}
