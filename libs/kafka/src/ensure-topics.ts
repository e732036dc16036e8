import type { Admin, Kafka } from 'kafkajs';

/** One admin connection for the length of `use`, closed whatever happens. */
export async function withAdmin<T>(kafka: Kafka, use: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.disconnect();
  }
}

export interface TopicSpec {
  topic: string;
  partitions?: number;
}

/**
 * Creates the topics that do not exist yet (the broker does not auto-create them) and waits for their leaders.
 * Idempotent, also when several services race to create the same topic. The replication factor is the
 * broker's default.replication.factor (1 locally, 3 in production).
 *
 * kafkajs's own `waitForLeaders` gives up on a loaded broker with "This server does not host this
 * topic-partition" while the new partitions are still being placed; so creation does not wait, and this loop
 * asks again (creating what is still missing) until every partition has a leader or the time is up.
 */
export async function ensureTopics(admin: Admin, topics: ReadonlyArray<string | TopicSpec>, partitions = 3): Promise<void> {
  const wanted = topics.map((t) =>
    typeof t === 'string' ? { topic: t, partitions } : { topic: t.topic, partitions: t.partitions ?? partitions },
  );
  const names = wanted.map((t) => t.topic);
  const deadline = Date.now() + READY_WAIT_MS;
  let lastProblem = 'no answer yet';
  for (;;) {
    try {
      const existing = new Set(await admin.listTopics());
      const missing = wanted.filter((t) => !existing.has(t.topic));
      if (missing.length > 0) {
        // false when another client created them a moment ago: that is fine, the leaders are checked below
        await admin.createTopics({ waitForLeaders: false, topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.partitions })) });
      }
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics: names });
      const ready =
        metadata.length === names.length && metadata.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0));
      if (ready) return;
      lastProblem = 'partitions without a leader yet';
    } catch (err) {
      lastProblem = err instanceof Error ? err.message : String(err);
    }
    if (Date.now() > deadline) throw new Error(`topics not ready after ${READY_WAIT_MS} ms (${lastProblem}): ${names.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const READY_WAIT_MS = 30_000;

/** The offsets of each partition: low = first retained message, high = the next offset to be written. */
export async function partitionOffsets(admin: Admin, topic: string): Promise<Map<number, { low: string; high: string }>> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return new Map(offsets.map((o) => [o.partition, { low: o.low, high: o.high }]));
}
