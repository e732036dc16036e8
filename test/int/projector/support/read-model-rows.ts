import type { Pool } from 'pg';

export interface CaseProgress {
  caseId: string;
  lastSeq: number;
  timelineRows: number;
  minSeq: number;
  maxSeq: number;
}

/** Per case: what the case row says and what the timeline holds, to check exactly-once without gaps. */
export async function caseProgress(pool: Pool, schema: string): Promise<CaseProgress[]> {
  const { rows } = await pool.query<{ case_id: string; last_seq: number; n: string; min_seq: number; max_seq: number }>(
    `SELECT c.case_id, c.last_seq, count(t.seq) AS n, min(t.seq) AS min_seq, max(t.seq) AS max_seq
     FROM "${schema}".cases c LEFT JOIN "${schema}".timeline t USING (case_id) GROUP BY c.case_id, c.last_seq ORDER BY c.case_id`,
  );
  return rows.map((r) => ({ caseId: r.case_id, lastSeq: r.last_seq, timelineRows: Number(r.n), minSeq: r.min_seq, maxSeq: r.max_seq }));
}

export async function timelineCount(pool: Pool, schema: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".timeline`).catch(() => ({ rows: [{ n: '0' }] }));
  return Number(rows[0]?.n ?? 0);
}
