import type { PoolClient } from 'pg';
import { MIGRATIONS } from './migrations';
import { tablesOf } from './tables';

/**
 * Creates the schema if needed and applies the migrations it lacks, in one transaction under an advisory
 * lock, so that several instances starting together apply each migration once. Returns the versions applied.
 */
export async function migrateReadModel(client: PoolClient, schema: string): Promise<number[]> {
  const t = tablesOf(schema);
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`qts-read-model:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${t.schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${t.migrations} (version integer PRIMARY KEY, name text NOT NULL)`);
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${t.migrations}`);
    const done = new Set(rows.map((r) => r.version));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.statements(t)) await client.query(statement);
      await client.query(`INSERT INTO ${t.migrations} (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
      applied.push(migration.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
