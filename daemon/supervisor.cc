#include "daemon/supervisor.h"
#include "daemon/supervisor_handle.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "daemon/atomic_file.h"
#include "engine/base/logging.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/time_util.h"
#include "grpcpp/grpcpp.h"

namespace vmd::daemon {
namespace {

using google::protobuf::util::TimeUtil;

std::shared_ptr<spdlog::logger> Log() { return vmd::Logger("supervisor"); }

google::protobuf::Timestamp Now() {
  return TimeUtil::NanosecondsToTimestamp(absl::GetCurrentTimeNanos());
}


// A process that is not our child: gone when kill(0) says so, or when it is
// a zombie its new parent has not reaped yet (Linux: state Z in /proc).
bool ProcessAlive(pid_t pid) {
  if (::kill(pid, 0) != 0 && errno == ESRCH) return false;
#ifdef __linux__
  absl::StatusOr<std::string> stat = ReadFileToString(absl::StrCat("/proc/", pid, "/stat"));
  if (stat.ok()) {
    size_t paren = stat->rfind(')');
    if (paren != std::string::npos && paren + 2 < stat->size() && (*stat)[paren + 2] == 'Z') {
      return false;
    }
  }
#endif
  return true;
}

}  // namespace

bool HasWorker(v1::VmState state) {
  return state == v1::VM_STATE_STARTING || state == v1::VM_STATE_RUNNING ||
         state == v1::VM_STATE_PAUSED || state == v1::VM_STATE_STOPPING;
}


Supervisor::Supervisor(Registry* registry, EventJournal* journal, SupervisorOptions options)
    : registry_(registry), journal_(journal), options_(std::move(options)) {}

Supervisor::~Supervisor() { Detach(); }

size_t Supervisor::worker_count() const {
  absl::MutexLock lock(&mu_);
  return handles_.size();
}

std::shared_ptr<absl::Mutex> Supervisor::OpLock(const std::string& id) {
  absl::MutexLock lock(&op_mu_);
  auto& m = op_locks_[id];
  if (!m) m = std::make_shared<absl::Mutex>();
  return m;
}

std::shared_ptr<Supervisor::Handle> Supervisor::FindHandle(const std::string& id) const {
  absl::MutexLock lock(&mu_);
  auto it = handles_.find(id);
  return it == handles_.end() ? nullptr : it->second;
}

absl::StatusOr<v1::Vm> Supervisor::Emit(const std::string& id, v1::Event event,
                                        const std::function<void(VmStateFile&)>& mutate) {
  absl::MutexLock lock(&emit_mu_);
  // Every append goes through emit_mu_, so the next sequence is known here and
  // state.json can carry it in the same write.
  const uint64_t sequence = journal_->last_sequence() + 1;
  absl::StatusOr<v1::Vm> vm = registry_->Update(id, [&](VmStateFile& s) {
    if (mutate) mutate(s);
    s.set_event_sequence(sequence);
    return absl::OkStatus();
  });
  if (!vm.ok()) return vm.status();
  event.set_vm_id(vm->id());
  event.set_vm_name(vm->name());
  if (event.state() == v1::VM_STATE_UNSPECIFIED) event.set_state(vm->state());
  absl::StatusOr<v1::Event> stored = journal_->Append(std::move(event));
  if (!stored.ok()) {
    Log()->error("VM {}: journal append failed: {}", id, stored.status().ToString());
    return stored.status();
  }
  return vm;
}

std::optional<worker::ExitRecord> Supervisor::ReadExitRecord(const std::string& id) const {
  absl::StatusOr<std::string> json = ReadFileToString(registry_->VmDir(id) + "/exit.json");
  if (!json.ok()) return std::nullopt;
  worker::ExitRecord record;
  google::protobuf::util::JsonParseOptions opts;
  opts.ignore_unknown_fields = true;
  if (!google::protobuf::util::JsonStringToMessage(*json, &record, opts).ok()) {
    Log()->warn("VM {}: exit.json is not an ExitRecord; ignored", id);
    return std::nullopt;
  }
  return record;
}

absl::StatusOr<pid_t> Supervisor::Spawn(const std::string& id, bool paused) {
  const std::string dir = registry_->VmDir(id);
  const std::string log_path = dir + "/worker.log";
  // Everything the child needs is prepared before fork: after it, only
  // async-signal-safe calls.
  std::vector<std::string> args = {options_.vmm_path, "--state-dir", dir};
  if (paused) args.push_back("--paused");
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  int log_fd = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (log_fd < 0) return ErrnoStatus(errno, "open", log_path);
  int null_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (null_fd < 0) {
    ::close(log_fd);
    return ErrnoStatus(errno, "open", "/dev/null");
  }
  pid_t pid = ::fork();
  if (pid < 0) {
    int err = errno;
    ::close(log_fd);
    ::close(null_fd);
    return ErrnoStatus(err, "fork for", options_.vmm_path);
  }
  if (pid == 0) {
    // Its own session and process group: signals to vmd's group (a terminal's
    // Ctrl-C, the service manager) never reach the VM. vmm calls setsid too.
    ::setsid();
    ::dup2(null_fd, 0);
    ::dup2(log_fd, 1);
    ::dup2(log_fd, 2);
    // Unblock everything vmd may have blocked; the worker sets its own.
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    for (int fd = 3; fd < 1024; ++fd) ::close(fd);
    ::execv(argv[0], argv.data());
    static const char kMsg[] = "vmd: exec of the vmm worker failed\n";
    ssize_t ignored = ::write(2, kMsg, sizeof(kMsg) - 1);
    (void)ignored;
    ::_exit(127);
  }
  ::close(log_fd);
  ::close(null_fd);
  return pid;
}

absl::StatusOr<worker::GetStatusResponse> Supervisor::Connect(Handle& h, absl::Time deadline) {
  const std::string sock = registry_->VmDir(h.id) + "/vmm.sock";
  absl::Status last = absl::UnavailableError(absl::StrCat(sock, ": not there yet"));
  for (;;) {
    struct stat st;
    if (::stat(sock.c_str(), &st) == 0) {
      if (!h.channel) {
        h.channel = grpc::CreateChannel("unix:" + sock, grpc::InsecureChannelCredentials());
        h.stub = worker::Worker::NewStub(h.channel);
      }
      grpc::ClientContext ctx;
      ctx.set_deadline(Deadline(absl::Seconds(2)));
      worker::GetStatusResponse status;
      grpc::Status s = h.stub->GetStatus(&ctx, worker::GetStatusRequest(), &status);
      if (s.ok()) {
        if (status.vm_id() != h.id || status.pid() != h.pid) {
          return absl::FailedPreconditionError(
              absl::StrCat(sock, ": serves VM ", status.vm_id(), " pid ", status.pid(),
                           ", expected VM ", h.id, " pid ", h.pid));
        }
        return status;
      }
      last = absl::UnavailableError(absl::StrCat(sock, ": GetStatus: ", s.error_message()));
    }
    // A child that already exited will never answer.
    if (h.is_child) {
      absl::MutexLock lock(&h.mu);
      if (!h.reaped) {
        int status = 0;
        if (::waitpid(h.pid, &status, WNOHANG) == h.pid) {
          h.reaped = true;
          h.wait_status = status;
        }
      }
      if (h.reaped) return absl::AbortedError("the worker exited before it answered");
    } else if (!ProcessAlive(h.pid)) {
      return absl::AbortedError("the worker is gone");
    }
    if (absl::Now() > deadline) return last;
    absl::SleepFor(absl::Milliseconds(20));
  }
}

void Supervisor::StartWatcher(std::shared_ptr<Handle> h) {
  std::thread([this, h] { Watch(h); }).detach();
}

void Supervisor::Watch(std::shared_ptr<Handle> h) {
  std::optional<worker::ExitRecord> record;
  bool saw_stopped = false;
  {
    grpc::ClientContext ctx;
    {
      absl::MutexLock lock(&h->mu);
      if (h->detached) {
        h->watcher_exited.Notify();
        return;
      }
      h->watch_ctx = &ctx;
    }
    std::unique_ptr<grpc::ClientReader<worker::StateChange>> reader =
        h->stub->WatchState(&ctx, worker::WatchStateRequest());
    worker::StateChange change;
    while (reader->Read(&change)) {
      if (change.state() == v1::VM_STATE_STOPPED) {
        saw_stopped = true;
        if (change.has_exit()) record = change.exit();
        break;
      }
      OnChange(*h, change);
    }
    if (!saw_stopped) ctx.TryCancel();
    grpc::Status s = reader->Finish();
    absl::MutexLock lock(&h->mu);
    h->watch_ctx = nullptr;
    if (h->detached) {
      h->watcher_exited.Notify();
      return;
    }
    if (!saw_stopped) Log()->info("VM {}: worker stream ended ({})", h->id, s.error_message());
  }
  if (!record) record = ReadExitRecord(h->id);
  // After STOPPED the worker exits within seconds (it drains its streams for
  // up to 2 s); without a record it may be wedged, so it gets less.
  Finish(h, record, saw_stopped ? absl::Seconds(10) : absl::Seconds(3));
  h->watcher_exited.Notify();
}

void Supervisor::OnChange(Handle& h, const worker::StateChange& change) {
  absl::StatusOr<v1::Vm> vm = registry_->Get(h.id);
  if (!vm.ok()) return;
  for (v1::Event& event : EventsForChange(vm->state(), change)) {
    bool reset = event.type() == v1::EVENT_TYPE_RESET;
    v1::VmState state = event.state();
    absl::StatusOr<v1::Vm> updated = Emit(h.id, std::move(event), [&](VmStateFile& s) {
      s.set_state(state);
      if (reset) s.set_reset_count(s.reset_count() + 1);
    });
    if (!updated.ok()) Log()->warn("VM {}: {}", h.id, updated.status().ToString());
  }
}

void Supervisor::KillProcess(Handle& h) {
  absl::MutexLock lock(&h.mu);
  if (h.reaped) return;
  if (::kill(h.pid, SIGKILL) == 0) {
    h.sigkilled = true;
    Log()->warn("VM {}: worker pid {} killed with SIGKILL", h.id, h.pid);
  }
}

void Supervisor::Finish(std::shared_ptr<Handle> h, std::optional<worker::ExitRecord> record,
                        absl::Duration grace) {
  if (h->finishing.exchange(true)) {
    h->finished.WaitForNotification();
    return;
  }
  // Wait for the process itself, so a new StartVm never races an old worker
  // on vmm.sock, and so our child does not linger as a zombie.
  const absl::Time deadline = absl::Now() + grace;
  bool killed_late = false;
  for (;;) {
    bool gone = false;
    {
      absl::MutexLock lock(&h->mu);
      if (h->is_child) {
        if (!h->reaped) {
          int status = 0;
          pid_t r = ::waitpid(h->pid, &status, WNOHANG);
          if (r == h->pid || (r < 0 && errno == ECHILD)) {
            h->reaped = true;
            if (r == h->pid) h->wait_status = status;
          }
        }
        gone = h->reaped;
      } else {
        gone = !ProcessAlive(h->pid);
      }
    }
    if (gone) break;
    if (absl::Now() > deadline && !killed_late) {
      Log()->warn("VM {}: worker pid {} did not exit in {}", h->id, h->pid, Dur(grace));
      KillProcess(*h);
      killed_late = true;
    } else if (killed_late && absl::Now() > deadline + absl::Seconds(5)) {
      // Not ours to reap and still there after SIGKILL: record the stop anyway.
      Log()->warn("VM {}: worker pid {} still present after SIGKILL; giving up on it", h->id, h->pid);
      break;
    }
    absl::SleepFor(absl::Milliseconds(10));
  }
  WorkerEnd end;
  end.record = record;
  {
    absl::MutexLock lock(&h->mu);
    end.intent = h->intent;
    end.sigkilled_by_us = h->sigkilled;
    end.wait_status = h->wait_status;
  }
  v1::StopInfo stop = DecideStopInfo(end);
  Log()->info("VM {}: stopped: {} ({})", h->id, v1::StopReason_Name(stop.reason()), stop.detail());
  v1::Event event;
  event.set_type(v1::EVENT_TYPE_STOPPED);
  event.set_state(v1::VM_STATE_STOPPED);
  *event.mutable_stop() = stop;
  event.set_detail(stop.detail());
  absl::StatusOr<v1::Vm> vm = Emit(h->id, event, [&](VmStateFile& s) {
    s.set_state(v1::VM_STATE_STOPPED);
    *s.mutable_stopped_time() = Now();
    *s.mutable_last_stop() = stop;
    s.set_worker_pid(0);
    s.clear_worker_start_time();
  });
  if (!vm.ok()) Log()->warn("VM {}: recording the stop: {}", h->id, vm.status().ToString());
  {
    absl::MutexLock lock(&mu_);
    auto it = handles_.find(h->id);
    if (it != handles_.end() && it->second == h) handles_.erase(it);
  }
  h->finished.Notify();
}

absl::StatusOr<v1::Vm> Supervisor::Start(const std::string& id, bool paused) {
  std::shared_ptr<absl::Mutex> op = OpLock(id);
  absl::MutexLock op_lock(op.get());
  absl::StatusOr<v1::Vm> vm = registry_->Get(id);
  if (!vm.ok()) return vm.status();
  if (vm->state() == v1::VM_STATE_STARTING || vm->state() == v1::VM_STATE_RUNNING ||
      vm->state() == v1::VM_STATE_PAUSED) {
    return vm;
  }
  if (vm->state() == v1::VM_STATE_STOPPING) {
    return absl::FailedPreconditionError(absl::StrCat("vm \"", vm->name(), "\": is stopping"));
  }
  {
    absl::MutexLock lock(&mu_);
    if (detaching_) return absl::UnavailableError("vmd is shutting down");
  }
  const std::string dir = registry_->VmDir(id);
  ::unlink((dir + "/exit.json").c_str());
  ::unlink((dir + "/vmm.sock").c_str());

  v1::Event starting;
  starting.set_type(v1::EVENT_TYPE_STARTING);
  starting.set_state(v1::VM_STATE_STARTING);
  starting.set_detail(paused ? "start requested (paused)" : "start requested");
  vm = Emit(id, starting, [&](VmStateFile& s) {
    s.set_state(v1::VM_STATE_STARTING);
    *s.mutable_started_time() = Now();
    s.set_reset_count(0);
    s.set_worker_pid(0);
    s.clear_worker_start_time();
  });
  if (!vm.ok()) return vm.status();

  auto h = std::make_shared<Handle>();
  h->id = id;
  h->is_child = true;
  absl::StatusOr<pid_t> pid = Spawn(id, paused);
  if (!pid.ok()) {
    WorkerEnd end;
    end.record.emplace();
    end.record->set_reason(v1::STOP_REASON_START_FAILED);
    end.record->set_detail(std::string(pid.status().message()));
    h->pid = 0;
    {
      absl::MutexLock lock(&h->mu);
      h->reaped = true;
    }
    Finish(h, end.record, absl::ZeroDuration());
    return absl::FailedPreconditionError(
        absl::StrCat("vm \"", vm->name(), "\": cannot start the worker: ", pid.status().message()));
  }
  h->pid = *pid;
  Log()->info("VM {}: worker pid {} spawned", id, h->pid);
  {
    absl::MutexLock lock(&mu_);
    handles_[id] = h;
    all_handles_.push_back(h);
  }
  absl::StatusOr<v1::Vm> with_pid = registry_->Update(id, [&](VmStateFile& s) {
    s.set_worker_pid(h->pid);
    return absl::OkStatus();
  });
  if (!with_pid.ok()) Log()->warn("VM {}: {}", id, with_pid.status().ToString());

  const absl::Time deadline = absl::Now() + options_.start_timeout;
  absl::StatusOr<worker::GetStatusResponse> status = Connect(*h, deadline);
  if (!status.ok()) {
    if (!absl::IsAborted(status.status())) {
      Log()->warn("VM {}: {}", id, status.status().ToString());
      {
        absl::MutexLock lock(&h->mu);
        h->intent = StopIntent::kKilled;
      }
      KillProcess(*h);
    }
    std::optional<worker::ExitRecord> record = ReadExitRecord(id);
    if (!record && !absl::IsAborted(status.status())) {
      record.emplace();
      record->set_reason(v1::STOP_REASON_START_FAILED);
      record->set_detail(absl::StrCat("the worker did not come up: ", status.status().message()));
    }
    Finish(h, record, absl::Seconds(5));
    h->watcher_exited.Notify();
  } else {
    registry_
        ->Update(id,
                 [&](VmStateFile& s) {
                   *s.mutable_worker_start_time() = status->started_time();
                   return absl::OkStatus();
                 })
        .IgnoreError();
    StartWatcher(h);
    absl::StatusOr<bool> reached = WaitFor(
        id,
        [](const v1::Vm& v) {
          return v.state() == v1::VM_STATE_RUNNING || v.state() == v1::VM_STATE_PAUSED ||
                 v.state() == v1::VM_STATE_STOPPED;
        },
        deadline);
    if (reached.ok() && !*reached) {
      return absl::DeadlineExceededError(absl::StrCat(
          "vm \"", vm->name(), "\": the worker is still STARTING after ",
          Dur(options_.start_timeout)));
    }
  }
  vm = registry_->Get(id);
  if (vm.ok() && vm->state() == v1::VM_STATE_STOPPED &&
      vm->last_stop().reason() == v1::STOP_REASON_START_FAILED) {
    return absl::FailedPreconditionError(
        absl::StrCat("vm \"", vm->name(), "\": start failed: ", vm->last_stop().detail()));
  }
  return vm;
}

absl::StatusOr<bool> Supervisor::WaitFor(const std::string& id,
                                         const std::function<bool(const v1::Vm&)>& done,
                                         absl::Time deadline, const std::function<bool()>& cancelled) {
  for (;;) {
    // The sequence before reading the state: an event after it wakes us.
    uint64_t seen = journal_->last_sequence();
    absl::StatusOr<v1::Vm> vm = registry_->Get(id);
    if (!vm.ok()) return vm.status();
    if (done(*vm)) return true;
    absl::Time now = absl::Now();
    if (now >= deadline) return false;
    if (cancelled && cancelled()) return false;
    journal_->WaitForEventsAfter(seen, std::min(deadline, now + absl::Milliseconds(250)));
  }
}

absl::StatusOr<std::shared_ptr<worker::Worker::Stub>> Supervisor::Stub(const std::string& id) {
  std::shared_ptr<Handle> h = FindHandle(id);
  if (h == nullptr || h->stub == nullptr || h->finishing.load()) {
    return absl::FailedPreconditionError(absl::StrCat("vm ", id, ": has no running worker"));
  }
  return h->stub;
}

}  // namespace vmd::daemon
