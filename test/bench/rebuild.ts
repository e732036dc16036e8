import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Pool } from 'pg';
import { dropReadModel } from '@qts/read-model';

export interface RebuildRun {
  events: number;
  seconds: number;
  perSecond: number;
  /** events per second from the first event read to the end (start-up left out) */
  perSecondAfterStart: number | null;
}

/** QTS_REBUILD_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"): passed to node for the rebuild CLI */
function nodeArgs(env: NodeJS.ProcessEnv): string[] {
  return (env.QTS_REBUILD_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
}

/** The rebuild CLI (npm run rebuild-read-model) against the stack's topic, into a throw-away schema. */
export async function rebuildRun(root: string, env: NodeJS.ProcessEnv, pool: Pool): Promise<RebuildRun> {
  const schema = `${String(env.READ_MODEL_SCHEMA)}_rebuild`;
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [...nodeArgs(env), path.join(root, 'apps/projector/dist/rebuild.js'), '--schema', schema, '--json'],
      {
        env,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const summary = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
      applied?: number;
      duplicates?: number;
      durationMs?: number;
      firstEventMs?: number | null;
    };
    const events = (summary.applied ?? 0) + (summary.duplicates ?? 0);
    const seconds = (summary.durationMs ?? NaN) / 1000;
    const afterStart = summary.firstEventMs == null ? NaN : (summary.durationMs ?? NaN) - summary.firstEventMs;
    return { events, seconds, perSecond: events / seconds, perSecondAfterStart: afterStart > 0 ? (events * 1000) / afterStart : null };
  } finally {
    await dropReadModel(pool, schema);
  }
}
