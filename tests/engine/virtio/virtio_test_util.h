// Test doubles for virtio tests and fuzz targets: a driver-side view of a
// split ring laid out in a GuestMemory, a recording interrupt sink and a
// recording VirtioDeviceHost.
#ifndef VMD_TESTS_ENGINE_VIRTIO_VIRTIO_TEST_UTIL_H_
#define VMD_TESTS_ENGINE_VIRTIO_VIRTIO_TEST_UTIL_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "engine/bus/irq.h"
#include "engine/memory/guest_memory.h"
#include "engine/virtio/virtio_device.h"
#include "engine/virtio/virtqueue.h"

namespace vmd::testing {

inline constexpr uint64_t kRamBase = 0x4000'0000;

struct Buf {
  uint64_t addr;
  uint32_t len;
  bool writable;
};

// The driver's side of one split virtqueue: descriptor table at `base`, the
// available ring right after it, the used ring 4-byte aligned after that.
class DriverRing {
 public:
  DriverRing(GuestMemory* mem, uint64_t base, uint16_t size) : mem_(mem), size_(size) {
    layout_.size = size;
    layout_.desc = base;
    layout_.driver = base + 16ull * size;
    layout_.device = (layout_.driver + 6 + 2ull * size + 3) & ~uint64_t{3};
    std::memset(mem->HostPtr(base, layout_.device + 6 + 8ull * size - base), 0,
                layout_.device + 6 + 8ull * size - base);
  }
  const VirtqueueLayout& layout() const { return layout_; }
  uint16_t size() const { return size_; }

  void SetDesc(uint16_t i, uint64_t addr, uint32_t len, uint16_t flags, uint16_t next) {
    uint8_t* d = mem_->HostPtr(layout_.desc + 16ull * i, 16);
    std::memcpy(d, &addr, 8);
    std::memcpy(d + 8, &len, 4);
    std::memcpy(d + 12, &flags, 2);
    std::memcpy(d + 14, &next, 2);
  }
  // Writes an indirect table at `table` holding `bufs` chained in order.
  void WriteIndirectTable(uint64_t table, const std::vector<Buf>& bufs) {
    for (size_t i = 0; i < bufs.size(); ++i) {
      uint8_t* d = mem_->HostPtr(table + 16 * i, 16);
      const uint16_t flags = static_cast<uint16_t>((bufs[i].writable ? kVirtqDescFWrite : 0) |
                                                   (i + 1 < bufs.size() ? kVirtqDescFNext : 0));
      const uint16_t next = static_cast<uint16_t>(i + 1);
      std::memcpy(d, &bufs[i].addr, 8);
      std::memcpy(d + 8, &bufs[i].len, 4);
      std::memcpy(d + 12, &flags, 2);
      std::memcpy(d + 14, &next, 2);
    }
  }
  // Places `bufs` in consecutive free descriptors (wrapping); returns the head.
  uint16_t AddChain(const std::vector<Buf>& bufs) {
    const uint16_t head = next_free_;
    for (size_t i = 0; i < bufs.size(); ++i) {
      const uint16_t idx = next_free_;
      next_free_ = static_cast<uint16_t>((next_free_ + 1) % size_);
      const bool more = i + 1 < bufs.size();
      SetDesc(idx, bufs[i].addr, bufs[i].len,
              static_cast<uint16_t>((bufs[i].writable ? kVirtqDescFWrite : 0) |
                                    (more ? kVirtqDescFNext : 0)),
              more ? next_free_ : 0);
    }
    return head;
  }
  // Puts `head` in the available ring and bumps avail idx (release).
  void Publish(uint16_t head) {
    Store16(layout_.driver + 4 + 2ull * (avail_idx_ % size_), head);
    ++avail_idx_;
    std::atomic_ref<uint16_t>(*Ptr16(layout_.driver + 2)).store(avail_idx_, std::memory_order_release);
  }
  uint16_t Add(const std::vector<Buf>& bufs) {
    const uint16_t head = AddChain(bufs);
    Publish(head);
    return head;
  }
  void SetAvailIdx(uint16_t idx) {
    avail_idx_ = idx;
    Store16(layout_.driver + 2, idx);
  }
  void SetAvailRing(uint16_t slot, uint16_t head) { Store16(layout_.driver + 4 + 2ull * slot, head); }
  void SetAvailFlags(uint16_t flags) { Store16(layout_.driver, flags); }
  void SetUsedEvent(uint16_t v) { Store16(layout_.driver + 4 + 2ull * size_, v); }

  uint16_t used_idx() const {
    return std::atomic_ref<uint16_t>(*Ptr16(layout_.device + 2)).load(std::memory_order_acquire);
  }
  uint16_t used_flags() const { return Load16(layout_.device); }
  uint16_t avail_event() const { return Load16(layout_.device + 4 + 8ull * size_); }
  // The used element at ring position `i` (mod size): {id, len}.
  std::pair<uint32_t, uint32_t> used(uint16_t i) const {
    uint32_t e[2];
    std::memcpy(e, mem_->HostPtr(layout_.device + 4 + 8ull * (i % size_), 8), 8);
    return {e[0], e[1]};
  }
  uint16_t avail_idx() const { return avail_idx_; }

 private:
  uint16_t* Ptr16(uint64_t ipa) const { return reinterpret_cast<uint16_t*>(mem_->HostPtr(ipa, 2)); }
  uint16_t Load16(uint64_t ipa) const {
    return std::atomic_ref<uint16_t>(*Ptr16(ipa)).load(std::memory_order_acquire);
  }
  void Store16(uint64_t ipa, uint16_t v) {
    std::atomic_ref<uint16_t>(*Ptr16(ipa)).store(v, std::memory_order_release);
  }

  GuestMemory* mem_;
  uint16_t size_;
  VirtqueueLayout layout_;
  uint16_t next_free_ = 0;
  uint16_t avail_idx_ = 0;
};

// Records the level of every SPI.
class FakeInterruptSink : public InterruptSink {
 public:
  void SetSpiLevel(uint32_t intid, bool level) override {
    std::lock_guard<std::mutex> lock(mu_);
    levels_[intid] = level;
    if (level) ++raises_[intid];
  }
  bool level(uint32_t intid) {
    std::lock_guard<std::mutex> lock(mu_);
    return levels_[intid];
  }
  int raises(uint32_t intid) {
    std::lock_guard<std::mutex> lock(mu_);
    return raises_[intid];
  }

 private:
  std::mutex mu_;
  std::map<uint32_t, bool> levels_;
  std::map<uint32_t, int> raises_;
};

// Records what a device asks of its transport.
class FakeDeviceHost : public VirtioDeviceHost {
 public:
  void SignalUsed() override { ++used_signals; }
  void SignalConfigChange() override { ++config_changes; }
  void MarkBroken(std::string_view why) override {
    std::lock_guard<std::mutex> lock(mu);
    broken_reason = std::string(why);
    broken = true;
  }
  std::string reason() {
    std::lock_guard<std::mutex> lock(mu);
    return broken_reason;
  }
  std::atomic<int> used_signals{0};
  std::atomic<int> config_changes{0};
  std::atomic<bool> broken{false};
  std::mutex mu;
  std::string broken_reason;
};

// Waits (bounded, for correctness not speed) until `pred` holds.
inline bool WaitFor(const std::function<bool()>& pred,
                    std::chrono::milliseconds limit = std::chrono::seconds(10)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!pred()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

}  // namespace vmd::testing

#endif  // VMD_TESTS_ENGINE_VIRTIO_VIRTIO_TEST_UTIL_H_
