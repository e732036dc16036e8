import { Kafka } from 'kafkajs';
import type { AppConfig } from '@qts/config';
import { createLogCreator, kafkaLogLevel } from './log-creator';

export type KafkaSettings = Pick<AppConfig, 'kafka' | 'logLevel'>;

export function createKafka(config: KafkaSettings): Kafka {
  return new Kafka({
    clientId: config.kafka.clientId,
    brokers: [...config.kafka.brokers],
    logLevel: kafkaLogLevel(config.logLevel),
    logCreator: createLogCreator(config.logLevel),
    // a loaded 2-core machine (or a broker just started) can take seconds to settle metadata
    retry: { initialRetryTime: 300, retries: 10, maxRetryTime: 10_000 },
  });
}
