import { parseArgs } from 'node:util';

export const USAGE = `usage: npm run bench -- [--quick] [--levels 1,8,16] [--cases N] [--baseline-ops N]
  [--query-sizes 100000,1000000] [--query-repeats N] [--open-cases N] [--rebuild-events N]
  [--process-cases N] [--process-concurrency N] [--skip baselines,system,processes,memory,rebuild,queries]
  --quick: a few seconds per part (levels 1,8; 20 cases; 40 baseline operations; 12 cases per process at 4;
  10k/100k rows; 500 open cases; 5k events rebuilt)`;

export interface BenchArgs {
  levels: number[];
  /** cases per concurrency level (a level of 1 runs a quarter of them) */
  cases: number;
  baselineOps: number;
  querySizes: number[];
  queryRepeats: number;
  openCases: number;
  /** events on the generated topic the rebuild reads */
  rebuildEvents: number;
  /** cases of each process (CASE_SCENARIOS), opened and moved on once, at processConcurrency */
  processCases: number;
  processConcurrency: number;
  skip: Set<string>;
}

const numbers = (text: string) => text.split(',').map((s) => Number(s.trim()));

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean' },
      levels: { type: 'string' },
      cases: { type: 'string' },
      'baseline-ops': { type: 'string' },
      'query-sizes': { type: 'string' },
      'query-repeats': { type: 'string' },
      'open-cases': { type: 'string' },
      'rebuild-events': { type: 'string' },
      'process-cases': { type: 'string' },
      'process-concurrency': { type: 'string' },
      skip: { type: 'string' },
    },
    strict: true,
  });
  const quick = values.quick ?? false;
  const args: BenchArgs = {
    levels: numbers(values.levels ?? (quick ? '1,8' : '1,8,16')),
    cases: Number(values.cases ?? (quick ? 20 : 200)),
    baselineOps: Number(values['baseline-ops'] ?? (quick ? 40 : 300)),
    querySizes: numbers(values['query-sizes'] ?? (quick ? '10000,100000' : '100000,1000000')),
    queryRepeats: Number(values['query-repeats'] ?? (quick ? 20 : 100)),
    openCases: Number(values['open-cases'] ?? (quick ? 500 : 10_000)),
    rebuildEvents: Number(values['rebuild-events'] ?? (quick ? 5_000 : 50_000)),
    processCases: Number(values['process-cases'] ?? (quick ? 12 : 80)),
    processConcurrency: Number(values['process-concurrency'] ?? (quick ? 4 : 8)),
    skip: new Set((values.skip ?? '').split(',').filter((s) => s !== '')),
  };
  const all = [
    ...args.levels,
    ...args.querySizes,
    args.cases,
    args.baselineOps,
    args.queryRepeats,
    args.openCases,
    args.rebuildEvents,
    args.processCases,
    args.processConcurrency,
  ];
  if (all.some((n) => !Number.isInteger(n) || n < 0) || args.levels.some((n) => n < 1) || args.processConcurrency < 1)
    throw new Error(`bad arguments\n${USAGE}`);
  return args;
}
