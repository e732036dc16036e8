import path from 'node:path';
import { Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createPublishActivities } from '@qts/activities';
import { yuan, type Actor } from '@qts/domain';
import { workflowBundlerOptions } from '@qts/workflows/dist/bundle/bundler-options';
import { timeSkippingSuite } from '../support/time-skipping';
import { RecordingPublisher } from '../support/recording-publisher';
import { resultOf, startCase, todayIn } from '../support/workflow-harness';

const officer: Actor = { id: 'officer-li', role: 'officer' };
const noop = () => undefined;
const silentLogger = { log: noop, trace: noop, debug: noop, info: noop, warn: noop, error: noop };

/** The real workflows plus the probe, bundled the way the app's worker bundles them. */
function bundleWithProbe(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: path.resolve(__dirname, 'support/domain-probe-workflows.ts'),
    ...workflowBundlerOptions,
    logger: { ...silentLogger },
  });
}

const suite = timeSkippingSuite(bundleWithProbe);

async function payFourCasesThenProbe(reuseV8Context: boolean) {
  const publisher = new RecordingPublisher();
  const taskQueue = `tq-domain-once-${reuseV8Context}-${Date.now()}`;
  const worker = await Worker.create({
    connection: suite.env.nativeConnection,
    taskQueue,
    workflowBundle: suite.bundle,
    reuseV8Context,
    activities: createPublishActivities(publisher),
  });
  return worker.runUntil(async () => {
    const today = await todayIn(suite.env);
    const outcomes: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      const c = await startCase(
        suite.env,
        taskQueue,
        {
          type: 'OpenSummaryCase',
          section: 'quality',
          title: `产品标识不符合规定 ${i}`,
          party: { kind: 'organisation', name: '某食品包装厂' },
          violationDate: today,
          decidedOn: today,
          provisionId: 'product-quality-law-art54',
          penalty: { kind: 'fine', fineFen: yuan(100 + i) },
        },
        officer,
      );
      await c.send({ type: 'RecordPayment', paidOn: today, amountFen: yuan(100 + i), reference: `T-${i}`, channel: 'treasury' }, officer);
      outcomes.push(await resultOf(suite.env, c.handle));
      const seqs = publisher.ofCase(c.caseId).map((e) => e.seq);
      expect(seqs).toEqual(seqs.map((_, k) => k + 1));
    }
    const counts = await suite.env.client.workflow.execute<() => Promise<{ evaluations: number; calls: number }>>('domainProbeWorkflow', {
      taskQueue,
      workflowId: `${taskQueue}-probe`,
    });
    return { outcomes, counts };
  });
}

describe('the domain is evaluated once per V8 context (workflows/src/shared/domain-once.ts)', () => {
  it('in one reused context, five runs share one evaluation of @qts/domain and every case still decides right', async () => {
    const { outcomes, counts } = await payFourCasesThenProbe(true);
    expect(outcomes).toHaveLength(4);
    for (const outcome of outcomes) expect(outcome).toMatchObject({ outcome: 'paid' });
    expect(counts.evaluations).toBe(1);
    // four cases and the probe asked for it (a replayed or re-created run asks again)
    expect(counts.calls).toBeGreaterThanOrEqual(5);
  });

  it('with a fresh context per run (reuseV8Context off) each run evaluates it for itself', async () => {
    const { outcomes, counts } = await payFourCasesThenProbe(false);
    expect(outcomes).toHaveLength(4);
    for (const outcome of outcomes) expect(outcome).toMatchObject({ outcome: 'paid' });
    expect(counts).toEqual({ evaluations: 1, calls: 1 });
  });
});
