import fc from 'fast-check';
import { shanghaiDate } from '@qts/domain';
import { DEMO_PASSWORD } from '@qts/identity';
import { Stack, waitUntil } from '../support/stack';
import { OpenApiConformance, type OpenApiDocument } from './openapi-conformance';

type Method = 'get' | 'post' | 'put';
interface Operation {
  path: string;
  method: Method;
  /** the command types its body schema names (a process route) */
  types: string[];
  queryNames: string[];
}
interface Answer {
  status: number;
  body: unknown;
}

const RUNS_PER_ROUTE = Number(process.env['FUZZ_RUNS_PER_ROUTE'] ?? 100);
const GET_RUNS_PER_ROUTE = Number(process.env['FUZZ_GET_RUNS_PER_ROUTE'] ?? 100);
let stack: Stack;
let caseId: string;
let conformance: OpenApiConformance;

beforeAll(async () => {
  stack = await Stack.start();
  // signed in before the fuzz sends failed sign-ins from this address (they slow sign-in down, by design)
  for (const user of ['head-wang', 'admin', 'auditor-zhou']) await stack.tokenOf(user);
  const opened = await stack.request<{ caseId: string }>('POST', '/api/penalty-cases', {
    type: 'RegisterLead',
    section: 'enforcement',
    title: '模糊测试案件',
    party: { kind: 'organisation', name: '某厂' },
    discoveredOn: shanghaiDate(Date.now()),
    leadSource: 'inspection',
    summary: '模糊测试',
  });
  caseId = opened.body.caseId;
  await waitUntil('the case in the read model', async () =>
    (await stack.request('GET', `/api/cases/${caseId}`, undefined, 'head-wang')).status === 200 ? true : undefined,
  );
  conformance = new OpenApiConformance((await stack.send<OpenApiDocument>('GET', '/api/docs-json')).body);
});
afterAll(() => stack?.stop());

/** Text a careless or hostile client sends: control characters, lone surrogates, huge strings, prototype keys. */
const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\u001b[31m',
    '\uffff',
    '__proto__',
    'constructor',
    "'; DROP TABLE cases; --",
    '../../etc/passwd',
  ),
  fc.string({ minLength: 9000, maxLength: 9000 }),
  fc.integer().map(String),
);
const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    nasty,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(nasty, tie('v'), { maxKeys: 5 }),
  ),
})).v;

/** Bodies near valid ones (a known command type with wrong or extra fields) and far from them. */
function bodiesFor(commandTypes: readonly string[]): fc.Arbitrary<unknown> {
  const near = fc.record(
    {
      type: commandTypes.length > 0 ? fc.constantFrom(...commandTypes) : nasty,
      section: fc.oneof(fc.constantFrom('enforcement', 'quality', 'office'), nasty),
      title: nasty,
      decidedOn: fc.oneof(fc.constant(shanghaiDate(Date.now())), nasty),
      extra: value,
    },
    { requiredKeys: ['type'] },
  );
  return fc.oneof(near, value, fc.dictionary(nasty, value, { maxKeys: 6 }));
}

/** Percent-encoded text; a lone surrogate (which encodeURIComponent refuses) goes as the bytes a careless client sends. */
function encoded(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

/**
 * Query values and path parameters as sent on the wire: raw escapes (NUL, bad UTF-8, a lone `%`), control characters,
 * huge values (a few KB each, so five stay under Node's 16 KB header limit: Node itself answers a longer request
 * head with 431 before the API sees it),
 * numbers out of range, dates that do not exist, and plain random text.
 */
const wireText = fc.oneof(
  fc.constantFrom('%00', 'a%00b', '%ED%A0%80', '%FF', '%ZZ', '%', '%1B%5B31m', '%EF%BF%BF', '%C0%80'),
  fc
    .constantFrom('', 'true', 'false', '0', '-1', '1.5', '1e400', '99999999999999999999', 'NaN', '2026-02-30', 'enforcement', 'missed')
    .map(encoded),
  fc.constantFrom('section_chief', '__proto__', 'constructor', "'; DROP TABLE cases; --").map(encoded),
  nasty.filter((s) => s.length < 1000).map(encoded),
  fc.constantFrom('x'.repeat(2500), '字'.repeat(250)).map(encoded),
);

function queryStrings(op: Operation): fc.Arbitrary<string> {
  const name = fc.oneof(
    ...(op.queryNames.length > 0 ? [fc.constantFrom(...op.queryNames)] : []),
    fc.constantFrom('unknown', '__proto__', 'limit[]', 'a%00b', 'constructor[prototype]'),
    fc.string({ maxLength: 10 }).map(encoded),
  );
  return fc
    .array(fc.tuple(name, wireText), { maxLength: 5 })
    .map((pairs) => (pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`));
}

/** The real value of a path parameter: the fuzzed case, an officer's account, a rollout id of the right shape. */
function realParam(op: Operation, name: string): string {
  if (name === 'userId' || (name === 'id' && op.path.startsWith('/api/users'))) return 'officer-li';
  return name === 'rolloutId' ? 'calendar-x' : caseId;
}

/** A path parameter: usually the real one (so the handler runs), otherwise hostile text (never `.`/`..`, which URLs fold away). */
function pathValues(op: Operation): fc.Arbitrary<Record<string, string>> {
  const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
  const hostile = wireText.filter((v) => !/^(\.|%2e){1,2}$/i.test(v) && v !== '');
  return fc
    .tuple(...names.map((n) => fc.oneof({ weight: 3, arbitrary: fc.constant(encoded(realParam(op, n))) }, hostile)))
    .map((values) => Object.fromEntries(names.map((n, i) => [n, values[i] ?? ''])));
}

function userOf(path: string): string {
  if (path.startsWith('/api/users') || path.startsWith('/api/calendar')) return 'admin';
  if (path.startsWith('/api/audit')) return 'auditor-zhou';
  return 'head-wang';
}

async function call(op: Operation, params: Record<string, string>, query: string, body?: string): Promise<Answer> {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => params[name] ?? encoded(realParam(op, name)));
  const res = await fetch(`${stack.baseUrl}${path}${query}`, {
    method: op.method.toUpperCase(),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await stack.tokenOf(userOf(op.path))}` },
    ...(body === undefined ? {} : { body }),
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as unknown };
  } catch {
    return { status: res.status, body: text };
  }
}

