/**
 * Benchmark (a script, not a test): raw Temporal/Kafka baselines and the system end to end, measured in the same run
 * against the same services; read-model queries on generated rows; rebuild speed; memory with open cases.
 *   npm run bench [-- --quick | see args.ts]
 * Prints one table and writes .local/bench/results-<timestamp>.json. docs/performance.md explains each figure.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { Connection } from '@temporalio/client';
import { PG_SESSION_OPTIONS } from '@qts/nest-support';
import { Stack } from '../support/stack';
import { parseBenchArgs } from './args';
import { kafkaBaseline, temporalBaselines, type BaselineRun } from './baselines';
import { deleteGeneratedTopic, generateCaseEventsTopic } from './generated-topic';
import { findPid, rssMiB } from './proc';
import { readModelQueries } from './read-model-queries';
import { rebuildRun } from './rebuild';
import { formatTable, type BenchResult } from './report';
import { CASE_SCENARIOS } from './case-scenarios';
import { openCases, systemRun } from './system-load';

/** The repository root above the compiled script (test/bench/dist/bench). */
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
process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';

function atLevel(runs: BaselineRun[], concurrency: number): BaselineRun | undefined {
  return (
    runs.find((r) => r.concurrency === concurrency) ??
    runs.reduce<BaselineRun | undefined>(
      (best, r) => (best && Math.abs(best.concurrency - concurrency) <= Math.abs(r.concurrency - concurrency) ? best : r),
      undefined,
    )
  );
}

/** The stack's workflows (left open by the memory part) end with one batch termination, not one call each. */
async function terminateStackWorkflows(stack: Stack): Promise<void> {
  const { address, namespace, taskQueue } = stack.config().temporal;
  const connection = await Connection.connect({ address });
  try {
    await connection.workflowService.startBatchOperation({
      namespace,
      jobId: `bench-cleanup-${stack.id}`,
      visibilityQuery: `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'`,
      reason: 'benchmark finished',
      terminationOperation: {},
    });
  } finally {
    await connection.close();
  }
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
  const servicePids = { temporal: findPid('temporal server start-dev'), kafka: findPid('kafka.Kafka') };
  const result: BenchResult = {
    startedAt: new Date().toISOString(),
    machine: {
      nproc: os.availableParallelism(),
      memGiB: Math.round(os.totalmem() / 2 ** 30),
      cpu: os.cpus()[0]?.model ?? '?',
      node: process.version,
      loadavg1: os.loadavg()[0]?.toFixed(2) ?? '?',
      note: process.env.BENCH_NOTE ?? 'services shared with whatever else runs on this machine',
    },
    args: { ...args, skip: [...args.skip] },
    baselines: { trivial: [], update: [], kafka: [] },
    system: [],
    processes: [],
    queries: [],
  };
  const stack = await Stack.start();
  // the apps' session settings (no JIT), so the read-model queries are timed as the API runs them
  const pool = new Pool({ connectionString: stack.config().database.url, max: 2, options: PG_SESSION_OPTIONS });
  try {
    const config = stack.config();
    if (!args.skip.has('baselines')) {
      log('raw baselines');
      const ops = (c: number) => (c === 1 ? Math.ceil(args.baselineOps / 4) : args.baselineOps);
      const { trivial, update } = await temporalBaselines(config, args.levels, ops, servicePids);
      result.baselines = { trivial, update, kafka: await kafkaBaseline(config, args.levels, ops) };
    }
    if (!args.skip.has('system')) {
      const cases = (c: number) => (c === 1 ? Math.ceil(args.cases / 4) : args.cases);
      // warm-up: the first cases pay for JIT, connections and the workflow bundle's first load
      await systemRun(stack, 'warm-up', Math.min(10, args.cases), { concurrency: 2 }, {});
      for (const concurrency of args.levels) {
        log(`system at concurrency ${concurrency}`);
        const run = await systemRun(stack, `system at concurrency ${concurrency}`, cases(concurrency), { concurrency }, servicePids);
        result.system.push({ ...run, vsUpdateBaseline: null });
      }
      const max = Math.max(...result.system.map((s) => s.perSecond));
      if (Number.isFinite(max) && max > 0) {
        log(`system paced at half the maximum (${(max / 2).toFixed(1)} cases/s)`);
        const run = await systemRun(
          stack,
          'system at half the maximum',
          Math.max(10, Math.round(args.cases / 2)),
          { perSecond: max / 2 },
          servicePids,
        );
        result.system.push({ ...run, vsUpdateBaseline: null });
      }
      for (const s of result.system) {
        const raw = atLevel(result.baselines.update, s.concurrency ?? 1);
        if (raw)
          s.vsUpdateBaseline = {
            concurrency: raw.concurrency,
            casesPerSecond: s.perSecond / raw.perSecond,
            commandP95: s.command.p95 / (raw.step?.p95 ?? NaN),
            // the command latency runs until the read model shows it
            visibleP95: s.commandVisible.p95 / (raw.step?.p95 ?? NaN),
            openP95: s.open.p95 / raw.latency.p95,
          };
      }
    }
    if (!args.skip.has('processes') && args.processCases > 0) {
      for (const scenario of CASE_SCENARIOS) {
        log(`${scenario.process}: open + ${scenario.command} at concurrency ${args.processConcurrency}`);
        await systemRun(stack, 'warm-up', 3, { concurrency: 1 }, {}, scenario);
        const label = `${scenario.process} (open + ${scenario.command})`;
        result.processes.push(
          await systemRun(stack, label, args.processCases, { concurrency: args.processConcurrency }, servicePids, scenario),
        );
      }
    }
    if (!args.skip.has('memory') && args.openCases > 0) {
      log(`opening ${args.openCases} cases (left open) for the memory figure`);
      const { opened, seconds } = await openCases(stack, args.openCases, 16);
      await new Promise((r) => setTimeout(r, 3000));
      result.memory = {
        openCases: opened,
        openedPerSecond: opened / seconds,
        rssMiB: {
          worker: rssMiB(stack.pid('worker')) ?? null,
          projector: rssMiB(stack.pid('projector')) ?? null,
          api: rssMiB(stack.pid('api')) ?? null,
        },
      };
    }
    if (!args.skip.has('rebuild')) {
      const prefix = `${stack.id}g.`;
      log(`generating a case-events topic of ${args.rebuildEvents} events (copies of the stack's cases)`);
      await generateCaseEventsTopic(config, prefix, args.rebuildEvents);
      log('rebuild from the generated topic');
      try {
        result.rebuild = await rebuildRun(ROOT, { ...stack.env, KAFKA_TOPIC_PREFIX: prefix }, pool);
      } finally {
        await deleteGeneratedTopic(config, prefix).catch(() => undefined);
      }
    }
    if (!args.skip.has('queries') && args.querySizes.length > 0) {
      log(`read-model queries at ${args.querySizes.join(', ')} generated cases`);
      result.queries = await readModelQueries(pool, args.querySizes, args.queryRepeats);
    }
  } finally {
    await stack.stop();
    await terminateStackWorkflows(stack).catch((err: unknown) => log(`could not terminate the stack's workflows: ${String(err)}`));
    await pool.query(`DROP SCHEMA IF EXISTS "${String(stack.env.READ_MODEL_SCHEMA)}" CASCADE`).catch(() => undefined);
    await pool.end();
  }
  const lines = formatTable(result);
  console.log(lines.join('\n'));
  const dir = path.join(ROOT, '.local/bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `results-${result.startedAt.replace(/[-:]/g, '').slice(0, 15)}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`results: ${path.relative(ROOT, file)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
