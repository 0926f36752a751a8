#!/usr/bin/env bash
# The `fetch_guests` ctest: runs scripts/fetch-guests.sh into the build's guest
# cache, then checks that what Linux-booting tests need is really there.
#   check-guest-cache.sh path/to/fetch-guests.sh CACHE_DIR
set -uo pipefail
fetch="$1" cache="$2"

# --generic: the power-button tests and the demo VM need its gpio_keys.ko/evdev.ko.
"$fetch" --cache "$cache" --generic || { echo "check-guest-cache: fetch-guests.sh failed"; exit 1; }

fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "MISSING: $1"; fail=1; fi; }

image="$cache/cloud/Image"
check "cloud kernel Image" "[ -s '$image' ]"
# arm64 Image header: magic \"ARM\\x64\" at byte 56.
check "Image has the arm64 magic" \
  "[ \"\$(od -An -tx1 -j56 -N4 '$image' 2>/dev/null | tr -d ' ')\" = 41524d64 ]"
check "cloud kernel vmlinuz" "ls '$cache'/cloud/vmlinuz-* >/dev/null 2>&1"
kver=$(cat "$cache/cloud/kernel-release" 2>/dev/null)
check "kernel-release names the kernel" "[ -n '$kver' ]"
check "modules tree for $kver" "[ -d '$cache/cloud/lib/modules/$kver/kernel' ]"
check "modules.builtin for $kver" \
  "[ -f '$cache/cloud/lib/modules/$kver/modules.builtin' ]"
bb="$cache/busybox/busybox"
check "busybox" "[ -x '$bb' ]"
# ELF, 64-bit, e_machine 0xb7 (AArch64) at byte 18.
check "busybox is an AArch64 ELF" \
  "[ \"\$(od -An -tx1 -N5 '$bb' | tr -d ' ')\" = 7f454c4602 ] && [ \"\$(od -An -tx1 -j18 -N2 '$bb' | tr -d ' ')\" = b700 ]"
gver=$(cat "$cache/generic/kernel-release" 2>/dev/null)
check "generic kernel Image" "[ -s '$cache/generic/Image' ]"
check "gpio_keys.ko for $gver" "ls '$cache'/generic/lib/modules/'$gver'/kernel/drivers/input/keyboard/gpio_keys.ko* >/dev/null 2>&1"
check "manifest" "[ -s '$cache/manifest' ]"
exit $fail
