#include "engine/virtio/virtqueue.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstring>

#include "absl/strings/str_format.h"
#include "engine/base/status_macros.h"

namespace vmd {
namespace {

static_assert(std::endian::native == std::endian::little,
              "virtio rings are little-endian; a big-endian host needs byte swaps here");

// Ring sizes in bytes (virtio 1.x 2.7): flags + idx + ring[size] + event word.
uint64_t AvailBytes(uint64_t size) { return 6 + 2 * size; }
uint64_t UsedBytes(uint64_t size) { return 6 + 8 * size; }

uint16_t LoadRelaxed(uint8_t* p) {
  return std::atomic_ref<uint16_t>(*reinterpret_cast<uint16_t*>(p)).load(std::memory_order_relaxed);
}
void StoreRelaxed(uint8_t* p, uint16_t v) {
  std::atomic_ref<uint16_t>(*reinterpret_cast<uint16_t*>(p)).store(v, std::memory_order_relaxed);
}

struct RawDesc {
  uint64_t addr;
  uint32_t len;
  uint16_t flags;
  uint16_t next;
};
static_assert(sizeof(RawDesc) == kVirtqDescSize);

}  // namespace

ChainReader::ChainReader(const GuestMemory& mem, const DescriptorChain& chain)
    : mem_(mem), chain_(chain), remaining_(chain.readable_bytes) {}

size_t ChainReader::Step(void* dst, size_t len) {
  size_t done = 0;
  while (done < len && seg_ < chain_.segments.size()) {
    const DescSegment& s = chain_.segments[seg_];
    if (s.writable) break;
    const uint64_t n = std::min<uint64_t>(len - done, s.len - seg_off_);
    if (dst != nullptr) {
      // Segments were bounds-checked by Pop, so HostPtr cannot fail here.
      const uint8_t* p = mem_.HostPtr(s.addr + seg_off_, n);
      std::memcpy(static_cast<uint8_t*>(dst) + done, p, n);
    }
    done += n;
    seg_off_ += n;
    if (seg_off_ == s.len) {
      ++seg_;
      seg_off_ = 0;
    }
  }
  remaining_ -= done;
  return done;
}

size_t ChainReader::Read(void* dst, size_t len) { return Step(dst, len); }
size_t ChainReader::Skip(size_t len) { return Step(nullptr, len); }

ChainWriter::ChainWriter(GuestMemory& mem, const DescriptorChain& chain)
    : mem_(mem), chain_(chain), remaining_(chain.writable_bytes) {
  while (seg_ < chain_.segments.size() && !chain_.segments[seg_].writable) ++seg_;
}

size_t ChainWriter::Write(const void* src, size_t len) {
  size_t done = 0;
  while (done < len && seg_ < chain_.segments.size()) {
    const DescSegment& s = chain_.segments[seg_];
    const uint64_t n = std::min<uint64_t>(len - done, s.len - seg_off_);
    // Cannot fail: the segment was checked to be inside RAM.
    (void)mem_.Write(s.addr + seg_off_, static_cast<const uint8_t*>(src) + done, n);
    done += n;
    seg_off_ += n;
    if (seg_off_ == s.len) {
      ++seg_;
      seg_off_ = 0;
    }
  }
  remaining_ -= done;
  written_ += done;
  return done;
}

absl::Status Virtqueue::ValidateLayout(const GuestMemory& mem, const VirtqueueLayout& l,
                                       uint16_t max_size) {
  if (l.size == 0 || !std::has_single_bit(l.size) || l.size > max_size) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "queue size %u is not a power of two in [1, %u]", l.size, max_size));
  }
  if (l.desc % 16 != 0 || !mem.Contains(l.desc, uint64_t{kVirtqDescSize} * l.size)) {
    return absl::InvalidArgumentError(
        absl::StrFormat("descriptor table at %#x is misaligned or outside RAM", l.desc));
  }
  if (l.driver % 2 != 0 || !mem.Contains(l.driver, AvailBytes(l.size))) {
    return absl::InvalidArgumentError(
        absl::StrFormat("available ring at %#x is misaligned or outside RAM", l.driver));
  }
  if (l.device % 4 != 0 || !mem.Contains(l.device, UsedBytes(l.size))) {
    return absl::InvalidArgumentError(
        absl::StrFormat("used ring at %#x is misaligned or outside RAM", l.device));
  }
  return absl::OkStatus();
}

