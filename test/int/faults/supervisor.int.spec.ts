import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitUntil } from '../../support/stack';

const SUPERVISOR = path.resolve(__dirname, '../../../apps/supervisor/dist/main.js');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** `npm start`'s supervisor: a crashing app is restarted and said so, the others keep running, SIGTERM stops all. */
describe('the app supervisor', () => {
  it('restarts a crashed app with back-off, leaves the others alone, and stops every app on SIGTERM', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qts-supervisor-'));
    const steady = path.join(dir, 'steady.js');
    const crashy = path.join(dir, 'crashy.js');
    writeFileSync(
      steady,
      `require('node:fs').writeFileSync(${JSON.stringify(path.join(dir, 'steady.pid'))}, String(process.pid)); setInterval(() => {}, 1000);`,
    );
    writeFileSync(
      crashy,
      `require('node:fs').appendFileSync(${JSON.stringify(path.join(dir, 'crashy.runs'))}, process.pid + '\\n'); setTimeout(() => process.exit(3), 200);`,
    );
    const id = `${process.pid}-${Date.now()}`;
    const child = spawn(process.execPath, [SUPERVISOR, '--app', `steady-${id}=${steady}`, '--app', `crashy-${id}=${crashy}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    try {
      const steadyPid = Number(
        await waitUntil('the steady app', () => Promise.resolve(readFileSync(path.join(dir, 'steady.pid'), 'utf8') || undefined)),
      );
      // first run, restart after 1 s, restart after 2 s: three runs within ~4 s
      const runs = await waitUntil(
        'the crashing app to be restarted twice',
        () => {
          const lines = readFileSync(path.join(dir, 'crashy.runs'), 'utf8').trim().split('\n');
          return Promise.resolve(lines.length >= 3 ? lines : undefined);
        },
        20_000,
      );
      expect(new Set(runs).size).toBe(runs.length);
      expect(output).toMatch(new RegExp(`crashy-${id} exited \\(code 3\\).*restart #1 in 1 s`));
      expect(output).toMatch(new RegExp(`crashy-${id} exited \\(code 3\\).*restart #2 in 2 s`));
      // the steady app was never touched
      expect(alive(steadyPid)).toBe(true);
      expect(readFileSync(path.join(dir, 'steady.pid'), 'utf8')).toBe(String(steadyPid));

      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(alive(steadyPid)).toBe(false);
      expect(output).toContain('all apps stopped');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
