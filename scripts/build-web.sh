#!/usr/bin/env bash
# The web app (apps/web-app): its API types from the OpenAPI document the API builds (no server needed), a type check,
# then `vite build` to apps/web-app/dist, which the API serves at /. Needs `tsc -b` first (it reads apps/api/dist).
# Idempotent: the types are rewritten only when the document changed, and vite runs only when an input changed.
set -euo pipefail
cd "$(dirname "$0")/.."
app=apps/web-app
doc=$(mktemp --suffix=.json)
types=$(mktemp --suffix=.d.ts)
trap 'rm -f "$doc" "$types"' EXIT
node apps/api/dist/openapi/write-document.js "$doc"
node_modules/.bin/openapi-typescript "$doc" --output "$types" >/dev/null
if ! cmp -s "$types" "$app/src/api/schema.d.ts"; then
  cp "$types" "$app/src/api/schema.d.ts"
  echo "[build-web] API types regenerated: $app/src/api/schema.d.ts (commit it)"
fi
stamp=$(find "$app/src" "$app/index.html" "$app/vite.config.ts" "$app/tsconfig.json" "$app/package.json" package-lock.json -type f -print0 |
  sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
if [[ -f $app/dist/.build-stamp && "$(cat "$app/dist/.build-stamp")" == "$stamp" ]]; then
  echo "[build-web] $app/dist up to date"
  exit 0
fi
node_modules/.bin/tsc -p "$app/tsconfig.json"
(cd "$app" && ../../node_modules/.bin/vite build --logLevel warn)
echo "$stamp" >"$app/dist/.build-stamp"
echo "[build-web] built $app/dist"
