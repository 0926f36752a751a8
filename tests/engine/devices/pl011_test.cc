#include "engine/devices/pl011.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/engine/devices/fake_sink.h"

namespace vmd {
namespace {

constexpr uint32_t kIntid = 33;  // SPI 1

class Pl011Test : public ::testing::Test {
 protected:
  Pl011Test()
      : uart_(IrqLine(&sink_, kIntid),
              [this](const uint8_t* d, size_t n) { out_.append(d, d + n); }) {}

  uint32_t Reg(uint64_t off) { return static_cast<uint32_t>(uart_.Read(off, 4)); }
  void Set(uint64_t off, uint32_t v) { uart_.Write(off, 4, v); }
  void Input(const std::string& s) {
    uart_.Receive(reinterpret_cast<const uint8_t*>(s.data()), s.size());
  }
  void EnableFifo() { Set(Pl011::kLcrH, Pl011::kLcrHFen | (3u << 5)); }  // 8N1 + FIFO

  FakeSink sink_;
  std::string out_;
  Pl011 uart_;
};

TEST_F(Pl011Test, IdentificationRegisters) {
  const uint32_t expected[] = {0x11, 0x10, 0x34, 0x00, 0x0d, 0xf0, 0x05, 0xb1};
  for (int i = 0; i < 8; ++i) EXPECT_EQ(Reg(0xfe0 + 4 * i), expected[i]) << i;
}

TEST_F(Pl011Test, ResetValues) {
  EXPECT_EQ(Reg(Pl011::kCr), 0x300u);   // TXE | RXE
  EXPECT_EQ(Reg(Pl011::kIfls), 0x12u);  // 1/2 both ways
  EXPECT_EQ(Reg(Pl011::kFr), Pl011::kFrTxfe | Pl011::kFrRxfe);
  EXPECT_EQ(Reg(Pl011::kImsc), 0u);
  EXPECT_EQ(Reg(Pl011::kRis), 0u);
  EXPECT_EQ(Reg(Pl011::kDmacr), 0u);
}

TEST_F(Pl011Test, TransmitGoesToSinkAndRaisesTxInterrupt) {
  for (char c : std::string("hi\n")) uart_.Write(Pl011::kDr, 1, static_cast<uint8_t>(c));
  EXPECT_EQ(out_, "hi\n");
  // Before TXIM is unmasked the raw status shows, the line does not.
  EXPECT_EQ(Reg(Pl011::kRis) & Pl011::kIntTx, Pl011::kIntTx);
  EXPECT_FALSE(sink_.Level(kIntid));
  Set(Pl011::kImsc, Pl011::kIntTx);
  EXPECT_EQ(Reg(Pl011::kMis), Pl011::kIntTx);
  EXPECT_TRUE(sink_.Level(kIntid));
  Set(Pl011::kIcr, Pl011::kIntTx);
  EXPECT_EQ(Reg(Pl011::kRis) & Pl011::kIntTx, 0u);
  EXPECT_FALSE(sink_.Level(kIntid));
  Set(Pl011::kDr, 'x');  // the next byte passes through the level again
  EXPECT_TRUE(sink_.Level(kIntid));
}

TEST_F(Pl011Test, NoTxInterruptBeforeFirstWrite) {
  // The TRM's TX interrupt is a transition through the level, not the level.
  Set(Pl011::kImsc, Pl011::kIntTx);
  EXPECT_FALSE(sink_.Level(kIntid));
}

TEST_F(Pl011Test, FifoOffHoldsOneCharacter) {
  Input("abc");
  EXPECT_EQ(Reg(Pl011::kFr) & (Pl011::kFrRxff | Pl011::kFrRxfe), Pl011::kFrRxff);
  EXPECT_EQ(Reg(Pl011::kDr), uint32_t{'a'});
  EXPECT_EQ(Reg(Pl011::kDr), uint32_t{'b'});
  EXPECT_EQ(Reg(Pl011::kDr), uint32_t{'c'});
  EXPECT_EQ(Reg(Pl011::kFr) & Pl011::kFrRxfe, Pl011::kFrRxfe);
  EXPECT_EQ(uart_.PendingInput(), 0u);
}

TEST_F(Pl011Test, FifoOnFillsToSixteenAndRefillsFromHostQueue) {
  EnableFifo();
  std::string input;
  for (int i = 0; i < 40; ++i) input.push_back(static_cast<char>('A' + i));
  Input(input);
  EXPECT_TRUE(Reg(Pl011::kFr) & Pl011::kFrRxff);
  EXPECT_EQ(uart_.PendingInput(), 40u);
  std::string got;
  while ((Reg(Pl011::kFr) & Pl011::kFrRxfe) == 0) got.push_back(static_cast<char>(Reg(Pl011::kDr)));
  EXPECT_EQ(got, input);
}

TEST_F(Pl011Test, RxInterruptFollowsTriggerLevel) {
  EnableFifo();
  Set(Pl011::kIfls, 2u << 3);  // RX at 1/2 = 8 bytes
  Set(Pl011::kImsc, Pl011::kIntRx);
  Input("1234567");
  EXPECT_EQ(Reg(Pl011::kRis) & Pl011::kIntRx, 0u);
  EXPECT_FALSE(sink_.Level(kIntid));
  Input("8");
  EXPECT_EQ(Reg(Pl011::kRis) & Pl011::kIntRx, Pl011::kIntRx);
  EXPECT_TRUE(sink_.Level(kIntid));
  Reg(Pl011::kDr);  // 7 left: below the level, so the interrupt drops
  EXPECT_EQ(Reg(Pl011::kRis) & Pl011::kIntRx, 0u);
  EXPECT_FALSE(sink_.Level(kIntid));
}

TEST_F(Pl011Test, RxTriggerLevelsFromIfls) {
  EnableFifo();
  const size_t levels[] = {2, 4, 8, 12, 14};
  for (uint32_t sel = 0; sel < 5; ++sel) {
    Set(Pl011::kIfls, sel << 3);
    Input(std::string(levels[sel] - 1, 'x'));
    EXPECT_EQ(Reg(Pl011::kRis) & Pl011::kIntRx, 0u) << sel;
    Input("y");
    EXPECT_EQ(Reg(Pl011::kRis) & Pl011::kIntRx, Pl011::kIntRx) << sel;
    while ((Reg(Pl011::kFr) & Pl011::kFrRxfe) == 0) Reg(Pl011::kDr);
  }
}

TEST_F(Pl011Test, RxTimeoutRaisedForDataBelowLevelAndClearedWhenEmpty) {
  EnableFifo();
  Set(Pl011::kImsc, Pl011::kIntRt | Pl011::kIntRx);
  Input("ab");
  EXPECT_EQ(Reg(Pl011::kMis), Pl011::kIntRt);
  EXPECT_TRUE(sink_.Level(kIntid));
  Reg(Pl011::kDr);
  EXPECT_TRUE(sink_.Level(kIntid));  // data still waiting
  Reg(Pl011::kDr);
  EXPECT_EQ(Reg(Pl011::kRis) & Pl011::kIntRt, 0u);
  EXPECT_FALSE(sink_.Level(kIntid));
  // ICR clears it too, and new data brings it back.
  Input("c");
  Set(Pl011::kIcr, Pl011::kIntRt);
  EXPECT_FALSE(sink_.Level(kIntid));
  Input("d");
  EXPECT_TRUE(sink_.Level(kIntid));
}

TEST_F(Pl011Test, InterruptLineIsOrOfMaskedStatus) {
  EnableFifo();
  Input("a");
  Set(Pl011::kDr, 'z');
  EXPECT_EQ(Reg(Pl011::kRis), Pl011::kIntRt | Pl011::kIntTx);
  EXPECT_FALSE(sink_.Level(kIntid));
  Set(Pl011::kImsc, Pl011::kIntRt);
  EXPECT_TRUE(sink_.Level(kIntid));
  Set(Pl011::kIcr, Pl011::kIntRt);
  EXPECT_FALSE(sink_.Level(kIntid));  // TX is raw but masked
  Set(Pl011::kImsc, Pl011::kIntTx);
  EXPECT_TRUE(sink_.Level(kIntid));
  Set(Pl011::kIcr, Pl011::kIntAll);
  EXPECT_EQ(Reg(Pl011::kRis), 0u);
  EXPECT_FALSE(sink_.Level(kIntid));
}

TEST_F(Pl011Test, BoundedHostQueueDropsOnlyWhenFull) {
  Pl011 small(IrqLine(&sink_, kIntid), nullptr, /*host_queue_limit=*/32);
  std::string input(100, 'q');
  for (int i = 0; i < 100; ++i) input[i] = static_cast<char>(i);
  EXPECT_EQ(small.Receive(reinterpret_cast<const uint8_t*>(input.data()), input.size()), 32u);
  EXPECT_EQ(small.PendingInput(), 32u);
  for (int i = 0; i < 32; ++i) EXPECT_EQ(small.Read(Pl011::kDr, 4), uint64_t(i));
  EXPECT_EQ(small.Read(Pl011::kFr, 4) & Pl011::kFrRxfe, Pl011::kFrRxfe);
  // Room again after draining.
  EXPECT_EQ(small.Receive(reinterpret_cast<const uint8_t*>(input.data()), 5), 5u);
}

TEST_F(Pl011Test, LoopbackFeedsTransmitToReceive) {
  Set(Pl011::kCr, 0x301 | Pl011::kCrLbe);
  Set(Pl011::kDr, 'L');
  EXPECT_EQ(out_, "");
  EXPECT_EQ(Reg(Pl011::kDr), uint32_t{'L'});
}

TEST_F(Pl011Test, RegistersKeepTheirWidths) {
  Set(Pl011::kIbrd, 0x12345);
  Set(Pl011::kFbrd, 0xff);
  EXPECT_EQ(Reg(Pl011::kIbrd), 0x2345u);  // 16 bits
  EXPECT_EQ(Reg(Pl011::kFbrd), 0x3fu);    // 6 bits
}

TEST_F(Pl011Test, ByteAccessesAsEarlyconMakes) {
  Input("k");
  EXPECT_EQ(uart_.Read(Pl011::kFr, 1) & Pl011::kFrRxfe, 0u);
  EXPECT_EQ(uart_.Read(Pl011::kFr, 1) & Pl011::kFrTxfe, Pl011::kFrTxfe);
  uart_.Write(Pl011::kDr, 1, 'e');
  EXPECT_EQ(out_, "e");
  EXPECT_EQ(uart_.Read(Pl011::kDr, 1), uint64_t{'k'});
}

TEST_F(Pl011Test, ResetRestoresRegistersAndReRaisesAfterwards) {
  EnableFifo();
  Set(Pl011::kImsc, Pl011::kIntRt);
  Set(Pl011::kIbrd, 13);
  Input("ab");
  ASSERT_TRUE(sink_.Level(kIntid));
  uart_.Reset();
  EXPECT_FALSE(sink_.Level(kIntid));
  EXPECT_EQ(Reg(Pl011::kCr), 0x300u);
  EXPECT_EQ(Reg(Pl011::kIfls), 0x12u);
  EXPECT_EQ(Reg(Pl011::kIbrd), 0u);
  EXPECT_EQ(Reg(Pl011::kImsc), 0u);
  EXPECT_EQ(Reg(Pl011::kFr) & Pl011::kFrRxfe, Pl011::kFrRxfe);  // FIFO cleared
  // The next boot's driver unmasks, and new input must reach the (reset) GIC.
  Set(Pl011::kImsc, Pl011::kIntRt);
  Input("c");
  EXPECT_TRUE(sink_.Level(kIntid));
  EXPECT_EQ(Reg(Pl011::kDr), uint32_t{'c'});
}

TEST_F(Pl011Test, BadAccessesAreHarmless) {
  EXPECT_EQ(Reg(0x100), 0u);
  Set(0x100, 1);
  uart_.Write(Pl011::kCr + 1, 1, 0xff);  // middle of a register: ignored
  EXPECT_EQ(Reg(Pl011::kCr), 0x300u);
  Input("a");
  EXPECT_EQ(uart_.Read(Pl011::kDr + 1, 1), 0u);  // does not pop the FIFO
  EXPECT_EQ(uart_.PendingInput(), 1u);
}

}  // namespace
}  // namespace vmd
