import type { DomainError } from '../shared/domain-error';
import { deadlinesRecomputed } from '../deadlines/deadline-record';
import { caseClosed, caseNotFound, checkRole, checkSystemCommand, type DecideContext } from '../shared/decide-guards';
import type { AccidentCommand } from './commands';
import type { AccidentEvent } from './events';
import { decideAccidentTick } from './clock';
import { recomputedAccidentDeadlines } from './deadlines';
import { ACCIDENT, RECORDERS } from './guards';
import {
  decideApproval,
  decideCollectiveReview,
  decideEvidence,
  decideExtend,
  decideFinishAppraisal,
  decideFormTeam,
  decideSecureSite,
  decideStartAppraisal,
  decideSubmitReport,
} from './decide-investigation';
import { decideCloseAccident, decideCloseOutcome, decideRecordOutcome } from './decide-outcomes';
import {
  decideEscalationAnswer,
  decideFollowUp,
  decideLeadBodyAct,
  decideReceive,
  decideReportUpward,
  decideTriage,
} from './decide-report';
import type { AccidentState } from './state';

type Result = AccidentEvent[] | DomainError;

function decideRecompute(state: AccidentState, ctx: DecideContext): Result {
  if (state.phase === 'closed' || !state.rules) return [];
  const changed = recomputedAccidentDeadlines(ctx.calendar, state.rules, Object.values(state.deadlines));
  return changed.length === 0 ? [] : [deadlinesRecomputed(changed)];
}

/** The accident decider: pure, given the state, a command and the context, the events or the reason for refusal. */
export function decideAccident(state: AccidentState, command: AccidentCommand, ctx: DecideContext): Result {
  if (command.type === 'ReceiveAccidentReport') return decideReceive(state, command, ctx);
  if (state.phase === 'none') return caseNotFound(ACCIDENT);
  if (command.type === 'Tick') return checkSystemCommand(ctx, command.type) ?? decideAccidentTick(state, ctx);
  if (command.type === 'RecomputeDeadlines') return checkSystemCommand(ctx, command.type) ?? decideRecompute(state, ctx);
  if (command.type === 'RecordEscalationOutcome')
    return checkRole(ctx, ['system'], command.type, '上报答复 / the escalation answers') ?? decideEscalationAnswer(state, command);
  if (state.phase === 'closed') return caseClosed(ACCIDENT, state.closure);
  const role = checkRole(ctx, RECORDERS, command.type, '承办科室办理 / handled by the owning section');
  if (role) return role;
  switch (command.type) {
    case 'TriageAccident':
      return decideTriage(state, command, ctx);
    case 'ReportUpward':
      return decideReportUpward(state, command, ctx);
    case 'RecordFollowUpReport':
      return decideFollowUp(state, command, ctx);
    case 'RecordLeadBodyAct':
      return decideLeadBodyAct(state, command, ctx);
    case 'SecureSite':
      return decideSecureSite(state, command, ctx);
    case 'FormInvestigationTeam':
      return decideFormTeam(state, command, ctx);
    case 'RecordAccidentEvidence':
      return decideEvidence(state, command, ctx);
    case 'StartAppraisal':
      return decideStartAppraisal(state, command, ctx);
    case 'FinishAppraisal':
      return decideFinishAppraisal(state, command, ctx);
    case 'ExtendInvestigation':
      return decideExtend(state, command, ctx);
    case 'SubmitInvestigationReport':
      return decideSubmitReport(state, command, ctx);
    case 'RecordCollectiveReview':
      return decideCollectiveReview(state, command, ctx);
    case 'RecordApproval':
      return decideApproval(state, command, ctx);
    case 'RecordOutcome':
      return decideRecordOutcome(state, command, ctx);
    case 'CloseOutcome':
      return decideCloseOutcome(state, command, ctx);
    case 'CloseAccident':
      return decideCloseAccident(state, command, ctx);
    default: {
      const never: never = command;
      return never;
    }
  }
}
