import { recomputedDeadlines } from './deadline-factory';
import { deadlinesRecomputed } from './deadline-record';
import { rulesOf, type DecideContext } from './decide-context';
import type { PenaltyEvent } from './events';
import type { PenaltyState } from './state';

/**
 * A date computed past the calendar's horizon is provisional (statutory holidays only). When the State Council's
 * notice for that year is loaded, the open provisional deadlines are computed again from their recorded basis:
 * make-up working days and moved rest days count as the notice says. Nothing changes → no event.
 */
export function decideRecomputeDeadlines(state: PenaltyState, ctx: DecideContext): PenaltyEvent[] {
  if (state.stage === 'closed' || !state.rules) return [];
  const changed = recomputedDeadlines(ctx, rulesOf(state), Object.values(state.deadlines));
  return changed.length === 0 ? [] : [deadlinesRecomputed(changed)];
}
