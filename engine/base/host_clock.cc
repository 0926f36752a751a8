#include "engine/base/host_clock.h"

#include "absl/time/clock.h"

namespace vmd {

absl::Time HostTimeAtTicks(uint64_t ticks) {
  const uint64_t now_ticks = HostCounterTicks();
  const absl::Time now = absl::Now();
  if (ticks <= now_ticks) return now;
  const uint64_t delta = ticks - now_ticks;
  // Far-future deadlines (a guest parking its timer) are capped at a day.
  if (delta > kCounterHz * 86400) return now + absl::Hours(24);
  // 3 ticks are 125 ns.
  return now + absl::Nanoseconds(static_cast<int64_t>(delta / 3 * 125 + (delta % 3) * 125 / 3));
}

}  // namespace vmd
