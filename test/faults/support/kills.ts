import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { waitUntil, type AppName, type Stack } from '../../support/stack';
import { say } from './journal';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');
const APPS: readonly AppName[] = ['worker', 'projector', 'api'];
const SERVICES = ['kafka', 'temporal', 'postgres'] as const;
type Service = (typeof SERVICES)[number];
export type Target = AppName | Service;
const isService = (t: Target): t is Service => (SERVICES as readonly string[]).includes(t);

export function parseTargets(list: string): Target[] {
  const all: readonly string[] = [...APPS, ...SERVICES];
  const targets = list.split(',').filter((t) => t !== '');
  const unknown = targets.filter((t) => !all.includes(t));
  if (unknown.length > 0 || targets.length === 0) throw new Error(`FAULT_TARGETS: unknown ${unknown.join(',')}; known ${all.join(',')}`);
  return targets as Target[];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The processes whose parent is `pid` (from /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]?.split(' ')[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** SIGKILL to a pid that may have ended since it was listed (a backend finishing its session): gone either way. */
function killGone(pid: number): void {
  if (!(pid > 1)) throw new Error(`refusing to kill pid ${pid}`);
  try {
    process.kill(pid, 'SIGKILL');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

/**
 * Restarts, as the supervisor of `npm start` does, an app that exited on its own (the projector giving up on a database
 * that stays down, an app failing to start while a service is away), checking every second until stopped. An app
 * the chaos is killing on purpose is held, so it is not started twice.
 */
export class AppKeeper {
  private readonly held = new Set<AppName>();
  private readonly timer: NodeJS.Timeout;
  revived = 0;

  constructor(private readonly stack: Stack) {
    this.timer = setInterval(() => this.revive(), 1000);
  }

  hold(app: AppName): void {
    this.held.add(app);
  }

  release(app: AppName): void {
    this.held.delete(app);
  }

  revive(): void {
    for (const app of APPS)
      if (!this.held.has(app) && !this.stack.isRunning(app)) {
        this.revived += 1;
        say(`${app} had exited on its own; started again`);
        this.stack.startApp(app);
      }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** kill -9 of one app or service, waiting until it is gone. */
export async function kill(stack: Stack, keeper: AppKeeper, target: Target): Promise<void> {
  if (isService(target)) {
    const pid = Number((await run('bash', [path.join(ROOT, 'infra/pid.sh'), target])).stdout.trim());
    // PostgreSQL is the postmaster and its backends: a crash of the server ends them all (killing only the postmaster
    // leaves backends holding its shared memory, and no new postmaster may start until they are gone)
    const group = target === 'postgres' ? [pid, ...childrenOf(pid)] : [pid];
    say(`kill -9 ${target} (pid ${group.join(' ')})`);
    for (const p of group) killGone(p);
    await waitUntil(`${target} to be gone`, () => Promise.resolve(group.every((p) => !alive(p)) ? true : undefined), 30_000, 100);
  } else {
    keeper.hold(target);
    say(`kill -9 ${target} (pid ${stack.pid(target) ?? '?'})`);
    await stack.kill(target);
  }
}

export async function restart(stack: Stack, keeper: AppKeeper, target: Target): Promise<void> {
  if (isService(target)) {
    await run('bash', [path.join(ROOT, 'infra/up.sh'), target], { timeout: 180_000 });
    say(`${target} restarted (infra/up.sh)`);
  } else {
    stack.startApp(target);
    keeper.release(target);
    say(`${target} restarted`);
  }
}

/** Every service up again (idempotent), after the chaos and in afterAll. */
export async function servicesUp(): Promise<void> {
  await run('bash', [path.join(ROOT, 'infra/up.sh')], { timeout: 180_000 });
}
