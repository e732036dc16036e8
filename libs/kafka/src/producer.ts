import { Partitioners, type Kafka } from 'kafkajs';
import type { OutboundMessage } from './messages';

/** What publishing needs of an event envelope: the key and the id (the full envelope is the value). */
export interface PublishableEnvelope {
  readonly caseId: string;
  readonly eventId: string;
}

export interface QtsProducer {
  send(topic: string, messages: readonly OutboundMessage[]): Promise<void>;
  /** In order, keyed by caseId (so one case is one partition stream), with header eventId. */
  publishEnvelopes(topic: string, envelopes: readonly PublishableEnvelope[]): Promise<void>;
  disconnect(): Promise<void>;
}

export function envelopeMessage(envelope: PublishableEnvelope): OutboundMessage {
  return { key: envelope.caseId, value: JSON.stringify(envelope), headers: { eventId: envelope.eventId } };
}

/**
 * An idempotent producer: the broker drops a retried batch it already has and keeps the order
 * (one request in flight, acks from all in-sync replicas). A retried publish of the same events
 * after a crash is a new send; consumers recognise it by eventId.
 */
export async function connectProducer(kafka: Kafka): Promise<QtsProducer> {
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    // the Java client's murmur2 partitioner, so keys land where any other client would put them
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  const send = async (topic: string, messages: readonly OutboundMessage[]): Promise<void> => {
    if (messages.length === 0) return;
    await producer.send({ topic, acks: -1, messages: messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers })) });
  };
  return {
    send,
    publishEnvelopes: (topic, envelopes) => send(topic, envelopes.map(envelopeMessage)),
    disconnect: () => producer.disconnect(),
  };
}
