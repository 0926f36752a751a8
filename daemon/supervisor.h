// The worker supervisor: spawns one `vmm` worker per running VM, keeps a
// WatchState stream open to each and turns what it reports into registry
// updates and journal events, drives graceful stop / kill, and after a daemon
// restart re-attaches to the workers that are still alive (or records how the
// others ended). The API service (vmd_service.cc) calls it.
#ifndef VMD_DAEMON_SUPERVISOR_H_
#define VMD_DAEMON_SUPERVISOR_H_

#include <sys/types.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "daemon/event_journal.h"
#include "daemon/registry.h"
#include "daemon/stop_info.h"
#include "vmd/worker/worker.grpc.pb.h"

namespace vmd::daemon {

struct SupervisorOptions {
  std::string vmm_path;                           // the worker binary
  absl::Duration start_timeout = absl::Seconds(30);  // worker up and past STARTING
  absl::Duration shutdown_grace = absl::Seconds(5);  // after Shutdown, before SIGKILL
  absl::Duration kill_grace = absl::Seconds(2);      // KillVm: Shutdown, then SIGKILL
};

// True in the states where a VM has a worker process.
bool HasWorker(v1::VmState state);

class Supervisor {
 public:
  Supervisor(Registry* registry, EventJournal* journal, SupervisorOptions options);
  ~Supervisor();
  Supervisor(const Supervisor&) = delete;
  Supervisor& operator=(const Supervisor&) = delete;

  // At daemon start: every VM the registry says has a worker is re-attached
  // (after checking the process is that worker) or recorded as stopped.
  void Recover();

  // Updates the VM's state record with `mutate`, then appends the event (with
  // vm id/name/state filled in) so that anyone woken by the event sees the new
  // state. All journal appends of the daemon go through here.
  absl::StatusOr<v1::Vm> Emit(const std::string& id, v1::Event event,
                              const std::function<void(VmStateFile&)>& mutate = {});

  // StartVm: spawns the worker; returns once it is RUNNING/PAUSED or stopped.
  absl::StatusOr<v1::Vm> Start(const std::string& id, bool paused);
  // StopVm: power button, up to `timeout`, then Shutdown(STOP_FORCED), SIGKILL.
  absl::StatusOr<v1::Vm> Stop(const std::string& id, absl::Duration timeout, bool no_wait);
  // KillVm (and DeleteVm with force): Shutdown(KILLED), short grace, SIGKILL.
  absl::StatusOr<v1::Vm> Kill(const std::string& id);

  // The worker's stub, or FAILED_PRECONDITION if the VM has no worker.
  absl::StatusOr<std::shared_ptr<worker::Worker::Stub>> Stub(const std::string& id);

  // Blocks until `done(vm)` holds (true), `deadline` passes, the VM is
  // deleted (NOT_FOUND) or `cancelled()` says so (false).
  absl::StatusOr<bool> WaitFor(const std::string& id, const std::function<bool(const v1::Vm&)>& done,
                               absl::Time deadline, const std::function<bool()>& cancelled = {});

  // Daemon shutdown: stops watching (workers keep running) and waits for the
  // watcher threads. Nothing else may be called afterwards.
  void Detach();

  size_t worker_count() const;

 private:
  struct Handle;

  absl::StatusOr<pid_t> Spawn(const std::string& id, bool paused);
  // Connects to vms/<id>/vmm.sock and checks GetStatus names this VM and pid.
  absl::StatusOr<worker::GetStatusResponse> Connect(Handle& h, absl::Time deadline);
  void StartWatcher(std::shared_ptr<Handle> h);
  void Watch(std::shared_ptr<Handle> h);
  void OnChange(Handle& h, const worker::StateChange& change);
  // Waits for the process to go (reaping it if it is our child), SIGKILLing it
  // after `grace`; then records STOPPED once.
  void Finish(std::shared_ptr<Handle> h, std::optional<worker::ExitRecord> record,
              absl::Duration grace);
  void KillProcess(Handle& h);
  void RunStop(std::shared_ptr<Handle> h, absl::Duration timeout);
  std::shared_ptr<Handle> FindHandle(const std::string& id) const;
  std::optional<worker::ExitRecord> ReadExitRecord(const std::string& id) const;

  Registry* const registry_;
  EventJournal* const journal_;
  const SupervisorOptions options_;

  absl::Mutex emit_mu_;  // one event at a time, so its sequence is known
  mutable absl::Mutex mu_;
  std::map<std::string, std::shared_ptr<Handle>> handles_ ABSL_GUARDED_BY(mu_);
  std::vector<std::shared_ptr<Handle>> all_handles_ ABSL_GUARDED_BY(mu_);
  bool detaching_ ABSL_GUARDED_BY(mu_) = false;
  // One lifecycle operation (start/stop/kill) per VM at a time.
  absl::Mutex op_mu_;
  std::map<std::string, std::shared_ptr<absl::Mutex>> op_locks_ ABSL_GUARDED_BY(op_mu_);
  std::shared_ptr<absl::Mutex> OpLock(const std::string& id);
};

}  // namespace vmd::daemon

#endif  // VMD_DAEMON_SUPERVISOR_H_
