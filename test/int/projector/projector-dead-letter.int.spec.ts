import { readDeadLetter, type InboundMessage } from '@qts/kafka';
import { getCase } from '@qts/read-model';
import { counterEvent, counterHistory } from './support/counter-events';
import { caughtUp } from './support/caught-up';
import { ProjectorProcess } from './support/projector-process';
import { newTestRun } from './support/run-ids';
import { projectorEnv, TestServices } from './support/services';
import { waitUntil } from './support/wait-until';

describe('projector dead-letters what it can never apply and goes on', () => {
  const run = newTestRun('dlq');
  const services = new TestServices(run);
  let projector: ProjectorProcess;

  beforeAll(async () => {
    await services.createTopics();
    projector = new ProjectorProcess(projectorEnv(run));
  });

  afterAll(async () => {
    await projector.stop();
    await services.close();
  });

  it('sends each bad message to cases.events.v1.dlq with the reason and its original position, and projects the good ones after it', async () => {
    await services.publish(counterHistory('DLQ-a', 5));
    const bad: { key: string | null; value: string; reason: RegExp }[] = [
      { key: 'DLQ-a', value: 'this is not json', reason: /^not JSON: / },
      {
        key: 'DLQ-a',
        value: JSON.stringify({ ...counterEvent('DLQ-a', 6, 'CounterTicked', {}), seq: 'six' }),
        reason: /^invalid message: seq: /,
      },
      {
        key: 'DLQ-z',
        value: JSON.stringify({ ...counterEvent('DLQ-z', 1, 'Opened', {}), caseType: 'no-such-process' }),
        reason: /no projection registered for caseType "no-such-process"/,
      },
      { key: 'DLQ-a', value: JSON.stringify(counterEvent('DLQ-a', 9, 'CounterTicked', {})), reason: /^case DLQ-a: expected seq 6, got 9/ },
      {
        key: 'DLQ-p',
        value: JSON.stringify(counterEvent('DLQ-p', 1, 'Poison', {})),
        reason: /cannot be applied: unknown event type Poison/,
      },
      {
        key: 'DLQ-k',
        value: JSON.stringify(counterEvent('DLQ-a', 6, 'CounterTicked', {})),
        reason: /message key "DLQ-k" should be the caseId/,
      },
    ];
    for (const b of bad) await services.publishRaw(b.key, b.value);
    await services.publish([...counterHistory('DLQ-a', 8, 6), ...counterHistory('DLQ-b', 3)]);

    await waitUntil(
      'the good events after the bad ones',
      async () => (await getCase(services.pool, run.schema, 'DLQ-b'))?.lastSeq === 3,
      60_000,
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n${projector.log()}`);
    });
    await waitUntil('DLQ-a at seq 8', async () => (await getCase(services.pool, run.schema, 'DLQ-a'))?.lastSeq === 8);
    await waitUntil('positions past the dead-lettered messages', () => caughtUp(services, run.schema));
    expect(await getCase(services.pool, run.schema, 'DLQ-p')).toBeUndefined();

    const letters = await services.readTopic(services.topics.caseEventsDlq, bad.length);
    expect(letters).toHaveLength(bad.length);
    for (const b of bad) {
      const letter = letters.find((l: InboundMessage) => l.value?.toString() === b.value);
      expect(letter).toBeDefined();
      const info = readDeadLetter(letter!);
      expect(info).toMatchObject({ kind: 'permanent', attempts: 1, originalTopic: services.topics.caseEvents });
      expect(info!.reason).toMatch(b.reason);
      expect(letter!.key).toBe(b.key);
      // the original position names exactly the message that was refused
      expect(Number(info!.originalOffset)).toBeGreaterThanOrEqual(0);
      expect(info!.originalPartition).toBeGreaterThanOrEqual(0);
    }
  });
});
