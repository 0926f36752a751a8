#include "engine/devices/pl061.h"

#include "engine/base/logging.h"
#include "engine/devices/primecell.h"

namespace vmd {

Pl061::Pl061(IrqLine irq) : irq_(irq) {
  releaser_ = std::thread([this] { ReleaseLoop(); });
}

Pl061::~Pl061() {
  {
    absl::MutexLock lock(&mu_);
    stop_ = true;
  }
  releaser_.join();
}

uint8_t Pl061::PinLevels() const { return (data_ & dir_) | (inputs_ & ~dir_); }

void Pl061::Update(uint8_t old_pins) {
  const uint8_t pins = PinLevels();
  const uint8_t changed = pins ^ old_pins;
  const uint8_t rising = changed & pins;
  const uint8_t falling = changed & old_pins;
  // Edge-sensitive lines latch: both edges if IBE, else the edge IEV picks.
  const uint8_t edge = static_cast<uint8_t>(~is_);
  const uint8_t edge_hit = (ibe_ & changed) | (~ibe_ & iev_ & rising) | (~ibe_ & ~iev_ & falling);
  ris_ |= edge & edge_hit;
  // Level-sensitive lines follow the pin: pending while it is at IEV's level.
  const uint8_t level_hit = static_cast<uint8_t>(~(pins ^ iev_));
  ris_ = static_cast<uint8_t>((ris_ & edge) | (is_ & level_hit));
  const bool level = (ris_ & ie_) != 0;
  if (level != line_) {
    line_ = level;
    irq_.Set(level);
  }
}

uint64_t Pl061::Read(uint64_t offset, unsigned size) {
  absl::MutexLock lock(&mu_);
  if (offset < kDataEnd) {
    const uint8_t mask = static_cast<uint8_t>(offset >> 2);
    return PinLevels() & mask;
  }
  uint32_t value = 0;
  switch (offset & ~uint64_t{3}) {
    case kDir:
      value = dir_;
      break;
    case kIs:
      value = is_;
      break;
    case kIbe:
      value = ibe_;
      break;
    case kIev:
      value = iev_;
      break;
    case kIe:
      value = ie_;
      break;
    case kRis:
      value = ris_;
      break;
    case kMis:
      value = ris_ & ie_;
      break;
    case kIc:
      value = 0;
      break;  // write-only
    case kAfsel:
      value = afsel_;
      break;
    default:
      if (auto id = PrimeCellIdRegister(offset & ~uint64_t{3}, kPeriphId)) {
        value = *id;
      } else if (warn_.Allow()) {
        Logger("pl061")->warn("read of unknown register {:#x}", offset);
      }
  }
  value >>= 8 * (offset & 3);
  return size >= 4 ? value : value & ((1u << (8 * size)) - 1);
}

void Pl061::Write(uint64_t offset, unsigned size, uint64_t value64) {
  absl::MutexLock lock(&mu_);
  const uint8_t old_pins = PinLevels();
  const uint8_t value = static_cast<uint8_t>(value64);
  if (offset < kDataEnd) {
    // Only lines selected by the address mask and configured as outputs change.
    const uint8_t mask = static_cast<uint8_t>(offset >> 2) & dir_;
    data_ = static_cast<uint8_t>((data_ & ~mask) | (value & mask));
    Update(old_pins);
    return;
  }
  if ((offset & 3) != 0) {
    if (warn_.Allow()) Logger("pl061")->warn("ignored {}-byte write at {:#x}", size, offset);
    return;
  }
  switch (offset) {
    case kDir:
      dir_ = value;
      break;
    case kIs:
      is_ = value;
      break;
    case kIbe:
      ibe_ = value;
      break;
    case kIev:
      iev_ = value;
      break;
    case kIe:
      ie_ = value;
      break;
    case kIc:
      ris_ &= static_cast<uint8_t>(~value);
      break;  // level lines re-latch in Update
    case kAfsel:
      afsel_ = value;
      break;
    default:
      if (warn_.Allow()) Logger("pl061")->warn("write to read-only/unknown {:#x}", offset);
      return;
  }
  Update(old_pins);
}

void Pl061::Reset() {
  absl::MutexLock lock(&mu_);
  data_ = dir_ = is_ = ibe_ = iev_ = ie_ = ris_ = afsel_ = 0;
  line_ = false;
  irq_.Set(false);
}

void Pl061::SetInput(int line, bool level) {
  if (line < 0 || line >= kNumLines) return;
  absl::MutexLock lock(&mu_);
  const uint8_t old_pins = PinLevels();
  const uint8_t bit = static_cast<uint8_t>(1u << line);
  inputs_ = static_cast<uint8_t>(level ? (inputs_ | bit) : (inputs_ & ~bit));
  Update(old_pins);
}

void Pl061::PressPowerButton(absl::Duration hold) {
  SetInput(kPowerButtonLine, true);
  absl::MutexLock lock(&mu_);
  release_at_ = absl::Now() + hold;
}

void Pl061::ReleaseLoop() {
  absl::MutexLock lock(&mu_);
  while (true) {
    // Wake when a press is scheduled or on shutdown; no timer runs otherwise.
    auto press_or_stop = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
      return stop_ || release_at_.has_value();
    };
    mu_.Await(absl::Condition(&press_or_stop));
    if (stop_) return;
    // Sleep to the deadline; a new press moves it, shutdown cuts it short.
    auto stop_only = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return stop_; };
    while (!stop_ && release_at_.has_value() && absl::Now() < *release_at_) {
      mu_.AwaitWithDeadline(absl::Condition(&stop_only), *release_at_);
    }
    if (stop_) return;
    release_at_.reset();
    const uint8_t old_pins = PinLevels();
    inputs_ = static_cast<uint8_t>(inputs_ & ~(1u << kPowerButtonLine));
    Update(old_pins);
  }
}

}  // namespace vmd
