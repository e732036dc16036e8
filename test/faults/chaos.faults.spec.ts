import { execFile, spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Pool } from 'pg';
import { loadConfig } from '@qts/config';
import { shanghaiDate } from '@qts/domain';
import { Stack, waitUntil, type AppName } from '../support/stack';

/**
 * The fault suite: under a steady load of commands, kill -9 and restart, at random moments, the worker, the projector,
 * the API, the Kafka broker, the Temporal server and PostgreSQL. Then every acknowledged command is in the read model
 * exactly once, per-case sequences are contiguous, a rebuild equals the live read model and audit verification holds.
 * It kills the machine's shared services: run it alone (`npm run test:faults`, or last in `npm test`).
 */
const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
type Service = 'kafka' | 'temporal' | 'postgres';
type Target = AppName | Service;
const SERVICES: readonly Target[] = ['kafka', 'temporal', 'postgres'];
// PostgreSQL is opt-in (FAULT_TARGETS=…,postgres): with it the API exits when the database goes away and one run ended
// with the jest process itself gone; until that is understood it does not run in npm test (README, Operations)
const TARGETS = (process.env['FAULT_TARGETS'] ?? 'worker,projector,api,kafka,temporal').split(',') as Target[];
const CHAOS_MS = Number(process.env['FAULT_SECONDS'] ?? 150) * 1000;
const CLIENTS = Number(process.env['FAULT_CLIENTS'] ?? 4);
/** a seed for the kill schedule, printed so a failing run can be repeated */
const SEED = Number(process.env['FAULT_SEED'] ?? Date.now() % 100_000);

let random = SEED;
/** a small deterministic generator (mulberry32), so FAULT_SEED repeats a schedule */
function nextRandom(): number {
  random = (random + 0x6d2b79f5) | 0;
  let t = Math.imul(random ^ (random >>> 15), 1 | random);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const between = (min: number, max: number) => min + Math.floor(nextRandom() * (max - min));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let stack: Stack;
const t0 = Date.now();
const journal: string[] = [];
const say = (line: string) => {
  const entry = `t+${((Date.now() - t0) / 1000).toFixed(1)}s ${line}`;
  journal.push(entry);
  console.log(`[faults] ${entry}`);
};

beforeAll(async () => {
  stack = await Stack.start();
});
afterAll(async () => {
  await run('bash', [path.join(ROOT, 'infra/up.sh')]).catch(() => undefined);
  await stack?.stop();
});

/** A client that resends until it has a definite answer (2xx or 4xx), as the UI does, with the same Idempotency-Key. */
async function definite(method: string, url: string, body: unknown, key: string | null, user = 'officer-li') {
  const deadline = Date.now() + 600_000;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const token = await stack.tokenOf(user);
      const res = await stack.send<Record<string, unknown>>(method, url, body, {
        authorization: `Bearer ${token}`,
        ...(key ? { 'idempotency-key': key } : {}),
      });
      if (res.status === 401) stack.forgetToken(user);
      else if (res.status < 500) return res;
    } catch {
      // the API is down or the answer was lost: send again
    }
    if (Date.now() > deadline) throw new Error(`${method} ${url} had no definite answer in 10 minutes`);
    await sleep(Math.min(3000, 300 * attempt));
  }
}

interface Ledger {
  /** cases whose opening was acknowledged (201) */
  cases: string[];
  /** per case, payment references acknowledged (200) */
  paid: Map<string, string[]>;
  refused: number;
  /** the last refusal's answer, to tell a wrong request from a rule */
  lastRefusal: string;
}

