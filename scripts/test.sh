#!/usr/bin/env bash
# The README's test command: installs dependencies, builds, and runs every test
# except those labelled `long`, then the fuzz targets for a bounded time
# (scripts/fuzz.sh). Non-zero if either fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${VMD_BUILD_DIR:-$root/build}
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
status=0
(cd "$build" && ctest -LE long --output-on-failure --timeout 900 -j "${VMD_TEST_JOBS:-2}" "$@") ||
  status=$?
# The fuzz targets (clang, sanitizers), each for a bounded time.
"$root/scripts/fuzz.sh" || status=$?
exit $status
