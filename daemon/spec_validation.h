// Checks and completes a vmd.v1.VmSpec before the registry stores it: the
// defaults the proto documents are written into the spec (so a later change of
// a default never changes an existing VM), then every field is validated. The
// CreateVm handler calls both; file access checks come separately (they need
// the caller's credentials).
#ifndef VMD_DAEMON_SPEC_VALIDATION_H_
#define VMD_DAEMON_SPEC_VALIDATION_H_

#include <cstdint>

#include "absl/status/status.h"
#include "vmd/v1/vmd.pb.h"

namespace vmd::daemon {

// Host limits (GetInfoResponse reports the same numbers).
struct SpecLimits {
  // MPIDR Aff0 < 16 keeps every vCPU in one redistributor group (platform.md).
  uint32_t max_vcpus = 16;
  uint64_t max_memory_bytes = uint64_t{64} << 30;
};

// The documented defaults: vcpus 1, 512 MiB, PL011, on_reboot RESTART, 1 MiB
// console ring, TCP and 127.0.0.1 for port forwards, 10 s balloon stats.
inline constexpr uint64_t kDefaultMemoryBytes = uint64_t{512} << 20;
inline constexpr uint64_t kDefaultConsoleRingBytes = uint64_t{1} << 20;

// Fills in every field whose zero value means "default".
void ApplySpecDefaults(v1::VmSpec& spec);

// OK, or INVALID_ARGUMENT whose message starts with the field path
// ("spec.disks[1].serial: ..."), or RESOURCE_EXHAUSTED for vCPUs or memory
// above `limits`. Expects ApplySpecDefaults to have run.
absl::Status ValidateSpec(const v1::VmSpec& spec, const SpecLimits& limits = {});

}  // namespace vmd::daemon

#endif  // VMD_DAEMON_SPEC_VALIDATION_H_
