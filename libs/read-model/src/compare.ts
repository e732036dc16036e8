import type { Queryable } from './queryable';
import { DATA_TABLES, qualified, type DataTable } from './tables';

/** The key each table's rows are ordered and matched by. */
const KEYS: Record<DataTable, string[]> = {
  cases: ['case_id'],
  timeline: ['case_id', 'seq'],
  open_deadlines: ['case_id', 'kind'],
  notices: ['event_id'],
  projector_offsets: ['topic', 'partition'],
};

export interface TableDifference {
  table: DataTable;
  rowsA: number;
  rowsB: number;
  /** rows of A with no identical row in B, and the other way round, the first few by key */
  onlyInA: Record<string, unknown>[];
  onlyInB: Record<string, unknown>[];
  onlyInACount: number;
  onlyInBCount: number;
}

export interface ReadModelComparison {
  equal: boolean;
  differences: TableDifference[];
}

/**
 * Compares two read models row by row, every column (jsonb compares by value, so key order does not matter).
 * Rows depend only on events, so a rebuild and the live model must be equal once both have read the same offsets.
 */
export async function compareReadModels(db: Queryable, schemaA: string, schemaB: string, sampleSize = 3): Promise<ReadModelComparison> {
  const differences: TableDifference[] = [];
  for (const table of DATA_TABLES) {
    const ta = qualified(schemaA, table);
    const tb = qualified(schemaB, table);
    const order = KEYS[table].join(', ');
    const onlyIn = async (x: string, y: string) => {
      const diff = `(SELECT * FROM ${x} EXCEPT ALL SELECT * FROM ${y})`;
      const count = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${diff} d`);
      const sample = await db.query<{ row: Record<string, unknown> }>(
        `SELECT to_jsonb(d) AS row FROM ${diff} d ORDER BY ${order} LIMIT ${sampleSize}`,
      );
      return { count: Number(count.rows[0]?.n ?? 0), sample: sample.rows.map((r) => r.row) };
    };
    const inA = await onlyIn(ta, tb);
    const inB = await onlyIn(tb, ta);
    const sizes = await db.query<{ a: string; b: string }>(`SELECT (SELECT count(*) FROM ${ta}) AS a, (SELECT count(*) FROM ${tb}) AS b`);
    if (inA.count > 0 || inB.count > 0) {
      differences.push({
        table,
        rowsA: Number(sizes.rows[0]?.a ?? 0),
        rowsB: Number(sizes.rows[0]?.b ?? 0),
        onlyInA: inA.sample,
        onlyInB: inB.sample,
        onlyInACount: inA.count,
        onlyInBCount: inB.count,
      });
    }
  }
  return { equal: differences.length === 0, differences };
}
