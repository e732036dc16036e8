import { Pool, type PoolClient } from 'pg';
import { loadConfig } from '@qts/config';
import { caseProjections } from '@qts/domain';
import { applyMigrations } from '@qts/migrations';
import {
  MIGRATIONS,
  applyEnvelope,
  applyEnvelopes,
  deskCounts,
  deskOverview,
  dropReadModel,
  overviewFromRows,
  type OverviewRows,
  migrateReadModel,
  tablesOf,
  type DeskCount,
} from '@qts/read-model';
import { COUNTER_CASE_TYPE, counterProjection } from './support/counter-projection';
import { counterEvent, counterHistory } from './support/counter-events';
import { newTestRun } from './support/run-ids';

/** The desk as counted from the cases themselves (the query before the desk-counts migration). */
async function countedFromCases(client: PoolClient, schema: string, today: string): Promise<DeskCount[]> {
  const { rows } = await client.query<{ section: string; stage: string; open: string; overdue: string }>(
    `SELECT section, stage, count(*) AS open, count(*) FILTER (WHERE next_due < $1::date) AS overdue
     FROM ${tablesOf(schema).cases} WHERE NOT closed GROUP BY section, stage ORDER BY section, stage`,
    [today],
  );
  return rows.map((r) => ({ section: r.section, stage: r.stage, open: Number(r.open), overdue: Number(r.overdue) }));
}

/** The desk overview and weekly series as counted from the cases themselves (the queries before migration 8). */
async function overviewFromCases(client: PoolClient, schema: string, today: string): Promise<Awaited<ReturnType<typeof deskOverview>>> {
  const t = tablesOf(schema);
  const cells = await client.query<OverviewRows['cells'][number]>(
    `SELECT case_type, stage, section,
        CASE WHEN age <= 7 THEN '0-7' WHEN age <= 30 THEN '8-30' WHEN age <= 90 THEN '31-90' ELSE '>90' END AS age,
        count(*) AS open, count(*) FILTER (WHERE next_due < $1::date) AS overdue
      FROM (SELECT case_type, stage, section, next_due, $1::date - (opened_at AT TIME ZONE 'Asia/Shanghai')::date AS age
            FROM ${t.cases} WHERE NOT closed) open_cases
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    [today],
  );
  const weekly = await client.query<OverviewRows['weekly'][number]>(
    `SELECT section, to_char(date_trunc('week', opened_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD') AS week,
        count(*) AS opened, count(*) FILTER (WHERE closed) AS closed, count(*) FILTER (WHERE NOT closed AND next_due < $1::date) AS overdue_now
      FROM ${t.cases}
      WHERE opened_at >= ((date_trunc('week', $1::date) - make_interval(weeks => 11))::timestamp AT TIME ZONE 'Asia/Shanghai')
      GROUP BY 1, 2 ORDER BY 2, 1`,
    [today],
  );
  return overviewFromRows({ cells: cells.rows, weekly: weekly.rows });
}

const DAYS = ['2025-03-01', '2025-04-05', '2025-04-12', '2025-04-20', '2025-05-01'];

describe('desk counts and the desk overview kept by triggers equal counting the cases', () => {
  const run = newTestRun('desk');
  const pool = new Pool({ connectionString: loadConfig(process.env).database.url, max: 2 });
  let client: PoolClient;

  const expectSameDesk = async () => {
    for (const today of DAYS) {
      expect(await deskCounts(client, run.schema, today)).toEqual(await countedFromCases(client, run.schema, today));
      expect(await deskOverview(client, run.schema, today)).toEqual(await overviewFromCases(client, run.schema, today));
    }
  };

  beforeAll(async () => {
    caseProjections[COUNTER_CASE_TYPE] ??= counterProjection;
    client = await pool.connect();
    await migrateReadModel(client, run.schema);
  });

  afterAll(async () => {
    client.release();
    await dropReadModel(pool, run.schema);
    await pool.end();
  });

  it('after events one at a time and in batches: opened, deadlines set and met, closed', async () => {
    for (const e of counterHistory('DC-1', 40)) await applyEnvelope(client, run.schema, e);
    await applyEnvelopes(client, run.schema, [...counterHistory('DC-2', 33), ...counterHistory('DC-3', 21)]);
    await applyEnvelopes(client, run.schema, [...counterHistory('DC-4', 12), counterEvent('DC-3', 22, 'CounterClosed', {})]);
    const desk = await deskCounts(client, run.schema, '2025-04-12');
    expect(desk.reduce((n, d) => n + d.open, 0)).toBe(3);
    expect(desk.some((d) => d.overdue > 0)).toBe(true);
    await expectSameDesk();
  });

  it('after writes by hand: a section moved, a deadline changed, a case reopened, a case deleted', async () => {
    await client.query(`UPDATE ${tablesOf(run.schema).cases} SET section = 'metrology' WHERE case_id = 'DC-1'`);
    await client.query(`UPDATE ${tablesOf(run.schema).cases} SET next_due = '2025-04-10' WHERE case_id = 'DC-2'`);
    await client.query(`UPDATE ${tablesOf(run.schema).cases} SET closed = false WHERE case_id = 'DC-3'`);
    await client.query(`DELETE FROM ${tablesOf(run.schema).cases} WHERE case_id = 'DC-4'`);
    await expectSameDesk();
    await client.query(`DELETE FROM ${tablesOf(run.schema).cases}`);
    expect(await deskCounts(client, run.schema, '2025-04-12')).toEqual([]);
  });

  it('the desk-counts migration on a read model that already holds cases starts with their counts', async () => {
    const schema = `${run.schema}_late`;
    const deskCountsVersion = MIGRATIONS.find((m) => m.name.startsWith('desk counts'))?.version ?? 0;
    try {
      const t = tablesOf(schema);
      const before = MIGRATIONS.filter((m) => m.version < deskCountsVersion).map((m) => ({
        version: m.version,
        name: m.name,
        statements: m.statements(t),
      }));
      await applyMigrations(client, { schema, migrations: before });
      await applyEnvelopes(client, schema, [...counterHistory('DC-5', 30), ...counterHistory('DC-6', 10), ...counterHistory('DC-7', 1)]);
      expect(await migrateReadModel(client, schema)).toContain(deskCountsVersion);
      const desk = await deskCounts(client, schema, '2025-04-12');
      expect(desk.reduce((n, d) => n + d.open, 0)).toBe(3);
      for (const today of DAYS) {
        expect(await deskCounts(client, schema, today)).toEqual(await countedFromCases(client, schema, today));
        expect(await deskOverview(client, schema, today)).toEqual(await overviewFromCases(client, schema, today));
      }
    } finally {
      await dropReadModel(pool, schema);
    }
  });
});
