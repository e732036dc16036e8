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
  });
}
