import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; undefined if it is gone. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may hold spaces: count fields after its closing parenthesis
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** Resident memory in MiB, from /proc/<pid>/status. */
export function rssMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The first pid whose command line matches (pgrep -f), for the shared services. */
export function findPid(pattern: string): number | undefined {
  try {
    const first = execFileSync('pgrep', ['-f', '-o', pattern], { encoding: 'utf8' }).trim().split('\n')[0];
    return first ? Number(first) : undefined;
  } catch {
    return undefined;
  }
}

/** CPU used by named processes between two moments. */
export class CpuMeter {
  private readonly start = new Map<string, number>();

  constructor(private readonly pids: Record<string, number | undefined>) {
    for (const [name, pid] of Object.entries(pids)) {
      const used = pid === undefined ? undefined : cpuSeconds(pid);
      if (used !== undefined) this.start.set(name, used);
    }
  }

  /** CPU seconds per process since construction. */
  used(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, pid] of Object.entries(this.pids)) {
      const before = this.start.get(name);
      const now = pid === undefined ? undefined : cpuSeconds(pid);
      if (before !== undefined && now !== undefined) out[name] = now - before;
    }
    return out;
  }
}
