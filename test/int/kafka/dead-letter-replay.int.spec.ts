import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { loadConfig } from '@qts/config';
import {
  REPLAYED_FROM_HEADER,
  connectProducer,
  createKafka,
  ensureTopics,
  readDeadLetterTopic,
  replayDeadLetters,
  toDeadLetterMessage,
  type QtsProducer,
} from '@qts/kafka';

const prefix = `dlq-${randomBytes(4).toString('hex')}.`;
const env = { ...process.env, KAFKA_TOPIC_PREFIX: prefix };
const kafka = createKafka(loadConfig(env));
const source = `${prefix}orders.v1`;
const dlq = `${source}.dlq`;
let producer: QtsProducer;

const letter = (key: string, reason: string) =>
  toDeadLetterMessage({
    reason,
    errorName: 'DatabaseUnavailable',
    kind: 'retries-exhausted',
    attempts: 5,
    original: {
      topic: source,
      partition: 0,
      offset: '7',
      timestamp: '1700000000000',
      key,
      value: Buffer.from(JSON.stringify({ caseId: key, amountFen: 100 })),
      headers: { eventId: `${key}:1` },
    },
  });

beforeAll(async () => {
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, [source, dlq]);
  await admin.disconnect();
  producer = await connectProducer(kafka);
  await producer.send(dlq, [letter('PEN-A', 'database unavailable'), letter('PEN-B', 'database unavailable'), letter('PEN-C', 'timeout')]);
});
afterAll(() => producer?.disconnect());

describe('dead-letter replay (operators send letters back once the cause is fixed)', () => {
  it('lists the letters with their reasons, replays each once with its original key, value and headers', async () => {
    const listed = await readDeadLetterTopic(kafka, dlq);
    expect(listed.map((e) => [e.message.key, e.info?.reason, e.replayed]).sort()).toEqual([
      ['PEN-A', 'database unavailable', false],
      ['PEN-B', 'database unavailable', false],
      ['PEN-C', 'timeout', false],
    ]);

    const dry = await replayDeadLetters(kafka, producer, dlq, { dryRun: true });
    expect(dry.replayed).toHaveLength(3);
    expect(await readDeadLetterTopic(kafka, source)).toEqual([]);

    const first = await replayDeadLetters(kafka, producer, dlq);
    expect(first.replayed.map((r) => r.to)).toEqual([source, source, source]);
    const back = await readDeadLetterTopic(kafka, source);
    expect(back.map((e) => e.message.key).sort()).toEqual(['PEN-A', 'PEN-B', 'PEN-C']);
    for (const e of back) {
      expect(JSON.parse(e.message.value?.toString() ?? '{}')).toEqual({ caseId: e.message.key, amountFen: 100 });
      expect(e.message.headers['eventId']).toBe(`${e.message.key}:1`);
      expect(e.message.headers['dlq-reason']).toBeUndefined();
      expect(e.message.headers[REPLAYED_FROM_HEADER]).toMatch(new RegExp(`^${dlq.replaceAll('.', '\\.')}@\\d:\\d+$`));
    }

    expect((await replayDeadLetters(kafka, producer, dlq)).replayed).toEqual([]);
    expect((await readDeadLetterTopic(kafka, dlq)).every((e) => e.replayed)).toBe(true);

    await producer.send(dlq, [letter('PEN-D', 'database unavailable')]);
    expect((await replayDeadLetters(kafka, producer, dlq)).replayed.map((r) => r.reason)).toEqual(['database unavailable']);
    expect(await readDeadLetterTopic(kafka, source)).toHaveLength(4);
  });

  it('the CLI lists them by the topic name without prefix', () => {
    const cli = spawnSync(process.execPath, [path.resolve(__dirname, '../../../libs/kafka/dist/dlq-cli.js'), 'list', 'orders.v1'], {
      env,
      encoding: 'utf8',
    });
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain(`${dlq}: 4 dead letters, 0 pending`);
    const usage = spawnSync(process.execPath, [path.resolve(__dirname, '../../../libs/kafka/dist/dlq-cli.js'), 'purge', 'orders.v1'], {
      env,
      encoding: 'utf8',
    });
    expect(usage.status).toBe(2);
  });

  it('stops at a message that is not a dead letter, naming its position, and sends nothing after it', async () => {
    const other = `${prefix}other.v1.dlq`;
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [{ topic: other, partitions: 1 }]);
    await admin.disconnect();
    await producer.send(other, [{ key: 'k', value: 'not a dead letter' }]);
    await expect(replayDeadLetters(kafka, producer, other)).rejects.toThrow(`${other}@0:0 has no dlq-* headers; replay stopped there`);
    expect((await readDeadLetterTopic(kafka, other)).map((e) => e.replayed)).toEqual([false]);
  });
});
