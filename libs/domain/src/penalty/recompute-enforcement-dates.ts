import { penaltyRulesOn } from '../policy/penalty-rule-set';
import type { DecideContext } from './decide-context';
import { latestDemandNoticeDate } from './decide-enforcement';
import { deadlineAt, deadlineAfter, sameDeadline } from './deadline-factory';
import type { DeadlineRecord } from './deadline-record';
import { appealPeriodsEnd, enforcementClock } from './enforcement-clock';
import type { PaymentSchedule } from './events';
import type { PenaltyState } from './state';

/**
 * The plain dates a served decision derives from the calendar, as a recomputation records them: each when it moved,
 * and both appeal-period ends whenever any of them moved.
 */
export interface RecomputedEnforcementDates {
  schedule?: PaymentSchedule;
  reconsiderationEndsOn?: string;
  litigationEndsOn?: string;
  enforcementFrom?: string;
  courtWindowEndsOn?: string;
  deadlines: DeadlineRecord[];
}

/**
 * The schedule is the statutory one (due 15 days from service, 《行政处罚法》第六十七条) unless the bureau head set its
 * dates (deferral or instalments, 第六十六条); a state saved before that was kept knows it only while the payment
 * deadline still records its basis.
 */
function statutorySchedule(state: PenaltyState): boolean {
  if (state.schedule.length !== 1) return false;
  if (state.scheduleApprovedOn !== undefined) return state.scheduleApprovedOn === null;
  return state.deadlines['payment']?.basis !== undefined;
}

/**
 * Every date a served decision took from the calendar, computed again on a newly loaded one: the payment due date
 * (late fees accrue from the day after, 第七十二条), the ends of the reconsideration (行政复议法 第二十条) and litigation
 * (行政诉讼法 第四十六条) periods, the day enforcement opens and the court window (行政强制法 第五十三条), with their
 * deadlines. Enforcement that has already opened keeps its opening day; its court window and demand-notice date move.
 * Nothing before service (no decision served) and nothing after the court application.
 */
export function recomputedEnforcementDates(state: PenaltyState, ctx: DecideContext): RecomputedEnforcementDates {
  const servedOn = state.decision?.servedOn;
  const out: RecomputedEnforcementDates = { deadlines: [] };
  if (!servedOn || (state.stage !== 'payment' && state.stage !== 'enforcement')) return out;
  // the periods run from service: the rules in force on that day
  const rules = penaltyRulesOn(servedOn);

  let schedule = state.schedule;
  const first = state.schedule[0];
  if (statutorySchedule(state) && first) {
    const payment = deadlineAfter(ctx, 'payment', servedOn, rules.payment);
    if (payment.due !== first.dueOn) {
      schedule = [{ dueOn: payment.due, amountFen: first.amountFen }];
      out.schedule = schedule;
    }
  }
  const appeal = appealPeriodsEnd(ctx, rules, servedOn);
  const clock = enforcementClock(ctx, rules, appeal.endsOn, schedule);
  const windowMoved = clock.courtWindowEndsOn !== state.courtWindowEndsOn;
  if (windowMoved) out.courtWindowEndsOn = clock.courtWindowEndsOn;

  if (state.stage === 'payment') {
    if (clock.enforcementFrom !== state.enforcementFrom) out.enforcementFrom = clock.enforcementFrom;
    const recorded = state.deadlines['appeal_periods'];
    if (!recorded || !sameDeadline(recorded, clock.deadline)) out.deadlines.push(clock.deadline);
  } else {
    // enforcement has opened: the court window and the latest demand-notice date follow the window
    const provisional = !ctx.calendar.isCertain(clock.courtWindowEndsOn);
    const court = deadlineAt(ctx, 'court_application', { date: clock.courtWindowEndsOn, provisional }, rules.courtApplicationWindow.source);
    const recordedCourt = state.deadlines['court_application'];
    if (recordedCourt && !sameDeadline(recordedCourt, court)) out.deadlines.push(court);
    const recordedDemand = state.deadlines['demand_notice'];
    if (recordedDemand) {
      const demand = deadlineAt(
        ctx,
        'demand_notice',
        { date: latestDemandNoticeDate(ctx.calendar, rules, clock.courtWindowEndsOn), provisional },
        recordedDemand.legalSource,
      );
      if (!sameDeadline(recordedDemand, demand)) out.deadlines.push(demand);
    }
  }
  const moved = out.schedule || out.enforcementFrom || out.courtWindowEndsOn || out.deadlines.length > 0;
  const recorded = state.appealPeriods;
  const appealMoved =
    recorded && (recorded.reconsiderationEndsOn !== appeal.reconsiderationEndsOn || recorded.litigationEndsOn !== appeal.litigationEndsOn);
  if (moved || appealMoved) {
    out.reconsiderationEndsOn = appeal.reconsiderationEndsOn;
    out.litigationEndsOn = appeal.litigationEndsOn;
  }
  return out;
}
