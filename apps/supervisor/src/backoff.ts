/** The first restart comes after this long; each crash in a row doubles it. */
export const FIRST_RESTART_DELAY_MS = 1000;
/** The longest wait between restarts. */
export const MAX_RESTART_DELAY_MS = 30_000;
/** A run that lasted this long was healthy: the next crash starts the back-off afresh. */
export const HEALTHY_RUN_MS = 60_000;

/** How long to wait before restarting an app after its `crashesInARow`-th crash (1, 2, …). */
export function restartDelayMs(crashesInARow: number): number {
  const exponent = Math.max(0, crashesInARow - 1);
  return Math.min(MAX_RESTART_DELAY_MS, FIRST_RESTART_DELAY_MS * 2 ** Math.min(exponent, 16));
}

/** The crash count after a run of `ranForMs`: a long healthy run forgets earlier crashes. */
export function crashesAfterRun(previousCrashes: number, ranForMs: number): number {
  return ranForMs >= HEALTHY_RUN_MS ? 1 : previousCrashes + 1;
}
