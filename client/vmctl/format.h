// Human and JSON rendering for vmctl: aligned tables, sizes ("512M"),
// durations ("3m12s"), state and stop-reason names, and protobuf JSON.
// Used by the verbs in commands*.cc; pure functions, unit-tested.
#ifndef VMD_CLIENT_VMCTL_FORMAT_H_
#define VMD_CLIENT_VMCTL_FORMAT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "google/protobuf/message.h"
#include "vmd/v1/vmd.pb.h"

namespace vmd::vmctl {

// Columns separated by two spaces, each as wide as its widest cell; the last
// column is not padded (no trailing blanks). Every row ends with '\n'.
std::string FormatTable(const std::vector<std::vector<std::string>>& rows);

// The largest binary unit that divides exactly, in the suffixes --memory
// accepts: 536870912 -> "512M", 2147483648 -> "2G", 1536 -> "1536" (bytes).
std::string FormatSize(uint64_t bytes);

// Whole seconds, two most significant units: "45s", "3m12s", "2h05m", "3d04h".
std::string FormatSeconds(int64_t seconds);

// "running", "stopped", ... (lowercase, without the VM_STATE_ prefix).
std::string StateName(v1::VmState state);
// "guest power off", "killed", ... (lowercase, words).
std::string StopReasonName(v1::StopReason reason);
// "created", "stopped", "reset", ...
std::string EventTypeName(v1::EventType type);

// RFC 3339 in UTC with seconds: "2026-11-26T05:12:53Z"; "-" when unset.
std::string FormatTimestamp(const google::protobuf::Timestamp& t);

// protobuf's JSON form (lowerCamelCase names, enums by name, 64-bit integers
// as strings), every field printed even when it holds its default so scripts
// see stable keys. `pretty` adds newlines and indentation; streams use one
// line per message.
std::string ToJson(const google::protobuf::Message& message, bool pretty);

}  // namespace vmd::vmctl

#endif  // VMD_CLIENT_VMCTL_FORMAT_H_
