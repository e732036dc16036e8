/**
 * Benchmark: officers' commands end to end on the real services. Prints figures; asserts nothing.
 *   npm run bench [-- <cases> <concurrency>]
 * For each case: open (summary procedure) over HTTP, then a payment command; measures HTTP latency and the time until
 * the read model shows the case closed, plus the resident memory of each app.
 */
import { execFileSync } from 'node:child_process';
import { Stack, waitUntil } from '../support/stack';

const CASES = Number(process.argv[2] ?? 200);
const CONCURRENCY = Number(process.argv[3] ?? 8);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function summary(name: string, values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  return `${name.padEnd(34)} n=${s.length}  p50=${percentile(s, 50).toFixed(0)} ms  p95=${percentile(s, 95).toFixed(0)} ms  max=${(s.at(-1) ?? NaN).toFixed(0)} ms`;
}

function rssMb(pid: number | undefined): string {
  if (pid === undefined) return '?';
  try {
    return `${(Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024).toFixed(0)} MiB`;
  } catch {
    return '?';
  }
}

async function main(): Promise<void> {
  const stack = await Stack.start();
  const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
  const open: number[] = [];
  const pay: number[] = [];
  const visible: number[] = [];
  let failures = 0;
  const started = Date.now();
  let next = 0;
  async function oneCase(): Promise<void> {
    const t0 = performance.now();
    const opened = await stack.request<{ caseId: string }>('POST', '/api/penalty-cases', {
      type: 'OpenSummaryCase',
      section: 'enforcement',
      title: '基准测试 benchmark',
      party: { kind: 'citizen', name: '测试' },
      violationDate: today,
      decidedOn: today,
      provisionId: 'product-quality-law-art54',
      penalty: { kind: 'fine', fineFen: 10_000 },
    });
    const t1 = performance.now();
    if (opened.status !== 201) {
      failures += 1;
      return;
    }
    open.push(t1 - t0);
    const paid = await stack.request('POST', `/api/penalty-cases/${opened.body.caseId}/commands`, {
      type: 'RecordPayment',
      paidOn: today,
      amountFen: 10_000,
      reference: `B-${opened.body.caseId}`,
      channel: 'officer',
    });
    const t2 = performance.now();
    if (paid.status !== 200) {
      if (failures === 0) console.error(`first failure: ${paid.status} ${JSON.stringify(paid.body)}`);
      failures += 1;
      return;
    }
    pay.push(t2 - t1);
    await waitUntil(
      'the case closed in the read model',
      async () => ((await stack.request<{ closed: boolean }>('GET', `/api/cases/${opened.body.caseId}`)).body.closed ? true : undefined),
      60_000,
      20,
    );
    visible.push(performance.now() - t2);
  }
  async function lane(): Promise<void> {
    while (next < CASES) {
      next += 1;
      await oneCase();
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `penalty cases end to end: ${CASES} cases, concurrency ${CONCURRENCY}, ${seconds.toFixed(1)} s, ${(CASES / seconds).toFixed(1)} cases/s, ${failures} failed`,
  );
  console.log(summary('open case (HTTP → workflow start)', open));
  console.log(summary('payment (HTTP → update → Kafka)', pay));
  console.log(summary('payment visible in read model', visible));
  console.log(
    `resident memory: worker ${rssMb(stack.pid('worker'))}, projector ${rssMb(stack.pid('projector'))}, api ${rssMb(stack.pid('api'))}`,
  );
  await stack.stop();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
