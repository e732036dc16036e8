import { Pool } from 'pg';
import { loadConfig, topicNames, type AppConfig, type TopicNames } from '@qts/config';
import {
  connectProducer,
  createKafka,
  ensureTopics,
  startConsumer,
  withAdmin,
  type InboundMessage,
  type Kafka,
  type QtsProducer,
} from '@qts/kafka';
import { dropReadModel } from '@qts/read-model';
import type { TestRun } from './run-ids';

const COUNTER_MODULE = require.resolve('./counter-projection.js');

/** The environment a projector (child process or in-process) runs with for this test run. */
export function projectorEnv(run: TestRun): NodeJS.ProcessEnv {
  return {
    ...process.env,
    KAFKA_TOPIC_PREFIX: run.topicPrefix,
    READ_MODEL_SCHEMA: run.schema,
    PROJECTOR_GROUP_ID: run.groupId,
    PROJECTOR_EXTRA_PROJECTIONS: COUNTER_MODULE,
    KAFKA_CLIENT_ID: `qts-test-${run.id}`,
    LOG_LEVEL: 'warn',
  };
}

/** Kafka, PostgreSQL and the topics of one test run; `close` removes what the run created (schema, topics, consumer groups). */
export class TestServices {
  readonly config: AppConfig;
  readonly topics: TopicNames;
  readonly kafka: Kafka;
  readonly pool: Pool;
  private producer: QtsProducer | undefined;

  constructor(readonly run: TestRun) {
    this.config = loadConfig(projectorEnv(run));
    this.topics = topicNames(this.config);
    this.kafka = createKafka(this.config);
    this.pool = new Pool({ connectionString: this.config.database.url, max: 4 });
  }

  createTopics(): Promise<void> {
    return withAdmin(this.kafka, (admin) => ensureTopics(admin, [this.topics.caseEvents, this.topics.caseEventsDlq]));
  }

  async publish(envelopes: readonly { caseId: string; eventId: string }[]): Promise<void> {
    this.producer ??= await connectProducer(this.kafka);
    await this.producer.publishEnvelopes(this.topics.caseEvents, envelopes);
  }

  async publishRaw(key: string | null, value: string): Promise<void> {
    this.producer ??= await connectProducer(this.kafka);
    await this.producer.send(this.topics.caseEvents, [{ key, value }]);
  }

  /** Reads a topic from the beginning until `count` messages have arrived. */
  async readTopic(topic: string, count: number, timeoutMs = 60_000): Promise<InboundMessage[]> {
    const received: InboundMessage[] = [];
    let done!: () => void;
    const arrived = new Promise<void>((resolve) => (done = resolve));
    const consumer = await startConsumer(this.kafka, {
      groupId: `${this.run.groupId}.reader.${Date.now()}`,
      topic,
      handle: (m) => {
        received.push(m);
        if (received.length >= count) done();
        return Promise.resolve();
      },
      deadLetter: (letter) => Promise.reject(new Error(`reader cannot dead-letter: ${letter.reason}`)),
      logger: { log: () => undefined, warn: console.warn, error: console.error },
    });
    const timer = setTimeout(done, timeoutMs);
    try {
      await arrived;
    } finally {
      clearTimeout(timer);
      await consumer.stop();
    }
    return received;
  }

  async close(): Promise<void> {
    await this.producer?.disconnect();
    await dropReadModel(this.pool, this.run.schema);
    await this.pool.end();
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const mine = (await admin.listTopics()).filter((t) => t.startsWith(this.run.topicPrefix));
      if (mine.length > 0) await admin.deleteTopics({ topics: mine });
      const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(this.run.groupId));
      if (groups.length > 0) await admin.deleteGroups(groups).catch(() => undefined);
    } finally {
      await admin.disconnect();
    }
  }
}
