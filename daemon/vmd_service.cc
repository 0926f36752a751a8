// The unary RPCs of vmd.v1.Vmd; the streaming ones and WaitVm are in
// vmd_service_streams.cc.
#include "daemon/vmd_service.h"

#include <unistd.h>

#include <algorithm>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "engine/base/logging.h"
#include "google/protobuf/util/time_util.h"

namespace vmd::daemon {
namespace {

using google::protobuf::util::TimeUtil;

std::shared_ptr<spdlog::logger> Log() { return vmd::Logger("api"); }

constexpr absl::Duration kDefaultStopTimeout = absl::Seconds(30);
// How long the daemon waits for a worker's own answer to a proxied call.
constexpr absl::Duration kWorkerCallTimeout = absl::Seconds(10);

v1::Backend BuildBackend() {
#if defined(__APPLE__) && defined(__aarch64__)
  return v1::BACKEND_HVF;
#else
  return v1::BACKEND_SOFT;
#endif
}

}  // namespace

grpc::Status ToGrpc(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), std::string(status.message()));
}

VmdService::VmdService(Registry* registry, EventJournal* journal, Supervisor* supervisor,
                       CallerResolver resolve_caller, ServiceOptions options)
    : registry_(registry),
      journal_(journal),
      supervisor_(supervisor),
      resolve_caller_(std::move(resolve_caller)),
      options_(std::move(options)),
      start_time_(absl::Now()) {}

absl::StatusOr<v1::Vm> VmdService::Find(const std::string& vm) const { return registry_->Get(vm); }

grpc::Status VmdService::CreateVm(grpc::ServerContext* ctx, const v1::CreateVmRequest* req,
                                  v1::CreateVmResponse* resp) {
  absl::StatusOr<Caller> caller = resolve_caller_(ctx);
  if (!caller.ok()) return ToGrpc(caller.status());
  if (!req->has_spec()) return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "spec: required");
  v1::VmSpec spec = req->spec();
  ApplySpecDefaults(spec);
  if (absl::Status s = ValidateSpec(spec, options_.limits); !s.ok()) return ToGrpc(s);
  if (absl::Status s = CheckSpecAccess(*caller, spec, options_.image_dirs); !s.ok()) {
    Log()->info("CreateVm from {}: {}", caller->description, s.ToString());
    return ToGrpc(s);
  }
  if (options_.max_vms != 0 && registry_->size() >= options_.max_vms) {
    return grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                        absl::StrCat("this daemon keeps at most ", options_.max_vms, " VMs"));
  }
  absl::StatusOr<Registry::CreateResult> created = registry_->Create(spec, req->request_id());
  if (!created.ok()) return ToGrpc(created.status());
  v1::Vm vm = created->vm;
  if (created->created) {
    v1::Event event;
    event.set_type(v1::EVENT_TYPE_CREATED);
    event.set_state(v1::VM_STATE_CREATED);
    event.set_detail(absl::StrCat("created by ", caller->description));
    absl::StatusOr<v1::Vm> updated = supervisor_->Emit(vm.id(), event);
    if (updated.ok()) vm = *updated;
  }
  if (req->start()) {
    absl::StatusOr<v1::Vm> started = supervisor_->Start(vm.id(), false);
    if (!started.ok()) return ToGrpc(started.status());
    vm = *started;
  }
  *resp->mutable_vm() = vm;
  return grpc::Status::OK;
}

grpc::Status VmdService::GetVm(grpc::ServerContext*, const v1::GetVmRequest* req,
                               v1::GetVmResponse* resp) {
  absl::StatusOr<v1::Vm> vm = Find(req->vm());
  if (!vm.ok()) return ToGrpc(vm.status());
  *resp->mutable_vm() = *vm;
  return grpc::Status::OK;
}

grpc::Status VmdService::ListVms(grpc::ServerContext*, const v1::ListVmsRequest* req,
                                 v1::ListVmsResponse* resp) {
  for (int i = 0; i < req->states_size(); ++i) {
    int st = req->states(i);
    if (!v1::VmState_IsValid(st) || st == v1::VM_STATE_UNSPECIFIED) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                          absl::StrCat("states[", i, "]: unknown state ", st));
    }
  }
  // The sequence first: WatchEvents from it then misses nothing of what follows.
  resp->set_event_sequence(journal_->last_sequence());
  for (v1::Vm& vm : registry_->List()) {
    if (req->states_size() > 0 &&
        std::find(req->states().begin(), req->states().end(), vm.state()) == req->states().end()) {
      continue;
    }
    bool match = true;
    for (const auto& [key, value] : req->labels()) {
      auto it = vm.spec().labels().find(key);
      if (it == vm.spec().labels().end() || it->second != value) match = false;
    }
    if (match) *resp->add_vms() = std::move(vm);
  }
  return grpc::Status::OK;
}