/** What a rejected request must not change: the cases, the fuzzed case, the accounts, its assignments. */
async function state() {
  const [cases, one, users, assignments] = await Promise.all([
    stack.request<{ total: number }>('GET', '/api/cases?limit=1', undefined, 'head-wang'),
    stack.request<{ lastSeq: number }>('GET', `/api/cases/${caseId}`, undefined, 'head-wang'),
    stack.request<unknown[]>('GET', '/api/users', undefined, 'admin'),
    stack.request<unknown[]>('GET', `/api/cases/${caseId}/assignments`, undefined, 'head-wang'),
  ]);
  return { total: cases.body.total, lastSeq: one.body.lastSeq, users: users.body, assignments: assignments.body };
}

function operations(kinds: readonly Method[]): Operation[] {
  return conformance
    .operations()
    .flatMap(({ path, method, operation }) =>
      (kinds as readonly string[]).includes(method) && path !== '/api/auth/logout'
        ? [{ path, method: method as Method, types: conformance.commandTypes(operation), queryNames: conformance.queryNames(operation) }]
        : [],
    );
}

/**
 * Every route of the OpenAPI document gets random and near-valid input (NUL and control characters, lone surrogates,
 * huge text, unknown and prototype keys, wrong types, malformed JSON; for reads, hostile query strings and path
 * parameters): never a 5xx, every answer (2xx and 4xx) of a status the document declares for that route and valid
 * against the schema it declares, every refusal with a real correlation id, and no state changed by a refused request.
 */
