// The public vmd.v1.Vmd service: validates each request (names, sizes, host
// limits, the caller's access to every path), then acts through the registry,
// the journal and the worker supervisor, or proxies to the VM's worker.
// main.cc registers it with the gRPC server (sync API, many threads; streams
// poll with timeouts and check IsCancelled so no client waits on another).
#ifndef VMD_DAEMON_VMD_SERVICE_H_
#define VMD_DAEMON_VMD_SERVICE_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "daemon/access.h"
#include "daemon/event_journal.h"
#include "daemon/registry.h"
#include "daemon/spec_validation.h"
#include "daemon/supervisor.h"
#include "vmd/v1/vmd.grpc.pb.h"

namespace vmd::daemon {

struct ServiceOptions {
  SpecLimits limits;
  uint32_t max_vms = 0;  // 0 = no limit
  std::vector<std::string> image_dirs;  // what remote callers may name
  std::string version;
};

// Who is calling, from the call's transport; PERMISSION_DENIED if unknown.
using CallerResolver = std::function<absl::StatusOr<Caller>(grpc::ServerContext*)>;

// AttachConsole is a callback (reactor) method; the rest are synchronous.
class VmdService final : public v1::Vmd::WithCallbackMethod_AttachConsole<v1::Vmd::Service> {
 public:
  VmdService(Registry* registry, EventJournal* journal, Supervisor* supervisor,
             CallerResolver resolve_caller, ServiceOptions options);

  grpc::Status CreateVm(grpc::ServerContext*, const v1::CreateVmRequest*, v1::CreateVmResponse*) override;
  grpc::Status GetVm(grpc::ServerContext*, const v1::GetVmRequest*, v1::GetVmResponse*) override;
  grpc::Status ListVms(grpc::ServerContext*, const v1::ListVmsRequest*, v1::ListVmsResponse*) override;
  grpc::Status DeleteVm(grpc::ServerContext*, const v1::DeleteVmRequest*, v1::DeleteVmResponse*) override;
  grpc::Status StartVm(grpc::ServerContext*, const v1::StartVmRequest*, v1::StartVmResponse*) override;
  grpc::Status StopVm(grpc::ServerContext*, const v1::StopVmRequest*, v1::StopVmResponse*) override;
  grpc::Status KillVm(grpc::ServerContext*, const v1::KillVmRequest*, v1::KillVmResponse*) override;
  grpc::Status PauseVm(grpc::ServerContext*, const v1::PauseVmRequest*, v1::PauseVmResponse*) override;
  grpc::Status ResumeVm(grpc::ServerContext*, const v1::ResumeVmRequest*, v1::ResumeVmResponse*) override;
  grpc::Status ResetVm(grpc::ServerContext*, const v1::ResetVmRequest*, v1::ResetVmResponse*) override;
  grpc::Status WaitVm(grpc::ServerContext*, const v1::WaitVmRequest*, v1::WaitVmResponse*) override;
  grpc::Status GetRegisters(grpc::ServerContext*, const v1::GetRegistersRequest*,
                            v1::GetRegistersResponse*) override;
  grpc::ServerBidiReactor<v1::AttachConsoleRequest, v1::ConsoleOutput>* AttachConsole(
      grpc::CallbackServerContext*) override;
  grpc::Status GetConsoleLog(grpc::ServerContext*, const v1::GetConsoleLogRequest*,
                             grpc::ServerWriter<v1::ConsoleOutput>*) override;
  grpc::Status WatchEvents(grpc::ServerContext*, const v1::WatchEventsRequest*,
                           grpc::ServerWriter<v1::Event>*) override;
  grpc::Status GetInfo(grpc::ServerContext*, const v1::GetInfoRequest*, v1::GetInfoResponse*) override;
  grpc::Status SetBalloon(grpc::ServerContext*, const v1::SetBalloonRequest*,
                          v1::SetBalloonResponse*) override;
  grpc::Status GetMemoryStats(grpc::ServerContext*, const v1::GetMemoryStatsRequest*,
                              v1::GetMemoryStatsResponse*) override;

 private:
  // The VM and its worker stub, or NOT_FOUND / FAILED_PRECONDITION.
  absl::StatusOr<v1::Vm> Find(const std::string& vm) const;
  // Pause/Resume/Reset: call the worker, then wait until the registry shows
  // the outcome (the supervisor's watcher records it and the event).
  grpc::Status Proxy(grpc::ServerContext* ctx, const std::string& vm_name, const char* verb,
                     const std::function<grpc::Status(worker::Worker::Stub&, grpc::ClientContext*)>& call,
                     const std::function<bool(const v1::Vm&)>& done, v1::Vm* out);

  Registry* const registry_;
  EventJournal* const journal_;
  Supervisor* const supervisor_;
  const CallerResolver resolve_caller_;
  const ServiceOptions options_;
  const absl::Time start_time_;
};

// absl → gRPC status (the codes are numerically the same).
grpc::Status ToGrpc(const absl::Status& status);

}  // namespace vmd::daemon

#endif  // VMD_DAEMON_VMD_SERVICE_H_