grpc::Status VmdService::DeleteVm(grpc::ServerContext*, const v1::DeleteVmRequest* req,
                                  v1::DeleteVmResponse* resp) {
  absl::StatusOr<v1::Vm> vm = Find(req->vm());
  if (!vm.ok()) return ToGrpc(vm.status());
  if (HasWorker(vm->state())) {
    if (!req->force()) {
      return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                          absl::StrCat("vm \"", req->vm(), "\": is ", v1::VmState_Name(vm->state()),
                                       "; stop it first or use force"));
    }
    absl::StatusOr<v1::Vm> killed = supervisor_->Kill(vm->id());
    if (!killed.ok()) return ToGrpc(killed.status());
  }
  v1::Event event;
  event.set_type(v1::EVENT_TYPE_DELETED);
  event.set_detail(req->force() ? "deleted (forced)" : "deleted");
  absl::StatusOr<v1::Vm> last = supervisor_->Emit(vm->id(), event);
  if (!last.ok()) return ToGrpc(last.status());
  if (absl::Status s = registry_->Delete(vm->id()); !s.ok()) return ToGrpc(s);
  resp->set_id(vm->id());
  return grpc::Status::OK;
}

grpc::Status VmdService::StartVm(grpc::ServerContext* ctx, const v1::StartVmRequest* req,
                                 v1::StartVmResponse* resp) {
  absl::StatusOr<v1::Vm> vm = Find(req->vm());
  if (!vm.ok()) return ToGrpc(vm.status());
  if (!HasWorker(vm->state())) {
    // The files are checked again for whoever starts the VM: a file swapped
    // (or its permissions changed) since CreateVm is caught before a worker
    // opens it (DECISIONS.md "Access").
    absl::StatusOr<Caller> caller = resolve_caller_(ctx);
    if (!caller.ok()) return ToGrpc(caller.status());
    if (absl::Status s = CheckSpecAccess(*caller, vm->spec(), options_.image_dirs); !s.ok()) {
      Log()->info("StartVm {} from {}: {}", req->vm(), caller->description, s.ToString());
      return ToGrpc(s);
    }
  }
  absl::StatusOr<v1::Vm> started = supervisor_->Start(vm->id(), req->paused());
  if (!started.ok()) return ToGrpc(started.status());
  *resp->mutable_vm() = *started;
  return grpc::Status::OK;
}

grpc::Status VmdService::StopVm(grpc::ServerContext*, const v1::StopVmRequest* req,
                                v1::StopVmResponse* resp) {
  absl::Duration timeout = kDefaultStopTimeout;
  if (req->has_timeout()) {
    const auto& t = req->timeout();
    if (t.seconds() < 0 || t.nanos() < 0) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "timeout: must not be negative");
    }
    timeout = absl::Seconds(t.seconds()) + absl::Nanoseconds(t.nanos());
  }
  absl::StatusOr<v1::Vm> vm = Find(req->vm());
  if (!vm.ok()) return ToGrpc(vm.status());
  absl::StatusOr<v1::Vm> stopped = supervisor_->Stop(vm->id(), timeout, req->no_wait());
  if (!stopped.ok()) return ToGrpc(stopped.status());
  *resp->mutable_vm() = *stopped;
  return grpc::Status::OK;
}

grpc::Status VmdService::KillVm(grpc::ServerContext*, const v1::KillVmRequest* req,
                                v1::KillVmResponse* resp) {
  absl::StatusOr<v1::Vm> vm = Find(req->vm());
  if (!vm.ok()) return ToGrpc(vm.status());
  absl::StatusOr<v1::Vm> killed = supervisor_->Kill(vm->id());
  if (!killed.ok()) return ToGrpc(killed.status());
  *resp->mutable_vm() = *killed;
  return grpc::Status::OK;
}

