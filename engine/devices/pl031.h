// ARM PrimeCell real-time clock (PL031) at 0x0901_0000: the guest's wall clock.
// The VM registers it on the MMIO bus. The counter is host UTC seconds plus an
// offset the guest sets through RTCLR; a match interrupt is raised when the
// counter reaches RTCMR, by a host timer thread armed only while it is unmasked.
#ifndef VMD_ENGINE_DEVICES_PL031_H_
#define VMD_ENGINE_DEVICES_PL031_H_

#include <cstdint>
#include <functional>
#include <string_view>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "engine/bus/irq.h"
#include "engine/bus/mmio_device.h"
#include "engine/devices/guest_warn.h"

namespace vmd {

class Pl031 : public MmioDevice {
 public:
  // The wall clock; tests pass a fake one. Must be thread-safe.
  using Clock = std::function<absl::Time()>;

  static constexpr uint64_t kMmioSize = 0x1000;
  static constexpr uint32_t kPeriphId = 0x00041031;
  static constexpr uint64_t kDr = 0x00, kMr = 0x04, kLr = 0x08, kCr = 0x0c, kImsc = 0x10,
                            kRis = 0x14, kMis = 0x18, kIcr = 0x1c;

  explicit Pl031(IrqLine irq, Clock clock = nullptr);
  ~Pl031() override;
  Pl031(const Pl031&) = delete;
  Pl031& operator=(const Pl031&) = delete;

  std::string_view name() const override { return "pl031"; }
  uint64_t Read(uint64_t offset, unsigned size) override;
  void Write(uint64_t offset, unsigned size, uint64_t value) override;

  // Guest reset: match, mask and status registers to zero, line low. The
  // clock itself keeps running with its offset, as a battery-backed RTC does.
  void Reset();

 private:
  // Seconds since the epoch on the host clock (floored).
  int64_t HostSeconds() const;
  uint32_t CounterAt(int64_t host_seconds) const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Latches RTCRIS if the counter has reached RTCMR since the last check, then
  // drives the line. Called on every access and by the timer thread.
  void CheckMatch() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void UpdateLine() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void TimerLoop();

  const IrqLine irq_;
  const Clock clock_;
  GuestWarnLimiter warn_;

  absl::Mutex mu_;
  absl::CondVar changed_;                    // signalled when MR, LR, IMSC change or on shutdown
  int64_t offset_ ABSL_GUARDED_BY(mu_) = 0;  // counter − host seconds
  uint32_t mr_ ABSL_GUARDED_BY(mu_) = 0;
  uint32_t lr_ ABSL_GUARDED_BY(mu_) = 0;
  uint32_t imsc_ ABSL_GUARDED_BY(mu_) = 0;
  uint32_t ris_ ABSL_GUARDED_BY(mu_) = 0;
  // Counter value at the previous CheckMatch: a match is any value in
  // (checked_, now], so a match between two looks is never missed.
  uint32_t checked_ ABSL_GUARDED_BY(mu_) = 0;
  bool line_ ABSL_GUARDED_BY(mu_) = false;
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  std::thread timer_;
};

}  // namespace vmd

#endif  // VMD_ENGINE_DEVICES_PL031_H_
