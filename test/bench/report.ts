import type { BaselineRun } from './baselines';
import type { QueryRun } from './read-model-queries';
import type { RebuildRun } from './rebuild';
import type { Latency } from './stats';
import type { SystemRun } from './system-load';

export interface BenchResult {
  startedAt: string;
  machine: Record<string, string | number>;
  args: Record<string, unknown>;
  baselines: { trivial: BaselineRun[]; update: BaselineRun[]; kafka: BaselineRun[] };
  system: (SystemRun & {
    vsUpdateBaseline: { concurrency: number; casesPerSecond: number; commandP95: number; visibleP95: number; openP95: number } | null;
  })[];
  /** each case process at one concurrency: opened, moved on by one command, until the read model shows it */
  processes: SystemRun[];
  memory?: { openCases: number; openedPerSecond: number; rssMiB: Record<string, number | null> };
  rebuild?: RebuildRun;
  queries: QueryRun[];
}

const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '-');
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '-');
const lat = (l: Latency) => `${f0(l.p50)}/${f0(l.p95)}/${f0(l.p99)}`;
const row = (cells: string[], widths: number[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 10)).join(' ');

/** One table: every figure with its baseline and ratio. */
export function formatTable(r: BenchResult): string[] {
  const out: string[] = [];
  const w = [34, 6, 9, 20, 20, 40];
  out.push(`benchmark ${r.startedAt} on ${String(r.machine.nproc)} cores, ${String(r.machine.memGiB)} GiB (${String(r.machine.note)})`);
  const hasBaselines = r.baselines.trivial.length + r.baselines.update.length + r.baselines.kafka.length > 0;
  if (hasBaselines) out.push(row(['figure', 'conc', 'ops/s', 'p50/p95/p99 ms', 'step p50/p95/p99', 'CPU ms per op'], w));
  const cpu = (c?: Record<string, number>) =>
    Object.entries(c ?? {})
      .map(([k, v]) => `${k} ${f1(v)}`)
      .join(', ');
  for (const b of r.baselines.trivial)
    out.push(row(['raw: workflow start→complete', String(b.concurrency), f1(b.perSecond), lat(b.latency), '', cpu(b.cpuMsPerOp)], w));
  for (const b of r.baselines.update)
    out.push(
      row(
        [
          'raw: start + Update (step=Update)',
          String(b.concurrency),
          f1(b.perSecond),
          lat(b.latency),
          b.step ? lat(b.step) : '',
          cpu(b.cpuMsPerOp),
        ],
        w,
      ),
    );
  for (const b of r.baselines.kafka)
    out.push(row(['raw: kafkajs produce→consume', String(b.concurrency), f1(b.perSecond), lat(b.latency), '', ''], w));
  if (hasBaselines) out.push('');
  if (r.system.length > 0)
    out.push(
      row(
        [
          'system (open + pay, per case)',
          'conc',
          'cases/s',
          'open p50/p95/p99',
          'pay p50/p95/p99',
          'pay→visible p50/p95/p99 | ratios to raw',
        ],
        [34, 6, 9, 20, 20, 60],
      ),
    );
  for (const s of r.system) {
    const v = s.vsUpdateBaseline;
    const ratios = v
      ? `cases/s ×${f2(v.casesPerSecond)}, pay p95 ×${f2(v.commandP95)} (→visible ×${f2(v.visibleP95)}), open p95 ×${f2(v.openP95)} (raw at ${v.concurrency})`
      : '';
    out.push(
      row(
        [
          `${s.label}${s.failed > 0 ? ` (${s.failed} failed)` : ''}`,
          s.concurrency === null ? `${f1(s.offeredPerSecond ?? NaN)}/s` : String(s.concurrency),
          f1(s.perSecond),
          lat(s.open),
          lat(s.command),
          `${lat(s.commandVisible)} | ${ratios}`,
        ],
        [34, 6, 9, 20, 20, 60],
      ),
    );
    out.push(`    CPU ms per case: ${cpu(s.cpuMsPerCase)}`);
  }
  if (r.processes.length > 0) {
    out.push('');
    const pw = [44, 6, 9, 20, 20, 20];
    out.push(
      row(
        ['per process (open + one command)', 'conc', 'cases/s', 'open p50/p95/p99', 'command p50/p95/p99', 'cmd→visible p50/p95/p99'],
        pw,
      ),
    );
    for (const p of r.processes) {
      out.push(
        row(
          [
            `${p.label}${p.failed > 0 ? ` (${p.failed} failed)` : ''}`,
            String(p.concurrency ?? ''),
            f1(p.perSecond),
            lat(p.open),
            lat(p.command),
            lat(p.commandVisible),
          ],
          pw,
        ),
      );
      const total = Object.values(p.cpuMsPerCase).reduce((a, b) => a + b, 0);
      out.push(`    CPU ms per case: ${cpu(p.cpuMsPerCase)} (all ${f1(total)})`);
    }
  }
  out.push('');
  for (const q of r.queries)
    out.push(
      `read model ${q.cases} cases (loaded in ${f1(q.loadSeconds)} s): case list ${lat(q.caseList)} ms, stalled list ${lat(q.stalledList)} ms, desk counts ${lat(q.deskCounts)} ms, desk stalled ${lat(q.deskStalled)} ms, desk overview ${lat(q.deskOverview)} ms (p50/p95/p99)`,
    );
  if (r.rebuild)
    out.push(
      `rebuild: ${r.rebuild.events} events in ${f1(r.rebuild.seconds)} s = ${f0(r.rebuild.perSecond)} events/s (start-up included), ${
        r.rebuild.perSecondAfterStart === null ? '?' : f0(r.rebuild.perSecondAfterStart)
      } events/s after the first event`,
    );
  if (r.memory)
    out.push(
      `memory with ${r.memory.openCases} open cases (opened at ${f1(r.memory.openedPerSecond)}/s): ${Object.entries(r.memory.rssMiB)
        .map(([k, v]) => `${k} ${v === null ? '?' : f0(v)} MiB`)
        .join(', ')}`,
    );
  return out;
}
