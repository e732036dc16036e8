import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { Kafka, logLevel } from 'kafkajs';
import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { loadConfig } from '@qts/config';
import { DEMO_PASSWORD, Identity, seedDemoBureau } from '@qts/identity';

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

  private constructor(port: number, overrides: NodeJS.ProcessEnv) {
    this.env = {
      ...process.env,
      KAFKA_TOPIC_PREFIX: `${this.id}.`,
      READ_MODEL_SCHEMA: `rm_${this.id}`,
      TEMPORAL_TASK_QUEUE: `tq-${this.id}`,
      PROJECTOR_GROUP_ID: `projector-${this.id}`,
      BUREAU_ID: 'district-test',
      API_PORT: String(port),
      LOG_LEVEL: 'warn',
      AUTH_JWT_KEYS: `${this.id}:${randomBytes(48).toString('base64url')}`,
      ...overrides,
    };
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  static async start(apps: AppName[] = ['worker', 'projector', 'api'], env: NodeJS.ProcessEnv = {}): Promise<Stack> {
    const stack = new Stack(await freePort(), env);
    try {
      for (const app of apps) stack.startApp(app);
      if (apps.includes('api')) {
        await stack.waitForApps('the API to report healthy', async () => ((await fetch(`${stack.baseUrl}/health`)).ok ? true : undefined));
        await stack.seedBureau();
      }
      if (apps.includes('worker')) {
        // a case opened before the worker polls would wait in the task queue: start tests with the worker ready
        await stack.waitForWorker();
      }
      return stack;
    } catch (err) {
      // the apps that did start must not outlive a failed start: jest would wait for them forever
      await stack.stop();
      throw err;
    }
  }

  /** Waits for `ready`, failing at once (with the app's last log lines) if one of the apps exits meanwhile. */
  private async waitForApps(what: string, ready: () => Promise<true | undefined>): Promise<void> {
    const status = await waitUntil(
      what,
      async () => {
        const dead = [...this.children.entries()].find(([, child]) => child.exitCode !== null);
        if (dead) return `${dead[0]} exited with ${dead[1].exitCode}:\n${this.logTail(dead[0])}`;
        return (await ready()) ? 'up' : undefined;
      },
      90_000,
    );
    if (status !== 'up') throw new Error(status);
  }

  /** Waits until a worker polls this stack's workflow task queue (one Temporal connection for the whole wait). */
  private async waitForWorker(): Promise<void> {
    const { address, namespace, taskQueue } = this.config().temporal;
    const connection = await Connection.connect({ address });
    try {
      await this.waitForApps('the worker to poll its task queue', async () => {
        const { pollers } = await connection.workflowService.describeTaskQueue({
          namespace,
          taskQueue: { name: taskQueue },
          taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
        });
        return (pollers?.length ?? 0) > 0 ? true : undefined;
      });
    } finally {
      await connection.close();
    }
  }

  /** The last lines an app wrote, for a failure message that says why without opening the log. */
  logTail(app: AppName, lines = 30): string {
    const file = this.logFile(app);
    if (!existsSync(file)) return `(no log at ${file})`;
    const tail = readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    return `${tail}\n(log: ${path.relative(ROOT, file)})`;
  }

  private logFile(app: AppName): string {
    return path.join(ROOT, '.local/logs/tests', `${this.id}-${app}.log`);
  }

  /** The demo bureau (libs/identity) as this stack's accounts: officer-li, chief-zhao, head-wang, committee, … */
  private async seedBureau(): Promise<void> {
    const pool = new Pool({ connectionString: this.env.DATABASE_URL ?? 'postgres://qts:qts@127.0.0.1:55432/qts', max: 2 });
    try {
      await seedDemoBureau(new Identity(pool, String(this.env.READ_MODEL_SCHEMA), this.config().auth.login), DEMO_PASSWORD);
    } finally {
      await pool.end();
    }
  }

  config() {
    return loadConfig(this.env);
  }

  startApp(app: AppName): ChildProcess {
    const file = this.logFile(app);
    mkdirSync(path.dirname(file), { recursive: true });
    const log = createWriteStream(file, { flags: 'a' });
    // e.g. QTS_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile one app under the benchmark
    const nodeArgs = (process.env[`QTS_${app.toUpperCase()}_NODE_ARGS`] ?? '').split(' ').filter((a) => a !== '');
    const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, `apps/${app}/dist/main.js`)], {
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.children.set(app, child);
    // the integration tier's teardown ends whatever a failed test leaves running (test/support/int-global-teardown.js)
    const registry = process.env.QTS_TEST_APP_PIDS;
    if (registry && child.pid !== undefined) appendFileSync(registry, `${child.pid}\n`);
    return child;
  }

  /** True while the app this stack started (and did not kill on purpose) is still running. */
  isRunning(app: AppName): boolean {
    const child = this.children.get(app);
    return child !== undefined && child.exitCode === null && child.signalCode === null;
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
    // an app that died on its own during the tests (kill() forgets the ones a test ends on purpose): say why in the
    // test output, which is all CI shows
    for (const [app, child] of this.children) {
      if (child.exitCode !== null || child.signalCode !== null)
        console.warn(
          `[stack ${this.id}] ${app} had exited (${child.exitCode ?? child.signalCode}) before the stack stopped:\n${this.logTail(app)}`,
        );
    }
    await Promise.all(
      [...this.children.entries()].map(
        ([app, child]) =>
          new Promise<void>((resolve) => {
            // an app ended by a signal has exitCode null and signalCode set: its 'exit' has already fired
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
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
    if (process.env.QTS_KEEP_TEST_DATA !== '1') await this.removeData();
  }

  /**
   * Removes what this stack left in the shared services: its Kafka topics and consumer groups and its read-model
   * schemas. Left behind, every run added a dozen topics, and a broker with thousands of partitions takes minutes to
   * start. QTS_KEEP_TEST_DATA=1 keeps them for a look after a failure.
   */
  private async removeData(): Promise<void> {
    const brokers = (this.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
    const admin = new Kafka({ clientId: `cleanup-${this.id}`, brokers, logLevel: logLevel.NOTHING }).admin();
    const pool = new Pool({ connectionString: this.env.DATABASE_URL ?? 'postgres://qts:qts@127.0.0.1:55432/qts', max: 1 });
    try {
      await admin.connect();
      const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${this.id}.`));
      if (topics.length > 0) await admin.deleteTopics({ topics });
      const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.includes(this.id));
      if (groups.length > 0) await admin.deleteGroups(groups).catch(() => undefined);
      const { rows } = await pool.query<{ nspname: string }>('SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)', [
        `rm_${this.id}`,
      ]);
      for (const { nspname } of rows) await pool.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
    } catch (err) {
      console.warn(`[stack ${this.id}] could not remove its test data: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      await admin.disconnect().catch(() => undefined);
      await pool.end();
    }
  }

  private readonly tokens = new Map<string, string>();

  /** Signs in (demo password) and returns the access token; cached per user for the stack's life. */
  async tokenOf(userId: string, password = DEMO_PASSWORD): Promise<string> {
    const cached = this.tokens.get(userId);
    if (cached) return cached;
    const res = await this.send<{ accessToken?: string }>('POST', '/api/auth/login', { userId, password });
    if (res.status !== 200 || !res.body.accessToken)
      throw new Error(`sign-in of ${userId} failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.tokens.set(userId, res.body.accessToken);
    return res.body.accessToken;
  }

  forgetToken(userId: string): void {
    this.tokens.delete(userId);
  }

  /** A request as a signed-in demo user (by id; `{ id }` accepted too). */
  async request<T = unknown>(
    method: string,
    url: string,
    body?: unknown,
    actor: string | { id: string } = 'officer-li',
  ): Promise<{ status: number; body: T }> {
    const userId = typeof actor === 'string' ? actor : actor.id;
    return this.send<T>(method, url, body, { authorization: `Bearer ${await this.tokenOf(userId)}` });
  }

  /** A request with exactly the headers given (no sign-in). */
  async send<T = unknown>(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const res = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T, headers: res.headers };
  }
}
