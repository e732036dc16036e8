import { DEAD_LETTER_SUFFIX } from '@qts/config';
import type { InboundMessage, OutboundMessage } from './messages';
import type { QtsProducer } from './producer';

export type DeadLetterKind = 'permanent' | 'retries-exhausted';

export interface DeadLetter {
  reason: string;
  errorName: string;
  kind: DeadLetterKind;
  attempts: number;
  original: InboundMessage;
}

/** Where dead letters go: a Kafka topic in the services, a list in a rebuild or a test. */
export type DeadLetterSink = (letter: DeadLetter) => Promise<void>;

export const DLQ_HEADERS = {
  reason: 'dlq-reason',
  errorName: 'dlq-error',
  kind: 'dlq-kind',
  attempts: 'dlq-attempts',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  originalTimestamp: 'dlq-original-timestamp',
} as const;

export function deadLetterTopicOf(topic: string): string {
  return `${topic}${DEAD_LETTER_SUFFIX}`;
}

/**
 * The dead letter keeps the original key, value and headers untouched (so it can be replayed as it was) and
 * names the reason and the original position in `dlq-*` headers.
 */
export function toDeadLetterMessage(letter: DeadLetter): OutboundMessage {
  const { original } = letter;
  return {
    key: original.key,
    value: original.value,
    headers: {
      ...original.headers,
      [DLQ_HEADERS.reason]: letter.reason,
      [DLQ_HEADERS.errorName]: letter.errorName,
      [DLQ_HEADERS.kind]: letter.kind,
      [DLQ_HEADERS.attempts]: String(letter.attempts),
      [DLQ_HEADERS.originalTopic]: original.topic,
      [DLQ_HEADERS.originalPartition]: String(original.partition),
      [DLQ_HEADERS.originalOffset]: original.offset,
      [DLQ_HEADERS.originalTimestamp]: original.timestamp,
    },
  };
}

export interface DeadLetterInfo {
  reason: string;
  errorName: string;
  kind: DeadLetterKind;
  attempts: number;
  originalTopic: string;
  originalPartition: number;
  originalOffset: string;
  originalTimestamp: string;
}

/** Reads the `dlq-*` headers of a message from a dead-letter topic; undefined when they are missing. */
export function readDeadLetter(message: Pick<InboundMessage, 'headers'>): DeadLetterInfo | undefined {
  const h = message.headers;
  const reason = h[DLQ_HEADERS.reason];
  const kind = h[DLQ_HEADERS.kind];
  const topic = h[DLQ_HEADERS.originalTopic];
  const partition = h[DLQ_HEADERS.originalPartition];
  const offset = h[DLQ_HEADERS.originalOffset];
  if (reason === undefined || topic === undefined || partition === undefined || offset === undefined) return undefined;
  if (kind !== 'permanent' && kind !== 'retries-exhausted') return undefined;
  return {
    reason,
    errorName: h[DLQ_HEADERS.errorName] ?? 'Error',
    kind,
    attempts: Number(h[DLQ_HEADERS.attempts] ?? '1'),
    originalTopic: topic,
    originalPartition: Number(partition),
    originalOffset: offset,
    originalTimestamp: h[DLQ_HEADERS.originalTimestamp] ?? '',
  };
}

/** Sends each dead letter to `<original topic>.dlq` (which must exist: see ensureTopics). */
export function kafkaDeadLetterSink(producer: QtsProducer): DeadLetterSink {
  return async (letter) => {
    await producer.send(deadLetterTopicOf(letter.original.topic), [toDeadLetterMessage(letter)]);
  };
}