function refuse(ledger: Ledger, res: { status: number; body: unknown }): void {
  ledger.refused += 1;
  ledger.lastRefusal = `${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
}

async function load(ledger: Ledger, until: number, client: number): Promise<void> {
  const today = shanghaiDate(Date.now());
  let n = 0;
  while (Date.now() < until) {
    n += 1;
    if (ledger.cases.length < 2 || nextRandom() < 0.15) {
      // an opening is not idempotent: a lost 201 leaves an unacknowledged case, which is not counted
      const res = await definite(
        'POST',
        '/api/penalty-cases',
        {
          type: 'OpenSummaryCase',
          section: 'enforcement',
          title: `故障测试 ${client}-${n}`,
          party: { kind: 'organisation', name: '某厂' },
          violationDate: today,
          decidedOn: today,
          provisionId: 'product-quality-law-art54',
          // 3,000 yuan (the summary limit for an organisation) in 1-yuan payments: never settled, every payment is accepted
          penalty: { kind: 'fine', fineFen: 300_000 },
        },
        null,
      );
      if (res.status === 201 && typeof res.body['caseId'] === 'string') ledger.cases.push(res.body['caseId']);
      else refuse(ledger, res);
      continue;
    }
    const caseId = ledger.cases[between(0, ledger.cases.length)] ?? '';
    const reference = `F-${client}-${n}-${caseId.slice(-8)}`;
    const res = await definite(
      'POST',
      `/api/penalty-cases/${caseId}/commands`,
      { type: 'RecordPayment', paidOn: today, amountFen: 100, reference, channel: 'officer' },
      reference,
    );
    if (res.status === 200) ledger.paid.set(caseId, [...(ledger.paid.get(caseId) ?? []), reference]);
    else refuse(ledger, res);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The processes whose parent is `pid` (from /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]?.split(' ')[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function kill(target: Target): Promise<void> {
  if (SERVICES.includes(target)) {
    const pid = Number((await run('bash', [path.join(ROOT, 'infra/pid.sh'), target])).stdout.trim());
    // PostgreSQL is the postmaster and its backends: a crash of the server ends them all (killing only the postmaster
    // leaves backends holding its shared memory, and no new postmaster may start until they are gone)
    const group = target === 'postgres' ? [pid, ...childrenOf(pid)] : [pid];
    say(`kill -9 ${target} (pid ${group.join(' ')})`);
    for (const p of group) process.kill(p, 'SIGKILL');
    await waitUntil(`${target} to be gone`, () => Promise.resolve(group.every((p) => !alive(p)) ? true : undefined), 30_000, 100);
  } else {
    say(`kill -9 ${target} (pid ${stack.pid(target as AppName) ?? '?'})`);
    await stack.kill(target as AppName);
  }
}

async function restart(target: Target): Promise<void> {
  if (SERVICES.includes(target)) {
    await run('bash', [path.join(ROOT, 'infra/up.sh'), target], { timeout: 180_000 });
    say(`${target} restarted (infra/up.sh)`);
  } else {
    stack.startApp(target as AppName);
    say(`${target} restarted`);
  }
}

/** Like the supervisor of npm start: an app that died on its own (e.g. the projector giving up on PostgreSQL) is started. */
function reviveApps(): void {
  for (const app of ['worker', 'projector', 'api'] as const)
    if (!stack.isRunning(app)) {
      say(`${app} had exited on its own; started again`);
      stack.startApp(app);
    }
}

async function chaos(until: number): Promise<void> {
  while (Date.now() < until) {
    await sleep(between(5_000, 12_000));
    reviveApps();
    const target = TARGETS[between(0, TARGETS.length)];
    if (!target) continue;
    await kill(target);
    await sleep(between(500, 4_000));
    await restart(target);
  }
}

describe('fault suite: random kill -9 of every part under load', () => {
  it('loses and duplicates nothing acknowledged; sequences contiguous; rebuild equal; audit verification holds', async () => {
    say(`seed ${SEED}; targets ${TARGETS.join(',')}; ${CHAOS_MS / 1000} s of chaos; ${CLIENTS} clients`);
    const ledger: Ledger = { cases: [], paid: new Map(), refused: 0, lastRefusal: '' };
    const until = Date.now() + CHAOS_MS;
    await Promise.all([chaos(until), ...Array.from({ length: CLIENTS }, (_, i) => load(ledger, until, i))]);
    await run('bash', [path.join(ROOT, 'infra/up.sh')], { timeout: 180_000 });
    reviveApps();
    const acknowledged = [...ledger.paid.values()].reduce((n, refs) => n + refs.length, 0);
    say(
      `load over: ${ledger.cases.length} cases and ${acknowledged} payments acknowledged, ${ledger.refused} refused${ledger.lastRefusal ? ` (last: ${ledger.lastRefusal})` : ''}`,
    );
    expect(ledger.cases.length).toBeGreaterThan(2);
    expect(acknowledged).toBeGreaterThan(10);

    const config = loadConfig(stack.env);
    const schema = config.database.readModelSchema;
    const pool = new Pool({ connectionString: config.database.url, max: 2 });
    try {
      // every acknowledged command reaches the read model, exactly once
      const lost = await waitUntil(
        'every acknowledged payment in the read model',
        async () => {
          const { rows } = await pool.query<{ case_id: string; reference: string; n: number }>(
            `SELECT case_id, payload->>'reference' AS reference, count(*)::int AS n FROM "${schema}".timeline
              WHERE type = 'PaymentReceived' AND case_id = ANY($1::text[]) GROUP BY 1, 2`,
            [ledger.cases],
          );
          const seen = new Map(rows.map((r) => [`${r.case_id}/${r.reference}`, r.n]));
          const opened = new Set(
            (
              await pool.query<{ case_id: string }>(`SELECT case_id FROM "${schema}".cases WHERE case_id = ANY($1::text[])`, [ledger.cases])
            ).rows.map((r) => r.case_id),
          );
          const missing = [
            ...ledger.cases.filter((c) => !opened.has(c)).map((c) => `case ${c}`),
            ...[...ledger.paid].flatMap(([c, refs]) => refs.filter((r) => !seen.has(`${c}/${r}`)).map((r) => `${c}/${r}`)),
          ];
          const twice = rows.filter((r) => r.n > 1).map((r) => `${r.case_id}/${r.reference} ×${r.n}`);
          if (twice.length > 0) return { missing, twice };
          return missing.length === 0 ? { missing, twice } : undefined;
        },
        240_000,
        2000,
      );
      expect(lost).toEqual({ missing: [], twice: [] });

      // per-case sequences 1..lastSeq with no gap
      const gaps = await pool.query<{ case_id: string }>(
        `SELECT c.case_id FROM "${schema}".cases c JOIN "${schema}".timeline t USING (case_id)
          GROUP BY c.case_id, c.last_seq HAVING count(*) <> c.last_seq OR max(t.seq) <> c.last_seq OR min(t.seq) <> 1`,
      );
      expect(gaps.rows).toEqual([]);
    } finally {
      await pool.end();
    }

    // a rebuild from the topic equals the live read model
    const rebuild = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'apps/projector/dist/rebuild.js'), '--compare', schema], { env: stack.env });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.on('exit', (code) => resolve({ code, out }));
    });
    expect({ code: rebuild.code, tail: rebuild.code === 0 ? '' : rebuild.out.slice(-2000) }).toEqual({ code: 0, tail: '' });

    // audit verification: hash chains, no damaged case, the read model against Kafka and Temporal
    const verify = await definite('GET', '/api/audit/verify', undefined, null, 'auditor-zhou');
    const report = verify.body as {
      ok: boolean;
      broken: unknown[];
      identityLog: { ok: boolean; firstBreak: unknown };
      damagedCases: unknown[];
      eventLog: { ok: boolean; missing: unknown[] };
    };
    expect({
      ok: report.ok,
      broken: report.broken,
      identityLog: report.identityLog.firstBreak,
      damagedCases: report.damagedCases,
      missing: report.eventLog.missing,
    }).toEqual({ ok: true, broken: [], identityLog: null, damagedCases: [], missing: [] });
    say('every check held');
    console.log(`[faults] what was killed when:\n  ${journal.join('\n  ')}`);
  }, 900_000);
});
