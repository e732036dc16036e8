import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '@qts/config';
import { createKafka, type Admin, type Kafka } from '@qts/kafka';
import { APP_CONFIG } from '@qts/nest-support';

/** The API's Kafka: one client, one admin connection for health checks. */
@Injectable()
export class KafkaAccess implements OnModuleInit, OnApplicationShutdown {
  readonly kafka: Kafka;
  private readonly admin: Admin;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.kafka = createKafka(config);
    this.admin = this.kafka.admin();
  }

  async onModuleInit(): Promise<void> {
    await this.admin.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin.disconnect();
  }

  /** A real broker round trip. */
  async ping(): Promise<void> {
    const cluster = await this.admin.describeCluster();
    if (cluster.brokers.length === 0) throw new Error('no brokers in the cluster');
  }
}
