// An InterruptSink for device tests: records each SPI's level and lets a test
// wait (with a generous bound) for a level set from another thread.
#ifndef VMD_TESTS_ENGINE_DEVICES_FAKE_SINK_H_
#define VMD_TESTS_ENGINE_DEVICES_FAKE_SINK_H_

#include <map>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "engine/bus/irq.h"

namespace vmd {

class FakeSink : public InterruptSink {
 public:
  void SetSpiLevel(uint32_t intid, bool level) override {
    absl::MutexLock lock(&mu_);
    levels_[intid] = level;
    ++changes_;
  }
  bool Level(uint32_t intid) {
    absl::MutexLock lock(&mu_);
    return levels_[intid];
  }
  int changes() {
    absl::MutexLock lock(&mu_);
    return changes_;
  }
  // True once the line is at `level`; false if that takes longer than `limit`.
  bool WaitFor(uint32_t intid, bool level, absl::Duration limit = absl::Seconds(10)) {
    absl::MutexLock lock(&mu_);
    auto reached = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return levels_[intid] == level; };
    return mu_.AwaitWithTimeout(absl::Condition(&reached), limit);
  }

 private:
  absl::Mutex mu_;
  std::map<uint32_t, bool> levels_ ABSL_GUARDED_BY(mu_);
  int changes_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace vmd

#endif  // VMD_TESTS_ENGINE_DEVICES_FAKE_SINK_H_
