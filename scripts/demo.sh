#!/usr/bin/env bash
# The README's main command: installs dependencies, builds vmd, fetches Debian's
# arm64 kernel, starts the vmd daemon (foreground process with its own state
# directory under the build tree) and uses vmctl to boot a 2-vCPU VM and attach
# to its console. The guest's init prints a marker and powers the VM off, which
# ends `vmctl run`; the daemon is stopped on exit. On a non-Mac host the VM runs
# on hv/soft, the software CPU behind Apple's Hypervisor API.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${VMD_BUILD_DIR:-$root/build}
cache="$build/guest-cache"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
"$root/scripts/fetch-guests.sh" --cache "$cache"
initrd="$build/demo-initramfs.gz"
/usr/bin/python3 "$root/scripts/make-initramfs.py" --init "$build/tests/linux/vmd_init" --out "$initrd"

state="$build/demo-state"
mkdir -p "$state"
"$build/daemon/vmd" --state-dir "$state" --vmm "$build/engine/vmm/vmm" >"$build/demo-vmd.log" 2>&1 &
vmd_pid=$!
trap 'kill "$vmd_pid" 2>/dev/null; wait "$vmd_pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  [ -S "$state/vmd.sock" ] && break
  kill -0 "$vmd_pid" 2>/dev/null || { cat "$build/demo-vmd.log" >&2; exit 1; }
  sleep 0.1
done
vmctl=("$build/client/vmctl/vmctl" --host "unix://$state/vmd.sock")
echo "demo: vmd is running (state in $state); booting Debian's arm64 kernel" \
     "($(cat "$cache/cloud/kernel-release")) with 2 vCPUs through vmctl"
"${vmctl[@]}" rm --force demo >/dev/null 2>&1 || true
"${vmctl[@]}" run --rm demo --kernel "$cache/cloud/Image" --initrd "$initrd" \
  --cpus 2 --memory 512M --cmdline "console=ttyAMA0 cryptomgr.notests=1"
