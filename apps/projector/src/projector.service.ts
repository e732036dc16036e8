import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { topicNames, type AppConfig } from '@qts/config';
import {
  connectProducer,
  createKafka,
  ensureTopics,
  withAdmin,
  kafkaDeadLetterSink,
  startConsumer,
  type QtsProducer,
  type RunningConsumer,
} from '@qts/kafka';
import { loadPosition, migrateReadModel, recordPosition, signalProjected } from '@qts/read-model';
import type { Pool } from 'pg';
import { APP_CONFIG, PgPool, untilReady } from '@qts/nest-support';
import { projectMessage } from './project-message';
import { projectMessages } from './project-messages';
import { recordingDamage } from './damage-record';

/**
 * cases.events.v1 → the read model. The position of each partition lives in the read model, written in the
 * same transaction as the rows, and is where consumption starts; so a crash at any point neither loses nor
 * duplicates an event, and a fresh schema is filled from the beginning of the topic.
 */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ProjectorService.name);
  private consumer: RunningConsumer | undefined;
  private producer: QtsProducer | undefined;
  private failed: (err: Error) => void = () => undefined;
  /** settles if the consumer stops for good (a database that stays down): the process should exit and be restarted */
  readonly failure = new Promise<Error>((resolve) => {
    this.failed = resolve;
  });

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: PgPool,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const schema = this.config.database.readModelSchema;
    const topics = topicNames(this.config);
    const client = await this.db.pool.connect();
    try {
      const applied = await migrateReadModel(client, schema);
      if (applied.length > 0) this.logger.log(`read model "${schema}": applied migrations ${applied.join(', ')}`);
    } finally {
      client.release();
    }
    const kafka = createKafka(this.config);
    await untilReady(
      'creating the Kafka topics',
      () => withAdmin(kafka, (admin) => ensureTopics(admin, [topics.caseEvents, topics.caseEventsDlq, topics.notices])),
      this.logger,
    );
    this.producer = await untilReady('connecting the Kafka producer', () => connectProducer(kafka), this.logger);
    const pool = this.db.pool;
    const producer = this.producer;
    this.consumer = await startConsumer(kafka, {
      groupId: this.config.projector.groupId,
      topic: topics.caseEvents,
      handle: async (message) => {
        await projectMessage(pool, schema, message);
        this.signal(pool, schema);
      },
      // what a fetch brought of one partition in one transaction; one by one when a batch fails
      handleBatch: async (messages) => {
        await projectMessages(pool, schema, messages);
        this.signal(pool, schema);
      },
      deadLetter: recordingDamage(kafkaDeadLetterSink(producer), pool, schema, this.logger, (notice) =>
        producer.send(topics.notices, [notice]),
      ),
      position: {
        load: (topic, partition) => loadPosition(pool, schema, topic, partition),
        advance: (topic, partition, next) => recordPosition(pool, schema, topic, partition, next),
      },
      // skipping an event for a passing database failure would leave the case behind for good
      whenRetriesExhausted: 'fail',
      onFatal: (err) => this.failed(err),
      concurrency: 3,
      // a killed instance's partitions move to the others within 10 s (handlers heartbeat after every event)
      sessionTimeoutMs: 10_000,
      logger: this.logger,
    });
    this.logger.log(`projecting ${topics.caseEvents} into schema "${schema}" (group ${this.config.projector.groupId})`);
  }

  /**
   * After a commit: readers waiting for an event look again. Not awaited and never fatal: the signal is a hint (they
   * also look on their own every few hundred milliseconds), and the next message must not wait for it.
   */
  private signal(pool: Pool, schema: string): void {
    signalProjected(pool, schema).catch((err: unknown) => this.logger.warn(`could not signal readers: ${String(err)}`));
  }

  /** Before the pool closes: stop taking messages, let the one in hand finish. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    await this.producer?.disconnect();
  }
}
