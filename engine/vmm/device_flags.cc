#include "engine/vmm/device_flags.h"

#include <arpa/inet.h>

#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace vmd {

absl::StatusOr<DiskSpec> ParseDiskFlag(const std::string& text) {
  std::vector<std::string> parts = absl::StrSplit(text, ',');
  DiskSpec disk;
  disk.path = parts[0];
  if (disk.path.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--disk \"", text, "\": expected PATH[,ro][,serial=ID]"));
  }
  for (size_t i = 1; i < parts.size(); ++i) {
    const std::string& p = parts[i];
    if (p == "ro") {
      disk.read_only = true;
    } else if (p == "rw") {
      disk.read_only = false;
    } else if (p.starts_with("serial=")) {
      disk.serial = p.substr(7);
      if (disk.serial.size() > 20) {
        return absl::InvalidArgumentError(
            absl::StrCat("--disk \"", text, "\": serial is longer than 20 bytes"));
      }
    } else {
      return absl::InvalidArgumentError(absl::StrCat("--disk \"", text, "\": unknown option \"", p,
                                                     "\" (known: ro, rw, serial=ID)"));
    }
  }
  return disk;
}

absl::StatusOr<NetForwardSpec> ParseForwardFlag(const std::string& text) {
  std::vector<std::string> parts = absl::StrSplit(text, ':');
  NetForwardSpec fwd;
  auto bad = [&text](const std::string& why) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--net-forward \"", text, "\": ", why, " (expected [tcp:|udp:][ADDR:]HOSTPORT:GUESTPORT)"));
  };
  size_t i = 0;
  if (!parts.empty() && (parts[0] == "tcp" || parts[0] == "udp")) {
    fwd.udp = parts[0] == "udp";
    ++i;
  }
  const size_t left = parts.size() - i;
  if (left == 3) {
    in_addr addr;
    if (inet_pton(AF_INET, parts[i].c_str(), &addr) != 1) return bad("address is not dotted IPv4");
    fwd.host_addr = parts[i++];
  } else if (left != 2) {
    return bad("wrong number of fields");
  }
  uint32_t host_port = 0, guest_port = 0;
  if (!absl::SimpleAtoi(parts[i], &host_port) || host_port == 0 || host_port > 65535) {
    return bad("host port must be 1..65535");
  }
  if (!absl::SimpleAtoi(parts[i + 1], &guest_port) || guest_port == 0 || guest_port > 65535) {
    return bad("guest port must be 1..65535");
  }
  fwd.host_port = static_cast<uint16_t>(host_port);
  fwd.guest_port = static_cast<uint16_t>(guest_port);
  return fwd;
}

}  // namespace vmd
