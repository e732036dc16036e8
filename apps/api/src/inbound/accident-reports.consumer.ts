import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { DEAD_LETTER_SUFFIX, type AppConfig } from '@qts/config';
import { accidentProcess, type Actor } from '@qts/domain';
import { APP_CONFIG } from '@qts/nest-support';
import { KafkaAccess } from '../kafka/kafka-access';
import { asPermanent, parseJsonValue, startInboundConsumer } from '../kafka/inbound-consumer';
import { ProcessCommandsService } from '../processes/process-commands.service';
import { accidentCaseIdOf, accidentReportMessageSchema, receiveCommandOf } from './accident-report-message';

const HOTLINE: Actor = { id: 'accident-report-gateway', role: 'system', name: '事故报告接口 accident report gateway' };

export function accidentReportTopics(config: Pick<AppConfig, 'kafka'>): { topic: string; deadLetter: string } {
  const topic = `${config.kafka.topicPrefix}accidents.inbound.v1`;
  return { topic, deadLetter: `${topic}${DEAD_LETTER_SUFFIX}` };
}

/**
 * accidents.inbound.v1 → a new accident case (ReceiveAccidentReport), validated like any other input. The same report
 * twice opens one case (its number comes from the report's id); a malformed report, or one the decider refuses, goes
 * to accidents.inbound.v1.dlq with the reason.
 */
@Injectable()
export class AccidentReportsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AccidentReportsConsumer.name);
  private running: { stop(): Promise<void> } | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly kafka: KafkaAccess,
    private readonly commands: ProcessCommandsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { topic, deadLetter } = accidentReportTopics(this.config);
    this.running = await startInboundConsumer(this.kafka.kafka, {
      topic,
      topics: [deadLetter],
      groupId: `${this.config.kafka.topicPrefix}qts-accident-reports`,
      logger: this.logger,
      handle: async (message) => {
        const report = accidentReportMessageSchema.parse(parseJsonValue(message.value));
        const command = accidentProcess.commands.opening.parse(receiveCommandOf(report));
        try {
          await this.commands.open(accidentProcess, command, HOTLINE, accidentCaseIdOf(report));
        } catch (err) {
          // at-least-once delivery: the case this report opened is already running (or closed)
          if (err instanceof WorkflowExecutionAlreadyStartedError) return;
          throw asPermanent(err);
        }
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.running?.stop();
  }
}
