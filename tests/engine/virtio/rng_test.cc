// virtio-rng: buffers come back filled with entropy, their whole length.
#include "engine/virtio/rng.h"

#include <vector>

#include "gtest/gtest.h"
#include "tests/engine/virtio/mmio_driver.h"

namespace vmd {
namespace {

using testing::kBufBase;
using testing::MmioDriver;

TEST(VirtioRngTest, FillsEveryWritableByte) {
  MmioDriver d(std::make_unique<VirtioRng>());
  ASSERT_TRUE(d.Init(0, 1));
  // Two segments; 4 KiB of zeros cannot stay zero by chance.
  d.ring(0).Add({{kBufBase, 4096, true}, {kBufBase + 8192, 100, true}});
  d.Notify(0);
  ASSERT_TRUE(d.WaitUsed(0, 1));
  EXPECT_EQ(d.ring(0).used(0).second, 4196u);
  std::vector<uint8_t> a(4096), b(4096);
  ASSERT_TRUE(d.mem().Read(kBufBase, a.data(), a.size()).ok());
  int zeros = 0;
  for (uint8_t x : a) zeros += x == 0;
  EXPECT_LT(zeros, 100);  // expected about 16 for random bytes
  // Bytes past the buffer are untouched.
  uint8_t after = 0xff;
  ASSERT_TRUE(d.mem().Read(kBufBase + 4096, &after, 1).ok());
  EXPECT_EQ(after, 0);
  // A second request gets different bytes.
  d.ring(0).Add({{kBufBase + 16384, 4096, true}});
  d.Notify(0);
  ASSERT_TRUE(d.WaitUsed(0, 2));
  ASSERT_TRUE(d.mem().Read(kBufBase + 16384, b.data(), b.size()).ok());
  EXPECT_NE(a, b);
}

TEST(VirtioRngTest, ReadableBufferBreaksDevice) {
  MmioDriver d(std::make_unique<VirtioRng>());
  ASSERT_TRUE(d.Init(0, 1));
  d.ring(0).Add({{kBufBase, 16, false}});
  d.Notify(0);
  EXPECT_TRUE(testing::WaitFor([&] { return (d.status() & kStatusNeedsReset) != 0; }));
  EXPECT_EQ(d.ring(0).used_idx(), 0);
}

TEST(VirtioRngTest, IndirectAndEventIdxNegotiated) {
  MmioDriver d(std::make_unique<VirtioRng>());
  ASSERT_TRUE(d.Init(kVirtioFRingIndirectDesc | kVirtioFRingEventIdx, 1));
  auto& ring = d.ring(0);
  ring.WriteIndirectTable(kBufBase + 0x10000, {{kBufBase, 32, true}, {kBufBase + 64, 32, true}});
  ring.SetDesc(0, kBufBase + 0x10000, 32, kVirtqDescFIndirect, 0);
  ring.SetUsedEvent(0);
  ring.Publish(0);
  d.Notify(0);
  ASSERT_TRUE(d.WaitUsed(0, 1));
  EXPECT_EQ(ring.used(0).second, 64u);
  EXPECT_TRUE(testing::WaitFor([&] { return d.irq().level(testing::kTestIntid); }));
  EXPECT_EQ(ring.avail_event(), 1);  // the device asks to hear about the next buffer
}

}  // namespace
}  // namespace vmd
