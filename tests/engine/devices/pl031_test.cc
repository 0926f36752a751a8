#include "engine/devices/pl031.h"

#include <atomic>

#include "gtest/gtest.h"
#include "tests/engine/devices/fake_sink.h"

namespace vmd {
namespace {

constexpr uint32_t kIntid = 34;  // SPI 2
constexpr int64_t kStart = 1'700'000'000;

// A wall clock the test moves by hand. Thread-safe: the timer thread reads it.
class FakeClock {
 public:
  absl::Time Now() const { return absl::FromUnixNanos(nanos_.load()); }
  void Advance(absl::Duration d) { nanos_ += absl::ToInt64Nanoseconds(d); }
  void Set(int64_t seconds) { nanos_ = seconds * 1'000'000'000; }

 private:
  std::atomic<int64_t> nanos_{kStart * 1'000'000'000};
};

class Pl031Test : public ::testing::Test {
 protected:
  Pl031Test() : rtc_(IrqLine(&sink_, kIntid), [this] { return clock_.Now(); }) {}
  uint32_t Reg(uint64_t off) { return static_cast<uint32_t>(rtc_.Read(off, 4)); }
  void Set(uint64_t off, uint32_t v) { rtc_.Write(off, 4, v); }

  FakeSink sink_;
  FakeClock clock_;
  Pl031 rtc_;
};

TEST_F(Pl031Test, IdentificationRegisters) {
  const uint32_t expected[] = {0x31, 0x10, 0x04, 0x00, 0x0d, 0xf0, 0x05, 0xb1};
  for (int i = 0; i < 8; ++i) EXPECT_EQ(Reg(0xfe0 + 4 * i), expected[i]) << i;
}

TEST_F(Pl031Test, DataRegisterCountsHostSeconds) {
  EXPECT_EQ(Reg(Pl031::kDr), uint32_t(kStart));
  clock_.Advance(absl::Milliseconds(999));
  EXPECT_EQ(Reg(Pl031::kDr), uint32_t(kStart));
  clock_.Advance(absl::Seconds(5));
  EXPECT_EQ(Reg(Pl031::kDr), uint32_t(kStart + 5));
  EXPECT_EQ(Reg(Pl031::kCr), 1u);  // running
}

TEST_F(Pl031Test, LoadRegisterSetsTheCounter) {
  Set(Pl031::kLr, 1000);
  EXPECT_EQ(Reg(Pl031::kDr), 1000u);
  EXPECT_EQ(Reg(Pl031::kLr), 1000u);
  clock_.Advance(absl::Seconds(3));
  EXPECT_EQ(Reg(Pl031::kDr), 1003u);
  EXPECT_EQ(Reg(Pl031::kLr), 1000u);  // LR reads back what was loaded
  Set(Pl031::kDr, 5);                 // DR is read-only
  EXPECT_EQ(Reg(Pl031::kDr), 1003u);
}

TEST_F(Pl031Test, MatchSetsRawStatusAndMaskGatesTheLine) {
  const uint32_t now = Reg(Pl031::kDr);
  Set(Pl031::kMr, now + 2);
  EXPECT_EQ(Reg(Pl031::kMr), now + 2);
  clock_.Advance(absl::Seconds(1));
  EXPECT_EQ(Reg(Pl031::kRis), 0u);
  clock_.Advance(absl::Seconds(1));
  EXPECT_EQ(Reg(Pl031::kRis), 1u);
  EXPECT_EQ(Reg(Pl031::kMis), 0u);
  EXPECT_FALSE(sink_.Level(kIntid));
  Set(Pl031::kImsc, 1);
  EXPECT_EQ(Reg(Pl031::kMis), 1u);
  EXPECT_TRUE(sink_.Level(kIntid));
  Set(Pl031::kIcr, 1);
  EXPECT_EQ(Reg(Pl031::kRis), 0u);
  EXPECT_FALSE(sink_.Level(kIntid));
}

TEST_F(Pl031Test, MatchPassedBetweenAccessesIsNotMissed) {
  Set(Pl031::kMr, Reg(Pl031::kDr) + 3);
  clock_.Advance(absl::Seconds(60));
  EXPECT_EQ(Reg(Pl031::kRis), 1u);
}

TEST_F(Pl031Test, MatchAcrossCounterWrap) {
  Set(Pl031::kLr, 0xfffffffe);
  Set(Pl031::kMr, 1);
  clock_.Advance(absl::Seconds(2));
  EXPECT_EQ(Reg(Pl031::kDr), 0u);
  EXPECT_EQ(Reg(Pl031::kRis), 0u);
  clock_.Advance(absl::Seconds(1));
  EXPECT_EQ(Reg(Pl031::kRis), 1u);
}

TEST_F(Pl031Test, LoadingTheMatchValueMatches) {
  Set(Pl031::kMr, 500);
  Set(Pl031::kLr, 500);
  EXPECT_EQ(Reg(Pl031::kRis), 1u);
}

TEST_F(Pl031Test, HostClockSteppingBackIsNotAMatch) {
  Set(Pl031::kMr, Reg(Pl031::kDr) + 10);
  clock_.Set(kStart - 100);
  EXPECT_EQ(Reg(Pl031::kRis), 0u);
  clock_.Set(kStart + 9);
  EXPECT_EQ(Reg(Pl031::kRis), 0u);
  clock_.Set(kStart + 10);
  EXPECT_EQ(Reg(Pl031::kRis), 1u);
}

TEST_F(Pl031Test, TimerThreadRaisesTheLineWithoutGuestAccess) {
  Set(Pl031::kMr, Reg(Pl031::kDr) + 1);
  Set(Pl031::kImsc, 1);
  clock_.Advance(absl::Seconds(1));
  // No register access from here: only the host timer can notice the match.
  EXPECT_TRUE(sink_.WaitFor(kIntid, true));
}

TEST_F(Pl031Test, ResetKeepsTimeButClearsAlarm) {
  Set(Pl031::kLr, 5000);
  Set(Pl031::kMr, 5001);
  Set(Pl031::kImsc, 1);
  clock_.Advance(absl::Seconds(1));
  ASSERT_EQ(Reg(Pl031::kMis), 1u);
  ASSERT_TRUE(sink_.Level(kIntid));
  rtc_.Reset();
  EXPECT_FALSE(sink_.Level(kIntid));
  EXPECT_EQ(Reg(Pl031::kDr), 5001u);
  EXPECT_EQ(Reg(Pl031::kRis), 0u);
  EXPECT_EQ(Reg(Pl031::kImsc), 0u);
  EXPECT_EQ(Reg(Pl031::kMr), 0u);
}

TEST_F(Pl031Test, SubWordAndUnknownAccesses) {
  Set(Pl031::kLr, 0x12345678);
  EXPECT_EQ(rtc_.Read(Pl031::kDr, 1), 0x78u);
  EXPECT_EQ(rtc_.Read(Pl031::kDr + 2, 2), 0x1234u);
  rtc_.Write(Pl031::kMr, 2, 0xffff);  // not a word write: ignored
  EXPECT_EQ(Reg(Pl031::kMr), 0u);
  EXPECT_EQ(Reg(0x800), 0u);
}

}  // namespace
}  // namespace vmd
