import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { AppConfig } from '@qts/config';
import { APP_CONFIG } from '@qts/nest-support';

/** One Temporal connection per process. */
@Injectable()
export class TemporalConnection implements OnApplicationShutdown {
  private connection: Connection | undefined;
  private client: Promise<Client> | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Connects on first use; concurrent first requests share one connection, and a failed attempt is retried by the next. */
  get(): Promise<Client> {
    this.client ??= Connection.connect({ address: this.config.temporal.address }).then(
      (connection) => {
        this.connection = connection;
        return new Client({ connection, namespace: this.config.temporal.namespace });
      },
      (err: unknown) => {
        this.client = undefined;
        throw err;
      },
    );
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
