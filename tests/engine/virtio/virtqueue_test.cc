// Split virtqueue against hand-built rings: every validation rule from the
// virtio 1.x spec (2.7) and STYLE.md, indirect chains, notification
// suppression both ways and 16-bit index wrap-around.
#include "engine/virtio/virtqueue.h"

#include <memory>

#include "gtest/gtest.h"
#include "tests/engine/virtio/virtio_test_util.h"

namespace vmd {
namespace {

using testing::Buf;
using testing::DriverRing;
using testing::kRamBase;

constexpr uint64_t kRamSize = 1 << 20;
constexpr uint64_t kData = kRamBase + 0x80000;

class VirtqueueTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto mem = GuestMemory::Create(kRamBase, kRamSize);
    ASSERT_TRUE(mem.ok());
    mem_ = std::move(mem).value();
  }
  Virtqueue MakeQueue(DriverRing& ring, bool event_idx = false, bool indirect = false) {
    auto q = Virtqueue::Create(mem_.get(), ring.layout(), 256, event_idx, indirect);
    EXPECT_TRUE(q.ok()) << q.status();
    return std::move(q).value();
  }
  // Pops and expects a guest-protocol error.
  void ExpectViolation(Virtqueue& q) {
    auto r = q.Pop();
    EXPECT_FALSE(r.ok());
  }
  std::unique_ptr<GuestMemory> mem_;
};

TEST_F(VirtqueueTest, EmptyRingPopsNothing) {
  DriverRing ring(mem_.get(), kRamBase, 8);
  Virtqueue q = MakeQueue(ring);
  auto r = q.Pop();
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value());
}

TEST_F(VirtqueueTest, PopsChainReadableThenWritableAndPushPublishesUsed) {
  DriverRing ring(mem_.get(), kRamBase, 8);
  Virtqueue q = MakeQueue(ring);
  const uint16_t head = ring.Add({{kData, 16, false}, {kData + 100, 8, false}, {kData + 200, 32, true}});
  auto r = q.Pop();
  ASSERT_TRUE(r.ok() && r->has_value());
  const DescriptorChain& c = **r;
  EXPECT_EQ(c.head, head);
  ASSERT_EQ(c.segments.size(), 3u);
  EXPECT_EQ(c.segments[1].addr, kData + 100);
  EXPECT_TRUE(c.segments[2].writable);
  EXPECT_EQ(c.readable_bytes, 24u);
  EXPECT_EQ(c.writable_bytes, 32u);
  q.Push(c.head, 5);
  EXPECT_EQ(ring.used_idx(), 1);
  EXPECT_EQ(ring.used(0), std::make_pair(uint32_t{head}, uint32_t{5}));
}

TEST_F(VirtqueueTest, ChainReaderAndWriterCrossSegments) {
  DriverRing ring(mem_.get(), kRamBase, 8);
  Virtqueue q = MakeQueue(ring);
  const char msg[] = "abcdefgh";
  ASSERT_TRUE(mem_->Write(kData, msg, 3).ok());
  ASSERT_TRUE(mem_->Write(kData + 64, msg + 3, 5).ok());
  ring.Add({{kData, 3, false}, {kData + 64, 5, false}, {kData + 128, 2, true}, {kData + 192, 4, true}});
  auto r = q.Pop();
  ASSERT_TRUE(r.ok() && r->has_value());
  ChainReader reader(*mem_, **r);
  char got[9] = {};
  EXPECT_EQ(reader.Read(got, 100), 8u);
  EXPECT_STREQ(got, "abcdefgh");
  ChainWriter writer(*mem_, **r);
  EXPECT_EQ(writer.Write("123456", 6), 6u);
  EXPECT_EQ(writer.Write("7", 1), 0u);  // writable space exhausted
  char out[4] = {};
  ASSERT_TRUE(mem_->Read(kData + 128, out, 2).ok());
  EXPECT_EQ(std::string(out, 2), "12");
  ASSERT_TRUE(mem_->Read(kData + 192, out, 4).ok());
  EXPECT_EQ(std::string(out, 4), "3456");
}

