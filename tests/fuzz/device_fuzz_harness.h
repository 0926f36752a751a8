// Shared driver for the per-device libFuzzer targets: turns fuzz input into
// descriptor chains on a real split ring in a small guest memory, then runs
// the device's request parser synchronously on them.
#ifndef VMD_TESTS_FUZZ_DEVICE_FUZZ_HARNESS_H_
#define VMD_TESTS_FUZZ_DEVICE_FUZZ_HARNESS_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>

#include "engine/memory/guest_memory.h"
#include "engine/virtio/virtio_device.h"
#include "engine/virtio/virtqueue.h"
#include "tests/engine/virtio/virtio_test_util.h"

namespace vmd::fuzz {

inline constexpr uint64_t kMemSize = 64 * 1024;
inline constexpr uint64_t kData = testing::kRamBase + 0x8000;  // 32 KiB data area
inline constexpr uint16_t kQueueSize = 16;

// Input layout: byte 0 picks the queue (mod num_queues) and feature bits;
// then up to 8 chains, each a count byte and per buffer 5 bytes (u16 offset
// into the data area, u16 length, u8 flags: bit0 writable, bit1 use an
// indirect table); the rest fills the data area.
inline void RunDeviceInput(VirtioDevice& device, uint64_t features, const uint8_t* data, size_t size) {
  static std::unique_ptr<GuestMemory> mem =
      std::move(GuestMemory::Create(testing::kRamBase, kMemSize)).value();
  std::memset(mem->host_base(), 0, kMemSize);
  testing::FakeDeviceHost host;
  device.Attach(&host, mem.get());
  if (size < 1) return;
  const size_t queue = data[0] % device.num_queues();
  const bool indirect_ok = data[0] & 0x80;
  const bool event_idx = data[0] & 0x40;
  ++data;
  --size;
  testing::DriverRing ring(mem.get(), testing::kRamBase, kQueueSize);
  uint64_t next_table = testing::kRamBase + 0x1000;
  for (int c = 0; c < 8 && size >= 1; ++c) {
    const size_t count = 1 + data[0] % 4;
    ++data;
    --size;
    std::vector<testing::Buf> bufs;
    bool indirect = false;
    for (size_t i = 0; i < count && size >= 5; ++i) {
      uint16_t off, len;
      std::memcpy(&off, data, 2);
      std::memcpy(&len, data + 2, 2);
      bufs.push_back({kData + off % 0x8000, static_cast<uint32_t>(len % 0x1000), (data[4] & 1) != 0});
      indirect |= (data[4] & 2) != 0;
      data += 5;
      size -= 5;
    }
    if (bufs.empty()) break;
    if (indirect && next_table + 16 * bufs.size() <= testing::kRamBase + 0x8000) {
      ring.WriteIndirectTable(next_table, bufs);
      const uint16_t head = ring.AddChain({{next_table, static_cast<uint32_t>(16 * bufs.size()), false}});
      ring.SetDesc(head, next_table, static_cast<uint32_t>(16 * bufs.size()), kVirtqDescFIndirect, 0);
      ring.Publish(head);
      next_table += 16 * bufs.size();
    } else {
      ring.Add(bufs);
    }
  }
  std::memcpy(mem->HostPtr(kData, 0), data, std::min<size_t>(size, 0x8000));
  auto vq = Virtqueue::Create(mem.get(), ring.layout(), kQueueSize, event_idx, indirect_ok);
  if (!vq.ok()) __builtin_trap();  // the harness built a valid layout
  // Errors are the guest's fault and fine; crashes and sanitizer reports are not.
  (void)device.ProcessQueueSync(features | (indirect_ok ? kVirtioFRingIndirectDesc : 0), queue, *vq);
  (void)vq->NeedsInterrupt();
}

}  // namespace vmd::fuzz

#endif  // VMD_TESTS_FUZZ_DEVICE_FUZZ_HARNESS_H_
