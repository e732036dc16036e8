import { randomUUID } from 'node:crypto';
import { buildCalendarSnapshot } from '@qts/holiday-calendar';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Actor, AnyCaseProcess } from '@qts/domain';
import { commandUpdateOf, stateQueryOf } from '@qts/workflows';
import { todayIn } from './workflow-harness';

/**
 * Starts a case of any kernel process on the time-skipping server as the API would (its case id, a calendar around
 * today, the opening command) and returns a handle to send commands and read its state.
 */
export async function startKernelCase<Command, State>(
  env: TestWorkflowEnvironment,
  process: AnyCaseProcess,
  taskQueue: string,
  opening: { command: unknown; actor: Actor },
) {
  const update = commandUpdateOf(process);
  const query = stateQueryOf<State>(process);
  const year = Number((await todayIn(env)).slice(0, 4));
  const caseId = `${process.idPrefix}-test-${randomUUID()}`;
  const handle = await env.client.workflow.start(process.temporal.workflowType, {
    taskQueue,
    workflowId: caseId,
    args: [
      {
        caseId,
        bureauId: 'district-test',
        calendar: buildCalendarSnapshot({ fromYear: year - 1, toYear: year + 3, notices: [] }),
        opening,
      },
    ],
  });
  return {
    caseId,
    handle,
    send: (command: Command, by: Actor) => handle.executeUpdate(update, { args: [{ command, actor: by }] }),
    state: async () => (await handle.query(query)).state,
  };
}
