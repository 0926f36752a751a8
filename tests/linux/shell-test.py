#!/usr/bin/env python3
"""Busybox user space on a VM: boots Debian's cloud kernel with vmd's
initramfs plus a static busybox (vmd-init runs /bin/sh on the console), types
a shell script on the console and checks what the commands print — shell
built-ins, ls, sort, md5sum, gzip round trips, arithmetic, a pipeline of
several processes — then `exit`, after which vmd-init powers off. glibc's
string functions and gzip use FP/AdvSIMD, so this needs the FP/SIMD CPU.

  shell-test.py --runner vmm --vmm build/engine/vmm/vmm --cache build/guest-cache \\
      --init build/tests/linux/vmd_init --work build/tests/linux/work [--cpus 2]
Runner qemu (the reference of DECISIONS.md) checks the test itself.
"""
import argparse
import os
import select
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
MAKE_INITRAMFS = os.path.join(HERE, "..", "..", "scripts", "make-initramfs.py")
CMDLINE = "console=ttyAMA0 quiet cryptomgr.notests=1"

# (command, text its output must contain). md5 of "abc\n" and of 100000 zero
# bytes are facts of MD5, not of our code.
CHECKS = [
    ("echo ok-$((6*7))", "ok-42"),
    ("ls /", "bin"),
    ("printf 'pear\\napple\\nfig\\n' | sort | tr '\\n' ,", "apple,fig,pear,"),
    ("echo abc | md5sum", "0bee89b07a248e27c83fc3d5951213c1"),
    ("head -c 100000 /dev/zero | md5sum", "0019d23bef56a136a1891211d7007f6f"),
    ("head -c 300000 /dev/urandom > /tmp/r; gzip -c /tmp/r | gzip -dc | cmp - /tmp/r && echo gzip-same",
     "gzip-same"),
    ("seq 1 2000 | gzip -9 | gzip -dc | awk '{s+=$1} END {print \"sum=\" s}'", "sum=2001000"),
    ("for i in 1 2 3; do echo n$i; done | wc -l | sed 's/^ */lines=/'", "lines=3"),
    # Floating point in awk (doubles) and printf: H(10) = 7381/2520.
    ("awk 'BEGIN { for (i = 1; i <= 10; i++) h += 1 / i; printf \"h=%.6f\\n\", h }'",
     "h=2.928968"),
]


def build_initramfs(args):
    out = os.path.join(args.work, "initramfs-cloud-shell.gz")
    busybox = os.path.join(args.cache, "busybox", "busybox")
    inputs = [args.init, MAKE_INITRAMFS, busybox]
    if not os.path.exists(out) or any(os.path.getmtime(i) > os.path.getmtime(out) for i in inputs):
        subprocess.run([sys.executable, MAKE_INITRAMFS, "--init", args.init, "--out", out,
                        "--busybox", busybox], check=True)
    return os.path.join(args.cache, "cloud", "Image"), out


class Console:
    def __init__(self, proc):
        self.proc = proc
        self.output = b""

    def read_until(self, needle: bytes, deadline: float) -> bool:
        while needle not in self.output:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            ready, _, _ = select.select([self.proc.stdout], [], [], min(remaining, 1.0))
            if ready:
                chunk = os.read(self.proc.stdout.fileno(), 65536)
                if not chunk:
                    return needle in self.output
                self.output += chunk
                sys.stdout.buffer.write(chunk)
                sys.stdout.flush()
        return True

    def send(self, text: str):
        self.proc.stdin.write(text.encode())
        self.proc.stdin.flush()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runner", choices=["vmm", "qemu"], required=True)
    ap.add_argument("--vmm")
    ap.add_argument("--qemu", default="qemu-system-aarch64")
    ap.add_argument("--cache", required=True)
    ap.add_argument("--init", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--cpus", type=int, default=2)
    ap.add_argument("--memory", default="512M")
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args()

    os.makedirs(args.work, exist_ok=True)
    kernel, initrd = build_initramfs(args)
    if args.runner == "vmm":
        cmd = [args.vmm, "--kernel", kernel, "--initrd", initrd, "--cmdline", CMDLINE,
               "--cpus", str(args.cpus), "--memory", args.memory]
    else:
        cmd = [args.qemu, "-M", "virt,gic-version=3", "-cpu", "cortex-a57", "-smp", str(args.cpus),
               "-m", args.memory, "-nographic", "-no-reboot", "-kernel", kernel, "-initrd", initrd,
               "-append", CMDLINE, "-nic", "none"]
    print("shell-test: " + " ".join(cmd), flush=True)
    start = time.monotonic()
    deadline = start + args.timeout
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    con = Console(proc)
    failures = []
    try:
        if not con.read_until(b"VMD-BOOT-OK", deadline):
            failures.append("the boot marker never appeared")
            raise RuntimeError
        booted = time.monotonic() - start
        # Each command's output is fenced by a numbered end marker the shell
        # computes (so the echo of the typed line cannot match it).
        for n, (command, want) in enumerate(CHECKS):
            con.send("%s; echo END-$((%d+1000))\n" % (command, n))
            end = ("END-%d" % (n + 1000)).encode()
            before = len(con.output)
            if not con.read_until(end, min(deadline, time.monotonic() + 120)):
                failures.append("no end marker after: %s" % command)
                raise RuntimeError
            # The output of this command: after the typed line's echo.
            text = con.output[before:].decode(errors="replace")
            if want not in text.split("END-%d" % (n + 1000))[-2]:
                failures.append("%r: %r not in its output %r" % (command, want, text))
        con.send("exit\n")
        con.read_until(b"\0\0never", min(deadline, time.monotonic() + 60))  # to EOF
        status = proc.wait(timeout=max(1, deadline - time.monotonic()))
        if b"vmd-init: shell exited" not in con.output:
            failures.append("vmd-init did not see the shell exit")
        if status != 0:
            failures.append("%s exited with status %d" % (args.runner, status))
    except (RuntimeError, subprocess.TimeoutExpired):
        pass
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if failures:
        for f in failures:
            print("\nshell-test: FAIL: " + f)
        return 1
    print("\nshell-test: PASS: %s, %d vCPU(s): shell at %.2f s, %d commands, done after %.2f s" % (
        args.runner, args.cpus, booted, len(CHECKS), time.monotonic() - start))
    return 0


if __name__ == "__main__":
    sys.exit(main())
