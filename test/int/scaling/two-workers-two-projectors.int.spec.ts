import { hostname } from 'node:os';
import { Pool } from 'pg';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { topicNames } from '@qts/config';
import { shanghaiDate } from '@qts/domain';
import { createKafka, partitionOffsets, withAdmin, type Admin, type Kafka } from '@qts/kafka';
import { dropReadModel, loadPositions } from '@qts/read-model';
import { Stack, waitUntil } from '../../support/stack';
import { caseSequences, notContiguous } from './support/case-sequences';
import { groupAssignment } from './support/group-assignment';
import { rebuildAndCompare } from './support/rebuild-compare';
import { SecondInstance } from './support/second-instance';
import { taskCompleters } from './support/task-completers';
import { topicContents } from './support/topic-contents';

/**
 * docs/scaling.md, tested: two workers on one task queue and two projectors in one consumer group, against the same
 * Temporal, Kafka and PostgreSQL. Work is shared, nothing is applied twice, and when one of each is killed (-9) the
 * survivors take over: the killed worker's cases continue on the other, the killed projector's partitions move.
 */
const CASES = 40;
const CLIENTS = 8;

let stack: Stack;
let worker2: SecondInstance;
let projector2: SecondInstance;
let pool: Pool;
let kafka: Kafka;
let connection: Connection;
let client: Client;
let schema: string;
let groupId: string;
let topic: string;
const caseIds: string[] = [];
/** per case, the payment references acknowledged (200) */
const paid = new Map<string, string[]>();
const today = shanghaiDate(Date.now());
/** answers that were not definite (503 while a workflow's worker was gone), each followed by a resend with the same key */
const resends: string[] = [];

const identityOf = (pid: number | undefined) => `${pid ?? '?'}@${hostname()}`;
const admin = <T>(use: (a: Admin) => Promise<T>) => withAdmin(kafka, use);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  // the first instances (and the API) are client "qts-one" on Kafka, the second ones "qts-two": the group tells them apart
  stack = await Stack.start(['worker', 'projector', 'api'], { KAFKA_CLIENT_ID: 'qts-one', AUDIT_LOG_GRACE_SECONDS: '1' });
  const second = { ...stack.env, KAFKA_CLIENT_ID: 'qts-two' };
  worker2 = new SecondInstance('worker', `${stack.id}-worker-2`, second);
  projector2 = new SecondInstance('projector', `${stack.id}-projector-2`, second);
  const config = stack.config();
  schema = config.database.readModelSchema;
  groupId = config.projector.groupId;
  topic = topicNames(config).caseEvents;
  pool = new Pool({ connectionString: config.database.url, max: 2 });
  kafka = createKafka(config);
  connection = await Connection.connect({ address: config.temporal.address });
  client = new Client({ connection, namespace: config.temporal.namespace });
  const { namespace, taskQueue } = config.temporal;

  const both = [identityOf(stack.pid('worker')), identityOf(worker2.pid)].sort();
  await waitUntil(
    'both workers to poll the task queue',
    async () => {
      if (!worker2.isRunning()) throw new Error(`the second worker exited:\n${worker2.logTail()}`);
      const { pollers } = await connection.workflowService.describeTaskQueue({
        namespace,
        taskQueue: { name: taskQueue },
        taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      });
      const seen = new Set((pollers ?? []).map((p) => p.identity ?? ''));
      return both.every((id) => seen.has(id)) ? true : undefined;
    },
    60_000,
    500,
  );
  await waitUntil(
    'both projectors to own partitions of the case-events topic',
    async () => {
      if (!projector2.isRunning()) throw new Error(`the second projector exited:\n${projector2.logTail()}`);
      const group = await admin((a) => groupAssignment(a, groupId, topic));
      return group.state === 'Stable' && group.members.length === 2 && group.members.every((m) => m.partitions.length > 0)
        ? true
        : undefined;
    },
    60_000,
    500,
  );
}, 150_000);

