import type { z } from 'zod';
import { domainError, type DomainError } from '../shared/domain-error';
import { daysBetween } from '../shared/iso-date';
import type { recordEscalationOutcome, transferToPolice } from './commands';
import { checkActDate, checkRole, checkStage, firstError, rulesOf, type DecideContext } from './decide-context';
import { decisionDeadline } from './decide-filing';
import type { PenaltyEvent } from './events';
import type { PenaltyState } from './state';

const TRANSFER_BASIS =
  '《行政处罚法》第二十七条：违法行为涉嫌犯罪的，行政机关应当及时将案件移送司法机关；《行政执法机关移送涉嫌犯罪案件的规定》第五条：经本机关正职负责人或者主持工作的负责人审批';

/** The escalation that carries a case's transfer is the case id with a suffix, so a retried start finds the same one. */
export function transferEscalationId(caseId: string): string {
  return `${caseId}-POLICE`;
}

/** 移送公安: the bureau head decides; the decision clock stops while the police examine the case. */
export function decideTransferToPolice(
  state: PenaltyState,
  cmd: z.infer<typeof transferToPolice>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const invalid = firstError(
    checkStage(state, ['investigation', 'legal_review', 'review_approved', 'notified', 'committee_decided'], cmd.type),
    checkRole(ctx, ['bureau_head'], '移送公安机关', TRANSFER_BASIS),
    checkActDate(state, ctx, cmd.decidedOn, '移送决定'),
    state.pausedFrom
      ? domainError('CLOCK_PAUSED', `办案期限已自 ${state.pausedFrom} 中止，请先恢复 / resume the paused clock first`)
      : null,
  );
  if (invalid) return invalid;
  const caseId = ctx.caseId;
  if (!caseId) return domainError('CASE_ID_REQUIRED', 'the transfer needs the case id in the context');
  return [
    {
      type: 'CaseTransferredToPolice',
      payload: {
        decidedOn: cmd.decidedOn,
        grounds: cmd.grounds,
        escalationId: transferEscalationId(caseId),
        deadlines: { set: [], clear: ['decision', 'legal_review', 'defence_window', 'hearing_request'] },
      },
    },
  ];
}

/** The police's answer: accepted closes the administrative case; declined resumes it where it stood. */
export function decideRecordEscalationOutcome(
  state: PenaltyState,
  cmd: z.infer<typeof recordEscalationOutcome>,
  ctx: DecideContext,
): PenaltyEvent[] | DomainError {
  const transfer = state.transfer;
  const invalid = firstError(
    checkStage(state, ['transferred'], cmd.type),
    checkRole(ctx, ['system'], cmd.type, '上报流程的答复 / delivered by the escalation'),
    transfer && transfer.escalationId !== cmd.escalationId
      ? domainError('UNKNOWN_ESCALATION', `本案等待的是 ${transfer.escalationId} / the case waits for another escalation`)
      : null,
  );
  if (invalid || !transfer) return invalid ?? domainError('NOT_TRANSFERRED', '案件未移送 / the case was not transferred');
  if (cmd.outcome === 'accepted_for_investigation') {
    return [
      {
        type: 'CaseClosed',
        payload: {
          closedOn: cmd.decidedOn,
          outcome: 'transferred_to_police',
          overpaidFen: 0,
          deadlines: { set: [], clear: Object.keys(state.deadlines) },
        },
      },
    ];
  }
  const pausedDays = Math.max(0, daysBetween(transfer.decidedOn, cmd.decidedOn));
  const filedOn = state.filedOn ?? transfer.decidedOn;
  const decision = decisionDeadline(ctx, rulesOf(state, filedOn), filedOn, state.pausedDays + pausedDays + state.extensionDays);
  return [
    {
      type: 'PoliceDeclinedTransfer',
      payload: { escalationId: cmd.escalationId, decidedOn: cmd.decidedOn, pausedDays, deadlines: { set: [decision], clear: [] } },
    },
  ];
}
