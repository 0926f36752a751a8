// Interrupt life cycle through the ICC_* CPU interface after Linux's bring-up:
// acknowledge, priority drop, deactivation, priorities and the priority mask,
// running priority and preemption, level vs edge, groups and enables.
#include <cstdint>
#include <vector>

#include "gtest/gtest.h"
#include "tests/engine/gic/gic_guest.h"

namespace vmd {
namespace {

using namespace gic;  // NOLINT: register names in a test
using testing::GicGuest;

bool IsPending(GicGuest& g, uint32_t intid) {
  return (g.Gicd(kGicdIspendr + (intid / 32) * 4) >> (intid % 32)) & 1;
}
bool IsActive(GicGuest& g, uint32_t intid) {
  return (g.Gicd(kGicdIsactiver + (intid / 32) * 4) >> (intid % 32)) & 1;
}

class GicCpuInterfaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    g_.LinuxInit();
    g_.kicks().Take();
  }
  GicGuest g_{2};
};

TEST_F(GicCpuInterfaceTest, NothingPendingReadsSpurious) {
  EXPECT_FALSE(g_.gic().IrqPending(0));
  EXPECT_EQ(g_.Icc(0, kIccHppir1), kSpuriousIntid);
  EXPECT_EQ(g_.Ack1(0), kSpuriousIntid);
  EXPECT_EQ(g_.Icc(0, kIccRpr), 0xFFu);
}

TEST_F(GicCpuInterfaceTest, LevelSpiIsAcknowledgedAndCompletedLikeLinuxDoes) {
  g_.Enable(0, 33);
  g_.gic().SetSpiLevel(33, true);
  EXPECT_TRUE(g_.gic().IrqPending(0));
  EXPECT_FALSE(g_.gic().FiqPending(0));
  EXPECT_FALSE(g_.gic().IrqPending(1));  // IROUTER resets to Aff0 = 0
  EXPECT_EQ(g_.kicks().Take(), std::vector<int>{0});
  EXPECT_EQ(g_.Icc(0, kIccHppir1), 33u);

  EXPECT_EQ(g_.Ack1(0), 33u);
  EXPECT_EQ(g_.Icc(0, kIccRpr), 0xA0u);
  EXPECT_EQ(g_.Icc(0, kIccAp1r0), 1u << (0xA0 >> 3));
  EXPECT_FALSE(g_.gic().IrqPending(0));
  // The line is still high: active and pending at once.
  EXPECT_TRUE(IsActive(g_, 33));
  EXPECT_TRUE(IsPending(g_, 33));
  EXPECT_EQ(g_.Ack1(0), kSpuriousIntid);  // an active interrupt is not signalled again

  g_.gic().SetSpiLevel(33, false);  // the driver quiets the device
  EXPECT_FALSE(IsPending(g_, 33));
  g_.Eoi1(0, 33);
  EXPECT_FALSE(IsActive(g_, 33));
  EXPECT_EQ(g_.Icc(0, kIccRpr), 0xFFu);
  EXPECT_EQ(g_.Icc(0, kIccAp1r0), 0u);
  EXPECT_EQ(g_.Ack1(0), kSpuriousIntid);
}

TEST_F(GicCpuInterfaceTest, LevelInterruptStillHighAfterEoiIsTakenAgain) {
  g_.Enable(0, 35);
  g_.gic().SetSpiLevel(35, true);
  EXPECT_EQ(g_.Ack1(0), 35u);
  g_.Eoi1(0, 35);
  EXPECT_TRUE(g_.gic().IrqPending(0));
  EXPECT_EQ(g_.Ack1(0), 35u);
  g_.gic().SetSpiLevel(35, false);
  g_.Eoi1(0, 35);
  EXPECT_FALSE(g_.gic().IrqPending(0));
}

