import type { Queryable } from './queryable';
import { DATA_TABLES, assertSchemaName, qualified, tablesOf } from './tables';

export async function schemaExists(db: Queryable, schema: string): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [assertSchemaName(schema)]);
  return rows.length > 0;
}

/** true when the schema does not exist or none of its read-model tables holds a row */
export async function isEmptyReadModel(db: Queryable, schema: string): Promise<boolean> {
  if (!(await schemaExists(db, schema))) return true;
  const { rows } = await db.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1`, [
    schema,
  ]);
  const present = new Set(rows.map((r) => r.name));
  for (const table of DATA_TABLES) {
    if (!present.has(table)) continue;
    const { rows: any } = await db.query(`SELECT 1 FROM ${qualified(schema, table)} LIMIT 1`);
    if (any.length > 0) return false;
  }
  return true;
}

export async function dropReadModel(db: Queryable, schema: string): Promise<void> {
  await db.query(`DROP SCHEMA IF EXISTS ${tablesOf(schema).schema} CASCADE`);
}
