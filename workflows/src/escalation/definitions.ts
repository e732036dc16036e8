import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  Actor,
  CalendarSnapshot,
  EscalationCaseCommand,
  EscalationOpeningCommand,
  EscalationOutcomeKind,
  EscalationState,
  IsoDate,
} from '@qts/domain';

export const ESCALATION_WORKFLOW = 'escalationWorkflow';
/** Where outside bodies answer; named in every outbound document's replyTo. */
export const ESCALATION_REPLY_CHANNEL = 'escalations.inbound';

export interface EscalationInput {
  /** also the workflow id */
  escalationId: string;
  bureauId: string;
  /** the sender named on the outbound documents; defaults to 区质量技术监督局 */
  bureauNameZh?: string;
  calendar: CalendarSnapshot;
  /** present on the first run */
  opening?: { command: EscalationOpeningCommand; actor: Actor };
  /** present after continue-as-new */
  resume?: { state: EscalationState; seq: number; lastHash: string | null };
}

export interface EscalationCommandRequest {
  command: EscalationCaseCommand;
  actor: Actor;
}

export interface EscalationCommandResult {
  escalationId: string;
  stage: string;
  events: { seq: number; type: string }[];
}

/**
 * What a parent case receives when the escalation it started ends: which level decided what, and when.
 * Generic: any process that starts an escalation as a child handles this one signal.
 */
export interface EscalationOutcome {
  escalationId: string;
  outcome: EscalationOutcomeKind;
  decidedOn: IsoDate;
  /** the level key that decided (e.g. `cnca`, `police`), null when the bureau abandoned the escalation */
  decidedByLevel: string | null;
}

/** Every officer command (and every validated inbound response) goes through this update; its validator is the decider. */
export const escalationCommandUpdate = defineUpdate<EscalationCommandResult, [EscalationCommandRequest]>('escalationCommand');
/** Sent by the escalation to its parent workflow on the final outcome. */
export const escalationOutcomeSignal = defineSignal<[EscalationOutcome]>('escalationOutcome');
export const escalationStateQuery = defineQuery<{ state: EscalationState; seq: number }>('escalationState');
