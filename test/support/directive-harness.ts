import { startKernelCase } from './kernel-harness';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  directiveProcess,
  shanghaiDate,
  type Actor,
  type DirectiveCaseCommand,
  type DirectiveOpeningCommand,
  type DirectiveState,
  type EventEnvelope,
} from '@qts/domain';

/** Starts a directive case on the time-skipping server as the API would (kernel-harness.ts). */
export function startDirective(env: TestWorkflowEnvironment, taskQueue: string, command: DirectiveOpeningCommand, actor: Actor) {
  return startKernelCase<DirectiveCaseCommand, DirectiveState>(env, directiveProcess, taskQueue, {
    command,
    actor,
  });
}

/** What a case published, as [Shanghai date, event type, detail] (the recipient of a notice). */
export function timeline(events: EventEnvelope[]): [string, string, string][] {
  return events.map((e) => {
    const p = e.payload as { recipientRole?: string };
    return [shanghaiDate(Date.parse(e.occurredAt)), e.type, p.recipientRole ?? ''];
  });
}
