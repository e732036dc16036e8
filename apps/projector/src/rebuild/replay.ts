import type { Pool } from 'pg';
import { topicNames, type AppConfig } from '@qts/config';
import { createKafka, nextOffset, partitionOffsets, startConsumer, type DeadLetter } from '@qts/kafka';
import { loadPosition, migrateReadModel, recordPosition } from '@qts/read-model';
import { projectMessage } from '../project-message';
import { projectMessages } from '../project-messages';

export interface RefusedEvent {
  partition: number;
  offset: string;
  reason: string;
}

export interface ReplaySummary {
  schema: string;
  topic: string;
  /** per partition, the high watermark when the rebuild started: the rebuild reads up to there */
  targets: Record<number, string>;
  applied: number;
  duplicates: number;
  /** what the live projector dead-lettered; not sent to the dead-letter topic again */
  refused: RefusedEvent[];
  durationMs: number;
  /** from the start until the first event was read: migration, metadata, joining the group (null: no events) */
  firstEventMs: number | null;
}

/**
 * Replays the case-events topic from its first retained offset up to the high watermarks at start into
 * `schema` (migrated here), through the same projectMessage as the projector, under a throw-away consumer group.
 */
export async function replayIntoSchema(config: AppConfig, pool: Pool, schema: string, log: (line: string) => void): Promise<ReplaySummary> {
  const started = Date.now();
  const topic = topicNames(config).caseEvents;
  const client = await pool.connect();
  try {
    await migrateReadModel(client, schema);
  } finally {
    client.release();
  }
  const kafka = createKafka(config);
  const admin = kafka.admin();
  await admin.connect();
  const summary: ReplaySummary = { schema, topic, targets: {}, applied: 0, duplicates: 0, refused: [], durationMs: 0, firstEventMs: null };
  const groupId = `${config.projector.groupId}.rebuild.${schema}`;
  try {
    if (!(await admin.listTopics()).includes(topic)) throw new Error(`topic ${topic} does not exist`);
    const offsets = await partitionOffsets(admin, topic);
    const pending = new Map<number, bigint>();
    for (const [partition, { low, high }] of offsets) {
      summary.targets[partition] = high;
      if (BigInt(high) > BigInt(low)) pending.set(partition, BigInt(high));
    }
    log(`replaying ${topic} (${offsets.size} partitions, up to offsets ${JSON.stringify(summary.targets)}) into schema "${schema}"`);
    if (pending.size > 0)
      await consume(config, pool, schema, topic, groupId, pending, summary, () => (summary.firstEventMs ??= Date.now() - started));
    await admin.deleteGroups([groupId]).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
  summary.durationMs = Date.now() - started;
  return summary;
}

async function consume(
  config: AppConfig,
  pool: Pool,
  schema: string,
  topic: string,
  groupId: string,
  pending: Map<number, bigint>,
  summary: ReplaySummary,
  seen: () => void,
): Promise<void> {
  let finished!: () => void;
  let failed!: (err: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    finished = resolve;
    failed = reject;
  });
  const beyondTarget = (partition: number, offset: string) => BigInt(offset) >= (pending.get(partition) ?? 0n);
  const consumer = await startConsumer(createKafka(config), {
    groupId,
    topic,
    handle: async (message) => {
      seen();
      if (beyondTarget(message.partition, message.offset)) return;
      const outcome = await projectMessage(pool, schema, message);
      if (outcome === 'applied') summary.applied++;
      else summary.duplicates++;
    },
    handleBatch: async (messages) => {
      seen();
      const outcomes = await projectMessages(
        pool,
        schema,
        messages.filter((m) => !beyondTarget(m.partition, m.offset)),
      );
      for (const outcome of outcomes) {
        if (outcome === 'applied') summary.applied++;
        else summary.duplicates++;
      }
    },
    deadLetter: (letter: DeadLetter) => {
      summary.refused.push({ partition: letter.original.partition, offset: letter.original.offset, reason: letter.reason });
      return Promise.resolve();
    },
    position: {
      load: (t, partition) => loadPosition(pool, schema, t, partition),
      advance: (t, partition, next) => recordPosition(pool, schema, t, partition, next),
    },
    whenRetriesExhausted: 'fail',
    onFatal: (err) => failed(err),
    concurrency: 3,
    // refusals are expected (the live projector dead-lettered the same messages) and listed in the summary
    logger: { log: () => undefined, warn: () => undefined, error: (m) => console.error(m) },
    onSettled: (message) => {
      const target = pending.get(message.partition);
      if (target !== undefined && BigInt(nextOffset(message.offset)) >= target) pending.delete(message.partition);
      if (pending.size === 0) finished();
    },
  });
  try {
    await done;
  } finally {
    await consumer.stop();
  }
}
