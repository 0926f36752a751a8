// The fake vmd's canned behaviour; see fake_vmd.h.
#include "tests/e2e/vmctl/fake_vmd.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"

namespace vmd::vmctl::fake {
namespace {

grpc::Status NotFound(const std::string& vm) {
  return grpc::Status(grpc::StatusCode::NOT_FOUND, absl::StrCat("vm \"", vm, "\" not found"));
}

grpc::Status WrongState(const v1::Vm& vm, const std::string& what) {
  return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                      absl::StrCat("vm \"", vm.name(), "\": ", what, " (state ",
                                   v1::VmState_Name(vm.state()), ")"));
}

void SetNow(google::protobuf::Timestamp* t) {
  // A fixed instant, so output that shows times is predictable.
  t->set_seconds(1767225600);  // 2026-01-01T00:00:00Z
}

}  // namespace

v1::Vm* FakeVmd::Find(const std::string& name_or_id) {
  for (auto& [name, vm] : vms) {
    if (vm.id() == name_or_id || name == name_or_id) return &vm;
  }
  return nullptr;
}

void FakeVmd::StopLocked(v1::Vm* vm, v1::StopReason reason) {
  vm->set_state(v1::VM_STATE_STOPPED);
  vm->mutable_last_stop()->set_reason(reason);
  SetNow(vm->mutable_last_stop()->mutable_time());
  SetNow(vm->mutable_stopped_time());
  vm->clear_uptime();
  vm->set_worker_pid(0);
}

grpc::Status FakeVmd::CreateVm(grpc::ServerContext*, const v1::CreateVmRequest* req,
                               v1::CreateVmResponse* resp) {
  absl::MutexLock lock(&mu);
  calls.push_back("CreateVm");
  last_create = *req;
  const std::string& name = req->spec().name();
  if (name.empty()) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "spec.name: required");
  }
  if (vms.count(name) != 0) {
    return grpc::Status(grpc::StatusCode::ALREADY_EXISTS,
                        absl::StrCat("vm \"", name, "\": the name is taken"));
  }
  v1::Vm vm;
  vm.set_id(absl::StrFormat("%012x", 0xa00000000000ull + next_id_++));
  vm.set_name(name);
  *vm.mutable_spec() = req->spec();
  vm.set_state(v1::VM_STATE_CREATED);
  SetNow(vm.mutable_created_time());
  if (req->start()) {
    vm.set_state(v1::VM_STATE_RUNNING);
    vm.mutable_uptime()->set_seconds(0);
  }
  vms[name] = vm;
  *resp->mutable_vm() = vm;
  return grpc::Status::OK;
}

grpc::Status FakeVmd::GetVm(grpc::ServerContext*, const v1::GetVmRequest* req,
                            v1::GetVmResponse* resp) {
  absl::MutexLock lock(&mu);
  calls.push_back("GetVm");
  v1::Vm* vm = Find(req->vm());
  if (vm == nullptr) return NotFound(req->vm());
  *resp->mutable_vm() = *vm;
  return grpc::Status::OK;
}

grpc::Status FakeVmd::ListVms(grpc::ServerContext*, const v1::ListVmsRequest* req,
                              v1::ListVmsResponse* resp) {
  absl::MutexLock lock(&mu);
  calls.push_back("ListVms");
  last_list = *req;
  for (const auto& [name, vm] : vms) {  // std::map: ordered by name
    bool match = true;
    for (const auto& [k, v] : req->labels()) {
      auto it = vm.spec().labels().find(k);
      if (it == vm.spec().labels().end() || it->second != v) match = false;
    }
    if (req->states_size() > 0 &&
        std::find(req->states().begin(), req->states().end(), static_cast<int>(vm.state())) ==
            req->states().end()) {
      match = false;
    }
    if (match) *resp->add_vms() = vm;
  }
  resp->set_event_sequence(7);
  return grpc::Status::OK;
}

