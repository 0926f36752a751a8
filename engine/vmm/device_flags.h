// Parses vmm's virtio device flags: --disk PATH[,ro][,serial=ID] and
// --net-forward [tcp:|udp:][ADDR:]HOSTPORT:GUESTPORT. Used by
// vmm's main.cc; vmctl has its own twin for the API's Disk message.
#ifndef VMD_ENGINE_VMM_DEVICE_FLAGS_H_
#define VMD_ENGINE_VMM_DEVICE_FLAGS_H_

#include <string>

#include "absl/status/statusor.h"
#include "engine/vm/vm_spec.h"

namespace vmd {

// "PATH[,ro|,rw][,serial=ID]": options after the first comma, in any order.
// A path containing commas cannot be given (none of ours do).
absl::StatusOr<DiskSpec> ParseDiskFlag(const std::string& text);

// "[tcp:|udp:][ADDR:]HOSTPORT:GUESTPORT"; tcp and 127.0.0.1 by default; ADDR
// is a dotted IPv4 address.
absl::StatusOr<NetForwardSpec> ParseForwardFlag(const std::string& text);

}  // namespace vmd

#endif  // VMD_ENGINE_VMM_DEVICE_FLAGS_H_
