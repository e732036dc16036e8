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
 */
export async function ensureTopics(admin: Admin, topics: ReadonlyArray<string | TopicSpec>, partitions = 3): Promise<void> {
  const wanted = topics.map((t) =>
    typeof t === 'string' ? { topic: t, partitions } : { topic: t.topic, partitions: t.partitions ?? partitions },
  );
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((t) => !existing.has(t.topic));
  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.partitions })),
    });
  }
  // a topic another service created a moment ago may not have its leaders yet: wait for them here, not in a consumer
  await waitForLeaders(
    admin,
    wanted.map((t) => t.topic),
  );
}

const LEADER_WAIT_MS = 30_000;

async function waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
  const deadline = Date.now() + LEADER_WAIT_MS;
  for (;;) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      const ready =
        metadata.length === topics.length && metadata.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0));
      if (ready) return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    if (Date.now() > deadline) throw new Error(`topics without leaders after ${LEADER_WAIT_MS} ms: ${topics.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The offsets of each partition: low = first retained message, high = the next offset to be written. */
export async function partitionOffsets(admin: Admin, topic: string): Promise<Map<number, { low: string; high: string }>> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return new Map(offsets.map((o) => [o.partition, { low: o.low, high: o.high }]));
}
