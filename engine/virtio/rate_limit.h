// A small token bucket for guest-triggered warnings: a misbehaving guest must
// not be able to flood the host log (STYLE.md). Used by virtio devices and the
// transport; thread-safe.
#ifndef VMD_ENGINE_VIRTIO_RATE_LIMIT_H_
#define VMD_ENGINE_VIRTIO_RATE_LIMIT_H_

#include <algorithm>
#include <chrono>
#include <cstdint>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace vmd {

class RateLimiter {
 public:
  // At most `burst` events, refilled at one per `period`.
  explicit RateLimiter(int burst = 5, std::chrono::milliseconds period = std::chrono::seconds(2))
      : burst_(burst), period_(period), tokens_(burst) {}

  // True when the caller may log now.
  bool Allow() {
    absl::MutexLock lock(&mu_);
    const auto now = std::chrono::steady_clock::now();
    if (tokens_ < burst_ && now - last_refill_ >= period_) {
      const auto refills = (now - last_refill_) / period_;
      tokens_ = static_cast<int>(std::min<int64_t>(burst_, tokens_ + refills));
      last_refill_ = now;
    }
    if (tokens_ == 0) {
      ++suppressed_;
      return false;
    }
    if (tokens_ == burst_) last_refill_ = now;
    --tokens_;
    return true;
  }

 private:
  const int burst_;
  const std::chrono::steady_clock::duration period_;
  absl::Mutex mu_;
  int tokens_ ABSL_GUARDED_BY(mu_);
  uint64_t suppressed_ ABSL_GUARDED_BY(mu_) = 0;
  std::chrono::steady_clock::time_point last_refill_ ABSL_GUARDED_BY(mu_);
};

}  // namespace vmd

#endif  // VMD_ENGINE_VIRTIO_RATE_LIMIT_H_
