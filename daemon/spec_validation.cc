#include "daemon/spec_validation.h"

#include <arpa/inet.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "daemon/registry.h"
#include "engine/base/status_macros.h"

namespace vmd::daemon {
namespace {

constexpr uint64_t kMiB = uint64_t{1} << 20;
// arm64 COMMAND_LINE_SIZE is 2048 including the terminating NUL.
constexpr size_t kMaxCommandLine = 2047;
// VIRTIO_BLK_ID_BYTES.
constexpr size_t kMaxDiskSerial = 20;
// platform.md: 32 virtio-mmio slots.
constexpr int kVirtioSlots = 32;
constexpr size_t kMaxLabelKey = 63;
constexpr size_t kMaxLabelValue = 256;
constexpr uint64_t kMinConsoleRing = 4096;
constexpr uint64_t kMaxConsoleRing = uint64_t{64} << 20;

absl::Status Invalid(std::string_view field, std::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat(absl::string_view(field.data(), field.size()),
                                                 ": ", absl::string_view(why.data(), why.size())));
}

absl::Status CheckPath(const std::string& field, const std::string& path, bool required) {
  if (path.empty()) return required ? Invalid(field, "required") : absl::OkStatus();
  if (path[0] != '/') return Invalid(field, "must be an absolute path");
  if (path.find('\0') != std::string::npos) return Invalid(field, "contains a NUL byte");
  return absl::OkStatus();
}

bool ParseMac(const std::string& text, uint8_t out[6]) {
  if (text.size() != 17) return false;
  for (int i = 0; i < 6; ++i) {
    auto hex = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    int hi = hex(text[i * 3]);
    int lo = hex(text[i * 3 + 1]);
    if (hi < 0 || lo < 0) return false;
    if (i < 5 && text[i * 3 + 2] != ':') return false;
    out[i] = static_cast<uint8_t>(hi << 4 | lo);
  }
  return true;
}

bool IsIpLiteral(const std::string& text) {
  unsigned char buf[16];
  return ::inet_pton(AF_INET, text.c_str(), buf) == 1 || ::inet_pton(AF_INET6, text.c_str(), buf) == 1;
}

bool IsLabelKey(const std::string& key) {
  if (key.empty() || key.size() > kMaxLabelKey) return false;
  for (size_t i = 0; i < key.size(); ++i) {
    char c = key[i];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-' && c != '/'))) return false;
  }
  return true;
}

absl::Status ValidateBoot(const v1::VmSpec& spec) {
  if (!spec.has_boot()) return Invalid("spec.boot", "required");
  switch (spec.boot().payload_case()) {
    case v1::Boot::kLinux: {
      const v1::LinuxBoot& linux_boot = spec.boot().linux();
      RETURN_IF_ERROR(CheckPath("spec.boot.linux.kernel_path", linux_boot.kernel_path(), true));
      RETURN_IF_ERROR(CheckPath("spec.boot.linux.initrd_path", linux_boot.initrd_path(), false));
      if (linux_boot.command_line().size() > kMaxCommandLine) {
        return Invalid("spec.boot.linux.command_line",
                       absl::StrCat("longer than ", kMaxCommandLine, " bytes"));
      }
      if (linux_boot.command_line().find('\0') != std::string::npos) {
        return Invalid("spec.boot.linux.command_line", "contains a NUL byte");
      }
      return absl::OkStatus();
    }
    case v1::Boot::kRaw:
      return CheckPath("spec.boot.raw.path", spec.boot().raw().path(), true);
    case v1::Boot::PAYLOAD_NOT_SET:
      break;
  }
  return Invalid("spec.boot", "one of linux or raw is required");
}

absl::Status ValidateDisks(const v1::VmSpec& spec) {
  std::map<std::string, int> seen;
  for (int i = 0; i < spec.disks_size(); ++i) {
    const v1::Disk& disk = spec.disks(i);
    std::string field = absl::StrCat("spec.disks[", i, "]");
    RETURN_IF_ERROR(CheckPath(field + ".path", disk.path(), true));
    auto [it, inserted] = seen.emplace(disk.path(), i);
    if (!inserted) {
      return Invalid(field + ".path", absl::StrCat("same image as spec.disks[", it->second, "]"));
    }
    if (disk.serial().size() > kMaxDiskSerial) {
      return Invalid(field + ".serial", absl::StrCat("longer than ", kMaxDiskSerial, " bytes"));
    }
    for (char c : disk.serial()) {
      if (c < 0x20 || c > 0x7e) return Invalid(field + ".serial", "must be printable ASCII");
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateNetwork(const v1::VmSpec& spec) {
  if (!spec.has_network()) return absl::OkStatus();
  const v1::Network& net = spec.network();
  if (!net.mac().empty()) {
    uint8_t mac[6];
    if (!ParseMac(net.mac(), mac)) {
      return Invalid("spec.network.mac", "expected xx:xx:xx:xx:xx:xx (hex)");
    }
    if (mac[0] & 1) return Invalid("spec.network.mac", "is a multicast address");
    bool zero = true;
    for (uint8_t b : mac) zero = zero && b == 0;
    if (zero) return Invalid("spec.network.mac", "is all zeros");
  }
  std::set<std::tuple<int, std::string, uint32_t>> host_sides;
  for (int i = 0; i < net.port_forwards_size(); ++i) {
    const v1::PortForward& fwd = net.port_forwards(i);
    std::string field = absl::StrCat("spec.network.port_forwards[", i, "]");
    if (fwd.protocol() != v1::PROTOCOL_TCP && fwd.protocol() != v1::PROTOCOL_UDP) {
      return Invalid(field + ".protocol", "must be TCP or UDP");
    }
    if (!IsIpLiteral(fwd.host_address())) {
      return Invalid(field + ".host_address", "not an IPv4 or IPv6 address");
    }
    if (fwd.host_port() < 1 || fwd.host_port() > 65535) {
      return Invalid(field + ".host_port", "must be 1..65535");
    }
    if (fwd.guest_port() < 1 || fwd.guest_port() > 65535) {
      return Invalid(field + ".guest_port", "must be 1..65535");
    }
    if (!host_sides.emplace(fwd.protocol(), fwd.host_address(), fwd.host_port()).second) {
      return Invalid(field, "the same host address and port is forwarded twice");
    }
  }
  return absl::OkStatus();
}

}  // namespace

void ApplySpecDefaults(v1::VmSpec& spec) {
  if (spec.vcpus() == 0) spec.set_vcpus(1);
  if (spec.memory_bytes() == 0) spec.set_memory_bytes(kDefaultMemoryBytes);
  if (spec.console() == v1::CONSOLE_DEVICE_UNSPECIFIED) spec.set_console(v1::CONSOLE_DEVICE_PL011);
  if (spec.on_reboot() == v1::ON_REBOOT_UNSPECIFIED) spec.set_on_reboot(v1::ON_REBOOT_RESTART);
  if (!spec.has_rng()) spec.set_rng(true);
  if (spec.console_ring_bytes() == 0) spec.set_console_ring_bytes(kDefaultConsoleRingBytes);
  if (spec.has_network()) {
    for (v1::PortForward& fwd : *spec.mutable_network()->mutable_port_forwards()) {
      if (fwd.protocol() == v1::PROTOCOL_UNSPECIFIED) fwd.set_protocol(v1::PROTOCOL_TCP);
      if (fwd.host_address().empty()) fwd.set_host_address("127.0.0.1");
    }
  }
  if (spec.has_balloon() && !spec.balloon().has_stats_period()) {
    spec.mutable_balloon()->mutable_stats_period()->set_seconds(10);
  }
}

absl::Status ValidateSpec(const v1::VmSpec& spec, const SpecLimits& limits) {
  RETURN_IF_ERROR(ValidateVmName(spec.name()));
  if (spec.vcpus() == 0) return Invalid("spec.vcpus", "must be at least 1");
  if (spec.vcpus() > limits.max_vcpus) {
    return absl::ResourceExhaustedError(
        absl::StrCat("spec.vcpus: ", spec.vcpus(), " is above this host's limit of ",
                     limits.max_vcpus));
  }
  if (spec.memory_bytes() == 0 || spec.memory_bytes() % kMiB != 0) {
    return Invalid("spec.memory_bytes", "must be a non-zero multiple of 1 MiB");
  }
  if (spec.memory_bytes() > limits.max_memory_bytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat("spec.memory_bytes: ", spec.memory_bytes(), " is above this host's limit of ",
                     limits.max_memory_bytes));
  }
  RETURN_IF_ERROR(ValidateBoot(spec));
  RETURN_IF_ERROR(ValidateDisks(spec));
  RETURN_IF_ERROR(ValidateNetwork(spec));
  if (!v1::ConsoleDevice_IsValid(spec.console()) ||
      spec.console() == v1::CONSOLE_DEVICE_UNSPECIFIED) {
    return Invalid("spec.console", "unknown console device");
  }
  if (!v1::OnReboot_IsValid(spec.on_reboot()) || spec.on_reboot() == v1::ON_REBOOT_UNSPECIFIED) {
    return Invalid("spec.on_reboot", "must be RESTART or STOP");
  }
  for (const auto& [key, value] : spec.labels()) {
    if (!IsLabelKey(key)) {
      return Invalid(absl::StrCat("spec.labels[\"", key, "\"]"),
                     "key must match [a-z0-9][a-z0-9._/-]{0,62}");
    }
    if (value.size() > kMaxLabelValue) {
      return Invalid(absl::StrCat("spec.labels[\"", key, "\"]"),
                     absl::StrCat("value longer than ", kMaxLabelValue, " bytes"));
    }
  }
  if (spec.console_ring_bytes() < kMinConsoleRing || spec.console_ring_bytes() > kMaxConsoleRing) {
    return Invalid("spec.console_ring_bytes", "must be 4 KiB..64 MiB");
  }
  if (spec.has_balloon()) {
    const auto& period = spec.balloon().stats_period();
    if (period.seconds() < 0 || period.nanos() < 0) {
      return Invalid("spec.balloon.stats_period", "must not be negative");
    }
  }
  int devices = spec.disks_size() + (spec.has_network() ? 1 : 0) +
                (spec.console() == v1::CONSOLE_DEVICE_VIRTIO_CONSOLE ? 1 : 0) +
                (spec.rng() ? 1 : 0) + (spec.has_balloon() ? 1 : 0);
  if (devices > kVirtioSlots) {
    return Invalid("spec.disks", absl::StrCat("too many devices: ", devices, " virtio devices, ",
                                              kVirtioSlots, " slots"));
  }
  return absl::OkStatus();
}

}  // namespace vmd::daemon
