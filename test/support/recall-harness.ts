import { randomUUID } from 'node:crypto';
import { buildCalendarSnapshot } from '@qts/holiday-calendar';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createPublishActivities } from '@qts/activities';
import { recallProcess, type Actor, type RecallCaseCommand, type RecallOpeningCommand, type RecallState } from '@qts/domain';
import { commandUpdateOf, recallWorkflow, stateQueryOf } from '@qts/workflows';
import type { RecordingPublisher } from './recording-publisher';
import { RecordingDocuments } from './escalation-recording-documents';
import type { RecordingOutbound } from './recording-outbound';
import { todayIn } from './workflow-harness';

const recallCommand = commandUpdateOf(recallProcess);
const recallState = stateQueryOf<RecallState>(recallProcess);

/** A worker with the publishing activities and recording stand-ins for outbound documents. */
export function newRecallWorker(
  env: TestWorkflowEnvironment,
  bundle: WorkflowBundleWithSourceMap,
  taskQueue: string,
  publisher: RecordingPublisher,
  outbound: RecordingOutbound,
) {
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    activities: { ...createPublishActivities(publisher), ...new RecordingDocuments().activities(), ...outbound.activities() },
  });
}

export async function startRecall(env: TestWorkflowEnvironment, taskQueue: string, command: RecallOpeningCommand, actor: Actor) {
  const year = Number((await todayIn(env)).slice(0, 4));
  const caseId = `RCL-test-${randomUUID()}`;
  const handle = await env.client.workflow.start(recallWorkflow, {
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
    send: (c: RecallCaseCommand, by: Actor) => handle.executeUpdate(recallCommand, { args: [{ command: c, actor: by }] }),
    state: async () => (await handle.query(recallState)).state,
  };
}