TEST_F(GicCpuInterfaceTest, EdgeInterruptLatchesRisingEdgesAndCanBePendingWhileActive) {
  g_.SetEdge(34);
  g_.Enable(0, 34);
  g_.gic().SetSpiLevel(34, true);
  g_.gic().SetSpiLevel(34, false);
  EXPECT_TRUE(IsPending(g_, 34));  // the edge was latched
  EXPECT_EQ(g_.Ack1(0), 34u);
  EXPECT_FALSE(IsPending(g_, 34));
  // A second edge while the first is being handled: active and pending.
  g_.gic().SetSpiLevel(34, true);
  EXPECT_TRUE(IsActive(g_, 34));
  EXPECT_TRUE(IsPending(g_, 34));
  EXPECT_FALSE(g_.gic().IrqPending(0));
  g_.Eoi1(0, 34);
  EXPECT_TRUE(g_.gic().IrqPending(0));
  EXPECT_EQ(g_.Ack1(0), 34u);
  g_.Eoi1(0, 34);
  // Holding the line high makes no new edge.
  EXPECT_EQ(g_.Ack1(0), kSpuriousIntid);
}

TEST_F(GicCpuInterfaceTest, SoftwarePendingViaIspendrAndIcpendr) {
  g_.Enable(0, 36);
  g_.SetBit(0, kGicdIspendr, 36);
  EXPECT_TRUE(g_.gic().IrqPending(0));
  g_.SetBit(0, kGicdIcpendr, 36);
  EXPECT_FALSE(g_.gic().IrqPending(0));
  EXPECT_FALSE(IsPending(g_, 36));
  // ICPENDR cannot clear a level interrupt whose line is high.
  g_.gic().SetSpiLevel(36, true);
  g_.SetBit(0, kGicdIcpendr, 36);
  EXPECT_TRUE(IsPending(g_, 36));
  EXPECT_EQ(g_.Ack1(0), 36u);
}

TEST_F(GicCpuInterfaceTest, DisabledInterruptStaysPendingButIsNotSignalled) {
  g_.gic().SetSpiLevel(37, true);
  EXPECT_TRUE(IsPending(g_, 37));
  EXPECT_FALSE(g_.gic().IrqPending(0));
  EXPECT_EQ(g_.Ack1(0), kSpuriousIntid);
  EXPECT_TRUE(g_.kicks().Take().empty());
  g_.Enable(0, 37);
  EXPECT_TRUE(g_.gic().IrqPending(0));
  EXPECT_EQ(g_.kicks().Take(), std::vector<int>{0});
  g_.Disable(0, 37);
  EXPECT_FALSE(g_.gic().IrqPending(0));
}

TEST_F(GicCpuInterfaceTest, HigherPriorityWinsAndEqualPriorityGoesToLowerIntid) {
  for (uint32_t id : {40u, 41u, 42u}) g_.Enable(0, id);
  g_.SetPriority(0, 40, 0x80);
  g_.SetPriority(0, 41, 0x40);
  g_.SetPriority(0, 42, 0x40);
  g_.gic().SetSpiLevel(40, true);
  g_.gic().SetSpiLevel(42, true);
  g_.gic().SetSpiLevel(41, true);
  EXPECT_EQ(g_.Icc(0, kIccHppir1), 41u);
  EXPECT_EQ(g_.Ack1(0), 41u);
  // 42 has the same group priority as the active 41: no preemption.
  EXPECT_EQ(g_.Ack1(0), kSpuriousIntid);
  g_.gic().SetSpiLevel(41, false);
  g_.Eoi1(0, 41);
  EXPECT_EQ(g_.Ack1(0), 42u);
  g_.gic().SetSpiLevel(42, false);
  g_.Eoi1(0, 42);
  EXPECT_EQ(g_.Ack1(0), 40u);
}

TEST_F(GicCpuInterfaceTest, PriorityMaskAdmitsOnlyStrictlyHigherPriority) {
  g_.Enable(0, 38);
  g_.SetPriority(0, 38, 0x80);
  g_.SetIcc(0, kIccPmr, 0x80);
  g_.gic().SetSpiLevel(38, true);
  EXPECT_FALSE(g_.gic().IrqPending(0));
  EXPECT_EQ(g_.Ack1(0), kSpuriousIntid);
  EXPECT_EQ(g_.Icc(0, kIccHppir1), 38u);  // HPPIR ignores the mask
  EXPECT_TRUE(g_.kicks().Take().empty());
  g_.SetIcc(0, kIccPmr, 0x88);
  EXPECT_TRUE(g_.gic().IrqPending(0));
  EXPECT_TRUE(g_.kicks().Take().empty());  // its own write: it re-checks anyway
  EXPECT_EQ(g_.Ack1(0), 38u);
}

