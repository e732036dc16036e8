/** What happened when (kills, restarts, the load's totals), printed as it happens and once more at the end. */
const t0 = Date.now();
export const journal: string[] = [];

export function say(line: string): void {
  const entry = `t+${((Date.now() - t0) / 1000).toFixed(1)}s ${line}`;
  journal.push(entry);
  console.log(`[faults] ${entry}`);
}
