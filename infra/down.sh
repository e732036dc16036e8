#!/usr/bin/env bash
# Stops what infra/up.sh started (graceful, then SIGKILL after STOP_TIMEOUT=30s). Data is kept.
# Idempotent: a service that is not running is reported and skipped.
# Usage: bash infra/down.sh [all|temporal|kafka|postgres]...   (default: all)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

select_services "$@"
take_infra_lock
for svc in "${SELECTED[@]}"; do
  case $svc in
    temporal) temporal_down ;;
    kafka) kafka_down ;;
    postgres) pg_down ;;
  esac
done
