import type { Stack } from '../support/stack';
import { perOp } from './baselines';
import { CpuMeter } from './proc';
import { latencyOf, lanes, paced, type Latency } from './stats';

/** The system at one load: cases opened and paid end to end, over HTTP, until the read model shows them closed. */
export interface SystemRun {
  label: string;
  concurrency: number | null;
  /** for the paced run: cases started per second */
  offeredPerSecond: number | null;
  cases: number;
  failed: number;
  perSecond: number;
  /** HTTP open (workflow started, opening decided) */
  open: Latency;
  /** HTTP payment command: Update accepted, decided, events published */
  command: Latency;
  /** from sending the payment until the read model shows the case closed */
  commandVisible: Latency;
  cpuMsPerCase: Record<string, number>;
}

export function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
}

export function openCommand(today: string) {
  return {
    type: 'OpenSummaryCase',
    section: 'enforcement',
    title: '基准测试 benchmark',
    party: { kind: 'citizen', name: '测试' },
    violationDate: today,
    decidedOn: today,
    provisionId: 'product-quality-law-art54',
    penalty: { kind: 'fine', fineFen: 10_000 },
  };
}

/**
 * Until the read model shows the case closed: `?untilSeq=` (the payment's last event) makes the API answer as soon as
 * the projector has committed it, the way the web app waits after a command; asked again if a wait runs out.
 */
async function untilClosed(stack: Stack, caseId: string, lastSeq: number): Promise<boolean> {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    const res = await stack.request<{ closed?: boolean }>('GET', `/api/cases/${caseId}?untilSeq=${lastSeq}`);
    if (res.status === 200 && res.body.closed) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}

export async function systemRun(
  stack: Stack,
  label: string,
  cases: number,
  load: { concurrency: number } | { perSecond: number },
  servicePids: Record<string, number | undefined>,
): Promise<SystemRun> {
  const today = shanghaiToday();
  const open: number[] = [];
  const command: number[] = [];
  const visible: number[] = [];
  let failed = 0;
  let firstFailure: string | undefined;
  const fail = (why: string) => {
    failed += 1;
    firstFailure ??= why;
  };
  const oneCase = async (): Promise<void> => {
    const t0 = performance.now();
    const opened = await stack.request<{ caseId: string }>('POST', '/api/penalty-cases', openCommand(today));
    const t1 = performance.now();
    if (opened.status !== 201) return fail(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
    const paid = await stack.request<{ events?: { seq: number }[] }>('POST', `/api/penalty-cases/${opened.body.caseId}/commands`, {
      type: 'RecordPayment',
      paidOn: today,
      amountFen: 10_000,
      reference: `B-${opened.body.caseId}`,
      channel: 'officer',
    });
    const t2 = performance.now();
    if (paid.status !== 200) return fail(`payment: ${paid.status} ${JSON.stringify(paid.body)}`);
    const lastSeq = Math.max(1, ...(paid.body.events ?? []).map((e) => e.seq));
    if (!(await untilClosed(stack, opened.body.caseId, lastSeq)))
      return fail(`case ${opened.body.caseId} not closed in the read model within 60 s`);
    open.push(t1 - t0);
    command.push(t2 - t1);
    visible.push(performance.now() - t1);
  };
  const cpu = new CpuMeter({ worker: stack.pid('worker'), projector: stack.pid('projector'), api: stack.pid('api'), ...servicePids });
  const seconds = 'concurrency' in load ? await lanes(cases, load.concurrency, oneCase) : await paced(cases, load.perSecond, oneCase);
  if (firstFailure) console.error(`  ${label}: ${failed} failed, first: ${firstFailure}`);
  return {
    label,
    concurrency: 'concurrency' in load ? load.concurrency : null,
    offeredPerSecond: 'perSecond' in load ? load.perSecond : null,
    cases,
    failed,
    perSecond: (cases - failed) / seconds,
    open: latencyOf(open),
    command: latencyOf(command),
    commandVisible: latencyOf(visible),
    cpuMsPerCase: perOp(cpu.used(), Math.max(1, cases - failed)),
  };
}

/** Opens `count` cases (left open) and reports the resident memory of the worker and the projector afterwards. */
export async function openCases(stack: Stack, count: number, concurrency: number): Promise<{ opened: number; seconds: number }> {
  const today = shanghaiToday();
  let opened = 0;
  const seconds = await lanes(count, concurrency, async () => {
    const res = await stack.request('POST', '/api/penalty-cases', openCommand(today));
    if (res.status === 201) opened += 1;
  });
  return { opened, seconds };
}
