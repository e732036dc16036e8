import { Stack } from '../../support/stack';

interface ErrorBody {
  code: string;
  message: string;
  correlationId: string;
}
const PASSWORD = 'qts-demo-password';

let stack: Stack;
beforeAll(async () => {
  // addresses come from X-Forwarded-For, as behind the bureau's reverse proxy
  stack = await Stack.start(['api'], {
    API_TRUST_PROXY: 'loopback',
    AUTH_LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
    AUTH_LOGIN_MAX_FAILURES_PER_ADDRESS: '50',
  });
});
afterAll(() => stack?.stop());

const from = (address: string) => ({ 'x-forwarded-for': address });
const login = (userId: string, password: string, address: string, extra: Record<string, unknown> = {}) =>
  stack.send<ErrorBody & { accessToken?: string; refreshToken?: string }>(
    'POST',
    '/api/auth/login',
    { userId, password, ...extra },
    from(address),
  );

describe('headers and sessions as a bank would set them', () => {
  it('pages and API answers carry CSP, nosniff, frame and referrer policies, and no X-Powered-By; API answers are not cached', async () => {
    for (const url of ['/', '/api/auth/login']) {
      const res = await fetch(
        `${stack.baseUrl}${url}`,
        url === '/' ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
      );
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
    const signedIn = await login('officer-li', PASSWORD, '10.1.0.1');
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('cache-control')).toBe('no-store');
  });

  it("a browser's refresh token is only in the HttpOnly cookie; an API client asks for it in the answer and gets no cookie", async () => {
    const browser = await login('officer-li', PASSWORD, '10.1.0.2');
    expect(browser.status).toBe(200);
    expect(browser.body.refreshToken).toBeUndefined();
    expect(browser.headers.get('set-cookie')).toMatch(/qts_refresh=.*HttpOnly.*SameSite=Strict/i);
    const client = await login('officer-li', PASSWORD, '10.1.0.2', { tokenDelivery: 'body' });
    expect(client.body.refreshToken).toEqual(expect.any(String));
    expect(client.headers.get('set-cookie')).toBeNull();
  });

  it('over TLS (a trusted proxy says https) the cookie is Secure', async () => {
    const res = await stack.send('POST', '/api/auth/login', { userId: 'officer-li', password: PASSWORD }, { 'x-forwarded-proto': 'https' });
    expect(res.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });

  it('a guesser cannot lock an officer out: wrong passwords from one address stop that address, the officer signs in from another', async () => {
    for (let i = 0; i < 3; i += 1) expect((await login('officer-he', `wrong-${i}`, '203.0.113.9')).status).toBe(401);
    const guesser = await login('officer-he', PASSWORD, '203.0.113.9');
    expect([guesser.status, guesser.body.code]).toEqual([429, 'LOGIN_RATE_LIMITED']);
    const officer = await login('officer-he', PASSWORD, '10.1.0.3');
    expect(officer.status).toBe(200);
  });

  it('guessing from many addresses only slows the account (a back-off of seconds), it does not lock it', async () => {
    // 2 × the per-account limit from different addresses, each under its own limit
    for (let i = 0; i < 6; i += 1) expect((await login('officer-zhu', `wrong-${i}`, `198.51.100.${i + 1}`)).status).toBe(401);
    const slowed = await login('officer-zhu', PASSWORD, '10.1.0.4');
    expect([slowed.status, slowed.body.code]).toEqual([429, 'LOGIN_RATE_LIMITED']);
    const wait = Number(slowed.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    await new Promise((r) => setTimeout(r, wait * 1000 + 200));
    expect((await login('officer-zhu', PASSWORD, '10.1.0.4')).status).toBe(200);
  });
});

describe('bodies the API cannot read', () => {
  it('a body over the limit is 413 with the one error shape and a real correlation id', async () => {
    const big = JSON.stringify({ userId: 'x', password: 'y'.repeat(1024 * 1024) });
    const res = await fetch(`${stack.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    const body = (await res.json()) as ErrorBody;
    expect(res.status).toBe(413);
    expect(body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('x-correlation-id')).toBe(body.correlationId);
  });

  it('malformed JSON is 400 INVALID_JSON, not a parser message, with a real correlation id', async () => {
    const res = await fetch(`${stack.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"userId": ',
    });
    const body = (await res.json()) as ErrorBody;
    expect([res.status, body.code]).toEqual([400, 'INVALID_JSON']);
    expect(body.correlationId).not.toBe('unknown');
  });

  it('an unknown property in the sign-in body is refused by name', async () => {
    const res = await login('officer-li', PASSWORD, '10.1.0.5', { remember: true });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('remember');
  });
});
