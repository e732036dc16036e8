import type { DomainError } from '../shared/domain-error';
import { RuleNotInForce } from '../policy/penalty-rule-set';
import type { PenaltyCommand } from './commands';
import { caseClosed, caseNotFound, checkSystemCommand, PENALTY_CASE, type DecideContext } from './decide-context';
import { decideOpenSummaryCase, decideRegisterLead } from './decide-opening';
import { decideConcludeInvestigation, decideDecideFiling, decideExtendFilingPeriod, decideRecordEvidence } from './decide-filing';
import {
  decideCompleteLegalReview,
  decideHoldHearing,
  decideRecordDefence,
  decideRequestHearing,
  decideRequestLegalReview,
  decideServePenaltyNotice,
} from './decide-review';
import {
  decideDecidePenalty,
  decideExtendDecisionPeriod,
  decidePauseDecisionClock,
  decideRecordCommitteeDecision,
  decideResumeDecisionClock,
  decideServeDecision,
} from './decide-decision';
import { decideApproveDeferral, decideApproveInstalments, decideRecordPayment } from './decide-payment';
import { decideReduceLateFee } from './decide-late-fee';
import { decideExtendDecisionPeriodCollectively } from './decide-collective-extension';
import { decideApplyToCourt, decideRecordCourtRuling, decideServeDemandNotice } from './decide-enforcement';
import { decideTick } from './clock';
import { decideRecordEscalationOutcome, decideTransferToPolice } from './decide-transfer';
import type { PenaltyEvent } from './events';
import { decideRecomputeDeadlines } from './decide-recompute';
import type { PenaltyState } from './state';

/**
 * The penalty-case decider: pure, given the state, a command and the context, the events or the reason for refusal. An
 * act that uses a rule with no version in force on the date it concerns is refused naming that rule.
 */
export function decidePenaltyCase(state: PenaltyState, command: PenaltyCommand, ctx: DecideContext): PenaltyEvent[] | DomainError {
  try {
    return decideCommand(state, command, ctx);
  } catch (err) {
    if (err instanceof RuleNotInForce) return err.refusal;
    throw err;
  }
}

function decideCommand(state: PenaltyState, command: PenaltyCommand, ctx: DecideContext): PenaltyEvent[] | DomainError {
  if (command.type === 'OpenSummaryCase') return decideOpenSummaryCase(state, command, ctx);
  if (command.type === 'RegisterLead') return decideRegisterLead(state, command, ctx);
  if (state.stage === 'none') return caseNotFound(PENALTY_CASE);
  if (command.type === 'Tick') return checkSystemCommand(ctx, command.type) ?? decideTick(state, ctx);
  if (command.type === 'RecomputeDeadlines') return checkSystemCommand(ctx, command.type) ?? decideRecomputeDeadlines(state, ctx);
  if (state.stage === 'closed') return caseClosed(PENALTY_CASE, state.closure);
  switch (command.type) {
    case 'ExtendFilingPeriod':
      return decideExtendFilingPeriod(state, command, ctx);
    case 'DecideFiling':
      return decideDecideFiling(state, command, ctx);
    case 'RecordEvidence':
      return decideRecordEvidence(state, command, ctx);
    case 'ConcludeInvestigation':
      return decideConcludeInvestigation(state, command, ctx);
    case 'RequestLegalReview':
      return decideRequestLegalReview(state, command, ctx);
    case 'CompleteLegalReview':
      return decideCompleteLegalReview(state, command, ctx);
    case 'ServePenaltyNotice':
      return decideServePenaltyNotice(state, command, ctx);
    case 'RecordDefence':
      return decideRecordDefence(state, command, ctx);
    case 'RequestHearing':
      return decideRequestHearing(state, command, ctx);
    case 'HoldHearing':
      return decideHoldHearing(state, command, ctx);
    case 'PauseDecisionClock':
      return decidePauseDecisionClock(state, command, ctx);
    case 'ResumeDecisionClock':
      return decideResumeDecisionClock(state, command, ctx);
    case 'ExtendDecisionPeriod':
      return decideExtendDecisionPeriod(state, command, ctx);
    case 'ExtendDecisionPeriodCollectively':
      return decideExtendDecisionPeriodCollectively(state, command, ctx);
    case 'RecordCommitteeDecision':
      return decideRecordCommitteeDecision(state, command, ctx);
    case 'DecidePenalty':
      return decideDecidePenalty(state, command, ctx);
    case 'ServeDecision':
      return decideServeDecision(state, command, ctx);
    case 'RecordPayment':
      return decideRecordPayment(state, command, ctx);
    case 'ApproveDeferral':
      return decideApproveDeferral(state, command, ctx);
    case 'ApproveInstalments':
      return decideApproveInstalments(state, command, ctx);
    case 'ReduceLateFee':
      return decideReduceLateFee(state, command, ctx);
    case 'ServeDemandNotice':
      return decideServeDemandNotice(state, command, ctx);
    case 'ApplyToCourt':
      return decideApplyToCourt(state, command, ctx);
    case 'RecordCourtRuling':
      return decideRecordCourtRuling(state, command, ctx);
    case 'TransferToPolice':
      return decideTransferToPolice(state, command, ctx);
    case 'RecordEscalationOutcome':
      return decideRecordEscalationOutcome(state, command, ctx);
    default: {
      const never: never = command;
      return never;
    }
  }
}
