import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addDays, shanghaiDate } from '@qts/domain';
import { Stack, waitUntil } from '../../support/stack';
import { EQUIPMENT } from '../../support/directive-fixtures';
import { verifyDelivery } from '../../../apps/api/src/notices/webhook-signature';

const SECRET = 'test-webhook-secret-0123456789';

interface Received {
  path: string;
  noticeId: string;
  body: string;
  signatureOk: boolean;
}

/** A receiver: /ok answers 200, /flaky 500 twice per notice then 200, /down always 503. */
function receiver(): Promise<{ server: Server; port: number; received: Received[] }> {
  const received: Received[] = [];
  const seen = new Map<string, number>();
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const noticeId = String(req.headers['x-qts-notice-id'] ?? '');
      const signatureOk = verifyDelivery(SECRET, String(req.headers['x-qts-timestamp']), body, String(req.headers['x-qts-signature']));
      const path = req.url ?? '';
      const tries = (seen.get(`${path}|${noticeId}`) ?? 0) + 1;
      seen.set(`${path}|${noticeId}`, tries);
      const status = path === '/ok' ? 200 : path === '/flaky' ? (tries <= 2 ? 500 : 200) : 503;
      if (status === 200) received.push({ path, noticeId, body, signatureOk });
      res.writeHead(status).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port, received })),
  );
}

let stack: Stack;
let hooks: Awaited<ReturnType<typeof receiver>>;

beforeAll(async () => {
  hooks = await receiver();
  const base = `http://127.0.0.1:${hooks.port}`;
  stack = await Stack.start(['worker', 'projector', 'api'], {
    NOTICE_WEBHOOKS: `${base}/ok,${base}/flaky,${base}/down`,
    NOTICE_WEBHOOK_SECRET: SECRET,
    NOTICE_WEBHOOK_MAX_ATTEMPTS: '3',
    NOTICE_WEBHOOK_FIRST_RETRY_MS: '300',
  });
});
afterAll(async () => {
  await stack?.stop();
  await new Promise((r) => hooks?.server.close(r));
});

type Deliveries = {
  counts: { pending: number; delivered: number; failed: number };
  items: { eventId: string; webhook: string; status: string; attempts: number; lastError: string | null }[];
};

describe('notices delivered to signed webhooks', () => {
  it('posts each notice once per webhook, signed, retries a failing one with back-off, and shows the one that never answers', async () => {
    // an emergency order whose written directive is 20 days overdue: the clock raises the chief's and the head's notices
    const orderedOn = addDays(shanghaiDate(Date.now()), -20);
    const order = await stack.request<{ caseId: string }>(
      'POST',
      '/api/directives',
      {
        type: 'RecordEmergencyOrder',
        orderedOn,
        orderedAt: `${orderedOn}T11:00:00+08:00`,
        place: '锅炉房',
        measures: '立即停炉',
        equipment: { ...EQUIPMENT, type: 'boiler' },
        section: 'special_equipment',
        inspectorIds: ['officer-hu', 'officer-zhu'],
        findings: '安全阀失效',
        severity: 'serious_hazard',
        unitSignature: { signed: true, signedBy: '李主任' },
      },
      'officer-hu',
    );
    expect(order.status).toBe(201);
    const caseId = order.body.caseId;

    const failed = await waitUntil(
      'every notice delivered to /ok and /flaky and failed at /down',
      async () => {
        const res = await stack.request<Deliveries>('GET', `/api/notices/deliveries?caseId=${caseId}&limit=500`, undefined, 'admin');
        const items = res.body.items;
        const byHook = (suffix: string) => items.filter((i) => i.webhook.endsWith(suffix));
        const notices = byHook('/ok').length;
        return notices >= 2 &&
          byHook('/ok').every((i) => i.status === 'delivered') &&
          byHook('/flaky').length === notices &&
          byHook('/flaky').every((i) => i.status === 'delivered') &&
          byHook('/down').length === notices &&
          byHook('/down').every((i) => i.status === 'failed')
          ? items
          : undefined;
      },
      60_000,
    );
    const ids = [...new Set(failed.map((i) => i.eventId))];
    // /ok: each notice once, signed, naming the case, its title and what to do
    const ok = hooks.received.filter((r) => r.path === '/ok' && ids.includes(r.noticeId));
    expect(ok.map((r) => r.noticeId).sort()).toEqual([...ids].sort());
    expect(ok.every((r) => r.signatureOk)).toBe(true);
    const first = JSON.parse(ok[0]?.body ?? '{}') as Record<string, unknown>;
    expect(first).toMatchObject({ version: 1, caseId, caseType: 'directive', message: expect.any(String) as string });
    expect(String(first['title'])).toContain(EQUIPMENT.registrationCode);
    // /flaky: delivered on the third attempt; /down: given up after three, the error visible
    for (const d of failed.filter((i) => i.webhook.endsWith('/flaky'))) expect(d.attempts).toBe(3);
    for (const d of failed.filter((i) => i.webhook.endsWith('/down'))) expect(d).toMatchObject({ attempts: 3, lastError: 'HTTP 503' });

    // a restarted API (the notices topic read again from its committed position) sends nothing twice
    await stack.kill('api');
    stack.startApp('api');
    await waitUntil('the API back', async () => ((await fetch(`${stack.baseUrl}/health`)).ok ? true : undefined), 90_000);
    await new Promise((r) => setTimeout(r, 3000));
    const okAfter = hooks.received.filter((r) => r.path === '/ok' && ids.includes(r.noticeId));
    expect(okAfter).toHaveLength(ids.length);

    // only those who look after delivery see it; a bad filter is named
    expect((await stack.request('GET', '/api/notices/deliveries', undefined, 'officer-hu')).status).toBe(403);
    const bad = await stack.request<{ message: string }>('GET', '/api/notices/deliveries?status=lost', undefined, 'admin');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('status');
  });
});
