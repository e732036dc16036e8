import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** The repository root, from wherever this file runs (jest from test/support, the benchmark from a compiled copy). */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'apps/api/package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no repository root above ${__dirname}`);
    dir = up;
  }
  return dir;
}
const ROOT = repoRoot();
export type AppName = 'worker' | 'projector' | 'api';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
}

/**
 * The real system for one test file: worker, projector and API as separate processes against the real
 * Temporal, Kafka and PostgreSQL, isolated by task queue, topic prefix, schema and port.
 */
export class Stack {
  readonly id = `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  readonly env: NodeJS.ProcessEnv;
  readonly baseUrl: string;
  private readonly children = new Map<AppName, ChildProcess>();

  private constructor(port: number) {
    this.env = {
      ...process.env,
      KAFKA_TOPIC_PREFIX: `${this.id}.`,
      READ_MODEL_SCHEMA: `rm_${this.id}`,
      TEMPORAL_TASK_QUEUE: `tq-${this.id}`,
      PROJECTOR_GROUP_ID: `projector-${this.id}`,
      BUREAU_ID: 'district-test',
      API_PORT: String(port),
      LOG_LEVEL: 'warn',
    };
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  static async start(apps: AppName[] = ['worker', 'projector', 'api']): Promise<Stack> {
    const stack = new Stack(await freePort());
    for (const app of apps) stack.startApp(app);
    if (apps.includes('api')) {
      await waitUntil(
        'the API to report healthy',
        async () => {
          const dead = [...stack.children.entries()].find(([, child]) => child.exitCode !== null);
          if (dead) return `${dead[0]} exited with ${dead[1].exitCode}; see .local/logs/tests/${stack.id}-${dead[0]}.log`;
          return (await fetch(`${stack.baseUrl}/health`)).ok ? 'up' : undefined;
        },
        90_000,
      ).then((status) => {
        if (status !== 'up') throw new Error(status);
      });
    }
    return stack;
  }

  startApp(app: AppName): ChildProcess {
    const logs = path.join(ROOT, '.local/logs/tests');
    mkdirSync(logs, { recursive: true });
    const log = createWriteStream(path.join(logs, `${this.id}-${app}.log`), { flags: 'a' });
    const child = spawn(process.execPath, [path.join(ROOT, `apps/${app}/dist/main.js`)], {
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.children.set(app, child);
    return child;
  }

  pid(app: AppName): number | undefined {
    return this.children.get(app)?.pid;
  }

  /** SIGKILL: no shutdown hooks, as when a machine dies. */
  kill(app: AppName): Promise<void> {
    const child = this.children.get(app);
    this.children.delete(app);
    if (!child || child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async stop(): Promise<void> {
    await Promise.all(
      [...this.children.entries()].map(
        ([app, child]) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
            this.children.delete(app);
          }),
      ),
    );
  }

  async request<T = unknown>(
    method: string,
    url: string,
    body?: unknown,
    actor = { id: 'officer-li', role: 'officer' },
  ): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-actor-id': actor.id, 'x-actor-role': actor.role },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  }
}