afterAll(async () => {
  await Promise.all([worker2?.stop(), projector2?.stop()]);
  await connection?.close();
  await pool?.end();
  await stack?.stop();
});

/** Sends until the answer is definite (2xx or 4xx), as the UI does; a command is resent with the same Idempotency-Key. */
async function definite(
  method: string,
  url: string,
  body: unknown,
  key?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const deadline = Date.now() + 60_000;
  for (let attempt = 1; ; attempt += 1) {
    const res = await stack
      .send<Record<string, unknown>>(method, url, body, {
        authorization: `Bearer ${await stack.tokenOf('officer-li')}`,
        ...(key ? { 'idempotency-key': key } : {}),
      })
      .catch(() => undefined);
    if (res && res.status < 500) return res;
    resends.push(`${res?.status ?? 'no answer'} ${url}`);
    if (Date.now() > deadline) throw new Error(`${method} ${url}: no definite answer in 60 s (last ${res?.status ?? 'no answer'})`);
    await sleep(Math.min(2000, 250 * attempt));
  }
}

/** Runs the jobs with CLIENTS at a time. */
async function inParallel(jobs: (() => Promise<void>)[]): Promise<void> {
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await job();
    }),
  );
}

async function openCase(n: number): Promise<void> {
  const res = await definite('POST', '/api/penalty-cases', {
    type: 'OpenSummaryCase',
    section: 'enforcement',
    title: `扩展测试 ${n}`,
    party: { kind: 'organisation', name: `某厂${n}` },
    violationDate: today,
    decidedOn: today,
    provisionId: 'product-quality-law-art54',
    // 3,000 yuan in 1-yuan payments: never settled, so every payment is accepted
    penalty: { kind: 'fine', fineFen: 300_000 },
  });
  expect({ status: res.status, caseId: typeof res.body['caseId'] }).toEqual({ status: 201, caseId: 'string' });
  caseIds.push(String(res.body['caseId']));
}

async function pay(caseId: string, round: number): Promise<void> {
  const reference = `S${round}-${caseId}`;
  const res = await definite(
    'POST',
    `/api/penalty-cases/${caseId}/commands`,
    { type: 'RecordPayment', paidOn: today, amountFen: 100, reference, channel: 'officer' },
    `scale-${reference}`,
  );
  expect({ reference, status: res.status }).toEqual({ reference, status: 200 });
  paid.set(caseId, [...(paid.get(caseId) ?? []), reference]);
}

/** Waits until the projectors' stored positions are at the end of every partition (everything on Kafka is applied). */
async function caughtUp(): Promise<Map<number, { low: string; high: string }>> {
  const ends = await admin((a) => partitionOffsets(a, topic));
  await waitUntil(
    'the projectors to reach the end of every partition',
    async () => {
      const positions = await loadPositions(pool, schema, topic);
      return [...ends].every(([p, { high }]) => high === '0' || positions.get(p) === high) ? true : undefined;
    },
    60_000,
    250,
  );
  return ends;
}

