#!/usr/bin/env bash
# The whole test suite on a fresh machine: install, build, lint, format, type-check, then every tier
# (unit, workflow on the time-skipping server, replay, integration on real Temporal/Kafka/PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
# the addresses of the services on the ports infra/ is asked for (TEMPORAL_PORT, KAFKA_PORT, PG_PORT; see infra/lib.sh),
# for the apps and tests, unless set: a checkout run on other ports talks to its own services, not another's
export TEMPORAL_ADDRESS=${TEMPORAL_ADDRESS:-127.0.0.1:${TEMPORAL_PORT:-7233}}
export KAFKA_BROKERS=${KAFKA_BROKERS:-127.0.0.1:${KAFKA_PORT:-9092}}
export DATABASE_URL=${DATABASE_URL:-postgres://qts:qts@127.0.0.1:${PG_PORT:-55432}/qts}
step() { printf '\n=== %s ===\n' "$*"; }

step install
bash scripts/install.sh
step build
npx tsc -b tsconfig.json
# the web app: API types from the OpenAPI document, type check, vite build (skipped when nothing changed)
bash scripts/build-web.sh
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
rm -f .local/test-results/*.json
# Every tier runs even when an earlier one fails, each under a time limit, so a hang cannot eat CI's budget:
# a tier over its limit is ended and reported as such.
declare -A LIMIT=([unit]=15m [workflow]=20m [replay]=10m [int]=40m [browser]=10m [fuzz]=10m [faults]=15m)
# the integration files share the machine's one Temporal, Kafka and PostgreSQL and each starts three apps: one file
# at a time, whatever the core count (jest would otherwise run several at once on a larger machine)
declare -A EXTRA=([unit]="" [workflow]="" [replay]="" [int]="--runInBand" [browser]="--runInBand" [fuzz]="--runInBand" [faults]="--runInBand")
failed=()
# faults last: it kills and restarts the machine's services under load (test/faults)
for tier in unit workflow replay int browser fuzz faults; do
  step "tests: $tier (limit ${LIMIT[$tier]})"
  status=0
  timeout --kill-after=30s "${LIMIT[$tier]}" \
    node_modules/.bin/jest --selectProjects "$tier" ${EXTRA[$tier]} --ci --json --outputFile=".local/test-results/$tier.json" || status=$?
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    echo "[test] tier $tier ended: over its ${LIMIT[$tier]} limit" >&2
    failed+=("$tier (over ${LIMIT[$tier]})")
  elif [ "$status" -ne 0 ]; then
    failed+=("$tier")
  fi
done
# one closing line over every tier, in the plain form CI reads
node -e '
  const fs = require("node:fs");
  const tiers = ["unit", "workflow", "replay", "int", "browser", "fuzz", "faults"];
  const results = tiers.map((t) => [t, `./.local/test-results/${t}.json`]).filter(([, f]) => fs.existsSync(f));
  const sum = (k) => results.reduce((n, [, f]) => n + require(f)[k], 0);
  const missing = tiers.filter((t) => !results.some(([name]) => name === t));
  console.log(`\nTotal: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed` +
    (missing.length ? ` (no results from: ${missing.join(", ")})` : ""));
'
if [ "${#failed[@]}" -gt 0 ]; then
  echo "[test] failed tiers: ${failed[*]}" >&2
  exit 1
fi
