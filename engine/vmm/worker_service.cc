#include "engine/vmm/worker_service.h"

#include <unistd.h>

#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "engine/vmm/spec_convert.h"
#include "google/protobuf/util/time_util.h"

namespace vmd {
namespace {

using google::protobuf::util::TimeUtil;

google::protobuf::Timestamp Now() { return TimeUtil::NanosecondsToTimestamp(absl::GetCurrentTimeNanos()); }

grpc::Status ToGrpc(const absl::Status& s) {
  if (s.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(s.code()), std::string(s.message()));
}

constexpr size_t kConsoleChunk = 16 * 1024;

}  // namespace

WorkerService::WorkerService(std::string vm_id, ConsoleRing* ring)
    : vm_id_(std::move(vm_id)), ring_(ring), started_unix_nanos_(absl::GetCurrentTimeNanos()) {
  worker::StateChange first;
  *first.mutable_time() = Now();
  first.set_state(v1::VM_STATE_STARTING);
  changes_.push_back(first);
}

void WorkerService::AttachVm(Vm* vm) {
  // Waits for every handler still using the previous VM (they hold vm_mu_ as
  // readers), so the caller may destroy it once this returns.
  absl::WriterMutexLock vm_lock(&vm_mu_);
  absl::MutexLock lock(&mu_);
  vm_ = vm;
}

void WorkerService::SetState(v1::VmState state, const std::string& detail) {
  absl::MutexLock lock(&mu_);
  if (state_ == state && detail.empty()) return;
  state_ = state;
  worker::StateChange c;
  *c.mutable_time() = Now();
  c.set_state(state);
  c.set_detail(detail);
  changes_.push_back(std::move(c));
  ++generation_;
}

void WorkerService::RecordReset(v1::ResetSource source) {
  absl::MutexLock lock(&mu_);
  ++resets_;
  worker::StateChange c;
  *c.mutable_time() = Now();
  c.set_state(state_);
  c.set_reset_source(source);
  changes_.push_back(std::move(c));
  ++generation_;
}

void WorkerService::Finish(const worker::ExitRecord& exit) {
  absl::MutexLock lock(&mu_);
  vm_ = nullptr;
  state_ = v1::VM_STATE_STOPPED;
  exit_ = exit;
  worker::StateChange c;
  *c.mutable_time() = Now();
  c.set_state(state_);
  *c.mutable_exit() = exit;
  changes_.push_back(std::move(c));
  ++generation_;
}

std::optional<worker::ExitRecord> WorkerService::requested_exit() const {
  absl::MutexLock lock(&mu_);
  return requested_exit_;
}

bool WorkerService::TakeRequestedReset() {
  absl::MutexLock lock(&mu_);
  return std::exchange(requested_reset_, false);
}

grpc::Status WorkerService::RunningVm(Vm** vm) {
  if (vm_ == nullptr || state_ == v1::VM_STATE_STOPPED) {
    return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION, "the VM is not running");
  }
  *vm = vm_;
  return grpc::Status::OK;
}

grpc::Status WorkerService::GetStatus(grpc::ServerContext*, const worker::GetStatusRequest*,
                                      worker::GetStatusResponse* out) {
  absl::MutexLock lock(&mu_);
  out->set_protocol_version(1);
  out->set_vm_id(vm_id_);
  out->set_pid(static_cast<int32_t>(getpid()));
  *out->mutable_started_time() = TimeUtil::NanosecondsToTimestamp(started_unix_nanos_);
  out->set_state(state_);
  out->set_reset_count(resets_);
  if (exit_) *out->mutable_exit() = *exit_;
  out->set_backend(std::string(VMD_HV_BACKEND_NAME) == "hvf" ? v1::BACKEND_HVF : v1::BACKEND_SOFT);
  return grpc::Status::OK;
}

grpc::Status WorkerService::WatchState(grpc::ServerContext* ctx, const worker::WatchStateRequest*,
                                       grpc::ServerWriter<worker::StateChange>* writer) {
  // Current state first, then every change; ends after STOPPED.
  worker::StateChange current;
  uint64_t seen;
  size_t next;
  {
    absl::MutexLock lock(&mu_);
    current = changes_.back();
    current.set_state(state_);
    seen = generation_;
    next = changes_.size();
  }
  if (!writer->Write(current)) return grpc::Status::OK;
  if (current.state() == v1::VM_STATE_STOPPED) return grpc::Status::OK;
  for (;;) {
    std::vector<worker::StateChange> batch;
    {
      absl::MutexLock lock(&mu_);
      auto changed = [this, seen]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return generation_ != seen; };
      mu_.AwaitWithTimeout(absl::Condition(&changed), absl::Milliseconds(200));
      seen = generation_;
      batch.assign(changes_.begin() + static_cast<ptrdiff_t>(next), changes_.end());
      next = changes_.size();
    }
    for (const auto& c : batch) {
      if (!writer->Write(c)) return grpc::Status::OK;
      if (c.state() == v1::VM_STATE_STOPPED) return grpc::Status::OK;
    }
    if (ctx->IsCancelled()) return grpc::Status::CANCELLED;
  }
}

