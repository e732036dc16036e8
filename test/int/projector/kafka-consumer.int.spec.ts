import {
  kafkaDeadLetterSink,
  connectProducer,
  readDeadLetter,
  startConsumer,
  type InboundMessage,
  type QtsProducer,
  type RunningConsumer,
} from '@qts/kafka';
import { newTestRun } from './support/run-ids';
import { TestServices } from './support/services';
import { waitUntil } from './support/wait-until';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

describe('the kafka consumer helper: at least once, retries, dead letters', () => {
  const run = newTestRun('consumer');
  const services = new TestServices(run);
  let producer: QtsProducer;
  const consumers: RunningConsumer[] = [];

  beforeAll(async () => {
    await services.createTopics();
    producer = await connectProducer(services.kafka);
  });

  afterAll(async () => {
    for (const c of consumers) await c.stop();
    await producer.disconnect();
    await services.close();
  });

  it('retries a transient failure, dead-letters after the last attempt, and handles the next message', async () => {
    const attempts = new Map<string, number>();
    const handled: string[] = [];
    consumers.push(
      await startConsumer(services.kafka, {
        groupId: `${run.groupId}.retry`,
        topic: services.topics.caseEvents,
        retry: { attempts: 3, initialDelayMs: 20, maxDelayMs: 50 },
        deadLetter: kafkaDeadLetterSink(producer),
        logger: quiet,
        handle: (m: InboundMessage) => {
          const body = m.value?.toString() ?? '';
          const n = (attempts.get(body) ?? 0) + 1;
          attempts.set(body, n);
          if (body === 'always-fails') return Promise.reject(new Error('database unavailable'));
          if (body === 'fails-once' && n === 1) return Promise.reject(new Error('connection reset'));
          handled.push(body);
          return Promise.resolve();
        },
      }),
    );
    await producer.send(services.topics.caseEvents, [
      { key: 'k', value: 'fails-once' },
      { key: 'k', value: 'always-fails' },
      { key: 'k', value: 'fine' },
    ]);
    await waitUntil('the message after the failing one', () => handled.includes('fine'), 60_000);
    expect(handled).toEqual(['fails-once', 'fine']);
    expect(attempts.get('always-fails')).toBe(3);

    const [letter] = await services.readTopic(services.topics.caseEventsDlq, 1);
    expect(letter?.value?.toString()).toBe('always-fails');
    expect(readDeadLetter(letter!)).toMatchObject({
      kind: 'retries-exhausted',
      attempts: 3,
      reason: 'Error: database unavailable',
      originalTopic: services.topics.caseEvents,
    });
  });

  it('with whenRetriesExhausted "fail", stops for good and reports instead of skipping', async () => {
    let fatal: Error | undefined;
    const topic = `${services.topics.caseEvents}`;
    consumers.push(
      await startConsumer(services.kafka, {
        groupId: `${run.groupId}.fail`,
        topic,
        retry: { attempts: 2, initialDelayMs: 10, maxDelayMs: 10 },
        whenRetriesExhausted: 'fail',
        onFatal: (err) => (fatal = err),
        deadLetter: () => Promise.reject(new Error('must not dead-letter')),
        logger: quiet,
        handle: (m) => (m.value?.toString() === 'always-fails' ? Promise.reject(new Error('database unavailable')) : Promise.resolve()),
      }),
    );
    const error = await waitUntil('the consumer to give up', () => fatal, 60_000);
    expect(error.message).toMatch(/giving up after 2 attempts: Error: database unavailable/);
  });
});