absl::StatusOr<Virtqueue> Virtqueue::Create(GuestMemory* mem, const VirtqueueLayout& layout,
                                            uint16_t max_size, bool event_idx, bool indirect,
                                            unsigned index) {
  absl::Status s = ValidateLayout(*mem, layout, max_size);
  if (!s.ok()) {
    return absl::InvalidArgumentError(absl::StrFormat("queue %u: %s", index, s.message()));
  }
  return Virtqueue(mem, layout, event_idx, indirect, index);
}

Virtqueue::Virtqueue(GuestMemory* mem, const VirtqueueLayout& layout, bool event_idx,
                     bool indirect, unsigned index)
    : mem_(mem),
      layout_(layout),
      size_(layout.size),
      event_idx_(event_idx),
      indirect_(indirect),
      index_(index),
      desc_(mem->HostPtr(layout.desc, uint64_t{kVirtqDescSize} * layout.size)),
      avail_(mem->HostPtr(layout.driver, AvailBytes(layout.size))),
      used_(mem->HostPtr(layout.device, UsedBytes(layout.size))) {}

uint16_t Virtqueue::LoadAvailIdx() const {
  // Acquire: the ring entries and descriptors the driver wrote before bumping
  // idx must be visible before we read them.
  return std::atomic_ref<uint16_t>(*reinterpret_cast<uint16_t*>(avail_ + 2))
      .load(std::memory_order_acquire);
}

absl::StatusOr<std::optional<DescriptorChain>> Virtqueue::Pop() {
  const uint16_t avail_idx = LoadAvailIdx();
  const uint16_t pending = static_cast<uint16_t>(avail_idx - last_avail_);
  if (pending == 0) return std::optional<DescriptorChain>();
  if (pending > size_) {
    return absl::DataLossError(absl::StrFormat(
        "queue %u: avail idx %u is %u ahead of %u, more than the queue size %u", index_,
        avail_idx, pending, last_avail_, size_));
  }
  const uint16_t head = LoadRelaxed(avail_ + 4 + 2 * (last_avail_ % size_));
  if (head >= size_) {
    return absl::DataLossError(absl::StrFormat("queue %u: avail ring entry %u names descriptor %u of %u",
                                               index_, last_avail_, head, size_));
  }
  DescriptorChain chain;
  chain.head = head;
  RETURN_IF_ERROR(WalkChain(head, &chain));
  ++last_avail_;
  if (event_idx_ && notifications_) StoreRelaxed(used_ + 4 + 8 * size_, last_avail_);
  return std::optional<DescriptorChain>(std::move(chain));
}

