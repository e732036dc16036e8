import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Pool } from 'pg';
import type { Stack } from '../../support/stack';
import type { PenaltyLedger } from './penalty-load';

const ROOT = path.resolve(__dirname, '../../..');

export interface Lost {
  missing: string[];
  twice: string[];
}

/** Every acknowledged penalty case and payment in the read model, no payment twice; undefined while some are missing. */
export async function penaltyLost(pool: Pool, schema: string, ledger: PenaltyLedger): Promise<Lost> {
  const { rows } = await pool.query<{ case_id: string; reference: string; n: number }>(
    `SELECT case_id, payload->>'reference' AS reference, count(*)::int AS n FROM "${schema}".timeline
      WHERE type = 'PaymentReceived' AND case_id = ANY($1::text[]) GROUP BY 1, 2`,
    [ledger.cases],
  );
  const seen = new Map(rows.map((r) => [`${r.case_id}/${r.reference}`, r.n]));
  const opened = new Set(
    (
      await pool.query<{ case_id: string }>(`SELECT case_id FROM "${schema}".cases WHERE case_id = ANY($1::text[])`, [ledger.cases])
    ).rows.map((r) => r.case_id),
  );
  return {
    missing: [
      ...ledger.cases.filter((c) => !opened.has(c)).map((c) => `case ${c}`),
      ...[...ledger.paid].flatMap(([c, refs]) => refs.filter((r) => !seen.has(`${c}/${r}`)).map((r) => `${c}/${r}`)),
    ],
    twice: rows.filter((r) => r.n > 1).map((r) => `${r.case_id}/${r.reference} ×${r.n}`),
  };
}

/** Cases whose timeline is not exactly 1..lastSeq. */
export async function sequenceGaps(pool: Pool, schema: string): Promise<string[]> {
  const { rows } = await pool.query<{ case_id: string }>(
    `SELECT c.case_id FROM "${schema}".cases c JOIN "${schema}".timeline t USING (case_id)
      GROUP BY c.case_id, c.last_seq HAVING count(*) <> c.last_seq OR max(t.seq) <> c.last_seq OR min(t.seq) <> 1
        OR count(DISTINCT t.seq) <> count(*)`,
  );
  return rows.map((r) => r.case_id);
}

/** A rebuild from the topic into a fresh schema, compared with the live read model (apps/projector rebuild --compare). */
export function rebuildCompare(stack: Stack, schema: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'apps/projector/dist/rebuild.js'), '--compare', schema], { env: stack.env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}