grpc::Status FakeVmd::DeleteVm(grpc::ServerContext*, const v1::DeleteVmRequest* req,
                               v1::DeleteVmResponse* resp) {
  absl::MutexLock lock(&mu);
  calls.push_back("DeleteVm");
  last_delete = *req;
  v1::Vm* vm = Find(req->vm());
  if (vm == nullptr) return NotFound(req->vm());
  bool has_worker = vm->state() != v1::VM_STATE_CREATED && vm->state() != v1::VM_STATE_STOPPED;
  if (has_worker && !req->force()) return WrongState(*vm, "has a worker; use force");
  resp->set_id(vm->id());
  vms.erase(vm->name());
  return grpc::Status::OK;
}

grpc::Status FakeVmd::StartVm(grpc::ServerContext*, const v1::StartVmRequest* req,
                              v1::StartVmResponse* resp) {
  absl::MutexLock lock(&mu);
  calls.push_back(req->paused() ? "StartVm(paused)" : "StartVm");
  v1::Vm* vm = Find(req->vm());
  if (vm == nullptr) return NotFound(req->vm());
  if (vm->state() == v1::VM_STATE_CREATED || vm->state() == v1::VM_STATE_STOPPED) {
    vm->set_state(req->paused() ? v1::VM_STATE_PAUSED : v1::VM_STATE_RUNNING);
    SetNow(vm->mutable_started_time());
    vm->mutable_uptime()->set_seconds(125);
    vm->set_worker_pid(4242);
    auto it = vm->spec().labels().find("fake/console");
    if (it != vm->spec().labels().end() && it->second == "instant") {
      StopLocked(vm, v1::STOP_REASON_GUEST_POWER_OFF);
    }
  }
  *resp->mutable_vm() = *vm;
  return grpc::Status::OK;
}

grpc::Status FakeVmd::StopVm(grpc::ServerContext*, const v1::StopVmRequest* req,
                             v1::StopVmResponse* resp) {
  absl::MutexLock lock(&mu);
  calls.push_back("StopVm");
  last_stop = *req;
  v1::Vm* vm = Find(req->vm());
  if (vm == nullptr) return NotFound(req->vm());
  if (req->timeout().seconds() < 0) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "timeout: negative");
  }
  if (vm->state() != v1::VM_STATE_CREATED && vm->state() != v1::VM_STATE_STOPPED) {
    if (req->no_wait()) {
      vm->set_state(v1::VM_STATE_STOPPING);
    } else {
      bool forced = req->has_timeout() && req->timeout().seconds() == 0 &&
                    req->timeout().nanos() == 0;
      StopLocked(vm, forced ? v1::STOP_REASON_STOP_FORCED : v1::STOP_REASON_STOP_REQUESTED);
    }
  }
  *resp->mutable_vm() = *vm;
  return grpc::Status::OK;
}

grpc::Status FakeVmd::KillVm(grpc::ServerContext*, const v1::KillVmRequest* req,
                             v1::KillVmResponse* resp) {
  absl::MutexLock lock(&mu);
  calls.push_back("KillVm");
  v1::Vm* vm = Find(req->vm());
  if (vm == nullptr) return NotFound(req->vm());
  if (vm->state() != v1::VM_STATE_CREATED && vm->state() != v1::VM_STATE_STOPPED) {
    StopLocked(vm, v1::STOP_REASON_KILLED);
  }
  *resp->mutable_vm() = *vm;
  return grpc::Status::OK;
}

grpc::Status FakeVmd::PauseVm(grpc::ServerContext*, const v1::PauseVmRequest* req,
                              v1::PauseVmResponse* resp) {
  absl::MutexLock lock(&mu);
  calls.push_back("PauseVm");
  v1::Vm* vm = Find(req->vm());
  if (vm == nullptr) return NotFound(req->vm());
  if (vm->state() != v1::VM_STATE_RUNNING && vm->state() != v1::VM_STATE_PAUSED) {
    return WrongState(*vm, "not running");
  }
  vm->set_state(v1::VM_STATE_PAUSED);
  *resp->mutable_vm() = *vm;
  return grpc::Status::OK;
}