TEST_F(GicCpuInterfaceTest, PreemptionFollowsRunningPriorityAndBinaryPoint) {
  g_.Enable(0, 50);
  g_.Enable(0, 51);
  g_.SetPriority(0, 50, 0x90);
  g_.SetPriority(0, 51, 0x80);
  // BPR1 = 5: group priority is bits [7:5], so 0x90 and 0x80 are one group.
  g_.SetIcc(0, kIccBpr1, 5);
  g_.gic().SetSpiLevel(50, true);
  EXPECT_EQ(g_.Ack1(0), 50u);
  EXPECT_EQ(g_.Icc(0, kIccRpr), 0x80u);
  EXPECT_EQ(g_.Icc(0, kIccAp1r0), 1u << (0x80 >> 3));
  g_.gic().SetSpiLevel(51, true);
  EXPECT_FALSE(g_.gic().IrqPending(0));
  EXPECT_EQ(g_.Ack1(0), kSpuriousIntid);
  g_.gic().SetSpiLevel(50, false);
  g_.Eoi1(0, 50);
  EXPECT_EQ(g_.Ack1(0), 51u);
  g_.gic().SetSpiLevel(51, false);
  g_.Eoi1(0, 51);

  // BPR1 = 3: all five bits are group priority, so 0x80 preempts 0x90.
  g_.SetIcc(0, kIccBpr1, 3);
  g_.gic().SetSpiLevel(50, true);
  EXPECT_EQ(g_.Ack1(0), 50u);
  EXPECT_EQ(g_.Icc(0, kIccRpr), 0x90u);
  g_.kicks().Take();
  g_.gic().SetSpiLevel(51, true);
  EXPECT_TRUE(g_.gic().IrqPending(0));
  EXPECT_EQ(g_.kicks().Take(), std::vector<int>{0});
  EXPECT_EQ(g_.Ack1(0), 51u);
  EXPECT_EQ(g_.Icc(0, kIccRpr), 0x80u);
  EXPECT_EQ(g_.Icc(0, kIccAp1r0), (1u << (0x80 >> 3)) | (1u << (0x90 >> 3)));
  g_.gic().SetSpiLevel(51, false);
  g_.Eoi1(0, 51);  // drops back to the preempted handler's priority
  EXPECT_EQ(g_.Icc(0, kIccRpr), 0x90u);
  g_.gic().SetSpiLevel(50, false);
  g_.Eoi1(0, 50);
  EXPECT_EQ(g_.Icc(0, kIccRpr), 0xFFu);
}

TEST_F(GicCpuInterfaceTest, EoiModeOneSplitsPriorityDropFromDeactivation) {
  g_.SetIcc(0, kIccCtlr, kIccCtlrEoiMode);
  g_.SetEdge(44);
  g_.Enable(0, 44);
  g_.gic().SetSpiLevel(44, true);
  g_.gic().SetSpiLevel(44, false);
  EXPECT_EQ(g_.Ack1(0), 44u);
  g_.Eoi1(0, 44);
  EXPECT_EQ(g_.Icc(0, kIccRpr), 0xFFu);  // priority dropped
  EXPECT_TRUE(IsActive(g_, 44));         // but still active
  g_.gic().SetSpiLevel(44, true);        // a new edge cannot be taken yet
  EXPECT_FALSE(g_.gic().IrqPending(0));
  g_.SetIcc(0, kIccDir, 44);
  EXPECT_FALSE(IsActive(g_, 44));
  EXPECT_TRUE(g_.gic().IrqPending(0));
  EXPECT_EQ(g_.Ack1(0), 44u);
}

