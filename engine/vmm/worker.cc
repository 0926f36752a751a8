#include "engine/vmm/worker.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "engine/base/atomic_file.h"
#include "engine/base/logging.h"
#include "engine/vm/console_ring.h"
#include "engine/vm/vm.h"
#include "engine/vmm/console_log.h"
#include "engine/vmm/spec_convert.h"
#include "engine/vmm/worker_service.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/time_util.h"
#include "grpcpp/grpcpp.h"

namespace vmd {
namespace {

constexpr uint64_t kDefaultRingBytes = 1 << 20;

std::shared_ptr<spdlog::logger> Log() { return Logger("worker"); }

// exit.json: written atomically before the worker exits (DECISIONS.md).
void WriteExitRecord(const std::string& dir, const worker::ExitRecord& rec) {
  std::string json;
  google::protobuf::util::JsonPrintOptions opts;
  opts.add_whitespace = true;
  opts.preserve_proto_field_names = true;
  if (!google::protobuf::util::MessageToJsonString(rec, &json, opts).ok()) return;
  absl::Status s = WriteFileAtomically(dir + "/exit.json", json);
  if (!s.ok()) Log()->error("exit.json: {}", std::string(s.message()));
}

worker::ExitRecord MakeExit(v1::StopReason reason, const std::string& detail) {
  worker::ExitRecord rec;
  rec.set_reason(reason);
  rec.set_detail(detail);
  *rec.mutable_time() = google::protobuf::util::TimeUtil::NanosecondsToTimestamp(absl::GetCurrentTimeNanos());
  return rec;
}

}  // namespace

int RunWorker(const WorkerOptions& options) {
  const std::string& dir = options.vm_dir;
  const std::string vm_id = std::filesystem::path(dir).filename().string();
  // A stale record from an earlier run must not be mistaken for this one's.
  unlink((dir + "/exit.json").c_str());

  v1::VmSpec proto_spec;
  {
    absl::StatusOr<std::string> json = ReadFileToString(dir + "/spec.json");
    if (!json.ok()) {
      std::fprintf(stderr, "vmm: %s\n", std::string(json.status().message()).c_str());
      WriteExitRecord(dir, MakeExit(v1::STOP_REASON_START_FAILED, std::string(json.status().message())));
      return 1;
    }
    google::protobuf::util::JsonParseOptions opts;
    opts.ignore_unknown_fields = true;  // a newer vmd may know more fields
    if (!google::protobuf::util::JsonStringToMessage(*json, &proto_spec, opts).ok()) {
      WriteExitRecord(dir, MakeExit(v1::STOP_REASON_START_FAILED, "spec.json: not a valid VmSpec"));
      return 1;
    }
  }
  absl::StatusOr<VmSpec> spec = VmSpecFromProto(proto_spec);
  if (!spec.ok()) {
    WriteExitRecord(dir, MakeExit(v1::STOP_REASON_START_FAILED, std::string(spec.status().message())));
    return 1;
  }
  // vmd.v1: an empty MAC is derived from the VM id, stable across restarts.
  if (spec->network.has_value()) spec->network->mac_seed = vm_id;

  ConsoleRing ring(proto_spec.console_ring_bytes() == 0 ? kDefaultRingBytes
                                                        : proto_spec.console_ring_bytes());
  ConsoleLog log(dir + "/console.log");
  WorkerService service(vm_id, &ring);

  const std::string socket_path = dir + "/vmm.sock";
  unlink(socket_path.c_str());
  grpc::ServerBuilder builder;
  builder.AddListeningPort("unix:" + socket_path, grpc::InsecureServerCredentials());
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr) {
    WriteExitRecord(dir, MakeExit(v1::STOP_REASON_START_FAILED, "cannot listen on " + socket_path));
    return 1;
  }
  chmod(socket_path.c_str(), 0600);

  auto console = [&ring, &log](const uint8_t* data, size_t len) {
    ring.Append(data, len);
    log.Append(data, len);
  };
  absl::StatusOr<std::unique_ptr<Vm>> vm = Vm::Create(*spec, console);
  worker::ExitRecord exit;
  if (!vm.ok()) {
    exit = MakeExit(v1::STOP_REASON_START_FAILED, std::string(vm.status().message()));
  } else {
    service.AttachVm(vm->get());
    (*vm)->SetResetObserver([&service] {
      service.RecordReset(service.TakeRequestedReset() ? v1::RESET_SOURCE_REQUEST
                                                       : v1::RESET_SOURCE_GUEST);
    });
    if (absl::Status s = (*vm)->Start(options.start_paused); !s.ok()) {
      (*vm)->RequestStop(StopReason::kInternalError, std::string(s.message()));
    } else {
      service.SetState(options.start_paused ? v1::VM_STATE_PAUSED : v1::VM_STATE_RUNNING);
    }
    VmExitInfo info = (*vm)->Wait();
    service.AttachVm(nullptr);
    vm->reset();
    std::optional<worker::ExitRecord> requested = service.requested_exit();
    exit = info.reason == StopReason::kStopRequest && requested.has_value()
               ? *requested
               : MakeExit(StopReasonToProto(info.reason), info.detail);
  }
  log.Flush();
  WriteExitRecord(dir, exit);
  ring.Close();
  service.Finish(exit);
  // Give streams a moment to deliver the final state, then close.
  server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2));
  unlink(socket_path.c_str());
  Log()->info("worker exiting: {}", v1::StopReason_Name(exit.reason()));
  return exit.reason() == v1::STOP_REASON_START_FAILED ? 1 : 0;
}

}  // namespace vmd
