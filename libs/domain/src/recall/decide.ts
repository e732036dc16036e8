import { decideRisk } from './decide-risk';
import { domainError, type DomainError } from '../shared/domain-error';
import { caseClosed, caseNotFound, checkRole, checkSystemCommand, type DecideContext } from '../shared/decide-guards';
import { deadlinesRecomputed } from '../deadlines/deadline-record';
import type { RecallCommand, RecordRecallEscalationOutcome } from './commands';
import { decideRecallTick } from './clock';
import { recomputedRecallDeadlines } from './deadlines';
import { RECALL, type Result } from './decide-guards';
import {
  decideAssessment,
  decidePlan,
  decideProgress,
  decidePublish,
  decideRefusal,
  decideSpotCheck,
  decideSummary,
} from './decide-recall';
import {
  decideCloseWithoutDefect,
  decideInvestigation,
  decideNotify,
  decideObjectionOutcome,
  decideOrder,
  decideRaiseObjection,
  decideRegister,
} from './decide-signal';
import type { RecallState } from './state';

function decideRecompute(state: RecallState, ctx: DecideContext): Result {
  if (!state.rules) return [];
  const changed = recomputedRecallDeadlines(ctx, state.rules, Object.values(state.deadlines));
  return changed.length === 0 ? [] : [deadlinesRecomputed(changed)];
}

function decideEscalationOutcome(state: RecallState, cmd: RecordRecallEscalationOutcome, ctx: DecideContext): Result {
  const invalid = checkRole(ctx, ['system'], 'RecordEscalationOutcome', '上报结果由系统按上报流程登记 / recorded from the escalation');
  if (invalid) return invalid;
  if (state.refusal?.escalationId !== cmd.escalationId)
    return domainError('UNKNOWN_ESCALATION', `本召回案件未发起上报 ${cmd.escalationId} / not an escalation of this recall`);
  return [
    { type: 'EscalationOutcomeRecorded', payload: { escalationId: cmd.escalationId, outcome: cmd.outcome, decidedOn: cmd.decidedOn } },
  ];
}

/**
 * The producer's documents arrive at least once (the inbound topic redelivers): the same plan or report again is
 * refused as a duplicate, which the gateway recognises and drops, instead of a second point on the curve.
 */
function duplicateReport(state: RecallState, command: RecallCommand): DomainError | null {
  const last = state.progress.at(-1);
  const same =
    (command.type === 'FileRecallPlan' && state.plan?.filedOn === command.filedOn && state.plan.unitsAffected === command.unitsAffected) ||
    (command.type === 'SubmitProgressReport' &&
      last?.kind === 'progress' &&
      last.on === command.reportedOn &&
      last.notified === command.unitsNotified &&
      last.remedied === command.unitsRemedied) ||
    (command.type === 'SubmitSummaryReport' &&
      last?.kind === 'summary' &&
      last.on === command.submittedOn &&
      last.remedied === command.unitsRemedied);
  return same ? domainError('DUPLICATE_REPORT', `该报告已登记 / ${command.type} already recorded`) : null;
}

/** The recall decider: pure, given the state, a command and the context, the events or the reason for refusal. */
export function decideRecall(state: RecallState, command: RecallCommand, ctx: DecideContext): Result {
  if (command.type === 'RegisterDefectSignal') return decideRegister(state, command, ctx);
  if (state.stage === 'none') return caseNotFound(RECALL);
  if (command.type === 'Tick') return checkSystemCommand(ctx, command.type) ?? decideRecallTick(state, ctx);
  if (command.type === 'RecomputeDeadlines') return checkSystemCommand(ctx, command.type) ?? decideRecompute(state, ctx);
  if (command.type === 'RecordEscalationOutcome') return decideEscalationOutcome(state, command, ctx);
  const duplicate = duplicateReport(state, command);
  if (duplicate) return duplicate;
  if (state.stage === 'closed') return caseClosed(RECALL, state.closure);
  switch (command.type) {
    case 'StartDefectInvestigation':
      return decideInvestigation(state, command, ctx);
    case 'NotifyProducer':
      return decideNotify(state, command, ctx);
    case 'CloseWithoutDefect':
      return decideCloseWithoutDefect(state, command, ctx);
    case 'RaiseObjection':
      return decideRaiseObjection(state, command, ctx);
    case 'DecideObjection':
      return decideObjectionOutcome(state, command, ctx);
    case 'OrderRecall':
      return decideOrder(state, command, ctx);
    case 'FileRecallPlan':
      return decidePlan(state, command, ctx);
    case 'PublishRecall':
      return decidePublish(state, command, ctx);
    case 'SubmitProgressReport':
      return decideProgress(state, command, ctx);
    case 'RecordSpotCheck':
      return decideSpotCheck(state, command, ctx);
    case 'AssessRecallRisk':
      return decideRisk(state, command, ctx);
    case 'SubmitSummaryReport':
      return decideSummary(state, command, ctx);
    case 'AssessEffectiveness':
      return decideAssessment(state, command, ctx);
    case 'RecordRefusal':
      return decideRefusal(state, command, ctx);
    default: {
      const never: never = command;
      return never;
    }
  }
}
