#include "engine/devices/pl011.h"

#include <algorithm>

#include "engine/base/logging.h"
#include "engine/devices/primecell.h"

namespace vmd {
namespace {

// RX trigger level in bytes for UARTIFLS.RXIFLSEL (bits 5:3): 1/8, 1/4, 1/2,
// 3/4, 7/8 of a 16-byte FIFO. Reserved encodings behave as 1/2.
size_t RxTriggerLevel(uint32_t ifls) {
  switch ((ifls >> 3) & 7) {
    case 0:
      return 2;
    case 1:
      return 4;
    case 3:
      return 12;
    case 4:
      return 14;
    default:
      return 8;
  }
}

uint64_t SizeMask(unsigned size) {
  return size >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * size)) - 1;
}

}  // namespace

Pl011::Pl011(IrqLine irq, OutputSink output, size_t host_queue_limit)
    : irq_(irq), output_(std::move(output)), host_queue_limit_(host_queue_limit) {}

uint64_t Pl011::Read(uint64_t offset, unsigned size) {
  absl::MutexLock lock(&mu_);
  // Sub-word reads see the addressed bytes of the 32-bit register; only an
  // aligned access to DR pops the FIFO, so a stray byte read of DR+1 does not.
  const uint64_t reg = offset & ~uint64_t{3};
  if (reg == kDr && offset != kDr) return 0;
  const uint64_t value = ReadRegister(reg);
  return (value >> (8 * (offset & 3))) & SizeMask(size);
}

void Pl011::Write(uint64_t offset, unsigned size, uint64_t value) {
  absl::MutexLock lock(&mu_);
  if ((offset & 3) != 0) {
    // Linux uses 32-bit accesses and earlycon (UPIO_MEM) byte accesses, always
    // at register offsets; a store into the middle of a register is a guest bug.
    if (warn_.Allow()) {
      Logger("pl011")->warn("ignored {}-byte write of {:#x} at offset {:#x}", size, value, offset);
    }
    return;
  }
  WriteRegister(offset, static_cast<uint32_t>(value));
}

uint32_t Pl011::ReadRegister(uint64_t offset) {
  switch (offset) {
    case kDr:
      return ReadData();
    case kRsrEcr:
      return 0;  // receive errors never happen: host input is framed already
    case kFr: {
      // Transmission is instant, so TXFE is always set and BUSY/TXFF never.
      uint32_t fr = kFrTxfe;
      if (rx_fifo_.empty()) fr |= kFrRxfe;
      if (rx_fifo_.size() >= FifoCapacity()) fr |= kFrRxff;
      return fr;
    }
    case kIlpr:
      return ilpr_;
    case kIbrd:
      return ibrd_;
    case kFbrd:
      return fbrd_;
    case kLcrH:
      return lcr_h_;
    case kCr:
      return cr_;
    case kIfls:
      return ifls_;
    case kImsc:
      return imsc_;
    case kRis:
      return ris_;
    case kMis:
      return ris_ & imsc_;
    case kIcr:
    case kDmacr:
      return 0;  // ICR is write-only; DMA is not implemented (RAZ/WI)
    default:
      break;
  }
  if (auto id = PrimeCellIdRegister(offset, kPeriphId)) return *id;
  if (warn_.Allow()) Logger("pl011")->warn("read of unknown register {:#x}", offset);
  return 0;
}

void Pl011::WriteRegister(uint64_t offset, uint32_t value) {
  switch (offset) {
    case kDr:
      Transmit(static_cast<uint8_t>(value));
      break;
    case kRsrEcr:
      break;  // clears error bits, none of which are ever set
    case kIlpr:
      ilpr_ = value & 0xff;
      break;
    case kIbrd:
      ibrd_ = value & 0xffff;
      break;
    case kFbrd:
      fbrd_ = value & 0x3f;
      break;
    case kLcrH: {
      const size_t before = rx_fifo_.size();
      lcr_h_ = value & 0xff;
      // Turning the FIFO on makes room for queued input; turning it off keeps
      // what is there (the guest drains it one byte at a time).
      RefillFifo();
      NoteFifoGrowth(before);
      break;
    }
    case kCr:
      cr_ = value & 0xff87;
      break;
    case kIfls:
      ifls_ = value & 0x3f;
      break;
    case kImsc:
      imsc_ = value & kIntAll;
      break;
    case kIcr:
      ris_ &= ~(value & kIntAll);
      break;
    case kDmacr:
      break;
    default:
      if (warn_.Allow()) {
        Logger("pl011")->warn("write of {:#x} to unknown or read-only register {:#x}", value,
                              offset);
      }
      return;
  }
  UpdateInterrupts();
}

