import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { topicNames, type AppConfig } from '@qts/config';
import {
  PermanentError,
  connectProducer,
  ensureTopics,
  kafkaDeadLetterSink,
  startConsumer,
  type QtsProducer,
  type RunningConsumer,
} from '@qts/kafka';
import { APP_CONFIG } from '@qts/nest-support';
import { ApiError } from '../errors/api-error';
import { KafkaAccess } from '../kafka/kafka-access';
import { EscalationsService } from './escalations.service';
import { escalationResponseMessageSchema } from './escalation-response-message';

function parseJson(value: Buffer | null): unknown {
  try {
    return JSON.parse(value?.toString('utf8') ?? '');
  } catch (err) {
    throw new PermanentError(`malformed JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * escalations.inbound.v1 → the escalation's Update, validated like any other input. A malformed message, or one the
 * escalation refuses, goes to escalations.inbound.v1.dlq with the reason.
 */
@Injectable()
export class EscalationResponsesConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EscalationResponsesConsumer.name);
  private consumer: RunningConsumer | undefined;
  private producer: QtsProducer | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly kafka: KafkaAccess,
    private readonly escalations: EscalationsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const topics = topicNames(this.config);
    const admin = this.kafka.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, [topics.escalationsInbound, topics.escalationsInboundDlq, topics.escalationsOutbound]);
    } finally {
      await admin.disconnect();
    }
    this.producer = await connectProducer(this.kafka.kafka);
    this.consumer = await startConsumer(this.kafka.kafka, {
      groupId: `${this.config.kafka.topicPrefix}qts-escalation-responses`,
      topic: topics.escalationsInbound,
      deadLetter: kafkaDeadLetterSink(this.producer),
      handle: async (message) => {
        const m = escalationResponseMessageSchema.parse(parseJson(message.value));
        try {
          await this.escalations.send(m.escalationId, m.response, { id: `authority:${m.from}`, role: 'system', name: m.from });
        } catch (err) {
          if (err instanceof ApiError && err.status < 500) throw new PermanentError(`${err.code}: ${err.message}`);
          throw err;
        }
      },
      logger: { log: (m) => this.logger.log(m), warn: (m) => this.logger.warn(m), error: (m) => this.logger.error(m) },
    });
    this.logger.log(`consuming ${topics.escalationsInbound}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    await this.producer?.disconnect();
  }
}
