import type { IsoDate } from '../shared/iso-date';
import type { Fen } from '../shared/money';
import type { PenaltyRuleSet } from '../policy/penalty-rule-set';
import type { DecideContext } from './decide-context';
import { deadlineAfter } from './deadline-factory';
import { appealPeriodsEnd, enforcementClock } from './enforcement-clock';
import type { PenaltyEvent } from './events';

/** Service of a decision with a fine starts the payment period and the appeal periods. Without a fine the case ends. */
export function decisionServedEvents(
  ctx: DecideContext,
  rules: PenaltyRuleSet,
  servedOn: IsoDate,
  method: string,
  fineFen: Fen,
): PenaltyEvent[] {
  if (fineFen === 0) {
    return [
      {
        type: 'CaseClosed',
        payload: { closedOn: servedOn, outcome: 'warning_only', overpaidFen: 0, deadlines: { set: [], clear: ['service'] } },
      },
    ];
  }
  const payment = deadlineAfter(ctx, 'payment', servedOn, rules.payment);
  const schedule = [{ dueOn: payment.due, amountFen: fineFen }];
  const appeal = appealPeriodsEnd(ctx, rules, servedOn);
  const clock = enforcementClock(ctx, rules, appeal.endsOn, schedule);
  return [
    {
      type: 'DecisionServed',
      payload: {
        servedOn,
        method,
        schedule,
        reconsiderationEndsOn: appeal.reconsiderationEndsOn,
        litigationEndsOn: appeal.litigationEndsOn,
        enforcementFrom: clock.enforcementFrom,
        courtWindowEndsOn: clock.courtWindowEndsOn,
        deadlines: { set: [payment, clock.deadline], clear: ['service'] },
      },
    },
  ];
}
