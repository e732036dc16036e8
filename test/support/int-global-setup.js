// The integration tier needs the real services: start them once per run (idempotent, fast when already up).
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { pruneTestLeftovers } = require('./prune-test-leftovers');

module.exports = async function globalSetup() {
  // this run's own list of the app processes its tests start (the teardown ends the ones left running): one file per
  // jest run, so two runs on one machine (two worktrees sharing .local) never end each other's apps
  process.env.QTS_TEST_APP_PIDS = path.join(__dirname, '../../.local/logs/tests', `app-pids-${process.pid}`);
  execFileSync('bash', [path.join(__dirname, '../../infra/up.sh')], { stdio: 'inherit' });
  await pruneTestLeftovers();
};
