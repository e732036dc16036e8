#!/usr/bin/env bash
# npm ci when package-lock.json changed since the last install (so a second run is instant).
set -euo pipefail
cd "$(dirname "$0")/.."
marker=node_modules/.qts-lock-hash
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ -f $marker && "$(cat "$marker")" == "$want" ]]; then
  echo "[install] node_modules up to date"
else
  echo "[install] npm ci"
  npm ci --no-audit --no-fund
  echo "$want" >"$marker"
fi
