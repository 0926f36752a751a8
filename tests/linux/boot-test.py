#!/usr/bin/env python3
"""Boots a Debian arm64 kernel with vmd's initramfs and checks it reaches the
boot marker and powers off cleanly; prints the seconds to the marker.

Runners: `vmm` (ours) or `qemu` (the reference of DECISIONS.md). With
--power-button the generic kernel boots with gpio_keys/evdev, vmd-init waits,
and the test presses the power button after the marker (vmm: SIGTERM; qemu:
system_powerdown) and expects a clean power-off. --shell adds busybox (needs
FP/SIMD in the guest CPU).

  boot-test.py --runner vmm --vmm build/engine/vmm/vmm --cache build/guest-cache \\
      --init build/tests/linux/vmd_init --work build/tests/linux --cpus 2
"""
import argparse
import os
import select
import signal
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
MAKE_INITRAMFS = os.path.join(HERE, "..", "..", "scripts", "make-initramfs.py")
MARKER = b"VMD-BOOT-OK"
CMDLINE = "console=ttyAMA0 quiet cryptomgr.notests=1"


def kernel_release(cache, flavor):
    with open(os.path.join(cache, flavor, "kernel-release")) as f:
        return f.read().strip()


def build_initramfs(args):
    """The image for this test, rebuilt when an input is newer."""
    flavor = "generic" if args.power_button else "cloud"
    out = os.path.join(args.work, "initramfs-%s%s.gz" % (flavor, "-shell" if args.shell else ""))
    cmd = [sys.executable, MAKE_INITRAMFS, "--init", args.init, "--out", out]
    inputs = [args.init, MAKE_INITRAMFS]
    if args.power_button:
        release = kernel_release(args.cache, flavor)
        cmd += ["--modules-root", os.path.join(args.cache, flavor, "lib", "modules", release),
                "--module", "gpio_keys", "--module", "evdev"]
    if args.shell:
        busybox = os.path.join(args.cache, "busybox", "busybox")
        cmd += ["--busybox", busybox]
        inputs.append(busybox)
    if not os.path.exists(out) or any(os.path.getmtime(i) > os.path.getmtime(out) for i in inputs):
        subprocess.run(cmd, check=True)
    return os.path.join(args.cache, flavor, "Image"), out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runner", choices=["vmm", "qemu"], required=True)
    ap.add_argument("--vmm", help="path of the vmm binary")
    ap.add_argument("--qemu", default="qemu-system-aarch64")
    ap.add_argument("--cache", required=True, help="guest cache of scripts/fetch-guests.sh")
    ap.add_argument("--init", required=True, help="the vmd_init binary")
    ap.add_argument("--work", required=True, help="directory for the generated initramfs")
    ap.add_argument("--cpus", type=int, default=1)
    ap.add_argument("--memory", default="512M")
    ap.add_argument("--power-button", action="store_true")
    ap.add_argument("--shell", action="store_true", help="with --power-button: a busybox shell too")
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args()

    os.makedirs(args.work, exist_ok=True)
    kernel, initrd = build_initramfs(args)
    cmdline = CMDLINE + (" vmdinit=wait" if args.power_button else "")
    monitor = os.path.join(args.work, "qemu-monitor-%d.sock" % os.getpid())
    if args.runner == "vmm":
        cmd = [args.vmm, "--kernel", kernel, "--initrd", initrd, "--cmdline", cmdline,
               "--cpus", str(args.cpus), "--memory", args.memory]
    else:
        cmd = [args.qemu, "-M", "virt,gic-version=3", "-cpu", "cortex-a57", "-smp", str(args.cpus),
               "-m", args.memory, "-nographic", "-no-reboot", "-kernel", kernel, "-initrd", initrd,
               "-append", cmdline, "-nic", "none", "-monitor", "unix:%s,server,nowait" % monitor]
    print("boot-test: " + " ".join(cmd), flush=True)
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = b""
    marker_at = None
    presses = 0
    next_press = None
    while True:
        remaining = args.timeout - (time.monotonic() - start)
        if remaining <= 0:
            proc.kill()
            proc.wait()
            sys.stdout.write(output.decode(errors="replace"))
            print("\nboot-test: FAIL: timed out after %.0f s (marker %s)" % (
                args.timeout, "seen" if marker_at else "never seen"))
            return 1
        ready, _, _ = select.select([proc.stdout], [], [], min(remaining, 1.0))
        if ready:
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                break
            output += chunk
            sys.stdout.buffer.write(chunk)
            sys.stdout.flush()
        if marker_at is None and MARKER in output:
            marker_at = time.monotonic() - start
        if args.power_button and next_press is None and b"power button armed" in output:
            next_press = time.monotonic() + 2.0  # let the shell start first
        if (next_press is not None and time.monotonic() >= next_press and presses < 3
                and b"power button pressed" not in output):
            # Pressed again if the guest has not reacted after a while: a press
            # while the guest is still busy starting its shell may be missed.
            if args.runner == "vmm":
                proc.send_signal(signal.SIGTERM if presses == 0 else signal.SIGUSR1)
            else:
                s = socket.socket(socket.AF_UNIX)
                s.connect(monitor)
                s.sendall(b"system_powerdown\n")
                s.close()
            presses += 1
            next_press = time.monotonic() + 10.0
    status = proc.wait()
    if os.path.exists(monitor):
        os.unlink(monitor)
    if marker_at is None:
        print("\nboot-test: FAIL: the boot marker never appeared (exit status %d)" % status)
        return 1
    if args.power_button and b"vmd-init: power button pressed" not in output:
        print("\nboot-test: FAIL: the guest did not see the power button")
        return 1
    if status != 0:
        print("\nboot-test: FAIL: %s exited with status %d" % (args.runner, status))
        return 1
    print("\nboot-test: PASS: %s, %d vCPU(s): marker after %.2f s, powered off after %.2f s" % (
        args.runner, args.cpus, marker_at, time.monotonic() - start))
    return 0


if __name__ == "__main__":
    sys.exit(main())
