#include "engine/devices/pl061.h"

#include "gtest/gtest.h"
#include "tests/engine/devices/fake_sink.h"

namespace vmd {
namespace {

constexpr uint32_t kIntid = 39;  // SPI 7

class Pl061Test : public ::testing::Test {
 protected:
  Pl061Test() : gpio_(IrqLine(&sink_, kIntid)) {}
  uint32_t Reg(uint64_t off) { return static_cast<uint32_t>(gpio_.Read(off, 4)); }
  void Set(uint64_t off, uint32_t v) { gpio_.Write(off, 4, v); }
  // GPIODATA address for an access that touches the lines in `mask`.
  static uint64_t Data(uint8_t mask) { return uint64_t{mask} << 2; }

  FakeSink sink_;
  Pl061 gpio_;
};

TEST_F(Pl061Test, IdentificationRegisters) {
  const uint32_t expected[] = {0x61, 0x10, 0x04, 0x00, 0x0d, 0xf0, 0x05, 0xb1};
  for (int i = 0; i < 8; ++i) EXPECT_EQ(Reg(0xfe0 + 4 * i), expected[i]) << i;
}

TEST_F(Pl061Test, DataWritesOnlyMaskedOutputLines) {
  Set(Pl061::kDir, 0xff);
  Set(Data(0x0f), 0xff);
  EXPECT_EQ(Reg(Data(0xff)), 0x0fu);
  Set(Data(0x81), 0x00);
  EXPECT_EQ(Reg(Data(0xff)), 0x0eu);
  // Reads are masked the same way.
  EXPECT_EQ(Reg(Data(0x02)), 0x02u);
  EXPECT_EQ(Reg(Data(0xf0)), 0x00u);
  // Lines set as inputs ignore writes.
  Set(Pl061::kDir, 0xf0);
  Set(Data(0xff), 0xff);
  EXPECT_EQ(Reg(Data(0xff)) & 0xf0, 0xf0u);
}

TEST_F(Pl061Test, InputsReadThroughTheMask) {
  gpio_.SetInput(5, true);
  EXPECT_EQ(Reg(Data(0xff)), 0x20u);
  EXPECT_EQ(Reg(Data(0x20)), 0x20u);
  EXPECT_EQ(Reg(Data(0x10)), 0x00u);
  gpio_.SetInput(9, true);  // no such line: ignored
  gpio_.SetInput(-1, true);
  EXPECT_EQ(Reg(Data(0xff)), 0x20u);
}

TEST_F(Pl061Test, RisingEdgeLatchesUntilCleared) {
  Set(Pl061::kIev, 0x01);
  Set(Pl061::kIe, 0x01);
  gpio_.SetInput(0, true);
  EXPECT_EQ(Reg(Pl061::kRis), 0x01u);
  EXPECT_EQ(Reg(Pl061::kMis), 0x01u);
  EXPECT_TRUE(sink_.Level(kIntid));
  gpio_.SetInput(0, false);  // falling: no new event, old one stays
  EXPECT_TRUE(sink_.Level(kIntid));
  Set(Pl061::kIc, 0x01);
  EXPECT_EQ(Reg(Pl061::kRis), 0u);
  EXPECT_FALSE(sink_.Level(kIntid));
}

TEST_F(Pl061Test, FallingEdgeWithIevClear) {
  Set(Pl061::kIe, 0x02);
  gpio_.SetInput(1, true);
  EXPECT_EQ(Reg(Pl061::kRis), 0u);
  gpio_.SetInput(1, false);
  EXPECT_EQ(Reg(Pl061::kRis), 0x02u);
  EXPECT_TRUE(sink_.Level(kIntid));
}

TEST_F(Pl061Test, BothEdges) {
  Set(Pl061::kIbe, 0x04);
  gpio_.SetInput(2, true);
  EXPECT_EQ(Reg(Pl061::kRis), 0x04u);
  Set(Pl061::kIc, 0x04);
  gpio_.SetInput(2, false);
  EXPECT_EQ(Reg(Pl061::kRis), 0x04u);
  EXPECT_FALSE(sink_.Level(kIntid));  // IE is clear: raw only
  EXPECT_EQ(Reg(Pl061::kMis), 0u);
}

TEST_F(Pl061Test, LevelHighFollowsThePin) {
  Set(Pl061::kIs, 0x10);
  Set(Pl061::kIev, 0x10);
  Set(Pl061::kIe, 0x10);
  EXPECT_FALSE(sink_.Level(kIntid));
  gpio_.SetInput(4, true);
  EXPECT_TRUE(sink_.Level(kIntid));
  Set(Pl061::kIc, 0x10);  // the pin is still high: stays pending
  EXPECT_EQ(Reg(Pl061::kRis), 0x10u);
  EXPECT_TRUE(sink_.Level(kIntid));
  gpio_.SetInput(4, false);
  EXPECT_EQ(Reg(Pl061::kRis), 0u);
  EXPECT_FALSE(sink_.Level(kIntid));
}

TEST_F(Pl061Test, LevelLowIsPendingWhilePinLow) {
  Set(Pl061::kIe, 0x08);
  Set(Pl061::kIs, 0x08);  // IEV clear: active low, and the pin is low
  EXPECT_EQ(Reg(Pl061::kRis), 0x08u);
  EXPECT_TRUE(sink_.Level(kIntid));
  gpio_.SetInput(3, true);
  EXPECT_FALSE(sink_.Level(kIntid));
}

TEST_F(Pl061Test, OutputPinsCanInterruptToo) {
  Set(Pl061::kDir, 0x80);
  Set(Pl061::kIev, 0x80);
  Set(Pl061::kIe, 0x80);
  Set(Data(0x80), 0x80);
  EXPECT_EQ(Reg(Pl061::kRis), 0x80u);
}

TEST_F(Pl061Test, PowerButtonPressesAndReleasesLineThree) {
  // As Linux's gpio-keys sets up an active-high key: interrupt on both edges.
  Set(Pl061::kIbe, 0x08);
  Set(Pl061::kIe, 0x08);
  gpio_.PressPowerButton(absl::Milliseconds(20));
  EXPECT_EQ(Reg(Data(0x08)), 0x08u);  // pressed = high
  EXPECT_TRUE(sink_.Level(kIntid));
  Set(Pl061::kIc, 0x08);
  EXPECT_FALSE(sink_.Level(kIntid));
  // The release edge arrives later from the device's own thread.
  EXPECT_TRUE(sink_.WaitFor(kIntid, true));
  EXPECT_EQ(Reg(Data(0x08)), 0x00u);
  EXPECT_EQ(Reg(Pl061::kRis), 0x08u);
}

TEST_F(Pl061Test, ResetClearsConfigurationButNotInputs) {
  Set(Pl061::kDir, 0x01);
  Set(Pl061::kIbe, 0x08);
  Set(Pl061::kIe, 0x08);
  gpio_.SetInput(3, true);
  ASSERT_TRUE(sink_.Level(kIntid));
  gpio_.Reset();
  EXPECT_FALSE(sink_.Level(kIntid));
  EXPECT_EQ(Reg(Pl061::kDir), 0u);
  EXPECT_EQ(Reg(Pl061::kIe), 0u);
  EXPECT_EQ(Reg(Pl061::kRis), 0u);
  EXPECT_EQ(Reg(Data(0x08)), 0x08u);  // the button is still held
  Set(Pl061::kIbe, 0x08);
  Set(Pl061::kIe, 0x08);
  gpio_.SetInput(3, false);
  EXPECT_TRUE(sink_.Level(kIntid));
}

TEST_F(Pl061Test, RegistersReadBack) {
  Set(Pl061::kDir, 0xa5);
  Set(Pl061::kIs, 0x5a);
  Set(Pl061::kIbe, 0x3c);
  Set(Pl061::kIev, 0xc3);
  Set(Pl061::kAfsel, 0x11);
  EXPECT_EQ(Reg(Pl061::kDir), 0xa5u);
  EXPECT_EQ(Reg(Pl061::kIs), 0x5au);
  EXPECT_EQ(Reg(Pl061::kIbe), 0x3cu);
  EXPECT_EQ(Reg(Pl061::kIev), 0xc3u);
  EXPECT_EQ(Reg(Pl061::kAfsel), 0x11u);
  EXPECT_EQ(Reg(0x500), 0u);
  Set(0x500, 1);  // unknown: ignored
}

}  // namespace
}  // namespace vmd
