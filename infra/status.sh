#!/usr/bin/env bash
# One line per service: up/down (by its real health check), address, pid, log.
# Exit status 0 when every listed service is up, 1 otherwise.
# Usage: bash infra/status.sh [all|temporal|kafka|postgres]...   (default: all)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

select_services "$@"
rc=0
# state SERVICE HEALTH_FN ALIVE_FN: up | starting (our process, not healthy) | down
state() {
  if "$2" >/dev/null 2>&1; then
    printf 'up'
  elif "$3" >/dev/null 2>&1; then
    printf 'unhealthy'
  else
    printf 'down'
  fi
}
line() { # service state address extra
  local logf
  logf=$(service_log "$1")
  [[ $1 == postgres ]] && logf=$PG_LOG
  printf '%-9s %-10s %-22s %-48s log %s\n' "$1" "$2" "$3" "$4" "$logf"
  [[ $2 == up ]] || rc=1
}
for svc in "${SELECTED[@]}"; do
  case $svc in
    temporal)
      pid=$(live_pid temporal || printf -- '-')
      line temporal "$(state temporal temporal_healthy temporal_alive)" "127.0.0.1:$TEMPORAL_PORT" \
        "ui http://127.0.0.1:$TEMPORAL_UI_PORT pid $pid"
      ;;
    kafka)
      pid=$(live_pid kafka || printf -- '-')
      line kafka "$(state kafka kafka_healthy kafka_alive)" "127.0.0.1:$KAFKA_PORT" \
        "controller 127.0.0.1:$KAFKA_CONTROLLER_PORT pid $pid"
      ;;
    postgres)
      pg_locate
      pid=-
      [[ -f $PG_DATA/postmaster.pid ]] && pid=$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || printf -- '-')
      line postgres "$(state postgres pg_healthy pg_running_ours)" "127.0.0.1:$PG_PORT" "$DATABASE_URL_LOCAL pid $pid"
      ;;
  esac
done
exit "$rc"
