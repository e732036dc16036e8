import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Pool } from 'pg';
import { dropReadModel } from '@qts/read-model';

export interface RebuildRun {
  events: number;
  seconds: number;
  perSecond: number;
}

/** The rebuild CLI (npm run rebuild-read-model) against the stack's topic, into a throw-away schema. */
export async function rebuildRun(root: string, env: NodeJS.ProcessEnv, pool: Pool): Promise<RebuildRun> {
  const schema = `${String(env.READ_MODEL_SCHEMA)}_rebuild`;
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(root, 'apps/projector/dist/rebuild.js'), '--schema', schema, '--json'],
      {
        env,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const summary = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { applied?: number; duplicates?: number; durationMs?: number };
    const events = (summary.applied ?? 0) + (summary.duplicates ?? 0);
    const seconds = (summary.durationMs ?? NaN) / 1000;
    return { events, seconds, perSecond: events / seconds };
  } finally {
    await dropReadModel(pool, schema);
  }
}