grpc::Status FakeVmd::ResumeVm(grpc::ServerContext*, const v1::ResumeVmRequest* req,
                               v1::ResumeVmResponse* resp) {
  absl::MutexLock lock(&mu);
  calls.push_back("ResumeVm");
  v1::Vm* vm = Find(req->vm());
  if (vm == nullptr) return NotFound(req->vm());
  if (vm->state() != v1::VM_STATE_RUNNING && vm->state() != v1::VM_STATE_PAUSED) {
    return WrongState(*vm, "not paused");
  }
  vm->set_state(v1::VM_STATE_RUNNING);
  *resp->mutable_vm() = *vm;
  return grpc::Status::OK;
}

grpc::Status FakeVmd::ResetVm(grpc::ServerContext*, const v1::ResetVmRequest* req,
                              v1::ResetVmResponse* resp) {
  absl::MutexLock lock(&mu);
  calls.push_back("ResetVm");
  v1::Vm* vm = Find(req->vm());
  if (vm == nullptr) return NotFound(req->vm());
  if (vm->state() != v1::VM_STATE_RUNNING && vm->state() != v1::VM_STATE_PAUSED) {
    return WrongState(*vm, "not running");
  }
  vm->set_reset_count(vm->reset_count() + 1);
  *resp->mutable_vm() = *vm;
  return grpc::Status::OK;
}

grpc::Status FakeVmd::WaitVm(grpc::ServerContext* ctx, const v1::WaitVmRequest* req,
                             v1::WaitVmResponse* resp) {
  absl::MutexLock lock(&mu);
  calls.push_back("WaitVm");
  last_wait = *req;
  // Repeated enums are stored as int.
  std::vector<int> states;
  for (int st : req->states()) states.push_back(st);
  if (states.empty()) states.push_back(v1::VM_STATE_STOPPED);
  std::string vm_name = req->vm();
  auto done = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu) {
    v1::Vm* vm = Find(vm_name);
    return vm == nullptr ||
           std::find(states.begin(), states.end(), static_cast<int>(vm->state())) != states.end();
  };
  absl::Duration timeout = absl::Seconds(req->timeout().seconds());
  if (timeout == absl::ZeroDuration()) timeout = absl::Seconds(20);
  if (!mu.AwaitWithTimeout(absl::Condition(&done), timeout)) {
    return grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, "timeout passed");
  }
  (void)ctx;
  v1::Vm* vm = Find(vm_name);
  if (vm == nullptr) return NotFound(vm_name);
  *resp->mutable_vm() = *vm;
  return grpc::Status::OK;
}

grpc::Status FakeVmd::GetRegisters(grpc::ServerContext*, const v1::GetRegistersRequest* req,
                                   v1::GetRegistersResponse* resp) {
  absl::MutexLock lock(&mu);
  calls.push_back("GetRegisters");
  last_regs = *req;
  v1::Vm* vm = Find(req->vm());
  if (vm == nullptr) return NotFound(req->vm());
  if (vm->state() != v1::VM_STATE_RUNNING && vm->state() != v1::VM_STATE_PAUSED) {
    return WrongState(*vm, "not running");
  }
  uint32_t vcpus = std::max(1u, vm->spec().vcpus());
  std::vector<uint32_t> which;
  for (uint32_t index : req->vcpus()) which.push_back(index);
  if (which.empty()) {
    for (uint32_t i = 0; i < vcpus; ++i) which.push_back(i);
  }
  for (uint32_t index : which) {
    if (index >= vcpus) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                          absl::StrCat("vcpus: index ", index, " >= spec.vcpus ", vcpus));
    }
    v1::VcpuRegisters* r = resp->add_vcpus();
    r->set_index(index);
    r->set_powered_on(index == 0);
    for (uint64_t i = 0; i < 31; ++i) r->add_x(i * 0x100 + index);
    r->set_pc(0x40080000 + index * 4);
    r->set_cpsr(0x3c5);
    r->mutable_sys()->set_sctlr_el1(0x30d00800);
    r->mutable_sys()->set_mpidr_el1(0x80000000 | index);
  }
  return grpc::Status::OK;
}

