import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { AppConfig } from '@qts/config';
import { APP_CONFIG } from '@qts/nest-support';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/** One Temporal connection per process. */
@Injectable()
export class TemporalConnection implements OnApplicationShutdown {
  private connection: Connection | undefined;
  private client: Client | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async get(): Promise<Client> {
    if (!this.client) {
      this.connection = await Connection.connect({ address: this.config.temporal.address });
      this.client = new Client({ connection: this.connection, namespace: this.config.temporal.namespace });
    }
    return this.client;
  }

  /** gRPC health of the frontend. */
  async checkHealth(): Promise<void> {
    await this.get();
    await this.connection?.healthService.check({});
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection?.close();
  }
}
