import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { topicNames, type AppConfig } from '@qts/config';
import { penaltyCaseProcess, type Actor } from '@qts/domain';
import { APP_CONFIG } from '@qts/nest-support';
import { ApiError } from '../errors/api-error';
import { KafkaAccess } from '../kafka/kafka-access';
import { asPermanent, parseJsonValue, startInboundConsumer } from '../kafka/inbound-consumer';
import { ProcessCommandsService } from '../processes/process-commands.service';
import { paymentMessageSchema } from './payment-message';

const TREASURY: Actor = { id: 'treasury-gateway', role: 'system', name: '国库缴款接口 treasury gateway' };

/**
 * payments.v1 → RecordPayment on the case. A malformed message, or one the case refuses (unknown case,
 * closed case), goes to payments.v1.dlq with the reason; nothing else is lost.
 */
@Injectable()
export class PaymentsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PaymentsConsumer.name);
  private running: { stop(): Promise<void> } | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly kafka: KafkaAccess,
    private readonly commands: ProcessCommandsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const topics = topicNames(this.config);
    this.running = await startInboundConsumer(this.kafka.kafka, {
      topic: topics.payments,
      topics: [topics.paymentsDlq],
      groupId: `${this.config.kafka.topicPrefix}qts-payments-gateway`,
      logger: this.logger,
      handle: async (message) => {
        const payment = paymentMessageSchema.parse(parseJsonValue(message.value));
        const command = {
          type: 'RecordPayment',
          paidOn: payment.paidOn,
          amountFen: payment.amountFen,
          reference: payment.reference,
          channel: 'treasury',
        } as const;
        try {
          await this.commands.send(penaltyCaseProcess, payment.caseId, command, TREASURY);
        } catch (err) {
          // at-least-once delivery: a payment already on the case is this very message again
          if (err instanceof ApiError && err.code === 'DUPLICATE_PAYMENT') return;
          throw asPermanent(err);
        }
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.running?.stop();
  }
}
