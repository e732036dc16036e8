import { parseArgs } from 'node:util';
import { assertSchemaName } from '@qts/read-model';

export interface RebuildArgs {
  /** the fresh schema to build; generated when absent */
  schema: string | undefined;
  /** the schema to compare the rebuild with, usually the live one */
  compare: string | undefined;
  json: boolean;
}

export const USAGE = `usage: node apps/projector/dist/rebuild.js [--schema <new schema>] [--compare <live schema>] [--json]
  Replays cases.events.v1 from the beginning up to its current end into a fresh schema
  (default <READ_MODEL_SCHEMA>_rebuild_<UTC timestamp>), then optionally compares it with another schema.
  Exit code: 0 built (and equal), 1 different, 2 usage or start-up error.`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseRebuildArgs(argv: string[]): RebuildArgs {
  let values: { schema?: string; compare?: string; json?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { schema: { type: 'string' }, compare: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  try {
    if (values.schema !== undefined) assertSchemaName(values.schema);
    if (values.compare !== undefined) assertSchemaName(values.compare);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (values.schema !== undefined && values.schema === values.compare) throw new UsageError('--schema and --compare name the same schema');
  return { schema: values.schema, compare: values.compare, json: values.json ?? false };
}

/** e.g. read_model_rebuild_20250301T081500 (UTC): sorts by time, stays a plain identifier */
export function generatedSchemaName(base: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 15).toLowerCase();
  return assertSchemaName(`${base}_rebuild_${stamp}`.slice(0, 63));
}
