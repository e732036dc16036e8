import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { topicNames, type AppConfig } from '@qts/config';
import { APP_CONFIG } from '@qts/nest-support';
import { recallProcess } from '@qts/domain';
import { ApiError } from '../errors/api-error';
import { KafkaAccess } from '../kafka/kafka-access';
import { asPermanent, parseJsonValue, startInboundConsumer } from '../kafka/inbound-consumer';
import { ProcessCommandsService } from '../processes/process-commands.service';
import { recallProducerMessageSchema } from './recall-producer-message';

/**
 * recalls.inbound.v1 → the recall's Update as the producer gateway (system identity), validated like any other input.
 * A malformed message, or one the recall refuses (unknown recall, wrong stage, figures that do not hold), goes to
 * recalls.inbound.v1.dlq with the reason; a redelivered report already on the recall is dropped.
 */
@Injectable()
export class RecallProducerConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RecallProducerConsumer.name);
  private running: { stop(): Promise<void> } | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly kafka: KafkaAccess,
    private readonly commands: ProcessCommandsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const topics = topicNames(this.config);
    this.running = await startInboundConsumer(this.kafka.kafka, {
      topic: topics.recallsInbound,
      topics: [topics.recallsInboundDlq, topics.recallsOutbound],
      groupId: `${this.config.kafka.topicPrefix}qts-recall-producers`,
      logger: this.logger,
      handle: async (message) => {
        const m = recallProducerMessageSchema.parse(parseJsonValue(message.value));
        try {
          await this.commands.send(recallProcess, m.recallId, m.report, { id: `producer:${m.producer}`, role: 'system', name: m.producer });
        } catch (err) {
          // at-least-once delivery: a report already on the recall is this very message again
          if (err instanceof ApiError && err.code === 'DUPLICATE_REPORT') return;
          throw asPermanent(err);
        }
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.running?.stop();
  }
}
