import type { Kafka } from 'kafkajs';
import { withAdmin } from './ensure-topics';
import { nextOffset, toInboundMessage, type InboundMessage } from './messages';

const READ_TIMEOUT_MS = 60_000;

export interface RangeReader {
  /** a group with committed positions to read from (replay), or none: a throw-away group that seeks to `from` */
  groupId?: string;
  /** called for each message in range, in order per partition; its promise settles before the next message */
  each?: (message: InboundMessage, commit: () => Promise<void>) => Promise<void>;
}

/**
 * Reads a topic's messages in [from, to) per partition: with a group's committed positions, or with a throw-away
 * group that seeks each partition to `from` (deleted afterwards). Returns what it read, in order per partition.
 */
export async function readRange(
  kafka: Kafka,
  topic: string,
  from: Map<number, bigint>,
  to: Map<number, bigint>,
  reader: RangeReader = {},
): Promise<InboundMessage[]> {
  const pending = new Set([...to.entries()].filter(([p, high]) => (from.get(p) ?? 0n) < high).map(([p]) => p));
  if (pending.size === 0) return [];
  const throwAwayGroup = reader.groupId
    ? undefined
    : `qts-range-reader-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const consumer = kafka.consumer({
    groupId: reader.groupId ?? throwAwayGroup ?? '',
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 250,
  });
  const found: InboundMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    let finish: () => void = () => undefined;
    let fail: (err: unknown) => void = () => undefined;
    const finished = new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    let stopped = false;
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        if (stopped) return; // a failure ends the read; nothing after it is handled
        const offset = BigInt(message.offset);
        const high = to.get(partition) ?? 0n;
        if (offset >= (from.get(partition) ?? 0n) && offset < high) {
          const inbound = toInboundMessage(topic, partition, message);
          try {
            await reader.each?.(inbound, () => consumer.commitOffsets([{ topic, partition, offset: nextOffset(message.offset) }]));
          } catch (err) {
            stopped = true;
            fail(err);
            return;
          }
          found.push(inbound);
        }
        if (offset + 1n >= high) pending.delete(partition);
        if (pending.size === 0) finish();
      },
    });
    if (!reader.groupId) for (const [partition, offset] of from) consumer.seek({ topic, partition, offset: offset.toString() });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`reading ${topic} did not reach its end within ${READ_TIMEOUT_MS / 1000} s`)),
        READ_TIMEOUT_MS,
      );
    });
    await Promise.race([finished, timeout]).finally(() => clearTimeout(timer));
  } finally {
    await consumer.disconnect();
    // a throw-away group is not left behind on the broker
    if (throwAwayGroup) await withAdmin(kafka, (admin) => admin.deleteGroups([throwAwayGroup])).catch(() => undefined);
  }
  return found.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}
