import { Pool } from 'pg';
import { loadConfig } from '@qts/config';
import { Stack, waitUntil } from '../support/stack';
import { definite } from './support/client';
import { penaltyLost, rebuildCompare, sequenceGaps } from './support/checks';
import { journal, say } from './support/journal';
import { AppKeeper, kill, parseTargets, restart, servicesUp, type Target } from './support/kills';
import { newPenaltyLedger, penaltyStep, type PenaltyLedger } from './support/penalty-load';
import { processFindings } from './support/process-checks';
import { ProcessClient, newProcessLedger, type ProcessLedger } from './support/process-load';
import { SEED, between, nextRandom, sleep } from './support/schedule';
import { PROCESS_SCRIPTS } from './support/scripts';

/**
 * The fault suite: under a steady load of commands, kill -9 and restart, at random moments, the worker, the projector,
 * the API, the Kafka broker, the Temporal server and PostgreSQL (all six by default; FAULT_TARGETS narrows it). The
 * load: FAULT_CLIENTS clients, each mixing penalty cases (openings, payments) with accident investigations, defect
 * recalls and special-equipment directives (an opening, then the commands that move the case, each resent with its
 * Idempotency-Key until the answer is definite). An app that exits on its own (the projector giving up on a database
 * that stays away, an app that cannot start meanwhile) is started again, as `npm start`'s supervisor does. Then every
 * acknowledged command's events are in the read model exactly once, each case stands in the stage its acknowledged
 * commands imply, per-case sequences are contiguous, a rebuild equals the live read model and audit verification
 * holds; what was killed when is printed. It kills and restarts the services infra/up.sh started for this checkout
 * (the ports exported): run it alone (`npm run test:faults`, or last in `npm test`).
 */
const TARGETS: Target[] = parseTargets(process.env['FAULT_TARGETS'] ?? 'worker,projector,api,kafka,temporal,postgres');
const CHAOS_MS = Number(process.env['FAULT_SECONDS'] ?? 150) * 1000;
const CLIENTS = Number(process.env['FAULT_CLIENTS'] ?? 4);

let stack: Stack;
let keeper: AppKeeper | undefined;

beforeAll(async () => {
  stack = await Stack.start();
  keeper = new AppKeeper(stack);
});
afterAll(async () => {
  // printed whatever the outcome, so a failure can be read against the kills
  console.log(`[faults] what was killed when:\n  ${journal.join('\n  ')}`);
  keeper?.stop();
  await servicesUp().catch(() => undefined);
  await stack?.stop();
});

/**
 * One client mixing the processes: a step of the penalty load (open, or a payment) about two times in five, else a
 * step of an accident, recall or directive client of its own (open, or the next command of one of its cases).
 */
async function load(penalty: PenaltyLedger, processes: ProcessLedger, until: number, client: number): Promise<void> {
  const others = PROCESS_SCRIPTS.map((script) => new ProcessClient(stack, script, processes, String(client)));
  for (let n = 1; Date.now() < until; n += 1) {
    const other = nextRandom() < 0.4 ? undefined : others[between(0, others.length)];
    if (other) await other.step(n);
    else await penaltyStep(stack, penalty, String(client), n);
  }
}

async function chaos(until: number, kills: Map<Target, number>): Promise<void> {
  const apps = keeper;
  if (!apps) throw new Error('no app keeper');
  while (Date.now() < until) {
    await sleep(between(5_000, 12_000));
    const target = TARGETS[between(0, TARGETS.length)];
    if (!target) continue;
    await kill(stack, apps, target);
    kills.set(target, (kills.get(target) ?? 0) + 1);
    await sleep(between(500, 4_000));
    await restart(stack, apps, target);
  }
}

describe('fault suite: random kill -9 of every part under load', () => {
  it('loses and duplicates nothing acknowledged; sequences contiguous; rebuild equal; audit verification holds', async () => {
    say(`seed ${SEED}; targets ${TARGETS.join(',')}; ${CHAOS_MS / 1000} s of chaos; ${CLIENTS} clients`);
    const ledger = newPenaltyLedger();
    const processes = newProcessLedger();
    const kills = new Map<Target, number>();
    const until = Date.now() + CHAOS_MS;
    await Promise.all([chaos(until, kills), ...Array.from({ length: CLIENTS }, (_, i) => load(ledger, processes, until, i))]);
    await servicesUp();
    const acknowledged = [...ledger.paid.values()].reduce((n, refs) => n + refs.length, 0);
    say(
      `load over: ${ledger.cases.length} cases and ${acknowledged} payments acknowledged, ${ledger.refused} refused${ledger.lastRefusal ? ` (last: ${ledger.lastRefusal})` : ''}`,
    );
    const perProcess = PROCESS_SCRIPTS.map((p) => {
      const cases = processes.cases.filter((c) => c.process === p.name);
      return `${p.name} ${cases.length} cases ${cases.reduce((n, c) => n + c.moved, 0)} commands`;
    });
    say(
      `other processes: ${perProcess.join(', ')} acknowledged; ${processes.refused} refused${processes.lastRefusal ? ` (last: ${processes.lastRefusal})` : ''}`,
    );
    say(`kills: ${[...kills].map(([t, n]) => `${t} ×${n}`).join(', ')}; apps that exited on their own: ${keeper?.revived ?? 0}`);
    expect(ledger.cases.length).toBeGreaterThan(2);
    expect(acknowledged).toBeGreaterThan(10);
    // each process was opened and moved under the faults
    for (const p of PROCESS_SCRIPTS) {
      const cases = processes.cases.filter((c) => c.process === p.name);
      expect({ process: p.name, opened: cases.length > 0, moved: cases.some((c) => c.moved > 0) }).toEqual({
        process: p.name,
        opened: true,
        moved: true,
      });
    }

    const config = loadConfig(stack.env);
    const schema = config.database.readModelSchema;
    const pool = new Pool({ connectionString: config.database.url, max: 2 });
    pool.on('error', () => undefined);
    try {
      // every acknowledged command reaches the read model, exactly once (a duplicate fails at once; a missing one may
      // still be on its way, so it is looked for again until the time is up)
      const look = async () => ({
        penalty: await penaltyLost(pool, schema, ledger),
        processes: await processFindings(pool, schema, processes),
      });
      let last = await look();
      const settled = () =>
        last.penalty.twice.length + last.processes.twice.length > 0 ||
        last.penalty.missing.length + last.processes.missing.length + last.processes.stages.length === 0;
      await waitUntil(
        'every acknowledged command in the read model',
        async () => {
          last = await look();
          return settled() ? true : undefined;
        },
        240_000,
        2000,
      ).catch(() => undefined);
      expect(last).toEqual({ penalty: { missing: [], twice: [] }, processes: { missing: [], twice: [], stages: [] } });
      // per-case sequences 1..lastSeq with no gap
      expect(await sequenceGaps(pool, schema)).toEqual([]);
    } finally {
      await pool.end();
    }

    // a rebuild from the topic equals the live read model
    const rebuild = await rebuildCompare(stack, schema);
    expect({ code: rebuild.code, tail: rebuild.code === 0 ? '' : rebuild.out.slice(-2000) }).toEqual({ code: 0, tail: '' });

    // audit verification: hash chains, no damaged case, the read model against Kafka and Temporal
    const verify = await definite(stack, 'GET', '/api/audit/verify', undefined, null, 'auditor-zhou');
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
  }, 900_000);
});
