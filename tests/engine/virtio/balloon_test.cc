// virtio-balloon: the target in config with a config-change interrupt,
// inflate releasing pages (they read back as zero), deflate, bad frame
// numbers and the statistics queue protocol (virtio 1.x 5.5).
#include "engine/virtio/balloon.h"

#include <vector>

#include "gtest/gtest.h"
#include "tests/engine/virtio/mmio_driver.h"

namespace vmd {
namespace {

using testing::kBufBase;
using testing::kRamBase;
using testing::MmioDriver;

constexpr uint64_t kPfnList = kBufBase;
// Victim pages: a whole 16 KiB host page (4 frames) and one lone frame.
constexpr uint64_t kVictim = kRamBase + 0x200000;

class VirtioBalloonTest : public ::testing::Test {
 protected:
  VirtioBalloonTest() {
    auto dev = std::make_unique<VirtioBalloon>();
    balloon_ = dev.get();
    d_ = std::make_unique<MmioDriver>(std::move(dev));
  }
  void Fill(uint64_t addr, size_t len, uint8_t v) {
    std::vector<uint8_t> b(len, v);
    ASSERT_TRUE(d_->mem().Write(addr, b.data(), len).ok());
  }
  bool AllBytes(uint64_t addr, size_t len, uint8_t v) {
    std::vector<uint8_t> b(len);
    EXPECT_TRUE(d_->mem().Read(addr, b.data(), len).ok());
    for (uint8_t x : b) {
      if (x != v) return false;
    }
    return true;
  }
  // Sends one list of frame numbers on queue q and waits for it.
  void SendPfns(uint32_t q, const std::vector<uint32_t>& pfns) {
    ASSERT_TRUE(d_->mem().Write(kPfnList, pfns.data(), pfns.size() * 4).ok());
    d_->ring(q).Add({{kPfnList, static_cast<uint32_t>(pfns.size() * 4), false}});
    d_->Notify(q);
    ASSERT_TRUE(d_->WaitUsed(q, d_->ring(q).avail_idx()));
  }
  static uint32_t Pfn(uint64_t ipa) { return static_cast<uint32_t>(ipa / 4096); }

