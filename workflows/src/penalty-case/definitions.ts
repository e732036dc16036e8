import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, AmountDue, CalendarSnapshot, IsoDate, PenaltyCaseCommand, PenaltyOpeningCommand, PenaltyState } from '@qts/domain';

export const PENALTY_CASE_WORKFLOW = 'penaltyCaseWorkflow';

export interface PenaltyCaseInput {
  caseId: string;
  bureauId: string;
  calendar: CalendarSnapshot;
  /** present on the first run */
  opening?: { command: PenaltyOpeningCommand; actor: Actor };
  /** present after continue-as-new */
  resume?: { state: PenaltyState; seq: number; lastHash?: string | null };
}

export interface CommandRequest {
  command: PenaltyCaseCommand;
  actor: Actor;
}

export interface CommandResult {
  caseId: string;
  stage: string;
  events: { seq: number; type: string }[];
}

/** Every officer command goes through this update; its validator is the decider, so a refusal changes nothing. */
export const penaltyCommandUpdate = defineUpdate<CommandResult, [CommandRequest]>('penaltyCommand');
/** An administrator loaded a new holiday notice: later deadlines use it. */
export const calendarUpdatedSignal = defineSignal<[CalendarSnapshot]>('calendarUpdated');
export const penaltyStateQuery = defineQuery<{ state: PenaltyState; seq: number }>('penaltyState');
export const amountDueQuery = defineQuery<AmountDue | null, [IsoDate?]>('amountDue');
