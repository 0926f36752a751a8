#!/usr/bin/python3
"""Busybox workload: the same shell script under vmm (hv/soft) and QEMU's TCG,
timed inside the guest (issue 10, docs/performance.md).

Boots Debian's cloud kernel with vmd's initramfs plus static busybox (the
image and console handling of tests/linux/shell-test.py, imported, not
copied), types bench/busybox/workload.sh into /tmp/w.sh, runs it, and reads
its per-phase times (/proc/uptime deltas: generating data with awk, sort,
gzip, sha256sum, sort|uniq pipelines, sed|grep, a few hundred short
processes) and the checksums each phase prints, which must agree between the
runners. Runners alternate, N repetitions, medians.

  bench/busybox/busybox-bench.py [--build build] [--reps 3] [--cpus 2] [--scale 1]
      [--runners vmm,qemu] [--json out.json]
hv/soft needs its FP/SIMD instructions for this (the static busybox's glibc
string functions use AdvSIMD, awk uses doubles).
"""

import argparse
import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SHELL_TEST = os.path.join(HERE, "..", "..", "tests", "linux", "shell-test.py")
WORKLOAD = os.path.join(HERE, "workload.sh")
PHASE_RE = re.compile(r"PHASE (\w+) ([0-9.]+) (\S*)")
TOTAL_RE = re.compile(r"BUSYBOX-TOTAL ([0-9.]+)")


def load_shell_test():
    spec = importlib.util.spec_from_file_location("shell_test", SHELL_TEST)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class Quiet:
    """Console output goes to a log file, not our stdout."""

    def __init__(self, path):
        self.buffer = open(path, "wb")

    def flush(self):
        self.buffer.flush()


def run_once(st, args, runner, kernel, initrd, log_path):
    if runner == "vmm":
        cmd = [args.vmm, "--kernel", kernel, "--initrd", initrd, "--cmdline", st.CMDLINE,
               "--cpus", str(args.cpus), "--memory", args.memory]
    else:
        cmd = [args.qemu, "-M", "virt,gic-version=3", "-cpu", "cortex-a57", "-smp",
               str(args.cpus), "-m", args.memory, "-nographic", "-no-reboot", "-kernel", kernel,
               "-initrd", initrd, "-append", st.CMDLINE, "-nic", "none"]
    start = time.monotonic()
    deadline = start + args.timeout
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    con = st.Console(proc)
    saved, sys.stdout = sys.stdout, Quiet(log_path)
    try:
        if not con.read_until(b"VMD-BOOT-OK", deadline):
            raise RuntimeError("no boot marker")
        if not con.read_until(b"# ", deadline):
            raise RuntimeError("no shell prompt")
        # The script, one line at a time (paced by the tty's echo of each line).
        con.send("cat > /tmp/w.sh << 'EOF'\n")
        with open(WORKLOAD) as f:
            lines = [l.rstrip("\n") for l in f if not l.startswith("#")]
        for line in lines + ["EOF"]:
            con.send(line + "\n")
            con.read_until(line[-12:].encode(), min(deadline, time.monotonic() + 30))
        con.send("sh /tmp/w.sh %d; echo WL-$((6*7))\n" % args.scale)
        if not con.read_until(b"WL-42", deadline):
            raise RuntimeError("the workload did not finish")
        wall = time.monotonic() - start
        con.send("exit\n")
        con.read_until(b"\0\0never", min(deadline, time.monotonic() + 60))
        proc.wait(timeout=max(1, deadline - time.monotonic()))
    finally:
        sys.stdout.buffer.close()
        sys.stdout = saved
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    text = con.output.decode(errors="replace")
    total = TOTAL_RE.search(text)
    if total is None:
        raise RuntimeError("no BUSYBOX-TOTAL line")
    phases = {m.group(1): (float(m.group(2)), m.group(3)) for m in PHASE_RE.finditer(text)}
    return float(total.group(1)), phases, wall


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--vmm", help="default BUILD/engine/vmm/vmm")
    ap.add_argument("--qemu", default=shutil.which("qemu-system-aarch64") or "qemu-system-aarch64")
    ap.add_argument("--cache", help="guest cache (BUILD/guest-cache)")
    ap.add_argument("--init", help="vmd_init (BUILD/tests/linux/vmd_init)")
    ap.add_argument("--work", help="initramfs and logs (BUILD/bench/busybox)")
    ap.add_argument("--cpus", type=int, default=2)
    ap.add_argument("--memory", default="512M")
    ap.add_argument("--scale", type=int, default=1, help="data size: 5000 lines per unit")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--runners", default="vmm,qemu")
    ap.add_argument("--timeout", type=float, default=900)
    ap.add_argument("--json")
    args = ap.parse_args()
    args.vmm = args.vmm or os.path.join(args.build, "engine", "vmm", "vmm")
    args.cache = args.cache or os.path.join(args.build, "guest-cache")
    args.init = args.init or os.path.join(args.build, "tests", "linux", "vmd_init")
    args.work = args.work or os.path.join(args.build, "bench", "busybox")
    os.makedirs(args.work, exist_ok=True)

    st = load_shell_test()
    kernel, initrd = st.build_initramfs(args)
    runners = args.runners.split(",")
    runs = {r: [] for r in runners}
    sums = {}
    for rep in range(args.reps):
        for r in (runners if rep % 2 == 0 else list(reversed(runners))):
            log = os.path.join(args.work, "%s-%d.log" % (r, rep + 1))
            try:
                total, phases, wall = run_once(st, args, r, kernel, initrd, log)
            except (RuntimeError, subprocess.TimeoutExpired) as e:
                sys.exit("busybox-bench: %s rep %d: %s (console in %s)" % (r, rep + 1, e, log))
            for name, (_, check) in phases.items():
                if sums.setdefault(name, (r, check))[1] != check:
                    sys.exit("busybox-bench: phase %s: %s printed %s, %s printed %s" % (
                        name, sums[name][0], sums[name][1], r, check))
            runs[r].append({"total_s": total, "wall_s": wall,
                            "phases_s": {k: v[0] for k, v in phases.items()}})
            print("rep %d: %-4s workload %.2f s (whole run %.1f s)" % (rep + 1, r, total, wall),
                  file=sys.stderr, flush=True)

    names = list(runs[runners[0]][0]["phases_s"])
    print("%-8s %s" % ("phase", " ".join("%12s" % ("%s s" % r) for r in runners)) +
          ("  vmm/QEMU" if len(runners) == 2 else ""))
    med = {}
    for name in names + ["total"]:
        key = (lambda x: x["total_s"]) if name == "total" else (lambda x: x["phases_s"][name])
        med[name] = {r: statistics.median(key(x) for x in runs[r]) for r in runners}
        line = "%-8s %s" % (name, " ".join("%12.2f" % med[name][r] for r in runners))
        if len(runners) == 2 and med[name].get("qemu"):
            line += "  %9.2f" % (med[name]["vmm"] / med[name]["qemu"])
        print(line)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"cpus": args.cpus, "scale": args.scale, "medians_s": med, "runs": runs,
                       "checksums": {k: v[1] for k, v in sums.items()}}, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
