// The request/response verbs of vmctl (everything but the console streams,
// which are in console.cc); see commands.h.
#include "client/vmctl/commands.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "client/vmctl/exit_codes.h"
#include "client/vmctl/format.h"
#include "grpcpp/grpcpp.h"

namespace vmd::vmctl {
namespace {

constexpr absl::Duration kUnaryDeadline = absl::Seconds(60);

uint32_t EffectiveVcpus(const v1::VmSpec& spec) { return spec.vcpus() == 0 ? 1 : spec.vcpus(); }
uint64_t EffectiveMemory(const v1::VmSpec& spec) {
  return spec.memory_bytes() == 0 ? uint64_t{512} << 20 : spec.memory_bytes();
}

std::string Uptime(const v1::Vm& vm) {
  return vm.has_uptime() ? FormatSeconds(vm.uptime().seconds()) : "-";
}

google::protobuf::Duration ToProto(absl::Duration d) {
  google::protobuf::Duration p;
  int64_t seconds = absl::IDivDuration(d, absl::Seconds(1), &d);
  p.set_seconds(seconds);
  p.set_nanos(static_cast<int32_t>(absl::ToInt64Nanoseconds(d)));
  return p;
}

// "stopped (guest power off)" or "running".
std::string StateWithReason(const v1::Vm& vm) {
  std::string s = StateName(vm.state());
  if (vm.state() == v1::VM_STATE_STOPPED && vm.has_last_stop()) {
    absl::StrAppend(&s, " (", StopReasonName(vm.last_stop().reason()));
    if (!vm.last_stop().detail().empty()) absl::StrAppend(&s, ": ", vm.last_stop().detail());
    s += ")";
  }
  return s;
}

}  // namespace

std::string DescribeVm(const v1::Vm& vm) {
  const v1::VmSpec& spec = vm.spec();
  std::vector<std::vector<std::string>> rows;
  auto add = [&rows](std::string key, std::string value) {
    rows.push_back({absl::StrCat(key, ":"), std::move(value)});
  };
  add("Name", vm.name());
  add("Id", vm.id());
  add("State", StateWithReason(vm));
  add("vCPUs", absl::StrCat(EffectiveVcpus(spec)));
  add("Memory", FormatSize(EffectiveMemory(spec)));
  if (spec.boot().has_linux()) {
    const v1::LinuxBoot& l = spec.boot().linux();
    add("Kernel", l.kernel_path());
    if (!l.initrd_path().empty()) add("Initrd", l.initrd_path());
    if (!l.command_line().empty()) add("Cmdline", l.command_line());
  } else if (spec.boot().has_raw()) {
    add("Payload", spec.boot().raw().path());
  }
  for (int i = 0; i < spec.disks_size(); ++i) {
    const v1::Disk& d = spec.disks(i);
    std::string text = d.path();
    if (d.read_only()) text += ",ro";
    if (!d.serial().empty()) absl::StrAppend(&text, ",serial=", d.serial());
    add(absl::StrCat("Disk vd", std::string(1, static_cast<char>('a' + i % 26))), text);
  }
  if (spec.has_network()) {
    add("Network", absl::StrCat("user NAT, mac ",
                                spec.network().mac().empty() ? "(derived)" : spec.network().mac()));
    for (const v1::PortForward& f : spec.network().port_forwards()) {
      add("Forward", absl::StrCat(f.protocol() == v1::PROTOCOL_UDP ? "udp" : "tcp", ":",
                                  f.host_address().empty() ? "127.0.0.1" : f.host_address(), ":",
                                  f.host_port(), " -> guest ", f.guest_port()));
    }
  }
  add("Console", spec.console() == v1::CONSOLE_DEVICE_VIRTIO_CONSOLE ? "virtio" : "pl011");
  add("On reboot", spec.on_reboot() == v1::ON_REBOOT_STOP ? "stop" : "restart");
  if (spec.has_balloon()) add("Balloon", "yes");
  std::vector<std::string> labels;
  for (const auto& [k, v] : spec.labels()) labels.push_back(absl::StrCat(k, "=", v));
  std::sort(labels.begin(), labels.end());
  if (!labels.empty()) add("Labels", absl::StrJoin(labels, ","));
  add("Created", FormatTimestamp(vm.created_time()));
  add("Started", FormatTimestamp(vm.started_time()));
  add("Stopped", FormatTimestamp(vm.stopped_time()));
  add("Uptime", Uptime(vm));
  if (vm.worker_pid() != 0) add("Worker pid", absl::StrCat(vm.worker_pid()));
  add("Resets", absl::StrCat(vm.reset_count()));
  return FormatTable(rows);
}

std::string VmTable(const v1::ListVmsResponse& list) {
  std::vector<std::vector<std::string>> rows = {
      {"NAME", "ID", "STATE", "VCPUS", "MEMORY", "UPTIME"}};
  for (const v1::Vm& vm : list.vms()) {
    rows.push_back({vm.name(), vm.id(), StateName(vm.state()),
                    absl::StrCat(EffectiveVcpus(vm.spec())),
                    FormatSize(EffectiveMemory(vm.spec())), Uptime(vm)});
  }
  return FormatTable(rows);
}

void Commands::SetDeadline(grpc::ClientContext* ctx, absl::Duration extra) {
  ctx->set_deadline(absl::ToChronoTime(absl::Now() + kUnaryDeadline + extra));
}

int Commands::Fail(const grpc::Status& status, const std::string& vm) {
  return FailText(ExitCodeForStatus(status), MessageForStatus(status, vm, host_display_));
}

int Commands::FailText(int code, const std::string& message) {
  *io_.err << "vmctl: " << message << "\n";
  io_.err->flush();
  return code;
}

int Commands::PrintVm(const v1::Vm& vm) {
  if (json_) {
    *io_.out << ToJson(vm, true) << "\n";
  } else {
    *io_.out << vm.name() << ": " << StateWithReason(vm) << "\n";
  }
  return kExitOk;
}

int Commands::Create(const v1::CreateVmRequest& request) {
  grpc::ClientContext ctx;
  SetDeadline(&ctx);
  v1::CreateVmResponse response;
  grpc::Status s = stub_->CreateVm(&ctx, request, &response);
  if (!s.ok()) return Fail(s, request.spec().name());
  if (json_) return PrintVm(response.vm());
  *io_.out << response.vm().name() << ": " << StateName(response.vm().state()) << " (id "
           << response.vm().id() << ")\n";
  return kExitOk;
}

int Commands::Stop(const std::string& vm, std::optional<absl::Duration> timeout, bool no_wait) {
  v1::StopVmRequest request;
  request.set_vm(vm);
  request.set_no_wait(no_wait);
  if (timeout) *request.mutable_timeout() = ToProto(*timeout);
  grpc::ClientContext ctx;
  // The daemon waits up to the timeout (default 30 s) before it kills.
  SetDeadline(&ctx, timeout.value_or(absl::Seconds(30)));
  v1::StopVmResponse response;
  grpc::Status s = stub_->StopVm(&ctx, request, &response);
  return s.ok() ? PrintVm(response.vm()) : Fail(s, vm);
}

// Verbs whose request is just {vm} and whose response is just {vm}.
#define VMCTL_SIMPLE_VERB(Method, Rpc)              \
  int Commands::Method(const std::string& vm) {     \
    v1::Rpc##Request request;                       \
    request.set_vm(vm);                             \
    grpc::ClientContext ctx;                        \
    SetDeadline(&ctx);                              \
    v1::Rpc##Response response;                     \
    grpc::Status s = stub_->Rpc(&ctx, request, &response); \
    return s.ok() ? PrintVm(response.vm()) : Fail(s, vm);  \
  }
VMCTL_SIMPLE_VERB(Kill, KillVm)
VMCTL_SIMPLE_VERB(Pause, PauseVm)
VMCTL_SIMPLE_VERB(Resume, ResumeVm)
VMCTL_SIMPLE_VERB(Reset, ResetVm)
#undef VMCTL_SIMPLE_VERB

int Commands::Remove(const std::string& vm, bool force) {
  v1::DeleteVmRequest request;
  request.set_vm(vm);
  request.set_force(force);
  grpc::ClientContext ctx;
  SetDeadline(&ctx);
  v1::DeleteVmResponse response;
  grpc::Status s = stub_->DeleteVm(&ctx, request, &response);
  if (!s.ok()) return Fail(s, vm);
  if (json_) {
    *io_.out << ToJson(response, true) << "\n";
  } else {
    *io_.out << vm << ": deleted (id " << response.id() << ")\n";
  }
  return kExitOk;
}

int Commands::List(const v1::ListVmsRequest& request, bool quiet) {
  grpc::ClientContext ctx;
  SetDeadline(&ctx);
  v1::ListVmsResponse response;
  grpc::Status s = stub_->ListVms(&ctx, request, &response);
  if (!s.ok()) return Fail(s, "");
  if (json_) {
    *io_.out << ToJson(response, true) << "\n";
  } else if (quiet) {
    for (const v1::Vm& vm : response.vms()) *io_.out << vm.name() << "\n";
  } else {
    *io_.out << VmTable(response);
  }
  return kExitOk;
}

int Commands::Inspect(const std::string& vm) {
  v1::GetVmRequest request;
  request.set_vm(vm);
  grpc::ClientContext ctx;
  SetDeadline(&ctx);
  v1::GetVmResponse response;
  grpc::Status s = stub_->GetVm(&ctx, request, &response);
  if (!s.ok()) return Fail(s, vm);
  *io_.out << (json_ ? ToJson(response.vm(), true) + "\n" : DescribeVm(response.vm()));
  return kExitOk;
}

int Commands::Wait(const std::string& vm, const std::vector<v1::VmState>& states,
                   std::optional<absl::Duration> timeout) {
  v1::WaitVmRequest request;
  request.set_vm(vm);
  for (v1::VmState st : states) request.add_states(st);
  if (timeout) *request.mutable_timeout() = ToProto(*timeout);
  grpc::ClientContext ctx;
  // No client deadline without --timeout: waiting for a VM may take days.
  if (timeout) SetDeadline(&ctx, *timeout);
  v1::WaitVmResponse response;
  grpc::Status s = stub_->WaitVm(&ctx, request, &response);
  if (!s.ok()) {
    if (s.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED && timeout) {
      return FailText(kExitTimeout, absl::StrCat("vm \"", vm, "\": still not ",
                                                 states.empty() ? "stopped" : "in the state",
                                                 " after ", absl::FormatDuration(*timeout)));
    }
    return Fail(s, vm);
  }
  PrintVm(response.vm());
  if (response.vm().state() == v1::VM_STATE_STOPPED) {
    return ExitCodeForStop(response.vm().last_stop().reason());
  }
  return kExitOk;
}

std::string MemoryStatsText(const v1::MemoryStats& m) {
  std::vector<std::vector<std::string>> rows = {
      {"Memory:", FormatSize(m.memory_bytes())},
      {"Balloon target:", FormatSize(m.target_balloon_bytes())},
      {"Balloon actual:", FormatSize(m.actual_balloon_bytes())},
  };
  auto add = [&rows](const char* key, bool has, const std::string& value) {
    if (has) rows.push_back({key, value});
  };
  add("Guest total:", m.has_total_bytes(), FormatSize(m.total_bytes()));
  add("Guest free:", m.has_free_bytes(), FormatSize(m.free_bytes()));
  add("Guest available:", m.has_available_bytes(), FormatSize(m.available_bytes()));
  add("Guest caches:", m.has_disk_cache_bytes(), FormatSize(m.disk_cache_bytes()));
  add("Swapped in:", m.has_swap_in_bytes(), FormatSize(m.swap_in_bytes()));
  add("Swapped out:", m.has_swap_out_bytes(), FormatSize(m.swap_out_bytes()));
  add("Major faults:", m.has_major_faults(), absl::StrCat(m.major_faults()));
  add("Minor faults:", m.has_minor_faults(), absl::StrCat(m.minor_faults()));
  rows.push_back({"Statistics from:", m.has_stats_time() ? FormatTimestamp(m.stats_time())
                                                         : "(the guest has not reported)"});
  return FormatTable(rows);
}

int Commands::Balloon(const std::string& vm, std::optional<uint64_t> bytes) {
  grpc::ClientContext ctx;
  SetDeadline(&ctx);
  v1::MemoryStats stats;
  grpc::Status s;
  if (bytes.has_value()) {
    v1::SetBalloonRequest req;
    req.set_vm(vm);
    req.set_balloon_bytes(*bytes);
    v1::SetBalloonResponse resp;
    s = stub_->SetBalloon(&ctx, req, &resp);
    stats = resp.stats();
  } else {
    v1::GetMemoryStatsRequest req;
    req.set_vm(vm);
    v1::GetMemoryStatsResponse resp;
    s = stub_->GetMemoryStats(&ctx, req, &resp);
    stats = resp.stats();
  }
  if (!s.ok()) return Fail(s, vm);
  if (json_) {
    *io_.out << ToJson(stats, true) << "\n";
  } else {
    *io_.out << MemoryStatsText(stats);
  }
  return kExitOk;
}

int Commands::Info() {
  grpc::ClientContext ctx;
  SetDeadline(&ctx);
  v1::GetInfoResponse info;
  grpc::Status s = stub_->GetInfo(&ctx, v1::GetInfoRequest(), &info);
  if (!s.ok()) return Fail(s, "");
  if (json_) {
    *io_.out << ToJson(info, true) << "\n";
    return kExitOk;
  }
  std::string backend = info.backend() == v1::BACKEND_HVF    ? "hvf (Hypervisor.framework)"
                        : info.backend() == v1::BACKEND_SOFT ? "soft (software AArch64 CPU)"
                                                             : "unknown";
  *io_.out << FormatTable({
      {"Daemon:", host_display_},
      {"Version:", info.version()},
      {"Backend:", backend},
      {"VMs:", absl::StrCat(info.vm_count(), " (", info.running_vm_count(), " running)")},
      {"Max VMs:", info.max_vms() == 0 ? "no limit" : absl::StrCat(info.max_vms())},
      {"Max vCPUs per VM:", absl::StrCat(info.max_vcpus())},
      {"Max memory per VM:", FormatSize(info.max_memory_bytes())},
      {"Host CPUs:", absl::StrCat(info.host_cpus())},
      {"Host memory:", FormatSize(info.host_memory_bytes())},
      {"Started:", FormatTimestamp(info.daemon_start_time())},
      {"Event sequence:", absl::StrCat(info.event_sequence())},
  });
  return kExitOk;
}

int Commands::Version() {
  grpc::ClientContext ctx;
  SetDeadline(&ctx);
  v1::GetInfoResponse info;
  grpc::Status s = stub_->GetInfo(&ctx, v1::GetInfoRequest(), &info);
  if (json_) {
    *io_.out << "{\"vmctl\": \"" << VMCTL_VERSION << "\", \"vmd\": "
             << (s.ok() ? ToJson(info, false) : "null") << "}\n";
  } else {
    *io_.out << "vmctl " << VMCTL_VERSION << "\n";
    if (s.ok()) {
      *io_.out << "vmd " << info.version() << " at " << host_display_ << " (backend "
               << (info.backend() == v1::BACKEND_HVF ? "hvf" : "soft") << ")\n";
    }
  }
  io_.out->flush();
  return s.ok() ? kExitOk : Fail(s, "");
}

}  // namespace vmd::vmctl
