// HostCounterTicks for every host but Apple's: CLOCK_MONOTONIC at 24 MHz, the
// same formula hv/soft uses for CNTVCT/CNTPCT.
#include <ctime>

#include "engine/base/host_clock.h"

namespace vmd {

uint64_t HostCounterTicks() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  const uint64_t ns = static_cast<uint64_t>(ts.tv_sec) * 1'000'000'000ull + ts.tv_nsec;
  return ns / 125 * 3 + (ns % 125) * 3 / 125;  // ns * 24 / 1000 without overflow
}

}  // namespace vmd