describe('past one machine: two workers on one task queue, two projectors in one consumer group', () => {
  it('shares the work between both workers and both projectors, and applies nothing twice', async () => {
    const startedAt = Date.now();
    const groupBefore = await admin((a) => groupAssignment(a, groupId, topic));
    const positionsBefore = await loadPositions(pool, schema, topic);

    await inParallel(Array.from({ length: CASES }, (_, i) => () => openCase(i + 1)));
    await inParallel(caseIds.map((id) => () => pay(id, 1)));
    const ends = await caughtUp();
    console.log(`[scaling] ${CASES} cases opened and paid once in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);

    // workers: both completed workflow tasks (identity pid@host on WorkflowTaskCompleted), and only these two did
    const one = identityOf(stack.pid('worker'));
    const two = identityOf(worker2.pid);
    const byWorker = new Map<string, number>();
    for (const caseId of caseIds)
      for (const task of await taskCompleters(client, caseId)) byWorker.set(task.identity, (byWorker.get(task.identity) ?? 0) + 1);
    console.log(`[scaling] workflow tasks completed per worker: ${JSON.stringify(Object.fromEntries(byWorker))}`);
    expect([...byWorker.keys()].sort()).toEqual([one, two].sort());
    expect(byWorker.get(one)).toBeGreaterThan(0);
    expect(byWorker.get(two)).toBeGreaterThan(0);

    // projectors: the same two members owned the same partitions throughout, and every partition each owns moved on
    const groupAfter = await admin((a) => groupAssignment(a, groupId, topic));
    expect(groupAfter).toEqual(groupBefore);
    expect(groupAfter.members.map((m) => m.clientId)).toEqual(['qts-one', 'qts-two']);
    const positionsAfter = await loadPositions(pool, schema, topic);
    const advanced = groupAfter.members.map((m) => ({
      clientId: m.clientId,
      partitions: m.partitions.length,
      advanced: m.partitions.filter((p) => BigInt(positionsAfter.get(p) ?? '0') > BigInt(positionsBefore.get(p) ?? '0')).length,
    }));
    console.log(`[scaling] projector members: ${JSON.stringify(groupAfter.members.map((m) => [m.clientId, m.partitions]))}`);
    for (const m of advanced) expect(m.advanced).toBeGreaterThan(0);

    // nothing applied twice: contiguous seqs, and the read model holds exactly what Kafka holds for these cases
    const rows = await caseSequences(pool, schema, caseIds);
    expect(rows).toHaveLength(CASES);
    expect(notContiguous(rows)).toEqual([]);
    const kafkaNow = await topicContents(kafka, topic, ends);
    expect(kafkaNow.conflicting).toEqual([]);
    expect(rows.map((r) => [r.caseId, r.rows])).toEqual(rows.map((r) => [r.caseId, kafkaNow.perCase.get(r.caseId)?.messages ?? 0]));
  });

  it('after kill -9 of one worker and one projector midway, the survivors take over and every command completes once', async () => {
    const startedAt = Date.now();
    const killedWorker = identityOf(stack.pid('worker'));
    const survivor = identityOf(worker2.pid);
    // the cases the killed worker had served: their next tasks go to its sticky queue until the server gives up on it
    const servedByKilled = new Set<string>();
    for (const caseId of caseIds)
      if ((await taskCompleters(client, caseId)).some((t) => t.identity === killedWorker)) servedByKilled.add(caseId);
    expect(servedByKilled.size).toBeGreaterThan(0);

    // the partitions the first projector owns: after its kill their positions must move on, written by the survivor
    const owned = (await admin((a) => groupAssignment(a, groupId, topic))).members.find((m) => m.clientId === 'qts-one')?.partitions ?? [];
    expect(owned.length).toBeGreaterThan(0);

    let killedAt = 0;
    let acknowledged = 0;
    const round = caseIds.map((id) => async () => {
      await pay(id, 2);
      acknowledged += 1;
    });
    const load = inParallel(round);
    await waitUntil(
      'a quarter of the second round acknowledged',
      () => Promise.resolve(acknowledged >= CASES / 4 ? true : undefined),
      60_000,
      50,
    );
    await Promise.all([stack.kill('worker'), stack.kill('projector')]);
    killedAt = Date.now();
    const atKill = await loadPositions(pool, schema, topic);
    console.log(`[scaling] killed worker and projector one after ${acknowledged} of ${CASES} payments of round 2`);
    await load;
    console.log(
      `[scaling] round 2 done ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill; ${resends.length} answers resent: ${resends.join(', ')}`,
    );

    // the group: the survivor alone, owning every partition
    const partitions = (await admin((a) => partitionOffsets(a, topic))).size;
    const group = await waitUntil(
      'the killed projector to leave the group',
      async () => {
        const g = await admin((a) => groupAssignment(a, groupId, topic));
        return g.state === 'Stable' && g.members.length === 1 ? g : undefined;
      },
      60_000,
      500,
    );
    expect(group.members.map((m) => [m.clientId, m.partitions.length])).toEqual([['qts-two', partitions]]);
    expect(projector2.isRunning()).toBe(true);
    const ends = await caughtUp();
    const final = await loadPositions(pool, schema, topic);
    const movedOn = owned.filter((p) => BigInt(final.get(p) ?? '0') > BigInt(atKill.get(p) ?? '0'));
    console.log(
      `[scaling] partitions of the killed projector ${JSON.stringify(owned)}, moved on by the survivor ${JSON.stringify(movedOn)}`,
    );
    expect(movedOn).toEqual(owned);

    // the worker: every task after the kill completed by the survivor, including cases the killed one had served
    let takenOver = 0;
    for (const caseId of caseIds) {
      const tasks = await taskCompleters(client, caseId);
      const late = tasks.filter((t) => t.at > killedAt + 1000);
      expect({ caseId, after: [...new Set(late.map((t) => t.identity))] }).toEqual({ caseId, after: late.length > 0 ? [survivor] : [] });
      if (servedByKilled.has(caseId) && late.length > 0) takenOver += 1;
    }
    console.log(`[scaling] ${takenOver} of ${servedByKilled.size} cases of the killed worker continued on the survivor`);
    expect(takenOver).toBeGreaterThan(0);

    // every acknowledged payment in the read model exactly once
    const { rows } = await pool.query<{ case_id: string; reference: string; n: number }>(
      `SELECT case_id, payload->>'reference' AS reference, count(*)::int AS n FROM "${schema}".timeline
        WHERE type = 'PaymentReceived' AND case_id = ANY($1::text[]) GROUP BY 1, 2 ORDER BY 1, 2`,
      [caseIds],
    );
    const expected = [...paid].flatMap(([caseId, refs]) => refs.map((reference) => ({ case_id: caseId, reference, n: 1 })));
    const sort = (xs: { case_id: string; reference: string }[]) =>
      [...xs].sort((a, b) => a.case_id.localeCompare(b.case_id) || a.reference.localeCompare(b.reference));
    expect(sort(rows)).toEqual(sort(expected));
    expect(expected).toHaveLength(2 * CASES);

    // nothing applied twice: contiguous seqs; every event id on Kafka in the read model once (a worker killed between
    // publishing and completing its task may leave a second, identical copy on Kafka: the projector skips it)
    const seqs = await caseSequences(pool, schema, caseIds);
    expect(seqs).toHaveLength(CASES);
    expect(notContiguous(seqs)).toEqual([]);
    const log = await topicContents(kafka, topic, ends);
    expect(log.conflicting).toEqual([]);
    expect(seqs.map((r) => [r.caseId, r.rows])).toEqual(seqs.map((r) => [r.caseId, log.perCase.get(r.caseId)?.eventIds.size ?? 0]));
    const copies = [...log.perCase.values()].reduce((n, c) => n + c.messages - c.eventIds.size, 0);
    console.log(`[scaling] ${log.total} messages on the topic, ${copies} of them second copies of an event id (skipped by the projector)`);

    // the read model equals a rebuild from the topic
    const rebuilt = `${schema}_rb`;
    const rebuild = await rebuildAndCompare(stack.env, rebuilt, schema);
    await dropReadModel(pool, rebuilt);
    expect({ code: rebuild.code, tail: rebuild.code === 0 ? '' : rebuild.out.slice(-2000) }).toEqual({ code: 0, tail: '' });

    // audit verification: hash chains intact, nothing damaged, the read model against Kafka and Temporal
    const verify = await stack.request<{ ok: boolean; broken: unknown[]; damagedCases: unknown[]; eventLog: { missing: unknown[] } }>(
      'GET',
      '/api/audit/verify',
      undefined,
      'auditor-zhou',
    );
    expect({
      status: verify.status,
      ok: verify.body.ok,
      broken: verify.body.broken,
      damaged: verify.body.damagedCases,
      missing: verify.body.eventLog.missing,
    }).toEqual({ status: 200, ok: true, broken: [], damaged: [], missing: [] });
    console.log(`[scaling] kill phase and checks in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  });
});
