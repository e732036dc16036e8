#!/usr/bin/env bash
# Stops the apps `npm start` launched (if any are still running), then the services.
set -euo pipefail
cd "$(dirname "$0")/.."
# the supervisor first, or it would restart the apps stopped below
sup=.local/run/supervisor.pid
if [[ -f $sup ]] && kill -0 "$(cat "$sup")" 2>/dev/null; then
  kill "$(cat "$sup")"
  for _ in $(seq 1 75); do kill -0 "$(cat "$sup" 2>/dev/null || echo 0)" 2>/dev/null || break; sleep 0.2; done
  echo "[stop] supervisor and apps stopped"
fi
rm -f "$sup"
for app in api projector worker; do
  pidf=".local/run/$app.pid"
  [[ -f $pidf ]] || continue
  pid=$(cat "$pidf")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
    echo "[stop] $app stopped"
  fi
  rm -f "$pidf"
done
bash infra/down.sh