grpc::Status WorkerService::SetPaused(bool paused, v1::VmState* new_state) {
  absl::ReaderMutexLock vm_lock(&vm_mu_);  // the VM outlives this call
  Vm* vm;
  {
    absl::MutexLock lock(&mu_);
    if (grpc::Status s = RunningVm(&vm); !s.ok()) return s;
    if (state_ != v1::VM_STATE_RUNNING && state_ != v1::VM_STATE_PAUSED) {
      return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                          absl::StrCat("cannot ", paused ? "pause" : "resume", " in state ",
                                       v1::VmState_Name(state_)));
    }
  }
  if (grpc::Status s = ToGrpc(paused ? vm->Pause() : vm->Resume()); !s.ok()) return s;
  *new_state = paused ? v1::VM_STATE_PAUSED : v1::VM_STATE_RUNNING;
  SetState(*new_state);
  return grpc::Status::OK;
}

grpc::Status WorkerService::Pause(grpc::ServerContext*, const worker::PauseRequest*,
                                  worker::PauseResponse* out) {
  v1::VmState state;
  grpc::Status s = SetPaused(true, &state);
  if (s.ok()) out->set_state(state);
  return s;
}

grpc::Status WorkerService::Resume(grpc::ServerContext*, const worker::ResumeRequest*,
                                   worker::ResumeResponse* out) {
  v1::VmState state;
  grpc::Status s = SetPaused(false, &state);
  if (s.ok()) out->set_state(state);
  return s;
}

grpc::Status WorkerService::Reset(grpc::ServerContext*, const worker::ResetRequest*,
                                  worker::ResetResponse* out) {
  absl::ReaderMutexLock vm_lock(&vm_mu_);  // the VM outlives this call
  Vm* vm;
  {
    absl::MutexLock lock(&mu_);
    if (grpc::Status s = RunningVm(&vm); !s.ok()) return s;
    requested_reset_ = true;
    out->set_state(state_);
  }
  vm->RequestReset();
  return grpc::Status::OK;
}

grpc::Status WorkerService::PowerButton(grpc::ServerContext*, const worker::PowerButtonRequest*,
                                        worker::PowerButtonResponse* out) {
  absl::ReaderMutexLock vm_lock(&vm_mu_);  // the VM outlives this call
  Vm* vm;
  {
    absl::MutexLock lock(&mu_);
    if (grpc::Status s = RunningVm(&vm); !s.ok()) return s;
  }
  vm->PressPowerButton();
  SetState(v1::VM_STATE_STOPPING, "power button pressed");
  out->set_state(v1::VM_STATE_STOPPING);
  return grpc::Status::OK;
}

grpc::Status WorkerService::Shutdown(grpc::ServerContext*, const worker::ShutdownRequest* req,
                                     worker::ShutdownResponse*) {
  absl::ReaderMutexLock vm_lock(&vm_mu_);  // the VM outlives this call
  Vm* vm = nullptr;
  {
    absl::MutexLock lock(&mu_);
    worker::ExitRecord rec;
    rec.set_reason(req->reason() == v1::STOP_REASON_UNSPECIFIED ? v1::STOP_REASON_KILLED : req->reason());
    rec.set_detail(req->detail());
    *rec.mutable_time() = Now();
    requested_exit_ = rec;
    vm = vm_;
  }
  if (vm != nullptr) vm->RequestStop(StopReason::kStopRequest, req->detail());
  return grpc::Status::OK;
}

grpc::Status WorkerService::GetRegisters(grpc::ServerContext*, const v1::GetRegistersRequest* req,
                                         v1::GetRegistersResponse* out) {
  absl::ReaderMutexLock vm_lock(&vm_mu_);  // the VM outlives this call
  Vm* vm;
  {
    absl::MutexLock lock(&mu_);
    if (grpc::Status s = RunningVm(&vm); !s.ok()) return s;
  }
  absl::StatusOr<std::vector<VcpuRegisters>> regs = vm->Registers();
  if (!regs.ok()) return ToGrpc(regs.status());
  for (uint32_t want : req->vcpus()) {
    if (want >= regs->size()) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                          absl::StrCat("vcpus: index ", want, " >= vCPU count ", regs->size()));
    }
  }
  for (const VcpuRegisters& r : *regs) {
    if (!req->vcpus().empty() &&
        std::find(req->vcpus().begin(), req->vcpus().end(), static_cast<uint32_t>(r.index)) ==
            req->vcpus().end()) {
      continue;
    }
    RegistersToProto(r, out->add_vcpus());
  }
  *out->mutable_time() = Now();
  return grpc::Status::OK;
}

