import {
  PENALTY_CASE_TYPE,
  RuleNotInForce,
  amountDueOf,
  fenToYuanString,
  shanghaiDate,
  type IsoDate,
  type PenaltyState,
} from '@qts/domain';

/**
 * Amount due on a date, in fen and in yuan, from the projected penalty state (the same function the workflow uses),
 * with the late-fee rule it applied (each part with its source) and both the days late and the days of accrual.
 */
export function amountDueView(caseType: string, state: unknown, asOf: IsoDate = shanghaiDate(Date.now())) {
  if (caseType !== PENALTY_CASE_TYPE) return null;
  const s = state as PenaltyState;
  if (!s.rules || s.schedule.length === 0) return null;
  try {
    const due = amountDueOf(s, asOf);
    return {
      ...due,
      fineYuan: fenToYuanString(due.fineFen),
      lateFeeYuan: fenToYuanString(due.lateFeeFen),
      totalDueYuan: fenToYuanString(due.totalDueFen),
      lateFeeSource: due.rule.sources.rate,
      schedule: s.schedule,
    };
  } catch (err) {
    // a date before any late-fee rule was in force: nothing can be computed for it
    if (err instanceof RuleNotInForce) return null;
    throw err;
  }
}
