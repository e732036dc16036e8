import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createEscalationActivities, createOutboundDocumentActivities, createPublishActivities } from '@qts/activities';
import type { AppConfig } from '@qts/config';
import { APP_CONFIG, untilReady } from '@qts/nest-support';
import { WORKFLOWS_PATH, workflowBundlerOptions } from '@qts/workflows/dist/bundle/bundler-options';
import { KafkaEnvelopePublisher } from './kafka-envelope-publisher';

/** Hosts the Temporal worker: the workflows of workflows/ and the activities of activities/. */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private worker: Worker | undefined;
  private connection: NativeConnection | undefined;
  private running: Promise<void> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly publisher: KafkaEnvelopePublisher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { address, namespace, taskQueue } = this.config.temporal;
    const connection = await untilReady(`connecting to Temporal at ${address}`, () => NativeConnection.connect({ address }), this.logger);
    this.connection = connection;
    this.worker = await untilReady(
      `creating the worker for namespace ${namespace}`,
      () =>
        Worker.create({
          connection,
          namespace,
          taskQueue,
          workflowsPath: WORKFLOWS_PATH,
          bundlerOptions: workflowBundlerOptions,
          activities: {
            ...createPublishActivities(this.publisher),
            ...createEscalationActivities(this.publisher),
            ...createOutboundDocumentActivities(this.publisher),
          },
        }),
      this.logger,
    );
    this.running = this.worker.run();
    this.running.catch((err: unknown) => {
      this.logger.error('Temporal worker stopped with an error', err instanceof Error ? err.stack : String(err));
      process.exit(1);
    });
    this.logger.log(`worker polling task queue ${this.config.temporal.taskQueue} at ${this.config.temporal.address}`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection?.close();
  }
}
