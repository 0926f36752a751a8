#!/usr/bin/env bash
# Configures and builds vmd into ./build (or $VMD_BUILD_DIR) with CMake + Ninja.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${VMD_BUILD_DIR:-$root/build}
jobs=${VMD_JOBS:-$(nproc)}
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=${VMD_BUILD_TYPE:-RelWithDebInfo}
fi
cmake --build "$build" -j "$jobs"
