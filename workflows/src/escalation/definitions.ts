import {
  ESCALATION_REPLY_CHANNEL,
  escalationProcess,
  type EscalationCaseCommand,
  type EscalationOpeningCommand,
  type Actor,
  type EscalationState,
} from '@qts/domain';
import {
  commandUpdateOf,
  stateQueryOf,
  type CaseCommandRequest,
  type CaseCommandResult,
  type CaseProcessInput,
} from '../kernel/definitions';

export type { EscalationOutcome } from '@qts/domain';
export { ESCALATION_REPLY_CHANNEL };

export interface EscalationInput extends Omit<CaseProcessInput<EscalationState>, 'caseId' | 'opening'> {
  /** also the workflow id */
  escalationId: string;
  /** present on the first run */
  opening?: { command: EscalationOpeningCommand; actor: Actor };
}

export type EscalationCommandRequest = CaseCommandRequest<EscalationCaseCommand>;
/** the escalation's id under its older name too, for clients written before every process answered `caseId` */
export type EscalationCommandResult = CaseCommandResult & { escalationId: string };

/** Every officer command (and every validated inbound response) goes through this update; its validator is the decider. */
export const escalationCommandUpdate = commandUpdateOf<CaseCommandResult>(escalationProcess);
export const escalationStateQuery = stateQueryOf<EscalationState>(escalationProcess);