uint32_t Pl011::ReadData() {
  if (rx_fifo_.empty()) return 0;
  const uint8_t byte = rx_fifo_.front();
  rx_fifo_.pop_front();
  const size_t before = rx_fifo_.size();
  RefillFifo();
  NoteFifoGrowth(before);
  // The timeout interrupt clears once the FIFO is empty (TRM 2.9.5).
  if (rx_fifo_.empty()) ris_ &= ~kIntRt;
  UpdateInterrupts();
  return byte;
}

void Pl011::Transmit(uint8_t byte) {
  // No firmware runs before the kernel, so earlycon writes DR without ever
  // setting UARTEN/TXE: transmit regardless of UARTCR, as boot consoles expect.
  if ((cr_ & kCrLbe) != 0) {
    ReceiveLocked(&byte, 1);
  } else if (output_) {
    output_(&byte, 1);
  }
  // The byte leaves the FIFO at once, so the FIFO has just passed down through
  // the TX trigger level: that transition is what raises TXRIS (TRM 2.9.3).
  ris_ |= kIntTx;
}

size_t Pl011::RxTrigger() const { return (lcr_h_ & kLcrHFen) != 0 ? RxTriggerLevel(ifls_) : 1; }

void Pl011::NoteFifoGrowth(size_t before) {
  const size_t after = rx_fifo_.size();
  if (after <= before) return;
  // Crossing up through the trigger level raises RXRIS (TRM 2.9.4).
  if (before < RxTrigger() && after >= RxTrigger()) ris_ |= kIntRx;
  // Simplification: the TRM raises RTRIS after 32 bit periods without new
  // input while the FIFO holds data. We have no line timing, so the timeout is
  // taken to expire at once whenever data arrives; Linux reads until RXFE
  // either way, and input below the trigger level is never stranded.
  ris_ |= kIntRt;
}

size_t Pl011::FifoCapacity() const { return (lcr_h_ & kLcrHFen) != 0 ? kFifoDepth : 1; }

void Pl011::RefillFifo() {
  while (!host_queue_.empty() && rx_fifo_.size() < FifoCapacity()) {
    rx_fifo_.push_back(host_queue_.front());
    host_queue_.pop_front();
  }
}

size_t Pl011::Receive(const uint8_t* data, size_t len) {
  absl::MutexLock lock(&mu_);
  const size_t accepted = ReceiveLocked(data, len);
  UpdateInterrupts();
  return accepted;
}

size_t Pl011::ReceiveLocked(const uint8_t* data, size_t len) {
  const size_t room = host_queue_limit_ - std::min(host_queue_limit_, host_queue_.size());
  const size_t accepted = std::min(len, room);
  host_queue_.insert(host_queue_.end(), data, data + accepted);
  if (accepted < len) {
    dropped_ += len - accepted;
    if (warn_.Allow()) {
      Logger("pl011")->warn("console input queue full: dropped {} bytes ({} in total)",
                            len - accepted, dropped_);
    }
  }
  const size_t before = rx_fifo_.size();
  RefillFifo();
  NoteFifoGrowth(before);
  return accepted;
}

void Pl011::Reset() {
  absl::MutexLock lock(&mu_);
  rx_fifo_.clear();
  ilpr_ = ibrd_ = fbrd_ = lcr_h_ = imsc_ = ris_ = 0;
  cr_ = 0x300;
  ifls_ = 0x12;
  RefillFifo();
  NoteFifoGrowth(0);
  line_ = false;
  irq_.Set(false);
}

size_t Pl011::PendingInput() const {
  absl::MutexLock lock(&mu_);
  return rx_fifo_.size() + host_queue_.size();
}

void Pl011::UpdateInterrupts() {
  // RXRIS drops once reads take the FIFO below the trigger level (or empty it
  // with the FIFO off); ICR can clear it earlier. The line is the OR of MIS.
  if (rx_fifo_.size() < RxTrigger()) ris_ &= ~kIntRx;
  const bool level = (ris_ & imsc_) != 0;
  if (level != line_) {
    line_ = level;
    irq_.Set(level);
  }
}

}  // namespace vmd
