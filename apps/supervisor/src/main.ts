import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Supervisor, type SupervisedApp } from './supervisor';

/**
 * `node apps/supervisor/dist/main.js [--app name=script.js …]`: runs the worker, projector and API (or the apps named)
 * from the repository root, restarting any that exits; Ctrl-C or SIGTERM stops them all. Used by `npm start`.
 */
const root = path.resolve(__dirname, '../../..');
const named = process.argv
  .slice(2)
  .flatMap((arg, i, all) => (arg === '--app' && all[i + 1] ? [all[i + 1] ?? ''] : []))
  .map((spec) => {
    const [name, script] = spec.split('=', 2);
    if (!name || !script) throw new Error(`--app expects name=script.js, got ${JSON.stringify(spec)}`);
    return { name, script: path.resolve(script) };
  });
const apps: SupervisedApp[] = (
  named.length > 0 ? named : ['worker', 'projector', 'api'].map((name) => ({ name, script: path.join(root, `apps/${name}/dist/main.js`) }))
).map(({ name, script }) => ({
  name,
  script,
  logFile: path.join(root, '.local/logs', `${name}.log`),
  pidFile: path.join(root, '.local/run', `${name}.pid`),
}));

const say = (line: string) => console.log(`[supervisor] ${line}`);
const supervisor = new Supervisor(apps, say);
// `npm stop` finds the supervisor of `npm start` here (a run with named apps, as in tests, leaves it alone)
const ownPid = named.length > 0 ? null : path.join(root, '.local/run/supervisor.pid');
if (ownPid) {
  mkdirSync(path.dirname(ownPid), { recursive: true });
  writeFileSync(ownPid, `${process.pid}\n`);
}
supervisor.start();

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  say(`${signal}: stopping every app`);
  void supervisor.stop().then(() => {
    if (ownPid) rmSync(ownPid, { force: true });
    say('all apps stopped');
    process.exit(0);
  });
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