TEST_F(VirtqueueTest, LayoutValidation) {
  const GuestMemory& m = *mem_;
  VirtqueueLayout ok{8, kRamBase, kRamBase + 0x1000, kRamBase + 0x2000};
  EXPECT_TRUE(Virtqueue::ValidateLayout(m, ok, 256).ok());
  auto with = [&](auto f) {
    VirtqueueLayout l = ok;
    f(l);
    return Virtqueue::ValidateLayout(m, l, 256).ok();
  };
  EXPECT_FALSE(with([](VirtqueueLayout& l) { l.size = 0; }));
  EXPECT_FALSE(with([](VirtqueueLayout& l) { l.size = 12; }));   // not a power of two
  EXPECT_FALSE(with([](VirtqueueLayout& l) { l.size = 512; }));  // above QueueNumMax
  EXPECT_FALSE(with([](VirtqueueLayout& l) { l.desc += 8; }));   // 16-byte alignment
  EXPECT_FALSE(with([](VirtqueueLayout& l) { l.driver += 1; }));  // 2-byte alignment
  EXPECT_FALSE(with([](VirtqueueLayout& l) { l.device += 2; }));  // 4-byte alignment
  EXPECT_FALSE(with([](VirtqueueLayout& l) { l.desc = kRamBase - 0x1000; }));
  // The used ring's last bytes would fall past the end of RAM.
  EXPECT_FALSE(with([](VirtqueueLayout& l) { l.device = kRamBase + kRamSize - 8; }));
  EXPECT_FALSE(with([](VirtqueueLayout& l) { l.driver = ~uint64_t{0} - 1; }));  // overflow
}

TEST_F(VirtqueueTest, AvailIndexJumpBeyondQueueSizeIsRejected) {
  DriverRing ring(mem_.get(), kRamBase, 8);
  Virtqueue q = MakeQueue(ring);
  ring.SetAvailIdx(9);
  ExpectViolation(q);
}

TEST_F(VirtqueueTest, AvailIndexJumpOfExactlyQueueSizeIsAccepted) {
  DriverRing ring(mem_.get(), kRamBase, 4);
  Virtqueue q = MakeQueue(ring);
  for (uint16_t i = 0; i < 4; ++i) {
    ring.SetDesc(i, kData + 16 * i, 16, kVirtqDescFWrite, 0);
    ring.SetAvailRing(i, i);
  }
  ring.SetAvailIdx(4);
  for (int i = 0; i < 4; ++i) {
    auto r = q.Pop();
    ASSERT_TRUE(r.ok() && r->has_value()) << i;
  }
}

TEST_F(VirtqueueTest, HeadIndexOutsideTableIsRejected) {
  DriverRing ring(mem_.get(), kRamBase, 8);
  Virtqueue q = MakeQueue(ring);
  ring.Publish(8);
  ExpectViolation(q);
}

TEST_F(VirtqueueTest, NextIndexOutsideTableIsRejected) {
  DriverRing ring(mem_.get(), kRamBase, 8);
  Virtqueue q = MakeQueue(ring);
  ring.SetDesc(0, kData, 16, kVirtqDescFNext, 8);
  ring.Publish(0);
  ExpectViolation(q);
}

TEST_F(VirtqueueTest, DescriptorLoopIsRejected) {
  DriverRing ring(mem_.get(), kRamBase, 8);
  Virtqueue q = MakeQueue(ring);
  ring.SetDesc(0, kData, 16, kVirtqDescFNext, 1);
  ring.SetDesc(1, kData, 16, kVirtqDescFNext, 0);
  ring.Publish(0);
  ExpectViolation(q);
}

TEST_F(VirtqueueTest, ChainAsLongAsTheQueueIsAccepted) {
  DriverRing ring(mem_.get(), kRamBase, 8);
  Virtqueue q = MakeQueue(ring);
  std::vector<Buf> bufs;
  for (int i = 0; i < 8; ++i) bufs.push_back({kData + 16 * i, 16, false});
  ring.Add(bufs);
  auto r = q.Pop();
  ASSERT_TRUE(r.ok() && r->has_value());
  EXPECT_EQ((*r)->segments.size(), 8u);
}

