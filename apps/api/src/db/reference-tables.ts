import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '@qts/config';
import { APP_CONFIG, PgPool } from '@qts/nest-support';

/**
 * The API's own tables beside the read model (holiday notices, refused commands), in `<read model>_ref`.
 * Created once, under an advisory lock, so several API instances starting together do not race.
 */
@Injectable()
export class ReferenceTables implements OnModuleInit {
  readonly schema: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: PgPool,
  ) {
    this.schema = `${config.database.readModelSchema}_ref`;
  }

  table(name: 'calendar_notices' | 'refused_commands'): string {
    return `"${this.schema}".${name}`;
  }

  async onModuleInit(): Promise<void> {
    const client = await this.db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`qts-reference:${this.schema}`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${this.table('calendar_notices')} (
           year int PRIMARY KEY, notice jsonb NOT NULL, loaded_by jsonb NOT NULL, loaded_at timestamptz NOT NULL DEFAULT now())`,
      );
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${this.table('refused_commands')} (
           id bigserial PRIMARY KEY, refused_at timestamptz NOT NULL DEFAULT now(), case_id text, actor jsonb NOT NULL,
           command jsonb NOT NULL, code text NOT NULL, message text NOT NULL)`,
      );
      await client.query('CREATE INDEX IF NOT EXISTS refused_commands_case_idx ON ' + this.table('refused_commands') + ' (case_id, id)');
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
}