grpc::Status FakeVmd::AttachConsole(
    grpc::ServerContext*,
    grpc::ServerReaderWriter<v1::ConsoleOutput, v1::AttachConsoleRequest>* stream) {
  v1::AttachConsoleRequest req;
  if (!stream->Read(&req) || !req.has_attach()) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "first message must be attach");
  }
  std::string vm_name = req.attach().vm();
  std::string behaviour = "echo";
  {
    absl::MutexLock lock(&mu);
    calls.push_back("AttachConsole");
    attach_read_only = req.attach().read_only();
    v1::Vm* vm = Find(vm_name);
    if (vm == nullptr) return NotFound(vm_name);
    if (vm->state() == v1::VM_STATE_CREATED || vm->state() == v1::VM_STATE_STOPPED) {
      return WrongState(*vm, "has no worker; use GetConsoleLog");
    }
    auto it = vm->spec().labels().find("fake/console");
    if (it != vm->spec().labels().end()) behaviour = it->second;
  }
  v1::ConsoleOutput history;
  history.set_data("boot ok\r\n");
  history.set_history(true);
  stream->Write(history);

  if (absl::StartsWith(behaviour, "exit:")) {
    v1::StopReason reason = v1::STOP_REASON_UNSPECIFIED;
    if (!v1::StopReason_Parse(
            absl::StrCat("STOP_REASON_", absl::AsciiStrToUpper(behaviour.substr(5))), &reason)) {
      return grpc::Status(grpc::StatusCode::INTERNAL, "fake: bad fake/console label");
    }
    absl::MutexLock lock(&mu);
    auto running = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu) {
      v1::Vm* vm = Find(vm_name);
      return vm == nullptr || vm->state() == v1::VM_STATE_RUNNING;
    };
    mu.AwaitWithTimeout(absl::Condition(&running), absl::Seconds(20));
    v1::ConsoleOutput out;
    out.set_data("hello from guest\r\n");
    stream->Write(out);
    if (v1::Vm* vm = Find(vm_name)) StopLocked(vm, reason);
    return grpc::Status::OK;
  }

  while (stream->Read(&req)) {
    if (!req.has_input()) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "second attach");
    }
    absl::MutexLock lock(&mu);
    if (attach_read_only) {
      return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION, "input on a read-only attach");
    }
    console_input += req.input();
    v1::ConsoleOutput out;
    out.set_data(absl::StrCat("echo:", req.input()));
    stream->Write(out);
    v1::Vm* vm = Find(vm_name);
    if (vm != nullptr && absl::StrContains(req.input(), "poweroff")) {
      StopLocked(vm, v1::STOP_REASON_GUEST_POWER_OFF);
      return grpc::Status::OK;
    }
    if (vm != nullptr && absl::StrContains(req.input(), "crash")) {
      StopLocked(vm, v1::STOP_REASON_GUEST_ERROR);
      vm->mutable_last_stop()->set_detail("unhandled exception class 0x00 at pc 0x40080000");
      return grpc::Status::OK;
    }
  }
  return grpc::Status::OK;  // the client half-closed (detached)
}

grpc::Status FakeVmd::GetConsoleLog(grpc::ServerContext*, const v1::GetConsoleLogRequest* req,
                                    grpc::ServerWriter<v1::ConsoleOutput>* writer) {
  {
    absl::MutexLock lock(&mu);
    calls.push_back("GetConsoleLog");
    last_log = *req;
    if (Find(req->vm()) == nullptr) return NotFound(req->vm());
  }
  std::vector<std::string> lines = absl::StrSplit(kConsoleLog, '\n', absl::SkipEmpty());
  size_t first = 0;
  if (req->has_tail_lines() && req->tail_lines() < lines.size()) {
    first = lines.size() - req->tail_lines();
  }
  for (size_t i = first; i < lines.size(); ++i) {
    v1::ConsoleOutput out;
    out.set_data(lines[i] + "\n");
    out.set_history(true);
    writer->Write(out);
  }
  return grpc::Status::OK;
}

