import { topicNames, type AppConfig } from '@qts/config';
import { createKafka, ensureTopics, partitionOffsets, readRange, withAdmin } from '@qts/kafka';

/**
 * A case-events topic of `events` events for the rebuild figure: the stack's real events, copied under new case
 * ids (every occurrence of the case id replaced, so event ids and keys stay unique) until the count is reached.
 * Returns the topic prefix to rebuild from and the number of events written.
 */
export async function generateCaseEventsTopic(config: AppConfig, prefix: string, events: number): Promise<number> {
  const kafka = createKafka(config);
  const source = topicNames(config).caseEvents;
  const target = topicNames({ kafka: { ...config.kafka, topicPrefix: prefix } }).caseEvents;
  const offsets = await withAdmin(kafka, (admin) => partitionOffsets(admin, source));
  const from = new Map([...offsets.keys()].map((p) => [p, 0n]));
  const to = new Map([...offsets.entries()].map(([p, o]) => [p, BigInt(o.high)]));
  const messages = await readRange(kafka, source, from, to);
  const byCase = new Map<string, { value: string; headers: Record<string, string> }[]>();
  for (const m of messages) {
    const key = m.key ?? '';
    const list = byCase.get(key) ?? [];
    list.push({ value: m.value?.toString() ?? '', headers: m.headers });
    byCase.set(key, list);
  }
  const cases = [...byCase.entries()].filter(([key]) => key !== '');
  if (cases.length === 0) throw new Error(`no events on ${source} to copy`);
  await withAdmin(kafka, (admin) => ensureTopics(admin, [target]));
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  let written = 0;
  try {
    for (let copy = 0; written < events; copy += 1) {
      const batch: { key: string; value: string; headers: Record<string, string> }[] = [];
      for (const [caseId, values] of cases) {
        const newId = `${caseId}-g${copy}`;
        const swap = (text: string) => text.split(caseId).join(newId);
        for (const { value, headers } of values)
          batch.push({
            key: newId,
            value: swap(value),
            headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, swap(v)])),
          });
      }
      // 200 envelopes stay under the broker's 1 MB request limit
      for (let i = 0; i < batch.length; i += 200) await producer.send({ topic: target, acks: -1, messages: batch.slice(i, i + 200) });
      written += batch.length;
    }
  } finally {
    await producer.disconnect();
  }
  return written;
}

export async function deleteGeneratedTopic(config: AppConfig, prefix: string): Promise<void> {
  const kafka = createKafka(config);
  const target = topicNames({ kafka: { ...config.kafka, topicPrefix: prefix } }).caseEvents;
  await withAdmin(kafka, (admin) => admin.deleteTopics({ topics: [target] }));
}
