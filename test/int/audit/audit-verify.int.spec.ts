import { Pool } from 'pg';
import { loadConfig } from '@qts/config';
import { shanghaiDate } from '@qts/domain';
import { Stack, waitUntil } from '../../support/stack';

interface Report {
  ok: boolean;
  casesChecked: number;
  eventsChecked: number;
  broken: { caseId: string; seq: number; eventId: string; reason: string; message: string }[];
}

const auditor = 'auditor-zhou';
let stack: Stack;
let pool: Pool;

beforeAll(async () => {
  stack = await Stack.start();
  pool = new Pool({ connectionString: loadConfig(stack.env).database.url, max: 2 });
});
afterAll(async () => {
  await pool?.end();
  await stack?.stop();
});

describe('tamper-evident event store', () => {
  it('verifies the hash chains, and names the first altered event after a stored row is changed', async () => {
    const today = shanghaiDate(Date.now());
    const opened = await stack.request<{ caseId: string }>(
      'POST',
      '/api/penalty-cases',
      {
        type: 'OpenSummaryCase',
        section: 'metrology',
        title: '计量器具未经检定',
        party: { kind: 'citizen', name: '李四' },
        violationDate: today,
        decidedOn: today,
        provisionId: 'product-quality-law-art54',
        penalty: { kind: 'fine', fineFen: 15_000 },
      },
      'officer-guo',
    );
    const caseId = opened.body.caseId;
    await waitUntil('the case to be projected', async () => {
      const res = await stack.request<{ lastSeq: number; timeline: { hash: string | null; prevHash: string | null }[] }>(
        'GET',
        `/api/cases/${caseId}`,
      );
      return res.status === 200 && res.body.lastSeq === 3 ? res.body : undefined;
    });

    const officerTry = await stack.request('GET', '/api/audit/verify');
    expect(officerTry.status).toBe(403);

    const clean = await stack.request<Report>('GET', `/api/audit/verify?caseId=${caseId}`, undefined, auditor);
    expect(clean.body).toMatchObject({ ok: true, casesChecked: 1, eventsChecked: 3, broken: [] });

    const schema = loadConfig(stack.env).database.readModelSchema;
    await pool.query(
      `UPDATE "${schema}".timeline SET payload = jsonb_set(payload, '{penalty,fineFen}', '100') WHERE case_id = $1 AND seq = 2`,
      [caseId],
    );

    const tampered = await stack.request<Report>('GET', '/api/audit/verify', undefined, auditor);
    expect(tampered.body.ok).toBe(false);
    expect(tampered.body.broken).toEqual([expect.objectContaining({ caseId, seq: 2, eventId: `${caseId}:2`, reason: 'hash_mismatch' })]);
  });
});