grpc::Status VmdService::Proxy(
    grpc::ServerContext* ctx, const std::string& vm_name, const char* verb,
    const std::function<grpc::Status(worker::Worker::Stub&, grpc::ClientContext*)>& call,
    const std::function<bool(const v1::Vm&)>& done, v1::Vm* out) {
  absl::StatusOr<v1::Vm> vm = Find(vm_name);
  if (!vm.ok()) return ToGrpc(vm.status());
  if (vm->state() != v1::VM_STATE_RUNNING && vm->state() != v1::VM_STATE_PAUSED) {
    return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                        absl::StrCat("vm \"", vm_name, "\": cannot ", verb, " in state ",
                                     v1::VmState_Name(vm->state())));
  }
  absl::StatusOr<std::shared_ptr<worker::Worker::Stub>> stub = supervisor_->Stub(vm->id());
  if (!stub.ok()) return ToGrpc(stub.status());
  grpc::ClientContext wctx;
  wctx.set_deadline(absl::ToChronoTime(absl::Now() + kWorkerCallTimeout));
  grpc::Status s = call(**stub, &wctx);
  if (!s.ok()) return s;
  absl::StatusOr<bool> reached = supervisor_->WaitFor(
      vm->id(), done, absl::Now() + kWorkerCallTimeout, [ctx] { return ctx->IsCancelled(); });
  if (!reached.ok()) return ToGrpc(reached.status());
  absl::StatusOr<v1::Vm> now = Find(vm->id());
  if (!now.ok()) return ToGrpc(now.status());
  *out = *now;
  return grpc::Status::OK;
}

grpc::Status VmdService::PauseVm(grpc::ServerContext* ctx, const v1::PauseVmRequest* req,
                                 v1::PauseVmResponse* resp) {
  return Proxy(
      ctx, req->vm(), "pause",
      [](worker::Worker::Stub& stub, grpc::ClientContext* c) {
        worker::PauseResponse r;
        return stub.Pause(c, worker::PauseRequest(), &r);
      },
      [](const v1::Vm& v) { return v.state() != v1::VM_STATE_RUNNING; }, resp->mutable_vm());
}

grpc::Status VmdService::ResumeVm(grpc::ServerContext* ctx, const v1::ResumeVmRequest* req,
                                  v1::ResumeVmResponse* resp) {
  return Proxy(
      ctx, req->vm(), "resume",
      [](worker::Worker::Stub& stub, grpc::ClientContext* c) {
        worker::ResumeResponse r;
        return stub.Resume(c, worker::ResumeRequest(), &r);
      },
      [](const v1::Vm& v) { return v.state() != v1::VM_STATE_PAUSED; }, resp->mutable_vm());
}

grpc::Status VmdService::ResetVm(grpc::ServerContext* ctx, const v1::ResetVmRequest* req,
                                 v1::ResetVmResponse* resp) {
  absl::StatusOr<v1::Vm> before = Find(req->vm());
  if (!before.ok()) return ToGrpc(before.status());
  const uint32_t resets = before->reset_count();
  return Proxy(
      ctx, req->vm(), "reset",
      [](worker::Worker::Stub& stub, grpc::ClientContext* c) {
        worker::ResetResponse r;
        return stub.Reset(c, worker::ResetRequest(), &r);
      },
      [resets](const v1::Vm& v) { return v.reset_count() > resets || !HasWorker(v.state()); },
      resp->mutable_vm());
}

grpc::Status VmdService::GetRegisters(grpc::ServerContext*, const v1::GetRegistersRequest* req,
                                      v1::GetRegistersResponse* resp) {
  absl::StatusOr<v1::Vm> vm = Find(req->vm());
  if (!vm.ok()) return ToGrpc(vm.status());
  for (int i = 0; i < req->vcpus_size(); ++i) {
    if (req->vcpus(i) >= vm->spec().vcpus()) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                          absl::StrCat("vcpus[", i, "]: index ", req->vcpus(i), " >= spec.vcpus ",
                                       vm->spec().vcpus()));
    }
  }
  if (vm->state() != v1::VM_STATE_RUNNING && vm->state() != v1::VM_STATE_PAUSED) {
    return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                        absl::StrCat("vm \"", req->vm(), "\": no registers in state ",
                                     v1::VmState_Name(vm->state())));
  }
  absl::StatusOr<std::shared_ptr<worker::Worker::Stub>> stub = supervisor_->Stub(vm->id());
  if (!stub.ok()) return ToGrpc(stub.status());
  grpc::ClientContext wctx;
  wctx.set_deadline(absl::ToChronoTime(absl::Now() + kWorkerCallTimeout));
  return (*stub)->GetRegisters(&wctx, *req, resp);
}

