import { spawn } from 'node:child_process';
import path from 'node:path';

const REBUILD = path.resolve(__dirname, '../../../../apps/projector/dist/rebuild.js');

/** `rebuild.js --schema <fresh> --compare <live>`: exit 0 when the rebuild from the topic equals the live read model. */
export function rebuildAndCompare(env: NodeJS.ProcessEnv, fresh: string, live: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [REBUILD, '--schema', fresh, '--compare', live], { env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}