  VirtioBalloon* balloon_;
  std::unique_ptr<MmioDriver> d_;
};

TEST_F(VirtioBalloonTest, TargetGoesToConfigWithConfigChangeInterrupt) {
  ASSERT_TRUE(d_->Init(kVirtioBalloonFStatsVq, 3));
  const uint32_t gen = d_->Reg(virtio_mmio::kConfigGeneration);
  balloon_->SetTargetPages(1234);
  EXPECT_EQ(d_->ConfigRead32(0), 1234u);
  EXPECT_NE(d_->Reg(virtio_mmio::kConfigGeneration), gen);
  EXPECT_TRUE(d_->Reg(virtio_mmio::kInterruptStatus) & virtio_mmio::kInterruptConfigChange);
  EXPECT_TRUE(d_->irq().level(testing::kTestIntid));
  // The driver reports progress through `actual`.
  d_->mmio().Write(virtio_mmio::kConfig + 4, 4, 1000);
  EXPECT_EQ(balloon_->actual_pages(), 1000u);
  d_->mmio().Write(virtio_mmio::kConfig + 0, 4, 7);  // num_pages is the device's
  EXPECT_EQ(balloon_->target_pages(), 1234u);
}

TEST_F(VirtioBalloonTest, InflatedPagesReadAsZero) {
  ASSERT_TRUE(d_->Init(0, 2));
  Fill(kVictim, 0x4000, 0x5a);
  Fill(kVictim + 0x8000, 0x2000, 0x6b);
  // Four frames of one host page, and one frame of another.
  SendPfns(0, {Pfn(kVictim), Pfn(kVictim + 0x1000), Pfn(kVictim + 0x2000),
               Pfn(kVictim + 0x3000), Pfn(kVictim + 0x8000)});
  EXPECT_EQ(balloon_->inflated_pages(), 5u);
#ifdef __linux__
  // A whole released host page: zero on Linux (MADV_DONTNEED); macOS leaves
  // released contents undefined, which virtio-balloon allows.
  EXPECT_TRUE(AllBytes(kVictim, 0x4000, 0));
#endif
  EXPECT_TRUE(AllBytes(kVictim + 0x8000, 0x1000, 0));
  EXPECT_TRUE(AllBytes(kVictim + 0x9000, 0x1000, 0x6b));  // the frame next door is kept
}

TEST_F(VirtioBalloonTest, LongFrameListIsFullyProcessed) {
  ASSERT_TRUE(d_->Init(0, 2));
  // 1500 entries (6000 bytes, more than one read batch): 1400 repeats of
  // one frame, then 100 distinct frames.
  std::vector<uint32_t> pfns(1400, Pfn(kVictim));
  for (uint32_t i = 1; i <= 100; ++i) pfns.push_back(Pfn(kVictim) + i);
  Fill(kVictim + 100 * 0x1000, 0x1000, 0x42);
  SendPfns(0, pfns);
  EXPECT_EQ(balloon_->inflated_pages(), 101u);
  EXPECT_TRUE(AllBytes(kVictim + 100 * 0x1000, 0x1000, 0));  // the last entry was handled
}

TEST_F(VirtioBalloonTest, DeflateTakesPagesOut) {
  ASSERT_TRUE(d_->Init(0, 2));
  SendPfns(0, {Pfn(kVictim), Pfn(kVictim + 0x1000)});
  SendPfns(1, {Pfn(kVictim)});
  EXPECT_EQ(balloon_->inflated_pages(), 1u);
  // The guest may use a deflated page again.
  Fill(kVictim, 0x1000, 0x77);
  EXPECT_TRUE(AllBytes(kVictim, 0x1000, 0x77));
}

TEST_F(VirtioBalloonTest, FramesOutsideRamAreIgnored) {
  ASSERT_TRUE(d_->Init(0, 2));
  SendPfns(0, {0x10, Pfn(kRamBase + testing::kTestRamSize), 0xffffffff, Pfn(kVictim)});
  EXPECT_EQ(balloon_->inflated_pages(), 1u);
  EXPECT_EQ(d_->status() & kStatusNeedsReset, 0u);
}

TEST_F(VirtioBalloonTest, StatsArriveAndAreRequestedAgain) {
  ASSERT_TRUE(d_->Init(kVirtioBalloonFStatsVq, 3));
  auto write_stats = [&](uint64_t free_mem) {
    uint8_t raw[20];
    const uint16_t t1 = kBalloonStatFreeMemory, t2 = kBalloonStatTotalMemory;
    const uint64_t total = 512ull << 20;
    std::memcpy(raw, &t1, 2);
    std::memcpy(raw + 2, &free_mem, 8);
    std::memcpy(raw + 10, &t2, 2);
    std::memcpy(raw + 12, &total, 8);
    ASSERT_TRUE(d_->mem().Write(kBufBase, raw, sizeof(raw)).ok());
  };
  // The driver offers its stats buffer at start; the device keeps it.
  write_stats(100 << 20);
  d_->ring(2).Add({{kBufBase, 20, false}});
  d_->Notify(2);
  ASSERT_TRUE(testing::WaitFor([&] { return balloon_->stats_updates() == 1; }));
  EXPECT_EQ(balloon_->stats().at(kBalloonStatFreeMemory), 100u << 20);
  EXPECT_EQ(balloon_->stats().at(kBalloonStatTotalMemory), 512ull << 20);
  EXPECT_EQ(d_->ring(2).used_idx(), 0);  // held until the host asks
  // The host asks: the buffer is returned, the driver refills and re-adds it.
  balloon_->RequestStats();
  ASSERT_TRUE(d_->WaitUsed(2, 1));
  write_stats(90 << 20);
  d_->ring(2).Add({{kBufBase, 20, false}});
  d_->Notify(2);
  ASSERT_TRUE(testing::WaitFor([&] { return balloon_->stats_updates() == 2; }));
  EXPECT_EQ(balloon_->stats().at(kBalloonStatFreeMemory), 90u << 20);
}

TEST_F(VirtioBalloonTest, ResetReturnsAllPages) {
  ASSERT_TRUE(d_->Init(0, 2));
  SendPfns(0, {Pfn(kVictim)});
  d_->SetReg(virtio_mmio::kStatus, 0);
  EXPECT_EQ(balloon_->inflated_pages(), 0u);
}

}  // namespace
}  // namespace vmd

namespace vmd {
namespace {

TEST(VirtioBalloonFeatures, DeflateOnOomOnlyWhenAsked) {
  EXPECT_EQ(VirtioBalloon().DeviceFeatures(), kVirtioBalloonFStatsVq);
  EXPECT_EQ(VirtioBalloon(true).DeviceFeatures(),
            kVirtioBalloonFStatsVq | kVirtioBalloonFDeflateOnOom);
}

}  // namespace
}  // namespace vmd
