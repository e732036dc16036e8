import type { Logger } from '@nestjs/common';
import {
  PermanentError,
  connectProducer,
  ensureTopics,
  kafkaDeadLetterSink,
  startConsumer,
  type InboundMessage,
  withAdmin,
  type Kafka,
} from '@qts/kafka';
import { untilReady } from '@qts/nest-support';
import { ApiError } from '../errors/api-error';

/** The message's JSON, or bad input that goes straight to the dead-letter topic. */
export function parseJsonValue(value: Buffer | null): unknown {
  try {
    return JSON.parse(value?.toString('utf8') ?? '');
  } catch (err) {
    throw new PermanentError(`malformed JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** A refusal (4xx) can never succeed on retry: dead-letter it with the reason. */
export function asPermanent(err: unknown): unknown {
  return err instanceof ApiError && err.status < 500 ? new PermanentError(`${err.code}: ${err.message}`) : err;
}

export interface InboundConsumerOptions {
  topic: string;
  groupId: string;
  /** topics this consumer's peers need to exist (its dead-letter topic among them) */
  topics: string[];
  handle: (message: InboundMessage) => Promise<void>;
  logger: Logger;
}

/** An integration topic turned into commands, at least once, with a dead-letter topic for bad input. */
export function startInboundConsumer(kafka: Kafka, options: InboundConsumerOptions) {
  // on a broker that has just started, the first consumer group can meet metadata that is not settled yet (the
  // group coordinator's __consumer_offsets is created on demand): keep trying for a while instead of failing start-up
  return untilReady(`starting the consumer of ${options.topic}`, () => startOnce(kafka, options), options.logger, { timeoutMs: 90_000 });
}

async function startOnce(kafka: Kafka, options: InboundConsumerOptions) {
  await withAdmin(kafka, (admin) => ensureTopics(admin, [options.topic, ...options.topics]));
  const producer = await connectProducer(kafka);
  try {
    const consumer = await startConsumer(kafka, {
      groupId: options.groupId,
      topic: options.topic,
      deadLetter: kafkaDeadLetterSink(producer),
      handle: options.handle,
      logger: { log: (m) => options.logger.log(m), warn: (m) => options.logger.warn(m), error: (m) => options.logger.error(m) },
    });
    options.logger.log(`consuming ${options.topic}`);
    return {
      async stop(): Promise<void> {
        await consumer.stop();
        await producer.disconnect();
      },
    };
  } catch (err) {
    await producer.disconnect().catch(() => undefined);
    throw err;
  }
}
