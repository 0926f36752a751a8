// The virtio-mmio v2 transport: identification registers, feature
// negotiation, the status state machine, queue setup validation, interrupts
// and DEVICE_NEEDS_RESET (virtio 1.x 2.1, 3.1, 4.2).
#include "engine/virtio/virtio_mmio.h"

#include "engine/virtio/rng.h"
#include "gtest/gtest.h"
#include "tests/engine/virtio/mmio_driver.h"

namespace vmd {
namespace {

using namespace virtio_mmio;  // NOLINT: register names
using testing::kBufBase;
using testing::kTestIntid;
using testing::MmioDriver;

constexpr uint32_t kAckDriver = kStatusAcknowledge | kStatusDriver;

class VirtioMmioTest : public ::testing::Test {
 protected:
  MmioDriver d{std::make_unique<VirtioRng>()};
};

TEST_F(VirtioMmioTest, IdentificationRegisters) {
  EXPECT_EQ(d.Reg(kMagicValue), 0x74726976u);
  EXPECT_EQ(d.Reg(kVersion), 2u);
  EXPECT_EQ(d.Reg(kDeviceId), 4u);
  EXPECT_EQ(d.Reg(kVendorId), kVendor);
  d.SetReg(kQueueSel, 0);
  EXPECT_EQ(d.Reg(kQueueNumMax), 256u);
  d.SetReg(kQueueSel, 1);  // rng has one queue
  EXPECT_EQ(d.Reg(kQueueNumMax), 0u);
  EXPECT_EQ(d.Reg(kShmLenLow), 0xffffffffu);  // no shared memory regions
}

TEST_F(VirtioMmioTest, OffersVersion1AndRingFeatures) {
  const uint64_t f = d.DeviceFeatures();
  EXPECT_TRUE(f & kVirtioFVersion1);
  EXPECT_TRUE(f & kVirtioFRingIndirectDesc);
  EXPECT_TRUE(f & kVirtioFRingEventIdx);
  d.SetReg(kDeviceFeaturesSel, 2);
  EXPECT_EQ(d.Reg(kDeviceFeatures), 0u);
}

TEST_F(VirtioMmioTest, FeaturesOkAcceptedForOfferedSubset) {
  d.SetReg(kStatus, kAckDriver);
  d.WriteDriverFeatures(kVirtioFVersion1 | kVirtioFRingEventIdx);
  d.SetReg(kStatus, kAckDriver | kStatusFeaturesOk);
  EXPECT_EQ(d.status(), kAckDriver | kStatusFeaturesOk);
}

TEST_F(VirtioMmioTest, FeaturesOkRefusedForUnofferedBit) {
  d.SetReg(kStatus, kAckDriver);
  d.WriteDriverFeatures(kVirtioFVersion1 | (uint64_t{1} << 5));  // rng offers no device bits
  d.SetReg(kStatus, kAckDriver | kStatusFeaturesOk);
  EXPECT_EQ(d.status() & kStatusFeaturesOk, 0u);
}

TEST_F(VirtioMmioTest, FeaturesOkRefusedWithoutVersion1) {
  d.SetReg(kStatus, kAckDriver);
  d.WriteDriverFeatures(kVirtioFRingIndirectDesc);  // a legacy driver
  d.SetReg(kStatus, kAckDriver | kStatusFeaturesOk);
  EXPECT_EQ(d.status() & kStatusFeaturesOk, 0u);
}

TEST_F(VirtioMmioTest, DriverFeaturesFrozenAfterFeaturesOk) {
  ASSERT_TRUE(d.Init(0, 1));
  d.WriteDriverFeatures(0);  // ignored
  d.SetReg(kStatus, 0);
  // After a reset the features must be negotiated again from scratch.
  EXPECT_TRUE(d.Init(0, 1));
}

TEST_F(VirtioMmioTest, DriverOkWithoutFeaturesOkNeedsReset) {
  d.SetReg(kStatus, kAckDriver);
  d.SetReg(kStatus, kAckDriver | kStatusDriverOk);
  EXPECT_TRUE(d.status() & kStatusNeedsReset);
}

TEST_F(VirtioMmioTest, ClearingStatusBitsWithoutResetNeedsReset) {
  d.SetReg(kStatus, kAckDriver);
  d.SetReg(kStatus, kStatusAcknowledge);
  EXPECT_TRUE(d.status() & kStatusNeedsReset);
}

TEST_F(VirtioMmioTest, WritingZeroResetsEverything) {
  ASSERT_TRUE(d.Init(0, 1));
  d.SetReg(kStatus, kAckDriver | kStatusAcknowledge | kStatusFailed | kStatusFeaturesOk | kStatusDriverOk);
  d.SetReg(kStatus, 0);
  EXPECT_EQ(d.status(), 0u);
  d.SetReg(kQueueSel, 0);
  EXPECT_EQ(d.Reg(kQueueReady), 0u);
  EXPECT_EQ(d.Reg(kInterruptStatus), 0u);
  EXPECT_FALSE(d.device()->active());
}

TEST_F(VirtioMmioTest, QueueReadyWithBadSizeNeedsReset) {
  d.SetReg(kStatus, kAckDriver);
  d.WriteDriverFeatures(kVirtioFVersion1);
  d.SetReg(kStatus, kAckDriver | kStatusFeaturesOk);
  d.SetupQueue(0, 16);
  d.SetReg(kQueueNum, 12);  // not a power of two
  d.SetReg(kQueueReady, 1);
  EXPECT_EQ(d.Reg(kQueueReady), 0u);
  EXPECT_TRUE(d.status() & kStatusNeedsReset);
}

TEST_F(VirtioMmioTest, QueueReadyWithRingOutsideRamNeedsReset) {
  d.SetReg(kStatus, kAckDriver);
  d.WriteDriverFeatures(kVirtioFVersion1);
  d.SetReg(kStatus, kAckDriver | kStatusFeaturesOk);
  d.SetupQueue(0, 16);
  d.SetReg(kQueueDeviceLow, 0x1000);  // below RAM
  d.SetReg(kQueueDeviceHigh, 0);
  d.SetReg(kQueueReady, 1);
  EXPECT_TRUE(d.status() & kStatusNeedsReset);
}

TEST_F(VirtioMmioTest, QueueReadyReadsBack) {
  d.SetReg(kStatus, kAckDriver);
  d.WriteDriverFeatures(kVirtioFVersion1);
  d.SetReg(kStatus, kAckDriver | kStatusFeaturesOk);
  d.SetupQueue(0, 16);
  d.SetReg(kQueueReady, 1);
  EXPECT_EQ(d.Reg(kQueueReady), 1u);
  EXPECT_EQ(d.status() & kStatusNeedsReset, 0u);
}

TEST_F(VirtioMmioTest, UsedBufferRaisesInterruptAndAckLowersIt) {
  ASSERT_TRUE(d.Init(0, 1));
  d.ring(0).Add({{kBufBase, 64, true}});
  d.Notify(0);
  ASSERT_TRUE(d.WaitUsed(0, 1));
  ASSERT_TRUE(testing::WaitFor([&] { return d.irq().level(kTestIntid); }));
  EXPECT_EQ(d.Reg(kInterruptStatus), kInterruptUsedBuffer);
  d.SetReg(kInterruptAck, kInterruptUsedBuffer);
  EXPECT_EQ(d.Reg(kInterruptStatus), 0u);
  EXPECT_FALSE(d.irq().level(kTestIntid));
}

TEST_F(VirtioMmioTest, BuffersAddedBeforeDriverOkAreSeen) {
  d.SetReg(kStatus, kAckDriver);
  d.WriteDriverFeatures(kVirtioFVersion1);
  d.SetReg(kStatus, kAckDriver | kStatusFeaturesOk);
  d.SetupQueue(0, 16).Add({{kBufBase, 32, true}});
  d.SetReg(kQueueReady, 1);
  d.Notify(0);  // too early: goes nowhere
  d.SetReg(kStatus, kAckDriver | kStatusFeaturesOk | kStatusDriverOk);
  EXPECT_TRUE(d.WaitUsed(0, 1));
}

TEST_F(VirtioMmioTest, GuestViolationMarksDeviceBrokenWithConfigInterrupt) {
  ASSERT_TRUE(d.Init(0, 1));
  d.ring(0).SetAvailIdx(100);  // jumps by more than the queue size
  d.Notify(0);
  ASSERT_TRUE(testing::WaitFor([&] { return (d.status() & kStatusNeedsReset) != 0; }));
  EXPECT_TRUE(d.Reg(kInterruptStatus) & kInterruptConfigChange);
  EXPECT_TRUE(d.irq().level(kTestIntid));
  // The driver recovers with a reset and a fresh init.
  EXPECT_TRUE(d.Init(0, 1));
  d.ring(0).Add({{kBufBase, 8, true}});
  d.Notify(0);
  EXPECT_TRUE(d.WaitUsed(0, 1));
}

TEST_F(VirtioMmioTest, QueueRegistersIgnoredWhileReady) {
  ASSERT_TRUE(d.Init(0, 1));
  d.SetReg(kQueueSel, 0);
  d.SetReg(kQueueDescLow, 0x1000);  // would point outside RAM
  d.ring(0).Add({{kBufBase, 8, true}});
  d.Notify(0);
  EXPECT_TRUE(d.WaitUsed(0, 1));
  EXPECT_EQ(d.status() & kStatusNeedsReset, 0u);
}

TEST_F(VirtioMmioTest, BadAccessWidthReadsZero) {
  EXPECT_EQ(d.mmio().Read(kMagicValue, 2), 0u);
  EXPECT_EQ(d.mmio().Read(kMagicValue + 1, 4), 0u);
  d.mmio().Write(kStatus, 1, kStatusAcknowledge);
  EXPECT_EQ(d.status(), 0u);
}

}  // namespace
}  // namespace vmd
