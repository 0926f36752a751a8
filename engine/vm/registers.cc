#include "engine/vm/registers.h"

#include <cstring>

#include "absl/strings/str_format.h"

namespace vmd {
namespace {

struct NamedSysReg {
  const char* name;
  hv_sys_reg_t reg;
};

constexpr NamedSysReg kDebugSysRegs[] = {
    {"SCTLR_EL1", HV_SYS_REG_SCTLR_EL1},   {"TCR_EL1", HV_SYS_REG_TCR_EL1},
    {"TTBR0_EL1", HV_SYS_REG_TTBR0_EL1},   {"TTBR1_EL1", HV_SYS_REG_TTBR1_EL1},
    {"MAIR_EL1", HV_SYS_REG_MAIR_EL1},     {"VBAR_EL1", HV_SYS_REG_VBAR_EL1},
    {"ESR_EL1", HV_SYS_REG_ESR_EL1},       {"FAR_EL1", HV_SYS_REG_FAR_EL1},
    {"ELR_EL1", HV_SYS_REG_ELR_EL1},       {"SPSR_EL1", HV_SYS_REG_SPSR_EL1},
    {"TPIDR_EL0", HV_SYS_REG_TPIDR_EL0},   {"TPIDR_EL1", HV_SYS_REG_TPIDR_EL1},
    {"TPIDRRO_EL0", HV_SYS_REG_TPIDRRO_EL0}, {"CPACR_EL1", HV_SYS_REG_CPACR_EL1},
    {"CONTEXTIDR_EL1", HV_SYS_REG_CONTEXTIDR_EL1}, {"PAR_EL1", HV_SYS_REG_PAR_EL1},
    {"CNTV_CTL_EL0", HV_SYS_REG_CNTV_CTL_EL0}, {"CNTV_CVAL_EL0", HV_SYS_REG_CNTV_CVAL_EL0},
    {"CNTKCTL_EL1", HV_SYS_REG_CNTKCTL_EL1}, {"MPIDR_EL1", HV_SYS_REG_MPIDR_EL1},
};

}  // namespace

VcpuRegisters ReadVcpuRegisters(hv_vcpu_t vcpu, int index) {
  VcpuRegisters r;
  r.index = index;
  for (int i = 0; i < 31; ++i) hv_vcpu_get_reg(vcpu, static_cast<hv_reg_t>(HV_REG_X0 + i), &r.x[i]);
  hv_vcpu_get_reg(vcpu, HV_REG_PC, &r.pc);
  hv_vcpu_get_reg(vcpu, HV_REG_CPSR, &r.cpsr);
  hv_vcpu_get_sys_reg(vcpu, HV_SYS_REG_SP_EL0, &r.sp_el0);
  hv_vcpu_get_sys_reg(vcpu, HV_SYS_REG_SP_EL1, &r.sp_el1);
  uint64_t pfr0 = 0;
  hv_vcpu_get_sys_reg(vcpu, HV_SYS_REG_ID_AA64PFR0_EL1, &pfr0);
  // ID_AA64PFR0_EL1.FP (bits [19:16]) == 0xF means no floating point.
  r.fp_present = ((pfr0 >> 16) & 0xf) != 0xf;
  if (r.fp_present) {
    hv_vcpu_get_reg(vcpu, HV_REG_FPCR, &r.fpcr);
    hv_vcpu_get_reg(vcpu, HV_REG_FPSR, &r.fpsr);
    for (int i = 0; i < 32; ++i) {
      hv_simd_fp_uchar16_t v;
      if (hv_vcpu_get_simd_fp_reg(vcpu, static_cast<hv_simd_fp_reg_t>(HV_SIMD_FP_REG_Q0 + i), &v) ==
          HV_SUCCESS) {
        std::memcpy(r.q[i].data(), &v, 16);
      }
    }
  }
  for (const NamedSysReg& s : kDebugSysRegs) {
    uint64_t value = 0;
    if (hv_vcpu_get_sys_reg(vcpu, s.reg, &value) == HV_SUCCESS) r.sys.emplace_back(s.name, value);
  }
  return r;
}

std::string FormatRegisters(const VcpuRegisters& r) {
  std::string out = absl::StrFormat("vcpu%d: pc=%016x cpsr=%08x sp_el0=%016x sp_el1=%016x\n",
                                    r.index, r.pc, r.cpsr, r.sp_el0, r.sp_el1);
  for (int i = 0; i < 31; ++i) {
    absl::StrAppendFormat(&out, "  x%-2d=%016x%s", i, r.x[i], i % 4 == 3 || i == 30 ? "\n" : "");
  }
  for (size_t i = 0; i < r.sys.size(); ++i) {
    absl::StrAppendFormat(&out, "  %-14s=%016x%s", r.sys[i].first, r.sys[i].second,
                          i % 3 == 2 || i + 1 == r.sys.size() ? "\n" : "");
  }
  return out;
}

}  // namespace vmd
