import { Pool, type PoolClient } from 'pg';
import { loadConfig } from '@qts/config';
import { PENALTY_CASE_TYPE, caseProjections } from '@qts/domain';
import {
  ProjectionRefusedError,
  applyEnvelope,
  compareReadModels,
  dropReadModel,
  getCase,
  listCases,
  listNotices,
  loadPosition,
  MIGRATIONS,
  migrateReadModel,
} from '@qts/read-model';
import { COUNTER_CASE_TYPE, counterProjection } from './support/counter-projection';
import { counterEvent, noticePayload } from './support/counter-events';
import { newTestRun } from './support/run-ids';

const deadline = (kind: string, due: string) => ({
  kind,
  due,
  labelZh: '期限',
  labelEn: 'deadline',
  legalSource: '法条',
  provisional: false,
});

describe('read model on the real PostgreSQL', () => {
  const run = newTestRun('rm');
  const other = `${run.schema}_b`;
  const pool = new Pool({ connectionString: loadConfig(process.env).database.url, max: 4 });
  let client: PoolClient;

  beforeAll(async () => {
    caseProjections[COUNTER_CASE_TYPE] ??= counterProjection;
    client = await pool.connect();
    expect(await migrateReadModel(client, run.schema)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  afterAll(async () => {
    client.release();
    await dropReadModel(pool, run.schema);
    await dropReadModel(pool, other);
    await pool.end();
  });

  it('migrates idempotently', async () => {
    expect(await migrateReadModel(client, run.schema)).toEqual([]);
  });

  it('applies in order, skips an event applied before and stores the position with it', async () => {
    const pos = (n: number) => ({ topic: 't', partition: 0, nextOffset: String(n) });
    expect(
      await applyEnvelope(
        client,
        run.schema,
        counterEvent('RM-1', 1, 'CounterOpened', { title: 'A', partyName: 'P', section: 'metrology' }),
        pos(1),
      ),
    ).toBe('applied');
    expect(
      await applyEnvelope(client, run.schema, counterEvent('RM-1', 2, 'DeadlineSet', deadline('decision', '2025-04-10')), pos(2)),
    ).toBe('applied');
    expect(
      await applyEnvelope(client, run.schema, counterEvent('RM-1', 2, 'DeadlineSet', deadline('decision', '2025-04-10')), pos(3)),
    ).toBe('duplicate');
    expect(await loadPosition(client, run.schema, 't', 0)).toBe('3');
    // an older position never moves it back
    await applyEnvelope(client, run.schema, counterEvent('RM-1', 1, 'CounterOpened', {}), pos(1));
    expect(await loadPosition(client, run.schema, 't', 0)).toBe('3');
    expect((await getCase(client, run.schema, 'RM-1'))?.lastSeq).toBe(2);
  });

  it('refuses a gap, a case type that changed and data PostgreSQL cannot store, and changes nothing', async () => {
    await expect(applyEnvelope(client, run.schema, counterEvent('RM-1', 4, 'CounterTicked', {}))).rejects.toMatchObject({
      code: 'sequence-gap',
    });
    await expect(
      applyEnvelope(client, run.schema, { ...counterEvent('RM-1', 3, 'CounterTicked', {}), caseType: PENALTY_CASE_TYPE }),
    ).rejects.toBeInstanceOf(ProjectionRefusedError);
    await expect(
      applyEnvelope(client, run.schema, counterEvent('RM-1', 3, 'CounterTicked', { note: 'nul \u0000 char' })),
    ).rejects.toMatchObject({
      code: 'unstorable',
    });
    await expect(applyEnvelope(client, run.schema, { ...counterEvent('RM-9', 1, 'X', {}), caseType: 'nobody' })).rejects.toMatchObject({
      code: 'unknown-case-type',
    });
    expect((await getCase(client, run.schema, 'RM-1'))?.lastSeq).toBe(2);
  });

  it('replaces open deadlines, records notices and answers the API queries', async () => {
    await applyEnvelope(client, run.schema, counterEvent('RM-1', 3, 'DeadlineSet', deadline('payment', '2025-05-20')));
    await applyEnvelope(client, run.schema, counterEvent('RM-1', 4, 'DeadlineMet', { kind: 'decision' }));
    await applyEnvelope(
      client,
      run.schema,
      counterEvent('RM-1', 5, 'EscalationNoticeRaised', { ...noticePayload('payment', '2025-05-20') }),
    );
    await applyEnvelope(client, run.schema, counterEvent('RM-2', 1, 'CounterOpened', { title: 'B', partyName: 'Q', section: 'quality' }));

    const detail = await getCase(client, run.schema, 'RM-1', { today: '2025-05-21' });
    expect(detail).toMatchObject({ lastSeq: 5, section: 'metrology', nextDue: '2025-05-20', overdue: true });
    expect(detail!.deadlines).toEqual([{ ...deadline('payment', '2025-05-20'), overdue: true }]);
    expect(detail!.notices).toEqual([
      expect.objectContaining({
        eventId: 'RM-1:5',
        deadlineKind: 'payment',
        due: '2025-05-20',
        raisedAt: counterEvent('RM-1', 5, 'x', {}).occurredAt,
      }),
    ]);
    expect(await getCase(client, run.schema, 'nope')).toBeUndefined();

    expect((await listCases(client, run.schema, { overdue: true, today: '2025-05-21' })).items.map((c) => c.caseId)).toEqual(['RM-1']);
    expect((await listCases(client, run.schema, { overdue: true, today: '2025-05-20' })).items).toEqual([]);
    expect((await listCases(client, run.schema, { overdue: false, today: '2025-05-21' })).items.map((c) => c.caseId)).toEqual(['RM-2']);
    expect((await listCases(client, run.schema, { section: 'quality' })).items.map((c) => c.caseId)).toEqual(['RM-2']);
    expect(await listCases(client, run.schema, { limit: 1, offset: 5 })).toMatchObject({ items: [], total: 2 });
    expect((await listNotices(client, run.schema, { caseId: 'RM-1' })).total).toBe(1);
    expect((await listNotices(client, run.schema, { recipientRole: 'bureau_head' })).total).toBe(0);
  });

  it('compares two read models row by row', async () => {
    await migrateReadModel(client, other);
    const first = await compareReadModels(client, run.schema, other);
    expect(first.equal).toBe(false);
    expect(first.differences.find((d) => d.table === 'cases')).toMatchObject({ rowsA: 2, rowsB: 0, onlyInACount: 2 });
    await client.query(`INSERT INTO "${other}".cases SELECT * FROM "${run.schema}".cases`);
    for (const table of ['timeline', 'open_deadlines', 'notices', 'projector_offsets'])
      await client.query(`INSERT INTO "${other}".${table} SELECT * FROM "${run.schema}".${table}`);
    expect(await compareReadModels(client, run.schema, other)).toEqual({ equal: true, differences: [] });
  });
});
