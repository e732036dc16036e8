import { Pool, type PoolClient } from 'pg';
import { loadConfig } from '@qts/config';
import {
  PENALTY_CASE_TYPE,
  PENALTY_EVENT_SCHEMA_VERSION,
  caseProjections,
  eventIdOf,
  type EventEnvelope,
  type PenaltyEvent,
} from '@qts/domain';
import { applyEnvelope, dropReadModel, getCase, listCases, migrateReadModel } from '@qts/read-model';
import { noticeServed } from '../../support/penalty-fixtures';
import { newTestRun } from './support/run-ids';

function envelopes(caseId: string, events: PenaltyEvent[]): EventEnvelope[] {
  return events.map((e, i) => ({
    eventId: eventIdOf(caseId, i + 1),
    caseId,
    caseType: PENALTY_CASE_TYPE,
    bureauId: 'district-demo',
    seq: i + 1,
    type: e.type,
    schemaVersion: PENALTY_EVENT_SCHEMA_VERSION,
    occurredAt: new Date(Date.UTC(2026, 2, 2) + i * 3_600_000).toISOString(),
    actor: { id: 'officer-li', role: 'officer' },
    // through JSON, as it travels on Kafka
    payload: JSON.parse(JSON.stringify(e.payload)) as Record<string, unknown>,
  }));
}

describe('read model of the registered penalty process', () => {
  const run = newTestRun('penalty');
  const pool = new Pool({ connectionString: loadConfig(process.env).database.url, max: 2 });
  let client: PoolClient;

  beforeAll(async () => {
    client = await pool.connect();
    await migrateReadModel(client, run.schema);
  });

  afterAll(async () => {
    client.release();
    await dropReadModel(pool, run.schema);
    await pool.end();
  });

  it('projects a penalty case through caseProjections.penalty: stage, deadlines with legal sources, timeline', async () => {
    expect(caseProjections[PENALTY_CASE_TYPE]).toBeDefined();
    const history = envelopes('PEN-RM-1', noticeServed());
    for (const e of history) expect(await applyEnvelope(client, run.schema, e)).toBe('applied');

    const detail = await getCase(client, run.schema, 'PEN-RM-1', { today: '2026-04-14' });
    const projection = caseProjections[PENALTY_CASE_TYPE]!;
    const view = projection.view(history.reduce((s, e) => projection.evolve(s, e), projection.initialState()));
    expect(detail).toMatchObject({
      caseType: PENALTY_CASE_TYPE,
      bureauId: 'district-demo',
      section: view.section,
      stage: view.stage,
      lastSeq: history.length,
    });
    expect(detail!.timeline.map((t) => t.type)).toEqual(history.map((e) => e.type));
    expect(detail!.deadlines.map(({ overdue: _overdue, ...d }) => d)).toEqual(view.deadlines);
    expect(detail!.deadlines.length).toBeGreaterThan(0);
    expect(detail!.deadlines.every((d) => d.legalSource.length > 0)).toBe(true);
    expect((await listCases(client, run.schema, { caseType: PENALTY_CASE_TYPE, stage: view.stage })).total).toBe(1);
  });
});
