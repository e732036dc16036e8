import { partitionOffsets } from '@qts/kafka';
import { loadPositions } from '@qts/read-model';
import { counterHistory } from './support/counter-events';
import { ProjectorProcess } from './support/projector-process';
import { caseProgress, timelineCount } from './support/read-model-rows';
import { newTestRun } from './support/run-ids';
import { projectorEnv, TestServices } from './support/services';
import { waitUntil } from './support/wait-until';

const CASES = ['KIL-a', 'KIL-b', 'KIL-c', 'KIL-d'];
const FIRST = 300;
const SECOND = 350;

describe('projector killed mid-stream (SIGKILL) and started again', () => {
  const run = newTestRun('crash');
  const services = new TestServices(run);
  const projectors: ProjectorProcess[] = [];

  beforeAll(async () => {
    await services.createTopics();
  });

  afterAll(async () => {
    await Promise.all(projectors.map((p) => p.stop()));
    await services.close();
  });

  async function killAfter(rows: number): Promise<number> {
    const projector = new ProjectorProcess(projectorEnv(run));
    projectors.push(projector);
    await waitUntil(`${rows} timeline rows`, async () => (await timelineCount(services.pool, run.schema)) >= rows, 60_000, 5).catch(
      (err: Error) => {
        throw new Error(`${err.message}\n${projector.log()}`);
      },
    );
    expect(await projector.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    return timelineCount(services.pool, run.schema);
  }

  it('projects every event exactly once, with no gap, across two kills', async () => {
    for (let from = 1; from <= FIRST; from += 25) await services.publish(CASES.flatMap((id) => counterHistory(id, from + 24, from)));
    const total = CASES.length * FIRST;

    const atFirstKill = await killAfter(150);
    expect(atFirstKill).toBeLessThan(total);

    // more events while the projector is down, then a second kill while it works through the backlog
    await services.publish(CASES.flatMap((id) => counterHistory(id, SECOND, FIRST + 1)));
    const all = CASES.length * SECOND;
    const atSecondKill = await killAfter(atFirstKill + 400);
    expect(atSecondKill).toBeLessThan(all);

    const last = new ProjectorProcess(projectorEnv(run));
    projectors.push(last);
    await waitUntil(`${all} timeline rows`, async () => (await timelineCount(services.pool, run.schema)) >= all, 90_000).catch(
      (err: Error) => {
        throw new Error(`${err.message}\n${last.log()}`);
      },
    );
    const admin = services.kafka.admin();
    await admin.connect();
    const ends = await partitionOffsets(admin, services.topics.caseEvents).finally(() => admin.disconnect());
    await waitUntil('the stored positions to reach the end of every partition', async () => {
      const positions = await loadPositions(services.pool, run.schema, services.topics.caseEvents);
      return [...ends].every(([partition, { high }]) => high === '0' || positions.get(partition) === high);
    });

    expect(await timelineCount(services.pool, run.schema)).toBe(all);
    expect(await caseProgress(services.pool, run.schema)).toEqual(
      CASES.map((caseId) => ({ caseId, lastSeq: SECOND, timelineRows: SECOND, minSeq: 1, maxSeq: SECOND })),
    );
    for (const p of projectors) expect(p.log()).not.toMatch(/dead-lettered/);
  });
});
