import { startKernelCase } from './kernel-harness';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createPublishActivities } from '@qts/activities';
import { recallProcess, type Actor, type IsoDate, type RecallCaseCommand, type RecallOpeningCommand, type RecallState } from '@qts/domain';
import type { RecordingPublisher } from './recording-publisher';
import { RecordingDocuments } from './escalation-recording-documents';
import type { RecordingOutbound } from './recording-outbound';

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

/** Starts a recall case on the time-skipping server as the API would (kernel-harness.ts). */
export function startRecall(env: TestWorkflowEnvironment, taskQueue: string, command: RecallOpeningCommand, actor: Actor) {
  return startKernelCase<RecallCaseCommand, RecallState>(env, recallProcess, taskQueue, { command, actor });
}

/** A defect signal from an accident investigation: a vehicle or a consumer product. */
export function defectSignal(receivedOn: IsoDate, category: 'vehicle' | 'consumer_goods'): RecallOpeningCommand {
  return {
    type: 'RegisterDefectSignal',
    section: 'enforcement',
    product: { category, name: category === 'vehicle' ? '某型轿车' : '儿童电动滑板车' },
    producer: { name: category === 'vehicle' ? '某汽车有限公司' : '某童车有限公司' },
    source: 'accident',
    receivedOn,
    description: '事故调查认定产品存在缺陷',
    sourceCaseId: 'ACC-20260301-0000abcd',
  };
}
