"""End-to-end tests of vmd: real vmd and vmm processes running bare-metal
guests (tests/guests: idle_echo keeps running and echoes its UART until the
power button; hello prints a line and powers off). Run by ctest (label e2e)
with /usr/bin/python3; see vmd_harness.py for the environment it needs.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
import unittest

import grpc

from vmd_harness import VmdTestCase, payload, pid_alive, wait_until, worker_pids

C = grpc.StatusCode


class LifecycleTest(VmdTestCase):
    def test_three_vms_console_registers_pause_stop_delete(self):
        pb = self.pb
        names = ["alpha", "beta", "gamma"]
        seq0 = self.c.list_vms().event_sequence
        for n in names:
            vm = self.c.create_vm(self.spec(n))
            self.assertEqual(vm.state, pb.VM_STATE_CREATED)
        for n in names:
            vm = self.c.start_vm(n)
            self.assertEqual(vm.state, pb.VM_STATE_RUNNING, n)
            self.assertGreater(vm.worker_pid, 0)
        for n in names:
            # History replays the banner; typed input comes back as the echo.
            got = self.console_until(n, b"idle_echo: ready")
            self.assertIn(b"idle_echo: ready", got)
            echoed = self.console_until(n, b"ping-" + n.encode(), inputs=_then_block(b"ping-" + n.encode()))
            self.assertIn(b"ping-" + n.encode(), echoed)

        regs = self.c.get_registers("alpha")
        self.assertEqual(len(regs.vcpus), 1)
        self.assertEqual(len(regs.vcpus[0].x), 31)
        # A raw payload runs from RAM (base 0x4000_0000, loaded at +0x80000).
        self.assertGreaterEqual(regs.vcpus[0].pc, 0x40080000)
        self.assertEqual(regs.vcpus[0].cpsr & 0xF, 0b0101)  # EL1h
        self.assert_code(C.INVALID_ARGUMENT, self.c.get_registers, "alpha", [1])

        vm = self.c.pause_vm("beta")
        self.assertEqual(vm.state, pb.VM_STATE_PAUSED)
        self.assertEqual(self.c.pause_vm("beta").state, pb.VM_STATE_PAUSED)  # idempotent
        # Paused: two snapshots agree on every general register and the PC.
        a, b = self.c.get_registers("beta"), self.c.get_registers("beta")
        self.assertEqual(list(a.vcpus[0].x), list(b.vcpus[0].x))
        self.assertEqual(a.vcpus[0].pc, b.vcpus[0].pc)
        self.assertEqual(self.c.get_vm("beta").state, pb.VM_STATE_PAUSED)
        self.assertEqual(self.c.resume_vm("beta").state, pb.VM_STATE_RUNNING)

        for n in names:
            vm = self.c.stop_vm(n, timeout=20)
            self.assertEqual(vm.state, pb.VM_STATE_STOPPED, n)
            self.assertEqual(vm.last_stop.reason, pb.STOP_REASON_STOP_REQUESTED, vm.last_stop)
            self.assertIn(b"idle_echo: power button", self.console_log(n))
            self.assertIn(b"EXIT: STATUS=1", self.console_log(n))
        self.assertEqual(self.c.stop_vm("alpha").state, pb.VM_STATE_STOPPED)  # idempotent

        events = []
        for e in self.c.watch_events(since_sequence=seq0, vms=["beta"]):
            events.append(e)
            if e.type == pb.EVENT_TYPE_STOPPED:
                break
        types = [e.type for e in events]
        self.assertEqual(types, [pb.EVENT_TYPE_CREATED, pb.EVENT_TYPE_STARTING, pb.EVENT_TYPE_RUNNING,
                                 pb.EVENT_TYPE_PAUSED, pb.EVENT_TYPE_RESUMED, pb.EVENT_TYPE_STOPPING,
                                 pb.EVENT_TYPE_STOPPED])
        seqs = [e.sequence for e in events]
        self.assertEqual(seqs, sorted(set(seqs)))
        self.assertEqual(events[-1].stop.reason, pb.STOP_REASON_STOP_REQUESTED)

        for n in names:
            self.c.delete_vm(n)
            self.assert_code(C.NOT_FOUND, self.c.get_vm, n)
        self.assertEqual(worker_pids(self.state_dir), [])

    def test_guest_power_off_and_console_log(self):
        pb = self.pb
        self.c.create_vm(self.spec("hello", guest="hello"), start=True)
        vm = self.c.wait_vm("hello", [pb.VM_STATE_STOPPED], timeout=60)
        self.assertEqual(vm.last_stop.reason, pb.STOP_REASON_GUEST_POWER_OFF, vm.last_stop)
        log = self.console_log("hello")
        self.assertIn(b"Hello from vmd guest", log)
        self.assertIn(b"EXIT: STATUS=1", log)
        tail = b"".join(o.data for o in self.c.console_log("hello", tail_lines=2))
        self.assertEqual(tail, b"".join(log.splitlines(keepends=True)[-2:]))
        self.assertEqual(tail.count(b"\n"), 2)
        tail = b"".join(o.data for o in self.c.console_log("hello", tail_bytes=5))
        self.assertEqual(tail, log[-5:])
        self.assert_code(C.FAILED_PRECONDITION, lambda: list(self.c.attach_console("hello")))

    def test_console_stream_ends_ok_when_the_vm_stops(self):
        """An attached client whose VM stops sees its stream end with OK (not
        CANCELLED), its request stream still open."""
        self.c.create_vm(self.spec("ending"), start=True)
        stream = self.c.attach_console("ending", _blocking())
        got, errors = [], []

        def read():
            try:
                for out in stream:
                    got.append(out.data)
            except grpc.RpcError as e:
                errors.append(e)

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        wait_until(lambda: b"idle_echo: ready" in b"".join(got), 30, "the banner")
        self.c.stop_vm("ending", timeout=20)
        reader.join(30)
        self.assertFalse(reader.is_alive(), "the console stream did not end")
        self.assertEqual(errors, [])
        self.assertEqual(stream.code(), C.OK)
        self.assertIn(b"idle_echo: power button", b"".join(got))

    def test_paused_start_reset_wait_and_info(self):
        pb = self.pb
        self.c.create_vm(self.spec("rst"))
        vm = self.c.start_vm("rst", paused=True)
        self.assertEqual(vm.state, pb.VM_STATE_PAUSED)
        self.assertEqual(self.c.resume_vm("rst").state, pb.VM_STATE_RUNNING)
        self.console_until("rst", b"idle_echo: ready")
        seq = self.c.list_vms().event_sequence
        vm = self.c.reset_vm("rst")
        self.assertEqual(vm.reset_count, 1)
        self.assertEqual(vm.state, pb.VM_STATE_RUNNING)
        event = next(iter(self.c.watch_events(since_sequence=seq, types=[pb.EVENT_TYPE_RESET])))
        self.assertEqual(event.reset_source, pb.RESET_SOURCE_REQUEST)
        # Console history is kept across the reset: the banner appears twice.
        wait_until(lambda: self.console_log("rst").count(b"idle_echo: ready") == 2, 30,
                   "the banner after the reset")
        info = self.c.get_info()
        self.assertEqual(info.backend, pb.BACKEND_SOFT)
        self.assertEqual(info.running_vm_count, 1)
        self.assertEqual(info.host_cpus, os.cpu_count())
        self.assertGreater(info.event_sequence, seq)
        self.assert_code(C.DEADLINE_EXCEEDED, self.c.wait_vm, "rst", [pb.VM_STATE_STOPPED], timeout=0.5)
        vm = self.c.stop_vm("rst", no_wait=True)
        self.assertIn(vm.state, (pb.VM_STATE_STOPPING, pb.VM_STATE_STOPPED))
        vm = self.c.wait_vm("rst", timeout=30)
        self.assertEqual(vm.last_stop.reason, pb.STOP_REASON_STOP_REQUESTED)

    def test_paused_start_stops_at_entry(self):
        pb = self.pb
        self.c.create_vm(self.spec("entry"))
        self.assertEqual(self.c.start_vm("entry", paused=True).state, pb.VM_STATE_PAUSED)
        # Paused at the reset state: the payload's first instruction (platform.md).
        regs = self.c.get_registers("entry")
        self.assertEqual(regs.vcpus[0].pc, 0x40080000)
        self.assertGreaterEqual(regs.vcpus[0].x[0], 0x40000000)  # X0 = the device tree in RAM
        # Nothing printed yet: an attach still gets a first message at once
        # (empty history), which is how `vmctl run` knows it may resume.
        req = pb.AttachConsoleRequest(attach=pb.ConsoleAttach(vm="entry"))
        stream = self.c._stub.AttachConsole(_then_block_msg(req), timeout=20)
        first = next(stream)  # DEADLINE_EXCEEDED if it never comes
        self.assertTrue(first.history)
        self.assertEqual(first.data, b"")
        stream.cancel()

    def test_kill_and_delete_force(self):
        pb = self.pb
        self.c.create_vm(self.spec("k1"), start=True)
        self.c.create_vm(self.spec("k2"), start=True)
        vm = self.c.kill_vm("k1")
        self.assertEqual(vm.state, pb.VM_STATE_STOPPED)
        self.assertEqual(vm.last_stop.reason, pb.STOP_REASON_KILLED)
        self.assert_code(C.FAILED_PRECONDITION, self.c.delete_vm, "k2")
        pid = self.c.get_vm("k2").worker_pid
        self.c.delete_vm("k2", force=True)
        wait_until(lambda: not pid_alive(pid), 10, "the forced worker to exit")
        self.assert_code(C.NOT_FOUND, self.c.get_vm, "k2")


class ConcurrencyTest(VmdTestCase):
    def test_many_clients_while_streams_are_open(self):
        pb = self.pb
        self.c.create_vm(self.spec("busy"), start=True)
        # Open streams that never end on their own: they must not block others.
        watch = self.c.watch_events()
        errors = []

        def worker(i):
            try:
                with self.daemon.client() as c:
                    for _ in range(15):
                        c.get_info()
                        c.list_vms()
                        self.assertEqual(c.get_vm("busy").state, pb.VM_STATE_RUNNING)
            except Exception as e:  # noqa: BLE001
                errors.append(e)

        # Slow readers: attached consoles and waiters that hold server threads.
        holders = [self.c.attach_console("busy", _blocking()) for _ in range(4)]
        waiter = self.c._stub.WaitVm.future(pb.WaitVmRequest(vm="busy"))
        threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        self.assertEqual(errors, [])
        self.c.pause_vm("busy")
        self.c.resume_vm("busy")
        self.c.stop_vm("busy", timeout=20)
        self.assertEqual(waiter.result(timeout=30).vm.state, pb.VM_STATE_STOPPED)
        for h in holders:
            h.cancel()
        watch.cancel()


class ServiceDiscoveryTest(VmdTestCase):
    def test_health_and_reflection(self):
        # Raw bytes, so the test needs no extra Python packages:
        # HealthCheckRequest{} → HealthCheckResponse{status: SERVING (1)} = 08 01.
        channel = grpc.insecure_channel("unix://" + self.daemon.socket)
        check = channel.unary_unary("/grpc.health.v1.Health/Check",
                                    request_serializer=lambda b: b, response_deserializer=lambda b: b)
        self.assertEqual(check(b"", timeout=10), b"\x08\x01")
        # ServerReflectionRequest{list_services: ""} (field 7, length 0).
        info = channel.stream_stream("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
                                     request_serializer=lambda b: b, response_deserializer=lambda b: b)
        reply = next(iter(info(iter([b"\x3a\x00"]), timeout=10)))
        self.assertIn(b"vmd.v1.Vmd", reply)
        channel.close()


def _blocking():
    while True:
        time.sleep(3600)
        yield b""


def _then_block_msg(msg):
    """Sends one request message, then keeps the request stream open."""
    yield msg
    while True:
        time.sleep(3600)


def _then_block(data: bytes):
    """Sends `data`, then keeps the request stream open (a half-close would
    end the console stream before the echo comes back)."""
    yield data
    yield from _blocking()


class RestartTest(VmdTestCase):
    def test_sigkill_vmd_reattach(self):
        pb = self.pb
        pids = {}
        for n in ["r1", "r2", "r3"]:
            pids[n] = self.c.create_vm(self.spec(n), start=True).worker_pid
            self.console_until(n, b"idle_echo: ready")
        self.console_until("r1", b"before-restart", inputs=_then_block(b"before-restart"))
        seq = self.c.list_vms().event_sequence
        self.c.close()
        self.daemon.sigkill()
        for n, pid in pids.items():
            self.assertTrue(pid_alive(pid), f"worker of {n} died with vmd")
        self.daemon.start()
        self.c = self.daemon.client()
        for n, pid in pids.items():
            vm = self.c.get_vm(n)
            self.assertEqual(vm.state, pb.VM_STATE_RUNNING, n)
            self.assertEqual(vm.worker_pid, pid)
        # The worker kept the ring: history from before the restart is there.
        self.assertIn(b"before-restart", self.console_until("r1", b"before-restart"))
        events = []
        for e in self.c.watch_events(since_sequence=seq):
            events.append(e)
            if len(events) == 3:
                break
        self.assertEqual(sorted(e.vm_name for e in events), ["r1", "r2", "r3"])
        for e in events:
            self.assertIn("re-attached", e.detail)
            self.assertGreater(e.sequence, seq)
        # Still fully controllable.
        vm = self.c.stop_vm("r2", timeout=20)
        self.assertEqual(vm.last_stop.reason, pb.STOP_REASON_STOP_REQUESTED)
        self.assertEqual(self.c.kill_vm("r3").last_stop.reason, pb.STOP_REASON_KILLED)

    def test_worker_killed_while_vmd_is_down(self):
        pb = self.pb
        a = self.c.create_vm(self.spec("live"), start=True)
        b = self.c.create_vm(self.spec("dies"), start=True)
        self.c.close()
        self.daemon.sigkill()
        os.kill(b.worker_pid, signal.SIGKILL)
        wait_until(lambda: not pid_alive(b.worker_pid), 10, "the worker to die")
        self.daemon.start()
        self.c = self.daemon.client()
        vm = self.c.get_vm("dies")
        self.assertEqual(vm.state, pb.VM_STATE_STOPPED)
        self.assertEqual(vm.last_stop.reason, pb.STOP_REASON_WORKER_CRASHED)
        self.assertIn("exit status unknown", vm.last_stop.detail)
        self.assertEqual(self.c.get_vm("live").state, pb.VM_STATE_RUNNING)
        self.assertEqual(self.c.get_vm("live").worker_pid, a.worker_pid)

    def test_sigkill_one_worker(self):
        pb = self.pb
        self.c.create_vm(self.spec("w1"), start=True)
        victim = self.c.create_vm(self.spec("w2"), start=True)
        os.kill(victim.worker_pid, signal.SIGKILL)
        vm = self.c.wait_vm("w2", [pb.VM_STATE_STOPPED], timeout=30)
        self.assertEqual(vm.last_stop.reason, pb.STOP_REASON_WORKER_CRASHED)
        self.assertEqual(vm.last_stop.signal, signal.SIGKILL)
        self.assertEqual(self.c.get_vm("w1").state, pb.VM_STATE_RUNNING)
        # It can start again.
        self.assertEqual(self.c.start_vm("w2").state, pb.VM_STATE_RUNNING)


class HostileRequestTest(VmdTestCase):
    daemon_args = ("--socket-group", "65534", "--journal-max-events", "6")

    def test_bad_requests_get_codes_and_vmd_survives(self):
        pb = self.pb
        ok = payload("idle_echo")
        cases = [
            (C.INVALID_ARGUMENT, pb.VmSpec(name="Bad Name", boot=pb.Boot(raw=pb.RawBoot(path=ok)))),
            (C.INVALID_ARGUMENT, pb.VmSpec(name="0123456789ab", boot=pb.Boot(raw=pb.RawBoot(path=ok)))),
            (C.INVALID_ARGUMENT, pb.VmSpec(name="x" * 100, boot=pb.Boot(raw=pb.RawBoot(path=ok)))),
            (C.INVALID_ARGUMENT, pb.VmSpec(name="rel", boot=pb.Boot(raw=pb.RawBoot(path="x.bin")))),
            (C.INVALID_ARGUMENT, pb.VmSpec(name="nofile", boot=pb.Boot(raw=pb.RawBoot(path="/nonexistent/x")))),
            (C.INVALID_ARGUMENT, pb.VmSpec(name="dir", boot=pb.Boot(raw=pb.RawBoot(path="/tmp")))),
            (C.INVALID_ARGUMENT, pb.VmSpec(name="noboot")),
            (C.RESOURCE_EXHAUSTED, pb.VmSpec(name="huge", memory_bytes=1 << 60,
                                             boot=pb.Boot(raw=pb.RawBoot(path=ok)))),
            (C.RESOURCE_EXHAUSTED, pb.VmSpec(name="cpus", vcpus=100000,
                                             boot=pb.Boot(raw=pb.RawBoot(path=ok)))),
            (C.INVALID_ARGUMENT, pb.VmSpec(name="odd", memory_bytes=12345,
                                           boot=pb.Boot(raw=pb.RawBoot(path=ok)))),
        ]
        for code, spec in cases:
            self.assert_code(code, self.c.create_vm, spec)
        link = os.path.join(self.root, "link.bin")
        os.symlink(ok, link)
        e = self.assert_code(C.PERMISSION_DENIED, self.c.create_vm,
                             pb.VmSpec(name="sym", boot=pb.Boot(raw=pb.RawBoot(path=link))))
        self.assertIn("spec.boot.raw.path", e.details())
        for fn in (self.c.get_vm, self.c.start_vm, self.c.kill_vm, self.c.delete_vm, self.c.pause_vm):
            self.assert_code(C.NOT_FOUND, fn, "nosuchvm")
            self.assert_code(C.NOT_FOUND, fn, "ffffffffffff")
        self.assert_code(C.INVALID_ARGUMENT, self.c.stop_vm, "nosuchvm", timeout=-1)
        # A message over gRPC's 4 MiB limit is refused by the transport.
        big = pb.VmSpec(name="big", boot=pb.Boot(raw=pb.RawBoot(path=ok)), labels={"k": "v" * (5 << 20)})
        self.assert_code(C.RESOURCE_EXHAUSTED, self.c.create_vm, big)
        self.c.create_vm(self.spec("good"))
        self.assert_code(C.ALREADY_EXISTS, self.c.create_vm, self.spec("good"))
        # Journal retention (6 events): replaying from 0 is out of range once dropped.
        for i in range(7):
            self.c.create_vm(self.spec(f"fill{i}"))
        with self.assertRaises(grpc.RpcError) as ctx:
            next(iter(self.c.watch_events(since_sequence=0)))
        self.assertEqual(ctx.exception.code(), C.OUT_OF_RANGE)
        self.assertIn("oldest kept sequence is", ctx.exception.details())
        md = dict(ctx.exception.trailing_metadata() or ())
        self.assertIn("vmd-oldest-sequence", md)
        with self.assertRaises(grpc.RpcError) as ctx:
            next(iter(self.c.watch_events(since_sequence=10 ** 9)))
        self.assertEqual(ctx.exception.code(), C.INVALID_ARGUMENT)
        self.assertTrue(self.daemon.running())
        self.assertEqual(self.c.get_info().vm_count, 8)

    def test_other_user_may_not_name_files_it_cannot_read(self):
        if os.geteuid() != 0 or not os.path.exists("/usr/bin/setpriv"):
            self.skipTest("needs root and setpriv to act as another user")
        script = r"""
