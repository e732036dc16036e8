import { randomUUID } from 'node:crypto';
import { buildCalendarSnapshot } from '@qts/holiday-calendar';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { accidentProcess, type AccidentCaseCommand, type AccidentOpeningCommand, type AccidentState, type Actor } from '@qts/domain';
import { accidentWorkflow, commandUpdateOf, stateQueryOf } from '@qts/workflows';
import { todayIn } from './workflow-harness';

const update = commandUpdateOf(accidentProcess);
const query = stateQueryOf<AccidentState>(accidentProcess);

/** Starts an accident case on the time-skipping server as the API would (caseId, calendar, the opening command). */
export async function startAccident(env: TestWorkflowEnvironment, taskQueue: string, command: AccidentOpeningCommand, actor: Actor) {
  const year = Number((await todayIn(env)).slice(0, 4));
  const caseId = `ACC-test-${randomUUID()}`;
  const handle = await env.client.workflow.start(accidentWorkflow, {
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
    send: (c: AccidentCaseCommand, by: Actor) => handle.executeUpdate(update, { args: [{ command: c, actor: by }] }),
    state: async () => (await handle.query(query)).state,
  };
}