describe('API fuzz over the OpenAPI document', () => {
  const failures: string[] = [];
  const judge = (op: Operation, sent: string, res: Answer): boolean => {
    const problem = conformance.problem(op.path, op.method, res.status, res.body);
    if (problem === null) return true;
    failures.push(`${op.method.toUpperCase()} ${op.path} ${sent.slice(0, 120)} → ${res.status}: ${problem}`);
    return false;
  };

  it('answers every read, with real parameters, with its declared success schema', async () => {
    const answers = await Promise.all(
      operations(['get']).map(async (op) => {
        // the equipment list names a unit or a device
        const res = await call(op, {}, op.path === '/api/directives/equipment' ? '?unit=%E6%9F%90%E5%8E%82' : '');
        return `${op.path} ${res.status} ${conformance.problem(op.path, op.method, res.status, res.body) ?? 'conforms'}`;
      }),
    );
    // every read succeeds and its answer fits its schema; a rollout that does not exist and the 指令书 of the fuzz's
    // case (a penalty case, which has none) are the 404s
    expect(answers.filter((a) => !/ 20[0-9] conforms$/.test(a))).toEqual([
      '/api/calendar/rollouts/{rolloutId} 404 conforms',
      '/api/directives/{caseId}/document.pdf 404 conforms',
    ]);
    // the answers of the writes the fuzz sets up fit theirs too
    const opened = await stack.request('POST', '/api/penalty-cases', {
      type: 'RegisterLead',
      section: 'enforcement',
      title: '另一模糊测试案件',
      party: { kind: 'organisation', name: '某厂' },
      discoveredOn: shanghaiDate(Date.now()),
      leadSource: 'inspection',
      summary: '模糊测试',
    });
    expect(conformance.problem('/api/penalty-cases', 'post', opened.status, opened.body)).toBeNull();
    // projected before the next test counts the cases
    const openedId = (opened.body as { caseId: string }).caseId;
    await waitUntil('the second case in the read model', async () =>
      (await stack.request('GET', `/api/cases/${openedId}`, undefined, 'head-wang')).status === 200 ? true : undefined,
    );
    const login = await stack.send('POST', '/api/auth/login', { userId: 'committee', password: DEMO_PASSWORD, tokenDelivery: 'body' });
    expect(conformance.problem('/api/auth/login', 'post', login.status, login.body)).toBeNull();
    expect(login.status).toBe(200);
  });

  it('answers the writes on accounts, assignments and sessions with their declared success schemas', async () => {
    const write = async (method: 'post' | 'put', route: string, url: string, user: string, body: unknown) => {
      const res = await stack.request(method.toUpperCase(), url, body, user);
      return `${method.toUpperCase()} ${route} ${res.status} ${conformance.problem(route, method, res.status, res.body) ?? 'conforms'}`;
    };
    const user = 'fuzz-quality';
    const answers = [
      await write('post', '/api/users', '/api/users', 'admin', {
        id: user,
        name: '模糊测试员',
        password: 'a-long-enough-password',
        roles: ['officer'],
        section: 'quality',
      }),
      await write('put', '/api/users/{userId}/roles', `/api/users/${user}/roles`, 'admin', { roles: ['officer'], section: 'quality' }),
      await write('put', '/api/users/{userId}/certificate', `/api/users/${user}/certificate`, 'admin', {
        certificate: { number: 'QTS-0001', validFrom: '2026-01-01', validTo: '2030-12-31' },
      }),
      await write('put', '/api/users/{userId}/password', `/api/users/${user}/password`, 'admin', { password: 'another-long-password' }),
      await write('post', '/api/cases/{caseId}/assignments', `/api/cases/${caseId}/assignments`, 'head-wang', {
        userId: user,
        reason: '协助办案',
      }),
      await write(
        'post',
        '/api/cases/{caseId}/assignments/{userId}/revoke',
        `/api/cases/${caseId}/assignments/${user}/revoke`,
        'head-wang',
        { reason: '协助结束' },
      ),
      await write('post', '/api/users/{userId}/disable', `/api/users/${user}/disable`, 'admin', { reason: '测试结束' }),
      await write('post', '/api/users/{userId}/enable', `/api/users/${user}/enable`, 'admin', {}),
      await write('post', '/api/escalations/routing', '/api/escalations/routing', 'head-wang', {
        matter: 'fireworks',
        finding: '生产者未按规定标注',
      }),
    ];
    expect(answers.filter((a) => !/ 20[01] conforms$/.test(a))).toEqual([]);
    // a session: signed in for an API client, refreshed, signed out
    const login = await stack.send<{ refreshToken: string }>('POST', '/api/auth/login', {
      userId: 'committee',
      password: DEMO_PASSWORD,
      tokenDelivery: 'body',
    });
    const refreshed = await stack.send<{ accessToken: string }>('POST', '/api/auth/refresh', { refreshToken: login.body.refreshToken });
    expect(conformance.problem('/api/auth/refresh', 'post', refreshed.status, refreshed.body)).toBeNull();
    const out = await stack.send('POST', '/api/auth/logout', {}, { authorization: `Bearer ${refreshed.body.accessToken}` });
    expect(conformance.problem('/api/auth/logout', 'post', out.status, out.body)).toBeNull();
    expect([refreshed.status, out.status]).toEqual([200, 200]);
  });

  it('answers every hostile body with a declared, schema-valid answer, and rejected requests change nothing', async () => {
    const ops = operations(['post', 'put']);
    expect(ops.length).toBeGreaterThan(10);
    const before = await state();
    let accepted = 0;
    for (const op of ops) {
      await fc
        .assert(
          fc.asyncProperty(bodiesFor(op.types), fc.integer({ min: 0, max: 9 }), async (body, dice) => {
            // one body in ten is cut short: malformed JSON
            const text = dice === 0 ? (JSON.stringify(body) ?? 'null').slice(0, -1) : JSON.stringify(body);
            const res = await call(op, {}, '', text);
            if (res.status < 300 && (op.path === '/api/penalty-cases' || op.path === '/api/escalations')) accepted += 1;
            return judge(op, text, res);
          }),
          { numRuns: RUNS_PER_ROUTE, endOnFailure: true },
        )
        .catch((err: unknown) => failures.push(`${op.method.toUpperCase()} ${op.path}: ${String(err).slice(0, 600)}`));
    }
    expect(failures).toEqual([]);
    const after = await state();
    expect(after).toEqual({ ...before, total: before.total + accepted });
    expect(after.lastSeq).toBe(1);
  });

  it('answers every hostile query string and path parameter of a read with a declared, schema-valid answer', async () => {
    const ops = operations(['get']);
    expect(ops.length).toBeGreaterThan(15);
    const before = await state();
    for (const op of ops) {
      await fc
        .assert(
          fc.asyncProperty(pathValues(op), queryStrings(op), async (params, query) => {
            const res = await call(op, params, query);
            return judge(op, `${JSON.stringify(params)} ${query}`, res);
          }),
          { numRuns: GET_RUNS_PER_ROUTE, endOnFailure: true },
        )
        .catch((err: unknown) => failures.push(`GET ${op.path}: ${String(err).slice(0, 600)}`));
    }
    expect(failures).toEqual([]);
    expect(await state()).toEqual(before);
  });
});
