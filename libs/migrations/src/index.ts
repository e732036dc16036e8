import type { Pool, PoolClient } from 'pg';

// Every schema's list (to change a schema, append { version: last + 1, name, statements }; never edit a released one):
// - read model: MIGRATIONS in libs/read-model/src/migrations.ts (applied by the projector, the API and the rebuild);
// - identity: identityMigrations() in libs/identity/src/identity-schema.ts (Identity.migrate: the API and the CLI);
// - the API's reference tables: referenceMigrations() in apps/api/src/db/reference-tables.ts (API start-up).

/** One numbered change to a schema. Append only: a released migration is never edited, only followed by another. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
}

/** The migrations of one PostgreSQL schema, recorded in `"<schema>".schema_migrations`. */
export interface MigrationSet {
  /** the schema's name as PostgreSQL knows it (unquoted) */
  readonly schema: string;
  readonly migrations: readonly Migration[];
}

function checked(set: MigrationSet): void {
  set.migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`${set.schema}: migration ${m.name} is numbered ${m.version}, expected ${i + 1}`);
  });
}

/**
 * Runs `work` in one transaction: committed when it returns, rolled back when it throws. Given a pool, a client is
 * taken and released; given a client, it is used as it is.
 */
export async function inTransaction<T>(db: Pool | PoolClient, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = 'release' in db ? db : await db.connect();
  try {
    await client.query('BEGIN');
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  } finally {
    if (client !== db) client.release();
  }
}

/**
 * The one way schemas are created and changed: creates the schema if needed and applies, in order, the migrations
 * its `schema_migrations` table lacks, in one transaction under an advisory lock on the schema, so several instances
 * starting together apply each migration once. Returns the versions applied now.
 */
export async function applyMigrations(db: Pool | PoolClient, set: MigrationSet): Promise<number[]> {
  checked(set);
  const table = `"${set.schema}".schema_migrations`;
  return inTransaction(db, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`qts-migrations:${set.schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${set.schema}"`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${table} (version integer PRIMARY KEY, name text NOT NULL)`);
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${table}`);
    const done = new Set(rows.map((r) => r.version));
    const applied: number[] = [];
    for (const migration of set.migrations) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.statements) await client.query(statement);
      await client.query(`INSERT INTO ${table} (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}
