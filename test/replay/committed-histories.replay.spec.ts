import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { bundleWorkflows } from '../support/time-skipping';

const DIR = path.join(__dirname, 'histories');

/** Committed histories of real executions: a workflow change that would break them fails here. */
describe('every case workflow replays its committed histories', () => {
  let bundle: WorkflowBundleWithSourceMap;
  beforeAll(async () => {
    bundle = await bundleWorkflows();
  });

  const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

  it('has at least one committed history', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('replays %s without nondeterminism', async (file) => {
    const history: unknown = JSON.parse(readFileSync(path.join(DIR, file), 'utf8'));
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, history, file.replace(/\.json$/, ''))).resolves.toBeUndefined();
  });

  it('replays them all in one worker, one after the other in one V8 context sharing one evaluated domain', async () => {
    const histories = files.map((file) => ({
      workflowId: file.replace(/\.json$/, ''),
      history: JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as unknown,
    }));
    const failed: string[] = [];
    let replayed = 0;
    for await (const result of Worker.runReplayHistories({ workflowBundle: bundle }, histories)) {
      replayed += 1;
      if (result.error) failed.push(`${result.workflowId}: ${String(result.error)}`);
    }
    expect(failed).toEqual([]);
    expect(replayed).toBe(files.length);
  });
});
