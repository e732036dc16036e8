import { PENALTY_CASE_TYPE, amountDue, fenToYuanString, shanghaiDate, type IsoDate, type PenaltyState } from '@qts/domain';

/** Amount due on a date, in fen and in yuan, from the projected penalty state (the same function the workflow uses). */
export function amountDueView(caseType: string, state: unknown, asOf: IsoDate = shanghaiDate(Date.now())) {
  if (caseType !== PENALTY_CASE_TYPE) return null;
  const s = state as PenaltyState;
  if (!s.rules || s.schedule.length === 0) return null;
  const due = amountDue(s.schedule, s.payments, s.rules.lateFeeDailyBasisPoints.value, asOf);
  return {
    ...due,
    fineYuan: fenToYuanString(due.fineFen),
    lateFeeYuan: fenToYuanString(due.lateFeeFen),
    totalDueYuan: fenToYuanString(due.totalDueFen),
    lateFeeSource: s.rules.lateFeeDailyBasisPoints.source,
    schedule: s.schedule,
  };
}
