#include "engine/bus/mmio_bus.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace vmd {
namespace {

// Records what reached it and answers reads with the offset.
class FakeDevice : public MmioDevice {
 public:
  explicit FakeDevice(std::string name) : name_(std::move(name)) {}
  std::string_view name() const override { return name_; }
  uint64_t Read(uint64_t offset, unsigned size) override {
    last_offset = offset;
    last_size = size;
    return offset + 0x1000;
  }
  void Write(uint64_t offset, unsigned size, uint64_t value) override {
    last_offset = offset;
    last_size = size;
    last_value = value;
  }
  uint64_t last_offset = ~0ull;
  unsigned last_size = 0;
  uint64_t last_value = 0;

 private:
  std::string name_;
};

TEST(MmioBusTest, DispatchesWithOffsetFromDeviceBase) {
  MmioBus bus;
  FakeDevice uart("uart"), rtc("rtc");
  ASSERT_TRUE(bus.Register(0x0901'0000, 0x1000, &rtc).ok());
  ASSERT_TRUE(bus.Register(0x0900'0000, 0x1000, &uart).ok());
  uint64_t v = 0;
  ASSERT_TRUE(bus.Read(0x0900'0018, 4, &v));
  EXPECT_EQ(v, 0x1018u);
  EXPECT_EQ(uart.last_offset, 0x18u);
  EXPECT_EQ(uart.last_size, 4u);
  ASSERT_TRUE(bus.Write(0x0901'0008, 2, 0xabcd));
  EXPECT_EQ(rtc.last_offset, 8u);
  EXPECT_EQ(rtc.last_size, 2u);
  EXPECT_EQ(rtc.last_value, 0xabcdu);
}

TEST(MmioBusTest, UncoveredAccessesReturnFalse) {
  MmioBus bus;
  FakeDevice a("a");
  ASSERT_TRUE(bus.Register(0x1000, 0x100, &a).ok());
  uint64_t v = 0;
  EXPECT_FALSE(bus.Read(0xfff, 1, &v));
  EXPECT_FALSE(bus.Read(0x1100, 1, &v));
  EXPECT_FALSE(bus.Read(0x10fc, 8, &v));  // runs past the end of the device
  EXPECT_TRUE(bus.Read(0x10f8, 8, &v));
  EXPECT_FALSE(bus.Write(0x0, 4, 1));
  EXPECT_FALSE(bus.Read(0x1000, 3, &v));  // not an access size the CPU makes
  EXPECT_FALSE(bus.Read(~0ull, 8, &v));
}

TEST(MmioBusTest, AccessSpanningTwoAdjacentDevicesIsRejected) {
  MmioBus bus;
  FakeDevice a("a"), b("b");
  ASSERT_TRUE(bus.Register(0x1000, 0x100, &a).ok());
  ASSERT_TRUE(bus.Register(0x1100, 0x100, &b).ok());
  uint64_t v = 0;
  EXPECT_FALSE(bus.Read(0x10fc, 8, &v));
  EXPECT_TRUE(bus.Read(0x1100, 8, &v));
  EXPECT_EQ(b.last_offset, 0u);
}

TEST(MmioBusTest, OverlapsAreRejected) {
  MmioBus bus;
  FakeDevice a("a"), b("b");
  ASSERT_TRUE(bus.Register(0x2000, 0x1000, &a).ok());
  EXPECT_EQ(bus.Register(0x2000, 0x1000, &b).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(bus.Register(0x1800, 0x1000, &b).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(bus.Register(0x2fff, 0x10, &b).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(bus.Register(0x1000, 0x10000, &b).code(), absl::StatusCode::kInvalidArgument);
  absl::Status s = bus.Register(0x2800, 0x10, &b);
  EXPECT_NE(s.message().find("overlaps a"), absl::string_view::npos) << s;
  // Touching ranges are fine on both sides.
  EXPECT_TRUE(bus.Register(0x1000, 0x1000, &b).ok());
  FakeDevice c("c");
  EXPECT_TRUE(bus.Register(0x3000, 0x1000, &c).ok());
}

TEST(MmioBusTest, EmptyWrappingOrNullRegistrationsAreRejected) {
  MmioBus bus;
  FakeDevice a("a");
  EXPECT_FALSE(bus.Register(0x1000, 0, &a).ok());
  EXPECT_FALSE(bus.Register(~0ull - 0xf, 0x100, &a).ok());
  EXPECT_FALSE(bus.Register(0x1000, 0x100, nullptr).ok());
}

TEST(MmioBusTest, FindReturnsTheCoveringDevice) {
  MmioBus bus;
  std::vector<std::unique_ptr<FakeDevice>> devs;
  for (int i = 0; i < 32; ++i) {
    devs.push_back(std::make_unique<FakeDevice>("virtio" + std::to_string(i)));
    // Registered out of order so the sorted insert is exercised.
    const uint64_t slot = (i * 7) % 32;
    ASSERT_TRUE(bus.Register(0x0a00'0000 + slot * 0x200, 0x200, devs.back().get()).ok());
  }
  for (int i = 0; i < 32; ++i) {
    const uint64_t slot = (i * 7) % 32;
    EXPECT_EQ(bus.Find(0x0a00'0000 + slot * 0x200 + 0x1ff), devs[i].get());
  }
  EXPECT_EQ(bus.Find(0x0a00'4000), nullptr);
  EXPECT_EQ(bus.Find(0x09ff'ffff), nullptr);
}

}  // namespace
}  // namespace vmd