TEST_F(VirtqueueTest, BufferOutsideRamIsRejected) {
  DriverRing ring(mem_.get(), kRamBase, 8);
  Virtqueue q = MakeQueue(ring);
  ring.Add({{kRamBase + kRamSize - 8, 16, true}});  // straddles the end of RAM
  ExpectViolation(q);
}

TEST_F(VirtqueueTest, BufferBelowRamIsRejected) {
  DriverRing ring(mem_.get(), kRamBase, 8);
  Virtqueue q = MakeQueue(ring);
  ring.Add({{0x1000, 16, false}});
  ExpectViolation(q);
}

TEST_F(VirtqueueTest, ReadableAfterWritableIsRejected) {
  DriverRing ring(mem_.get(), kRamBase, 8);
  Virtqueue q = MakeQueue(ring);
  ring.Add({{kData, 16, true}, {kData + 16, 16, false}});
  ExpectViolation(q);
}

TEST_F(VirtqueueTest, ZeroLengthWritableStillOrdersDirections) {
  DriverRing ring(mem_.get(), kRamBase, 8);
  Virtqueue q = MakeQueue(ring);
  ring.Add({{kData, 0, true}, {kData + 16, 16, false}});
  ExpectViolation(q);
}

TEST_F(VirtqueueTest, IndirectTableIsFollowed) {
  DriverRing ring(mem_.get(), kRamBase, 8);
  Virtqueue q = MakeQueue(ring, false, /*indirect=*/true);
  const uint64_t table = kData + 0x1000;
  ring.WriteIndirectTable(table, {{kData, 16, false}, {kData + 32, 100, true}, {kData + 256, 1, true}});
  ring.SetDesc(3, table, 48, kVirtqDescFIndirect, 0);
  ring.Publish(3);
  auto r = q.Pop();
  ASSERT_TRUE(r.ok() && r->has_value()) << r.status();
  EXPECT_EQ((*r)->head, 3);
  ASSERT_EQ((*r)->segments.size(), 3u);
  EXPECT_EQ((*r)->readable_bytes, 16u);
  EXPECT_EQ((*r)->writable_bytes, 101u);
}

TEST_F(VirtqueueTest, DirectDescriptorsMayPrecedeAnIndirectTable) {
  DriverRing ring(mem_.get(), kRamBase, 8);
  Virtqueue q = MakeQueue(ring, false, true);
  const uint64_t table = kData + 0x1000;
  ring.WriteIndirectTable(table, {{kData + 32, 8, true}});
  ring.SetDesc(0, kData, 16, kVirtqDescFNext, 1);
  ring.SetDesc(1, table, 16, kVirtqDescFIndirect, 0);
  ring.Publish(0);
  auto r = q.Pop();
  ASSERT_TRUE(r.ok() && r->has_value());
  EXPECT_EQ((*r)->segments.size(), 2u);
}

TEST_F(VirtqueueTest, IndirectWithoutNegotiatedFeatureIsRejected) {
  DriverRing ring(mem_.get(), kRamBase, 8);
  Virtqueue q = MakeQueue(ring, false, /*indirect=*/false);
  ring.WriteIndirectTable(kData + 0x1000, {{kData, 16, false}});
  ring.SetDesc(0, kData + 0x1000, 16, kVirtqDescFIndirect, 0);
  ring.Publish(0);
  ExpectViolation(q);
}

TEST_F(VirtqueueTest, IndirectTableRules) {
  struct Case {
    const char* what;
    uint64_t addr;
    uint32_t len;
    uint16_t flags;
  };
  const Case cases[] = {
      {"length not a multiple of 16", kData + 0x1000, 24, kVirtqDescFIndirect},
      {"zero length", kData + 0x1000, 0, kVirtqDescFIndirect},
      {"outside RAM", kRamBase + kRamSize - 16, 32, kVirtqDescFIndirect},
      {"INDIRECT with NEXT", kData + 0x1000, 16, kVirtqDescFIndirect | kVirtqDescFNext},
  };
  for (const Case& c : cases) {
    DriverRing ring(mem_.get(), kRamBase, 8);
    Virtqueue q = MakeQueue(ring, false, true);
    ring.WriteIndirectTable(kData + 0x1000, {{kData, 16, false}, {kData, 16, false}});
    ring.SetDesc(0, c.addr, c.len, c.flags, 1);
    ring.SetDesc(1, kData, 16, 0, 0);
    ring.Publish(0);
    EXPECT_FALSE(q.Pop().ok()) << c.what;
  }
}

