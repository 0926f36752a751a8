// Rate limit for warnings about guest mistakes (bad register offsets, odd
// access sizes). STYLE.md: a misbehaving guest is logged, not allowed to flood
// the log. Each device owns one limiter; any thread may call Allow().
#ifndef VMD_ENGINE_DEVICES_GUEST_WARN_H_
#define VMD_ENGINE_DEVICES_GUEST_WARN_H_

#include <atomic>
#include <cstdint>

namespace vmd {

class GuestWarnLimiter {
 public:
  // The first `burst` calls return true, then only every 1024th, so a guest
  // stuck in a loop of bad accesses still shows up now and then.
  explicit GuestWarnLimiter(uint32_t burst = 8) : burst_(burst) {}
  bool Allow() {
    const uint64_t n = count_.fetch_add(1, std::memory_order_relaxed);
    return n < burst_ || (n - burst_) % 1024 == 1023;
  }
  uint64_t count() const { return count_.load(std::memory_order_relaxed); }

 private:
  const uint32_t burst_;
  std::atomic<uint64_t> count_{0};
};

}  // namespace vmd

#endif  // VMD_ENGINE_DEVICES_GUEST_WARN_H_
