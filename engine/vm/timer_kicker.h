// Kicks vCPUs at host deadlines: the emulated physical timer (CNTP_*) has no
// framework exit of its own, so a vCPU that armed it asks this one thread to
// kick it when the compare value is reached. Owned by Vm.
#ifndef VMD_ENGINE_VM_TIMER_KICKER_H_
#define VMD_ENGINE_VM_TIMER_KICKER_H_

#include <functional>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace vmd {

class TimerKicker {
 public:
  using KickFn = std::function<void(int vcpu)>;
  TimerKicker(int num_vcpus, KickFn kick);
  ~TimerKicker();
  TimerKicker(const TimerKicker&) = delete;
  TimerKicker& operator=(const TimerKicker&) = delete;

  // Replaces vCPU `vcpu`'s deadline (one per vCPU: the latest arm wins).
  void Arm(int vcpu, absl::Time deadline);
  void CancelAll();

 private:
  void ThreadMain();

  const KickFn kick_;
  absl::Mutex mu_;
  std::vector<absl::Time> deadlines_ ABSL_GUARDED_BY(mu_);  // InfiniteFuture = none
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace vmd

#endif  // VMD_ENGINE_VM_TIMER_KICKER_H_
