import { shanghaiDate } from '@qts/domain';
import { Stack, waitUntil } from '../../support/stack';

interface ErrorBody {
  code: string;
  message: string;
  correlationId: string;
}

let stack: Stack;

beforeAll(async () => {
  stack = await Stack.start();
});
afterAll(async () => {
  await stack?.stop();
});

const today = () => shanghaiDate(Date.now());
const lead = (title: string, extra: Record<string, unknown> = {}) => ({
  type: 'RegisterLead',
  section: 'enforcement',
  title,
  party: { kind: 'organisation', name: '某厂' },
  discoveredOn: today(),
  leadSource: 'inspection',
  summary: '抽检不合格',
  ...extra,
});

/** A character the read model cannot store never reaches a workflow: refused at the door, naming the field. */
describe('text that cannot be stored or printed', () => {
  it('a NUL in a title is refused with 400 naming the field and nothing starts; the clean case opens and is readable', async () => {
    const refused = await stack.request<ErrorBody>('POST', '/api/penalty-cases', lead('涉嫌\u0000不合格'));
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/title/);
    expect(JSON.stringify(refused.body)).toMatch(/U\+0000/);

    const opened = await stack.request<{ caseId: string }>('POST', '/api/penalty-cases', lead('涉嫌不合格'));
    expect(opened.status).toBe(201);
    const read = await waitUntil('the case in the read model', async () => {
      const res = await stack.request<{ caseId: string }>('GET', `/api/cases/${opened.body.caseId}`);
      return res.status === 200 ? res.body : undefined;
    });
    expect(read.caseId).toBe(opened.body.caseId);
  });

  it('a NUL in a later command is refused with 400 naming the field; the case stays where it was', async () => {
    const opened = await stack.request<{ caseId: string }>('POST', '/api/penalty-cases', lead('涉嫌不合格'));
    expect(opened.status).toBe(201);
    const id = opened.body.caseId;
    const refused = await stack.request<ErrorBody>(
      'POST',
      `/api/penalty-cases/${id}/commands`,
      {
        type: 'ExtendFilingPeriod',
        approvedOn: today(),
        reason: '情况复杂\u0000',
      },
      'head-wang',
    );
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/reason/);
    // sent by someone not entitled to it: 403, and the refusal is on record with the NUL as visible text (no 500)
    const forbidden = await stack.request<ErrorBody>('POST', `/api/penalty-cases/${id}/commands`, {
      type: 'ExtendFilingPeriod',
      approvedOn: today(),
      reason: '情况复杂\u0000',
    });
    expect(forbidden.status).toBe(403);
    const log = await stack.request('GET', `/api/audit/refusals?caseId=${id}`, undefined, 'head-wang');
    expect(log.status).toBe(200);
    expect(JSON.stringify(log.body)).toContain('情况复杂\\\\u0000');
    const read = await waitUntil('the case in the read model', async () => {
      const res = await stack.request<{ stage: string; lastSeq: number }>('GET', `/api/cases/${id}`);
      return res.status === 200 ? res.body : undefined;
    });
    expect(read).toMatchObject({ stage: 'lead', lastSeq: 1 });
  });

  it('an unknown property, at the top or nested, is refused with 400 naming it', async () => {
    const top = await stack.request<ErrorBody>('POST', '/api/penalty-cases', lead('涉嫌不合格', { approvedBy: 'me' }));
    expect(top.status).toBe(400);
    expect(JSON.stringify(top.body)).toMatch(/approvedBy/);
    const nested = await stack.request<ErrorBody>(
      'POST',
      '/api/penalty-cases',
      lead('涉嫌不合格', { party: { kind: 'organisation', name: '某厂', nickname: 'x' } }),
    );
    expect(nested.status).toBe(400);
    expect(JSON.stringify(nested.body)).toMatch(/nickname/);
  });

  it('a party name longer than 200 characters is refused with 400', async () => {
    const res = await stack.request<ErrorBody>(
      'POST',
      '/api/penalty-cases',
      lead('涉嫌不合格', { party: { kind: 'organisation', name: '厂'.repeat(201) } }),
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/name/);
  });
});
