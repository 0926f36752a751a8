#!/usr/bin/python3
"""CPU benchmark: guest MIPS of hv/soft vs QEMU's TCG on the bare-metal
workloads of tests/guests/payloads/cpu_bench.h (docs/performance.md).

Each workload payload is run alternately under hvrun (hv/soft) and
qemu-system-aarch64 (the reference command of DECISIONS.md with a raw
payload), several times. The payload times its own work with the guest's
virtual counter (so start-up is excluded on both sides) and prints a checksum,
which must agree between the two. The instruction count comes from hv/soft's
retired-instruction counter (hvrun --stats); the work is deterministic, so the
same count divides both times.

  bench/cpu/cpu-vs-qemu.py [--build build] [--reps 3] [--workloads sieve,crc]
Prints a table (median MIPS per runner, QEMU/hv-soft speed ratio) and, with
--json FILE, writes the raw figures.
"""

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys

WORKLOADS = ["sieve", "crc", "hash", "chase", "interp", "copy", "pages"]
BENCH_RE = re.compile(r"BENCH (\w+) ticks=(\d+) freq=(\d+) sum=([0-9a-f]+)")
STATS_RE = re.compile(r"insns_retired=(\d+)")


def run(cmd, timeout):
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    m = BENCH_RE.search(p.stdout)
    if p.returncode != 0 or m is None:
        sys.exit(f"cpu-vs-qemu: {' '.join(cmd)} failed (exit {p.returncode}):\n"
                 f"{p.stdout[-2000:]}{p.stderr[-2000:]}")
    seconds = int(m.group(2)) / int(m.group(3))
    insns = STATS_RE.search(p.stderr)
    return seconds, m.group(4), int(insns.group(1)) if insns else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--workloads", default=",".join(WORKLOADS))
    ap.add_argument("--qemu", default=shutil.which("qemu-system-aarch64") or "qemu-system-aarch64")
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("--json")
    args = ap.parse_args()

    hvrun = f"{args.build}/tests/guests/runner/hvrun"
    results = []
    print(f"{'workload':10} {'insns':>14} {'hv/soft s':>10} {'QEMU s':>9} "
          f"{'hv/soft MIPS':>13} {'QEMU MIPS':>10} {'speed vs QEMU':>14}")
    for w in args.workloads.split(","):
        payload = f"{args.build}/tests/guests/cpu_{w}.bin"
        soft_t, qemu_t, insns = [], [], None
        for _ in range(args.reps):
            t, soft_sum, n = run([hvrun, payload, "--stats", "--timeout-s", str(args.timeout)],
                                 args.timeout + 30)
            soft_t.append(t)
            insns = n
            t, qemu_sum = run([args.qemu, "-M", "virt,gic-version=3", "-cpu", "cortex-a57",
                               "-m", "128M", "-nographic", "-no-reboot", "-nic", "none",
                               "-kernel", payload], args.timeout)[:2]
            qemu_t.append(t)
            if soft_sum != qemu_sum:
                sys.exit(f"cpu-vs-qemu: {w}: checksum differs: hv/soft {soft_sum}, QEMU {qemu_sum}")
        s, q = statistics.median(soft_t), statistics.median(qemu_t)
        row = {"workload": w, "insns": insns, "soft_s": s, "qemu_s": q,
               "soft_mips": insns / s / 1e6 if insns else None,
               "qemu_mips": insns / q / 1e6 if insns else None, "speed_vs_qemu": q / s,
               "soft_runs": soft_t, "qemu_runs": qemu_t}
        results.append(row)
        mips = (f"{row['soft_mips']:13.0f} {row['qemu_mips']:10.0f}" if insns
                else f"{'-':>13} {'-':>10}")
        print(f"{w:10} {insns or 0:14d} {s:10.3f} {q:9.3f} {mips} {q / s:13.2f}x", flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
