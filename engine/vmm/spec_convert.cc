#include "engine/vmm/spec_convert.h"

#include <algorithm>
#include <cstring>

namespace vmd {

absl::StatusOr<VmSpec> VmSpecFromProto(const v1::VmSpec& in) {
  VmSpec spec;
  spec.cpus = in.vcpus() == 0 ? 1 : static_cast<int>(in.vcpus());
  spec.memory_bytes = in.memory_bytes() == 0 ? 512ull << 20 : in.memory_bytes();
  switch (in.boot().payload_case()) {
    case v1::Boot::kLinux:
      spec.kernel = in.boot().linux().kernel_path();
      spec.initrd = in.boot().linux().initrd_path();
      spec.cmdline = in.boot().linux().command_line();
      break;
    case v1::Boot::kRaw:
      spec.kernel = in.boot().raw().path();
      break;
    default:
      return absl::InvalidArgumentError("spec.boot: neither linux nor raw is set");
  }
  if (spec.kernel.empty()) return absl::InvalidArgumentError("spec.boot: no kernel or payload path");
  spec.console = in.console() == v1::CONSOLE_DEVICE_VIRTIO_CONSOLE ? ConsoleDevice::kVirtio
                                                                   : ConsoleDevice::kPl011;
  spec.on_reboot = in.on_reboot() == v1::ON_REBOOT_STOP ? OnReboot::kStop : OnReboot::kRestart;
  for (const v1::Disk& d : in.disks()) {
    DiskSpec disk;
    disk.path = d.path();
    disk.read_only = d.read_only();
    disk.serial = d.serial();
    spec.disks.push_back(std::move(disk));
  }
  if (in.has_network()) {
    NetworkSpec net;
    net.mac = in.network().mac();
    for (const v1::PortForward& f : in.network().port_forwards()) {
      if (f.host_port() == 0 || f.host_port() > 65535 || f.guest_port() == 0 ||
          f.guest_port() > 65535) {
        return absl::InvalidArgumentError("spec.network.port_forwards: ports must be 1..65535");
      }
      NetForwardSpec fwd;
      fwd.udp = f.protocol() == v1::PROTOCOL_UDP;
      if (!f.host_address().empty()) fwd.host_addr = f.host_address();
      fwd.host_port = static_cast<uint16_t>(f.host_port());
      fwd.guest_port = static_cast<uint16_t>(f.guest_port());
      net.forwards.push_back(std::move(fwd));
    }
    spec.network = std::move(net);
  }
  spec.rng = !in.has_rng() || in.rng();
  spec.balloon = in.has_balloon();
  if (spec.balloon) {
    const auto& period = in.balloon().stats_period();
    spec.balloon_options.stats_period_ms =
        in.balloon().has_stats_period()
            ? static_cast<uint32_t>(std::clamp<int64_t>(
                  period.seconds() * 1000 + period.nanos() / 1'000'000, 0, 86'400'000))
            : 10'000;
    spec.balloon_options.deflate_on_oom = in.balloon().deflate_on_oom();
  }
  return spec;
}

void RegistersToProto(const VcpuRegisters& r, v1::VcpuRegisters* out) {
  out->set_index(static_cast<uint32_t>(r.index));
  out->set_powered_on(r.online);
  for (uint64_t x : r.x) out->add_x(x);
  out->set_pc(r.pc);
  out->set_cpsr(r.cpsr);
  out->set_sp_el0(r.sp_el0);
  out->set_sp_el1(r.sp_el1);
  if (r.fp_present) {
    v1::FpRegisters* fp = out->mutable_fp();
    fp->set_fpcr(r.fpcr);
    fp->set_fpsr(r.fpsr);
    for (const auto& q : r.q) fp->add_q(std::string(reinterpret_cast<const char*>(q.data()), q.size()));
  }
  v1::SystemRegisters* sys = out->mutable_sys();
  for (const auto& [name, value] : r.sys) {
    // Field names in the proto are the lower-case architectural names.
    std::string field(name);
    for (char& c : field) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto* fd = sys->GetDescriptor()->FindFieldByName(field);
    if (fd != nullptr && fd->type() == google::protobuf::FieldDescriptor::TYPE_UINT64) {
      sys->GetReflection()->SetUInt64(sys, fd, value);
    }
  }
}

v1::StopReason StopReasonToProto(StopReason reason) {
  switch (reason) {
    case StopReason::kGuestPowerOff:
      return v1::STOP_REASON_GUEST_POWER_OFF;
    case StopReason::kGuestReset:
      return v1::STOP_REASON_GUEST_RESET;
    case StopReason::kGuestFailure:
    case StopReason::kInternalError:
      return v1::STOP_REASON_GUEST_ERROR;
    case StopReason::kStopRequest:
      return v1::STOP_REASON_KILLED;
  }
  return v1::STOP_REASON_UNSPECIFIED;
}

}  // namespace vmd
