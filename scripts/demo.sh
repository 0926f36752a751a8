#!/usr/bin/env bash
# The README's main command: installs dependencies, builds, and boots the demo VM.
# Today the demo is the bare-metal hello payload on hv/soft (the software CPU
# behind Apple's Hypervisor API); later it boots Linux through vmd and vmctl.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${VMD_BUILD_DIR:-$root/build}
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
payload="$build/tests/guests/hello.bin"
runner="$build/tests/guests/runner/hvrun"
echo "demo: booting $payload on hv/soft"
exec "$runner" "$payload"
