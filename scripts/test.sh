#!/usr/bin/env bash
# The README's test command: installs dependencies, builds, and runs every test
# except those labelled `long`. Exit status is ctest's.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${VMD_BUILD_DIR:-$root/build}
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
cd "$build"
ctest -LE long --output-on-failure --timeout 900 -j "${VMD_TEST_JOBS:-2}" "$@"
