import { spawnSync } from 'node:child_process';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import { Stack } from '../../support/stack';

interface SignedIn {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { id: string; roles: string[]; section: string | null };
}
interface ErrorBody {
  code: string;
  message: string;
}

let stack: Stack;
const PASSWORD = 'qts-demo-password';

beforeAll(async () => {
  stack = await Stack.start(['worker', 'projector', 'api'], {
    AUTH_LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
    AUTH_LOGIN_MAX_FAILURES_PER_ADDRESS: '8',
  });
});
afterAll(() => stack?.stop());

// an API client: the refresh token comes in the answer (a browser's stays in the HttpOnly cookie)
const login = (userId: string, password = PASSWORD) =>
  stack.send<SignedIn & ErrorBody>('POST', '/api/auth/login', { userId, password, tokenDelivery: 'body' });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const me = (token: string) => stack.send<ErrorBody & { id: string; roles: string[] }>('GET', '/api/auth/me', undefined, bearer(token));

function signingKey(): { kid: string; secret: string } {
  const [kid, secret] = String(stack.env.AUTH_JWT_KEYS).split(/:(.*)/s);
  return { kid: kid ?? '', secret: secret ?? '' };
}

describe('sign-in, tokens and sessions', () => {
  it('signs in and answers who is signed in, with roles, section and certificate from the account', async () => {
    const res = await login('officer-li');
    expect(res.status).toBe(200);
    expect(res.body.expiresIn).toBe(600);
    expect(res.body.user).toMatchObject({ id: 'officer-li', roles: ['officer'], section: 'enforcement' });
    const who = await me(res.body.accessToken);
    expect(who.body).toMatchObject({ id: 'officer-li', certificate: { validTo: '2029-12-31' } });
    const permissions = (who.body as unknown as { permissions: { penalty: string[]; actions: string[] } }).permissions;
    expect(permissions.penalty).toContain('RecordEvidence');
    expect(permissions.penalty).not.toContain('DecidePenalty');
    expect(permissions.actions).not.toContain('users.manage');
  });

  it('a wrong password and an unknown account get the same answer', async () => {
    const wrong = await login('chief-zhao', 'not-the-password');
    const unknown = await login('nobody-here', 'not-the-password');
    expect([wrong.status, wrong.body.code]).toEqual([401, 'LOGIN_FAILED']);
    expect([unknown.status, unknown.body.code, unknown.body.message]).toEqual([401, 'LOGIN_FAILED', wrong.body.message]);
  });

  it('refuses an expired token, a tampered one, and one signed with a key not configured', async () => {
    const { kid, secret } = signingKey();
    const claims = { sid: '00000000-0000-4000-8000-000000000000' };
    const options = { algorithm: 'HS256' as const, keyid: kid, subject: 'officer-li', issuer: 'qts-api', audience: 'district-test' };
    const expired = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, secret, options);
    const expiredRes = await me(expired);
    expect([expiredRes.status, expiredRes.body.code]).toEqual([401, 'TOKEN_EXPIRED']);

    const good = (await login('officer-li')).body.accessToken;
    const [header, payload, signature] = good.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), sub: 'head-wang' }),
    ).toString('base64url');
    const tampered = await me(`${header}.${forged}.${signature}`);
    expect([tampered.status, tampered.body.code]).toEqual([401, 'TOKEN_INVALID']);

    const foreign = jwt.sign(claims, 'x'.repeat(48), { ...options, keyid: 'someone-else' });
    expect((await me(foreign)).body.code).toBe('TOKEN_INVALID');
    const noneAlg = `${Buffer.from(JSON.stringify({ alg: 'none', kid })).toString('base64url')}.${payload}.`;
    expect((await me(noneAlg)).status).toBe(401);
  });

  it('the browser gets its refresh token as an HttpOnly cookie for the sign-in routes only, and can refresh with it', async () => {
    const res = await stack.send<SignedIn>('POST', '/api/auth/login', { userId: 'officer-li', password: PASSWORD });
    expect(res.body.refreshToken).toBeUndefined();
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^qts_refresh=[^;]+;/);
    expect(cookie).toContain('Path=/api/auth');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const refreshed = await stack.send<SignedIn>('POST', '/api/auth/refresh', {}, { cookie: cookie.split(';')[0] ?? '' });
    expect(refreshed.status).toBe(200);
    expect((await me(refreshed.body.accessToken)).status).toBe(200);
    const out = await stack.send('POST', '/api/auth/logout', undefined, bearer(refreshed.body.accessToken));
    expect(out.headers.get('set-cookie')).toMatch(/^qts_refresh=;.*Expires=Thu, 01 Jan 1970/);
    expect((await stack.send<ErrorBody>('POST', '/api/auth/refresh', {})).body.code).toBe('AUTH_REQUIRED');
  });

  it('refresh swaps both tokens; a refresh token used twice ends the session', async () => {
    const first = (await login('chief-zhao')).body;
    const refreshed = await stack.send<SignedIn>('POST', '/api/auth/refresh', { refreshToken: first.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(first.refreshToken);
    expect((await me(refreshed.body.accessToken)).status).toBe(200);

    const replayed = await stack.send<ErrorBody>('POST', '/api/auth/refresh', { refreshToken: first.refreshToken });
    expect([replayed.status, replayed.body.code]).toEqual([401, 'REFRESH_TOKEN_REUSED']);
    const after = await me(refreshed.body.accessToken);
    expect([after.status, after.body.code]).toEqual([401, 'SESSION_REVOKED']);
  });

  it('logout ends the session at once', async () => {
    const { accessToken, refreshToken } = (await login('officer-zhao')).body;
    expect((await stack.send('POST', '/api/auth/logout', undefined, bearer(accessToken))).status).toBe(200);
    expect((await me(accessToken)).body.code).toBe('SESSION_REVOKED');
    const log = await stack.request<{ action: string; details: { reason?: string } }[]>(
      'GET',
      '/api/audit/identity?subject=officer-zhao',
      undefined,
      'auditor-zhou',
    );
    expect(log.body.slice(0, 2).map((e) => [e.action, e.details.reason])).toEqual([
      ['session.ended', 'logout'],
      ['session.opened', undefined],
    ]);
    expect((await stack.send<ErrorBody>('POST', '/api/auth/refresh', { refreshToken })).body.code).toBe('SESSION_REVOKED');
  });

  it('disabling an account stops its live token at once; enabling lets it sign in again', async () => {
    const { accessToken } = (await login('officer-wu')).body;
    expect((await me(accessToken)).status).toBe(200);
    const disabled = await stack.request('POST', '/api/users/officer-wu/disable', { reason: '调离 transferred' }, 'admin');
    expect(disabled.status).toBe(200);
    expect((await me(accessToken)).body.code).toBe('USER_DISABLED');
    expect((await login('officer-wu')).body.code).toBe('USER_DISABLED');
    expect((await stack.request('POST', '/api/users/officer-wu/enable', undefined, 'admin')).status).toBe(200);
    expect((await login('officer-wu')).status).toBe(200);
  });

  it('a change of roles counts on the next request', async () => {
    const { accessToken } = (await login('officer-yang')).body;
    const cases = () =>
      stack.send<ErrorBody>('POST', '/api/penalty-cases', { type: 'RegisterLead', section: 'quality' }, bearer(accessToken));
    expect((await cases()).status).toBe(400); // past the guard, refused by validation
    const changed = await stack.request('PUT', '/api/users/officer-yang/roles', { roles: ['auditor'], section: null }, 'admin');
    expect(changed.status).toBe(200);
    const refused = await cases();
    expect([refused.status, refused.body.code]).toEqual([403, 'ROLE_NOT_PERMITTED']);
  });

  it('administrators create accounts (strong passwords only, ids unique) and every change is in the identity log', async () => {
    const weak = await stack.request<ErrorBody>(
      'POST',
      '/api/users',
      { id: 'officer-new', name: '新', roles: ['officer'], section: 'metrology', password: 'short' },
      'admin',
    );
    expect([weak.status, weak.body.code]).toEqual([400, 'WEAK_PASSWORD']);
    const noSection = await stack.request<ErrorBody>(
      'POST',
      '/api/users',
      { id: 'officer-new', name: '新', roles: ['officer'], password: 'a-long-password-1' },
      'admin',
    );
    expect([noSection.status, noSection.body.message]).toEqual([400, 'section: officers and section chiefs belong to a section']);
    const body = {
      id: 'officer-new',
      name: '新同事',
      roles: ['officer'],
      section: 'metrology',
      password: 'a-long-password-1',
      certificate: { number: '执法证 320199', validFrom: '2026-01-01', validTo: '2030-12-31' },
    };
    expect((await stack.request('POST', '/api/users', body, 'admin')).status).toBe(201);
    expect((await stack.request<ErrorBody>('POST', '/api/users', body, 'admin')).body.code).toBe('USER_EXISTS');
    expect((await login('officer-new', 'a-long-password-1')).body.user).toMatchObject({ roles: ['officer'], section: 'metrology' });
    const log = await stack.request<{ action: string; actorId: string }[]>(
      'GET',
      '/api/audit/identity?subject=officer-new',
      undefined,
      'auditor-zhou',
    );
    expect(log.body.map((e) => [e.action, e.actorId])).toEqual([
      ['session.opened', 'officer-new'],
      ['user.created', 'admin'],
    ]);
    const lastAdmin = await stack.request<ErrorBody>('POST', '/api/users/admin/disable', { reason: 'test' }, 'admin');
    expect([lastAdmin.status, lastAdmin.body.code]).toEqual([409, 'LAST_ADMINISTRATOR']);
  });

  it('a person changes their own password: the current one is checked, other sessions end, this one stays', async () => {
    const here = (await login('officer-guo')).body.accessToken;
    const elsewhere = (await login('officer-guo')).body.accessToken;
    const change = (currentPassword: string, newPassword: string) =>
      stack.send<ErrorBody>('POST', '/api/auth/password', { currentPassword, newPassword }, bearer(here));
    expect((await change('not-my-password', 'a-new-password-for-guo')).body.code).toBe('WRONG_PASSWORD');
    expect((await change(PASSWORD, 'short')).body.code).toBe('WEAK_PASSWORD');
    expect((await change(PASSWORD, 'a-new-password-for-guo')).status).toBe(200);
    expect((await me(here)).status).toBe(200);
    expect((await me(elsewhere)).body.code).toBe('SESSION_REVOKED');
    expect((await login('officer-guo', 'a-new-password-for-guo')).status).toBe(200);
  });

  it('the first administrator comes from the command line, once', () => {
    const cli = path.resolve(__dirname, '../../../libs/identity/dist/cli.js');
    const run = (schema: string) =>
      spawnSync(process.execPath, [cli, 'create-admin', '--id', 'root', '--name', '管理员'], {
        env: { ...stack.env, READ_MODEL_SCHEMA: schema, QTS_ADMIN_PASSWORD: 'first-admin-password' },
        encoding: 'utf8',
      });
    const refused = run(String(stack.env.READ_MODEL_SCHEMA));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('an administrator already exists (admin)');
    const fresh = run(`${String(stack.env.READ_MODEL_SCHEMA)}_fresh`);
    expect(fresh.stdout).toContain('created administrator root');
    expect(fresh.status).toBe(0);
  });

  it('failed sign-ins are limited per account, then per address, with Retry-After', async () => {
    for (let i = 0; i < 3; i += 1) expect((await login('officer-he', `wrong-${i}`)).status).toBe(401);
    const limited = await login('officer-he');
    expect([limited.status, limited.body.code]).toEqual([429, 'LOGIN_RATE_LIMITED']);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // other accounts from this address still sign in, until the address has failed too often
    expect((await login('officer-hu')).status).toBe(200);
    // 2 failed sign-ins and 1 wrong current password in earlier tests + 3 above + 2 here = 8 from this address
    for (const id of ['officer-hu', 'officer-zhu']) expect((await login(id, 'wrong')).status).toBe(401);
    const byAddress = await login('officer-zhu');
    expect(byAddress.body).toMatchObject({ code: 'LOGIN_RATE_LIMITED' });
    expect(byAddress.body.message).toContain('地址');
  });
});
