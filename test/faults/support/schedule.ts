/** The seed of the kill schedule and the load's choices, printed so a failing run can be repeated (FAULT_SEED). */
export const SEED = Number(process.env['FAULT_SEED'] ?? Date.now() % 100_000);

let random = SEED;
/** a small deterministic generator (mulberry32), so FAULT_SEED repeats a schedule */
export function nextRandom(): number {
  random = (random + 0x6d2b79f5) | 0;
  let t = Math.imul(random ^ (random >>> 15), 1 | random);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** an integer in [min, max) */
export const between = (min: number, max: number): number => min + Math.floor(nextRandom() * (max - min));

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
