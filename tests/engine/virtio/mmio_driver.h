// A minimal virtio-mmio driver for tests: runs the init sequence of virtio
// 1.x 3.1.1 through the transport's registers and owns one DriverRing per queue.
#ifndef VMD_TESTS_ENGINE_VIRTIO_MMIO_DRIVER_H_
#define VMD_TESTS_ENGINE_VIRTIO_MMIO_DRIVER_H_

#include <memory>
#include <vector>

#include "engine/virtio/virtio_mmio.h"
#include "tests/engine/virtio/virtio_test_util.h"

namespace vmd::testing {

inline constexpr uint32_t kTestIntid = 48;  // SPI 16 = slot 0
inline constexpr uint64_t kTestRamSize = 4 << 20;
// Rings live in the first MiB of RAM (64 KiB per queue); buffers after it.
inline constexpr uint64_t kBufBase = kRamBase + 0x100000;

class MmioDriver {
 public:
  explicit MmioDriver(std::unique_ptr<VirtioDevice> device) {
    mem_ = std::move(GuestMemory::Create(kRamBase, kTestRamSize)).value();
    device_ = device.get();
    mmio_ = std::make_unique<VirtioMmio>(std::move(device), mem_.get(), IrqLine(&irq_, kTestIntid));
  }

  uint32_t Reg(uint64_t off) { return static_cast<uint32_t>(mmio_->Read(off, 4)); }
  void SetReg(uint64_t off, uint32_t v) { mmio_->Write(off, 4, v); }
  uint32_t status() { return Reg(virtio_mmio::kStatus); }
  uint64_t DeviceFeatures() {
    SetReg(virtio_mmio::kDeviceFeaturesSel, 0);
    uint64_t f = Reg(virtio_mmio::kDeviceFeatures);
    SetReg(virtio_mmio::kDeviceFeaturesSel, 1);
    return f | uint64_t{Reg(virtio_mmio::kDeviceFeatures)} << 32;
  }
  void WriteDriverFeatures(uint64_t f) {
    SetReg(virtio_mmio::kDriverFeaturesSel, 0);
    SetReg(virtio_mmio::kDriverFeatures, static_cast<uint32_t>(f));
    SetReg(virtio_mmio::kDriverFeaturesSel, 1);
    SetReg(virtio_mmio::kDriverFeatures, static_cast<uint32_t>(f >> 32));
  }
  // Programs queue `q` with `size` entries (does not set it ready).
  DriverRing& SetupQueue(uint32_t q, uint16_t size) {
    if (rings_.size() <= q) rings_.resize(q + 1);
    rings_[q] = std::make_unique<DriverRing>(mem_.get(), kRamBase + 0x10000ull * q, size);
    const VirtqueueLayout& l = rings_[q]->layout();
    SetReg(virtio_mmio::kQueueSel, q);
    SetReg(virtio_mmio::kQueueNum, size);
    SetReg(virtio_mmio::kQueueDescLow, static_cast<uint32_t>(l.desc));
    SetReg(virtio_mmio::kQueueDescHigh, static_cast<uint32_t>(l.desc >> 32));
    SetReg(virtio_mmio::kQueueDriverLow, static_cast<uint32_t>(l.driver));
    SetReg(virtio_mmio::kQueueDriverHigh, static_cast<uint32_t>(l.driver >> 32));
    SetReg(virtio_mmio::kQueueDeviceLow, static_cast<uint32_t>(l.device));
    SetReg(virtio_mmio::kQueueDeviceHigh, static_cast<uint32_t>(l.device >> 32));
    return *rings_[q];
  }
  // The whole init sequence: accepts `features` (VERSION_1 added), readies
  // `num_queues` queues of `size` entries and sets DRIVER_OK. Returns false
  // if the device refused.
  bool Init(uint64_t features, uint32_t num_queues, uint16_t size = 16) {
    SetReg(virtio_mmio::kStatus, 0);
    SetReg(virtio_mmio::kStatus, kStatusAcknowledge);
    SetReg(virtio_mmio::kStatus, kStatusAcknowledge | kStatusDriver);
    WriteDriverFeatures(features | kVirtioFVersion1);
    SetReg(virtio_mmio::kStatus, kStatusAcknowledge | kStatusDriver | kStatusFeaturesOk);
    if (!(status() & kStatusFeaturesOk)) return false;
    for (uint32_t q = 0; q < num_queues; ++q) {
      SetupQueue(q, size);
      SetReg(virtio_mmio::kQueueReady, 1);
    }
    SetReg(virtio_mmio::kStatus,
           kStatusAcknowledge | kStatusDriver | kStatusFeaturesOk | kStatusDriverOk);
    return (status() & (kStatusDriverOk | kStatusNeedsReset)) == kStatusDriverOk;
  }
  void Notify(uint32_t q) { SetReg(virtio_mmio::kQueueNotify, q); }
  DriverRing& ring(uint32_t q) { return *rings_[q]; }
  // Waits until queue q's used index reaches `idx`.
  bool WaitUsed(uint32_t q, uint16_t idx) {
    return WaitFor([&] { return ring(q).used_idx() == idx; });
  }
  void AckInterrupts() { SetReg(virtio_mmio::kInterruptAck, Reg(virtio_mmio::kInterruptStatus)); }
  uint32_t ConfigRead32(uint64_t off) { return static_cast<uint32_t>(mmio_->Read(virtio_mmio::kConfig + off, 4)); }
  uint64_t ConfigRead64(uint64_t off) { return mmio_->Read(virtio_mmio::kConfig + off, 8); }

  GuestMemory& mem() { return *mem_; }
  VirtioMmio& mmio() { return *mmio_; }
  FakeInterruptSink& irq() { return irq_; }
  VirtioDevice* device() { return device_; }

 private:
  FakeInterruptSink irq_;
  std::unique_ptr<GuestMemory> mem_;
  VirtioDevice* device_;
  std::vector<std::unique_ptr<DriverRing>> rings_;
  std::unique_ptr<VirtioMmio> mmio_;  // last: destroyed first, joins workers
};

}  // namespace vmd::testing

#endif  // VMD_TESTS_ENGINE_VIRTIO_MMIO_DRIVER_H_
