#!/usr/bin/env bash
# Runs the whole system on local defaults: services (Temporal, Kafka, PostgreSQL), then worker, projector and API.
# Ctrl-C stops the apps; `npm stop` (another terminal) stops the apps and the services.
set -euo pipefail
cd "$(dirname "$0")/.."
# the addresses of the services on the ports infra/ is asked for (TEMPORAL_PORT, KAFKA_PORT, PG_PORT; see infra/lib.sh),
# for the apps and tests, unless set: a checkout run on other ports talks to its own services, not another's
export TEMPORAL_ADDRESS=${TEMPORAL_ADDRESS:-127.0.0.1:${TEMPORAL_PORT:-7233}}
export KAFKA_BROKERS=${KAFKA_BROKERS:-127.0.0.1:${KAFKA_PORT:-9092}}
export DATABASE_URL=${DATABASE_URL:-postgres://qts:qts@127.0.0.1:${PG_PORT:-55432}/qts}
bash scripts/install.sh
npx tsc -b tsconfig.json
bash scripts/build-web.sh
bash infra/up.sh
mkdir -p .local/logs .local/run .local/secrets
# the token signing key of this machine: generated once, kept out of git (rotate: prepend a new kid:secret)
if [ -z "${AUTH_JWT_KEYS:-}" ]; then
  keys=.local/secrets/jwt-keys
  if [ ! -s "$keys" ]; then
    (umask 077 && echo "k$(date +%Y%m%d):$(node -e 'process.stdout.write(require("crypto").randomBytes(48).toString("base64url"))')" >"$keys")
  fi
  AUTH_JWT_KEYS=$(cat "$keys")
  export AUTH_JWT_KEYS
fi
# local runs get the demo bureau (idempotent); set QTS_DEMO_SEED=0 to start with no accounts
if [ "${QTS_DEMO_SEED:-1}" != "0" ]; then node libs/identity/dist/cli.js seed-demo; fi
# the supervisor runs worker, projector and API, restarts one that crashes (back-off 1 s … 30 s, said on this
# terminal) without touching the others, and stops them all on Ctrl-C (apps/supervisor)
node apps/supervisor/dist/main.js &
supervisor=$!
stop_all() {
  trap - INT TERM EXIT
  kill -TERM "$supervisor" 2>/dev/null || true
  wait "$supervisor" 2>/dev/null || true
}
trap stop_all INT TERM EXIT
port=${API_PORT:-3000}
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
    echo "[start] up: UI http://127.0.0.1:$port/  API http://127.0.0.1:$port  OpenAPI http://127.0.0.1:$port/api/docs (JSON /api/docs-json)  Temporal UI http://127.0.0.1:${TEMPORAL_UI_PORT:-8233}"
    curl -sS "http://127.0.0.1:$port/health"
    echo
    break
  fi
  kill -0 "$supervisor" 2>/dev/null || { echo "[start] the supervisor exited; see .local/logs/"; exit 1; }
  sleep 1
done
wait "$supervisor"
