#!/usr/bin/env bash
# Prints the pid of a running service that infra/up.sh started (for the fault suite's kill -9); exits 1 if none.
# Usage: bash infra/pid.sh temporal|kafka|postgres
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

case ${1:-} in
  temporal | kafka) live_pid "$1" ;;
  postgres)
    pg_locate
    pid=$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)
    [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || exit 1
    # a postmaster.pid left by a killed server names a pid the system may have given to another process since
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "-D $PG_DATA" || exit 1
    printf '%s\n' "$pid"
    ;;
  *)
    echo "usage: infra/pid.sh temporal|kafka|postgres" >&2
    exit 2
    ;;
esac
