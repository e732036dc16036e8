import type { PoolClient } from 'pg';
import { applyMigrations } from '@qts/migrations';
import { MIGRATIONS } from './migrations';
import { tablesOf } from './tables';

/**
 * Creates the read-model schema if needed and applies the migrations it lacks (the platform's one migration
 * mechanism, @qts/migrations: once each, in order, under an advisory lock). Returns the versions applied.
 */
export async function migrateReadModel(client: PoolClient, schema: string): Promise<number[]> {
  const t = tablesOf(schema);
  return applyMigrations(client, {
    schema,
    migrations: MIGRATIONS.map((m) => ({ version: m.version, name: m.name, statements: m.statements(t) })),
  });
}
