import type { z } from 'zod';
import { domainError, type DomainError } from '../shared/domain-error';
import { maxDate } from '../shared/iso-date';
import type { approveDeferral, approveInstalments, recordPayment } from './commands';
import type { IsoDate } from '../shared/iso-date';
import type { Fen } from '../shared/money';
import { checkActDate, checkRole, checkStage, firstError, rulesOf, todayOf, type DecideContext } from './decide-context';
import { amountDueOf } from './amount-due-of';
import { deadlineAt } from './deadline-factory';
import { appealPeriodsEnd, enforcementClock } from './enforcement-clock';
import type { PaymentSchedule, PenaltyEvent } from './events';
import type { PenaltyState } from './state';

const DEFERRAL_SOURCE =
  '《行政处罚法》第六十六条第二款：当事人确有经济困难，需要延期或者分期缴纳罚款的，经当事人申请和行政机关批准，可以暂缓或者分期缴纳';

/**
 * A payment closes the case once fine and late fee are settled. Payments may be reported late
 * (a treasury file, a receipt brought in later), so only the decision's service date bounds them.
 */
export function decideRecordPayment(
  state: PenaltyState,
  cmd: z.infer<typeof recordPayment>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const servedOn = state.decision?.servedOn;
  const today = todayOf(ctx);
  const invalid = firstError(
    checkStage(state, ['payment', 'enforcement', 'court'], cmd.type),
    cmd.paidOn > today
      ? domainError('ACT_DATE_IN_FUTURE', `缴款日期 ${cmd.paidOn} 晚于今天 ${today} / payment date is in the future`)
      : null,
    servedOn && cmd.paidOn < servedOn
      ? domainError(
          'PAYMENT_BEFORE_SERVICE',
          `缴款日期 ${cmd.paidOn} 早于决定书送达日 ${servedOn} / payment dated before the decision was served`,
        )
      : null,
    state.payments.some((p) => p.reference === cmd.reference)
      ? domainError('DUPLICATE_PAYMENT', `缴款凭证 ${cmd.reference} 已登记 / payment reference already recorded`, {
          reference: cmd.reference,
        })
      : null,
  );
  if (invalid) return invalid;
  const payments = [...state.payments, { paidOn: cmd.paidOn, amountFen: cmd.amountFen, reference: cmd.reference }];
  const asOf = payments.reduce((latest, p) => maxDate(latest, p.paidOn), cmd.paidOn);
  const due = amountDueOf({ ...state, payments }, asOf, ctx.compat);
  const received: PenaltyEvent = {
    type: 'PaymentReceived',
    payload: {
      paidOn: cmd.paidOn,
      amountFen: cmd.amountFen,
      reference: cmd.reference,
      channel: cmd.channel,
      amountDueAfterFen: Math.max(0, due.totalDueFen),
    },
  };
  if (due.totalDueFen > 0) return [received];
  return [
    received,
    {
      type: 'CaseClosed',
      payload: {
        closedOn: asOf,
        outcome: 'paid',
        overpaidFen: due.overpaidFen,
        deadlines: { set: [], clear: Object.keys(state.deadlines) },
      },
    },
  ];
}

interface Rescheduled {
  schedule: PaymentSchedule;
  clock: ReturnType<typeof enforcementClock>;
  payment: ReturnType<typeof deadlineAt>;
  /** the late fee accrued up to approval, kept (行政强制法 第四十二条: only a decision of its own reduces it) */
  lateFeeCarried: { fen: Fen; through: IsoDate } | null;
}

/**
 * A deferral or instalments move the dates the unpaid fine falls due from now on; the late fee already accrued stays
 * owed (absent `compat.beforeLegalCorrections`, when it was dropped with the old schedule).
 */