absl::Status Virtqueue::WalkChain(uint16_t head, DescriptorChain* chain) const {
  const uint8_t* table = desc_;
  uint32_t table_size = size_;
  bool in_indirect = false;
  uint32_t hops = 0;
  uint32_t idx = head;
  bool seen_writable = false;
  for (;;) {
    // Every descriptor of a chain, direct or in an indirect table, counts
    // towards the queue size; that bound also ends any loop.
    if (++hops > size_) {
      return absl::DataLossError(absl::StrFormat(
          "queue %u: chain at head %u is longer than the queue size %u (loop?)", index_, head, size_));
    }
    RawDesc d;
    std::memcpy(&d, table + uint64_t{kVirtqDescSize} * idx, sizeof(d));
    if (d.flags & kVirtqDescFIndirect) {
      if (!indirect_) {
        return absl::DataLossError(absl::StrFormat(
            "queue %u: indirect descriptor %u without VIRTIO_RING_F_INDIRECT_DESC", index_, idx));
      }
      if (in_indirect) {
        return absl::DataLossError(
            absl::StrFormat("queue %u: nested indirect descriptor in chain %u", index_, head));
      }
      if (d.flags & kVirtqDescFNext) {
        return absl::DataLossError(absl::StrFormat(
            "queue %u: descriptor %u has both INDIRECT and NEXT", index_, idx));
      }
      if (d.len == 0 || d.len % kVirtqDescSize != 0) {
        return absl::DataLossError(absl::StrFormat(
            "queue %u: indirect table length %u is not a non-zero multiple of 16", index_, d.len));
      }
      const uint8_t* t = mem_->HostPtr(d.addr, d.len);
      if (t == nullptr) {
        return absl::DataLossError(absl::StrFormat(
            "queue %u: indirect table [%#x, +%#x) is outside RAM", index_, d.addr, d.len));
      }
      --hops;  // the pointer itself carries no buffer
      table = t;
      table_size = d.len / kVirtqDescSize;
      in_indirect = true;
      idx = 0;
      continue;
    }
    const bool writable = (d.flags & kVirtqDescFWrite) != 0;
    if (!writable && seen_writable) {
      return absl::DataLossError(absl::StrFormat(
          "queue %u: chain %u has a readable descriptor after a writable one", index_, head));
    }
    if (!mem_->Contains(d.addr, d.len)) {
      return absl::DataLossError(absl::StrFormat(
          "queue %u: buffer [%#x, +%#x) in chain %u is outside RAM", index_, d.addr, d.len, head));
    }
    chain->segments.push_back(DescSegment{d.addr, d.len, writable});
    (writable ? chain->writable_bytes : chain->readable_bytes) += d.len;
    seen_writable |= writable;
    if (!(d.flags & kVirtqDescFNext)) return absl::OkStatus();
    if (d.next >= table_size) {
      return absl::DataLossError(absl::StrFormat(
          "queue %u: descriptor %u links to %u, past the table of %u", index_, idx, d.next, table_size));
    }
    idx = d.next;
  }
}

void Virtqueue::Push(uint16_t head, uint32_t len) {
  const uint32_t elem[2] = {head, len};
  (void)mem_->Write(layout_.device + 4 + 8 * uint64_t{static_cast<uint16_t>(used_idx_ % size_)}, elem,
                    sizeof(elem));
  ++used_idx_;
  // Release: the element must be visible before the driver sees the new idx.
  std::atomic_ref<uint16_t>(*reinterpret_cast<uint16_t*>(used_ + 2))
      .store(used_idx_, std::memory_order_release);
}

bool Virtqueue::NeedsInterrupt() {
  const uint16_t old_idx = signalled_used_;
  const uint16_t new_idx = used_idx_;
  if (old_idx == new_idx) return false;
  signalled_used_ = new_idx;
  // Our used idx store must be ordered before reading the driver's
  // suppression state, or both sides could decide the other will act.
  std::atomic_thread_fence(std::memory_order_seq_cst);
  if (event_idx_) {
    const uint16_t used_event = LoadRelaxed(avail_ + 4 + 2 * size_);
    // vring_need_event (virtio 1.x 2.7.10): did [old, new) cross used_event?
    return static_cast<uint16_t>(new_idx - used_event - 1) <
           static_cast<uint16_t>(new_idx - old_idx);
  }
  return (LoadRelaxed(avail_) & kVirtqAvailFNoInterrupt) == 0;
}

void Virtqueue::DisableNotifications() {
  notifications_ = false;
  // With EVENT_IDX, leaving avail_event behind suppresses notifications.
  if (!event_idx_) StoreRelaxed(used_, kVirtqUsedFNoNotify);
}

bool Virtqueue::EnableNotifications() {
  notifications_ = true;
  if (event_idx_) {
    StoreRelaxed(used_ + 4 + 8 * size_, last_avail_);
  } else {
    StoreRelaxed(used_, 0);
  }
  // Store (enable) then load (avail idx): needs a full fence so a buffer added
  // just before the driver saw our flag is not missed.
  std::atomic_thread_fence(std::memory_order_seq_cst);
  return LoadAvailIdx() != last_avail_;
}

}  // namespace vmd
