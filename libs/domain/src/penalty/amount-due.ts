import { addDays, maxDate, type IsoDate } from '../shared/iso-date';
import { applyBasisPoints, type Fen } from '../shared/money';
import type { PaymentSchedule } from './events';
import type { PaymentRecord } from './state';

/** 加处罚款: the rule an amount was computed by, each part with its source (law or 本局规定). */
export interface LateFeeRule {
  dailyBasisPoints: number;
  /** each day unpaid after the due date is a late day, the day of payment included */
  paymentDayCounts: boolean;
  sources: { rate: string; days: string; baseAndCap: string; rounding: string };
}

/** What the case holds besides its schedule and payments: a fee accrued before a reschedule, and reductions. */
export interface LateFeeAdjustments {
  /** late fee accrued up to and including `through` (a deferral or instalments approved then), kept as it was */
  carried?: { fen: Fen; through: IsoDate };
  /** reduced or waived by the bureau head (行政强制法 第四十二条) */
  reducedFen?: Fen;
}

export interface AmountDue {
  asOf: IsoDate;
  fineFen: Fen;
  principalPaidFen: Fen;
  principalOutstandingFen: Fen;
  /** accrued late fee, net of reductions */
  lateFeeFen: Fen;
  lateFeeReducedFen: Fen;
  lateFeePaidFen: Fen;
  totalDueFen: Fen;
  /** paid beyond the fine and the late fee */
  overpaidFen: Fen;
  /** the late fee reached its legal cap (the amount of the fine) */
  lateFeeCapped: boolean;
  /** days on which part of the fine was overdue (the payment day included), whether or not the fee still grew */
  daysLate: number;
  /** the days that added to the late fee: the late days until the cap was reached */
  accrualDays: number;
  rule: LateFeeRule;
}

function byDate<T>(key: (t: T) => IsoDate): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/**
 * 加处罚款: for each late day, a daily rate on the part of the fine still unpaid (rounded down to the fen that day),
 * the total never more than the fine (行政强制法 第四十五条). With `paymentDayCounts` a payment is counted after the day
 * it is made, so the amount quoted for a date settles the case when paid on that date; without it (cases decided before
 * that rule, replayed) a payment stops the fee of its own day. Payments settle the fine first, then the late fee.
 */
export function amountDue(
  schedule: PaymentSchedule,
  payments: readonly PaymentRecord[],
  rule: LateFeeRule,
  asOf: IsoDate,
  adjustments: LateFeeAdjustments = {},
): AmountDue {
  const fineFen = schedule.reduce((sum, i) => sum + i.amountFen, 0);
  const relevant = payments.filter((p) => p.paidOn <= asOf).sort(byDate((p) => p.paidOn));
  const paidTotal = relevant.reduce((sum, p) => sum + p.amountFen, 0);
  const items = [...schedule].sort(byDate((i) => i.dueOn));
  const firstDue = items[0]?.dueOn;
  const carried = adjustments.carried;

  let lateFee = Math.min(fineFen, carried?.fen ?? 0);
  let daysLate = 0;
  let accrualDays = 0;
  if (firstDue !== undefined) {
    let paidSoFar = 0;
    let p = 0;
    const start = addDays(carried ? maxDate(firstDue, carried.through) : firstDue, 1);
    for (let day = start; day <= asOf; day = addDays(day, 1)) {
      while (p < relevant.length && (rule.paymentDayCounts ? (relevant[p]?.paidOn ?? '') < day : (relevant[p]?.paidOn ?? '') <= day)) {
        paidSoFar += relevant[p]?.amountFen ?? 0;
        p += 1;
      }
      const fallenDue = items.filter((i) => i.dueOn < day).reduce((sum, i) => sum + i.amountFen, 0);
      const overdue = Math.max(0, fallenDue - Math.min(paidSoFar, fineFen));
      if (overdue === 0) continue;
      daysLate += 1;
      if (lateFee >= fineFen) continue;
      accrualDays += 1;
      lateFee = Math.min(fineFen, lateFee + applyBasisPoints(overdue, rule.dailyBasisPoints));
    }
  }
  const capped = fineFen > 0 && lateFee >= fineFen;
  const reduced = Math.min(lateFee, adjustments.reducedFen ?? 0);
  const netLateFee = lateFee - reduced;
  const principalPaidFen = Math.min(paidTotal, fineFen);
  const lateFeePaidFen = Math.min(netLateFee, paidTotal - principalPaidFen);
  const principalOutstandingFen = fineFen - principalPaidFen;
  return {
    asOf,
    fineFen,
    principalPaidFen,
    principalOutstandingFen,
    lateFeeFen: netLateFee,
    lateFeeReducedFen: reduced,
    lateFeePaidFen,
    totalDueFen: principalOutstandingFen + netLateFee - lateFeePaidFen,
    overpaidFen: Math.max(0, paidTotal - fineFen - netLateFee),
    lateFeeCapped: capped,
    daysLate,
    accrualDays,
    rule,
  };
}
