import { addDays, type IsoDate } from '../shared/iso-date';
import { applyBasisPoints, type Fen } from '../shared/money';
import type { PaymentSchedule } from './events';
import type { PaymentRecord } from './state';

export interface AmountDue {
  asOf: IsoDate;
  fineFen: Fen;
  principalPaidFen: Fen;
  principalOutstandingFen: Fen;
  lateFeeFen: Fen;
  lateFeePaidFen: Fen;
  totalDueFen: Fen;
  /** the late fee reached its legal cap (the amount of the fine) */
  lateFeeCapped: boolean;
  daysLate: number;
}

/**
 * 加处罚款: for each day after an instalment fell due, a daily rate on the part of the fine still unpaid,
 * the total never more than the fine (行政强制法 第四十五条). A payment made on a day stops that day's fee.
 * Payments settle the fine first, then the late fee.
 */
export function amountDue(
  schedule: PaymentSchedule,
  payments: readonly PaymentRecord[],
  dailyBasisPoints: number,
  asOf: IsoDate,
): AmountDue {
  const fineFen = schedule.reduce((sum, i) => sum + i.amountFen, 0);
  const relevant = payments.filter((p) => p.paidOn <= asOf).sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0));
  const paidTotal = relevant.reduce((sum, p) => sum + p.amountFen, 0);
  const items = [...schedule].sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1));
  const firstDue = items[0]?.dueOn;

  let lateFee = 0;
  let daysLate = 0;
  if (firstDue !== undefined) {
    let paidSoFar = 0;
    let p = 0;
    for (let day = addDays(firstDue, 1); day <= asOf && lateFee < fineFen; day = addDays(day, 1)) {
      while (p < relevant.length && (relevant[p]?.paidOn ?? '') <= day) {
        paidSoFar += relevant[p]?.amountFen ?? 0;
        p += 1;
      }
      const fallenDue = items.filter((i) => i.dueOn < day).reduce((sum, i) => sum + i.amountFen, 0);
      const overdue = Math.max(0, fallenDue - Math.min(paidSoFar, fineFen));
      if (overdue === 0) continue;
      daysLate += 1;
      lateFee = Math.min(fineFen, lateFee + applyBasisPoints(overdue, dailyBasisPoints));
    }
  }
  const principalPaidFen = Math.min(paidTotal, fineFen);
  const lateFeePaidFen = Math.min(lateFee, paidTotal - principalPaidFen);
  const principalOutstandingFen = fineFen - principalPaidFen;
  return {
    asOf,
    fineFen,
    principalPaidFen,
    principalOutstandingFen,
    lateFeeFen: lateFee,
    lateFeePaidFen,
    totalDueFen: principalOutstandingFen + lateFee - lateFeePaidFen,
    lateFeeCapped: fineFen > 0 && lateFee >= fineFen,
    daysLate,
  };
}
