import type { Stack } from '../support/stack';
import { perOp } from './baselines';
import { penaltyScenario, type CaseScenario } from './case-scenarios';
import { CpuMeter } from './proc';
import { latencyOf, lanes, paced, type Latency } from './stats';

/** The system at one load: cases opened and moved on by one command over HTTP, until the read model shows it. */
export interface SystemRun {
  label: string;
  /** the case process driven: opened, then one command (CASE_SCENARIOS) */
  process: string;
  concurrency: number | null;
  /** for the paced run: cases started per second */
  offeredPerSecond: number | null;
  cases: number;
  failed: number;
  perSecond: number;
  /** HTTP open (workflow started, opening decided) */
  open: Latency;
  /** HTTP command (for penalty cases the payment): Update accepted, decided, events published */
  command: Latency;
  /** from sending the command until the read model shows its last event */
  commandVisible: Latency;
  cpuMsPerCase: Record<string, number>;
}

export function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
}

export function openCommand(today: string) {
  return penaltyScenario.open(today, 0).body;
}

/**
 * Until the read model shows event `lastSeq` of the case: `?untilSeq=` makes the API answer as soon as the projector
 * has committed it, the way the web app waits after a command; asked again if a wait runs out.
 */
async function untilShown(stack: Stack, caseId: string, lastSeq: number, user: string): Promise<boolean> {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    const res = await stack.request<{ lastSeq?: number }>('GET', `/api/cases/${caseId}?untilSeq=${lastSeq}`, undefined, user);
    if (res.status === 200 && (res.body.lastSeq ?? 0) >= lastSeq) return true;
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
  scenario: CaseScenario = penaltyScenario,
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
  let n = 0;
  const oneCase = async (): Promise<void> => {
    const t0 = performance.now();
    const opening = scenario.open(today, (n += 1));
    const opened = await stack.request<{ caseId: string }>('POST', opening.url, opening.body, opening.user);
    const t1 = performance.now();
    if (opened.status !== 201) return fail(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
    const step = scenario.next(opened.body.caseId, today);
    const moved = await stack.request<{ events?: { seq: number }[] }>('POST', step.url, step.body, step.user);
    const t2 = performance.now();
    if (moved.status !== 200) return fail(`${scenario.command}: ${moved.status} ${JSON.stringify(moved.body)}`);
    const lastSeq = Math.max(1, ...(moved.body.events ?? []).map((e) => e.seq));
    if (!(await untilShown(stack, opened.body.caseId, lastSeq, step.user)))
      return fail(`case ${opened.body.caseId}: event ${lastSeq} not in the read model within 60 s`);
    open.push(t1 - t0);
    command.push(t2 - t1);
    visible.push(performance.now() - t1);
  };
  const cpu = new CpuMeter({ worker: stack.pid('worker'), projector: stack.pid('projector'), api: stack.pid('api'), ...servicePids });
  const seconds = 'concurrency' in load ? await lanes(cases, load.concurrency, oneCase) : await paced(cases, load.perSecond, oneCase);
  if (firstFailure) console.error(`  ${label}: ${failed} failed, first: ${firstFailure}`);
  return {
    label,
    process: scenario.process,
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
