import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { buildCalendarSnapshot } from '@qts/holiday-calendar';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { workflowBundlerOptions } from '@qts/workflows/dist/bundle/bundler-options';
import { createPublishActivities } from '@qts/activities';
import type { Actor, EscalationCaseCommand, EscalationOpeningCommand } from '@qts/domain';
import { escalationCommandUpdate, escalationStateQuery, escalationWorkflow, type EscalationInput } from '@qts/workflows';
import type { RecordingPublisher } from './recording-publisher';
import type { RecordingDocuments } from './escalation-recording-documents';
import { todayIn } from './workflow-harness';

const noop = () => undefined;
const silentLogger = { log: noop, trace: noop, debug: noop, info: noop, warn: noop, error: noop };

/** The real workflows plus the test-only parent case (test/workflow/support). */
export function bundleEscalationWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: path.resolve(__dirname, '../workflow/support/escalation-test-workflows.ts'),
    ...workflowBundlerOptions,
    logger: { ...silentLogger },
  });
}

export function newEscalationWorker(
  env: TestWorkflowEnvironment,
  bundle: WorkflowBundleWithSourceMap,
  taskQueue: string,
  publisher: RecordingPublisher,
  documents: RecordingDocuments,
) {
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    activities: { ...createPublishActivities(publisher), ...documents.activities() },
  });
}

export async function escalationInput(env: TestWorkflowEnvironment): Promise<Omit<EscalationInput, 'opening'>> {
  const year = Number((await todayIn(env)).slice(0, 4));
  return {
    escalationId: `ESC-test-${randomUUID()}`,
    bureauId: 'district-test',
    bureauNameZh: '测试区质量技术监督局',
    calendar: buildCalendarSnapshot({ fromYear: year - 1, toYear: year + 3, notices: [] }),
  };
}

/** A handle on an escalation by id, whoever started it. */
export function escalationHandle(env: TestWorkflowEnvironment, escalationId: string) {
  const handle = env.client.workflow.getHandle<typeof escalationWorkflow>(escalationId);
  return {
    escalationId,
    handle,
    send: (c: EscalationCaseCommand, by: Actor) => handle.executeUpdate(escalationCommandUpdate, { args: [{ command: c, actor: by }] }),
    state: async () => (await handle.query(escalationStateQuery)).state,
  };
}

export async function startEscalation(env: TestWorkflowEnvironment, taskQueue: string, command: EscalationOpeningCommand, actor: Actor) {
  const input = await escalationInput(env);
  await env.client.workflow.start(escalationWorkflow, {
    taskQueue,
    workflowId: input.escalationId,
    args: [{ ...input, opening: { command, actor } }],
  });
  return escalationHandle(env, input.escalationId);
}
