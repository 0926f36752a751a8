#!/usr/bin/env bash
# The README's main command: installs dependencies, builds vmd, fetches Debian's
# arm64 kernel, and boots it in a 2-vCPU VM on this machine (hv/soft, the
# software CPU behind Apple's Hypervisor API, on a non-Mac host). The guest's
# init prints a marker and powers the VM off; vmm exits 0 on a guest power-off.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${VMD_BUILD_DIR:-$root/build}
cache="$build/guest-cache"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
"$root/scripts/fetch-guests.sh" --cache "$cache"
initrd="$build/demo-initramfs.gz"
/usr/bin/python3 "$root/scripts/make-initramfs.py" --init "$build/tests/linux/vmd_init" --out "$initrd"
echo "demo: booting Debian's arm64 kernel ($(cat "$cache/cloud/kernel-release")) with 2 vCPUs"
exec "$build/engine/vmm/vmm" --kernel "$cache/cloud/Image" --initrd "$initrd" \
  --cpus 2 --memory 512M --cmdline "console=ttyAMA0 cryptomgr.notests=1"
