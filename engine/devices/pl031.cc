#include "engine/devices/pl031.h"

#include "engine/base/logging.h"
#include "engine/devices/primecell.h"

namespace vmd {

Pl031::Pl031(IrqLine irq, Clock clock)
    : irq_(irq), clock_(clock ? std::move(clock) : Clock([] { return absl::Now(); })) {
  absl::MutexLock lock(&mu_);
  checked_ = CounterAt(HostSeconds());
  timer_ = std::thread([this] { TimerLoop(); });
}

Pl031::~Pl031() {
  {
    absl::MutexLock lock(&mu_);
    stop_ = true;
    changed_.Signal();
  }
  timer_.join();
}

int64_t Pl031::HostSeconds() const { return absl::ToUnixSeconds(clock_()); }

uint32_t Pl031::CounterAt(int64_t host_seconds) const {
  // The counter is 32 bits and wraps, as the hardware's does.
  return static_cast<uint32_t>(host_seconds + offset_);
}

void Pl031::CheckMatch() {
  const uint32_t now = CounterAt(HostSeconds());
  // Distance travelled since the last look and distance to the match value,
  // both modulo 2^32: the match lies on the way iff it is no further than now.
  const uint32_t travelled = now - checked_;
  const uint32_t to_match = mr_ - checked_;
  // A "huge" distance is the host clock stepping back: no time passed for us.
  const bool stepped_back = travelled > (uint32_t{1} << 31);
  if (!stepped_back && travelled != 0 && to_match != 0 && to_match <= travelled) ris_ |= 1;
  checked_ = now;
  UpdateLine();
}

void Pl031::UpdateLine() {
  const bool level = (ris_ & imsc_) != 0;
  if (level != line_) {
    line_ = level;
    irq_.Set(level);
  }
}

uint64_t Pl031::Read(uint64_t offset, unsigned size) {
  absl::MutexLock lock(&mu_);
  CheckMatch();
  uint32_t value = 0;
  switch (offset & ~uint64_t{3}) {
    case kDr:
      value = CounterAt(HostSeconds());
      break;
    case kMr:
      value = mr_;
      break;
    case kLr:
      value = lr_;
      break;
    case kCr:
      value = 1;
      break;  // started: see Write
    case kImsc:
      value = imsc_;
      break;
    case kRis:
      value = ris_;
      break;
    case kMis:
      value = ris_ & imsc_;
      break;
    case kIcr:
      value = 0;
      break;  // write-only
    default:
      if (auto id = PrimeCellIdRegister(offset & ~uint64_t{3}, kPeriphId)) {
        value = *id;
      } else if (warn_.Allow()) {
        Logger("pl031")->warn("read of unknown register {:#x}", offset);
      }
  }
  value >>= 8 * (offset & 3);
  return size >= 4 ? value : value & ((1u << (8 * size)) - 1);
}

void Pl031::Write(uint64_t offset, unsigned size, uint64_t value64) {
  absl::MutexLock lock(&mu_);
  CheckMatch();
  if ((offset & 3) != 0 || size < 4) {
    // The PL031 decodes only 32-bit accesses (TRM: "accesses must be word-sized").
    if (warn_.Allow()) Logger("pl031")->warn("ignored {}-byte write at {:#x}", size, offset);
    return;
  }
  const uint32_t value = static_cast<uint32_t>(value64);
  switch (offset) {
    case kMr:
      mr_ = value;
      break;
    case kLr: {
      lr_ = value;
      offset_ = static_cast<int64_t>(value) - HostSeconds();
      // A match is "the counter equals MR"; loading MR itself counts.
      checked_ = value - 1;
      break;
    }
    case kCr:
      // The clock runs from power-on: the VM stands in for the firmware that
      // would have started it, and RTCCR.RTCStart cannot be cleared once set.
      break;
    case kImsc:
      imsc_ = value & 1;
      break;
    case kIcr:
      ris_ &= ~(value & 1);
      break;
    default:
      if (warn_.Allow()) Logger("pl031")->warn("write to read-only/unknown {:#x}", offset);
      return;
  }
  CheckMatch();
  changed_.Signal();
}

void Pl031::Reset() {
  absl::MutexLock lock(&mu_);
  mr_ = lr_ = imsc_ = ris_ = 0;
  checked_ = CounterAt(HostSeconds());
  line_ = false;
  irq_.Set(false);
  changed_.Signal();
}

void Pl031::TimerLoop() {
  absl::MutexLock lock(&mu_);
  while (!stop_) {
    // Time may have passed MR since anyone looked; the wait below assumes not.
    CheckMatch();
    if ((imsc_ & 1) == 0 || (ris_ & 1) != 0) {
      // Nothing to raise (masked, or already pending): sleep until a register
      // changes, so an idle VM costs no wakeups.
      changed_.Wait(&mu_);
      continue;
    }
    // Seconds until the counter ticks over to MR (1 ... 2^32).
    const uint32_t now = CounterAt(HostSeconds());
    const uint64_t seconds = mr_ - now == 0 ? (uint64_t{1} << 32) : uint32_t(mr_ - now);
    const absl::Time next_tick = absl::FromUnixSeconds(HostSeconds() + 1);
    const absl::Duration wait = (next_tick - clock_()) + absl::Seconds(seconds - 1);
    changed_.WaitWithTimeout(&mu_, wait);
  }
}

}  // namespace vmd
