import { Pool, type PoolClient } from 'pg';
import { loadConfig } from '@qts/config';
import { PROCESSES, addDays, caseProjections, stageLimitsOn } from '@qts/domain';
import {
  applyEnvelope,
  deskOverview,
  listDeskCases,
  dropReadModel,
  listStalledCases,
  migrateReadModel,
  recordUnprojected,
  tablesOf,
  todayInShanghai,
} from '@qts/read-model';
import { COUNTER_CASE_TYPE, counterProjection } from '../projector/support/counter-projection';
import { counterEvent } from '../projector/support/counter-events';
import { newTestRun } from '../projector/support/run-ids';

const today = todayInShanghai();
const limits = stageLimitsOn(today, (t) => PROCESSES.find((p) => p.caseType === t)?.stages.all ?? []).map((l) => ({
  caseType: l.caseType,
  stage: l.stage,
  days: l.expectation.days,
}));
/** noon in Beijing, `n` days before today */
const daysAgo = (n: number) => new Date(`${addDays(today, -n)}T12:00:00+08:00`);

describe('stalled cases and desk counts on the real PostgreSQL', () => {
  const run = newTestRun('stall');
  const pool = new Pool({ connectionString: loadConfig(process.env).database.url, max: 2 });
  let client: PoolClient;

  beforeAll(async () => {
    caseProjections[COUNTER_CASE_TYPE] ??= counterProjection;
    client = await pool.connect();
    await migrateReadModel(client, run.schema);
  });
  afterAll(async () => {
    client?.release();
    await dropReadModel(pool, run.schema);
    await pool.end();
  });

  it('keeps the time a case entered its stage, moving it only when the stage changes', async () => {
    const since = async () =>
      (await client.query<{ s: Date }>(`SELECT stage_since AS s FROM ${tablesOf(run.schema).cases} WHERE case_id = 'ST-1'`)).rows[0]?.s;
    await applyEnvelope(client, run.schema, counterEvent('ST-1', 1, 'CounterOpened', { section: 'quality', title: 't', partyName: 'p' }));
    expect(await since()).toEqual(new Date(counterEvent('ST-1', 1, 'X', {}).occurredAt));
    await applyEnvelope(client, run.schema, counterEvent('ST-1', 2, 'CounterTicked', {}));
    await applyEnvelope(client, run.schema, counterEvent('ST-1', 3, 'CounterTicked', {}));
    expect(await since()).toEqual(new Date(counterEvent('ST-1', 2, 'X', {}).occurredAt));
  });

  it('lists the stalled cases worst first: deadline passed, stage held too long, outside party late, damaged', async () => {
    const t = tablesOf(run.schema);
    const row = (id: string, section: string, stage: string, closed: boolean, stageSince: Date, nextDue: string | null) =>
      client.query(
        `INSERT INTO ${t.cases} (case_id, case_type, bureau_id, section, stage, procedure, title, party_name, closed, state, last_seq,
           opened_at, updated_at, next_due, stage_since)
         VALUES ($1, 'penalty', 'b', $2, $3, null, $1, 'p', $4, '{}', 1, $5, $5, $6, $5)`,
        [id, section, stage, closed, stageSince, nextDue],
      );
    await row('A-held', 'enforcement', 'investigation', false, daysAgo(100), null); // expected 60 days: since today-39
    await row('B-due', 'enforcement', 'lead', false, daysAgo(1), addDays(today, -30)); // since today-29
    await row('C-party', 'enforcement', 'payment', false, daysAgo(45), null); // 当事人 30 days: since today-14
    await row('D-fine', 'enforcement', 'investigation', false, daysAgo(10), addDays(today, 5));
    await row('E-closed', 'enforcement', 'closed', true, daysAgo(300), addDays(today, -200));
    await row('G-other', 'quality', 'lead', false, daysAgo(1), addDays(today, -50));
    await client.query(
      `INSERT INTO ${t.openDeadlines} (case_id, kind, due, label_zh, label_en, legal_source, provisional)
       VALUES ('B-due', 'filing_decision', $1, '立案期限', 'filing', '《市场监督管理行政处罚程序规定》第十八条', false)`,
      [addDays(today, -30)],
    );
    await recordUnprojected(client, run.schema, {
      caseId: 'F-damaged',
      caseType: 'penalty',
      bureauId: 'b',
      seq: 1,
      reason: 'invalid case view',
      at: daysAgo(5),
    });

    const all = await listStalledCases(client, run.schema, { caseType: 'penalty' }, limits, today);
    expect(all.items.map((i) => [i.caseId, i.since])).toEqual([
      ['G-other', addDays(today, -49)],
      ['A-held', addDays(today, -39)],
      ['B-due', addDays(today, -29)],
      ['C-party', addDays(today, -14)],
      ['F-damaged', addDays(today, -5)],
    ]);
    expect(all.total).toBe(5);
    expect(all.items.find((i) => i.caseId === 'B-due')?.deadlines.map((d) => d.kind)).toEqual(['filing_decision']);
    expect(all.items.find((i) => i.caseId === 'F-damaged')?.damaged?.reason).toBe('invalid case view');

    const enforcement = await listStalledCases(client, run.schema, { section: 'enforcement', limit: 2, offset: 1 }, limits, today);
    expect(enforcement.items.map((i) => i.caseId)).toEqual(['B-due', 'C-party']);
    expect(enforcement.total).toBe(3);
    const visible = await listStalledCases(
      client,
      run.schema,
      { visibleTo: { sections: ['quality'], caseIds: ['C-party'] } },
      limits,
      today,
    );
    expect(visible.items.map((i) => i.caseId)).toEqual(['G-other', 'C-party']);

    const overview = await deskOverview(client, run.schema, today);
    const open = overview.cells.reduce((n, c) => n + c.open, 0);
    expect(open).toBe(6); // A, B, C, D, G and ST-1; not the closed one
    expect(overview.cells.find((c) => c.section === 'quality' && c.stage === 'lead')).toMatchObject({ open: 1, overdue: 1, age: '0-7' });
    expect(overview.cells.find((c) => c.stage === 'investigation' && c.age === '>90')).toMatchObject({ open: 1 });
    expect(overview.weekly.reduce((n, w) => n + w.opened, 0)).toBeGreaterThanOrEqual(4);

    // each figure opens the cases behind it
    const old = await listDeskCases(client, run.schema, { caseType: 'penalty', age: '>90' }, today);
    expect(old.items.map((c) => c.caseId)).toEqual(['A-held']);
    const recent = await listDeskCases(client, run.schema, { caseType: 'penalty', age: '0-7' }, today);
    expect(recent.items.map((c) => c.caseId)).toEqual(['G-other', 'B-due']);
    expect((await listDeskCases(client, run.schema, { age: '8-30' }, today)).items.map((c) => c.caseId)).toEqual(['D-fine']);
    const overdue = await listDeskCases(client, run.schema, { section: 'enforcement', overdue: true }, today);
    expect([overdue.total, overdue.items.map((c) => c.caseId)]).toEqual([1, ['B-due']]);
    expect((await listDeskCases(client, run.schema, { age: '31-90', stage: 'payment' }, today)).items.map((c) => c.caseId)).toEqual([
      'C-party',
    ]);
  });
});
