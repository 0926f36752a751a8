#!/usr/bin/env bash
# The libFuzzer targets (tests/fuzz: the virtqueue and every virtio device's
# request parsing), built with clang + ASan/UBSan in their own build tree
# ($VMD_FUZZ_BUILD_DIR, default ./build-fuzz) and each run for a bounded time
# (VMD_FUZZ_SECONDS, default 20) over its corpus and the committed crash
# regressions. Called by scripts/test.sh (the README's test command) after the
# main tests; by hand: scripts/fuzz.sh [ctest args]. A crash fails the run and
# leaves its input as build-fuzz/tests/fuzz/crash-*: add it to
# tests/fuzz/regressions/<target>/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${VMD_FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${VMD_FUZZ_SECONDS:-20}
if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ not installed (scripts/install-deps.sh installs it)" >&2
  exit 1
fi
if [ ! -f "$build/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DVMD_BUILD_FUZZERS=ON -DVMD_BUILD_GUESTS=OFF >/dev/null
fi
cmake -S "$root" -B "$build" -DVMD_FUZZ_SECONDS="$seconds" >/dev/null
targets=$(sed -n 's/^foreach(name \(.*\))$/\1/p' "$root/tests/fuzz/CMakeLists.txt")
[ -n "$targets" ] || { echo "fuzz: no targets found in tests/fuzz/CMakeLists.txt" >&2; exit 1; }
# shellcheck disable=SC2086
cmake --build "$build" -j "${VMD_JOBS:-$(nproc)}" --target $targets
regex=$(echo $targets | tr ' ' '|')
cd "$build"
exec ctest -R "^($regex)\$" --output-on-failure -j "${VMD_TEST_JOBS:-2}" \
  --timeout $((seconds + 100)) "$@"