TEST_F(GicCpuInterfaceTest, GroupZeroInterruptsAreFiqsAndUseIar0) {
  g_.SetGicd(kGicdIgroupr + 4, g_.Gicd(kGicdIgroupr + 4) & ~(1u << (45 - 32)));
  g_.Enable(0, 45);
  g_.gic().SetSpiLevel(45, true);
  EXPECT_FALSE(g_.gic().FiqPending(0));  // group 0 still disabled everywhere
  g_.SetGicd(kGicdCtlr, kGicdCtlrEnableGrp1 | kGicdCtlrEnableGrp0);
  EXPECT_FALSE(g_.gic().FiqPending(0));
  g_.SetIcc(0, kIccIgrpen0, 1);
  EXPECT_TRUE(g_.gic().FiqPending(0));
  EXPECT_FALSE(g_.gic().IrqPending(0));
  EXPECT_EQ(g_.Icc(0, kIccHppir1), kSpuriousIntid);
  EXPECT_EQ(g_.Icc(0, kIccHppir0), 45u);
  EXPECT_EQ(g_.Ack1(0), kSpuriousIntid);
  EXPECT_EQ(g_.Icc(0, kIccIar0), 45u);
  EXPECT_EQ(g_.Icc(0, kIccAp0r0), 1u << (0xA0 >> 3));
  g_.gic().SetSpiLevel(45, false);
  g_.SetIcc(0, kIccEoir0, 45);
  EXPECT_FALSE(IsActive(g_, 45));
  EXPECT_EQ(g_.Icc(0, kIccAp0r0), 0u);
}

TEST_F(GicCpuInterfaceTest, GroupEnablesGateDelivery) {
  g_.Enable(0, 46);
  g_.SetGicd(kGicdCtlr, 0);
  g_.gic().SetSpiLevel(46, true);
  EXPECT_FALSE(g_.gic().IrqPending(0));
  g_.SetGicd(kGicdCtlr, kGicdCtlrEnableGrp1);
  EXPECT_TRUE(g_.gic().IrqPending(0));
  g_.SetIcc(0, kIccIgrpen1, 0);
  EXPECT_FALSE(g_.gic().IrqPending(0));
  EXPECT_EQ(g_.Ack1(0), kSpuriousIntid);
  g_.SetIcc(0, kIccIgrpen1, 1);
  EXPECT_EQ(g_.Ack1(0), 46u);
}

TEST(GicCpuInterface, SleepingRedistributorForwardsNothing) {
  GicGuest g(1);
  g.SetGicd(kGicdCtlr, kGicdCtlrEnableGrp1);
  g.SetGicd(kGicdIgroupr + 4, 0xFFFFFFFF);
  g.SetGicd(kGicdIsenabler + 4, 1);
  g.SetIcc(0, kIccPmr, 0xF0);
  g.SetIcc(0, kIccIgrpen1, 1);
  g.gic().SetSpiLevel(32, true);
  EXPECT_FALSE(g.gic().IrqPending(0));
  g.SetGicr(0, kGicrWaker, 0);
  EXPECT_TRUE(g.gic().IrqPending(0));
  EXPECT_EQ(g.Ack1(0), 32u);
}

TEST_F(GicCpuInterfaceTest, ResetReturnsToPowerOnState) {
  g_.Enable(0, 33);
  g_.gic().SetSpiLevel(33, true);
  EXPECT_EQ(g_.Ack1(0), 33u);
  g_.gic().Reset();
  EXPECT_FALSE(g_.gic().IrqPending(0));
  EXPECT_EQ(g_.Gicd(kGicdCtlr), kGicdCtlrAre | kGicdCtlrDs);
  EXPECT_EQ(g_.Gicd(kGicdIsenabler + 4), 0u);
  EXPECT_EQ(g_.Gicd(kGicdIsactiver + 4), 0u);
  EXPECT_EQ(g_.Icc(0, kIccRpr), 0xFFu);
  EXPECT_EQ(g_.Icc(0, kIccIgrpen1), 0u);
  EXPECT_NE(g_.Gicr(0, kGicrWaker) & kGicrWakerProcessorSleep, 0u);
}

}  // namespace
}  // namespace vmd