grpc::Status FakeVmd::WatchEvents(grpc::ServerContext* ctx, const v1::WatchEventsRequest* req,
                                  grpc::ServerWriter<v1::Event>* writer) {
  {
    absl::MutexLock lock(&mu);
    calls.push_back("WatchEvents");
    last_watch = *req;
  }
  if (!req->has_since_sequence()) return grpc::Status::OK;  // nothing new, then "ends"
  if (req->since_sequence() + 1 < kOldestKeptSequence) {
    ctx->AddTrailingMetadata("vmd-oldest-sequence", absl::StrCat(kOldestKeptSequence));
    return grpc::Status(grpc::StatusCode::OUT_OF_RANGE,
                        absl::StrCat("since_sequence ", req->since_sequence(),
                                     " is too old: oldest kept sequence is ",
                                     kOldestKeptSequence));
  }
  struct Canned {
    uint64_t seq;
    const char* vm;
    v1::EventType type;
    v1::VmState state;
  } canned[] = {{5, "web", v1::EVENT_TYPE_CREATED, v1::VM_STATE_CREATED},
                {6, "web", v1::EVENT_TYPE_RUNNING, v1::VM_STATE_RUNNING},
                {7, "db", v1::EVENT_TYPE_STOPPED, v1::VM_STATE_STOPPED}};
  for (const Canned& c : canned) {
    if (c.seq <= req->since_sequence()) continue;
    if (req->vms_size() > 0 &&
        std::find(req->vms().begin(), req->vms().end(), c.vm) == req->vms().end()) {
      continue;
    }
    v1::Event e;
    e.set_sequence(c.seq);
    SetNow(e.mutable_time());
    e.set_vm_id(absl::StrFormat("%012x", c.seq));
    e.set_vm_name(c.vm);
    e.set_type(c.type);
    e.set_state(c.state);
    if (c.type == v1::EVENT_TYPE_STOPPED) e.mutable_stop()->set_reason(v1::STOP_REASON_KILLED);
    writer->Write(e);
  }
  return grpc::Status::OK;
}

grpc::Status FakeVmd::GetInfo(grpc::ServerContext*, const v1::GetInfoRequest*,
                              v1::GetInfoResponse* resp) {
  absl::MutexLock lock(&mu);
  calls.push_back("GetInfo");
  resp->set_version("0.1.0");
  resp->set_backend(v1::BACKEND_SOFT);
  resp->set_max_vcpus(8);
  resp->set_max_memory_bytes(uint64_t{16} << 30);
  resp->set_vm_count(static_cast<uint32_t>(vms.size()));
  resp->set_host_cpus(2);
  resp->set_host_memory_bytes(uint64_t{8} << 30);
  SetNow(resp->mutable_daemon_start_time());
  resp->set_event_sequence(7);
  return grpc::Status::OK;
}

namespace {
void FakeStats(uint64_t balloon, v1::MemoryStats* m) {
  m->set_memory_bytes(uint64_t{512} << 20);
  m->set_target_balloon_bytes(balloon);
  m->set_actual_balloon_bytes(balloon);
  m->set_total_bytes(uint64_t{400} << 20);
  m->set_free_bytes(uint64_t{100} << 20);
}
}  // namespace

grpc::Status FakeVmd::SetBalloon(grpc::ServerContext*, const v1::SetBalloonRequest* req,
                                 v1::SetBalloonResponse* resp) {
  absl::MutexLock lock(&mu);
  calls.push_back("SetBalloon");
  if (Find(req->vm()) == nullptr) return NotFound(req->vm());
  balloon_bytes = req->balloon_bytes();
  FakeStats(balloon_bytes, resp->mutable_stats());
  return grpc::Status::OK;
}

grpc::Status FakeVmd::GetMemoryStats(grpc::ServerContext*, const v1::GetMemoryStatsRequest* req,
                                     v1::GetMemoryStatsResponse* resp) {
  absl::MutexLock lock(&mu);
  calls.push_back("GetMemoryStats");
  if (Find(req->vm()) == nullptr) return NotFound(req->vm());
  FakeStats(balloon_bytes, resp->mutable_stats());
  return grpc::Status::OK;
}

}  // namespace vmd::vmctl::fake
