import { readRange, type Kafka } from '@qts/kafka';

export interface TopicContents {
  /** per case: messages on the topic and the distinct event ids among them */
  perCase: Map<string, { messages: number; eventIds: Set<string> }>;
  /** event ids that appear with different bodies (a second decision, not a second copy) */
  conflicting: string[];
  total: number;
}

/** Reads the case-events topic between the given offsets (per partition: low up to high) and counts it per case. */
export async function topicContents(kafka: Kafka, topic: string, ends: Map<number, { low: string; high: string }>): Promise<TopicContents> {
  const from = new Map([...ends].map(([p, { low }]) => [p, BigInt(low)]));
  const to = new Map([...ends].map(([p, { high }]) => [p, BigInt(high)]));
  const messages = await readRange(kafka, topic, from, to);
  const bodies = new Map<string, Set<string>>();
  const perCase = new Map<string, { messages: number; eventIds: Set<string> }>();
  for (const m of messages) {
    const value = m.value?.toString() ?? '{}';
    const envelope = JSON.parse(value) as { caseId: string; eventId: string };
    const entry = perCase.get(envelope.caseId) ?? { messages: 0, eventIds: new Set<string>() };
    entry.messages += 1;
    entry.eventIds.add(envelope.eventId);
    perCase.set(envelope.caseId, entry);
    bodies.set(envelope.eventId, (bodies.get(envelope.eventId) ?? new Set()).add(value));
  }
  const conflicting = [...bodies].filter(([, b]) => b.size > 1).map(([id]) => id);
  return { perCase, conflicting, total: messages.length };
}
