import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, AnyCaseProcess, CalendarSnapshot, EscalationOutcome } from '@qts/domain';

/** What every case command Update carries: the command (validated by the decider) and who sends it. */
export interface CaseCommandRequest<C = unknown> {
  command: C;
  actor: Actor;
}

/** What a command Update answers: the case, its stage after the command, and the events it recorded. */
export interface CaseCommandResult {
  caseId: string;
  stage: string;
  events: { seq: number; type: string }[];
}

/** Every case workflow's input: the opening command on the first run, the state after continue-as-new. */
export interface CaseProcessInput<S = unknown> {
  caseId: string;
  bureauId: string;
  /** the sender named on outbound documents; defaults to 区质量技术监督局 */
  bureauNameZh?: string;
  calendar: CalendarSnapshot;
  opening?: { command: unknown; actor: Actor };
  resume?: { state: S; seq: number; lastHash?: string | null };
}

/** The Update every command of a process goes through; its validator is the decider, so a refusal changes nothing. */
export function commandUpdateOf<R = CaseCommandResult>(process: AnyCaseProcess) {
  return defineUpdate<R, [CaseCommandRequest]>(process.temporal.commandUpdate);
}

export function stateQueryOf<S = unknown>(process: AnyCaseProcess) {
  return defineQuery<{ state: S; seq: number }>(process.temporal.stateQuery);
}

/** An administrator loaded a new holiday notice: every running case of every process computes its dates again. */
export const calendarUpdatedSignal = defineSignal<[CalendarSnapshot]>('calendarUpdated');

/** Sent by an escalation to its parent workflow on the final outcome; any process that starts escalations takes it. */
export const escalationOutcomeSignal = defineSignal<[EscalationOutcome]>('escalationOutcome');

export const ESCALATION_WORKFLOW = 'escalationWorkflow';
