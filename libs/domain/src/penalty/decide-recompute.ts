import { recomputedDeadlines } from './deadline-factory';
import { deadlinesRecomputed } from './deadline-record';
import type { DecideContext } from './decide-context';
import type { PenaltyEvent } from './events';
import { recomputedActPeriods } from './recompute-act-periods';
import { recomputedEnforcementDates } from './recompute-enforcement-dates';
import type { PenaltyState } from './state';

/**
 * A date computed past the calendar's horizon is provisional (statutory holidays only). When the State Council's
 * notice for that year is loaded, every date the case took from the calendar is computed again from its basis:
 * deadlines that record a period from a date, the plain dates of a served decision (payment due date, appeal
 * periods, enforcement opening, court window), and the periods that run from a recorded act (the party's windows
 * after the notice of proposed penalty, the 催告 wait, the court's ruling, an extended filing period). Dates the bureau
 * head chose (a deferral, instalments) are not the calendar's and stay. Nothing changes → no event.
 * `compat.recomputeDeadlinesOnly` (executions that took a calendar before this rule) keeps the earlier rule: only
 * provisional deadlines that record a basis.
 */
export function decideRecomputeDeadlines(state: PenaltyState, ctx: DecideContext): PenaltyEvent[] {
  if (state.stage === 'closed' || !state.rules) return [];
  if (ctx.compat?.recomputeDeadlinesOnly) {
    const changed = recomputedDeadlines(ctx, Object.values(state.deadlines));
    return changed.length === 0 ? [] : [deadlinesRecomputed(changed)];
  }
  const { deadlines: served, ...servedDates } = recomputedEnforcementDates(state, ctx);
  const { deadlines: acts, ...actDates } = recomputedActPeriods(state, ctx);
  const derived = [...served, ...acts];
  const dates = { ...servedDates, ...actDates };
  const derivedKinds = new Set(derived.map((d) => d.kind));
  const byBasis = recomputedDeadlines(ctx, Object.values(state.deadlines), false).filter((d) => !derivedKinds.has(d.kind));
  const changed = [...byBasis, ...derived];
  if (changed.length === 0 && Object.keys(dates).length === 0) return [];
  const event = deadlinesRecomputed(changed);
  return [{ ...event, payload: { ...event.payload, ...dates } }];
}
