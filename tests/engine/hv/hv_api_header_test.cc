// Checks that our declaration of Hypervisor.framework's API has Apple's layout
// and values (shared/design/hv-api.md), so engine code means the same thing on
// a Mac and on hv/soft.
#include <cstddef>

#include "engine/hv/hypervisor.h"
#include "gtest/gtest.h"

namespace {

constexpr uint16_t Enc(int op0, int op1, int crn, int crm, int op2) {
  return static_cast<uint16_t>(op0 << 14 | op1 << 11 | crn << 7 | crm << 3 | op2);
}

TEST(HvApiHeader, ExitStructHasAppleLayout) {
  EXPECT_EQ(sizeof(hv_vcpu_exit_t), 32u);
  EXPECT_EQ(offsetof(hv_vcpu_exit_t, reason), 0u);
  EXPECT_EQ(offsetof(hv_vcpu_exit_t, exception), 8u);
  EXPECT_EQ(offsetof(hv_vcpu_exit_t, exception.syndrome), 8u);
  EXPECT_EQ(offsetof(hv_vcpu_exit_t, exception.virtual_address), 16u);
  EXPECT_EQ(offsetof(hv_vcpu_exit_t, exception.physical_address), 24u);
  EXPECT_EQ(sizeof(hv_exit_reason_t), 4u);
}

TEST(HvApiHeader, ScalarTypeSizes) {
  EXPECT_EQ(sizeof(hv_return_t), 4u);
  EXPECT_EQ(sizeof(hv_vcpu_t), 8u);
  EXPECT_EQ(sizeof(hv_ipa_t), 8u);
  EXPECT_EQ(sizeof(hv_memory_flags_t), 8u);
  EXPECT_EQ(sizeof(hv_sys_reg_t), 2u);
  EXPECT_EQ(sizeof(hv_simd_fp_uchar16_t), 16u);
}

TEST(HvApiHeader, ErrorCodes) {
  EXPECT_EQ(HV_SUCCESS, 0);
  EXPECT_EQ(static_cast<uint32_t>(HV_ERROR), 0xfae94001u);
  EXPECT_EQ(static_cast<uint32_t>(HV_BUSY), 0xfae94002u);
  EXPECT_EQ(static_cast<uint32_t>(HV_BAD_ARGUMENT), 0xfae94003u);
  EXPECT_EQ(static_cast<uint32_t>(HV_ILLEGAL_GUEST_STATE), 0xfae94004u);
  EXPECT_EQ(static_cast<uint32_t>(HV_NO_RESOURCES), 0xfae94005u);
  EXPECT_EQ(static_cast<uint32_t>(HV_NO_DEVICE), 0xfae94006u);
  EXPECT_EQ(static_cast<uint32_t>(HV_DENIED), 0xfae94007u);
  EXPECT_EQ(static_cast<uint32_t>(HV_UNSUPPORTED), 0xfae9400fu);
}

TEST(HvApiHeader, EnumValues) {
  EXPECT_EQ(HV_EXIT_REASON_CANCELED, 0);
  EXPECT_EQ(HV_EXIT_REASON_EXCEPTION, 1);
  EXPECT_EQ(HV_EXIT_REASON_VTIMER_ACTIVATED, 2);
  EXPECT_EQ(HV_EXIT_REASON_UNKNOWN, 3);
  EXPECT_EQ(HV_MEMORY_READ, 1u);
  EXPECT_EQ(HV_MEMORY_WRITE, 2u);
  EXPECT_EQ(HV_MEMORY_EXEC, 4u);
  EXPECT_EQ(HV_REG_X0, 0);
  EXPECT_EQ(HV_REG_X30, 30);
  EXPECT_EQ(HV_REG_FP, 29);
  EXPECT_EQ(HV_REG_LR, 30);
  EXPECT_EQ(HV_REG_PC, 31);
  EXPECT_EQ(HV_REG_FPCR, 32);
  EXPECT_EQ(HV_REG_FPSR, 33);
  EXPECT_EQ(HV_REG_CPSR, 34);
  EXPECT_EQ(HV_SIMD_FP_REG_Q0, 0);
  EXPECT_EQ(HV_SIMD_FP_REG_Q31, 31);
  EXPECT_EQ(HV_INTERRUPT_TYPE_IRQ, 0);
  EXPECT_EQ(HV_INTERRUPT_TYPE_FIQ, 1);
}

TEST(HvApiHeader, SysRegEncodingsFollowOp0Op1CRnCRmOp2) {
  EXPECT_EQ(HV_SYS_REG_SCTLR_EL1, 0xc080);
  EXPECT_EQ(HV_SYS_REG_SP_EL0, 0xc208);
  EXPECT_EQ(HV_SYS_REG_SP_EL1, 0xe208);
  EXPECT_EQ(HV_SYS_REG_MPIDR_EL1, 0xc005);
  EXPECT_EQ(HV_SYS_REG_CNTV_CTL_EL0, 0xdf19);
  EXPECT_EQ(HV_SYS_REG_CNTV_CVAL_EL0, 0xdf1a);
  // The rest computed from the architectural op0/op1/CRn/CRm/op2 of each.
  EXPECT_EQ(HV_SYS_REG_MIDR_EL1, Enc(3, 0, 0, 0, 0));
  EXPECT_EQ(HV_SYS_REG_ID_AA64PFR0_EL1, Enc(3, 0, 0, 4, 0));
  EXPECT_EQ(HV_SYS_REG_ID_AA64MMFR0_EL1, Enc(3, 0, 0, 7, 0));
  EXPECT_EQ(HV_SYS_REG_TTBR0_EL1, Enc(3, 0, 2, 0, 0));
  EXPECT_EQ(HV_SYS_REG_TTBR1_EL1, Enc(3, 0, 2, 0, 1));
  EXPECT_EQ(HV_SYS_REG_TCR_EL1, Enc(3, 0, 2, 0, 2));
  EXPECT_EQ(HV_SYS_REG_SPSR_EL1, Enc(3, 0, 4, 0, 0));
  EXPECT_EQ(HV_SYS_REG_ELR_EL1, Enc(3, 0, 4, 0, 1));
  EXPECT_EQ(HV_SYS_REG_ESR_EL1, Enc(3, 0, 5, 2, 0));
  EXPECT_EQ(HV_SYS_REG_FAR_EL1, Enc(3, 0, 6, 0, 0));
  EXPECT_EQ(HV_SYS_REG_PAR_EL1, Enc(3, 0, 7, 4, 0));
  EXPECT_EQ(HV_SYS_REG_MAIR_EL1, Enc(3, 0, 10, 2, 0));
  EXPECT_EQ(HV_SYS_REG_VBAR_EL1, Enc(3, 0, 12, 0, 0));
  EXPECT_EQ(HV_SYS_REG_TPIDR_EL1, Enc(3, 0, 13, 0, 4));
  EXPECT_EQ(HV_SYS_REG_CNTKCTL_EL1, Enc(3, 0, 14, 1, 0));
  EXPECT_EQ(HV_SYS_REG_CSSELR_EL1, Enc(3, 2, 0, 0, 0));
  EXPECT_EQ(HV_SYS_REG_TPIDR_EL0, Enc(3, 3, 13, 0, 2));
  EXPECT_EQ(HV_SYS_REG_TPIDRRO_EL0, Enc(3, 3, 13, 0, 3));
  EXPECT_EQ(HV_SYS_REG_MDSCR_EL1, Enc(2, 0, 0, 2, 2));
  EXPECT_EQ(HV_SYS_REG_DBGBVR0_EL1, Enc(2, 0, 0, 0, 4));
  EXPECT_EQ(HV_SYS_REG_DBGWCR15_EL1, Enc(2, 0, 0, 15, 7));
}

}  // namespace
