import { caseProjections, type EventEnvelope } from '@qts/domain';
import { getCase, listCases, listNotices, loadPositions } from '@qts/read-model';
import { partitionOffsets } from '@qts/kafka';
import { counterProjection, COUNTER_CASE_TYPE } from './support/counter-projection';
import { counterHistory, TEST_BUREAU } from './support/counter-events';
import { ProjectorProcess } from './support/projector-process';
import { caseProgress, timelineCount } from './support/read-model-rows';
import { newTestRun } from './support/run-ids';
import { projectorEnv, TestServices } from './support/services';
import { waitUntil } from './support/wait-until';

/** Cases' histories published interleaved, a chunk of each case at a time, as concurrent workflows would. */
function interleaved(histories: EventEnvelope[][], chunk: number): EventEnvelope[] {
  const out: EventEnvelope[] = [];
  const longest = Math.max(...histories.map((h) => h.length));
  for (let i = 0; i < longest; i += chunk) for (const h of histories) out.push(...h.slice(i, i + chunk));
  return out;
}

/** What the projection itself says the case is after these events (through JSON, as the read model stores it). */
function folded(events: EventEnvelope[]) {
  const state = events.reduce(
    (s, e) => JSON.parse(JSON.stringify(counterProjection.evolve(s, e))) as typeof s,
    counterProjection.initialState(),
  );
  return { state, view: counterProjection.view(state) };
}

