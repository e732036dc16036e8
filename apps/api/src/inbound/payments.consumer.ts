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
import type { Actor } from '@qts/domain';
import { APP_CONFIG } from '@qts/nest-support';
import { ApiError } from '../errors/api-error';
import { KafkaAccess } from '../kafka/kafka-access';
import { PenaltyCasesService } from '../penalty/penalty-cases.service';
import { paymentMessageSchema } from './payment-message';

function parseJson(value: Buffer | null): unknown {
  try {
    return JSON.parse(value?.toString('utf8') ?? '');
  } catch (err) {
    throw new PermanentError(`malformed JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const TREASURY: Actor = { id: 'treasury-gateway', role: 'system', name: '国库缴款接口 treasury gateway' };

/**
 * payments.v1 → RecordPayment on the case. A malformed message, or one the case refuses (unknown case,
 * closed case, duplicate reference), goes to payments.v1.dlq with the reason; nothing else is lost.
 */
@Injectable()
export class PaymentsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PaymentsConsumer.name);
  private consumer: RunningConsumer | undefined;
  private producer: QtsProducer | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly kafka: KafkaAccess,
    private readonly cases: PenaltyCasesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const topics = topicNames(this.config);
    const admin = this.kafka.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, [topics.payments, topics.paymentsDlq]);
    } finally {
      await admin.disconnect();
    }
    this.producer = await connectProducer(this.kafka.kafka);
    this.consumer = await startConsumer(this.kafka.kafka, {
      groupId: `${this.config.kafka.topicPrefix}qts-payments-gateway`,
      topic: topics.payments,
      deadLetter: kafkaDeadLetterSink(this.producer),
      handle: async (message) => {
        const payment = paymentMessageSchema.parse(parseJson(message.value));
        try {
          await this.cases.send(
            payment.caseId,
            {
              type: 'RecordPayment',
              paidOn: payment.paidOn,
              amountFen: payment.amountFen,
              reference: payment.reference,
              channel: 'treasury',
            },
            TREASURY,
          );
        } catch (err) {
          // at-least-once delivery: a payment already on the case is this very message again
          if (err instanceof ApiError && err.code === 'DUPLICATE_PAYMENT') return;
          if (err instanceof ApiError && err.status < 500) throw new PermanentError(`${err.code}: ${err.message}`);
          throw err;
        }
      },
      logger: { log: (m) => this.logger.log(m), warn: (m) => this.logger.warn(m), error: (m) => this.logger.error(m) },
    });
    this.logger.log(`consuming ${topics.payments}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    await this.producer?.disconnect();
  }
}
