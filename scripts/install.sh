#!/usr/bin/env bash
# npm ci when package-lock.json changed since the last install (so a second run is instant).
set -euo pipefail
cd "$(dirname "$0")/.."
# Node.js is the one thing these scripts do not install: say so plainly rather than fail later in npm or tsc.
need_node=$(node -p 'require("./package.json").engines.node' 2>/dev/null || true)
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "[install] Node.js ${need_node:->=20.3.0} with npm is needed (not installed by these scripts): https://nodejs.org/" >&2
  exit 1
fi
if ! node -e '
  const [want, have] = [/(\d+)\.(\d+)/.exec(require("./package.json").engines.node), process.versions.node.split(".")];
  process.exit(+have[0] > +want[1] || (+have[0] === +want[1] && +have[1] >= +want[2]) ? 0 : 1);
'; then
  echo "[install] Node.js $need_node is needed, found $(node --version)" >&2
  exit 1
fi
marker=node_modules/.qts-lock-hash
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ -f $marker && "$(cat "$marker")" == "$want" ]]; then
  echo "[install] node_modules up to date"
else
  echo "[install] npm ci"
  npm ci --no-audit --no-fund
  echo "$want" >"$marker"
fi
# The printed 特种设备安全监察指令书 (PDF) is set in a CJK font: Debian's fonts-noto-cjk, installed once.
if [[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc || -n "${QTS_CJK_FONT:-}" ]]; then
  echo "[install] CJK font present"
elif command -v apt-get >/dev/null && ((EUID == 0)); then
  echo "[install] apt-get install fonts-noto-cjk (for the printed directives)"
  export DEBIAN_FRONTEND=noninteractive
  apt-cache show fonts-noto-cjk >/dev/null 2>&1 || apt-get update -qq
  apt-get install -y -qq --no-install-recommends fonts-noto-cjk >&2
else
  echo "[install] no CJK font: run 'apt-get install fonts-noto-cjk' as root, or set QTS_CJK_FONT to a .ttf/.otf (the 指令书 PDF needs one)" >&2
fi
# The browser tests (test/browser) drive Debian's chromium through playwright-core (no browser download): installed once.
if [[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]]; then
  echo "[install] chromium present"
elif command -v apt-get >/dev/null && ((EUID == 0)); then
  echo "[install] apt-get install chromium (for the browser tests)"
  export DEBIAN_FRONTEND=noninteractive
  apt-cache show chromium >/dev/null 2>&1 || apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium >&2
else
  echo "[install] no chromium: run 'apt-get install chromium' as root, or set CHROMIUM_PATH (the browser tests need one)" >&2
fi
