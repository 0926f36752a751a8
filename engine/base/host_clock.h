// The host's view of the guest's 24 MHz system counter. Hypervisor.framework
// counts CNTVCT from mach_absolute_time (24 MHz on Apple Silicon); hv/soft uses
// CLOCK_MONOTONIC scaled to 24 MHz. The vCPU loop uses this to turn a timer's
// compare value into a host deadline when a vCPU sleeps in WFI.
#ifndef VMD_ENGINE_BASE_HOST_CLOCK_H_
#define VMD_ENGINE_BASE_HOST_CLOCK_H_

#include <cstdint>

#include "absl/time/time.h"

namespace vmd {

inline constexpr uint64_t kCounterHz = 24'000'000;

// Current value of the host counter in 24 MHz ticks (what CNTPCT reads).
uint64_t HostCounterTicks();

// The absl::Time at which the host counter reaches `ticks` (may be in the past).
absl::Time HostTimeAtTicks(uint64_t ticks);

}  // namespace vmd

#endif  // VMD_ENGINE_BASE_HOST_CLOCK_H_
