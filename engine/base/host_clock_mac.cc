// HostCounterTicks on macOS: mach_absolute_time, the source Hypervisor.framework
// uses for the guest counter (24 MHz ticks on Apple Silicon; scaled by the
// timebase elsewhere so the value is still 24 MHz).
#include <mach/mach_time.h>

#include "engine/base/host_clock.h"

namespace vmd {

uint64_t HostCounterTicks() {
  static const mach_timebase_info_data_t timebase = [] {
    mach_timebase_info_data_t tb;
    mach_timebase_info(&tb);
    return tb;
  }();
  const uint64_t t = mach_absolute_time();
  if (timebase.numer == 125 && timebase.denom == 3) return t;  // Apple Silicon: already 24 MHz
  const unsigned __int128 ns = static_cast<unsigned __int128>(t) * timebase.numer / timebase.denom;
  return static_cast<uint64_t>(ns * 24 / 1000);
}

}  // namespace vmd
