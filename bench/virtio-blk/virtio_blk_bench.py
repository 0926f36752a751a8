#!/usr/bin/env python3
"""virtio-blk sequential throughput from inside a Linux guest on vmm.

Boots Debian's cloud kernel with vmd-init in `blkbench` mode: it opens /dev/vda
with O_DIRECT (no guest page cache), writes --mib MiB in 1 MiB requests,
fsyncs (a VIRTIO_BLK_T_FLUSH, i.e. fdatasync on the host), then reads them
back, timing each phase with CLOCK_MONOTONIC in the guest (tests/linux/vmd_init.c).
The image is a fresh sparse file on the host each run; the host page cache is
not dropped (reads then measure the device path, not the host disk).

  bench/virtio-blk/virtio_blk_bench.py --vmm build/engine/vmm/vmm \\
      --cache build/guest-cache --init build/tests/linux/vmd_init [--runs 3] [--mib 64]

Prints one line per run and the medians.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
MAKE_INITRAMFS = os.path.join(ROOT, "scripts", "make-initramfs.py")
RATE = re.compile(rb"vmd-init: blkbench (write|read) (\d+) MiB in (\d+) ms = (\d+\.\d) MB/s")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--vmm", required=True)
    ap.add_argument("--cache", required=True)
    ap.add_argument("--init", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--mib", type=int, default=64)
    ap.add_argument("--cpus", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=300)
    args = ap.parse_args()

    with open(os.path.join(args.cache, "cloud", "kernel-release")) as f:
        release = f.read().strip()
    work = tempfile.mkdtemp(prefix="vmd-blkbench-")
    initrd = os.path.join(work, "initramfs.gz")
    subprocess.run([sys.executable, MAKE_INITRAMFS, "--init", args.init, "--out", initrd,
                    "--modules-root", os.path.join(args.cache, "cloud", "lib", "modules", release),
                    "--module", "virtio_mmio", "--module", "virtio_blk"], check=True)
    disk = os.path.join(work, "disk.img")
    results = {"write": [], "read": []}
    for run in range(args.runs):
        if os.path.exists(disk):
            os.unlink(disk)
        with open(disk, "wb") as f:
            f.truncate((args.mib + 1) << 20)
        cmd = [args.vmm, "--kernel", os.path.join(args.cache, "cloud", "Image"), "--initrd", initrd,
               "--cpus", str(args.cpus), "--memory", "512M", "--no-rng", "--disk", disk,
               "--cmdline", "console=ttyAMA0 quiet cryptomgr.notests=1 vmdinit=blkbench vmdmb=%d" % args.mib]
        out = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True,
                             timeout=args.timeout).stdout
        found = {m.group(1).decode(): float(m.group(4)) for m in RATE.finditer(out)}
        if set(found) != {"write", "read"}:
            sys.stdout.write(out.decode(errors="replace"))
            sys.exit("virtio-blk bench: run %d printed no rates" % (run + 1))
        for k, v in found.items():
            results[k].append(v)
        print("run %d: write %.1f MB/s, read %.1f MB/s" % (run + 1, found["write"], found["read"]), flush=True)
    os.unlink(disk)
    os.unlink(initrd)
    os.rmdir(work)
    print("virtio-blk sequential, %d MiB in 1 MiB O_DIRECT requests, %d vCPU(s), %d runs: "
          "write median %.1f MB/s %s, read median %.1f MB/s %s" % (
              args.mib, args.cpus, args.runs, statistics.median(results["write"]), results["write"],
              statistics.median(results["read"]), results["read"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
