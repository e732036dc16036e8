// After the integration tier: end any app process a test started and did not stop (a failed start, a test that
// threw before its afterAll). Left running, they keep jest alive forever and hold their Kafka groups.
const { existsSync, readFileSync, rmSync } = require('node:fs');

module.exports = async function globalTeardown() {
  const REGISTRY = process.env.QTS_TEST_APP_PIDS;
  if (!REGISTRY) return;
  if (!existsSync(REGISTRY)) return;
  const pids = readFileSync(REGISTRY, 'utf8').split('\n').filter(Boolean).map(Number);
  rmSync(REGISTRY, { force: true });
  // only our own apps: a pid the system has since given to another program is left alone
  const survivors = pids.filter((pid) => {
    try {
      return /apps\/(api|worker|projector)\/dist\/main\.js/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    } catch {
      return false;
    }
  });
  for (const pid of survivors) process.kill(pid, 'SIGKILL');
  if (survivors.length > 0)
    console.warn(`[int teardown] ended ${survivors.length} app process(es) a test left running: ${survivors.join(' ')}`);
};
