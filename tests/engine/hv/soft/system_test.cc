// Exceptions and system state on the soft CPU: vectors and syndromes for
// SVC, UNDEFINED, the FP access trap (CPACR_EL1.FPEN), PC/SP/data alignment,
// ERET to EL0 with SP banking, and stage-1 translation through the walker
// with AT, TLBI and translation faults.
#include "tests/engine/hv/soft/guest_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

constexpr uint64_t kVectors = kRamBase + 0x800;
constexpr uint64_t kIl = 1ull << 25;

// Every synchronous vector records ESR/ELR/SPSR/FAR in x1/x2/x3/x10 and
// exits with HVC so the test can look.
class SystemTest : public GuestTest {
 protected:
  void SetUp() override {
    GuestTest::SetUp();
    const std::vector<uint32_t> handler = {
        0xd5385201,  // mrs x1, esr_el1
        0xd5384022,  // mrs x2, elr_el1
        0xd5384003,  // mrs x3, spsr_el1
        0xd538600a,  // mrs x10, far_el1
        kHvc0,
    };
    Load(handler, kVectors + 0x000);  // current EL, SP0
    Load(handler, kVectors + 0x200);  // current EL, SPx
    Load(handler, kVectors + 0x400);  // lower EL, AArch64
    SetSys(HV_SYS_REG_VBAR_EL1, kVectors);
  }
  uint64_t Esr() { return X(1); }
  uint64_t Elr() { return X(2); }
  uint64_t Spsr() { return X(3); }
  uint64_t Far() { return X(10); }
};

TEST_F(SystemTest, SvcFromEl0TakesLowerElVectorWithBankedSp) {
  SetReg(HV_REG_CPSR, 0);  // EL0t, interrupts unmasked
  SetSys(HV_SYS_REG_SP_EL0, 0x1000);
  SetSys(HV_SYS_REG_SP_EL1, 0x2000);
  Exec({0x910003e4, 0xd40000a1});  // mov x4, sp; svc #5
  EXPECT_EQ(Reg(HV_REG_PC), kVectors + 0x400 + 0x14);
  EXPECT_EQ(X(4), 0x1000u);  // EL0 uses SP_EL0
  EXPECT_EQ(Esr(), 0x15ull << 26 | kIl | 5);
  EXPECT_EQ(Elr(), kRamBase + 8);  // preferred return: after the SVC
  EXPECT_EQ(Spsr(), 0u);
  EXPECT_EQ(Reg(HV_REG_CPSR), 0x3c5u);  // EL1h, DAIF masked
  EXPECT_EQ(Sys(HV_SYS_REG_SP_EL1), 0x2000u);
}

TEST_F(SystemTest, EretEntersEl0AndExceptionsComeBack) {
  Load({0xd40000e1}, kRamBase + 0x100);  // EL0 code: svc #7
  SetSys(HV_SYS_REG_ELR_EL1, kRamBase + 0x100);
  SetSys(HV_SYS_REG_SPSR_EL1, 0);  // EL0t
  Exec({0xd69f03e0});              // eret
  EXPECT_EQ(Esr(), 0x15ull << 26 | kIl | 7);
  EXPECT_EQ(Elr(), kRamBase + 0x104);
  EXPECT_EQ(Reg(HV_REG_PC), kVectors + 0x400 + 0x14);
}

TEST_F(SystemTest, UndefinedIsEc0AndDisabledFpIsEc7) {
  Exec({0x00000000});  // udf #0
  EXPECT_EQ(Esr(), 0x00ull << 26 | kIl);
  EXPECT_EQ(Elr(), kRamBase);
  EXPECT_EQ(Spsr(), 0x3c5u);
  EXPECT_EQ(Reg(HV_REG_PC), kVectors + 0x200 + 0x14);
  SetReg(HV_REG_CPSR, 0x3c5);
  Exec({0x1e622820});  // fadd d0, d1, d2 with CPACR_EL1.FPEN = 0 (reset)
  EXPECT_EQ(Esr(), 0x07ull << 26 | kIl | 1u << 24 | 0xEu << 20);  // CV, COND = AL
}

