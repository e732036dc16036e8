import { Pool } from 'pg';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '@qts/config';
import { PENALTY_CASE_TYPE, shanghaiDate } from '@qts/domain';
import { Stack, waitUntil } from '../../support/stack';

interface Missing {
  caseId: string;
  seenIn: 'kafka' | 'temporal';
  wholeCase: boolean;
  missingSeqs: number[];
}
interface Verify {
  ok: boolean;
  eventLog: { ok: boolean; missing: Missing[]; casesInLog: number; eventsInLog: number; pendingEvents: number };
}

const auditor = 'auditor-zhou';
let stack: Stack;
let pool: Pool;
let schema: string;

beforeAll(async () => {
  // a workflow counts as "should have published" one second after its start (the default is two minutes)
  stack = await Stack.start(['worker', 'projector', 'api'], { AUDIT_LOG_GRACE_SECONDS: '1' });
  const config = loadConfig(stack.env);
  pool = new Pool({ connectionString: config.database.url, max: 2 });
  schema = config.database.readModelSchema;
});
afterAll(async () => {
  await pool?.end();
  await stack?.stop();
});

async function openSummaryCase(title: string): Promise<string> {
  const today = shanghaiDate(Date.now());
  const opened = await stack.request<{ caseId: string }>(
    'POST',
    '/api/penalty-cases',
    {
      type: 'OpenSummaryCase',
      section: 'metrology',
      title,
      party: { kind: 'citizen', name: '李四' },
      violationDate: today,
      decidedOn: today,
      provisionId: 'product-quality-law-art54',
      penalty: { kind: 'fine', fineFen: 15_000 },
    },
    'officer-guo',
  );
  expect(opened.status).toBe(201);
  const caseId = opened.body.caseId;
  await waitUntil('the case to be projected', async () => {
    const res = await stack.request<{ lastSeq: number }>('GET', `/api/cases/${caseId}`, undefined, 'head-wang');
    return res.status === 200 && res.body.lastSeq === 3 ? true : undefined;
  });
  return caseId;
}

const verify = async (caseId?: string) =>
  (await stack.request<Verify>('GET', `/api/audit/verify${caseId ? `?caseId=${caseId}` : ''}`, undefined, auditor)).body;

/**
 * Audit verification compares the read model with the event log: an event Kafka has and the read model lost, a case
 * the read model lost, and a case Temporal runs whose events never reached Kafka are each named.
 */
describe('audit verify against the event log (Kafka and Temporal)', () => {
  it('passes on a consistent store, and names lost events, a lost case and a case that never reached Kafka', async () => {
    const kept = await openSummaryCase('一致的案件');
    const clean = await verify();
    expect(clean.eventLog).toMatchObject({ ok: true, missing: [] });
    expect(clean.eventLog.casesInLog).toBeGreaterThanOrEqual(1);
    expect(clean.eventLog.eventsInLog).toBeGreaterThanOrEqual(3);

    // a lost write: the read model no longer holds event 3 of this case, and nothing records it as damaged
    const lostEvent = await openSummaryCase('丢失事件的案件');
    await pool.query(`DELETE FROM "${schema}".timeline WHERE case_id = $1 AND seq = 3`, [lostEvent]);
    // a lost case: gone from the read model altogether
    const lostCase = await openSummaryCase('丢失的案件');
    await pool.query(`DELETE FROM "${schema}".cases WHERE case_id = $1`, [lostCase]);

    // a case Temporal runs whose events never reached Kafka: started while no worker polls, so nothing is published
    await stack.kill('worker');
    const config = loadConfig(stack.env);
    const connection = await Connection.connect({ address: config.temporal.address });
    const client = new Client({ connection, namespace: config.temporal.namespace });
    const silent = `PEN-SILENT-${stack.id}`;
    const handle = await client.workflow.start('penaltyCaseWorkflow', {
      workflowId: silent,
      taskQueue: config.temporal.taskQueue,
      args: [{ caseId: silent }],
      searchAttributes: { BureauId: [config.bureauId], CaseType: [PENALTY_CASE_TYPE], Section: ['metrology'] },
    });
    try {
      const report = await waitUntil(
        'the silent workflow to be visible and past the grace period',
        async () => {
          const r = await verify();
          return r.eventLog.missing.some((m) => m.caseId === silent) ? r : undefined;
        },
        30_000,
        1000,
      );
      expect(report.ok).toBe(false);
      expect(report.eventLog.ok).toBe(false);
      const named = new Map(report.eventLog.missing.map((m) => [m.caseId, m]));
      expect(named.get(lostEvent)).toEqual(expect.objectContaining({ seenIn: 'kafka', wholeCase: false, missingSeqs: [3] }));
      expect(named.get(lostCase)).toEqual(expect.objectContaining({ seenIn: 'kafka', wholeCase: true, missingSeqs: [1, 2, 3] }));
      expect(named.get(silent)).toEqual(expect.objectContaining({ seenIn: 'temporal', wholeCase: true, missingSeqs: [] }));
      expect(named.has(kept)).toBe(false);

      // one case at a time too
      const one = await verify(lostEvent);
      expect(one.ok).toBe(false);
      expect(one.eventLog.missing).toEqual([expect.objectContaining({ caseId: lostEvent, missingSeqs: [3] })]);
      expect((await verify(kept)).eventLog).toMatchObject({ ok: true, missing: [] });
    } finally {
      await handle.terminate('test over').catch(() => undefined);
      await connection.close();
    }
  });
});
