import type { IsoDate } from '../shared/iso-date';
import { penaltyRulesOn } from '../policy/penalty-rule-set';
import type { DecideContext } from '../shared/decide-guards';
import { amountDue, type AmountDue, type LateFeeRule } from './amount-due';
import type { PenaltyState } from './state';

/**
 * The late-fee rule in force on `asOf`, each part with its source. `compat.lateFeeBeforeLegalCorrections` (cases that
 * decided a payment before the payment day was counted, replayed) keeps a payment stopping its own day's fee.
 */
export function lateFeeRuleOn(asOf: IsoDate, compat?: DecideContext['compat']): LateFeeRule {
  const rules = penaltyRulesOn(asOf);
  const before = compat?.beforeLegalCorrections === true;
  return {
    dailyBasisPoints: rules.lateFeeDailyBasisPoints.value,
    paymentDayCounts: before ? false : rules.lateFeeDays.value.paymentDayCounts,
    sources: {
      rate: rules.lateFeeDailyBasisPoints.source,
      days: before ? '（重放：缴纳当日不计入，依当时规则）' : rules.lateFeeDays.source,
      baseAndCap: rules.lateFeeBase.source,
      rounding: rules.lateFeeRounding.source,
    },
  };
}

/** What the case says is due on `asOf`: fine, late fee (with any fee carried over a reschedule, and reductions), paid. */
export function amountDueOf(state: PenaltyState, asOf: IsoDate, compat?: DecideContext['compat']): AmountDue {
  const carried = state.lateFeeCarried ?? null;
  return amountDue(state.schedule, state.payments, lateFeeRuleOn(asOf, compat), asOf, {
    ...(carried ? { carried } : {}),
    reducedFen: state.lateFeeReducedFen ?? 0,
  });
}
