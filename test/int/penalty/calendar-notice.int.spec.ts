import { shanghaiDate } from '@qts/domain';
import { NOTICE_2027 } from '../../support/calendar-fixtures';
import { Stack, waitUntil } from '../../support/stack';

interface CaseBody {
  timeline: { type: string; actor: { id: string } }[];
  deadlines: { kind: string; due: string; provisional: boolean }[];
}

let stack: Stack;
beforeAll(async () => {
  stack = await Stack.start();
});
afterAll(() => stack?.stop());

describe('loading the State Council notice reaches running cases', () => {
  it('a case whose decision limit ends in the provisional year records the recomputed deadline, shown firm in the read model', async () => {
    const today = shanghaiDate(Date.now());
    const lead = await stack.request<{ caseId: string }>('POST', '/api/penalty-cases', {
      type: 'RegisterLead',
      section: 'enforcement',
      title: '涉嫌生产不合格产品',
      party: { kind: 'organisation', name: '某厂' },
      discoveredOn: today,
      leadSource: 'inspection',
      summary: '抽检不合格',
    });
    const caseId = lead.body.caseId;
    const filed = await stack.request(
      'POST',
      `/api/penalty-cases/${caseId}/commands`,
      { type: 'DecideFiling', decision: 'file', decidedOn: today, reason: '立案', handlerIds: ['officer-li', 'officer-zhao'] },
      'head-wang',
    );
    expect(filed.status).toBe(200);
    const before = await waitUntil('the filed case in the read model', async () => {
      const c = await stack.request<CaseBody>('GET', `/api/cases/${caseId}`);
      return c.body.deadlines?.find((d) => d.kind === 'decision');
    });
    // meaningful while a case filed today has its 90-day limit in 2027 and the built-in calendar stops at 2026
    expect(before.provisional).toBe(true);

    const refused = await stack.request<{ code: string }>('POST', '/api/calendar/notices', NOTICE_2027, 'head-wang');
    expect(refused.status).toBe(403);
    const loaded = await stack.request<{ casesSignalled: number }>('POST', '/api/calendar/notices', NOTICE_2027, 'admin');
    expect(loaded.status).toBe(201);
    expect(loaded.body.casesSignalled).toBeGreaterThanOrEqual(1);

    const after = await waitUntil('the recomputed deadline in the read model', async () => {
      const c = await stack.request<CaseBody>('GET', `/api/cases/${caseId}`);
      return c.body.timeline.some((e) => e.type === 'DeadlinesRecomputed') ? c.body : undefined;
    });
    expect(after.deadlines.find((d) => d.kind === 'decision')).toMatchObject({ provisional: false });
    expect(after.timeline.find((e) => e.type === 'DeadlinesRecomputed')?.actor.id).toBe('system');
  });
});
