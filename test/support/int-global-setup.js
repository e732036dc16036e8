// The integration tier needs the real services: start them once per run (idempotent, fast when already up).
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function globalSetup() {
  execFileSync('bash', [path.join(__dirname, '../../infra/up.sh')], { stdio: 'inherit' });
};
