import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { Kafka, logLevel } from 'kafkajs';
import type { AppConfig } from '@qts/config';
import { CpuMeter } from './proc';
import { latencyOf, lanes, type Latency } from './stats';

/** One baseline at one concurrency: operations per second, latency of the measured step, worker CPU per operation. */
export interface BaselineRun {
  concurrency: number;
  ops: number;
  perSecond: number;
  latency: Latency;
  /** the second step where there is one (the Update of workflow + Update) */
  step?: Latency;
  cpuMsPerOp?: Record<string, number>;
}

const RUN = randomBytes(3).toString('hex');

function startRawWorker(config: AppConfig, taskQueue: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [path.join(__dirname, 'raw-worker.js'), config.temporal.address, config.temporal.namespace, taskQueue],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`raw worker exited with ${code}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Trivial workflow start → complete, and workflow + one Update, on their own task queue with their own worker. */
export async function temporalBaselines(
  config: AppConfig,
  levels: readonly number[],
  opsAt: (concurrency: number) => number,
  servicePids: Record<string, number | undefined>,
): Promise<{ trivial: BaselineRun[]; update: BaselineRun[] }> {
  const taskQueue = `bench-raw-${RUN}`;
  const worker = await startRawWorker(config, taskQueue);
  const connection = await Connection.connect({ address: config.temporal.address });
  const client = new Client({ connection, namespace: config.temporal.namespace });
  const trivial: BaselineRun[] = [];
  const update: BaselineRun[] = [];
  try {
    for (const concurrency of levels) {
      const ops = opsAt(concurrency);
      const times: number[] = [];
      let cpu = new CpuMeter({ rawWorker: worker.pid, ...servicePids });
      let seconds = await lanes(ops, concurrency, async (i) => {
        const t0 = performance.now();
        await client.workflow.execute('trivialWorkflow', { taskQueue, workflowId: `bench-trivial-${RUN}-${concurrency}-${i}` });
        times.push(performance.now() - t0);
      });
      trivial.push({ concurrency, ops, perSecond: ops / seconds, latency: latencyOf(times), cpuMsPerOp: perOp(cpu.used(), ops) });

      const whole: number[] = [];
      const starts: number[] = [];
      const updates: number[] = [];
      cpu = new CpuMeter({ rawWorker: worker.pid, ...servicePids });
      seconds = await lanes(ops, concurrency, async (i) => {
        const t0 = performance.now();
        const handle = await client.workflow.start('updateOnceWorkflow', {
          taskQueue,
          workflowId: `bench-update-${RUN}-${concurrency}-${i}`,
        });
        const t1 = performance.now();
        await handle.executeUpdate('echo', { args: [i] });
        const t2 = performance.now();
        await handle.result();
        starts.push(t1 - t0);
        updates.push(t2 - t1);
        whole.push(performance.now() - t0);
      });
      update.push({
        concurrency,
        ops,
        perSecond: ops / seconds,
        latency: latencyOf(starts),
        step: latencyOf(updates),
        cpuMsPerOp: perOp(cpu.used(), ops),
      });
    }
  } finally {
    await connection.close();
    await stop(worker);
  }
  return { trivial, update };
}

export function perOp(cpu: Record<string, number>, ops: number): Record<string, number> {
  return Object.fromEntries(Object.entries(cpu).map(([name, seconds]) => [name, (seconds * 1000) / ops]));
}

/** Raw kafkajs produce → consume on a topic of its own: the latency until the consumer sees the message. */
export async function kafkaBaseline(config: AppConfig, levels: readonly number[], opsAt: (c: number) => number): Promise<BaselineRun[]> {
  const kafka = new Kafka({ clientId: `bench-${RUN}`, brokers: [...config.kafka.brokers], logLevel: logLevel.NOTHING });
  const topic = `bench-raw-${RUN}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: `bench-raw-${RUN}`, maxWaitTimeInMs: 100 });
  const waiting = new Map<string, () => void>();
  const runs: BaselineRun[] = [];
  try {
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let assigned!: () => void;
    const ready = new Promise<void>((resolve) => (assigned = resolve));
    consumer.on(consumer.events.GROUP_JOIN, () => assigned());
    await consumer.run({
      eachMessage: async ({ message }) => {
        const key = message.key?.toString() ?? '';
        waiting.get(key)?.();
        waiting.delete(key);
        return Promise.resolve();
      },
    });
    await ready;
    for (const concurrency of levels) {
      const ops = opsAt(concurrency);
      const times: number[] = [];
      const seconds = await lanes(ops, concurrency, async (i) => {
        const key = `${concurrency}-${i}`;
        const t0 = performance.now();
        const seen = new Promise<void>((resolve) => waiting.set(key, resolve));
        await producer.send({ topic, messages: [{ key, value: JSON.stringify({ i, at: Date.now() }) }] });
        await seen;
        times.push(performance.now() - t0);
      });
      runs.push({ concurrency, ops, perSecond: ops / seconds, latency: latencyOf(times) });
    }
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.deleteGroups([`bench-raw-${RUN}`]).catch(() => undefined);
    await admin.disconnect();
  }
  return runs;
}
