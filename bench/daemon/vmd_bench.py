#!/usr/bin/python3
"""vmd daemon benchmark: (1) CreateVm(start) → the guest's first console
output (a bare-metal payload: its first instructions print), and → the Linux
boot marker (Debian's cloud kernel with the vmd-init initramfs, when the guest
cache exists), (2) API latency p50/p99 (GetVm, ListVms, GetInfo) with N running
VMs, (3) per-VM memory of a worker (RSS and PSS of each vmm process).

Usage (from the repo root, after building vmd, vmm and the guests):
  /usr/bin/python3 bench/daemon/vmd_bench.py --build build [--vms 20] [--calls 500]
Runs its own vmd on a temp state directory and kills everything it started.
"""

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time


def percentile(values, p):
    values = sorted(values)
    k = max(0, min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1)))))
    return values[k]


def mem_kib(pid, key):
    for name in (f"/proc/{pid}/smaps_rollup", f"/proc/{pid}/status"):
        try:
            with open(name) as f:
                for line in f:
                    if line.startswith(key + ":"):
                        return int(line.split()[1])
        except OSError:
            pass
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    ap.add_argument("--vms", type=int, default=20)
    ap.add_argument("--calls", type=int, default=500)
    ap.add_argument("--boot-samples", type=int, default=5)
    ap.add_argument("--linux-samples", type=int, default=3)
    args = ap.parse_args()
    build = os.path.abspath(args.build)
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    os.environ["VMD_PYTHON_STUBS"] = os.path.join(build, "python")
    sys.path.insert(0, os.path.join(repo, "client", "python"))
    from vmdclient import VmdClient

    root = tempfile.mkdtemp(prefix="vmdbench-", dir="/tmp")
    state = os.path.join(root, "s")
    log = open(os.path.join(root, "vmd.log"), "wb")
    vmd = subprocess.Popen([os.path.join(build, "daemon", "vmd"), "--state-dir", state,
                            "--vmm", os.path.join(build, "engine", "vmm", "vmm")],
                           stdout=log, stderr=subprocess.STDOUT)
    pids = []
    try:
        sock = os.path.join(state, "vmd.sock")
        while not os.path.exists(sock):
            time.sleep(0.02)
        c = VmdClient(sock)
        pb = c.pb
        guest = os.path.join(build, "tests", "guests", "idle_echo.bin")

        def spec(name):
            return pb.VmSpec(name=name, memory_bytes=64 << 20, boot=pb.Boot(raw=pb.RawBoot(path=guest)))

        boot = []
        for i in range(args.boot_samples):
            t0 = time.monotonic()
            c.create_vm(spec(f"boot{i}"), start=True)
            for out in c.console_log(f"boot{i}", follow=True):
                if out.data:
                    break
            boot.append(time.monotonic() - t0)
            c.kill_vm(f"boot{i}")
            c.delete_vm(f"boot{i}")
        linux = []
        cache = os.path.join(build, "guest-cache")
        vmd_init = os.path.join(build, "tests", "linux", "vmd_init")
        if args.linux_samples and os.path.exists(os.path.join(cache, "cloud", "Image")):
            initrd = os.path.join(root, "initrd.gz")
            subprocess.run([sys.executable, os.path.join(repo, "scripts", "make-initramfs.py"),
                            "--init", vmd_init, "--out", initrd], check=True,
                           stdout=subprocess.DEVNULL)
            for i in range(args.linux_samples):
                lspec = pb.VmSpec(name=f"linux{i}", vcpus=1, memory_bytes=512 << 20,
                                  boot=pb.Boot(linux=pb.LinuxBoot(
                                      kernel_path=os.path.join(cache, "cloud", "Image"),
                                      initrd_path=initrd,
                                      command_line="console=ttyAMA0 quiet cryptomgr.notests=1")))
                t0 = time.monotonic()
                c.create_vm(lspec, start=True)
                seen = b""
                for out in c.console_log(f"linux{i}", follow=True):
                    seen += out.data
                    if b"VMD-BOOT-OK" in seen:
                        break
                linux.append(time.monotonic() - t0)
                c.wait_vm(f"linux{i}", [pb.VM_STATE_STOPPED], timeout=60)
                c.delete_vm(f"linux{i}")
        for i in range(args.vms):
            pids.append(c.create_vm(spec(f"vm{i:02d}"), start=True).worker_pid)
        time.sleep(1)
        lat = {"GetVm": [], "ListVms": [], "GetInfo": []}
        for i in range(args.calls):
            for name, fn in (("GetVm", lambda: c.get_vm(f"vm{i % args.vms:02d}")),
                             ("ListVms", c.list_vms), ("GetInfo", c.get_info)):
                t0 = time.perf_counter()
                fn()
                lat[name].append(time.perf_counter() - t0)
        rss = [mem_kib(p, "Rss") for p in pids]
        pss = [mem_kib(p, "Pss") for p in pids]
        vmd_rss = mem_kib(vmd.pid, "Rss")
        print(f"boot: CreateVm(start)+first output: median {statistics.median(boot)*1000:.1f} ms, "
              f"max {max(boot)*1000:.1f} ms over {len(boot)}")
        if linux:
            print(f"boot: CreateVm(start) to the Linux marker (cloud kernel, 1 vCPU): median "
                  f"{statistics.median(linux):.2f} s, max {max(linux):.2f} s over {len(linux)}")
        for name, v in lat.items():
            print(f"{name} with {args.vms} running VMs: p50 {percentile(v,50)*1e6:.0f} us, "
                  f"p99 {percentile(v,99)*1e6:.0f} us ({len(v)} calls)")
        print(f"worker memory (64 MiB guests): RSS median {statistics.median(rss)/1024:.1f} MiB, "
              f"PSS median {statistics.median(pss)/1024:.1f} MiB; vmd RSS {vmd_rss/1024:.1f} MiB")
    finally:
        vmd.send_signal(signal.SIGKILL)
        vmd.wait()
        for p in pids:
            try:
                os.kill(p, signal.SIGKILL)
            except ProcessLookupError:
                pass
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
