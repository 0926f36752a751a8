#!/usr/bin/env python3
"""Linux end-to-end tests of vmd's virtio devices, with Debian's cloud kernel
(its virtio drivers are modules: the initramfs loads virtio_mmio, virtio_blk,
virtio_console, virtio-rng, virtio_balloon and virtio_net with their dependencies) and
vmd-init's test modes (tests/linux/vmd_init.c). Each scenario shares boots
between several checks.

  blk      boot 1 (PL011 console): /dev/vda gets a seeded pattern, fsync +
           BLKFLSBUF, the serial id, /dev/hwrng, and a write to the read-only
           /dev/vdb refused; then SIGKILL of the vmm. The image on the host
           holds the pattern and the read-only image is unchanged.
           boot 2 (--console virtio, --net): the pattern reads back in the
           guest, and everything vmd-init prints arrives through hvc0 on the
           console stream while the kernel's earlycon output (PL011) goes to
           the vmm's log instead; the guest talks TCP to a server on the
           host's loopback through slirp (10.0.2.2), and the host reaches a
           server in the guest through a port forward.
  fs       with busybox (needs FP/SIMD in the CPU): on an ext2 image the host
           made, boot 1 writes files and their md5sums through /dev/vda,
           syncs, and the vmm is SIGKILLed; boot 2 mounts it and `md5sum -c`
           passes.
  balloon  through a real vmd (with a disk and hvc0 as the console, read back
           from the worker's console.log): the guest touches 256 MiB and frees
           it, the SetBalloon RPC (vmd -> worker -> device) asks for 320 MiB,
           the guest inflates, and the worker's RSS, read from /proc on the
           host, drops; statistics arrive; the balloon deflates again.

  http     busybox's wget fetches a file (--http-mib, default 16) from an HTTP
           server on the host's loopback through slirp (10.0.2.2); the md5
           must match; prints the transfer rate measured in the guest.

  virtio-test.py blk --vmm build/engine/vmm/vmm --cache build/guest-cache \\
      --init build/tests/linux/vmd_init --work build/tests/linux/work
  virtio-test.py balloon --vmd build/daemon/vmd --vmm ... (same as above)
"""
import argparse
import os
import random
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
MAKE_INITRAMFS = os.path.join(HERE, "..", "..", "scripts", "make-initramfs.py")
MODULES = ["virtio_mmio", "virtio_blk", "virtio_console", "virtio_rng", "virtio_balloon", "virtio_net"]
BASE_CMDLINE = "cryptomgr.notests=1"
PATTERN_MIB = 8
RO_MAGIC = b"vmd-readonly-disk"
MASK64 = (1 << 64) - 1


def fail(msg, output=b""):
    if output:
        sys.stdout.write(output.decode(errors="replace"))
    print("\nvirtio-test: FAIL: " + msg, flush=True)
    sys.exit(1)


def kernel_release(cache):
    with open(os.path.join(cache, "cloud", "kernel-release")) as f:
        return f.read().strip()


def build_initramfs(args, shell=False):
    """The cloud kernel and an initramfs with the virtio modules (and busybox)."""
    out = os.path.join(args.work, "initramfs-cloud-virtio%s.gz" % ("-shell" if shell else ""))
    root = os.path.join(args.cache, "cloud", "lib", "modules", kernel_release(args.cache))
    cmd = [sys.executable, MAKE_INITRAMFS, "--init", args.init, "--out", out, "--modules-root", root]
    for m in MODULES:
        cmd += ["--module", m]
    inputs = [args.init, MAKE_INITRAMFS]
    if shell:
        busybox = os.path.join(args.cache, "busybox", "busybox")
        cmd += ["--busybox", busybox]
        inputs.append(busybox)
    if not os.path.exists(out) or any(os.path.getmtime(i) > os.path.getmtime(out) for i in inputs):
        subprocess.run(cmd, check=True)
    return os.path.join(args.cache, "cloud", "Image"), out