TEST_F(SystemTest, UnalignedBranchTargetTakesPcAlignmentFault) {
  SetX(0, kRamBase + 0x102);
  Exec({0xd61f0000});  // br x0
  EXPECT_EQ(Esr() >> 26, 0x22u);
  EXPECT_EQ(Far(), kRamBase + 0x102);
  EXPECT_EQ(Elr(), kRamBase + 0x102);
}

TEST_F(SystemTest, MisalignedSpTakesSpAlignmentFaultWhenSctlrSaSet) {
  SetSys(HV_SYS_REG_SCTLR_EL1, Sys(HV_SYS_REG_SCTLR_EL1) | 1u << 3);  // SA
  SetSys(HV_SYS_REG_SP_EL1, kRamBase + 0x2008);
  Exec({0xf94003e0});  // ldr x0, [sp]
  EXPECT_EQ(Esr() >> 26, 0x26u);
  EXPECT_EQ(Elr(), kRamBase);
}

TEST_F(SystemTest, SctlrAMakesUnalignedLoadsFault) {
  SetSys(HV_SYS_REG_SCTLR_EL1, Sys(HV_SYS_REG_SCTLR_EL1) | 1u << 1);  // A
  SetX(1, kRamBase + 0x2004);
  Exec({0xf9400020});  // ldr x0, [x1]
  EXPECT_EQ(Esr() >> 26, 0x25u);
  EXPECT_EQ(Esr() & 0x3f, 0x21u);  // alignment fault
  EXPECT_EQ(Far(), kRamBase + 0x2004);
}

TEST_F(SystemTest, El0CounterAccessFollowsCntkctl) {
  SetReg(HV_REG_CPSR, 0);  // EL0t
  Exec({0xd53be046});      // mrs x6, cntvct_el0 with CNTKCTL_EL1.EL0VCTEN=0
  EXPECT_EQ(Esr(), 0x00ull << 26 | kIl);
  EXPECT_EQ(Elr(), kRamBase);
  SetSys(HV_SYS_REG_CNTKCTL_EL1, 1u << 1);  // EL0VCTEN
  SetReg(HV_REG_CPSR, 0);
  SetX(6, 0);
  Exec({0xd53be046, 0xd4000001});  // mrs x6, cntvct_el0; svc #0
  EXPECT_EQ(Esr() >> 26, 0x15u);
  EXPECT_NE(X(6), 0u);
}

TEST_F(SystemTest, El0WfiTrapsToEl1UnlessSctlrNtwiSet) {
  SetSys(HV_SYS_REG_SCTLR_EL1, Sys(HV_SYS_REG_SCTLR_EL1) & ~(1ull << 16));  // nTWI=0
  SetReg(HV_REG_CPSR, 0);
  Exec({0xd503207f});  // wfi
  EXPECT_EQ(Esr(), 0x01ull << 26 | kIl);
  EXPECT_EQ(Elr(), kRamBase);
  SetSys(HV_SYS_REG_SCTLR_EL1, Sys(HV_SYS_REG_SCTLR_EL1) | 1ull << 16);  // nTWI=1
  SetReg(HV_REG_CPSR, 0);
  SetReg(HV_REG_PC, kRamBase);
  Run();
  ASSERT_EQ(exit_->reason, HV_EXIT_REASON_EXCEPTION);
  EXPECT_EQ(exit_->exception.syndrome, 0x01ull << 26 | kIl);  // now the host's
}

TEST_F(SystemTest, VirtualTimerTvalIsRelativeToTheCounter) {
  SetX(2, 1000000);
  SetX(7, 3);  // ENABLE | IMASK: enabled but masked, so no exit
  Exec({
      0xd53be041,  // mrs x1, cntvct_el0
      0xd51be302,  // msr cntv_tval_el0, x2
      0xd53be343,  // mrs x3, cntv_cval_el0
      0xd53be304,  // mrs x4, cntv_tval_el0
      0xd51be327,  // msr cntv_ctl_el0, x7
      0xd53be325,  // mrs x5, cntv_ctl_el0
  });
  EXPECT_GE(X(3), X(1) + 1000000);  // CVAL = CNTVCT (at the write) + TVAL
  EXPECT_LE(X(4), 1000000u);        // TVAL counts down from there
  EXPECT_EQ(X(5) & 3, 3u);
  EXPECT_EQ(X(5) & 4, 0u);  // ISTATUS: not yet due
}

