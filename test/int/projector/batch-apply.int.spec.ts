import { Pool, type PoolClient } from 'pg';
import { loadConfig } from '@qts/config';
import {
  PENALTY_CASE_TYPE,
  PENALTY_EVENT_SCHEMA_VERSION,
  caseProjections,
  eventIdOf,
  type CaseProjection,
  type EventEnvelope,
  type PenaltyEvent,
} from '@qts/domain';
import {
  applyEnvelope,
  applyEnvelopes,
  compareReadModels,
  dropReadModel,
  getCase,
  jsonbRoundTrip,
  loadPosition,
  migrateReadModel,
} from '@qts/read-model';
import { noticeServed } from '../../support/penalty-fixtures';
import { COUNTER_CASE_TYPE, counterProjection } from './support/counter-projection';
import { counterEvent, counterHistory } from './support/counter-events';
import { newTestRun } from './support/run-ids';

function penaltyHistory(caseId: string, events: PenaltyEvent[]): EventEnvelope[] {
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
    payload: JSON.parse(JSON.stringify(e.payload)) as Record<string, unknown>,
  }));
}

/** Breaks its promise: says it never changes the state it is given, then counts in place. */
const MUTATING_CASE_TYPE = 'test-mutating';
const mutatingProjection: CaseProjection<{ ticks: number }> = {
  caseType: MUTATING_CASE_TYPE,
  readonlyState: true,
  initialState: () => ({ ticks: 0 }),
  evolve: (state) => {
    state.ticks += 1;
    return state;
  },
  view: (state) => ({
    caseType: MUTATING_CASE_TYPE,
    bureauId: '',
    section: 'quality',
    stage: `t${state.ticks}`,
    procedure: null,
    title: 'mutating',
    partyName: 'p',
    closed: false,
    deadlines: [],
  }),
};

/** Histories of several cases interleaved as they would be on one partition, with a few events delivered twice. */
function stream(): EventEnvelope[] {
  const histories = [
    counterHistory('BA-1', 60),
    counterHistory('BA-2', 45),
    [...counterHistory('BA-3', 30), counterEvent('BA-3', 31, 'CounterClosed', {})],
    penaltyHistory('BA-P1', noticeServed()),
    penaltyHistory('BA-P2', noticeServed()),
  ];
  const out: EventEnvelope[] = [];
  for (let i = 0; histories.some((h) => i < h.length); i++) {
    for (const h of histories) {
      const e = h[i];
      if (e) out.push(e);
      // redelivered (at least once): a duplicate inside a batch and across batches
      if (e && i % 13 === 5) out.push(e);
    }
  }
  return out;
}

describe('applying a batch in one transaction gives the rows of applying its events one at a time', () => {
  const run = newTestRun('batch');
  const oneByOne = run.schema;
  const batched = [`${run.schema}_b7`, `${run.schema}_b500`];
  const pool = new Pool({ connectionString: loadConfig(process.env).database.url, max: 2 });
  let client: PoolClient;
  const events = stream();
  const pos = (n: number) => ({ topic: 't', partition: 0, nextOffset: String(n) });

  beforeAll(async () => {
    caseProjections[COUNTER_CASE_TYPE] ??= counterProjection;
    caseProjections[MUTATING_CASE_TYPE] ??= mutatingProjection as CaseProjection;
    client = await pool.connect();
    for (const schema of [oneByOne, ...batched]) await migrateReadModel(client, schema);
    for (const [i, e] of events.entries()) await applyEnvelope(client, oneByOne, e, pos(i + 1));
  });

  afterAll(async () => {
    client.release();
    for (const schema of [oneByOne, ...batched]) await dropReadModel(pool, schema);
    await pool.end();
  });

  it.each([
    [7, 0],
    [500, 1],
  ])('batches of %i events: the same cases, timeline, deadlines, notices and position', async (size, which) => {
    const schema = batched[which]!;
    const outcomes: string[] = [];
    for (let start = 0; start < events.length; start += size) {
      const batch = events.slice(start, start + size);
      outcomes.push(...(await applyEnvelopes(client, schema, batch, pos(start + batch.length))));
    }
    // the penalty cases carry their state without JSON text (readonlyState), the counter cases through it
    expect([caseProjections[PENALTY_CASE_TYPE]?.readonlyState, counterProjection.readonlyState]).toEqual([true, undefined]);
    expect(outcomes.filter((o) => o === 'duplicate').length).toBeGreaterThan(5);
    expect(outcomes.filter((o) => o === 'applied').length).toBe(60 + 45 + 31 + 2 * noticeServed().length);
    expect(await loadPosition(client, schema, 't', 0)).toBe(String(events.length));
    expect((await getCase(client, schema, 'BA-3'))?.closed).toBe(true);
    expect(await compareReadModels(client, oneByOne, schema)).toEqual({ equal: true, differences: [] });
  });

  it('carries a state from event to event as PostgreSQL gives jsonb back (key order, undefined, dates)', async () => {
    const state = {
      zeta: 1,
      a: { é: true, e: [{ bb: 1, a: undefined, ab: 2 }], '10': 'n', '9': 'm' },
      when: new Date(Date.UTC(2026, 0, 2)),
      gone: undefined,
      中文: '案件',
    };
    const { rows } = await client.query<{ v: unknown }>('SELECT $1::jsonb AS v', [JSON.stringify(state)]);
    const carried = jsonbRoundTrip(state);
    expect(JSON.stringify(carried)).toBe(JSON.stringify(rows[0]!.v));
    expect(Object.keys(carried as object)).toEqual(Object.keys(rows[0]!.v as object));
  });

  it('refuses a whole batch when one of its events is refused, and writes nothing', async () => {
    const schema = batched[0]!;
    const before = await getCase(client, schema, 'BA-1');
    await expect(
      applyEnvelopes(
        client,
        schema,
        [counterEvent('BA-1', 61, 'CounterTicked', {}), counterEvent('BA-1', 63, 'CounterTicked', {})],
        pos(9999),
      ),
    ).rejects.toMatchObject({ code: 'sequence-gap' });
    expect(await getCase(client, schema, 'BA-1')).toEqual(before);
    expect(await loadPosition(client, schema, 't', 0)).toBe(String(events.length));
  });

  it('refuses a batch whose projection changes the frozen state it carries, where one at a time applies it', async () => {
    const history = [1, 2, 3].map((seq) => counterEvent('BA-M', seq, 'Ticked', {})).map((e) => ({ ...e, caseType: MUTATING_CASE_TYPE }));
    await expect(applyEnvelopes(client, batched[1]!, history)).rejects.toMatchObject({ code: 'projection-failed' });
    expect(await getCase(client, batched[1]!, 'BA-M')).toBeUndefined();
    for (const e of history) await applyEnvelope(client, batched[1]!, e);
    expect((await getCase(client, batched[1]!, 'BA-M'))?.stage).toBe('t3');
  });
});
