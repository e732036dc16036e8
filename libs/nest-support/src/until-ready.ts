/** Where an attempt's failure is reported (a Nest Logger fits). */
export interface ReadinessLog {
  warn(message: string): void;
}

export interface ReadinessOptions {
  /** give up (and let the process exit) after this long; a supervisor or the operator takes over from there */
  timeoutMs?: number;
  /** first pause between attempts; doubles up to maxDelayMs */
  delayMs?: number;
  maxDelayMs?: number;
}

/**
 * Repeats a start-up step that needs another service (a broker still electing leaders, a Temporal frontend
 * still loading its namespaces) until it succeeds or the time is up. Every failed attempt is logged with its
 * reason, so a service that finally gives up has said why.
 */
export async function untilReady<T>(
  what: string,
  attempt: () => Promise<T>,
  log: ReadinessLog,
  options: ReadinessOptions = {},
): Promise<T> {
  const { timeoutMs = 60_000, delayMs = 500, maxDelayMs = 5_000 } = options;
  const deadline = Date.now() + timeoutMs;
  let pause = delayMs;
  for (let n = 1; ; n += 1) {
    try {
      return await attempt();
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (Date.now() + pause > deadline) throw new Error(`${what}: gave up after ${n} attempt(s) in ${timeoutMs} ms: ${reason}`);
      log.warn(`${what}: attempt ${n} failed (${reason}); retrying in ${pause} ms`);
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, maxDelayMs);
    }
  }
}
