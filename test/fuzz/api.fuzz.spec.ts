import fc from 'fast-check';
import { shanghaiDate } from '@qts/domain';
import { Stack, waitUntil } from '../support/stack';

interface Operation {
  path: string;
  method: 'post' | 'put';
}
interface ErrorBody {
  code?: unknown;
  message?: unknown;
  correlationId?: unknown;
}

const RUNS_PER_ROUTE = Number(process.env['FUZZ_RUNS_PER_ROUTE'] ?? 60);
let stack: Stack;
let caseId: string;

beforeAll(async () => {
  stack = await Stack.start();
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

function typesOf(schema: unknown): string[] {
  const s = schema as { oneOf?: unknown[]; properties?: { type?: { enum?: string[] } } } | undefined;
  return (s?.oneOf ?? [s]).flatMap((o) => (o as { properties?: { type?: { enum?: string[] } } } | undefined)?.properties?.type?.enum ?? []);
}

async function send(op: Operation, body: unknown, raw: boolean): Promise<{ status: number; body: ErrorBody | null }> {
  const path = op.path.replace(/\{[^}]+\}/g, (name) =>
    name === '{userId}' || (name === '{id}' && op.path.startsWith('/api/users')) ? 'officer-li' : caseId,
  );
  const token = await stack.tokenOf(op.path.startsWith('/api/users') || op.path.startsWith('/api/calendar') ? 'admin' : 'head-wang');
  const res = await fetch(`${stack.baseUrl}${path}`, {
    method: op.method.toUpperCase(),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: raw ? String(body) : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: ErrorBody | null = null;
  try {
    parsed = JSON.parse(text) as ErrorBody;
  } catch {
    parsed = null;
  }
  return { status: res.status, body: parsed };
}

/**
 * Every POST/PUT route of the OpenAPI document gets random and near-valid bodies (NUL and control characters, lone
 * surrogates, huge text, unknown and prototype keys, wrong types, malformed JSON): never a 5xx, every refusal in
 * the one error shape with a correlation id, and no case is created or changed by a refused request.
 */
describe('API fuzz over the OpenAPI document', () => {
  it('answers every hostile body with a 4xx in the one error shape, and rejected requests change nothing', async () => {
    const doc = (
      await stack.send<{ paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>> }>(
        'GET',
        '/api/docs-json',
      )
    ).body;
    const operations: (Operation & { types: string[] })[] = Object.entries(doc.paths).flatMap(([path, methods]) =>
      (['post', 'put'] as const)
        .filter((m) => methods[m] && path !== '/api/auth/logout')
        .map((method) => ({ path, method, types: typesOf(methods[method]?.requestBody?.content?.['application/json']?.schema) })),
    );
    expect(operations.length).toBeGreaterThan(10);
    const before = await stack.request<{ total: number }>('GET', '/api/cases?limit=1', undefined, 'head-wang');
    const failures: string[] = [];
    let accepted = 0;
    for (const op of operations) {
      await fc
        .assert(
          fc.asyncProperty(bodiesFor(op.types), fc.integer({ min: 0, max: 9 }), async (body, dice) => {
            // one body in ten is cut short: malformed JSON
            const raw = dice === 0;
            const res = await send(op, raw ? JSON.stringify(body).slice(0, -1) : body, raw);
            if (res.status < 300) {
              accepted += op.path === '/api/penalty-cases' || op.path === '/api/escalations' ? 1 : 0;
              return;
            }
            const shaped =
              typeof res.body?.code === 'string' && typeof res.body.message === 'string' && typeof res.body.correlationId === 'string';
            if (res.status >= 500 || !shaped)
              failures.push(`${op.method.toUpperCase()} ${op.path} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`);
            return res.status < 500 && shaped && res.body?.correlationId !== 'unknown';
          }),
          { numRuns: RUNS_PER_ROUTE, endOnFailure: true },
        )
        .catch((err: unknown) => failures.push(`${op.method.toUpperCase()} ${op.path}: ${String(err).slice(0, 600)}`));
    }
    expect(failures).toEqual([]);
    const after = await stack.request<{ total: number }>('GET', '/api/cases?limit=1', undefined, 'head-wang');
    expect(after.body.total).toBe(before.body.total + accepted);
    const state = await stack.request<{ lastSeq: number }>('GET', `/api/cases/${caseId}`, undefined, 'head-wang');
    expect(state.body.lastSeq).toBe(1);
  });
});
