import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { PROCESSES, stageLimitsOn } from '@qts/domain';
import {
  deskCounts,
  deskOverview,
  dropReadModel,
  listCases,
  listStalledCases,
  migrateReadModel,
  tablesOf,
  todayInShanghai,
} from '@qts/read-model';
import { latencyOf, type Latency } from './stats';

export interface QueryRun {
  cases: number;
  loadSeconds: number;
  caseList: Latency;
  stalledList: Latency;
  deskCounts: Latency;
  /** GET /api/desk/stalled's query: deadline passed, stage held past its policy row, damaged; worst first */
  deskStalled: Latency;
  /** GET /api/desk/counts' queries: open cases by process, stage, section and age; the weekly series */
  deskOverview: Latency;
}

/**
 * Generated rows, not cases pushed through Temporal: 85 % closed; the open ones spread over four sections and five
 * stages, each with one open deadline due between 10 days ago and 200 days ahead (≈ 5 % of open cases overdue).
 */
async function generate(pool: Pool, schema: string, from: number, to: number): Promise<void> {
  const t = tablesOf(schema);
  await pool.query(
    `INSERT INTO ${t.cases} (case_id, case_type, bureau_id, section, stage, procedure, title, party_name, closed, state, last_seq, opened_at, updated_at, next_due, stage_since)
     SELECT 'bench-' || g, 'penalty', 'district-bench',
       (ARRAY['enforcement','quality','office','metrology'])[1 + g % 4],
       CASE WHEN g % 100 < 85 THEN 'closed' ELSE (ARRAY['opened','decided','notified','awaiting-payment','enforcement'])[1 + (g / 100) % 5] END,
       'summary', '基准测试 ' || g, '当事人 ' || (g % 9973), g % 100 < 85,
       jsonb_build_object('stage', 'generated', 'fineFen', 10000 + g % 1000, 'n', g),
       1 + g % 7, now() - make_interval(mins => g % 500000), now() - make_interval(secs => g % 900000),
       CASE WHEN g % 100 >= 85 THEN $3::date - 10 + (g % 211) END, now() - make_interval(secs => g % 900000)
     FROM generate_series($1::int, $2::int) AS g`,
    [from, to, todayInShanghai()],
  );
  await pool.query(
    `INSERT INTO ${t.openDeadlines} (case_id, kind, due, label_zh, label_en, legal_source, provisional)
     SELECT case_id, 'payment', next_due, '缴纳罚款期限', 'payment period', '《行政处罚法》第六十七条', false
     FROM ${t.cases} WHERE next_due IS NOT NULL AND case_id IN (SELECT 'bench-' || g FROM generate_series($1::int, $2::int) AS g)`,
    [from, to],
  );
  await pool.query(`VACUUM ANALYZE ${t.cases}`);
  await pool.query(`VACUUM ANALYZE ${t.openDeadlines}`);
}

async function timed(times: number, query: () => Promise<unknown>): Promise<Latency> {
  for (let i = 0; i < 3; i += 1) await query();
  const ms: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const t0 = performance.now();
    await query();
    ms.push(performance.now() - t0);
  }
  return latencyOf(ms);
}

/** The read model's lists at each size, in a throw-away schema (dropped afterwards). */
export async function readModelQueries(pool: Pool, sizes: readonly number[], repeats: number): Promise<QueryRun[]> {
  const schema = `rm_bench_${randomBytes(4).toString('hex')}`;
  const client = await pool.connect();
  try {
    await migrateReadModel(client, schema);
  } finally {
    client.release();
  }
  const runs: QueryRun[] = [];
  const today = todayInShanghai();
  const limits = stageLimitsOn(today, (caseType) => PROCESSES.find((p) => p.caseType === caseType)?.stages.all ?? []).map((l) => ({
    caseType: l.caseType,
    stage: l.stage,
    days: l.expectation.days,
  }));
  try {
    let loaded = 0;
    for (const size of [...sizes].sort((a, b) => a - b)) {
      const t0 = performance.now();
      if (size > loaded) await generate(pool, schema, loaded + 1, size);
      loaded = size;
      const loadSeconds = (performance.now() - t0) / 1000;
      runs.push({
        cases: size,
        loadSeconds,
        caseList: await timed(repeats, () => listCases(pool, schema, {})),
        stalledList: await timed(repeats, () => listCases(pool, schema, { overdue: true })),
        deskCounts: await timed(repeats, () => deskCounts(pool, schema)),
        deskStalled: await timed(repeats, () => listStalledCases(pool, schema, { limit: 50 }, limits, today)),
        deskOverview: await timed(repeats, () => deskOverview(pool, schema, today)),
      });
    }
  } finally {
    await dropReadModel(pool, schema);
  }
  return runs;
}
