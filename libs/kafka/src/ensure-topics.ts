import type { Admin } from 'kafkajs';

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
  if (missing.length === 0) return;
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.partitions })),
  });
}

/** The offsets of each partition: low = first retained message, high = the next offset to be written. */
export async function partitionOffsets(admin: Admin, topic: string): Promise<Map<number, { low: string; high: string }>> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return new Map(offsets.map((o) => [o.partition, { low: o.low, high: o.high }]));
}
