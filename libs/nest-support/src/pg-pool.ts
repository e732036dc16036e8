import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import type { AppConfig } from '@qts/config';
import { APP_CONFIG } from './app-config';

/** One PostgreSQL pool per process, closed on shutdown. */
@Injectable()
export class PgPool implements OnApplicationShutdown {
  readonly pool: Pool;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pool = new Pool({ connectionString: config.database.url, max: 10 });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