describe('projector on the real Kafka and PostgreSQL', () => {
  const run = newTestRun('projects');
  const services = new TestServices(run);
  const projectors: ProjectorProcess[] = [];
  const caseIds = ['CNT-a', 'CNT-b', 'CNT-c', 'CNT-d'];
  const histories = caseIds.map((id) => counterHistory(id, 60));

  beforeAll(async () => {
    caseProjections[COUNTER_CASE_TYPE] ??= counterProjection;
    await services.createTopics();
  });

  afterAll(async () => {
    await Promise.all(projectors.map((p) => p.stop()));
    await services.close();
  });

  async function caughtUp(schema = run.schema): Promise<boolean> {
    const admin = services.kafka.admin();
    await admin.connect();
    try {
      const offsets = await partitionOffsets(admin, services.topics.caseEvents);
      const positions = await loadPositions(services.pool, schema, services.topics.caseEvents);
      return [...offsets].every(([partition, { high }]) => high === '0' || positions.get(partition) === high);
    } finally {
      await admin.disconnect();
    }
  }

  it('projects every event of several cases exactly once: rows, timeline, open deadlines, notices and positions', async () => {
    await services.publish(interleaved(histories, 7));
    const projector = new ProjectorProcess(projectorEnv(run));
    projectors.push(projector);
    await waitUntil('240 timeline rows', async () => (await timelineCount(services.pool, run.schema)) === 240, 60_000).catch(
      (err: Error) => {
        throw new Error(`${err.message}\n${projector.log()}`);
      },
    );
    await waitUntil('positions at the end of the topic', () => caughtUp());

    expect(await caseProgress(services.pool, run.schema)).toEqual(
      caseIds.map((caseId) => ({ caseId, lastSeq: 60, timelineRows: 60, minSeq: 1, maxSeq: 60 })),
    );

    const history = histories[0]!;
    const expected = folded(history);
    const detail = await getCase(services.pool, run.schema, 'CNT-a', { today: '2025-04-15' });
    expect(detail).toMatchObject({
      caseId: 'CNT-a',
      caseType: COUNTER_CASE_TYPE,
      bureauId: TEST_BUREAU,
      section: 'quality',
      stage: expected.view.stage,
      title: '案件 CNT-a',
      partyName: '某某有限公司',
      closed: false,
      lastSeq: 60,
      openedAt: history[0]!.occurredAt,
      updatedAt: history[59]!.occurredAt,
      state: expected.state,
    });
    expect(detail!.timeline.map((t) => t.eventId)).toEqual(history.map((e) => e.eventId));
    expect(detail!.timeline[0]).toEqual({
      seq: 1,
      eventId: 'CNT-a:1',
      type: 'CounterOpened',
      schemaVersion: 1,
      occurredAt: history[0]!.occurredAt,
      actor: history[0]!.actor,
      payload: history[0]!.payload,
      // these test events were published without the hash chain
      prevHash: null,
      hash: null,
    });
    expect(detail!.deadlines.map(({ overdue: _overdue, ...d }) => d)).toEqual(expected.view.deadlines);
    expect(detail!.deadlines.map((d) => d.overdue)).toEqual(expected.view.deadlines.map((d) => d.due < '2025-04-15'));
    expect(detail!.nextDue).toBe(expected.view.deadlines[0]?.due ?? null);
    const noticeEvents = history.filter((e) => e.type === 'EscalationNoticeRaised');
    expect(detail!.notices.map((n) => n.eventId)).toEqual(noticeEvents.map((e) => e.eventId));
    expect(detail!.notices[0]).toMatchObject({
      caseId: 'CNT-a',
      bureauId: TEST_BUREAU,
      level: 'missed',
      recipientRole: 'section_chief',
      raisedAt: noticeEvents[0]!.occurredAt,
    });

    const overdue = await listCases(services.pool, run.schema, { caseType: COUNTER_CASE_TYPE, overdue: true, today: '2025-05-01' });
    expect(overdue.total).toBe(4);
    expect(await listCases(services.pool, run.schema, { overdue: true, today: '2025-03-01' })).toMatchObject({ total: 0, items: [] });
    expect((await listCases(services.pool, run.schema, { overdue: false, today: '2025-03-01' })).total).toBe(4);
    expect((await listCases(services.pool, run.schema, { section: 'metrology' })).total).toBe(0);
    const page = await listCases(services.pool, run.schema, { limit: 3 });
    expect(page).toMatchObject({ total: 4, limit: 3, offset: 0 });
    expect(page.items).toHaveLength(3);
    const notices = await listNotices(services.pool, run.schema, { recipientRole: 'section_chief' });
    expect(notices.total).toBe(4 * noticeEvents.length);
  });

  it('keeps up with a running stream and skips events published twice', async () => {
    await services.publish([...counterHistory('CNT-a', 75, 61), ...histories[1]!.slice(0, 10)]);
    await waitUntil('CNT-a at seq 75', async () => (await getCase(services.pool, run.schema, 'CNT-a'))?.lastSeq === 75);
    await waitUntil('positions at the end of the topic', () => caughtUp());
    const progress = await caseProgress(services.pool, run.schema);
    expect(progress.find((p) => p.caseId === 'CNT-a')).toEqual({ caseId: 'CNT-a', lastSeq: 75, timelineRows: 75, minSeq: 1, maxSeq: 75 });
    expect(progress.find((p) => p.caseId === 'CNT-b')).toEqual({ caseId: 'CNT-b', lastSeq: 60, timelineRows: 60, minSeq: 1, maxSeq: 60 });
  });

  it('fills a fresh schema from the beginning even when its consumer group has committed offsets at the end', async () => {
    const projector = projectors[0]!;
    expect(await projector.stop('SIGTERM')).toEqual({ code: null, signal: 'SIGTERM' });
    const freshSchema = `${run.schema}_fresh`;
    const fresh = new ProjectorProcess({ ...projectorEnv(run), READ_MODEL_SCHEMA: freshSchema });
    projectors.push(fresh);
    try {
      await waitUntil('the fresh schema to catch up', () => caughtUp(freshSchema), 60_000).catch((err: Error) => {
        throw new Error(`${err.message}\n${fresh.log()}`);
      });
      expect(await timelineCount(services.pool, freshSchema)).toBe(255);
    } finally {
      await fresh.stop();
      await services.pool.query(`DROP SCHEMA IF EXISTS "${freshSchema}" CASCADE`);
    }
  });
});
