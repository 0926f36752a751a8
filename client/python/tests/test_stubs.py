"""Checks that code generation and imports work: the generated vmd.v1 stubs
and the vmdclient wrapper import under /usr/bin/python3, and a CreateVmRequest
survives serialisation. Run by ctest with VMD_PYTHON_STUBS set."""

import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import vmdclient  # noqa: E402

pb, pb_grpc = vmdclient.load_stubs()


class StubsTest(unittest.TestCase):
    def test_create_vm_request_round_trips(self):
        spec = pb.VmSpec(
            name="web",
            vcpus=2,
            memory_bytes=512 << 20,
            boot=pb.Boot(linux=pb.LinuxBoot(kernel_path="/img/Image",
                                             command_line="console=ttyAMA0")),
            disks=[pb.Disk(path="/img/root.img", serial="root", read_only=True)],
            network=pb.Network(port_forwards=[pb.PortForward(
                protocol=pb.PROTOCOL_TCP, host_port=2222, guest_port=22)]),
            console=pb.CONSOLE_DEVICE_VIRTIO_CONSOLE,
            on_reboot=pb.ON_REBOOT_STOP,
            labels={"team": "infra"},
            rng=False,
        )
        req = pb.CreateVmRequest(spec=spec, request_id="r-1", start=True)
        wire = req.SerializeToString()
        back = pb.CreateVmRequest.FromString(wire)
        self.assertEqual(back, req)
        self.assertEqual(back.spec.boot.WhichOneof("payload"), "linux")
        self.assertEqual(back.spec.disks[0].serial, "root")
        self.assertEqual(back.spec.network.port_forwards[0].guest_port, 22)
        self.assertEqual(back.spec.labels["team"], "infra")
        # proto3 optional: explicitly false is present, unlike an unset field.
        self.assertTrue(back.spec.HasField("rng"))
        self.assertFalse(pb.VmSpec().HasField("rng"))

    def test_field_numbers_are_the_published_ones(self):
        # Wire compatibility hinges on these; a renumbering must fail here.
        fields = pb.VmSpec.DESCRIPTOR.fields_by_name
        self.assertEqual(fields["name"].number, 1)
        self.assertEqual(fields["boot"].number, 4)
        self.assertEqual(fields["on_reboot"].number, 8)
        self.assertEqual(pb.Event.DESCRIPTOR.fields_by_name["sequence"].number, 1)
        self.assertEqual(pb.VM_STATE_STOPPED, 6)

    def test_service_has_every_rpc(self):
        methods = set(pb.DESCRIPTOR.services_by_name["Vmd"].methods_by_name)
        for name in ["CreateVm", "GetVm", "ListVms", "DeleteVm", "StartVm", "StopVm",
                     "KillVm", "PauseVm", "ResumeVm", "ResetVm", "WaitVm", "GetRegisters",
                     "AttachConsole", "GetConsoleLog", "WatchEvents", "GetInfo",
                     "SetBalloon", "GetMemoryStats"]:
            self.assertIn(name, methods)
        self.assertTrue(hasattr(pb_grpc, "VmdStub"))
        self.assertTrue(hasattr(pb_grpc, "VmdServicer"))

    def test_worker_stubs_import(self):
        import importlib
        worker = importlib.import_module("vmd.worker.worker_pb2")
        importlib.import_module("vmd.worker.worker_pb2_grpc")
        rec = worker.ExitRecord(reason=pb.STOP_REASON_GUEST_POWER_OFF, detail="SYSTEM_OFF")
        self.assertEqual(worker.ExitRecord.FromString(rec.SerializeToString()), rec)

    def test_wrapper_builds_a_unix_channel_without_connecting(self):
        client = vmdclient.VmdClient("/nonexistent/vmd.sock")
        try:
            self.assertTrue(hasattr(client, "create_vm"))
            self.assertTrue(hasattr(client, "watch_events"))
        finally:
            client.close()


if __name__ == "__main__":
    unittest.main()
