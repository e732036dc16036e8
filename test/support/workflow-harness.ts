import { buildCalendarSnapshot } from '@qts/holiday-calendar';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { WorkflowClient, type WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createPublishActivities } from '@qts/activities';
import {
  shanghaiDate,
  startOfShanghaiDay,
  type Actor,
  type IsoDate,
  type PenaltyCaseCommand,
  type PenaltyOpeningCommand,
} from '@qts/domain';
import { penaltyCaseWorkflow, penaltyCommandUpdate, penaltyStateQuery, amountDueQuery } from '@qts/workflows';
import { type RecordingPublisher } from './recording-publisher';

export async function todayIn(env: TestWorkflowEnvironment): Promise<IsoDate> {
  return shanghaiDate(await env.currentTimeMs());
}

/** Skip time to one hour into a legal day (Asia/Shanghai). */
export async function skipTo(env: TestWorkflowEnvironment, date: IsoDate): Promise<void> {
  const ms = startOfShanghaiDay(date) + 3_600_000 - (await env.currentTimeMs());
  if (ms > 0) await env.sleep(ms);
}

export function newWorker(
  env: TestWorkflowEnvironment,
  bundle: WorkflowBundleWithSourceMap,
  taskQueue: string,
  publisher: RecordingPublisher,
) {
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    activities: createPublishActivities(publisher),
  });
}

export async function startCase(env: TestWorkflowEnvironment, taskQueue: string, command: PenaltyOpeningCommand, actor: Actor) {
  const year = Number((await todayIn(env)).slice(0, 4));
  const caseId = `PEN-test-${randomUUID()}`;
  const handle = await env.client.workflow.start(penaltyCaseWorkflow, {
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
    send: (c: PenaltyCaseCommand, by: Actor) => handle.executeUpdate(penaltyCommandUpdate, { args: [{ command: c, actor: by }] }),
    state: async () => (await handle.query(penaltyStateQuery)).state,
    amountDue: (asOf?: IsoDate) => handle.query(amountDueQuery, asOf),
  };
}

const DAY_MS = 86_400_000;

/**
 * A workflow's result, the clock moved on a day at a time and never while the workflow has an activity waiting.
 * The time-skipping client's `handle.result()` lets the server run the clock freely, and the server jumps to the
 * next timer while a regular activity waits to be picked up: a case that publishes its events by activity would
 * close years after its last step, and the next test of the file would start then.
 */
export async function resultOf(env: TestWorkflowEnvironment, handle: WorkflowHandle): Promise<unknown> {
  // a client without time skipping: asking it for the result does not unlock the clock
  const plain = new WorkflowClient({ connection: env.connection, namespace: env.namespace ?? 'default' });
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  for (let step = 0; step < 20_000; step++) {
    const described = await handle.describe();
    if (described.status.name !== 'RUNNING') return plain.getHandle(handle.workflowId).result();
    if ((described.raw.pendingActivities?.length ?? 0) > 0) {
      await pause(20);
      continue;
    }
    // work already under way (a child's answer, a signal on its way) gets a moment of real time before the clock moves
    await pause(150);
    const again = await handle.describe();
    if (again.status.name !== 'RUNNING' || again.historyLength !== described.historyLength) continue;
    if ((again.raw.pendingActivities?.length ?? 0) > 0) continue;
    await env.sleep(DAY_MS);
  }
  throw new Error(`workflow ${handle.workflowId} still running after 20 000 steps`);
}

/** `RECORD_REPLAY_HISTORIES=1 npm run test:workflow` refreshes the committed histories the replay tier checks. */
export async function recordHistoryIfAsked(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env['RECORD_REPLAY_HISTORIES'] !== '1') return;
  const history = await handle.fetchHistory();
  writeFileSync(path.join(__dirname, '../replay/histories', `${name}.json`), historyToJSON(history));
}
