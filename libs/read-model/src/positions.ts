import type { Queryable } from './queryable';
import { tablesOf } from './tables';

/** The projector's position in one partition: the next offset to read. */
export async function loadPosition(db: Queryable, schema: string, topic: string, partition: number): Promise<string | undefined> {
  const { rows } = await db.query<{ next_offset: string }>(
    `SELECT next_offset FROM ${tablesOf(schema).projectorOffsets} WHERE topic = $1 AND partition = $2`,
    [topic, partition],
  );
  return rows[0]?.next_offset;
}

export async function loadPositions(db: Queryable, schema: string, topic: string): Promise<Map<number, string>> {
  const { rows } = await db.query<{ partition: number; next_offset: string }>(
    `SELECT partition, next_offset FROM ${tablesOf(schema).projectorOffsets} WHERE topic = $1`,
    [topic],
  );
  return new Map(rows.map((r) => [r.partition, r.next_offset]));
}

/** Moves the position forward only: a late writer (an instance losing its partition) cannot move it back. */
export async function recordPosition(db: Queryable, schema: string, topic: string, partition: number, nextOffset: string): Promise<void> {
  const table = tablesOf(schema).projectorOffsets;
  await db.query(
    `INSERT INTO ${table} AS o (topic, partition, next_offset) VALUES ($1, $2, $3)
     ON CONFLICT (topic, partition) DO UPDATE SET next_offset = GREATEST(o.next_offset, EXCLUDED.next_offset)`,
    [topic, partition, nextOffset],
  );
}
