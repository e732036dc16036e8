/** Latency figures of one measured series, in milliseconds. */
export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export function latencyOf(values: readonly number[]): Latency {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.at(-1) ?? NaN };
}

export function ratio(value: number, baseline: number): number {
  return baseline > 0 ? value / baseline : NaN;
}

/** Runs `one` `total` times over `concurrency` lanes; returns the wall time in seconds. */
export async function lanes(total: number, concurrency: number, one: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next;
        next += 1;
        await one(i);
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

/** Starts `one` at a fixed rate (open loop), `total` times; returns the wall time in seconds. */
export async function paced(total: number, perSecond: number, one: (i: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  const running: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    running.push(one(i));
  }
  await Promise.all(running);
  return (performance.now() - started) / 1000;
}
