"""A small typed wrapper over the generated vmd.v1 stubs: one method per RPC.

Local use goes over the daemon's unix socket (no credentials: the daemon reads
the peer's uid); remote use goes over TCP with mutual TLS.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Iterable, Iterator, Mapping, Optional, Sequence

import grpc

_STUBS_ENV = "VMD_PYTHON_STUBS"


def load_stubs():
    """Imports (vmd_pb2, vmd_pb2_grpc), adding $VMD_PYTHON_STUBS to sys.path first."""
    extra = os.environ.get(_STUBS_ENV)
    if extra and extra not in sys.path:
        sys.path.insert(0, extra)
    pb2 = importlib.import_module("vmd.v1.vmd_pb2")
    pb2_grpc = importlib.import_module("vmd.v1.vmd_pb2_grpc")
    return pb2, pb2_grpc


def default_socket_path() -> str:
    """$VMD_SOCKET, else the per-user daemon's socket, else the system one."""
    if os.environ.get("VMD_SOCKET"):
        return os.environ["VMD_SOCKET"]
    if os.geteuid() != 0:
        state = os.environ.get("XDG_STATE_HOME", os.path.expanduser("~/.local/state"))
        user_sock = os.path.join(state, "vmd", "vmd.sock")
        if os.path.exists(user_sock):
            return user_sock
    return "/var/lib/vmd/vmd.sock"


def _duration(seconds: Optional[float]):
    if seconds is None:
        return None
    from google.protobuf.duration_pb2 import Duration

    d = Duration()
    d.FromNanoseconds(int(seconds * 1e9))
    return d


class VmdClient:
    """Talks to one vmd daemon.

    host: None (the default local socket), a socket path or "unix://path"
    (local), or "host:port" (remote; needs root_cert and, for mutual TLS,
    client_cert and client_key, all PEM bytes).
    A VM is named by id or name wherever a method takes `vm`.
    """

    def __init__(
        self,
        host: Optional[str] = None,
        *,
        root_cert: Optional[bytes] = None,
        client_cert: Optional[bytes] = None,
        client_key: Optional[bytes] = None,
        timeout: Optional[float] = 60.0,
    ):
        self.pb, pb_grpc = load_stubs()
        if host is None:
            host = default_socket_path()
        if host.startswith("/"):
            host = "unix://" + host
        if host.startswith("unix:"):
            self._channel = grpc.insecure_channel(host)
        else:
            creds = grpc.ssl_channel_credentials(
                root_certificates=root_cert,
                private_key=client_key,
                certificate_chain=client_cert,
            )
            self._channel = grpc.secure_channel(host, creds)
        self._stub = pb_grpc.VmdStub(self._channel)
        self._timeout = timeout

    def close(self) -> None:
        self._channel.close()

    def __enter__(self) -> "VmdClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- lifecycle ---------------------------------------------------------

    def create_vm(self, spec, *, request_id: str = "", start: bool = False):
        req = self.pb.CreateVmRequest(spec=spec, request_id=request_id, start=start)
        return self._stub.CreateVm(req, timeout=self._timeout).vm

    def get_vm(self, vm: str):
        return self._stub.GetVm(self.pb.GetVmRequest(vm=vm), timeout=self._timeout).vm

    def list_vms(self, *, labels: Optional[Mapping[str, str]] = None,
                 states: Sequence[int] = ()):
        """Returns the ListVmsResponse (vms + event_sequence to watch from)."""
        req = self.pb.ListVmsRequest(labels=dict(labels or {}), states=list(states))
        return self._stub.ListVms(req, timeout=self._timeout)

    def delete_vm(self, vm: str, *, force: bool = False) -> str:
        req = self.pb.DeleteVmRequest(vm=vm, force=force)
        return self._stub.DeleteVm(req, timeout=self._timeout).id

    def start_vm(self, vm: str, *, paused: bool = False):
        req = self.pb.StartVmRequest(vm=vm, paused=paused)
        return self._stub.StartVm(req, timeout=self._timeout).vm

    def stop_vm(self, vm: str, *, timeout: Optional[float] = None, no_wait: bool = False):
        req = self.pb.StopVmRequest(vm=vm, timeout=_duration(timeout), no_wait=no_wait)
        rpc_timeout = None if self._timeout is None else self._timeout + (timeout or 30.0)
        return self._stub.StopVm(req, timeout=rpc_timeout).vm

    def kill_vm(self, vm: str):
        return self._stub.KillVm(self.pb.KillVmRequest(vm=vm), timeout=self._timeout).vm

    def pause_vm(self, vm: str):
        return self._stub.PauseVm(self.pb.PauseVmRequest(vm=vm), timeout=self._timeout).vm

    def resume_vm(self, vm: str):
        return self._stub.ResumeVm(self.pb.ResumeVmRequest(vm=vm), timeout=self._timeout).vm

    def reset_vm(self, vm: str):
        return self._stub.ResetVm(self.pb.ResetVmRequest(vm=vm), timeout=self._timeout).vm

    def wait_vm(self, vm: str, states: Sequence[int] = (), *, timeout: Optional[float] = None):
        req = self.pb.WaitVmRequest(vm=vm, states=list(states), timeout=_duration(timeout))
        return self._stub.WaitVm(req, timeout=None if timeout is None else timeout + 5.0).vm

    # -- inspection --------------------------------------------------------

    def get_registers(self, vm: str, vcpus: Sequence[int] = ()):
        req = self.pb.GetRegistersRequest(vm=vm, vcpus=list(vcpus))
        return self._stub.GetRegisters(req, timeout=self._timeout)

    def get_info(self):
        return self._stub.GetInfo(self.pb.GetInfoRequest(), timeout=self._timeout)

    def set_balloon(self, vm: str, balloon_bytes: int):
        req = self.pb.SetBalloonRequest(vm=vm, balloon_bytes=balloon_bytes)
        return self._stub.SetBalloon(req, timeout=self._timeout).stats

    def get_memory_stats(self, vm: str):
        req = self.pb.GetMemoryStatsRequest(vm=vm)
        return self._stub.GetMemoryStats(req, timeout=self._timeout).stats

    # -- streams (no deadline: they last as long as the caller reads) -------

    def attach_console(self, vm: str, inputs: Iterable[bytes] = (), *,
                       read_only: bool = False,
                       history_bytes: Optional[int] = None) -> Iterator:
        """Yields ConsoleOutput messages; `inputs` is sent as console input."""
        attach = self.pb.ConsoleAttach(vm=vm, read_only=read_only)
        if history_bytes is not None:
            attach.history_bytes = history_bytes

        def requests():
            yield self.pb.AttachConsoleRequest(attach=attach)
            for chunk in inputs:
                yield self.pb.AttachConsoleRequest(input=chunk)

        return self._stub.AttachConsole(requests())

    def console_log(self, vm: str, *, tail_bytes: Optional[int] = None,
                    tail_lines: Optional[int] = None, follow: bool = False) -> Iterator:
        req = self.pb.GetConsoleLogRequest(vm=vm, follow=follow)
        if tail_bytes is not None:
            req.tail_bytes = tail_bytes
        if tail_lines is not None:
            req.tail_lines = tail_lines
        return self._stub.GetConsoleLog(req)

    def watch_events(self, *, since_sequence: Optional[int] = None,
                     vms: Sequence[str] = (), types: Sequence[int] = ()) -> Iterator:
        req = self.pb.WatchEventsRequest(vms=list(vms), types=list(types))
        if since_sequence is not None:
            req.since_sequence = since_sequence
        return self._stub.WatchEvents(req)
