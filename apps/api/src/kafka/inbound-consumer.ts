import type { Logger } from '@nestjs/common';
import {
  PermanentError,
  connectProducer,
  ensureTopics,
  kafkaDeadLetterSink,
  startConsumer,
  type InboundMessage,
  type Kafka,
} from '@qts/kafka';
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

const START_TIMEOUT_MS = 90_000;

/**
 * On a broker that has just started, the first consumer group can meet metadata that is not settled yet (the
 * group coordinator's __consumer_offsets is created on demand): keep trying for a while instead of failing start-up.
 */
async function withStartRetries<T>(options: InboundConsumerOptions, start: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      options.logger.warn(
        `starting the consumer of ${options.topic} failed (attempt ${attempt}), retrying: ${err instanceof Error ? err.message : String(err)}`,
      );
      await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 500 * attempt)));
    }
  }
}

/** An integration topic turned into commands, at least once, with a dead-letter topic for bad input. */
export function startInboundConsumer(kafka: Kafka, options: InboundConsumerOptions) {
  return withStartRetries(options, () => startOnce(kafka, options));
}

async function startOnce(kafka: Kafka, options: InboundConsumerOptions) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopics(admin, [options.topic, ...options.topics]);
  } finally {
    await admin.disconnect();
  }
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
