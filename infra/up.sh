#!/usr/bin/env bash
# Installs (once, pinned versions from infra/versions.env), starts (unless already running) and waits
# for the local services to be healthy. Idempotent: a second run only re-checks health.
# Usage: bash infra/up.sh [all|temporal|kafka|postgres]...   (default: all)
# Ports: TEMPORAL_PORT=7233 TEMPORAL_UI_PORT=8233 KAFKA_PORT=9092 KAFKA_CONTROLLER_PORT=9093 PG_PORT=55432
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

select_services "$@"
take_infra_lock
mkdir -p "$LOG_DIR"
started=$SECONDS
for svc in "${SELECTED[@]}"; do
  case $svc in
    temporal) temporal_up ;;
    kafka) kafka_up ;;
    postgres) pg_up ;;
  esac
done

log infra "ready in $((SECONDS - started))s: ${SELECTED[*]}"
for svc in "${SELECTED[@]}"; do
  case $svc in
    temporal) printf '  TEMPORAL_ADDRESS=127.0.0.1:%s  (UI http://127.0.0.1:%s)\n' "$TEMPORAL_PORT" "$TEMPORAL_UI_PORT" >&2 ;;
    kafka) printf '  KAFKA_BROKERS=127.0.0.1:%s\n' "$KAFKA_PORT" >&2 ;;
    postgres) printf '  DATABASE_URL=%s\n' "$DATABASE_URL_LOCAL" >&2 ;;
  esac
done