TEST_F(VirtqueueTest, NestedIndirectIsRejected) {
  DriverRing ring(mem_.get(), kRamBase, 8);
  Virtqueue q = MakeQueue(ring, false, true);
  const uint64_t outer = kData + 0x1000;
  const uint64_t inner = kData + 0x2000;
  ring.WriteIndirectTable(inner, {{kData, 16, false}});
  ring.WriteIndirectTable(outer, {{inner, 16, false}});
  // Mark the outer table's only entry as indirect.
  const uint16_t flags = kVirtqDescFIndirect;
  ASSERT_TRUE(mem_->Write(outer + 12, &flags, 2).ok());
  ring.SetDesc(0, outer, 16, kVirtqDescFIndirect, 0);
  ring.Publish(0);
  ExpectViolation(q);
}

TEST_F(VirtqueueTest, IndirectNextOutsideTableIsRejected) {
  DriverRing ring(mem_.get(), kRamBase, 8);
  Virtqueue q = MakeQueue(ring, false, true);
  const uint64_t table = kData + 0x1000;
  ring.WriteIndirectTable(table, {{kData, 16, false}, {kData, 16, false}});
  const uint16_t next = 2;  // the table has two entries
  ASSERT_TRUE(mem_->Write(table + 16 + 14, &next, 2).ok());
  const uint16_t flags = kVirtqDescFNext;
  ASSERT_TRUE(mem_->Write(table + 16 + 12, &flags, 2).ok());
  ring.SetDesc(0, table, 32, kVirtqDescFIndirect, 0);
  ring.Publish(0);
  ExpectViolation(q);
}

TEST_F(VirtqueueTest, IndirectLoopIsRejected) {
  DriverRing ring(mem_.get(), kRamBase, 8);
  Virtqueue q = MakeQueue(ring, false, true);
  const uint64_t table = kData + 0x1000;
  ring.WriteIndirectTable(table, {{kData, 16, false}, {kData, 16, false}});
  const uint16_t back = 0;  // entry 1 links back to entry 0
  const uint16_t flags = kVirtqDescFNext;
  ASSERT_TRUE(mem_->Write(table + 16 + 14, &back, 2).ok());
  ASSERT_TRUE(mem_->Write(table + 16 + 12, &flags, 2).ok());
  ring.SetDesc(0, table, 32, kVirtqDescFIndirect, 0);
  ring.Publish(0);
  ExpectViolation(q);
}

TEST_F(VirtqueueTest, IndirectTableLongerThanQueueIsRejected) {
  DriverRing ring(mem_.get(), kRamBase, 4);
  Virtqueue q = MakeQueue(ring, false, true);
  std::vector<Buf> bufs(5, Buf{kData, 16, false});
  ring.WriteIndirectTable(kData + 0x1000, bufs);
  ring.SetDesc(0, kData + 0x1000, 16 * 5, kVirtqDescFIndirect, 0);
  ring.Publish(0);
  ExpectViolation(q);
}

TEST_F(VirtqueueTest, NoInterruptFlagSuppressesInterrupts) {
  DriverRing ring(mem_.get(), kRamBase, 8);
  Virtqueue q = MakeQueue(ring);
  EXPECT_FALSE(q.NeedsInterrupt());  // nothing pushed yet
  ring.Add({{kData, 16, true}});
  ring.Add({{kData, 16, true}});
  auto a = q.Pop();
  q.Push((*a)->head, 0);
  EXPECT_TRUE(q.NeedsInterrupt());
  ring.SetAvailFlags(kVirtqAvailFNoInterrupt);
  auto b = q.Pop();
  q.Push((*b)->head, 0);
  EXPECT_FALSE(q.NeedsInterrupt());
}

