#!/usr/bin/env python3
"""PSCI SYSTEM_RESET end to end (payloads/reset.c): the runner must restart
the machine with a fresh copy of the payload. The guest reads one byte per
boot; this script types "r" at the first boot's banner (the guest asks for
SYSTEM_RESET) and "o" at the second one (the guest passes and powers off).
A byte is only sent once its boot is waiting, because a reset clears the
UART's FIFO as it would on hardware.

  reset-test.py --runner vmm --vmm build/engine/vmm/vmm --payload build/tests/guests/reset.bin
  reset-test.py --runner qemu --payload ...   (the oracle; QEMU without -no-reboot)
"""
import argparse
import os
import select
import subprocess
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runner", choices=["vmm", "qemu"], required=True)
    ap.add_argument("--vmm")
    ap.add_argument("--qemu", default="qemu-system-aarch64")
    ap.add_argument("--payload", required=True)
    ap.add_argument("--timeout", type=float, default=60)
    args = ap.parse_args()
    if args.runner == "vmm":
        cmd = [args.vmm, "--kernel", args.payload, "--memory", "128M"]
    else:
        cmd = [args.qemu, "-M", "virt,gic-version=3", "-cpu", "cortex-a57", "-m", "128M",
               "-nographic", "-nic", "none", "-kernel", args.payload]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    out = b""
    sent = 0
    deadline = time.monotonic() + args.timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 0.5)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                break
            out += chunk
        boots = out.count(b"reset: boot (marker 0)")
        if boots > sent and sent < 2:
            proc.stdin.write(b"r" if sent == 0 else b"o")
            proc.stdin.flush()
            sent += 1
    if proc.poll() is None:
        proc.kill()
    status = proc.wait()
    text = out.decode(errors="replace")
    sys.stdout.write(text)
    problems = []
    if text.count("reset: boot (marker 0)") != 2:
        problems.append("expected exactly two fresh boots")
    if "reset: SYSTEM_RESET returned" in text:
        problems.append("SYSTEM_RESET returned to the guest")
    if "EXIT: STATUS=1" not in text:
        problems.append("the second boot did not pass")
    if status != 0:
        problems.append("runner exit status %d" % status)
    for p in problems:
        print("reset-test: FAIL: " + p)
    if not problems:
        print("reset-test: PASS")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
