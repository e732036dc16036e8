import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crashesAfterRun, restartDelayMs } from './backoff';

export interface SupervisedApp {
  name: string;
  /** the script node runs */
  script: string;
  logFile: string;
  pidFile: string;
}

/** How long a stopping app may take before it is killed. */
const STOP_GRACE_MS = 10_000;

interface Running {
  app: SupervisedApp;
  child: ChildProcess | null;
  startedAt: number;
  crashes: number;
  restartTimer: NodeJS.Timeout | null;
}

/**
 * Runs each app as its own process and restarts one that exits with a back-off (1 s, 2 s, 4 s … at most 30 s; a
 * run of a minute resets it), saying so; one app's crash never touches the others. `stop()` ends them all.
 */
export class Supervisor {
  private readonly running = new Map<string, Running>();
  private stopping = false;

  constructor(
    apps: readonly SupervisedApp[],
    private readonly say: (line: string) => void,
  ) {
    for (const app of apps) this.running.set(app.name, { app, child: null, startedAt: 0, crashes: 0, restartTimer: null });
  }

  start(): void {
    for (const entry of this.running.values()) this.launch(entry);
  }

  private launch(entry: Running): void {
    const { app } = entry;
    mkdirSync(path.dirname(app.logFile), { recursive: true });
    mkdirSync(path.dirname(app.pidFile), { recursive: true });
    const log = createWriteStream(app.logFile, { flags: 'a' });
    const child = spawn(process.execPath, [app.script], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    entry.child = child;
    entry.startedAt = Date.now();
    entry.restartTimer = null;
    if (child.pid !== undefined) writeFileSync(app.pidFile, `${child.pid}\n`);
    this.say(`${app.name} started (pid ${child.pid ?? '?'}, log ${app.logFile})`);
    child.once('exit', (code, signal) => {
      log.end();
      entry.child = null;
      if (this.stopping) return;
      const ranForMs = Date.now() - entry.startedAt;
      entry.crashes = crashesAfterRun(entry.crashes, ranForMs);
      const delay = restartDelayMs(entry.crashes);
      this.say(
        `${app.name} exited (${signal ?? `code ${code ?? '?'}`}) after ${Math.round(ranForMs / 1000)} s; ` +
          `restart #${entry.crashes} in ${delay / 1000} s (the other apps keep running; see ${app.logFile})`,
      );
      entry.restartTimer = setTimeout(() => this.launch(entry), delay);
    });
  }

  /** SIGTERM to every app, SIGKILL to any still running after the grace; resolves when all have exited. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.running.values()].map(async (entry) => {
        if (entry.restartTimer) clearTimeout(entry.restartTimer);
        const child = entry.child;
        if (child && child.exitCode === null && child.signalCode === null) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          });
          this.say(`${entry.app.name} stopped`);
        }
        rmSync(entry.app.pidFile, { force: true });
      }),
    );
  }
}
