#!/usr/bin/env bash
# Builds the demo guest's initramfs: vmd-init as /init, Debian's static busybox
# (a shell and the usual tools) and, from the kernel package in the guest cache,
# the virtio drivers (mmio transport, block, net, console, rng, balloon) plus,
# for the generic kernel, gpio_keys and evdev (the power button), each with its
# dependencies. Used by scripts/demo.sh; by hand:
#
#   scripts/make-guest-image.sh --cache build/guest-cache --init build/tests/linux/vmd_init \
#       --out /tmp/initrd.gz [--flavor generic|cloud]
#
# The cache comes from scripts/fetch-guests.sh (--generic for the generic kernel).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache="" init="" out="" flavor=generic
while [ $# -gt 0 ]; do
  case "$1" in
    --cache) cache=$2; shift 2 ;;
    --init) init=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --flavor) flavor=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "make-guest-image: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
[ -n "$cache" ] && [ -n "$init" ] && [ -n "$out" ] ||
  { echo "make-guest-image: --cache, --init and --out are required" >&2; exit 2; }
case "$flavor" in generic|cloud) ;; *) echo "make-guest-image: --flavor generic or cloud" >&2; exit 2 ;; esac
release_file="$cache/$flavor/kernel-release"
[ -f "$release_file" ] || {
  hint=""
  [ "$flavor" = generic ] && hint=" --generic"
  echo "make-guest-image: no $flavor kernel in $cache (run scripts/fetch-guests.sh --cache $cache$hint)" >&2
  exit 1
}
modules=(virtio_mmio virtio_blk virtio_net virtio_console virtio-rng virtio_balloon)
[ "$flavor" = generic ] && modules+=(gpio_keys evdev)
args=()
for m in "${modules[@]}"; do args+=(--module "$m"); done
exec /usr/bin/python3 "$root/scripts/make-initramfs.py" --init "$init" --out "$out" \
  --busybox "$cache/busybox/busybox" \
  --modules-root "$cache/$flavor/lib/modules/$(cat "$release_file")" "${args[@]}"
