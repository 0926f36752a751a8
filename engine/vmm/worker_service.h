// The vmd.worker.Worker gRPC service over one Vm: state tracking and its
// stream, pause/resume/reset, power button, shutdown, registers and console
// streams. Owned by RunWorker (worker.cc).
#ifndef VMD_ENGINE_VMM_WORKER_SERVICE_H_
#define VMD_ENGINE_VMM_WORKER_SERVICE_H_

#include <optional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "engine/vm/console_ring.h"
#include "engine/vm/vm.h"
#include "vmd/worker/worker.grpc.pb.h"

namespace vmd {

class WorkerService final : public worker::Worker::Service {
 public:
  WorkerService(std::string vm_id, ConsoleRing* ring);

  // The VM exists from here on (nullptr before, and after it is destroyed).
  void AttachVm(Vm* vm);
  void SetState(v1::VmState state, const std::string& detail = {});
  void RecordReset(v1::ResetSource source);
  // The final state: STOPPED with the exit record; wakes every stream.
  void Finish(const worker::ExitRecord& exit);
  // The reason Shutdown asked for, if any (it overrides "stop request").
  std::optional<worker::ExitRecord> requested_exit() const;
  // Marks the next reset as requested by the host (ResetVm) rather than the guest.
  bool TakeRequestedReset();

  grpc::Status GetStatus(grpc::ServerContext*, const worker::GetStatusRequest*,
                         worker::GetStatusResponse*) override;
  grpc::Status WatchState(grpc::ServerContext*, const worker::WatchStateRequest*,
                          grpc::ServerWriter<worker::StateChange>*) override;
  grpc::Status Pause(grpc::ServerContext*, const worker::PauseRequest*,
                     worker::PauseResponse*) override;
  grpc::Status Resume(grpc::ServerContext*, const worker::ResumeRequest*,
                      worker::ResumeResponse*) override;
  grpc::Status Reset(grpc::ServerContext*, const worker::ResetRequest*,
                     worker::ResetResponse*) override;
  grpc::Status PowerButton(grpc::ServerContext*, const worker::PowerButtonRequest*,
                           worker::PowerButtonResponse*) override;
  grpc::Status Shutdown(grpc::ServerContext*, const worker::ShutdownRequest*,
                        worker::ShutdownResponse*) override;
  grpc::Status GetRegisters(grpc::ServerContext*, const v1::GetRegistersRequest*,
                            v1::GetRegistersResponse*) override;
  grpc::Status Console(grpc::ServerContext*,
                       grpc::ServerReaderWriter<v1::ConsoleOutput, worker::ConsoleRequest>*) override;
  grpc::Status SetBalloon(grpc::ServerContext*, const worker::SetBalloonRequest*,
                          v1::MemoryStats*) override;
  grpc::Status GetMemoryStats(grpc::ServerContext*, const worker::GetMemoryStatsRequest*,
                              v1::MemoryStats*) override;

 private:
  // Pause (paused) or Resume; the VM's state afterwards in *new_state.
  grpc::Status SetPaused(bool paused, v1::VmState* new_state);
  // Vm* when the VM can take requests, else an error status for the caller.
  grpc::Status RunningVm(Vm** vm) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // The balloon's state and the guest's statistics (fresh if it answers soon).
  grpc::Status MemoryStats(Vm* vm, v1::MemoryStats* out);

  const std::string vm_id_;
  ConsoleRing* const ring_;
  const int64_t started_unix_nanos_;

  // Held shared by every handler that calls into the VM and exclusively by
  // AttachVm, so the VM is never destroyed under a running call.
  absl::Mutex vm_mu_ ABSL_ACQUIRED_BEFORE(mu_);
  mutable absl::Mutex mu_;
  Vm* vm_ ABSL_GUARDED_BY(mu_) = nullptr;
  v1::VmState state_ ABSL_GUARDED_BY(mu_) = v1::VM_STATE_STARTING;
  uint32_t resets_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t generation_ ABSL_GUARDED_BY(mu_) = 0;  // bumps on every StateChange
  std::vector<worker::StateChange> changes_ ABSL_GUARDED_BY(mu_);
  std::optional<worker::ExitRecord> exit_ ABSL_GUARDED_BY(mu_);
  std::optional<worker::ExitRecord> requested_exit_ ABSL_GUARDED_BY(mu_);
  bool requested_reset_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace vmd

#endif  // VMD_ENGINE_VMM_WORKER_SERVICE_H_
