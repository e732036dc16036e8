import { defineQuery } from '@temporalio/workflow';
import { penaltyCaseProcess, type AmountDue, type IsoDate, type PenaltyCaseCommand, type PenaltyState } from '@qts/domain';
import {
  commandUpdateOf,
  stateQueryOf,
  type CaseCommandRequest,
  type CaseCommandResult,
  type CaseProcessInput,
} from '../kernel/definitions';

export const PENALTY_CASE_WORKFLOW = penaltyCaseProcess.temporal.workflowType;

export type PenaltyCaseInput = CaseProcessInput<PenaltyState>;
export type CommandRequest = CaseCommandRequest<PenaltyCaseCommand>;
export type CommandResult = CaseCommandResult;

/** Every officer command goes through this update; its validator is the decider, so a refusal changes nothing. */
export const penaltyCommandUpdate = commandUpdateOf(penaltyCaseProcess);
export const penaltyStateQuery = stateQueryOf<PenaltyState>(penaltyCaseProcess);
export const amountDueQuery = defineQuery<AmountDue | null, [IsoDate?]>('amountDue');
