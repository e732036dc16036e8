import { addDays } from '@qts/domain';
import { Stack, waitUntil } from '../../support/stack';

interface CaseBody {
  stage: string;
  timeline: { type: string }[];
  amountDue: {
    totalDueFen: number;
    lateFeeFen: number;
    daysLate: number;
    accrualDays: number;
    lateFeeCapped: boolean;
    schedule: { dueOn: string }[];
    rule: { paymentDayCounts: boolean; sources: { days: string; baseAndCap: string; rounding: string } };
  } | null;
}

let stack: Stack;

beforeAll(async () => {
  stack = await Stack.start();
});
afterAll(async () => {
  await stack?.stop();
});

const summary = (decidedOn: string, violationDate: string, fineFen: number) => ({
  type: 'OpenSummaryCase',
  section: 'enforcement',
  title: '产品标识不符合规定',
  party: { kind: 'organisation', name: '某食品包装厂' },
  violationDate,
  decidedOn,
  provisionId: 'product-quality-law-art54',
  penalty: { kind: 'fine', fineFen },
});

describe('penalty case legal corrections over HTTP → Temporal → Kafka → PostgreSQL (issue 10)', () => {
  it('refuses a time-barred violation with 422 naming 行政处罚法 第三十六条', async () => {
    const res = await stack.request<{ code: string; message: string }>(
      'POST',
      '/api/penalty-cases',
      summary('2026-11-20', '2024-01-05', 10_000),
    );
    expect([res.status, res.body.code]).toEqual([422, 'TIME_BARRED']);
    expect(res.body.message).toContain('第三十六条');
  });

  it('records a summary case decided on 2021-07-14 under the 1996 thresholds; it reaches enforcement and shows its late-fee rule', async () => {
    const above = await stack.request<{ code: string; message: string }>(
      'POST',
      '/api/penalty-cases',
      summary('2021-07-14', '2021-07-14', 100_001),
    );
    expect([above.status, above.body.code]).toEqual([422, 'SUMMARY_THRESHOLD_EXCEEDED']);
    expect(above.body.message).toContain('第三十三条');

    const opened = await stack.request<{ caseId: string }>('POST', '/api/penalty-cases', summary('2021-07-14', '2021-07-14', 100_000));
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId;
    // the appeal periods lapsed years ago: the clock opens enforcement at once
    const c = await waitUntil(`case ${caseId} in enforcement`, async () => {
      const res = await stack.request<CaseBody>('GET', `/api/cases/${caseId}`);
      return res.status === 200 && res.body.stage === 'enforcement' ? res.body : undefined;
    });
    expect(c.timeline.map((e) => e.type)).toContain('EnforcementOpened');

    const dueOn = c.amountDue?.schedule[0]?.dueOn ?? '';
    const tenDays = await stack.request<CaseBody>('GET', `/api/cases/${caseId}?asOf=${addDays(dueOn, 10)}`);
    expect(tenDays.body.amountDue).toMatchObject({ daysLate: 10, accrualDays: 10, lateFeeFen: 30_000, totalDueFen: 130_000 });
    expect(tenDays.body.amountDue?.rule.paymentDayCounts).toBe(true);
    expect(tenDays.body.amountDue?.rule.sources.days).toContain('第七十五条');
    const capped = await stack.request<CaseBody>('GET', `/api/cases/${caseId}?asOf=${addDays(dueOn, 40)}`);
    expect(capped.body.amountDue).toMatchObject({ daysLate: 40, accrualDays: 34, lateFeeCapped: true, lateFeeFen: 100_000 });
  });
});
