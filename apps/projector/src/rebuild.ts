import { Pool } from 'pg';
import { loadConfig } from '@qts/config';
import { compareReadModels, dropReadModel, isEmptyReadModel, schemaExists } from '@qts/read-model';
import { USAGE, UsageError, generatedSchemaName, parseRebuildArgs } from './rebuild/args';
import { formatComparison, formatReplay } from './rebuild/report';
import { replayIntoSchema } from './rebuild/replay';
import { registerExtraProjections } from './extra-projections';

/**
 * CLI: rebuild the read model from the topic into a fresh schema and, with --compare, check it equals another.
 * Proves the read model is a pure function of the events; also the way to build a new schema before switching to it.
 */
async function main(argv: string[]): Promise<number> {
  const args = parseRebuildArgs(argv);
  const config = loadConfig();
  await registerExtraProjections(config.projector.extraProjectionModules);
  const schema = args.schema ?? generatedSchemaName(config.database.readModelSchema, new Date());
  const out = (line: string) => {
    if (!args.json) console.log(line);
  };
  // a rebuild commits once per event: without waiting for each commit's WAL flush (a half-built schema is dropped
  // anyway); flushWal below makes everything durable before the rebuild reports done
  const pool = new Pool({ connectionString: config.database.url, max: 5, options: '-c synchronous_commit=off' });
  try {
    if (!(await isEmptyReadModel(pool, schema)))
      throw new UsageError(`schema "${schema}" already holds a read model: a rebuild needs a fresh one`);
    if (args.compare !== undefined && !(await schemaExists(pool, args.compare)))
      throw new UsageError(`schema "${args.compare}" does not exist`);
    const summary = await replayIntoSchema(config, pool, schema, out).catch(async (err: unknown) => {
      // half a rebuild is no use, and its name would be refused next time
      await dropReadModel(pool, schema);
      throw err;
    });
    await flushWal(pool);
    formatReplay(summary).forEach(out);
    const comparison = args.compare === undefined ? undefined : await compareReadModels(pool, args.compare, schema);
    if (comparison && args.compare !== undefined) formatComparison(args.compare, schema, comparison).forEach(out);
    if (args.json) console.log(JSON.stringify({ ...summary, comparison }));
    return comparison && !comparison.equal ? 1 : 0;
  } finally {
    await pool.end();
  }
}

/** One synchronous commit: it waits for the WAL up to itself, so every earlier asynchronous commit is durable too. */
async function flushWal(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL synchronous_commit = on');
    await client.query('SELECT txid_current()');
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? `${err.name === 'UsageError' ? '' : `${err.name}: `}${err.message}` : err);
    if (err instanceof UsageError) console.error(USAGE);
    process.exit(2);
  },
);
