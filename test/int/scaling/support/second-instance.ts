import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');

/**
 * One more instance of a built app (worker or projector) beside the one a Stack started, with the Stack's environment
 * (same task queue, consumer group, topics and schema) plus `overrides`. Registered with the integration tier's
 * teardown like the Stack's own apps, so a failed test never leaves it running.
 */
export class SecondInstance {
  private readonly child: ChildProcess;
  readonly logFile: string;
  readonly exited: Promise<void>;

  constructor(
    readonly app: 'worker' | 'projector',
    readonly name: string,
    env: NodeJS.ProcessEnv,
  ) {
    this.logFile = path.join(ROOT, '.local/logs/tests', `${name}.log`);
    mkdirSync(path.dirname(this.logFile), { recursive: true });
    const log = createWriteStream(this.logFile, { flags: 'a' });
    this.child = spawn(process.execPath, [path.join(ROOT, `apps/${app}/dist/main.js`)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout?.pipe(log);
    this.child.stderr?.pipe(log);
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
    const registry = process.env.QTS_TEST_APP_PIDS;
    if (registry && this.child.pid !== undefined) appendFileSync(registry, `${this.child.pid}\n`);
  }

  get pid(): number {
    const pid = this.child.pid;
    if (pid === undefined) throw new Error(`${this.name} did not start`);
    return pid;
  }

  isRunning(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGTERM (a graceful stop), SIGKILL after 10 s */
  async stop(): Promise<void> {
    if (!this.isRunning()) return;
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    this.child.kill('SIGTERM');
    await this.exited;
    clearTimeout(timer);
  }

  logTail(lines = 30): string {
    if (!existsSync(this.logFile)) return `(no log at ${this.logFile})`;
    return `${readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')}\n(log: ${path.relative(ROOT, this.logFile)})`;
  }
}
