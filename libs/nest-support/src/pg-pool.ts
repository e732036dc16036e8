import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import type { AppConfig } from '@qts/config';
import { APP_CONFIG } from './app-config';

/**
 * Session settings of every app connection: no JIT. The read model's queries are short (a page, a count, a desk
 * figure), and PostgreSQL compiles any plan whose estimate passes jit_above_cost: the stalled list at a million cases
 * took ≈ 350 ms to compile for ≈ 20 ms of execution.
 */
export const PG_SESSION_OPTIONS = '-c jit=off';

/**
 * One PostgreSQL pool per process, closed on shutdown. A server that goes away (a crash, a restart) ends the pool's
 * idle connections, and pg reports that as an 'error' event on the pool: unheard, Node ends the whole process. It is
 * logged instead; the pool opens new connections when asked, so the app serves again as soon as the server is back
 * (a query in flight fails as it would anyway, and its request answers 5xx).
 */
@Injectable()
export class PgPool implements OnApplicationShutdown {
  readonly pool: Pool;
  private readonly logger = new Logger(PgPool.name);

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pool = new Pool({ connectionString: config.database.url, max: 10, options: PG_SESSION_OPTIONS });
    this.pool.on('error', (err) => this.logger.warn(`an idle PostgreSQL connection failed (it is dropped): ${err.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
