// The on-disk and hand-typed JSON forms the docs promise: exit.json written by
// workers (vmd.worker.ExitRecord), and the grpcurl CreateVm example of
// docs/api.md. Also links the generated gRPC code of both services.
#include <string>

#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "vmd/v1/vmd.grpc.pb.h"
#include "vmd/worker/worker.grpc.pb.h"

namespace vmd {
namespace {

TEST(ProtoJsonTest, ExitRecordParsesFromWorkerJson) {
  worker::ExitRecord record;
  auto status = google::protobuf::util::JsonStringToMessage(
      R"({"reason": "STOP_REASON_GUEST_POWER_OFF", "detail": "PSCI SYSTEM_OFF",
          "time": "2026-01-02T03:04:05Z"})",
      &record);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(record.reason(), v1::STOP_REASON_GUEST_POWER_OFF);
  EXPECT_EQ(record.detail(), "PSCI SYSTEM_OFF");
  // 2026-01-02T03:04:05Z as seconds since the epoch.
  EXPECT_EQ(record.time().seconds(), 1767323045);
}

TEST(ProtoJsonTest, DocsCreateVmExampleParses) {
  v1::CreateVmRequest request;
  auto status = google::protobuf::util::JsonStringToMessage(
      R"({"spec": {"name": "demo", "vcpus": 2, "memory_bytes": "536870912",
  "boot": {"linux": {"kernel_path": "/srv/img/vmlinuz", "initrd_path": "/srv/img/initrd.img",
                     "command_line": "quiet"}},
  "disks": [{"path": "/srv/img/root.img", "serial": "root"}],
  "network": {"port_forwards": [{"host_port": 2222, "guest_port": 22}]}},
 "request_id": "demo-1", "start": true})",
      &request);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(request.spec().memory_bytes(), 512ull << 20);
  EXPECT_EQ(request.spec().boot().linux().initrd_path(), "/srv/img/initrd.img");
  EXPECT_EQ(request.spec().network().port_forwards(0).guest_port(), 22u);
  EXPECT_TRUE(request.start());
}

TEST(ProtoJsonTest, ServicesDeclareTheirMethods) {
  const auto* vmd = v1::Vmd::service_full_name();
  EXPECT_STREQ(vmd, "vmd.v1.Vmd");
  const auto* service = v1::VmSpec::descriptor()->file()->FindServiceByName("Vmd");
  ASSERT_NE(service, nullptr);
  EXPECT_EQ(service->method_count(), 18);
  const auto* watch = service->FindMethodByName("WatchEvents");
  ASSERT_NE(watch, nullptr);
  EXPECT_TRUE(watch->server_streaming());
  const auto* attach = service->FindMethodByName("AttachConsole");
  ASSERT_NE(attach, nullptr);
  EXPECT_TRUE(attach->client_streaming() && attach->server_streaming());
  EXPECT_STREQ(worker::Worker::service_full_name(), "vmd.worker.Worker");
}

}  // namespace
}  // namespace vmd
