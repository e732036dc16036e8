import type { Pool } from 'pg';

export interface CaseSequence {
  caseId: string;
  /** timeline rows, and how many distinct seqs among them */
  rows: number;
  distinct: number;
  min: number;
  max: number;
  /** the cases row's last_seq */
  last: number;
}

/** Per case of `caseIds`: its timeline's seqs against the case row's last_seq. */
export async function caseSequences(pool: Pool, schema: string, caseIds: readonly string[]): Promise<CaseSequence[]> {
  const { rows } = await pool.query<{ case_id: string; rows: number; distinct: number; min: number; max: number; last: number }>(
    `SELECT c.case_id, count(t.seq)::int AS rows, count(DISTINCT t.seq)::int AS distinct, min(t.seq)::int AS min,
            max(t.seq)::int AS max, c.last_seq::int AS last
       FROM "${schema}".cases c LEFT JOIN "${schema}".timeline t USING (case_id)
      WHERE c.case_id = ANY($1::text[]) GROUP BY c.case_id, c.last_seq ORDER BY c.case_id`,
    [caseIds],
  );
  return rows.map((r) => ({ caseId: r.case_id, rows: r.rows, distinct: r.distinct, min: r.min, max: r.max, last: r.last }));
}

/** The cases whose seqs are not exactly 1..last_seq, each once. */
export function notContiguous(sequences: readonly CaseSequence[]): CaseSequence[] {
  return sequences.filter((r) => r.min !== 1 || r.max !== r.last || r.rows !== r.last || r.distinct !== r.rows);
}
