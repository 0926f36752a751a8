// The device side of a virtio 1.x split virtqueue, validated against a guest
// that may be buggy or hostile. Devices pop descriptor chains and push used
// buffers through it; the virtio-mmio transport builds one per ready queue.
#ifndef VMD_ENGINE_VIRTIO_VIRTQUEUE_H_
#define VMD_ENGINE_VIRTIO_VIRTQUEUE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "engine/memory/guest_memory.h"

namespace vmd {

// Descriptor flags and ring flags (virtio 1.x, 2.7.5 and 2.7.6).
inline constexpr uint16_t kVirtqDescFNext = 1;
inline constexpr uint16_t kVirtqDescFWrite = 2;
inline constexpr uint16_t kVirtqDescFIndirect = 4;
inline constexpr uint16_t kVirtqAvailFNoInterrupt = 1;
inline constexpr uint16_t kVirtqUsedFNoNotify = 1;
inline constexpr uint32_t kVirtqDescSize = 16;
// The largest queue a split ring can describe.
inline constexpr uint16_t kVirtqMaxSize = 32768;

// Where the driver placed the three parts of one queue, as programmed through
// the transport (QueueDesc / QueueDriver / QueueDevice).
struct VirtqueueLayout {
  uint16_t size = 0;
  uint64_t desc = 0;    // descriptor table, 16-byte aligned
  uint64_t driver = 0;  // available ring, 2-byte aligned
  uint64_t device = 0;  // used ring, 4-byte aligned
};

// One buffer of a chain, already checked to lie inside guest RAM.
struct DescSegment {
  uint64_t addr = 0;
  uint32_t len = 0;
  bool writable = false;
};

// A popped chain: readable segments first, then writable ones (Pop rejects
// any other order).
struct DescriptorChain {
  uint16_t head = 0;
  std::vector<DescSegment> segments;
  uint64_t readable_bytes = 0;
  uint64_t writable_bytes = 0;
};

// Copies bytes out of the readable part of a chain, in order.
class ChainReader {
 public:
  ChainReader(const GuestMemory& mem, const DescriptorChain& chain);
  // Copies up to `len` bytes; returns how many were copied.
  size_t Read(void* dst, size_t len);
  size_t Skip(size_t len);
  uint64_t remaining() const { return remaining_; }

 private:
  size_t Step(void* dst, size_t len);
  const GuestMemory& mem_;
  const DescriptorChain& chain_;
  size_t seg_ = 0;
  uint64_t seg_off_ = 0;
  uint64_t remaining_;
};

// Copies bytes into the writable part of a chain, in order. Writes go through
// GuestMemory::Write so hv/soft sees device DMA (DECISIONS.md).
class ChainWriter {
 public:
  ChainWriter(GuestMemory& mem, const DescriptorChain& chain);
  size_t Write(const void* src, size_t len);
  uint64_t remaining() const { return remaining_; }
  uint64_t written() const { return written_; }

 private:
  GuestMemory& mem_;
  const DescriptorChain& chain_;
  size_t seg_ = 0;
  uint64_t seg_off_ = 0;
  uint64_t remaining_;
  uint64_t written_ = 0;
};

// Not thread-safe: owned by one device worker thread at a time. The guest
// writes the rings concurrently from vCPU threads; the avail index is read with
// acquire and the used index published with release ordering.
class Virtqueue {
 public:
  // Checks the layout the driver programmed: size a power of two within
  // `max_size`, each ring aligned and wholly inside guest RAM.
  static absl::Status ValidateLayout(const GuestMemory& mem, const VirtqueueLayout& layout,
                                     uint16_t max_size);
  // `layout` must have passed ValidateLayout. `index` only names the queue in
  // error messages.
  static absl::StatusOr<Virtqueue> Create(GuestMemory* mem, const VirtqueueLayout& layout,
                                          uint16_t max_size, bool event_idx, bool indirect,
                                          unsigned index = 0);

  // The next available chain, nullopt when the driver has offered none, or an
  // error when the guest broke the protocol (the device must then be marked
  // DEVICE_NEEDS_RESET and stop using the queue).
  absl::StatusOr<std::optional<DescriptorChain>> Pop();
  // Hands a chain back to the driver with `len` bytes written to it.
  void Push(uint16_t head, uint32_t len);
  // True when the driver wants an interrupt for what was pushed since the
  // last call (VRING_AVAIL_F_NO_INTERRUPT or the used_event index).
  bool NeedsInterrupt();

  // Notification suppression towards the driver. Returns true when buffers
  // became available meanwhile, so the caller must process again.
  void DisableNotifications();
  bool EnableNotifications();

  uint16_t size() const { return size_; }
  uint16_t last_avail() const { return last_avail_; }
  uint16_t used_idx() const { return used_idx_; }
  const VirtqueueLayout& layout() const { return layout_; }

 private:
  Virtqueue(GuestMemory* mem, const VirtqueueLayout& layout, bool event_idx, bool indirect,
            unsigned index);
  uint16_t LoadAvailIdx() const;
  absl::Status WalkChain(uint16_t head, DescriptorChain* chain) const;

  GuestMemory* mem_;
  VirtqueueLayout layout_;
  uint16_t size_;
  bool event_idx_;
  bool indirect_;
  unsigned index_;
  uint8_t* desc_;   // host views of the validated rings
  uint8_t* avail_;
  uint8_t* used_;
  uint16_t last_avail_ = 0;
  uint16_t used_idx_ = 0;
  uint16_t signalled_used_ = 0;
  bool notifications_ = true;
};

}  // namespace vmd

#endif  // VMD_ENGINE_VIRTIO_VIRTQUEUE_H_
