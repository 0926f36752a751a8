// The virtio-mmio transport, register layout version 2 (virtio 1.x, 4.2.2): one
// 0x200-byte slot on the MMIO bus wrapping one VirtioDevice. vm/ creates one per
// device at 0x0A00_0000 + 0x200 * slot, wired to SPI 16 + slot (platform.md).
#ifndef VMD_ENGINE_VIRTIO_VIRTIO_MMIO_H_
#define VMD_ENGINE_VIRTIO_VIRTIO_MMIO_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "engine/bus/irq.h"
#include "engine/bus/mmio_device.h"
#include "engine/memory/guest_memory.h"
#include "engine/virtio/rate_limit.h"
#include "engine/virtio/virtio_device.h"
#include "engine/virtio/virtqueue.h"

namespace vmd {

// Register offsets (virtio 1.x, 4.2.2).
namespace virtio_mmio {
inline constexpr uint64_t kMagicValue = 0x000;
inline constexpr uint64_t kVersion = 0x004;
inline constexpr uint64_t kDeviceId = 0x008;
inline constexpr uint64_t kVendorId = 0x00c;
inline constexpr uint64_t kDeviceFeatures = 0x010;
inline constexpr uint64_t kDeviceFeaturesSel = 0x014;
inline constexpr uint64_t kDriverFeatures = 0x020;
inline constexpr uint64_t kDriverFeaturesSel = 0x024;
inline constexpr uint64_t kQueueSel = 0x030;
inline constexpr uint64_t kQueueNumMax = 0x034;
inline constexpr uint64_t kQueueNum = 0x038;
inline constexpr uint64_t kQueueReady = 0x044;
inline constexpr uint64_t kQueueNotify = 0x050;
inline constexpr uint64_t kInterruptStatus = 0x060;
inline constexpr uint64_t kInterruptAck = 0x064;
inline constexpr uint64_t kStatus = 0x070;
inline constexpr uint64_t kQueueDescLow = 0x080;
inline constexpr uint64_t kQueueDescHigh = 0x084;
inline constexpr uint64_t kQueueDriverLow = 0x090;
inline constexpr uint64_t kQueueDriverHigh = 0x094;
inline constexpr uint64_t kQueueDeviceLow = 0x0a0;
inline constexpr uint64_t kQueueDeviceHigh = 0x0a4;
inline constexpr uint64_t kShmSel = 0x0ac;
inline constexpr uint64_t kShmLenLow = 0x0b0;
inline constexpr uint64_t kShmLenHigh = 0x0b4;
inline constexpr uint64_t kShmBaseLow = 0x0b8;
inline constexpr uint64_t kShmBaseHigh = 0x0bc;
inline constexpr uint64_t kConfigGeneration = 0x0fc;
inline constexpr uint64_t kConfig = 0x100;
inline constexpr uint64_t kSlotSize = 0x200;

inline constexpr uint32_t kMagic = 0x74726976;  // "virt"
inline constexpr uint32_t kVendor = 0x00646d76;  // "vmd"
inline constexpr uint32_t kInterruptUsedBuffer = 1;
inline constexpr uint32_t kInterruptConfigChange = 2;
}  // namespace virtio_mmio

class VirtioMmio final : public MmioDevice, private VirtioDeviceHost {
 public:
  // `mem` and the sink behind `irq` must outlive this object.
  VirtioMmio(std::unique_ptr<VirtioDevice> device, GuestMemory* mem, IrqLine irq);
  ~VirtioMmio() override;

  std::string_view name() const override { return device_->name(); }
  uint64_t Read(uint64_t offset, unsigned size) override;
  void Write(uint64_t offset, unsigned size, uint64_t value) override;

  // The wrapped device, for host-side controls (console input, balloon target).
  VirtioDevice* device() const { return device_.get(); }
  // Everything this transport offers: the device's bits plus VERSION_1 and
  // the ring features.
  uint64_t offered_features() const { return offered_; }
  uint32_t status() const;

 private:
  struct QueueRegs {
    uint32_t num = 0;
    bool ready = false;
    uint64_t desc = 0, driver = 0, device = 0;
  };

  // VirtioDeviceHost, called by the device's worker and host-side threads.
  void SignalUsed() override;
  void SignalConfigChange() override;
  void MarkBroken(std::string_view why) override;

  uint32_t ReadRegister(uint64_t offset) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void WriteRegister(uint64_t offset, uint32_t value) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void WriteStatus(uint32_t value) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void WriteQueueAddress(uint64_t offset, uint32_t value) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void SetQueueReady(uint32_t value) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void ResetLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void RaiseInterrupt(uint32_t bits);
  // Guest protocol error found by the transport itself.
  void Violation(std::string_view why) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  QueueRegs* SelectedQueue() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const std::unique_ptr<VirtioDevice> device_;
  GuestMemory* const mem_;
  const IrqLine irq_;
  const uint64_t offered_;
  RateLimiter warn_limit_;

  // Register state written by vCPU threads. Held while resetting the device
  // (which joins its worker), so the worker never takes it.
  absl::Mutex mu_;
  uint32_t device_features_sel_ ABSL_GUARDED_BY(mu_) = 0;
  uint32_t driver_features_sel_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t driver_features_ ABSL_GUARDED_BY(mu_) = 0;
  uint32_t queue_sel_ ABSL_GUARDED_BY(mu_) = 0;
  std::vector<QueueRegs> queues_ ABSL_GUARDED_BY(mu_);

  // Leaf lock shared with the worker: status, interrupt bits and the line.
  mutable absl::Mutex irq_mu_ ABSL_ACQUIRED_AFTER(mu_);
  uint32_t status_ ABSL_GUARDED_BY(irq_mu_) = 0;
  uint32_t interrupt_status_ ABSL_GUARDED_BY(irq_mu_) = 0;
  uint32_t config_generation_ ABSL_GUARDED_BY(irq_mu_) = 0;
};

}  // namespace vmd

#endif  // VMD_ENGINE_VIRTIO_VIRTIO_MMIO_H_
