// libFuzzer target: random ring contents in a small guest memory. The
// virtqueue must reject or accept every chain without reading or writing
// outside guest RAM, and never loop forever.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>

#include "engine/memory/guest_memory.h"
#include "engine/virtio/virtqueue.h"

namespace {
constexpr uint64_t kBase = 0x4000'0000;
constexpr uint64_t kSize = 64 * 1024;
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::unique_ptr<vmd::GuestMemory> mem =
      std::move(vmd::GuestMemory::Create(kBase, kSize)).value();
  if (size < 8) return 0;
  // Header: queue size exponent, flags, and where the three rings sit.
  vmd::VirtqueueLayout layout;
  layout.size = static_cast<uint16_t>(1u << (data[0] % 9));
  const uint8_t flags = data[1];
  const bool event_idx = data[1] & 1;
  const bool indirect = data[1] & 2;
  uint16_t a, b;
  std::memcpy(&a, data + 2, 2);
  std::memcpy(&b, data + 4, 2);
  layout.desc = kBase + (uint64_t{data[6]} << 8);
  layout.driver = kBase + a;
  layout.device = kBase + b;
  data += 8;
  size -= 8;
  std::memset(mem->host_base(), 0, kSize);
  std::memcpy(mem->host_base(), data, std::min<size_t>(size, kSize));
  auto q = vmd::Virtqueue::Create(mem.get(), layout, 256, event_idx, indirect);
  if (!q.ok()) return 0;
  // Steer most buffer addresses into (or just around) guest RAM so the
  // fuzzer spends its time past the bounds checks; addresses with the top
  // bit set stay raw to keep testing those checks.
  auto fold = [&](uint64_t table, uint64_t entries) {
    for (uint64_t i = 0; i < entries; ++i) {
      uint8_t* d = mem->HostPtr(table + 16 * i, 8);
      if (d == nullptr) return;
      uint64_t addr;
      std::memcpy(&addr, d, 8);
      if (addr >> 63) continue;
      addr = kBase + addr % (kSize + 64) - 32 * (addr & 1);
      std::memcpy(d, &addr, 8);
    }
  };
  fold(layout.desc, layout.size);
  if (flags & 4) fold(kBase + 0xc000, 256);  // a likely spot for indirect tables
  for (int i = 0; i < 64; ++i) {
    if (i % 7 == 3) q->DisableNotifications();
    if (i % 7 == 5) (void)q->EnableNotifications();
    auto chain = q->Pop();
    if (!chain.ok() || !chain->has_value()) break;
    // Touch every byte the chain claims, both ways.
    uint8_t buf[512];
    vmd::ChainReader reader(*mem, **chain);
    while (reader.Read(buf, sizeof(buf)) > 0) {
    }
    vmd::ChainWriter writer(*mem, **chain);
    std::memset(buf, 0xa5, sizeof(buf));
    while (writer.Write(buf, sizeof(buf)) > 0) {
    }
    q->Push((*chain)->head, static_cast<uint32_t>(writer.written()));
    (void)q->NeedsInterrupt();
  }
  return 0;
}
