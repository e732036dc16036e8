import { z } from 'zod';
import {
  DEFAULT_RETRY,
  PermanentError,
  createLogCreator,
  deadLetterTopicOf,
  describeError,
  envelopeMessage,
  isPermanentError,
  kafkaLogLevel,
  nextOffset,
  readDeadLetter,
  retryDelayMs,
  toDeadLetterMessage,
  type InboundMessage,
} from '@qts/kafka';

const original: InboundMessage = {
  topic: 'cases.events.v1',
  partition: 2,
  offset: '41',
  timestamp: '1740963600000',
  key: 'PEN-1',
  value: Buffer.from('{"broken":'),
  headers: { eventId: 'PEN-1:3' },
};

describe('dead letters', () => {
  it('keep the original key, value and headers and name the reason and original position', () => {
    const message = toDeadLetterMessage({
      reason: 'not JSON: Unexpected end',
      errorName: 'PermanentError',
      kind: 'permanent',
      attempts: 1,
      original,
    });
    expect(message.key).toBe('PEN-1');
    expect(message.value).toEqual(original.value);
    expect(message.headers).toMatchObject({ eventId: 'PEN-1:3', 'dlq-reason': 'not JSON: Unexpected end', 'dlq-original-offset': '41' });
    expect(readDeadLetter({ headers: message.headers ?? {} })).toEqual({
      reason: 'not JSON: Unexpected end',
      errorName: 'PermanentError',
      kind: 'permanent',
      attempts: 1,
      originalTopic: 'cases.events.v1',
      originalPartition: 2,
      originalOffset: '41',
      originalTimestamp: '1740963600000',
    });
  });

  it('go to <topic>.dlq', () => {
    expect(deadLetterTopicOf('t1.payments.v1')).toBe('t1.payments.v1.dlq');
  });

  it('are recognised only with their headers', () => {
    expect(readDeadLetter({ headers: { eventId: 'x' } })).toBeUndefined();
  });
});

describe('error classification', () => {
  const zodError = (() => {
    const parsed = z.object({ seq: z.number() }).safeParse({ seq: 'one' });
    return parsed.success ? undefined : parsed.error;
  })();

  it('treats zod errors and PermanentError as bad input, anything else as worth a retry', () => {
    expect(isPermanentError(zodError)).toBe(true);
    expect(isPermanentError(new PermanentError('refused'))).toBe(true);
    expect(isPermanentError(new Error('connection reset'))).toBe(false);
    expect(isPermanentError('a string')).toBe(false);
  });

  it('describes each in one line', () => {
    expect(describeError(zodError)).toBe('invalid message: seq: Invalid input: expected number, received string');
    expect(describeError(new PermanentError('unknown caseType'))).toBe('unknown caseType');
    expect(describeError(new TypeError('x is undefined'))).toBe('TypeError: x is undefined');
    expect(describeError(new Error('y'.repeat(5000))).length).toBeLessThanOrEqual(2001);
  });
});

describe('retries and offsets', () => {
  it('back off exponentially up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(DEFAULT_RETRY, n))).toEqual([200, 400, 800, 1600, 3200, 5000]);
  });

  it('count offsets as 64-bit integers', () => {
    expect(nextOffset('41')).toBe('42');
    expect(nextOffset('9007199254740993')).toBe('9007199254740994');
  });
});

describe('envelope messages', () => {
  it('are keyed by caseId with header eventId', () => {
    const envelope = { caseId: 'PEN-1', eventId: 'PEN-1:3', seq: 3 };
    expect(envelopeMessage(envelope)).toEqual({ key: 'PEN-1', value: JSON.stringify(envelope), headers: { eventId: 'PEN-1:3' } });
  });
});

describe('kafkajs logs', () => {
  const entry = (namespace: string, message: string, level = 1) => ({
    namespace,
    level,
    label: 'ERROR',
    log: { timestamp: '2025-03-03T01:00:00.000Z', logger: 'kafkajs', message, broker: '127.0.0.1:9092' },
  });

  it('stay at warn unless the service is debugged', () => {
    expect(kafkaLogLevel('info')).toBe(2);
    expect(kafkaLogLevel('error')).toBe(1);
    expect(kafkaLogLevel('debug')).toBe(4);
  });

  it('drop protocol error responses that kafkajs retries or throws anyway', () => {
    const lines: string[] = [];
    const log = createLogCreator('info', (line) => lines.push(line))(2);
    log(entry('Connection', 'Response CreateTopics(key: 19, version: 3)'));
    log(entry('Consumer', 'Crash: KafkaJSNumberOfRetriesExceeded'));
    expect(lines).toEqual([
      '2025-03-03T01:00:00.000Z ERROR [kafkajs] Consumer: Crash: KafkaJSNumberOfRetriesExceeded {"broker":"127.0.0.1:9092"}',
    ]);
  });
});
