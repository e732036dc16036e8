import type { z } from 'zod';
import { domainError, type DomainError } from '../shared/domain-error';
import { fenToYuanString } from '../shared/money';
import type { reduceLateFee } from './commands';
import { amountDueOf } from './amount-due-of';
import { checkActDate, checkRole, checkStage, firstError, type DecideContext } from './decide-context';
import type { PenaltyEvent } from './events';
import type { PenaltyState } from './state';

const REDUCTION_SOURCE =
  '《中华人民共和国行政强制法》第四十二条第一款：当事人采取补救措施的，可以减免加处的罚款或者滞纳金（本局由负责人决定）';

/**
 * 减免加处罚款: the bureau head reduces or waives late fee already accrued, by a decision of its own (a deferral or
 * instalments never do it). A case whose fine is paid and whose fee is then waived is settled.
 */
export function decideReduceLateFee(
  state: PenaltyState,
  cmd: z.infer<typeof reduceLateFee>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const invalid = firstError(
    checkStage(state, ['payment', 'enforcement', 'court'], cmd.type),
    checkRole(ctx, ['bureau_head'], '减免加处罚款', REDUCTION_SOURCE),
    checkActDate(state, ctx, cmd.decidedOn, '减免决定'),
  );
  if (invalid) return invalid;
  const due = amountDueOf(state, cmd.decidedOn, ctx.compat);
  const reducible = due.lateFeeFen - due.lateFeePaidFen;
  if (cmd.reducedFen > reducible) {
    return domainError(
      'REDUCTION_ABOVE_LATE_FEE',
      `减免 ${fenToYuanString(cmd.reducedFen)} 元超过尚欠的加处罚款 ${fenToYuanString(reducible)} 元 / the reduction exceeds the unpaid late fee`,
      { reducedFen: cmd.reducedFen, unpaidLateFeeFen: reducible },
    );
  }
  const reduced: PenaltyEvent = {
    type: 'LateFeeReduced',
    payload: {
      decidedOn: cmd.decidedOn,
      reducedFen: cmd.reducedFen,
      accruedFen: due.lateFeeFen,
      reason: cmd.reason,
      source: REDUCTION_SOURCE,
    },
  };
  if (due.principalOutstandingFen > 0 || reducible > cmd.reducedFen) return [reduced];
  return [
    reduced,
    {
      type: 'CaseClosed',
      payload: {
        closedOn: cmd.decidedOn,
        outcome: 'paid',
        overpaidFen: 0,
        deadlines: { set: [], clear: Object.keys(state.deadlines) },
      },
    },
  ];
}
