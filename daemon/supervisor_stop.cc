// The supervisor's stop paths (StopVm's power button and timeout, KillVm),
// re-attaching after a daemon restart, and detaching at daemon shutdown.
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <thread>

#include "absl/strings/str_cat.h"
#include "daemon/supervisor.h"
#include "daemon/supervisor_handle.h"
#include "engine/base/logging.h"

namespace vmd::daemon {
namespace {

std::shared_ptr<spdlog::logger> Log() { return vmd::Logger("supervisor"); }

}  // namespace

void Supervisor::RunStop(std::shared_ptr<Handle> h, absl::Duration timeout) {
  if (!h->finished.WaitForNotificationWithTimeout(timeout)) {
    {
      absl::MutexLock lock(&h->mu);
      h->intent = StopIntent::kForced;
    }
    grpc::ClientContext ctx;
    ctx.set_deadline(Deadline(absl::Seconds(2)));
    worker::ShutdownRequest req;
    req.set_reason(v1::STOP_REASON_STOP_FORCED);
    req.set_detail(absl::StrCat("the guest did not power off within ", Dur(timeout)));
    worker::ShutdownResponse resp;
    grpc::Status s = h->stub->Shutdown(&ctx, req, &resp);
    if (!s.ok()) Log()->warn("VM {}: Shutdown: {}", h->id, s.error_message());
    if (!h->finished.WaitForNotificationWithTimeout(options_.shutdown_grace)) KillProcess(*h);
  }
  h->finished.WaitForNotification();
}

absl::StatusOr<v1::Vm> Supervisor::Stop(const std::string& id, absl::Duration timeout, bool no_wait) {
  std::shared_ptr<absl::Mutex> op = OpLock(id);
  std::shared_ptr<Handle> h;
  {
    // Held only while pressing the button: a KillVm during the wait must not
    // queue behind it.
    absl::MutexLock op_lock(op.get());
    absl::StatusOr<v1::Vm> vm = registry_->Get(id);
    if (!vm.ok()) return vm.status();
    h = FindHandle(vm->id());
    if (!HasWorker(vm->state()) || h == nullptr) return vm;
    if (vm->state() != v1::VM_STATE_STOPPING) {
      {
        absl::MutexLock lock(&h->mu);
        if (h->intent == StopIntent::kNone) h->intent = StopIntent::kPowerButton;
      }
      v1::Event stopping;
      stopping.set_type(v1::EVENT_TYPE_STOPPING);
      stopping.set_state(v1::VM_STATE_STOPPING);
      stopping.set_detail(absl::StrCat("stop requested, timeout ", Dur(timeout)));
      // The watcher may already be recording the end; then there is nothing to do.
      if (!h->finishing.load()) {
        Emit(vm->id(), stopping, [](VmStateFile& s) { s.set_state(v1::VM_STATE_STOPPING); })
            .IgnoreError();
      }
      grpc::ClientContext ctx;
      ctx.set_deadline(Deadline(absl::Seconds(5)));
      worker::PowerButtonResponse resp;
      grpc::Status s = h->stub->PowerButton(&ctx, worker::PowerButtonRequest(), &resp);
      if (!s.ok()) {
        Log()->info("VM {}: PowerButton: {}; forcing", vm->id(), s.error_message());
        timeout = absl::ZeroDuration();
      }
    }
  }
  if (no_wait) {
    std::thread([this, h, timeout] { RunStop(h, timeout); }).detach();
    return registry_->Get(id);
  }
  RunStop(h, timeout);
  return registry_->Get(id);
}

absl::StatusOr<v1::Vm> Supervisor::Kill(const std::string& id) {
  std::shared_ptr<absl::Mutex> op = OpLock(id);
  absl::MutexLock op_lock(op.get());
  absl::StatusOr<v1::Vm> vm = registry_->Get(id);
  if (!vm.ok()) return vm.status();
  std::shared_ptr<Handle> h = FindHandle(vm->id());
  if (!HasWorker(vm->state()) || h == nullptr) return vm;
  {
    absl::MutexLock lock(&h->mu);
    h->intent = StopIntent::kKilled;
  }
  grpc::ClientContext ctx;
  ctx.set_deadline(Deadline(absl::Seconds(1)));
  worker::ShutdownRequest req;
  req.set_reason(v1::STOP_REASON_KILLED);
  req.set_detail("kill requested");
  worker::ShutdownResponse resp;
  grpc::Status s = h->stub->Shutdown(&ctx, req, &resp);
  if (!s.ok()) Log()->info("VM {}: Shutdown: {}", vm->id(), s.error_message());
  if (!h->finished.WaitForNotificationWithTimeout(options_.kill_grace)) KillProcess(*h);
  h->finished.WaitForNotification();
  return registry_->Get(id);
}

void Supervisor::Recover() {
  for (const v1::Vm& vm : registry_->List()) {
    if (!HasWorker(vm.state())) continue;
    absl::StatusOr<VmStateFile> state = registry_->GetState(vm.id());
    if (!state.ok()) continue;
    auto h = std::make_shared<Handle>();
    h->id = vm.id();
    h->pid = state->worker_pid();
    h->is_child = false;
    absl::StatusOr<worker::GetStatusResponse> status =
        absl::NotFoundError("no worker pid recorded");
    if (h->pid > 0 && ::kill(h->pid, 0) == 0) {
      status = Connect(*h, absl::Now() + absl::Seconds(3));
      if (status.ok() && state->has_worker_start_time() &&
          status->started_time().seconds() != state->worker_start_time().seconds()) {
        status = absl::FailedPreconditionError("the worker's start time differs");
      }
    }
    if (status.ok() && status->state() != v1::VM_STATE_STOPPED) {
      Log()->info("VM {}: re-attached to worker pid {} ({})", vm.id(), h->pid,
                  v1::VmState_Name(status->state()));
      {
        absl::MutexLock lock(&mu_);
        handles_[vm.id()] = h;
        all_handles_.push_back(h);
      }
      v1::Event event;
      worker::StateChange current;
      current.set_state(status->state());
      std::vector<v1::Event> changes = EventsForChange(v1::VM_STATE_UNSPECIFIED, current);
      event.set_type(changes.empty() ? v1::EVENT_TYPE_RUNNING : changes[0].type());
      event.set_state(status->state());
      event.set_detail(absl::StrCat("re-attached after a vmd restart (worker pid ", h->pid, ")"));
      Emit(vm.id(), event, [&](VmStateFile& s) {
        s.set_state(status->state());
        s.set_reset_count(status->reset_count());
      }).IgnoreError();
      StartWatcher(h);
      continue;
    }
    // Gone (or not the process we started): how it ended is in exit.json, if anywhere.
    Log()->info("VM {}: worker pid {} is gone ({})", vm.id(), h->pid, status.status().ToString());
    std::optional<worker::ExitRecord> record = ReadExitRecord(vm.id());
    if (status.ok() && status->has_exit()) record = status->exit();
    // Nothing to wait for: mark it gone so Finish does not probe a foreign pid.
    h->is_child = true;
    {
      absl::MutexLock lock(&h->mu);
      h->reaped = true;
    }
    Finish(h, record, absl::ZeroDuration());
  }
}

void Supervisor::Detach() {
  std::vector<std::shared_ptr<Handle>> handles;
  {
    absl::MutexLock lock(&mu_);
    if (detaching_) return;
    detaching_ = true;
    handles = all_handles_;
  }
  for (const auto& h : handles) {
    absl::MutexLock lock(&h->mu);
    h->detached = true;
    if (h->watch_ctx != nullptr) h->watch_ctx->TryCancel();
  }
  for (const auto& h : handles) {
    h->watcher_exited.WaitForNotificationWithTimeout(absl::Seconds(15));
  }
}

}  // namespace vmd::daemon
