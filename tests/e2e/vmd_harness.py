"""Shared pieces of the vmd end-to-end tests: an isolated vmd instance per
test (its own temp state directory), the Python client, and cleanup that
kills every process the test started (vmd and its vmm workers), even when
the test fails.

Paths come from the environment ctest sets: VMD_BIN, VMM_BIN, VMD_GUESTS
(built payloads), VMD_PYTHON_STUBS, VMD_CLIENT (client/python).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.environ.get("VMD_CLIENT", ""))
from vmdclient import VmdClient  # noqa: E402

import grpc  # noqa: E402

VMD_BIN = os.environ.get("VMD_BIN", "")
VMM_BIN = os.environ.get("VMM_BIN", "")
GUESTS = os.environ.get("VMD_GUESTS", "")


def payload(name: str) -> str:
    return os.path.join(GUESTS, name + ".bin")


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is gone for our purposes.
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def wait_until(pred, timeout: float, what: str, interval: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = pred()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


class Daemon:
    """One vmd process on its own state directory."""

    def __init__(self, state_dir: str, extra_args=()):
        self.state_dir = state_dir
        self.socket = os.path.join(state_dir, "vmd.sock")
        self.extra_args = list(extra_args)
        self.proc = None
        self.log_path = os.path.join(os.path.dirname(state_dir), "vmd.log")

    def start(self):
        log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            [VMD_BIN, "--state-dir", self.state_dir, "--vmm", VMM_BIN] + self.extra_args,
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log.close()
        wait_until(lambda: os.path.exists(self.socket) or self.proc.poll() is not None,
                   20, "vmd.sock")
        if self.proc.poll() is not None:
            raise AssertionError(f"vmd exited with {self.proc.returncode}: {self.log()}")
        with self.client() as c:
            wait_until(lambda: self._ping(c), 10, "vmd to answer")

    @staticmethod
    def _ping(c):
        try:
            c.get_info()
            return True
        except grpc.RpcError:
            return False

    def client(self, **kw) -> VmdClient:
        return VmdClient(self.socket, **kw)

    def sigkill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.sigkill()

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def log(self) -> str:
        try:
            with open(self.log_path, errors="replace") as f:
                return f.read()[-4000:]
        except OSError:
            return ""


def worker_pids(state_dir: str):
    """Every vmm worker serving a VM of `state_dir` (found by command line)."""
    pids = []
    needle = os.path.join(state_dir, "vms") + "/"
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                args = f.read().split(b"\0")
        except OSError:
            continue
        if any(a.decode(errors="replace").startswith(needle) for a in args):
            pids.append(int(entry))
    return pids


class VmdTestCase(unittest.TestCase):
    """Each test gets a fresh state directory and daemon; tearDown kills all."""

    daemon_args: tuple = ()

    def setUp(self):
        if not (os.access(VMD_BIN, os.X_OK) and os.access(VMM_BIN, os.X_OK)):
            self.skipTest("vmd or vmm not built")
        # Short path: unix socket paths are limited to ~100 bytes.
        self.root = tempfile.mkdtemp(prefix="vmde2e-", dir="/tmp")
        os.chmod(self.root, 0o755)
        self.state_dir = os.path.join(self.root, "state")
        self.daemon = Daemon(self.state_dir, self.daemon_args)
        result = getattr(getattr(self, "_outcome", None), "result", None)
        self._problems_before = self._problem_count(result)
        self.addCleanup(self._cleanup)
        self.daemon.start()
        self.c = self.daemon.client()
        self.pb = self.c.pb

    def _cleanup(self):
        try:
            self.c.close()
        except Exception:
            pass
        self.daemon.sigkill()
        for pid in worker_pids(self.state_dir):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if self._outcome_failed() or os.environ.get("VMD_E2E_LOGS"):
            sys.stderr.write(f"--- vmd log ({self.daemon.log_path}) ---\n{self.daemon.log()}\n")
            for vm in os.listdir(os.path.join(self.state_dir, "vms")) if os.path.isdir(
                    os.path.join(self.state_dir, "vms")) else []:
                wl = os.path.join(self.state_dir, "vms", vm, "worker.log")
                if os.path.exists(wl):
                    with open(wl, errors="replace") as f:
                        sys.stderr.write(f"--- {wl} ---\n{f.read()[-2000:]}\n")
        shutil.rmtree(self.root, ignore_errors=True)

    @staticmethod
    def _problem_count(result) -> int:
        if result is None:
            return 0
        return len(result.failures) + len(result.errors)

    def _outcome_failed(self) -> bool:
        outcome = getattr(self, "_outcome", None)
        if outcome is not None and not getattr(outcome, "success", True):
            return True
        result = getattr(outcome, "result", None)
        return self._problem_count(result) > self._problems_before

    # -- helpers -----------------------------------------------------------

    def spec(self, name: str, guest: str = "idle_echo", **kw):
        pb = self.pb
        return pb.VmSpec(name=name, memory_bytes=kw.pop("memory_bytes", 64 << 20),
                         boot=pb.Boot(raw=pb.RawBoot(path=payload(guest))), **kw)

    def console_until(self, vm: str, pattern: bytes, timeout: float = 30.0, inputs=None):
        """Attaches and reads until `pattern` shows up; returns all bytes read."""
        got = b""
        deadline = time.monotonic() + timeout
        stream = self.c.attach_console(vm, inputs if inputs is not None else _forever())
        try:
            for out in stream:
                got += out.data
                if pattern in got:
                    return got
                if time.monotonic() > deadline:
                    break
        finally:
            stream.cancel()
        raise AssertionError(f"{pattern!r} not in the console of {vm}: {got[-500:]!r}")

    def console_log(self, vm: str) -> bytes:
        return b"".join(o.data for o in self.c.console_log(vm))

    def assert_code(self, code, fn, *args, **kw):
        with self.assertRaises(grpc.RpcError) as ctx:
            fn(*args, **kw)
        self.assertEqual(ctx.exception.code(), code, ctx.exception.details())
        return ctx.exception


def _forever():
    """A request stream that never ends (so the console stays attached)."""
    while True:
        time.sleep(3600)
        yield b""
