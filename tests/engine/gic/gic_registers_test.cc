// The distributor and redistributor register files as a guest probes them:
// identification, forced ARE/DS, the WAKER handshake, field widths and access
// sizes, and robustness against bad offsets.
#include <cstdint>

#include "gtest/gtest.h"
#include "tests/engine/gic/gic_guest.h"

namespace vmd {
namespace {

using namespace gic;  // NOLINT: register names in a test
using testing::GicGuest;

TEST(GicRegisters, DistributorIdentifiesAsGicV3WithAtLeast128Intids) {
  GicGuest g(4);
  EXPECT_EQ((g.Gicd(kGicdPidr2) >> 4) & 0xF, 3u);  // ArchRev = GICv3
  uint64_t typer = g.Gicd(kGicdTyper);
  uint32_t it_lines = typer & 0x1F;
  EXPECT_GE(it_lines, 3u);
  EXPECT_EQ(32 * (it_lines + 1), Gic::kNumIntids);
  EXPECT_EQ((typer >> 5) & 7, 3u);             // CPUNumber = vCPUs - 1
  EXPECT_EQ((typer >> 10) & 1, 0u);            // SecurityExtn: single security state
  EXPECT_EQ((typer >> 17) & 1, 0u);            // no LPIs
  EXPECT_GE(((typer >> 19) & 0x1F) + 1, 10u);  // IDbits cover INTID 1023
  EXPECT_EQ(g.Gicd(kGicdIidr), g.Gicr(0, kGicrIidr));
}

TEST(GicRegisters, CtlrKeepsAffinityRoutingAndSingleSecurityStateForced) {
  GicGuest g(1);
  EXPECT_EQ(g.Gicd(kGicdCtlr), kGicdCtlrAre | kGicdCtlrDs);
  g.SetGicd(kGicdCtlr, kGicdCtlrEnableGrp1 | kGicdCtlrEnableGrp0);  // tries to clear ARE
  EXPECT_EQ(g.Gicd(kGicdCtlr),
            kGicdCtlrAre | kGicdCtlrDs | kGicdCtlrEnableGrp1 | kGicdCtlrEnableGrp0);
  g.SetGicd(kGicdCtlr, 0);
  EXPECT_EQ(g.Gicd(kGicdCtlr), kGicdCtlrAre | kGicdCtlrDs);
}

TEST(GicRegisters, RedistributorTyperCarriesAffinityNumberAndLast) {
  GicGuest g(3);
  for (int cpu = 0; cpu < 3; ++cpu) {
    uint64_t typer = g.Gicr(cpu, kGicrTyper, 8);
    EXPECT_EQ(typer >> 32, static_cast<uint64_t>(cpu));  // Aff0 = vCPU index
    EXPECT_EQ((typer >> 8) & 0xFFFF, static_cast<uint64_t>(cpu));
    EXPECT_EQ((typer & kGicrTyperLast) != 0, cpu == 2);
    EXPECT_EQ(typer & 1, 0u);  // PLPIS
    // Two 32-bit halves read the same value.
    EXPECT_EQ(g.Gicr(cpu, kGicrTyper, 4) | g.Gicr(cpu, kGicrTyper + 4, 4) << 32, typer);
    EXPECT_EQ((g.Gicr(cpu, kGicrPidr2) >> 4) & 0xF, 3u);
  }
}

TEST(GicRegisters, WakerHandshakeWakesAndSleepsTheRedistributor) {
  GicGuest g(2);
  EXPECT_EQ(g.Gicr(1, kGicrWaker), kGicrWakerProcessorSleep | kGicrWakerChildrenAsleep);
  g.SetGicr(1, kGicrWaker, 0);
  EXPECT_EQ(g.Gicr(1, kGicrWaker), 0u);
  EXPECT_NE(g.Gicr(0, kGicrWaker) & kGicrWakerChildrenAsleep, 0u);  // the other is untouched
  g.SetGicr(1, kGicrWaker, kGicrWakerProcessorSleep);
  EXPECT_EQ(g.Gicr(1, kGicrWaker), kGicrWakerProcessorSleep | kGicrWakerChildrenAsleep);
}

TEST(GicRegisters, PriorityIsByteAccessibleWithFiveImplementedBits) {
  GicGuest g(1);
  g.SetGicd(kGicdIpriorityr + 40, 0xFF, 1);
  g.SetGicd(kGicdIpriorityr + 41, 0x47, 1);
  EXPECT_EQ(g.Gicd(kGicdIpriorityr + 40, 1), 0xF8u);
  EXPECT_EQ(g.Gicd(kGicdIpriorityr + 41, 1), 0x40u);
  EXPECT_EQ(g.Gicd(kGicdIpriorityr + 40, 4), 0x40F8u);
  g.SetGicd(kGicdIpriorityr + 44, 0x10203040, 4);
  for (unsigned i = 0; i < 4; ++i) {
    EXPECT_EQ(g.Gicd(kGicdIpriorityr + 44 + i, 1), (0x40u - 0x10u * i)) << i;
  }
  // Banked SGI/PPI priorities live in the redistributor.
  g.SetSgi(0, kGicdIpriorityr + 27, 0x88, 1);
  EXPECT_EQ(g.Sgi(0, kGicdIpriorityr + 24, 4), 0x88000000u);
}

TEST(GicRegisters, BankedRangeIsRazWiInTheDistributorWithAffinityRouting) {
  GicGuest g(1);
  g.SetGicd(kGicdIsenabler, 0xFFFFFFFF);
  g.SetGicd(kGicdIpriorityr + 27, 0x80, 1);
  EXPECT_EQ(g.Gicd(kGicdIsenabler), 0u);
  EXPECT_EQ(g.Gicd(kGicdIpriorityr + 27, 1), 0u);
  EXPECT_EQ(g.Sgi(0, kGicdIsenabler), 0u);
  EXPECT_EQ(g.Sgi(0, kGicdIpriorityr + 24, 4), 0u);
}

TEST(GicRegisters, EnableSetAndClearRegistersShareOneState) {
  GicGuest g(1);
  g.SetGicd(kGicdIsenabler + 4, 0x00000005);  // INTIDs 32 and 34
  EXPECT_EQ(g.Gicd(kGicdIsenabler + 4), 5u);
  EXPECT_EQ(g.Gicd(kGicdIcenabler + 4), 5u);
  g.SetGicd(kGicdIsenabler + 4, 0x00000002);  // writing zeros changes nothing
  EXPECT_EQ(g.Gicd(kGicdIsenabler + 4), 7u);
  g.SetGicd(kGicdIcenabler + 4, 0x00000001);
  EXPECT_EQ(g.Gicd(kGicdIsenabler + 4), 6u);
}

TEST(GicRegisters, SgiConfigIsAlwaysEdgeAndPpiSpiConfigIsProgrammable) {
  GicGuest g(1);
  EXPECT_EQ(g.Sgi(0, kGicdIcfgr), 0xAAAAAAAAu);
  g.SetSgi(0, kGicdIcfgr, 0);
  EXPECT_EQ(g.Sgi(0, kGicdIcfgr), 0xAAAAAAAAu);
  EXPECT_EQ(g.Sgi(0, kGicdIcfgr + 4), 0u);  // PPIs reset level-sensitive
  g.SetSgi(0, kGicdIcfgr + 4, 0x2u << 2 * (27 - 16));
  EXPECT_EQ(g.Sgi(0, kGicdIcfgr + 4), 0x2u << 2 * (27 - 16));
  g.SetGicd(kGicdIcfgr + 8, 0x8);  // INTID 33 edge
  EXPECT_EQ(g.Gicd(kGicdIcfgr + 8), 0x8u);
}

TEST(GicRegisters, IrouterTakes64BitAndHalfWritesAndMasksReservedBits) {
  GicGuest g(4);
  uint64_t off = kGicdIrouter + 8 * 40;
  EXPECT_EQ(g.Gicd(off, 8), 0u);
  g.SetGicd(off, 0xFFFF'FFFF'FFFF'FFFFull, 8);
  EXPECT_EQ(g.Gicd(off, 8), 0x0000'00FF'80FF'FFFFull);  // Aff3, IRM, Aff2, Aff1, Aff0
  g.SetGicd(off, 0x3, 4);
  g.SetGicd(off + 4, 0, 4);
  EXPECT_EQ(g.Gicd(off, 8), 0x3u);
  EXPECT_EQ(g.Gicd(off, 4), 0x3u);
}

TEST(GicRegisters, GuestNonsenseIsReadAsZeroAndIgnored) {
  GicGuest g(2);
  g.LinuxInit();
  uint64_t before = g.Gicd(kGicdIsenabler + 4);
  // Odd sizes, misaligned offsets, offsets past the windows, unknown registers.
  g.SetGicd(kGicdIsenabler + 4, 0xFFFFFFFF, 2);
  g.SetGicd(kGicdIsenabler + 5, 0xFFFFFFFF, 4);
  g.SetGicd(0x123458, 1, 8);
  g.SetGicd(0xF000, 1, 4);
  EXPECT_EQ(g.Gicd(kGicdIsenabler + 4), before);
  EXPECT_EQ(g.Gicd(kGicdIsenabler + 4, 1), 0u);
  EXPECT_EQ(g.Gicd(0x123458, 8), 0u);
  EXPECT_EQ(g.Gicd(kGicdIpriorityr + 32, 2), 0u);
  EXPECT_EQ(g.Gicr(5, kGicrTyper, 8), 0u);  // no redistributor 5
  g.SetGicr(5, kGicrWaker, 0);
  g.SetSgi(0, 0xFFFC, 0xFFFFFFFF);
  EXPECT_EQ(g.Sgi(0, kGicdIsenabler + 4), 0u);  // only one banked word exists
  // Nonsense INTIDs to the CPU interface.
  g.SetIcc(0, kIccEoir1, 5000);
  g.SetIcc(0, kIccDir, 0xFFFFFF);
  EXPECT_EQ(g.Ack1(0), kSpuriousIntid);
}

TEST(GicRegisters, NonGicSystemRegistersAreNotClaimed) {
  GicGuest g(1);
  uint64_t v = 0;
  EXPECT_FALSE(g.gic().ReadSysReg(0, SysRegEnc(3, 0, 12, 0, 0), &v));  // VBAR_EL1
  EXPECT_FALSE(g.gic().WriteSysReg(0, SysRegEnc(3, 3, 14, 2, 1), 0));  // CNTV_CTL_EL0
  EXPECT_FALSE(g.gic().ReadSysReg(0, SysRegEnc(3, 0, 4, 6, 1), &v));
  EXPECT_TRUE(g.gic().ReadSysReg(0, kIccPmr, &v));
}

TEST(GicRegisters, CpuInterfaceControlAndBinaryPointFields) {
  GicGuest g(1);
  EXPECT_EQ(g.Icc(0, kIccSre), 0x7u);  // SRE, DFB, DIB
  g.SetIcc(0, kIccSre, 0);
  EXPECT_EQ(g.Icc(0, kIccSre), 0x7u);
  uint64_t ctlr = g.Icc(0, kIccCtlr);
  EXPECT_EQ((ctlr >> kIccCtlrPriBitsShift) & 7, 4u);  // 5 priority bits
  g.SetIcc(0, kIccCtlr, kIccCtlrEoiMode);
  EXPECT_EQ(g.Icc(0, kIccCtlr) & 3, kIccCtlrEoiMode);
  // Binary points: minimum 2 for group 0 and 3 for group 1 with 5 priority bits.
  g.SetIcc(0, kIccBpr0, 0);
  g.SetIcc(0, kIccBpr1, 0);
  EXPECT_EQ(g.Icc(0, kIccBpr0), 2u);
  EXPECT_EQ(g.Icc(0, kIccBpr1), 3u);
  g.SetIcc(0, kIccBpr1, 5);
  EXPECT_EQ(g.Icc(0, kIccBpr1), 5u);
  g.SetIcc(0, kIccPmr, 0xFF);
  EXPECT_EQ(g.Icc(0, kIccPmr), 0xF8u);
  EXPECT_EQ(g.Icc(0, kIccRpr), 0xFFu);  // idle
}

}  // namespace
}  // namespace vmd