TEST_F(VirtqueueTest, UsedEventSuppressesInterruptsUntilCrossed) {
  DriverRing ring(mem_.get(), kRamBase, 8);
  Virtqueue q = MakeQueue(ring, /*event_idx=*/true);
  for (int i = 0; i < 4; ++i) ring.Add({{kData, 16, true}});
  // The driver wants an interrupt once the used index passes 2 (i.e. when
  // entry 2 is used: new idx 3).
  ring.SetUsedEvent(2);
  std::vector<bool> wanted;
  for (int i = 0; i < 4; ++i) {
    auto c = q.Pop();
    q.Push((*c)->head, 0);
    wanted.push_back(q.NeedsInterrupt());
  }
  EXPECT_EQ(wanted, (std::vector<bool>{false, false, true, false}));
}

TEST_F(VirtqueueTest, UsedEventCrossedInsideABatchInterruptsOnce) {
  DriverRing ring(mem_.get(), kRamBase, 8);
  Virtqueue q = MakeQueue(ring, true);
  for (int i = 0; i < 3; ++i) ring.Add({{kData, 16, true}});
  ring.SetUsedEvent(0);
  for (int i = 0; i < 3; ++i) {
    auto c = q.Pop();
    q.Push((*c)->head, 0);
  }
  EXPECT_TRUE(q.NeedsInterrupt());
  EXPECT_FALSE(q.NeedsInterrupt());
}

TEST_F(VirtqueueTest, DeviceSuppressesNotificationsWithUsedFlags) {
  DriverRing ring(mem_.get(), kRamBase, 8);
  Virtqueue q = MakeQueue(ring);
  q.DisableNotifications();
  EXPECT_EQ(ring.used_flags(), kVirtqUsedFNoNotify);
  EXPECT_FALSE(q.EnableNotifications());
  EXPECT_EQ(ring.used_flags(), 0);
  ring.Add({{kData, 16, true}});
  q.DisableNotifications();
  // A buffer that arrived while suppressed is reported on re-enable.
  EXPECT_TRUE(q.EnableNotifications());
}

TEST_F(VirtqueueTest, DeviceRequestsNotificationsWithAvailEvent) {
  DriverRing ring(mem_.get(), kRamBase, 8);
  Virtqueue q = MakeQueue(ring, /*event_idx=*/true);
  ring.Add({{kData, 16, true}});
  ring.Add({{kData, 16, true}});
  q.DisableNotifications();
  ASSERT_TRUE(q.Pop().ok());
  EXPECT_EQ(ring.avail_event(), 0);  // left behind while suppressed
  EXPECT_TRUE(q.EnableNotifications());  // entry 1 is still pending
  EXPECT_EQ(ring.avail_event(), 1);
  ASSERT_TRUE(q.Pop().ok());
  EXPECT_EQ(ring.avail_event(), 2);  // notify me on the very next buffer
  EXPECT_FALSE(q.EnableNotifications());
}

TEST_F(VirtqueueTest, IndicesWrapAroundSixteenBits) {
  DriverRing ring(mem_.get(), kRamBase, 4);
  Virtqueue q = MakeQueue(ring, true);
  // 70000 requests move both 16-bit indices past 65535 and back around.
  for (uint32_t i = 0; i < 70000; ++i) {
    const uint16_t head = ring.Add({{kData + 16 * (i % 4), 16, true}});
    ring.SetUsedEvent(static_cast<uint16_t>(i));
    auto c = q.Pop();
    ASSERT_TRUE(c.ok() && c->has_value()) << i;
    ASSERT_EQ((*c)->head, head);
    q.Push(head, i);
    ASSERT_TRUE(q.NeedsInterrupt()) << i;
    ASSERT_EQ(ring.used_idx(), static_cast<uint16_t>(i + 1));
    ASSERT_EQ(ring.used(static_cast<uint16_t>(i)).second, i);
  }
  EXPECT_EQ(q.last_avail(), static_cast<uint16_t>(70000));
}

}  // namespace
}  // namespace vmd
