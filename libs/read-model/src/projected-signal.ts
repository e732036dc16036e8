import type { Queryable } from './queryable';
import { assertSchemaName, qualified } from './tables';

/**
 * PostgreSQL channel on which the projector says "this read model moved on" after each commit (payload: the schema
 * name, since several read models may share a database). Readers waiting for an event (`GET /api/cases/:id?untilSeq=`)
 * look again when it comes; it is a hint, never the record: a lost signal only delays them to their next look.
 */
export const PROJECTED_CHANNEL = 'qts_read_model_projected';

export async function signalProjected(db: Queryable, schema: string): Promise<void> {
  await db.query('SELECT pg_notify($1, $2)', [PROJECTED_CHANNEL, assertSchemaName(schema)]);
}

/** The last event the read model holds for each of these cases (absent: not projected yet). */
export async function lastSeqOf(db: Queryable, schema: string, caseIds: readonly string[]): Promise<Map<string, number>> {
  const { rows } = await db.query<{ case_id: string; last_seq: number }>(
    `SELECT case_id, last_seq FROM ${qualified(schema, 'cases')} WHERE case_id = ANY($1::text[])`,
    [caseIds],
  );
  return new Map(rows.map((r) => [r.case_id, r.last_seq]));
}
