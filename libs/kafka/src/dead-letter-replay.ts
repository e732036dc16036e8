import type { Kafka } from 'kafkajs';
import { readDeadLetter, DLQ_HEADERS, type DeadLetterInfo } from './dead-letter';
import { type InboundMessage, type OutboundMessage } from './messages';
import { readRange } from './read-range';
import type { QtsProducer } from './producer';
import { withAdmin } from './ensure-topics';

/** Header on a replayed message: where in the dead-letter topic it came from. */
export const REPLAYED_FROM_HEADER = 'dlq-replayed-from';

export interface DeadLetterEntry {
  message: InboundMessage;
  /** undefined when the message lacks the dlq-* headers (written by something else) */
  info: DeadLetterInfo | undefined;
  /** already sent back by an earlier replay */
  replayed: boolean;
}

/** The consumer group whose committed offsets mark what has been replayed. */
function replayGroupOf(deadLetterTopic: string): string {
  return `qts-dlq-replay.${deadLetterTopic}`;
}

/** The original message again: its key, value and headers without the dlq-* ones, plus where it was replayed from. */
function replayMessageOf(entry: DeadLetterEntry): OutboundMessage {
  const dlqNames = new Set<string>(Object.values(DLQ_HEADERS));
  const headers = Object.fromEntries(
    Object.entries(entry.message.headers).filter(([name]) => !dlqNames.has(name) && name !== REPLAYED_FROM_HEADER),
  );
  return {
    key: entry.message.key,
    value: entry.message.value,
    headers: { ...headers, [REPLAYED_FROM_HEADER]: `${entry.message.topic}@${entry.message.partition}:${entry.message.offset}` },
  };
}

interface Positions {
  /** earliest offset still on the topic, per partition */
  low: Map<number, bigint>;
  /** first offset not yet replayed, per partition */
  start: Map<number, bigint>;
  /** high watermark when we looked, per partition */
  end: Map<number, bigint>;
}

function positions(kafka: Kafka, topic: string): Promise<Positions> {
  return withAdmin(kafka, async (admin) => {
    const offsets = await admin.fetchTopicOffsets(topic);
    const committed = await admin.fetchOffsets({ groupId: replayGroupOf(topic), topics: [topic] });
    const committedOf = new Map((committed[0]?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
    const low = new Map<number, bigint>();
    const start = new Map<number, bigint>();
    const end = new Map<number, bigint>();
    for (const o of offsets) {
      const first = BigInt(o.low);
      const done = committedOf.get(o.partition) ?? -1n;
      low.set(o.partition, first);
      start.set(o.partition, done > first ? done : first);
      end.set(o.partition, BigInt(o.high));
    }
    return { low, start, end };
  });
}

/**
 * Reads a dead-letter topic from its beginning to where it ends now (a consumer without a group position: seeks
 * each partition). Nothing is committed.
 */
export async function readDeadLetterTopic(kafka: Kafka, topic: string): Promise<DeadLetterEntry[]> {
  const { low, start, end } = await positions(kafka, topic);
  const messages = await readRange(kafka, topic, low, end);
  return messages.map((message) => ({
    message,
    info: readDeadLetter(message),
    replayed: BigInt(message.offset) < (start.get(message.partition) ?? 0n),
  }));
}

export interface ReplayReport {
  topic: string;
  replayed: { partition: number; offset: string; to: string; reason: string }[];
}

/**
 * Sends every dead letter not yet replayed back to its original topic, in order per partition, committing the
 * position of the consumer group `qts-dlq-replay.<topic>` after each, so a second run sends nothing twice. A letter
 * without its original topic stops the replay there (nothing after it in that partition is sent).
 */
export async function replayDeadLetters(
  kafka: Kafka,
  producer: QtsProducer,
  topic: string,
  options: { dryRun?: boolean } = {},
): Promise<ReplayReport> {
  const { start, end } = await positions(kafka, topic);
  const report: ReplayReport = { topic, replayed: [] };
  const each = async (message: InboundMessage, commit: () => Promise<void>): Promise<void> => {
    const entry: DeadLetterEntry = { message, info: readDeadLetter(message), replayed: false };
    const target = entry.info?.originalTopic;
    if (!target) throw new Error(`${topic}@${message.partition}:${message.offset} has no dlq-* headers; replay stopped there`);
    if (!options.dryRun) {
      await producer.send(target, [replayMessageOf(entry)]);
      await commit();
    }
    report.replayed.push({ partition: message.partition, offset: message.offset, to: target, reason: entry.info?.reason ?? '' });
  };
  await readRange(kafka, topic, start, end, options.dryRun ? { each } : { groupId: replayGroupOf(topic), each });
  return report;
}