grpc::Status WorkerService::Console(
    grpc::ServerContext* ctx, grpc::ServerReaderWriter<v1::ConsoleOutput, worker::ConsoleRequest>* stream) {
  worker::ConsoleRequest first;
  if (!stream->Read(&first) || first.kind_case() != worker::ConsoleRequest::kOpen) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "the first message must be `open`");
  }
  const bool read_only = first.open().read_only();
  // Input runs on its own thread so a client typing never waits for output.
  std::atomic<bool> input_done{false};
  grpc::Status input_status = grpc::Status::OK;
  std::thread input([&] {
    worker::ConsoleRequest req;
    while (stream->Read(&req)) {
      if (req.kind_case() != worker::ConsoleRequest::kInput) continue;
      if (read_only) {
        input_status = grpc::Status(grpc::StatusCode::FAILED_PRECONDITION, "read-only console");
        break;
      }
      absl::ReaderMutexLock vm_lock(&vm_mu_);
      absl::MutexLock lock(&mu_);
      if (vm_ != nullptr) {
        vm_->SendConsoleInput(reinterpret_cast<const uint8_t*>(req.input().data()), req.input().size());
      }
    }
    input_done = true;
  });

  uint64_t pos = ring_->HistoryStart(first.open().history_bytes());
  const uint64_t live_from = ring_->end();
  bool ok = true;
  // The first message is sent at once, history or not (then empty): a client
  // that receives it knows output from here on reaches it (vmctl run resumes
  // its paused guest only then).
  if (pos >= live_from) {
    v1::ConsoleOutput attached;
    attached.set_history(true);
    ok = stream->Write(attached);
  }
  while (ok && !ctx->IsCancelled() && !input_done) {
    if (!ring_->WaitForData(pos, absl::Milliseconds(200))) {
      if (ring_->closed()) break;
      continue;
    }
    const uint64_t oldest = ring_->begin();
    v1::ConsoleOutput out;
    if (pos < oldest) {
      out.set_dropped_bytes(oldest - pos);
      pos = oldest;
    }
    std::string data;
    const uint64_t next = ring_->ReadFrom(pos, kConsoleChunk, &data);
    out.set_history(pos < live_from);
    out.set_data(std::move(data));
    pos = next;
    ok = stream->Write(out);
  }
  if (!input_done) ctx->TryCancel();
  input.join();
  return input_status;
}

namespace {

// VIRTIO_BALLOON_S_* tags (virtio 1.x 5.5.6.3) onto vmd.v1.MemoryStats.
void FillMemoryStats(const BalloonInfo& info, uint64_t memory_bytes, v1::MemoryStats* out) {
  out->set_memory_bytes(memory_bytes);
  out->set_target_balloon_bytes(info.target_bytes);
  out->set_actual_balloon_bytes(info.actual_bytes);
  for (const auto& [tag, value] : info.stats) {
    switch (tag) {
      case 0:
        out->set_swap_in_bytes(value);
        break;
      case 1:
        out->set_swap_out_bytes(value);
        break;
      case 2:
        out->set_major_faults(value);
        break;
      case 3:
        out->set_minor_faults(value);
        break;
      case 4:
        out->set_free_bytes(value);
        break;
      case 5:
        out->set_total_bytes(value);
        break;
      case 6:
        out->set_available_bytes(value);
        break;
      case 7:
        out->set_disk_cache_bytes(value);
        break;
      case 8:
        out->set_hugetlb_allocations(value);
        break;
      case 9:
        out->set_hugetlb_failures(value);
        break;
      default:
        break;  // tags newer than this list
    }
  }
  if (info.stats_time.has_value()) {
    *out->mutable_stats_time() =
        TimeUtil::NanosecondsToTimestamp(absl::ToUnixNanos(*info.stats_time));
  }
}

// How long a stats call waits for the guest's fresh statistics.
constexpr absl::Duration kStatsWait = absl::Milliseconds(500);

}  // namespace

grpc::Status WorkerService::MemoryStats(Vm* vm, v1::MemoryStats* out) {
  absl::StatusOr<BalloonInfo> info = vm->Balloon(kStatsWait);
  if (!info.ok()) return ToGrpc(info.status());
  FillMemoryStats(*info, vm->memory_bytes(), out);
  return grpc::Status::OK;
}

grpc::Status WorkerService::SetBalloon(grpc::ServerContext*, const worker::SetBalloonRequest* req,
                                       v1::MemoryStats* out) {
  absl::ReaderMutexLock vm_lock(&vm_mu_);  // the VM outlives this call
  Vm* vm;
  {
    absl::MutexLock lock(&mu_);
    if (grpc::Status s = RunningVm(&vm); !s.ok()) return s;
  }
  if (grpc::Status s = ToGrpc(vm->SetBalloonTarget(req->balloon_bytes())); !s.ok()) return s;
  return MemoryStats(vm, out);
}

grpc::Status WorkerService::GetMemoryStats(grpc::ServerContext*,
                                           const worker::GetMemoryStatsRequest*,
                                           v1::MemoryStats* out) {
  absl::ReaderMutexLock vm_lock(&vm_mu_);  // the VM outlives this call
  Vm* vm;
  {
    absl::MutexLock lock(&mu_);
    if (grpc::Status s = RunningVm(&vm); !s.ok()) return s;
  }
  return MemoryStats(vm, out);
}

}  // namespace vmd
