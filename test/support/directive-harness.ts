import { randomUUID } from 'node:crypto';
import { buildCalendarSnapshot } from '@qts/holiday-calendar';
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
import { commandUpdateOf, directiveWorkflow, stateQueryOf } from '@qts/workflows';
import { todayIn } from './workflow-harness';

const update = commandUpdateOf(directiveProcess);
const query = stateQueryOf<DirectiveState>(directiveProcess);

/** Start a directive case on the time-skipping server and get a handle to send commands and read its state. */
export async function startDirective(env: TestWorkflowEnvironment, taskQueue: string, command: DirectiveOpeningCommand, actor: Actor) {
  const year = Number((await todayIn(env)).slice(0, 4));
  const caseId = `SED-test-${randomUUID()}`;
  const handle = await env.client.workflow.start(directiveWorkflow, {
    taskQueue,
    workflowId: caseId,
    args: [
      {
        caseId,
        bureauId: 'district-test',
        calendar: buildCalendarSnapshot({ fromYear: year - 1, toYear: year + 3, notices: [] }),
        opening: { command, actor },
      },
    ],
  });
  return {
    caseId,
    handle,
    send: (c: DirectiveCaseCommand, by: Actor) => handle.executeUpdate(update, { args: [{ command: c, actor: by }] }),
    state: async () => (await handle.query(query)).state,
  };
}

/** What a case published, as [Shanghai date, event type, detail] (the recipient of a notice). */
export function timeline(events: EventEnvelope[]): [string, string, string][] {
  return events.map((e) => {
    const p = e.payload as { recipientRole?: string };
    return [shanghaiDate(Date.parse(e.occurredAt)), e.type, p.recipientRole ?? ''];
  });
}
