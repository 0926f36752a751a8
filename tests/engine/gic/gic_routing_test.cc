// Which vCPU gets what: SGIs through ICC_SGI1R_EL1 (target lists, IRM), PPIs
// banked per vCPU, SPIs routed by GICD_IROUTER (targeted and 1-of-N), and kicks
// reaching exactly the vCPUs that became deliverable.
#include <cstdint>
#include <vector>

#include "gtest/gtest.h"
#include "tests/engine/gic/gic_guest.h"

namespace vmd {
namespace {

using namespace gic;  // NOLINT: register names in a test
using testing::GicGuest;

// ICC_SGI1R_EL1 value: INTID [27:24], TargetList [15:0], Aff1 [23:16], IRM [40].
uint64_t Sgi1r(uint32_t intid, uint16_t target_list, uint64_t aff1 = 0, bool irm = false) {
  return uint64_t{intid} << 24 | target_list | aff1 << 16 | uint64_t{irm} << 40;
}

std::vector<int> Pending(GicGuest& g) {
  std::vector<int> out;
  for (int cpu = 0; cpu < g.gic().num_vcpus(); ++cpu) {
    if (g.gic().IrqPending(cpu)) out.push_back(cpu);
  }
  return out;
}

class GicRoutingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    g_.LinuxInit();
    g_.kicks().Take();
  }
  GicGuest g_{4};
};

TEST_F(GicRoutingTest, SgiReachesExactlyTheTargetList) {
  g_.SetIcc(0, kIccSgi1r, Sgi1r(3, 0b1010));
  EXPECT_EQ(Pending(g_), (std::vector<int>{1, 3}));
  EXPECT_EQ(g_.kicks().Take(), (std::vector<int>{1, 3}));
  EXPECT_EQ(g_.Ack1(1), 3u);
  EXPECT_EQ(g_.Ack1(0), kSpuriousIntid);
  EXPECT_EQ(g_.Ack1(3), 3u);
  g_.Eoi1(1, 3);
  g_.Eoi1(3, 3);
  EXPECT_TRUE(Pending(g_).empty());
}

TEST_F(GicRoutingTest, SgiWithIrmGoesToEveryoneButTheSender) {
  g_.SetIcc(2, kIccSgi1r, Sgi1r(5, 0, 0, /*irm=*/true));
  EXPECT_EQ(Pending(g_), (std::vector<int>{0, 1, 3}));
  EXPECT_EQ(g_.kicks().Take(), (std::vector<int>{0, 1, 3}));
  for (int cpu : {0, 1, 3}) EXPECT_EQ(g_.Ack1(cpu), 5u);
}

TEST_F(GicRoutingTest, SgiToAnAffinityThatDoesNotExistIsDropped) {
  g_.SetIcc(0, kIccSgi1r, Sgi1r(1, 0b0010, /*aff1=*/1));
  g_.SetIcc(0, kIccSgi1r, Sgi1r(1, 0b0010) | uint64_t{1} << 44);  // RS = 1: vCPUs 16..31
  g_.SetIcc(0, kIccSgi1r, Sgi1r(1, 0b0010) | uint64_t{1} << 32);  // Aff2 = 1
  EXPECT_TRUE(Pending(g_).empty());
  EXPECT_TRUE(g_.kicks().Take().empty());
}

TEST_F(GicRoutingTest, SgiIsBankedPerTargetAndSelfTargetWorks) {
  g_.SetIcc(1, kIccSgi1r, Sgi1r(7, 0b0010));  // to itself
  EXPECT_EQ(Pending(g_), std::vector<int>{1});
  EXPECT_EQ(g_.Sgi(1, kGicdIspendr), 1u << 7);
  EXPECT_EQ(g_.Sgi(0, kGicdIspendr), 0u);
  EXPECT_EQ(g_.Ack1(1), 7u);
}

TEST_F(GicRoutingTest, Sgi0rRaisesOnlyGroupZeroSgis) {
  g_.SetIcc(0, kIccSgi0r, Sgi1r(2, 0b0010));  // SGI 2 is group 1 on vCPU 1
  EXPECT_EQ(g_.Sgi(1, kGicdIspendr), 0u);
  g_.SetSgi(1, kGicdIgroupr, 0xFFFFFFFF & ~(1u << 2));
  g_.SetIcc(0, kIccSgi0r, Sgi1r(2, 0b0010));
  EXPECT_EQ(g_.Sgi(1, kGicdIspendr), 1u << 2);
}

TEST_F(GicRoutingTest, PpisAreBankedPerVcpu) {
  for (int cpu = 0; cpu < 4; ++cpu) g_.Enable(cpu, 27);
  g_.SetPriority(1, 27, 0x20);
  EXPECT_EQ(g_.Sgi(0, kGicdIpriorityr + 27, 1), 0xA0u);  // other banks untouched
  g_.gic().SetPpiLevel(1, 27, true);
  EXPECT_EQ(Pending(g_), std::vector<int>{1});
  EXPECT_EQ(g_.kicks().Take(), std::vector<int>{1});
  EXPECT_EQ(g_.Ack1(0), kSpuriousIntid);
  EXPECT_EQ(g_.Ack1(1), 27u);
  EXPECT_EQ(g_.Icc(1, kIccRpr), 0x20u);
  EXPECT_EQ(g_.Sgi(1, kGicdIsactiver), 1u << 27);
  EXPECT_EQ(g_.Sgi(0, kGicdIsactiver), 0u);
  // Disabling vCPU 2's copy leaves vCPU 3's working.
  g_.Disable(2, 27);
  g_.gic().SetPpiLevel(2, 27, true);
  g_.gic().SetPpiLevel(3, 27, true);
  EXPECT_EQ(Pending(g_), std::vector<int>{3});
}