function rescheduled(
  state: PenaltyState,
  ctx: DecideContext,
  approvedOn: IsoDate,
  unpaidSchedule: PaymentSchedule,
): Rescheduled | DomainError {
  const servedOn = state.decision?.servedOn;
  if (!servedOn) return domainError('NOT_SERVED', '决定书尚未送达 / the decision has not been served');
  const rules = rulesOf(state, servedOn);
  const before = amountDueOf(state, approvedOn, ctx.compat);
  const paid = before.principalPaidFen;
  const accrued = before.lateFeeFen + before.lateFeeReducedFen;
  const firstDue = state.schedule[0]?.dueOn ?? servedOn;
  const schedule = paid > 0 ? [{ dueOn: firstDue, amountFen: paid }, ...unpaidSchedule] : unpaidSchedule;
  const clock = enforcementClock(ctx, rules, appealPeriodsEnd(ctx, rules, servedOn).endsOn, schedule);
  const lastDue = unpaidSchedule.reduce((d, i) => maxDate(d, i.dueOn), firstDue);
  const payment = deadlineAt(ctx, 'payment', { date: lastDue, provisional: false }, DEFERRAL_SOURCE);
  const lateFeeCarried = ctx.compat?.beforeLegalCorrections || accrued === 0 ? null : { fen: accrued, through: approvedOn };
  return { schedule, clock, payment, lateFeeCarried };
}

export function decideApproveDeferral(
  state: PenaltyState,
  cmd: z.infer<typeof approveDeferral>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const invalid = firstError(
    checkStage(state, ['payment'], cmd.type),
    checkRole(ctx, ['bureau_head'], '批准暂缓缴纳', DEFERRAL_SOURCE),
    checkActDate(state, ctx, cmd.approvedOn, '批准暂缓'),
    cmd.newDueOn <= cmd.approvedOn
      ? domainError('DEFERRAL_NOT_LATER', '暂缓后的缴纳日期须晚于批准日期 / the new due date must be after approval')
      : null,
  );
  if (invalid) return invalid;
  const outstanding = amountDueOf(state, cmd.approvedOn, ctx.compat).principalOutstandingFen;
  const r = rescheduled(state, ctx, cmd.approvedOn, [{ dueOn: cmd.newDueOn, amountFen: outstanding }]);
  if ('kind' in r) return r;
  return [
    {
      type: 'PaymentDeferred',
      payload: {
        approvedOn: cmd.approvedOn,
        reason: cmd.reason,
        schedule: r.schedule,
        enforcementFrom: r.clock.enforcementFrom,
        courtWindowEndsOn: r.clock.courtWindowEndsOn,
        deadlines: { set: [r.payment, r.clock.deadline], clear: [] },
        ...(r.lateFeeCarried ? { lateFeeCarried: r.lateFeeCarried } : {}),
      },
    },
  ];
}

export function decideApproveInstalments(
  state: PenaltyState,
  cmd: z.infer<typeof approveInstalments>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const outstanding = amountDueOf(state, cmd.approvedOn, ctx.compat).principalOutstandingFen;
  const total = cmd.instalments.reduce((s, i) => s + i.amountFen, 0);
  const invalid = firstError(
    checkStage(state, ['payment'], cmd.type),
    checkRole(ctx, ['bureau_head'], '批准分期缴纳', DEFERRAL_SOURCE),
    checkActDate(state, ctx, cmd.approvedOn, '批准分期'),
    total !== outstanding
      ? domainError(
          'INSTALMENTS_DO_NOT_ADD_UP',
          `分期合计 ${total} 分与未缴罚款 ${outstanding} 分不符 / instalments must add up to the unpaid fine`,
          { total, outstanding },
        )
      : null,
    cmd.instalments.some((i) => i.dueOn <= cmd.approvedOn)
      ? domainError('INSTALMENT_NOT_LATER', '每期缴纳日期须晚于批准日期 / each instalment must fall after approval')
      : null,
  );
  if (invalid) return invalid;
  const sorted = [...cmd.instalments].sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1));
  const r = rescheduled(state, ctx, cmd.approvedOn, sorted);
  if ('kind' in r) return r;
  return [
    {
      type: 'InstalmentsApproved',
      payload: {
        approvedOn: cmd.approvedOn,
        reason: cmd.reason,
        schedule: r.schedule,
        enforcementFrom: r.clock.enforcementFrom,
        courtWindowEndsOn: r.clock.courtWindowEndsOn,
        deadlines: { set: [r.payment, r.clock.deadline], clear: [] },
        ...(r.lateFeeCarried ? { lateFeeCarried: r.lateFeeCarried } : {}),
      },
    },
  ];
}
