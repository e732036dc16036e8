import { shanghaiDate } from '@qts/domain';
import { Stack, waitUntil } from '../../support/stack';

let stack: Stack;

beforeAll(async () => {
  // the operational wait (default 15 s) shortened so the test does not idle; it is a setting, not a legal period
  stack = await Stack.start(['worker', 'projector', 'api'], { API_COMMAND_WAIT_SECONDS: '3' });
});
afterAll(() => stack?.stop());

interface Answer {
  code?: string;
  message?: string;
  details?: { idempotencyKey?: string; retryAfterSeconds?: number };
  events?: { type: string }[];
}

/** With the worker down a command is answered in time (503, Retry-After, the key to resend with), never left hanging. */
describe('a command while no worker runs', () => {
  it('answers 503 within the configured wait, and a resend with the named key after the worker returns applies it once', async () => {
    const today = shanghaiDate(Date.now());
    const opened = await stack.request<{ caseId: string }>('POST', '/api/penalty-cases', {
      type: 'OpenSummaryCase',
      section: 'enforcement',
      title: '工人停机时的缴款',
      party: { kind: 'organisation', name: '某厂' },
      violationDate: today,
      decidedOn: today,
      provisionId: 'product-quality-law-art54',
      penalty: { kind: 'fine', fineFen: 20_000 },
    });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId;
    await waitUntil('the case in the read model', async () =>
      (await stack.request<{ lastSeq: number }>('GET', `/api/cases/${caseId}`)).body.lastSeq === 3 ? true : undefined,
    );

    await stack.kill('worker');
    const payment = { type: 'RecordPayment', paidOn: today, amountFen: 20_000, reference: `R-DOWN-${caseId}`, channel: 'officer' };
    const token = await stack.tokenOf('officer-li');
    const started = Date.now();
    const res = await fetch(`${stack.baseUrl}/api/penalty-cases/${caseId}/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(payment),
    });
    const waited = Date.now() - started;
    const body = (await res.json()) as Answer;
    expect(res.status).toBe(503);
    expect(body.code).toBe('WORKFLOW_SERVICE_UNAVAILABLE');
    expect(res.headers.get('retry-after')).toBe('2');
    const key = body.details?.idempotencyKey ?? '';
    expect(key).toMatch(/^auto-/);
    expect(body.message).toContain(key);
    // bounded by the configured 3 s (plus the request's own overhead), not the minutes it used to hang
    expect(waited).toBeLessThan(10_000);

    stack.startApp('worker');
    const resent = await waitUntil(
      'the resend to be answered by the returned worker',
      async () => {
        const r = await stack.send<Answer>('POST', `/api/penalty-cases/${caseId}/commands`, payment, {
          authorization: `Bearer ${token}`,
          'idempotency-key': key,
        });
        return r.status === 200 ? r : undefined;
      },
      60_000,
      1000,
    );
    expect(resent.body.events?.map((e) => e.type)).toContain('PaymentReceived');
    const settled = await waitUntil('the payment in the read model', async () => {
      const c = await stack.request<{ lastSeq: number; timeline: { type: string }[] }>('GET', `/api/cases/${caseId}`);
      return c.body.timeline.some((e) => e.type === 'PaymentReceived') ? c.body : undefined;
    });
    // applied once: one PaymentReceived whatever the worker did with the first attempt when it came back
    expect(settled.timeline.filter((e) => e.type === 'PaymentReceived')).toHaveLength(1);
  });
});

interface Health {
  status: string;
  apps: { worker: { status: string; pollers: number } | null; projector: { status: string; members: number; lag: number } | null };
}

/** /health reports each app, not only the services: a dead projector makes the system degraded, with the reason. */
describe('/health reports the apps', () => {
  it('shows the worker polling and the projector in its group, then the projector gone as degraded (still 200)', async () => {
    const healthy = await waitUntil('worker and projector up', async () => {
      const h = await stack.send<Health>('GET', '/health');
      return h.body.apps.worker?.status === 'up' && h.body.apps.projector?.status === 'up' ? h : undefined;
    });
    expect(healthy.status).toBe(200);
    expect(healthy.body.status).toBe('up');
    expect(healthy.body.apps.worker?.pollers).toBeGreaterThanOrEqual(1);
    expect(healthy.body.apps.projector).toMatchObject({ members: 1, lag: 0 });

    await stack.kill('projector');
    const degraded = await waitUntil(
      'the projector to leave its group',
      async () => {
        const h = await stack.send<Health>('GET', '/health');
        return h.body.apps.projector?.status === 'down' ? h : undefined;
      },
      60_000,
      1000,
    );
    expect(degraded.status).toBe(200);
    expect(degraded.body.status).toBe('degraded');
    expect(degraded.body.apps.projector?.members).toBe(0);
  });
});
