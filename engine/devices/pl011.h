// ARM PrimeCell UART (PL011 r1p5) as the guest console ttyAMA0 at 0x0900_0000.
// The VM registers it on the MMIO bus, gives it the console sink for output and
// feeds host keystrokes through Receive(). Registers follow the PL011 TRM, with
// these deliberate differences (no line timing exists here):
//  - transmit is instant: TXFE always set, BUSY/TXFF never; each DR write
//    raises TXRIS (the FIFO passes down through the TX trigger level);
//  - the RX timeout (RTRIS) fires as soon as a byte enters the RX FIFO, not
//    after 32 idle bit periods; it clears when the FIFO empties or via ICR;
//  - UARTEN/TXE/RXE do not gate data: with no firmware, earlycon writes DR
//    before anything enables the UART;
//  - receive errors and overrun never happen: host input waits in a bounded
//    queue behind the FIFO instead of overrunning it.
#ifndef VMD_ENGINE_DEVICES_PL011_H_
#define VMD_ENGINE_DEVICES_PL011_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <string_view>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "engine/bus/irq.h"
#include "engine/bus/mmio_device.h"
#include "engine/devices/guest_warn.h"

namespace vmd {

class Pl011 : public MmioDevice {
 public:
  // Receives every byte the guest transmits, in order, on the vCPU thread that
  // wrote it. Must not call back into the UART.
  using OutputSink = std::function<void(const uint8_t* data, size_t len)>;

  static constexpr uint64_t kMmioSize = 0x1000;
  static constexpr size_t kFifoDepth = 16;
  // Host input waiting for room in the RX FIFO: a pasted page of text fits.
  static constexpr size_t kDefaultHostQueueLimit = 64 * 1024;
  // PeriphID0..3 = 0x11, 0x10, 0x34, 0x00: part 0x011, designer ARM (0x41),
  // revision 3 (r1p5).
  static constexpr uint32_t kPeriphId = 0x00341011;

  // Register offsets (TRM 3.2).
  static constexpr uint64_t kDr = 0x000, kRsrEcr = 0x004, kFr = 0x018, kIlpr = 0x020, kIbrd = 0x024,
                            kFbrd = 0x028, kLcrH = 0x02c, kCr = 0x030, kIfls = 0x034, kImsc = 0x038,
                            kRis = 0x03c, kMis = 0x040, kIcr = 0x044, kDmacr = 0x048;
  // UARTFR bits.
  static constexpr uint32_t kFrBusy = 1u << 3, kFrRxfe = 1u << 4, kFrTxff = 1u << 5,
                            kFrRxff = 1u << 6, kFrTxfe = 1u << 7;
  // Interrupt bits shared by IMSC, RIS, MIS and ICR.
  static constexpr uint32_t kIntRx = 1u << 4, kIntTx = 1u << 5, kIntRt = 1u << 6;
  static constexpr uint32_t kIntAll = 0x7ff;
  static constexpr uint32_t kLcrHFen = 1u << 4;
  static constexpr uint32_t kCrLbe = 1u << 7;

  Pl011(IrqLine irq, OutputSink output, size_t host_queue_limit = kDefaultHostQueueLimit);

  std::string_view name() const override { return "pl011"; }
  uint64_t Read(uint64_t offset, unsigned size) override;
  void Write(uint64_t offset, unsigned size, uint64_t value) override;

  // Host input (console keystrokes, pasted text). Fills the RX FIFO and queues
  // the rest, refilling the FIFO as the guest reads. Returns how many bytes
  // were accepted; the rest is dropped (with a warning) only when the host
  // queue is full. Any thread.
  size_t Receive(const uint8_t* data, size_t len);

  // Bytes accepted by Receive that the guest has not read yet (FIFO + queue).
  size_t PendingInput() const;

  // Back to the TRM reset values, line low, for a guest reset (the GIC is reset
  // too, so a line left high would never be seen again). The RX FIFO is
  // cleared as hardware does; host input still queued behind it is kept.
  void Reset();

 private:
  uint32_t ReadRegister(uint64_t offset) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void WriteRegister(uint64_t offset, uint32_t value) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  uint32_t ReadData() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void Transmit(uint8_t byte) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  size_t ReceiveLocked(const uint8_t* data, size_t len) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Raises RX/RT for bytes that entered the FIFO since it held `before`.
  void NoteFifoGrowth(size_t before) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  size_t RxTrigger() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Moves queued host input into the FIFO while it has room.
  void RefillFifo() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  size_t FifoCapacity() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Recomputes the RX level interrupt and drives the output line.
  void UpdateInterrupts() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const IrqLine irq_;
  const OutputSink output_;
  const size_t host_queue_limit_;
  GuestWarnLimiter warn_;

  mutable absl::Mutex mu_;
  std::deque<uint8_t> rx_fifo_ ABSL_GUARDED_BY(mu_);
  std::deque<uint8_t> host_queue_ ABSL_GUARDED_BY(mu_);
  uint32_t ilpr_ ABSL_GUARDED_BY(mu_) = 0;
  uint32_t ibrd_ ABSL_GUARDED_BY(mu_) = 0;
  uint32_t fbrd_ ABSL_GUARDED_BY(mu_) = 0;
  uint32_t lcr_h_ ABSL_GUARDED_BY(mu_) = 0;
  uint32_t cr_ ABSL_GUARDED_BY(mu_) = 0x300;   // TXE | RXE
  uint32_t ifls_ ABSL_GUARDED_BY(mu_) = 0x12;  // both levels 1/2
  uint32_t imsc_ ABSL_GUARDED_BY(mu_) = 0;
  uint32_t ris_ ABSL_GUARDED_BY(mu_) = 0;
  bool line_ ABSL_GUARDED_BY(mu_) = false;
  uint64_t dropped_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace vmd

#endif  // VMD_ENGINE_DEVICES_PL011_H_