TEST_F(GicRoutingTest, SpiFollowsIrouterIncludingReroutingWhilePending) {
  g_.Enable(0, 40);
  g_.RouteSpi(40, 2);
  g_.gic().SetSpiLevel(40, true);
  EXPECT_EQ(Pending(g_), std::vector<int>{2});
  EXPECT_EQ(g_.kicks().Take(), std::vector<int>{2});
  g_.RouteSpi(40, 1);
  EXPECT_EQ(Pending(g_), std::vector<int>{1});
  EXPECT_EQ(g_.kicks().Take(), std::vector<int>{1});
  EXPECT_EQ(g_.Ack1(2), kSpuriousIntid);
  EXPECT_EQ(g_.Ack1(1), 40u);
  g_.gic().SetSpiLevel(40, false);
  g_.Eoi1(1, 40);
  // Aff1 = 1 or an Aff0 beyond the last vCPU names no PE: nobody gets it.
  g_.RouteSpi(40, 0x100);
  g_.gic().SetSpiLevel(40, true);
  EXPECT_TRUE(Pending(g_).empty());
  g_.RouteSpi(40, 9);
  EXPECT_TRUE(Pending(g_).empty());
  g_.RouteSpi(40, 0x10000);  // Aff2 = 1
  EXPECT_TRUE(Pending(g_).empty());
  g_.RouteSpi(40, uint64_t{1} << 32);  // Aff3 = 1
  EXPECT_TRUE(Pending(g_).empty());
  EXPECT_TRUE(g_.kicks().Take().empty());
}

TEST_F(GicRoutingTest, OneOfNRoutingDeliversToExactlyOneParticipatingVcpu) {
  g_.SetEdge(48);
  g_.Enable(0, 48);
  g_.RouteSpi(48, kIrouterIrm);
  for (int round = 0; round < 8; ++round) {
    g_.gic().SetSpiLevel(48, true);
    g_.gic().SetSpiLevel(48, false);
    std::vector<int> pending = Pending(g_);
    ASSERT_EQ(pending.size(), 1u) << "round " << round;
    EXPECT_EQ(g_.kicks().Take(), pending);
    int cpu = pending[0];
    EXPECT_EQ(g_.Ack1(cpu), 48u);
    g_.Eoi1(cpu, 48);
  }
  // A vCPU that does not take group 1 interrupts does not participate.
  for (int cpu : {0, 1, 3}) g_.SetIcc(cpu, kIccIgrpen1, 0);
  for (int round = 0; round < 3; ++round) {
    g_.gic().SetSpiLevel(48, true);
    g_.gic().SetSpiLevel(48, false);
    EXPECT_EQ(Pending(g_), std::vector<int>{2});
    EXPECT_EQ(g_.Ack1(2), 48u);
    g_.Eoi1(2, 48);
  }
  // Nobody participates: it waits, then goes to the first vCPU that does.
  g_.SetIcc(2, kIccIgrpen1, 0);
  g_.gic().SetSpiLevel(48, true);
  EXPECT_TRUE(Pending(g_).empty());
  g_.kicks().Take();
  g_.SetIcc(3, kIccIgrpen1, 1);
  EXPECT_EQ(Pending(g_), std::vector<int>{3});
  EXPECT_TRUE(g_.kicks().Take().empty());  // vCPU 3's own write
}

TEST_F(GicRoutingTest, KicksOnlyWhenAVcpuBecomesDeliverable) {
  g_.Enable(0, 33);
  g_.Enable(0, 34);
  g_.gic().SetSpiLevel(33, true);
  EXPECT_EQ(g_.kicks().Take(), std::vector<int>{0});
  g_.gic().SetSpiLevel(34, true);  // vCPU 0 already has something to take
  EXPECT_TRUE(g_.kicks().Take().empty());
  EXPECT_EQ(g_.Ack1(0), 33u);
  // 34 has the same priority as the active 33, so vCPU 0 has nothing now...
  EXPECT_FALSE(g_.gic().IrqPending(0));
  g_.gic().SetSpiLevel(33, false);
  g_.Eoi1(0, 33);
  // ...and becomes deliverable again through its own EOI: its thread re-checks
  // before running, so no kick.
  EXPECT_TRUE(g_.gic().IrqPending(0));
  EXPECT_TRUE(g_.kicks().Take().empty());
  EXPECT_EQ(g_.Ack1(0), 34u);
  // The same transition caused by another vCPU's ICC_* access does kick.
  g_.SetIcc(0, gic::kIccPmr, 0);
  g_.gic().SetSpiLevel(34, false);
  g_.Eoi1(0, 34);
  g_.SetIcc(1, gic::kIccSgi1r, uint64_t{1} << 24 | 1);  // SGI 1 to vCPU 0, which masks all
  EXPECT_TRUE(g_.kicks().Take().empty());
  g_.SetIcc(0, gic::kIccPmr, 0xF0);  // vCPU 0 unmasks itself: no kick
  EXPECT_TRUE(g_.gic().IrqPending(0));
  EXPECT_TRUE(g_.kicks().Take().empty());
  EXPECT_EQ(g_.Ack1(0), 1u);
  g_.Eoi1(0, 1);
  g_.SetIcc(1, gic::kIccSgi1r, uint64_t{2} << 24 | 1);  // SGI 2 to an idle vCPU 0
  EXPECT_EQ(g_.kicks().Take(), std::vector<int>{0});
}

}  // namespace
}  // namespace vmd
