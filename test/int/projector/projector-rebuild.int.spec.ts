import { counterEvent, counterHistory } from './support/counter-events';
import { caughtUp } from './support/caught-up';
import { ProjectorProcess, runRebuild } from './support/projector-process';
import { newTestRun } from './support/run-ids';
import { projectorEnv, TestServices } from './support/services';
import { waitUntil } from './support/wait-until';

interface RebuildJson {
  schema: string;
  applied: number;
  duplicates: number;
  refused: { partition: number; offset: string; reason: string }[];
  comparison?: { equal: boolean; differences: { table: string; onlyInA: Record<string, unknown>[]; onlyInB: Record<string, unknown>[] }[] };
}

function lastJsonLine(stdout: string): RebuildJson {
  const line = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as RebuildJson;
}

describe('rebuild: replaying the topic into a fresh schema gives the live rows', () => {
  const run = newTestRun('rebuild');
  const services = new TestServices(run);
  const env = projectorEnv(run);
  const rebuilt = [`${run.schema}_r1`, `${run.schema}_r2`];

  beforeAll(async () => {
    await services.createTopics();
    await services.publish(['REB-a', 'REB-b', 'REB-c'].flatMap((id) => counterHistory(id, 80)));
    // refused by the live projector (dead-lettered) and by the rebuild alike
    await services.publishRaw('REB-x', '{"not":"an envelope"}');
    await services.publish([counterEvent('REB-a', 82, 'CounterTicked', {})]);
    const projector = new ProjectorProcess(env);
    await waitUntil('the live projector to reach the end of the topic', () => caughtUp(services, run.schema), 60_000).catch(
      (err: Error) => {
        throw new Error(`${err.message}\n${projector.log()}`);
      },
    );
    // graceful: SIGTERM lets the message in hand finish, then the process ends
    expect(await projector.stop('SIGTERM')).toEqual({ code: null, signal: 'SIGTERM' });
  });

  afterAll(async () => {
    for (const schema of rebuilt) await services.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await services.close();
  });

  it('builds a fresh schema equal to the live one, row for row (exit 0)', async () => {
    const result = await runRebuild(env, ['--schema', rebuilt[0]!, '--compare', run.schema, '--json']);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    const summary = lastJsonLine(result.stdout);
    expect(summary).toMatchObject({ schema: rebuilt[0], applied: 240, duplicates: 0, comparison: { equal: true, differences: [] } });
    expect(summary.refused.map((r) => r.reason).sort()).toEqual([
      expect.stringMatching(/^case REB-a: expected seq 81, got 82/),
      expect.stringMatching(/^invalid message: .*eventId/),
    ]);
  });

  it('reports the first differing rows and exits 1 when the live schema was changed', async () => {
    await services.pool.query(`UPDATE "${run.schema}".cases SET title = 'tampered' WHERE case_id = 'REB-b'`);
    const result = await runRebuild(env, ['--schema', rebuilt[1]!, '--compare', run.schema]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`compare "${run.schema}" (A) with "${rebuilt[1]}" (B): DIFFERENT in cases`);
    expect(result.stdout).toMatch(/cases: 3 rows in A, 3 in B; 1 only in A, 1 only in B/);
    expect(result.stdout).toMatch(/only in A: .*"title":"tampered"/);
  });

  it('refuses to rebuild into a schema that already holds a read model (exit 2)', async () => {
    const result = await runRebuild(env, ['--schema', run.schema]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`schema "${run.schema}" already holds a read model`);
  });
});