TEST_F(SystemTest, IrqFromEl0UsesLowerElIrqVector) {
  Load({kHvc0}, kVectors + 0x480);
  SetReg(HV_REG_CPSR, 0);  // EL0t, IRQs unmasked
  ASSERT_EQ(hv_vcpu_set_pending_interrupt(vcpu_, HV_INTERRUPT_TYPE_IRQ, true), HV_SUCCESS);
  Load({0x14000000});  // b .
  RunToHvc();
  EXPECT_EQ(Reg(HV_REG_PC), kVectors + 0x484);
  EXPECT_EQ(Sys(HV_SYS_REG_SPSR_EL1), 0u);
  EXPECT_EQ(Sys(HV_SYS_REG_ELR_EL1), kRamBase);
}

TEST_F(SystemTest, FiqTakesPriorityOverIrq) {
  Load({kHvc0}, kVectors + 0x400 + 0x100);
  SetReg(HV_REG_CPSR, 0);
  ASSERT_EQ(hv_vcpu_set_pending_interrupt(vcpu_, HV_INTERRUPT_TYPE_IRQ, true), HV_SUCCESS);
  ASSERT_EQ(hv_vcpu_set_pending_interrupt(vcpu_, HV_INTERRUPT_TYPE_FIQ, true), HV_SUCCESS);
  Load({0x14000000});  // b .
  RunToHvc();
  EXPECT_EQ(Reg(HV_REG_PC), kVectors + 0x504);
}

// 4 KiB granule, 39-bit VA: level-1 1 GiB blocks. VA 0x4000_0000 maps to
// itself, VA 0x8000_0000 aliases the same RAM, VA 0xC000_0000 is invalid.
TEST_F(SystemTest, StageOneTranslationAtAndTlbi) {
  constexpr uint64_t kL1 = kRamBase + 0x3000;
  constexpr uint64_t kBlock = 0x40000000 | 1u << 10 | 3u << 8 | 1;  // AF, SH=inner, block
  Poke64(kL1 + 1 * 8, kBlock);
  Poke64(kL1 + 2 * 8, kBlock);
  SetSys(HV_SYS_REG_TTBR0_EL1, kL1);
  SetSys(HV_SYS_REG_TCR_EL1, 25 | 1u << 23 | 1ull << 32);  // T0SZ=25, EPD1, IPS=36 bits
  SetSys(HV_SYS_REG_MAIR_EL1, 0xff);
  SetX(0, Sys(HV_SYS_REG_SCTLR_EL1) | 1);  // M
  SetX(1, 0x1234abcd);
  SetX(2, 0x80002000);  // alias of kRamBase + 0x2000
  SetX(4, kRamBase + 0x2000);
  SetX(5, 0x80002000);
  SetX(9, kL1 + 2 * 8);
  Exec({
      0xd5181000,  // msr sctlr_el1, x0
      0xd5033fdf,  // isb
      0xf9000041,  // str x1, [x2]
      0xf940008b,  // ldr x11, [x4]
      0xd5087805,  // at s1e1r, x5
      0xd5387406,  // mrs x6, par_el1
      0xf900013f,  // str xzr, [x9]     (unmap VA 0x8000_0000)
      0xd508871f,  // tlbi vmalle1
      0xd5033f9f,  // dsb sy
      0xd5033fdf,  // isb
      0xf9400047,  // ldr x7, [x2]      (now a translation fault)
  });
  EXPECT_EQ(Peek64(kRamBase + 0x2000), 0x1234abcdu);
  EXPECT_EQ(X(11), 0x1234abcdu);  // written through the alias, read back identity-mapped
  // PAR_EL1 after AT S1E1R: F=0 and PA[47:12].
  EXPECT_EQ(X(6) & 1, 0u);
  EXPECT_EQ(X(6) & 0xfffffffff000ull, kRamBase + 0x2000);
  EXPECT_EQ(Esr() >> 26, 0x25u);
  EXPECT_EQ(Esr() & 0x3f, 0x05u);  // translation fault, level 1
  EXPECT_EQ(Far(), 0x80002000u);
  EXPECT_EQ(Elr(), kRamBase + 10 * 4);
}

}  // namespace
}  // namespace vmd::hvsoft::testing
