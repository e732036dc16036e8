export type { Admin, Kafka } from 'kafkajs';
export { createKafka, type KafkaSettings } from './create-kafka';
export { createLogCreator, kafkaLogLevel } from './log-creator';
export { ensureTopics, partitionOffsets, withAdmin, type TopicSpec } from './ensure-topics';
export { connectProducer, envelopeMessage, type PublishableEnvelope, type QtsProducer } from './producer';
export { nextOffset, type InboundMessage, type OutboundMessage } from './messages';
export { PermanentError, describeError, isPermanentError } from './errors';
export {
  deadLetterTopicOf,
  kafkaDeadLetterSink,
  readDeadLetter,
  toDeadLetterMessage,
  type DeadLetter,
  type DeadLetterInfo,
  type DeadLetterKind,
  type DeadLetterSink,
} from './dead-letter';
export { DEFAULT_RETRY, retryDelayMs, type RetryPolicy } from './retry-policy';
export {
  startConsumer,
  type ConsumerLogger,
  type ConsumerOptions,
  type MessageOutcome,
  type PositionStore,
  type RunningConsumer,
} from './consumer';
export {
  REPLAYED_FROM_HEADER,
  readDeadLetterTopic,
  replayDeadLetters,
  type DeadLetterEntry,
  type ReplayReport,
} from './dead-letter-replay';
export { readRange, type RangeReader } from './read-range';