import os, sys, grpc
sys.path.insert(0, os.environ["VMD_CLIENT"])
from vmdclient import VmdClient
c = VmdClient(sys.argv[1])
pb = c.pb
def code(path, name):
    try:
        c.create_vm(pb.VmSpec(name=name, boot=pb.Boot(raw=pb.RawBoot(path=path))))
        return "OK"
    except grpc.RpcError as e:
        return e.code().name
print(code("/etc/shadow", "shadow"), code(sys.argv[2], "mine"))
"""
        mine = os.path.join(self.root, "readable.bin")
        with open(payload("idle_echo"), "rb") as src, open(mine, "wb") as dst:
            dst.write(src.read())
        os.chmod(mine, 0o644)
        out = subprocess.run(
            ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
             "/usr/bin/python3", "-c", script, self.daemon.socket, mine],
            capture_output=True, text=True, timeout=60, env=dict(os.environ))
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout.split(), ["PERMISSION_DENIED", "OK"])
        # The file is swapped for one that user may not read: StartVm checks again.
        os.unlink(mine)
        with open(payload("idle_echo"), "rb") as src, open(mine, "wb") as dst:
            dst.write(src.read())
        os.chmod(mine, 0o600)
        start = r"""
import os, sys, grpc
sys.path.insert(0, os.environ["VMD_CLIENT"])
from vmdclient import VmdClient
try:
    VmdClient(sys.argv[1]).start_vm("mine")
    print("OK")
