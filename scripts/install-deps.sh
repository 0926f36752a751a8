#!/usr/bin/env bash
# Installs everything vmd needs to build and test on Debian 12 (bookworm).
# Run as root (or through sudo); safe to run again: quick when all is present.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config git clang clang-format lld
  libclang-rt-14-dev
  # libraries
  libgrpc++-dev libprotobuf-dev protobuf-compiler protobuf-compiler-grpc
  libabsl-dev libspdlog-dev libfmt-dev libgtest-dev libgmock-dev
  libbenchmark-dev libfdt-dev device-tree-compiler libcli11-dev zlib1g-dev
  libslirp-dev libglib2.0-dev
  # guests and test oracles
  gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu
  qemu-system-arm qemu-user ipxe-qemu
  cpio gzip xz-utils zstd ca-certificates
  # python client and end-to-end tests
  python3 python3-grpcio python3-protobuf
  # mTLS end-to-end test (generates a CA and certificates)
  openssl
  # terminal tests
  tmux
)

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then exec sudo -E "$0" "$@"; fi
  echo "install-deps: run as root (apt-get needs it)" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# arm64 is needed to `apt-get download` the guest kernel and busybox.
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  dpkg --add-architecture arm64
  need_update=1
fi

if [ ${#missing[@]} -eq 0 ] && [ -z "${need_update:-}" ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
echo "install-deps: apt-get update"
apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "install-deps: done"
