import { buildCalendarSnapshot } from '@qts/holiday-calendar';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
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

/** `RECORD_REPLAY_HISTORIES=1 npm run test:workflow` refreshes the committed histories the replay tier checks. */
export async function recordHistoryIfAsked(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env['RECORD_REPLAY_HISTORIES'] !== '1') return;
  const history = await handle.fetchHistory();
  writeFileSync(path.join(__dirname, '../replay/histories', `${name}.json`), historyToJSON(history));
}
