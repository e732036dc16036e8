import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '@qts/config';
import { applyMigrations, type Migration } from '@qts/migrations';
import { APP_CONFIG, PgPool } from '@qts/nest-support';

type ReferenceTable = 'calendar_notices' | 'refused_commands' | 'calendar_rollouts' | 'notice_acks';

/**
 * The API's own tables beside the read model (holiday notices and their rollouts, refused commands), in
 * `<read model>_ref`, created and changed by numbered migrations (@qts/migrations) applied at start-up. Version 1 is
 * the schema as it was created before migrations were recorded here, so it also applies to such a database unchanged.
 * To change a table, append a migration; never edit a released one.
 */
function referenceMigrations(table: (name: ReferenceTable) => string): Migration[] {
  return [
    {
      version: 1,
      name: 'holiday notices, refused commands, calendar rollouts',
      statements: [
        `CREATE TABLE IF NOT EXISTS ${table('calendar_notices')} (
           year int PRIMARY KEY, notice jsonb NOT NULL, loaded_by jsonb NOT NULL, loaded_at timestamptz NOT NULL DEFAULT now())`,
        `CREATE TABLE IF NOT EXISTS ${table('refused_commands')} (
           id bigserial PRIMARY KEY, refused_at timestamptz NOT NULL DEFAULT now(), case_id text, actor jsonb NOT NULL,
           command jsonb NOT NULL, code text NOT NULL, message text NOT NULL)`,
        `CREATE INDEX IF NOT EXISTS refused_commands_case_idx ON ${table('refused_commands')} (case_id, id)`,
        `CREATE TABLE IF NOT EXISTS ${table('calendar_rollouts')} (
           id text PRIMARY KEY, bureau_id text NOT NULL, year int NOT NULL, revision int NOT NULL CHECK (revision > 0),
           notice_digest text NOT NULL, loaded_by jsonb NOT NULL, loaded_at timestamptz NOT NULL DEFAULT now(),
           state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'completed', 'failed', 'unknown')),
           started_at timestamptz, finished_at timestamptz,
           total int NOT NULL DEFAULT 0, done int NOT NULL DEFAULT 0, failed int NOT NULL DEFAULT 0, error text,
           UNIQUE (bureau_id, year, revision))`,
        `CREATE INDEX IF NOT EXISTS calendar_rollouts_open_idx ON ${table('calendar_rollouts')} (bureau_id, loaded_at)
           WHERE state IN ('pending', 'running')`,
      ],
    },
    {
      version: 2,
      name: 'notices read and acknowledged, once per recipient (issue 14)',
      statements: [
        `CREATE TABLE IF NOT EXISTS ${table('notice_acks')} (
           event_id text NOT NULL, recipient_id text NOT NULL, acknowledged_at timestamptz NOT NULL DEFAULT now(),
           PRIMARY KEY (event_id, recipient_id))`,
        `CREATE INDEX IF NOT EXISTS notice_acks_recipient_idx ON ${table('notice_acks')} (recipient_id, event_id)`,
      ],
    },
  ];
}

@Injectable()
export class ReferenceTables implements OnModuleInit {
  readonly schema: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: PgPool,
  ) {
    this.schema = `${config.database.readModelSchema}_ref`;
  }

  table(name: ReferenceTable): string {
    return `"${this.schema}".${name}`;
  }

  async onModuleInit(): Promise<void> {
    await applyMigrations(this.db.pool, { schema: this.schema, migrations: referenceMigrations((n) => this.table(n)) });
  }
}
