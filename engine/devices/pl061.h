// ARM PrimeCell GPIO (PL061) at 0x0903_0000. Its only job in vmd: line 3 is the
// power button, wired to Linux's gpio-keys (KEY_POWER, active high) by the
// device tree, so StopVm can ask the guest to shut down. The VM registers it on
// the MMIO bus; the API thread calls PressPowerButton().
#ifndef VMD_ENGINE_DEVICES_PL061_H_
#define VMD_ENGINE_DEVICES_PL061_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "engine/bus/irq.h"
#include "engine/bus/mmio_device.h"
#include "engine/devices/guest_warn.h"

namespace vmd {

class Pl061 : public MmioDevice {
 public:
  static constexpr uint64_t kMmioSize = 0x1000;
  static constexpr int kNumLines = 8;
  static constexpr int kPowerButtonLine = 3;
  static constexpr uint32_t kPeriphId = 0x00041061;
  // Register offsets (TRM 3.2). GPIODATA spans 0x000–0x3fc: address bits [9:2]
  // are the mask of lines the access touches.
  static constexpr uint64_t kDataEnd = 0x400, kDir = 0x400, kIs = 0x404, kIbe = 0x408, kIev = 0x40c,
                            kIe = 0x410, kRis = 0x414, kMis = 0x418, kIc = 0x41c, kAfsel = 0x420;
  // Long enough that gpio-keys' 5 ms debounce (and a busy guest) sees the
  // button held, short enough to feel like a press.
  static constexpr absl::Duration kPressDuration = absl::Milliseconds(100);

  explicit Pl061(IrqLine irq);
  ~Pl061() override;
  Pl061(const Pl061&) = delete;
  Pl061& operator=(const Pl061&) = delete;

  std::string_view name() const override { return "pl061"; }
  uint64_t Read(uint64_t offset, unsigned size) override;
  void Write(uint64_t offset, unsigned size, uint64_t value) override;

  // Guest reset: all registers to zero (every line an input, no interrupts),
  // line low. Host-driven input levels are outside the chip and stay.
  void Reset();

  // Drives input `line` (0..7) from the host. Out-of-range lines are ignored.
  // Any thread.
  void SetInput(int line, bool level);
  // Line 3 high now, low again after `hold`. Returns at once; a press while one
  // is in progress extends it.
  void PressPowerButton(absl::Duration hold = kPressDuration);

 private:
  // The level on each pin: outputs drive their own pins, inputs read the host.
  uint8_t PinLevels() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Latches edges between `old_pins` and the current pins, recomputes level
  // interrupts and drives the line.
  void Update(uint8_t old_pins) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void ReleaseLoop();

  const IrqLine irq_;
  GuestWarnLimiter warn_;

  absl::Mutex mu_;
  uint8_t data_ ABSL_GUARDED_BY(mu_) = 0;    // output register
  uint8_t inputs_ ABSL_GUARDED_BY(mu_) = 0;  // host-driven levels
  uint8_t dir_ ABSL_GUARDED_BY(mu_) = 0;     // 1 = output
  uint8_t is_ ABSL_GUARDED_BY(mu_) = 0;      // 1 = level-sensitive
  uint8_t ibe_ ABSL_GUARDED_BY(mu_) = 0;     // 1 = both edges
  uint8_t iev_ ABSL_GUARDED_BY(mu_) = 0;     // 1 = rising edge / high level
  uint8_t ie_ ABSL_GUARDED_BY(mu_) = 0;
  uint8_t ris_ ABSL_GUARDED_BY(mu_) = 0;
  uint8_t afsel_ ABSL_GUARDED_BY(mu_) = 0;
  bool line_ ABSL_GUARDED_BY(mu_) = false;
  std::optional<absl::Time> release_at_ ABSL_GUARDED_BY(mu_);
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  std::thread releaser_;
};

}  // namespace vmd

#endif  // VMD_ENGINE_DEVICES_PL061_H_