def pattern_word(seed, i):
    """vmd_init.c's pattern_word: splitmix64 of seed + i * golden ratio."""
    z = (seed + i * 0x9E3779B97F4A7C15) & MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31)


def check_image_pattern(path, seed, mib):
    with open(path, "rb") as f:
        data = f.read(mib << 20)
    if len(data) != mib << 20:
        fail("disk image %s is shorter than %d MiB" % (path, mib))
    # Spot checks across the range (the guest verifies every word on boot 2).
    for i in list(range(0, 512)) + random.sample(range(len(data) // 8), 4096):
        (got,) = struct.unpack_from("<Q", data, i * 8)
        if got != pattern_word(seed, i):
            fail("disk image word %d is %#x, the guest wrote %#x" % (i, got, pattern_word(seed, i)))


class Run:
    """One vmm process; stdout (the console) and stderr (the log) apart."""

    def __init__(self, cmd, stdin=False):
        print("virtio-test: " + " ".join(cmd), flush=True)
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.out = b""
        self.err = b""

    def pump(self, timeout):
        fds = [f for f in (self.proc.stdout, self.proc.stderr) if f is not None and not f.closed]
        ready, _, _ = select.select(fds, [], [], timeout)
        got = False
        for f in ready:
            chunk = os.read(f.fileno(), 65536)
            if not chunk:
                f.close()
                continue
            got = True
            if f is self.proc.stdout:
                self.out += chunk
                sys.stdout.buffer.write(chunk)
                sys.stdout.flush()
            else:
                self.err += chunk
        return got

    def wait_for(self, needle, timeout):
        deadline = time.monotonic() + timeout
        while needle not in self.out:
            if time.monotonic() > deadline:
                self.kill()
                fail("timed out waiting for %r" % needle, self.err[-4000:])
            if not self.pump(0.5) and self.proc.poll() is not None:
                fail("vmm exited (status %s) before %r" % (self.proc.returncode, needle),
                     self.err[-4000:])

    def wait_exit(self, timeout):
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None or not self.proc.stdout.closed or not self.proc.stderr.closed:
            if time.monotonic() > deadline:
                self.kill()
                fail("vmm did not exit in %.0f s" % timeout, self.err[-4000:])
            self.pump(0.5)
        return self.proc.returncode

    def send(self, text):
        self.proc.stdin.write(text.encode())
        self.proc.stdin.flush()

    def kill(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()


def line_with(output, prefix):
    for line in output.decode(errors="replace").splitlines():
        if line.startswith(prefix):
            return line[len(prefix):]
    return None


def scenario_blk(args, kernel, initrd):
    disk = os.path.join(args.work, "virtio-disk.img")
    ro = os.path.join(args.work, "virtio-ro.img")
    with open(disk, "wb") as f:
        f.truncate(16 << 20)
    ro_content = RO_MAGIC + b"\n" + bytes(range(256)) * 4
    with open(ro, "wb") as f:
        f.write(ro_content)
        f.truncate(1 << 20)
    seed = random.randrange(1, 1 << 48)
    vmm = [args.vmm, "--kernel", kernel, "--initrd", initrd, "--cpus", str(args.cpus),
           "--memory", "512M"]
    disks = ["--disk", disk + ",serial=vmd-test-disk", "--disk", ro + ",ro"]

    # Boot 1: PL011 console; writes, then waits to be killed.
    t0 = time.monotonic()
    cmdline = "console=ttyAMA0 quiet %s vmdinit=serial,rng,ro,blkwrite,wait vmdseed=%d vmdmb=%d" % (
        BASE_CMDLINE, seed, PATTERN_MIB)
    run = Run(vmm + disks + ["--cmdline", cmdline])
    run.wait_for(b"vmd-init: modes done", args.timeout)
    run.kill()  # SIGKILL: nothing of the vmm's own shutdown runs
    print("\nvirtio-test: boot 1 done in %.1f s" % (time.monotonic() - t0), flush=True)
    out = run.out
    if line_with(out, "vmd-init: blkwrite done ") != "%d bytes" % (PATTERN_MIB << 20):
        fail("the guest did not write and fsync the pattern", out)
    if line_with(out, "vmd-init: serial [") != "vmd-test-disk]":
        fail("/sys/block/vda/serial is not the disk's serial", out)
    if line_with(out, "vmd-init: rng current [") != "virtio_rng.0]":
        fail("the guest's hw_random is not virtio_rng.0", out)
    reads = [l for l in out.decode(errors="replace").splitlines() if l.startswith("vmd-init: rng read ")]
    if len(reads) != 2 or any(not r.startswith("vmd-init: rng read 32 bytes ") for r in reads):
        fail("/dev/hwrng did not give 2 x 32 bytes", out)
    samples = [r.split()[-1] for r in reads]
    if samples[0] == samples[1] or any(len(set(s)) < 8 for s in samples):
        fail("/dev/hwrng bytes do not look random: %s" % samples, out)
    refused = line_with(out, "vmd-init: ro write refused, errno ")
    if refused is None:
        fail("a write to the read-only disk was accepted", out)
    if line_with(out, "vmd-init: ro first bytes [") != RO_MAGIC.decode() + ".]":
        fail("the read-only disk does not read back its content", out)
    with open(ro, "rb") as f:
        if f.read(len(ro_content)) != ro_content:
            fail("the read-only image changed on the host")
    check_image_pattern(disk, seed, PATTERN_MIB)
    print("virtio-test: boot 1 checks passed (write refused with errno %s)" % refused, flush=True)

    # Boot 2: virtio console (no console= given, so the vmm adds console=hvc0)
    # and the network.
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(args.timeout)
    host_seen = []

    def serve():
        try:
            conn, _ = server.accept()
            with conn:
                conn.settimeout(30)
                host_seen.append(conn.makefile("rb").readline())
                conn.sendall(b"vmd-host-reply\n")
        except OSError as e:
            host_seen.append(b"error: %r" % e)

    threading.Thread(target=serve, daemon=True).start()
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    forward_port = probe.getsockname()[1]
    probe.close()  # free again for the vmm's forward
    guest_port = 7777
    t0 = time.monotonic()
    cmdline = ("earlycon %s vmdinit=hvc,blkverify,net vmdseed=%d vmdmb=%d vmdnetport=%d "
               "vmdnetlisten=%d" % (BASE_CMDLINE, seed, PATTERN_MIB, server.getsockname()[1], guest_port))
    run = Run(vmm + disks + ["--console", "virtio", "--net", "--net-forward",
                             "tcp:127.0.0.1:%d:%d" % (forward_port, guest_port), "--cmdline", cmdline])
    run.wait_for(b"vmd-init: net listening on %d" % guest_port, args.timeout)
    with socket.create_connection(("127.0.0.1", forward_port), timeout=30) as c:
        c.sendall(b"vmd-host-ping\n")
        echo = c.makefile("rb").readline()
    status = run.wait_exit(args.timeout)
    print("\nvirtio-test: boot 2 done in %.1f s" % (time.monotonic() - t0), flush=True)
    out, err = run.out, run.err
    for needle in (b"vmd-init: hvc console on /dev/hvc0", b"vmd-init: blkverify ok %d bytes" % (
            PATTERN_MIB << 20), b"VMD-BOOT-OK", b"vmd-init: powering off"):
        if needle not in out:
            fail("%r did not arrive on the console stream (hvc0)" % needle, out + b"\n--- log ---\n" + err[-4000:])
    if b"Booting Linux" in out:
        fail("PL011 (earlycon) output reached the console stream", out)
    if b"pl011: " not in err or b"Booting Linux" not in err:
        fail("the PL011's earlycon output is not in the vmm's log", err[-4000:])
    if status != 0:
        fail("vmm exited with status %d" % status, err[-4000:])
    if host_seen != [b"vmd-guest-hello\n"]:
        fail("the host's server got %r from the guest" % host_seen, out)
    if line_with(out, "vmd-init: net host said [") != "vmd-host-reply]":
        fail("the guest did not get the host server's reply", out)
    if echo != b"vmd-guest-echo:vmd-host-ping\n" or b"vmd-init: net served [vmd-host-ping]" not in out:
        fail("the port forward did not reach the guest's server (got %r)" % echo, out)
    print("virtio-test: PASS: blk (persistence across SIGKILL, read-only, serial), rng, hvc0, "
          "net (NAT to the host, port forward)", flush=True)
    return 0


def scenario_fs(args, kernel, initrd):
    disk = os.path.join(args.work, "virtio-fs.img")
    with open(disk, "wb") as f:
        f.truncate(32 << 20)
    # Debian's busybox-static has no mkfs: the host makes the filesystem.
    mkfs = shutil.which("mkfs.ext2") or shutil.which("mkfs.ext2", path="/usr/sbin:/sbin")
    if mkfs is None:
        print("virtio-test: SKIP: no mkfs.ext2 on the host (e2fsprogs)")
        return 0
    subprocess.run([mkfs, "-q", "-F", disk], check=True)
    vmm = [args.vmm, "--kernel", kernel, "--initrd", initrd, "--cpus", str(args.cpus),
           "--memory", "512M", "--disk", disk, "--cmdline", "console=ttyAMA0 quiet " + BASE_CMDLINE]
    # Markers are computed by the shell ($((...))), so the echoed command line
    # never matches them.
    t0 = time.monotonic()
    run = Run(vmm, stdin=True)
    run.wait_for(b"VMD-BOOT-OK", args.timeout)
    time.sleep(1)  # let the shell start
    run.send("mount -t ext2 /dev/vda /mnt && "
             "for i in 1 2 3; do seq 1 $((i * 20000)) > /mnt/f$i; done && "
             "head -c 1000000 /dev/urandom > /mnt/rand && cd /mnt && md5sum f1 f2 f3 rand > sums && "
             "cd / && sync && cat /mnt/sums && echo FS-WRITTEN-$((40 + 2))\n")
    run.wait_for(b"FS-WRITTEN-42", args.timeout)
    run.kill()
    print("\nvirtio-test: fs boot 1 done in %.1f s" % (time.monotonic() - t0), flush=True)
    t0 = time.monotonic()
    run = Run(vmm, stdin=True)
    run.wait_for(b"VMD-BOOT-OK", args.timeout)
    time.sleep(1)
    run.send("mount -t ext2 /dev/vda /mnt && cd /mnt && md5sum -c sums && echo FS-OK-$((40 + 3))\n")
    run.wait_for(b"FS-OK-43", args.timeout)
    run.send("cd /; umount /mnt; exit\n")
    status = run.wait_exit(args.timeout)
    print("\nvirtio-test: fs boot 2 done in %.1f s" % (time.monotonic() - t0), flush=True)
    for name in (b"f1", b"f2", b"f3", b"rand"):
        if name + b": OK" not in run.out:
            fail("%s did not verify after the SIGKILL" % name.decode(), run.out)
    if status != 0:
        fail("vmm exited with status %d" % status, run.err[-4000:])
    print("virtio-test: PASS: fs (ext2 on virtio-blk across a SIGKILL)", flush=True)
    return 0


def scenario_http(args, kernel, initrd):
    """A file fetched over HTTP from a server on the host's loopback, through
    virtio-net and slirp (10.0.2.2 is the host); its md5 must match, and the
    transfer rate measured in the guest is printed (bench/virtio-net)."""
    import hashlib
    import http.server
    serve_dir = os.path.join(args.work, "http-%d" % os.getpid())
    os.makedirs(serve_dir, exist_ok=True)
    blob = os.path.join(serve_dir, "blob")
    data = random.Random(20261126).randbytes(args.http_mib << 20)
    with open(blob, "wb") as f:
        f.write(data)
    want = hashlib.md5(data).hexdigest()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=serve_dir, **kw)

        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        vmm = [args.vmm, "--kernel", kernel, "--initrd", initrd, "--cpus", str(args.cpus),
               "--memory", "512M", "--net", "--cmdline", "console=ttyAMA0 quiet " + BASE_CMDLINE]
        run = Run(vmm, stdin=True)
        run.wait_for(b"VMD-BOOT-OK", args.timeout)
        time.sleep(1)  # let the shell start
        run.send("ifconfig eth0 10.0.2.15 netmask 255.255.255.0 up && route add default gw 10.0.2.2"
                 " && echo NET-UP-$((40 + 4))\n")
        run.wait_for(b"NET-UP-44", args.timeout)
        # Elapsed time from /proc/uptime around the transfer (10 ms resolution).
        run.send("t0=$(cut -d' ' -f1 /proc/uptime); wget -q -O /tmp/blob http://10.0.2.2:%d/blob; "
                 "t1=$(cut -d' ' -f1 /proc/uptime); md5sum /tmp/blob; "
                 "echo \"HTTP-SECONDS $t0 $t1\"; echo HTTP-DONE-$((40 + 5))\n" % port)
        run.wait_for(b"HTTP-DONE-45", args.timeout)
        run.send("exit\n")
        status = run.wait_exit(args.timeout)
    finally:
        server.shutdown()
        shutil.rmtree(serve_dir, ignore_errors=True)
    text = run.out.decode(errors="replace")
    if want + "  /tmp/blob" not in text:
        fail("the fetched file's md5 is not %s" % want, run.out)
    times = [line.split() for line in text.splitlines() if line.startswith("HTTP-SECONDS ")]
    if not times or len(times[-1]) != 3:
        fail("no transfer time printed", run.out)
    seconds = max(0.01, float(times[-1][2]) - float(times[-1][1]))
    if status != 0:
        fail("vmm exited with status %d" % status, run.err[-4000:])
    print("\nvirtio-test: PASS: http: %d MiB from the host's loopback in %.2f s (%.1f MB/s in the guest)"
          % (args.http_mib, seconds, (args.http_mib << 20) / seconds / 1e6), flush=True)
    return 0


def rss_bytes(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS for pid %d" % pid)


def scenario_balloon(args, kernel, initrd):
    sys.path.insert(0, os.path.join(HERE, "..", "e2e"))
    os.environ["VMD_BIN"] = args.vmd
    os.environ["VMM_BIN"] = args.vmm
    import tempfile
    import vmd_harness
    from google.protobuf import duration_pb2

    root = tempfile.mkdtemp(prefix="vmdballoon-", dir="/tmp")
    os.chmod(root, 0o755)
    state = os.path.join(root, "state")
    daemon = vmd_harness.Daemon(state)
    daemon.start()
    try:
        c = daemon.client()
        pb = c.pb
        touch_mib, balloon_mib = 256, 320
        # Through the worker too: a disk (its serial) and hvc0 as the console,
        # whose output must reach console.log.
        disk = os.path.join(root, "disk.img")
        with open(disk, "wb") as f:
            f.truncate(1 << 20)
        cmdline = "quiet %s vmdinit=hvc,serial,touch,wait vmdmb=%d" % (BASE_CMDLINE, touch_mib)
        spec = pb.VmSpec(
            name="balloon", vcpus=args.cpus, memory_bytes=512 << 20,
            boot=pb.Boot(linux=pb.LinuxBoot(kernel_path=kernel, initrd_path=initrd,
                                            command_line=cmdline)),
            disks=[pb.Disk(path=disk, serial="vmd-balloon-disk")],
            console=pb.CONSOLE_DEVICE_VIRTIO_CONSOLE,
            balloon=pb.Balloon(stats_period=duration_pb2.Duration(seconds=1)))
        vm = c.create_vm(spec).id
        c.start_vm(vm)
        deadline = time.monotonic() + args.timeout
        log = os.path.join(state, "vms", vm, "console.log")
        while True:
            text = open(log, "rb").read() if os.path.exists(log) else b""
            if b"vmd-init: touch done" in text:
                if b"vmd-init: serial [vmd-balloon-disk]" not in text:
                    fail("the worker's disk or hvc0 console did not work", text)
                break
            if time.monotonic() > deadline:
                fail("the guest never touched its memory", text)
            time.sleep(0.2)
        pids = vmd_harness.worker_pids(state)
        if len(pids) != 1:
            fail("expected one worker, found %s" % pids)
        before = rss_bytes(pids[0])
        deadline = time.monotonic() + args.timeout
        stats = c.set_balloon(vm, balloon_mib << 20)
        if stats.target_balloon_bytes != balloon_mib << 20:
            fail("SetBalloon answered target %d" % stats.target_balloon_bytes)
        while True:
            stats = c.get_memory_stats(vm)
            if stats.actual_balloon_bytes >= balloon_mib << 20:
                break
            if time.monotonic() > deadline:
                fail("the balloon reached only %d MiB" % (stats.actual_balloon_bytes >> 20))
            time.sleep(0.5)
        time.sleep(0.5)
        after = rss_bytes(pids[0])
        print("virtio-test: worker RSS %d MiB -> %d MiB with a %d MiB balloon; guest stats: "
              "total %s MiB, free %s MiB" % (before >> 20, after >> 20, balloon_mib,
                                             stats.total_bytes >> 20, stats.free_bytes >> 20), flush=True)
        if not stats.HasField("total_bytes") or not stats.HasField("free_bytes"):
            fail("the guest's balloon statistics did not arrive")
        if before - after < 128 << 20:
            fail("the worker's RSS dropped by only %d MiB" % ((before - after) >> 20))
        # Deflating hands the memory back to the guest.
        c.set_balloon(vm, 0)
        while c.get_memory_stats(vm).actual_balloon_bytes != 0:
            if time.monotonic() > deadline:
                fail("the balloon did not deflate")
            time.sleep(0.5)
        # A reset rebuilds the machine in place: the devices are reset with it
        # and the rebooted guest finds its disk and hvc0 again.
        c.reset_vm(vm)
        deadline = time.monotonic() + args.timeout
        while True:
            text = open(log, "rb").read()
            if text.count(b"vmd-init: touch done") >= 2:
                if text.count(b"vmd-init: serial [vmd-balloon-disk]") < 2:
                    fail("after the reset the guest lost its disk", text)
                break
            if time.monotonic() > deadline:
                fail("the guest did not come back after ResetVm", text[-4000:])
            time.sleep(0.2)
        c.kill_vm(vm)
        print("virtio-test: PASS: balloon (SetBalloon through vmd, RSS drop, stats, deflate), "
              "disk and hvc0 through the worker, again after ResetVm", flush=True)
        return 0
    finally:
        daemon.sigkill()
        for pid in vmd_harness.worker_pids(state):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        shutil.rmtree(root, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("scenario", choices=["blk", "fs", "balloon", "http"])
    ap.add_argument("--vmm", required=True)
    ap.add_argument("--vmd", help="the vmd binary (balloon)")
    ap.add_argument("--cache", required=True, help="guest cache of scripts/fetch-guests.sh")
    ap.add_argument("--init", required=True, help="the vmd_init binary")
    ap.add_argument("--work", required=True)
    ap.add_argument("--cpus", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--http-mib", type=int, default=16, help="http: size of the fetched file")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    kernel, initrd = build_initramfs(args, shell=args.scenario in ("fs", "http"))
    if args.scenario == "blk":
        return scenario_blk(args, kernel, initrd)
    if args.scenario == "fs":
        return scenario_fs(args, kernel, initrd)
    if args.scenario == "http":
        return scenario_http(args, kernel, initrd)
    if not args.vmd:
        ap.error("balloon needs --vmd")
    return scenario_balloon(args, kernel, initrd)


if __name__ == "__main__":
    sys.exit(main())
