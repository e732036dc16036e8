import { spawnSync } from 'node:child_process';
import path from 'node:path';
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
        undefined,
        'head-wang',
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

  it('verifies the identity audit log too, and names the altered entry (a certificate back-dated in the log)', async () => {
    type WithLog = Report & { identityLog: { ok: boolean; entriesChecked: number; firstBreak: { seq: number; reason: string } | null } };
    const granted = await stack.request(
      'PUT',
      '/api/users/officer-guo/certificate',
      {
        certificate: { number: '执法证 3201009', validFrom: '2026-01-01', validTo: '2028-12-31' },
      },
      'admin',
    );
    expect(granted.status).toBe(200);
    const before = await stack.request<WithLog>('GET', '/api/audit/verify', undefined, auditor);
    expect(before.body.identityLog.ok).toBe(true);
    const entries = before.body.identityLog.entriesChecked;
    expect(entries).toBeGreaterThan(20);

    const schema = `${loadConfig(stack.env).database.readModelSchema}_identity`;
    await pool.query(
      `UPDATE "${schema}".identity_audit_log SET details = jsonb_set(details, '{certificate,validFrom}', '"2020-01-01"') WHERE seq = $1`,
      [entries],
    );
    const after = await stack.request<WithLog>('GET', '/api/audit/verify', undefined, auditor);
    expect(after.body.ok).toBe(false);
    expect(after.body.identityLog.firstBreak).toMatchObject({ seq: entries, reason: 'hash_mismatch' });

    const cli = spawnSync(process.execPath, [path.resolve(__dirname, '../../../libs/identity/dist/cli.js'), 'verify-log'], {
      env: stack.env,
      encoding: 'utf8',
    });
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain(`entry ${entries}`);
  });
});
