// virtio-console, single port: guest output reaches the sink, host input
// reaches the guest's receive buffers, bounded while the guest is not reading.
#include "engine/virtio/console.h"

#include <mutex>
#include <string>

#include "gtest/gtest.h"
#include "tests/engine/virtio/mmio_driver.h"

namespace vmd {
namespace {

using testing::kBufBase;
using testing::MmioDriver;

class VirtioConsoleTest : public ::testing::Test {
 protected:
  VirtioConsoleTest() {
    auto dev = std::make_unique<VirtioConsole>(
        [this](const uint8_t* data, size_t len) {
          std::lock_guard<std::mutex> lock(mu_);
          output_.append(reinterpret_cast<const char*>(data), len);
        },
        /*input_limit=*/16);
    console_ = dev.get();
    d_ = std::make_unique<MmioDriver>(std::move(dev));
  }
  std::string output() {
    std::lock_guard<std::mutex> lock(mu_);
    return output_;
  }
  std::string GuestString(uint64_t addr, size_t len) {
    std::string s(len, '\0');
    EXPECT_TRUE(d_->mem().Read(addr, s.data(), len).ok());
    return s;
  }

  std::mutex mu_;
  std::string output_;
  VirtioConsole* console_;
  std::unique_ptr<MmioDriver> d_;
};

TEST_F(VirtioConsoleTest, IdentifiesAsConsoleWithTwoQueues) {
  EXPECT_EQ(d_->Reg(virtio_mmio::kDeviceId), 3u);
  d_->SetReg(virtio_mmio::kQueueSel, 1);
  EXPECT_GT(d_->Reg(virtio_mmio::kQueueNumMax), 0u);
  d_->SetReg(virtio_mmio::kQueueSel, 2);
  EXPECT_EQ(d_->Reg(virtio_mmio::kQueueNumMax), 0u);  // no control queues without MULTIPORT
}

TEST_F(VirtioConsoleTest, TransmitReachesSink) {
  ASSERT_TRUE(d_->Init(0, 2));
  ASSERT_TRUE(d_->mem().Write(kBufBase, "hello, ", 7).ok());
  ASSERT_TRUE(d_->mem().Write(kBufBase + 0x100, "world\n", 6).ok());
  d_->ring(1).Add({{kBufBase, 7, false}, {kBufBase + 0x100, 6, false}});
  d_->Notify(1);
  ASSERT_TRUE(d_->WaitUsed(1, 1));
  EXPECT_EQ(output(), "hello, world\n");
}

TEST_F(VirtioConsoleTest, LongTransmitArrivesWhole) {
  ASSERT_TRUE(d_->Init(0, 2));
  std::string text;
  for (int i = 0; text.size() < 10000; ++i) text += "line " + std::to_string(i) + "\n";
  ASSERT_TRUE(d_->mem().Write(kBufBase, text.data(), text.size()).ok());
  d_->ring(1).Add({{kBufBase, static_cast<uint32_t>(text.size()), false}});
  d_->Notify(1);
  ASSERT_TRUE(d_->WaitUsed(1, 1));
  EXPECT_EQ(output(), text);
}

TEST_F(VirtioConsoleTest, ReceiveFillsGuestBuffersInOrder) {
  ASSERT_TRUE(d_->Init(0, 2));
  d_->ring(0).Add({{kBufBase, 4, true}});
  d_->ring(0).Add({{kBufBase + 0x100, 8, true}});
  d_->Notify(0);
  EXPECT_EQ(console_->Receive("abcdefg"), 7u);
  ASSERT_TRUE(d_->WaitUsed(0, 2));
  EXPECT_EQ(d_->ring(0).used(0).second, 4u);
  EXPECT_EQ(d_->ring(0).used(1).second, 3u);
  EXPECT_EQ(GuestString(kBufBase, 4), "abcd");
  EXPECT_EQ(GuestString(kBufBase + 0x100, 3), "efg");
}

TEST_F(VirtioConsoleTest, InputWaitsForBuffersAndIsBounded) {
  ASSERT_TRUE(d_->Init(0, 2));
  // No receive buffers yet: input is held, up to the 16-byte limit.
  EXPECT_EQ(console_->Receive("0123456789"), 10u);
  EXPECT_EQ(console_->Receive("ABCDEFGHIJ"), 6u);
  EXPECT_EQ(console_->PendingInput(), 16u);
  d_->ring(0).Add({{kBufBase, 64, true}});
  d_->Notify(0);
  ASSERT_TRUE(d_->WaitUsed(0, 1));
  EXPECT_EQ(d_->ring(0).used(0).second, 16u);
  EXPECT_EQ(GuestString(kBufBase, 16), "0123456789ABCDEF");
  EXPECT_EQ(console_->PendingInput(), 0u);
}

TEST_F(VirtioConsoleTest, InputBeforeDriverOkIsDeliveredAfter) {
  EXPECT_EQ(console_->Receive("hi"), 2u);
  ASSERT_TRUE(d_->Init(0, 2));
  d_->ring(0).Add({{kBufBase, 8, true}});
  d_->Notify(0);
  ASSERT_TRUE(d_->WaitUsed(0, 1));
  EXPECT_EQ(GuestString(kBufBase, 2), "hi");
}

TEST_F(VirtioConsoleTest, WritableTransmitBufferBreaksDevice) {
  ASSERT_TRUE(d_->Init(0, 2));
  d_->ring(1).Add({{kBufBase, 8, true}});
  d_->Notify(1);
  EXPECT_TRUE(testing::WaitFor([&] { return (d_->status() & kStatusNeedsReset) != 0; }));
  EXPECT_EQ(output(), "");
}

}  // namespace
}  // namespace vmd