grpc::Status VmdService::GetInfo(grpc::ServerContext*, const v1::GetInfoRequest*,
                                 v1::GetInfoResponse* resp) {
  resp->set_version(options_.version);
  resp->set_backend(BuildBackend());
  resp->set_max_vcpus(options_.limits.max_vcpus);
  resp->set_max_memory_bytes(options_.limits.max_memory_bytes);
  resp->set_max_vms(options_.max_vms);
  uint32_t total = 0, running = 0;
  for (const v1::Vm& vm : registry_->List()) {
    ++total;
    if (HasWorker(vm.state())) ++running;
  }
  resp->set_vm_count(total);
  resp->set_running_vm_count(running);
  long cpus = ::sysconf(_SC_NPROCESSORS_ONLN);
  resp->set_host_cpus(cpus > 0 ? static_cast<uint32_t>(cpus) : 1);
  long pages = ::sysconf(_SC_PHYS_PAGES);
  long page_size = ::sysconf(_SC_PAGESIZE);
  if (pages > 0 && page_size > 0) {
    resp->set_host_memory_bytes(static_cast<uint64_t>(pages) * static_cast<uint64_t>(page_size));
  }
  *resp->mutable_daemon_start_time() =
      TimeUtil::NanosecondsToTimestamp(absl::ToUnixNanos(start_time_));
  resp->set_event_sequence(journal_->last_sequence());
  return grpc::Status::OK;
}

grpc::Status VmdService::SetBalloon(grpc::ServerContext*, const v1::SetBalloonRequest* req,
                                    v1::SetBalloonResponse* resp) {
  absl::StatusOr<v1::Vm> vm = Find(req->vm());
  if (!vm.ok()) return ToGrpc(vm.status());
  if (!vm->spec().has_balloon()) {
    return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                        absl::StrCat("vm \"", req->vm(), "\": its spec has no balloon device"));
  }
  if (req->balloon_bytes() % 4096 != 0) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "balloon_bytes: must be a multiple of 4 KiB");
  }
  if (req->balloon_bytes() >= vm->spec().memory_bytes()) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        absl::StrCat("balloon_bytes: must be less than spec.memory_bytes (",
                                     vm->spec().memory_bytes(), ")"));
  }
  absl::StatusOr<std::shared_ptr<worker::Worker::Stub>> stub = supervisor_->Stub(vm->id());
  if (!stub.ok()) return ToGrpc(stub.status());
  grpc::ClientContext wctx;
  wctx.set_deadline(absl::ToChronoTime(absl::Now() + kWorkerCallTimeout));
  worker::SetBalloonRequest wreq;
  wreq.set_balloon_bytes(req->balloon_bytes());
  grpc::Status s = (*stub)->SetBalloon(&wctx, wreq, resp->mutable_stats());
  if (!s.ok()) return s;
  v1::Event event;
  event.set_type(v1::EVENT_TYPE_BALLOON);
  event.set_detail(absl::StrCat("balloon target ", req->balloon_bytes(), " bytes"));
  supervisor_->Emit(vm->id(), event).IgnoreError();
  return grpc::Status::OK;
}

grpc::Status VmdService::GetMemoryStats(grpc::ServerContext*, const v1::GetMemoryStatsRequest* req,
                                        v1::GetMemoryStatsResponse* resp) {
  absl::StatusOr<v1::Vm> vm = Find(req->vm());
  if (!vm.ok()) return ToGrpc(vm.status());
  if (!vm->spec().has_balloon()) {
    return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                        absl::StrCat("vm \"", req->vm(), "\": its spec has no balloon device"));
  }
  absl::StatusOr<std::shared_ptr<worker::Worker::Stub>> stub = supervisor_->Stub(vm->id());
  if (!stub.ok()) return ToGrpc(stub.status());
  grpc::ClientContext wctx;
  wctx.set_deadline(absl::ToChronoTime(absl::Now() + kWorkerCallTimeout));
  return (*stub)->GetMemoryStats(&wctx, worker::GetMemoryStatsRequest(), resp->mutable_stats());
}

}  // namespace vmd::daemon
