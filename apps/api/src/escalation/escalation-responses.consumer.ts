import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { topicNames, type AppConfig } from '@qts/config';
import { APP_CONFIG } from '@qts/nest-support';
import { escalationProcess } from '@qts/domain';
import { KafkaAccess } from '../kafka/kafka-access';
import { asPermanent, parseJsonValue, startInboundConsumer } from '../kafka/inbound-consumer';
import { ProcessCommandsService } from '../processes/process-commands.service';
import { escalationResponseMessageSchema } from './escalation-response-message';

/**
 * escalations.inbound.v1 → the escalation's Update, validated like any other input. A malformed message, or one the
 * escalation refuses, goes to escalations.inbound.v1.dlq with the reason.
 */
@Injectable()
export class EscalationResponsesConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EscalationResponsesConsumer.name);
  private running: { stop(): Promise<void> } | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly kafka: KafkaAccess,
    private readonly commands: ProcessCommandsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const topics = topicNames(this.config);
    this.running = await startInboundConsumer(this.kafka.kafka, {
      topic: topics.escalationsInbound,
      topics: [topics.escalationsInboundDlq, topics.escalationsOutbound],
      groupId: `${this.config.kafka.topicPrefix}qts-escalation-responses`,
      logger: this.logger,
      handle: async (message) => {
        const m = escalationResponseMessageSchema.parse(parseJsonValue(message.value));
        try {
          await this.commands.send(escalationProcess, m.escalationId, m.response, {
            id: `authority:${m.from}`,
            role: 'system',
            name: m.from,
          });
        } catch (err) {
          throw asPermanent(err);
        }
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.running?.stop();
  }
}
