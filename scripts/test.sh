#!/usr/bin/env bash
# The whole test suite on a fresh machine: install, build, lint, format, type-check, then every tier
# (unit, workflow on the time-skipping server, replay, integration on real Temporal/Kafka/PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== %s ===\n' "$*"; }

step install
bash scripts/install.sh
step build
npx tsc -b tsconfig.json
step "format (prettier)"
npx prettier --check . --log-level warn
step "lint (eslint, type-aware)"
npx eslint . --max-warnings 0
step "type-check tests"
npx tsc -p test/tsconfig.json
step "services (infra/up.sh)"
bash infra/up.sh
TEMPORAL_TEST_SERVER_PATH=$(bash infra/temporal-test-server-path.sh)
export TEMPORAL_TEST_SERVER_PATH
mkdir -p .local/test-results
for tier in unit workflow replay int; do
  step "tests: $tier"
  npx jest --selectProjects "$tier" --ci --json --outputFile=".local/test-results/$tier.json"
done
# one closing line over every tier, in the plain form CI reads
node -e '
  const tiers = ["unit", "workflow", "replay", "int"].map((t) => require(`./.local/test-results/${t}.json`));
  const sum = (k) => tiers.reduce((n, r) => n + r[k], 0);
  console.log(`\nTotal: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed`);
'