except grpc.RpcError as e:
    print(e.code().name)
"""
        out = subprocess.run(
            ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
             "/usr/bin/python3", "-c", start, self.daemon.socket],
            capture_output=True, text=True, timeout=60, env=dict(os.environ))
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout.split(), ["PERMISSION_DENIED"])
        self.assertEqual(self.c.get_vm("mine").state, self.pb.VM_STATE_CREATED)
        self.assertTrue(self.daemon.running())


class MutualTlsTest(VmdTestCase):
    def setUp(self):
        import socket
        import tempfile
        self.pki = tempfile.mkdtemp(prefix="vmdpki-", dir="/tmp")
        self.addCleanup(lambda: subprocess.run(["rm", "-rf", self.pki]))
        self._make_pki()
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.images = tempfile.mkdtemp(prefix="vmdimg-", dir="/tmp")
        self.addCleanup(lambda: subprocess.run(["rm", "-rf", self.images]))
        with open(payload("idle_echo"), "rb") as src, open(os.path.join(self.images, "g.bin"), "wb") as d:
            d.write(src.read())
        self.daemon_args = ("--tcp-listen", f"127.0.0.1:{self.port}",
                            "--tls-cert", self.p("server.pem"), "--tls-key", self.p("server.key"),
                            "--tls-client-ca", self.p("ca.pem"), "--image-dir", self.images)
        super().setUp()

    def p(self, name):
        return os.path.join(self.pki, name)

    def _openssl(self, *args):
        subprocess.run(["openssl", *args], check=True, capture_output=True, cwd=self.pki)

    def _make_pki(self):
        days = "2"
        for ca in ("ca", "rogue"):
            self._openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{ca}.key",
                          "-out", f"{ca}.pem", "-days", days, "-subj", f"/CN=vmd test {ca}")
        with open(self.p("san.ext"), "w") as f:
            f.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
        for name, ca, ext in (("server", "ca", True), ("client", "ca", False), ("evil", "rogue", False)):
            self._openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{name}.key",
                          "-out", f"{name}.csr", "-subj", f"/CN={name}")
            args = ["x509", "-req", "-in", f"{name}.csr", "-CA", f"{ca}.pem", "-CAkey", f"{ca}.key",
                    "-CAcreateserial", "-out", f"{name}.pem", "-days", days]
            if ext:
                args += ["-extfile", "san.ext"]
            self._openssl(*args)

    def read(self, name):
        with open(self.p(name), "rb") as f:
            return f.read()

    def remote(self, cert=None, key=None):
        from vmdclient import VmdClient
        return VmdClient(f"localhost:{self.port}", root_cert=self.read("ca.pem"),
                         client_cert=cert and self.read(cert), client_key=key and self.read(key),
                         timeout=10)

    def test_client_certificate_required(self):
        pb = self.pb
        with self.remote("client.pem", "client.key") as c:
            self.assertEqual(c.get_info().version, self.c.get_info().version)
            vm = c.create_vm(pb.VmSpec(name="remote", memory_bytes=64 << 20,
                                       boot=pb.Boot(raw=pb.RawBoot(path=os.path.join(self.images, "g.bin")))))
            self.assertEqual(vm.state, pb.VM_STATE_CREATED)
            # Outside --image-dir: refused even though vmd could read it.
            e = self.assert_code(C.PERMISSION_DENIED, c.create_vm,
                                 pb.VmSpec(name="outside", boot=pb.Boot(raw=pb.RawBoot(path=payload("hello")))))
            self.assertIn("spec.boot.raw.path", e.details())
        for cert, key in ((None, None), ("evil.pem", "evil.key")):
            with self.remote(cert, key) as c:
                with self.assertRaises(grpc.RpcError) as ctx:
                    c.get_info()
                self.assertEqual(ctx.exception.code(), C.UNAVAILABLE)
        self.assertTrue(self.daemon.running())


if __name__ == "__main__":
    unittest.main()
