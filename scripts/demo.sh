#!/usr/bin/env bash
# The README's main command: installs dependencies, builds vmd, fetches Debian's
# arm64 kernel and busybox, starts the vmd daemon (foreground process with its
# own state directory under the build tree) and uses vmctl to boot a 2-vCPU VM
# and attach to its console: a busybox shell. `exit` powers the VM off (so does
# `vmctl stop demo` from another terminal: the power button); Ctrl-] detaches
# and leaves it running. Without a terminal (CI) a few commands are typed for
# you once the guest is up. The daemon is stopped on exit. On a non-Mac host
# the VM runs on hv/soft, the software CPU behind Apple's Hypervisor API.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${VMD_BUILD_DIR:-$root/build}
cache="$build/guest-cache"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
"$root/scripts/fetch-guests.sh" --cache "$cache" --generic
release=$(cat "$cache/generic/kernel-release")
initrd="$build/demo-initramfs.gz"
# Debian's generic kernel; vmd-init, busybox and the virtio, gpio_keys and
# evdev modules in the initramfs; a 256 MiB disk (sparse file, kept between
# runs) and user-mode networking.
"$root/scripts/make-guest-image.sh" --cache "$cache" --init "$build/tests/linux/vmd_init" \
  --out "$initrd"
disk="$build/demo-disk.img"
[ -f "$disk" ] || truncate -s 256M "$disk"

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
     "($release) with 2 vCPUs through vmctl"
"${vmctl[@]}" rm --force demo >/dev/null 2>&1 || true
run=("${vmctl[@]}" run --rm demo --kernel "$cache/generic/Image" --initrd "$initrd"
     --cpus 2 --memory 512M --cmdline "console=ttyAMA0 cryptomgr.notests=1"
     --disk "$disk,serial=demo" --net)
if [ -t 0 ]; then
  echo "demo: a busybox shell on the VM's console; 'exit' powers it off, Ctrl-] detaches"
  "${run[@]}"
else
  # No terminal: type a few commands once the guest has booted.
  {
    for _ in $(seq 3000); do
      "${vmctl[@]}" logs demo 2>/dev/null | grep -q "VMD-BOOT-OK" && break
      sleep 0.2
    done
    sleep 1
    printf '%s\n' "uname -a" "cat /proc/cpuinfo | head -4" "cat /proc/partitions" \
      "echo written-at-\$(date +%s) | dd of=/dev/vda bs=512 count=1 conv=sync 2>/dev/null" \
      "head -c 24 /dev/vda; echo" "cat /sys/class/net/eth0/address" \
      "ifconfig eth0 10.0.2.15 netmask 255.255.255.0 up && ifconfig eth0 | head -2" "exit"
  } | "${run[@]}"
fi
