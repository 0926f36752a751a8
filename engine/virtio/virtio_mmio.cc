#include "engine/virtio/virtio_mmio.h"

#include <cstring>
#include <string>
#include <utility>

#include "engine/base/logging.h"

namespace vmd {

using namespace virtio_mmio;  // NOLINT: register names, this file only

VirtioMmio::VirtioMmio(std::unique_ptr<VirtioDevice> device, GuestMemory* mem, IrqLine irq)
    : device_(std::move(device)),
      mem_(mem),
      irq_(irq),
      offered_(device_->DeviceFeatures() | kVirtioFVersion1 | kVirtioFRingIndirectDesc |
               kVirtioFRingEventIdx) {
  device_->Attach(this, mem_);
  absl::MutexLock lock(&mu_);
  queues_.resize(device_->num_queues());
}

VirtioMmio::~VirtioMmio() {
  absl::MutexLock lock(&mu_);
  device_->Reset();
}

uint32_t VirtioMmio::status() const {
  absl::MutexLock lock(&irq_mu_);
  return status_;
}

uint64_t VirtioMmio::Read(uint64_t offset, unsigned size) {
  if (size == 0 || size > 8) return 0;
  if (offset >= kConfig) {
    uint8_t bytes[8] = {};
    device_->ReadConfig(offset - kConfig, bytes, size);
    uint64_t value = 0;
    std::memcpy(&value, bytes, size);  // little-endian host and guest
    return value;
  }
  if (size != 4 || offset % 4 != 0) {
    if (warn_limit_.Allow()) {
      Logger(device_->name())->warn("{}-byte read at register {:#x}; reads as zero", size, offset);
    }
    return 0;
  }
  absl::MutexLock lock(&mu_);
  return ReadRegister(offset);
}

void VirtioMmio::Write(uint64_t offset, unsigned size, uint64_t value) {
  if (size == 0 || size > 8) return;
  if (offset >= kConfig) {
    uint8_t bytes[8];
    std::memcpy(bytes, &value, sizeof(bytes));
    device_->WriteConfig(offset - kConfig, bytes, size);
    return;
  }
  if (size != 4 || offset % 4 != 0) {
    if (warn_limit_.Allow()) {
      Logger(device_->name())->warn("{}-byte write at register {:#x}; ignored", size, offset);
    }
    return;
  }
  absl::MutexLock lock(&mu_);
  WriteRegister(offset, static_cast<uint32_t>(value));
}

VirtioMmio::QueueRegs* VirtioMmio::SelectedQueue() {
  return queue_sel_ < queues_.size() ? &queues_[queue_sel_] : nullptr;
}

uint32_t VirtioMmio::ReadRegister(uint64_t offset) {
  switch (offset) {
    case kMagicValue: return kMagic;
    case kVersion: return 2;
    case kDeviceId: return device_->device_id();
    case kVendorId: return kVendor;
    case kDeviceFeatures:
      if (device_features_sel_ > 1) return 0;
      return static_cast<uint32_t>(offered_ >> (32 * device_features_sel_));
    case kQueueNumMax: return device_->queue_max_size(queue_sel_);
    case kQueueReady: {
      const QueueRegs* q = SelectedQueue();
      return q != nullptr && q->ready ? 1 : 0;
    }
    case kInterruptStatus: {
      absl::MutexLock lock(&irq_mu_);
      return interrupt_status_;
    }
    case kStatus: {
      absl::MutexLock lock(&irq_mu_);
      return status_;
    }
    case kConfigGeneration: {
      absl::MutexLock lock(&irq_mu_);
      return config_generation_;
    }
    // No shared memory regions: their length reads as all ones (4.2.2).
    case kShmLenLow:
    case kShmLenHigh:
    case kShmBaseLow:
    case kShmBaseHigh: return 0xffffffff;
    default: return 0;  // write-only and reserved registers
  }
}

void VirtioMmio::WriteRegister(uint64_t offset, uint32_t value) {
  switch (offset) {
    case kDeviceFeaturesSel: device_features_sel_ = value; return;
    case kDriverFeaturesSel: driver_features_sel_ = value; return;
    case kDriverFeatures: {
      if (status() & kStatusFeaturesOk) {
        if (warn_limit_.Allow()) {
          Logger(device_->name())->warn("driver features written after FEATURES_OK; ignored");
        }
        return;
      }
      if (driver_features_sel_ > 1) return;
      const unsigned shift = 32 * driver_features_sel_;
      driver_features_ = (driver_features_ & ~(uint64_t{0xffffffff} << shift)) |
                         (uint64_t{value} << shift);
      return;
    }
    case kQueueSel: queue_sel_ = value; return;
    case kQueueNum: {
      QueueRegs* q = SelectedQueue();
      if (q != nullptr && !q->ready) q->num = value;
      return;
    }
    case kQueueReady: SetQueueReady(value); return;
    case kQueueNotify: {
      const uint32_t s = status();
      if ((s & kStatusDriverOk) && !(s & kStatusNeedsReset)) device_->Notify(value & 0xffff);
      return;
    }
    case kInterruptAck: {
      absl::MutexLock lock(&irq_mu_);
      interrupt_status_ &= ~value;
      irq_.Set(interrupt_status_ != 0);
      return;
    }
    case kStatus: WriteStatus(value); return;
    case kQueueDescLow:
    case kQueueDescHigh:
    case kQueueDriverLow:
    case kQueueDriverHigh:
    case kQueueDeviceLow:
    case kQueueDeviceHigh: WriteQueueAddress(offset, value); return;
    case kShmSel: return;
    default:
      if (warn_limit_.Allow()) {
        Logger(device_->name())->warn("write of {:#x} to read-only/reserved register {:#x}; ignored",
                                      value, offset);
      }
      return;
  }
}

void VirtioMmio::WriteQueueAddress(uint64_t offset, uint32_t value) {
  QueueRegs* q = SelectedQueue();
  if (q == nullptr || q->ready) return;  // 4.2.3.2: only while the queue is not ready
  uint64_t* reg = offset < kQueueDriverLow ? &q->desc : offset < kQueueDeviceLow ? &q->driver : &q->device;
  const unsigned shift = (offset % 8 == 4) ? 32 : 0;
  *reg = (*reg & ~(uint64_t{0xffffffff} << shift)) | (uint64_t{value} << shift);
}

void VirtioMmio::SetQueueReady(uint32_t value) {
  QueueRegs* q = SelectedQueue();
  if (q == nullptr) return;
  if (status() & kStatusDriverOk) {
    if (warn_limit_.Allow()) {
      Logger(device_->name())->warn("QueueReady changed after DRIVER_OK; ignored");
    }
    return;
  }
  if (value == 0) {
    q->ready = false;
    return;
  }
  VirtqueueLayout layout;
  layout.size = static_cast<uint16_t>(q->num > 0xffff ? 0 : q->num);
  layout.desc = q->desc;
  layout.driver = q->driver;
  layout.device = q->device;
  absl::Status s = Virtqueue::ValidateLayout(*mem_, layout, device_->queue_max_size(queue_sel_));
  if (!s.ok()) {
    Violation("queue " + std::to_string(queue_sel_) + ": " + std::string(s.message()));
    return;
  }
  q->ready = true;
}

void VirtioMmio::WriteStatus(uint32_t value) {
  if (value == 0) {
    ResetLocked();
    return;
  }
  const uint32_t old = status();
  // NEEDS_RESET belongs to the device; a driver's read-modify-write may echo it.
  value &= ~kStatusNeedsReset;
  if ((value & (old & ~kStatusNeedsReset)) != (old & ~kStatusNeedsReset)) {
    Violation("status bits cleared without a reset");
    return;
  }
  const uint32_t added = value & ~old;
  if (added & kStatusFeaturesOk) {
    // 3.1.1: a device that cannot accept the features leaves FEATURES_OK
    // clear; the driver reads it back and gives up.
    if ((driver_features_ & ~offered_) != 0 || !(driver_features_ & kVirtioFVersion1)) {
      if (warn_limit_.Allow()) {
        Logger(device_->name())->warn(
            "driver features {:#x} not acceptable (offered {:#x}, VERSION_1 required)",
            driver_features_, offered_);
      }
      value &= ~kStatusFeaturesOk;
    }
  }
  if ((added & kStatusDriverOk) && !(value & kStatusFeaturesOk)) {
    Violation("DRIVER_OK without FEATURES_OK");
    return;
  }
  {
    absl::MutexLock lock(&irq_mu_);
    status_ = value | (status_ & kStatusNeedsReset);
  }
  if ((added & kStatusDriverOk) && !(old & kStatusNeedsReset)) {
    std::vector<std::optional<Virtqueue>> vqs(queues_.size());
    for (size_t i = 0; i < queues_.size(); ++i) {
      const QueueRegs& q = queues_[i];
      if (!q.ready) continue;
      VirtqueueLayout layout{static_cast<uint16_t>(q.num), q.desc, q.driver, q.device};
      absl::StatusOr<Virtqueue> vq =
          Virtqueue::Create(mem_, layout, device_->queue_max_size(i),
                            (driver_features_ & kVirtioFRingEventIdx) != 0,
                            (driver_features_ & kVirtioFRingIndirectDesc) != 0,
                            static_cast<unsigned>(i));
      if (!vq.ok()) {  // validated at QueueReady; cannot happen
        Violation(std::string(vq.status().message()));
        return;
      }
      vqs[i].emplace(std::move(vq).value());
    }
    Logger(device_->name())->debug("driver ready, features {:#x}", driver_features_);
    device_->Activate(driver_features_, std::move(vqs));
  }
}

void VirtioMmio::ResetLocked() {
  device_->Reset();
  device_features_sel_ = 0;
  driver_features_sel_ = 0;
  driver_features_ = 0;
  queue_sel_ = 0;
  for (QueueRegs& q : queues_) q = QueueRegs{};
  absl::MutexLock lock(&irq_mu_);
  status_ = 0;
  interrupt_status_ = 0;
  irq_.Set(false);
}

void VirtioMmio::Violation(std::string_view why) { MarkBroken(why); }

void VirtioMmio::RaiseInterrupt(uint32_t bits) {
  absl::MutexLock lock(&irq_mu_);
  interrupt_status_ |= bits;
  irq_.Set(interrupt_status_ != 0);
}

void VirtioMmio::SignalUsed() { RaiseInterrupt(kInterruptUsedBuffer); }

void VirtioMmio::SignalConfigChange() {
  absl::MutexLock lock(&irq_mu_);
  ++config_generation_;
  // Before DRIVER_OK nobody listens; the driver reads the config when ready.
  if (!(status_ & kStatusDriverOk)) return;
  interrupt_status_ |= kInterruptConfigChange;
  irq_.Set(true);
}

void VirtioMmio::MarkBroken(std::string_view why) {
  if (warn_limit_.Allow()) {
    Logger(device_->name())->warn("guest broke the virtio protocol: {}; device needs reset", why);
  }
  absl::MutexLock lock(&irq_mu_);
  status_ |= kStatusNeedsReset;
  // 2.1.2: with DRIVER_OK set, NEEDS_RESET comes with a config change notification.
  if (status_ & kStatusDriverOk) {
    interrupt_status_ |= kInterruptConfigChange;
    irq_.Set(true);
  }
}

}  // namespace vmd
