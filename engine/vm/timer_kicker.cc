#include "engine/vm/timer_kicker.h"

#include <algorithm>

namespace vmd {

TimerKicker::TimerKicker(int num_vcpus, KickFn kick)
    : kick_(std::move(kick)), deadlines_(num_vcpus, absl::InfiniteFuture()) {
  thread_ = std::thread([this] { ThreadMain(); });
}

TimerKicker::~TimerKicker() {
  {
    absl::MutexLock lock(&mu_);
    stop_ = true;
  }
  thread_.join();
}

void TimerKicker::Arm(int vcpu, absl::Time deadline) {
  absl::MutexLock lock(&mu_);
  if (vcpu >= 0 && static_cast<size_t>(vcpu) < deadlines_.size()) deadlines_[vcpu] = deadline;
}

void TimerKicker::CancelAll() {
  absl::MutexLock lock(&mu_);
  std::fill(deadlines_.begin(), deadlines_.end(), absl::InfiniteFuture());
}

void TimerKicker::ThreadMain() {
  absl::MutexLock lock(&mu_);
  while (!stop_) {
    const absl::Time now = absl::Now();
    absl::Time next = absl::InfiniteFuture();
    for (size_t i = 0; i < deadlines_.size(); ++i) {
      if (deadlines_[i] <= now) {
        deadlines_[i] = absl::InfiniteFuture();
        mu_.Unlock();
        kick_(static_cast<int>(i));
        mu_.Lock();
      } else {
        next = std::min(next, deadlines_[i]);
      }
    }
    // Wakes early when Arm() changes a deadline or on stop.
    auto changed = [this, next]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
      if (stop_) return true;
      for (absl::Time d : deadlines_) {
        if (d < next) return true;
      }
      return false;
    };
    mu_.AwaitWithDeadline(absl::Condition(&changed), next);
  }
}

}  // namespace vmd
