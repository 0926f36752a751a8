// Apple Hypervisor.framework's arm64 C API, declared from the facts of Apple's
// public documentation (see shared/design/hv-api.md): names, types and values
// are Apple's, so engine code compiles unchanged against the real framework.
// Implemented on non-Apple hosts by engine/hv/soft. Include engine/hv/hv.h.
#ifndef VMD_ENGINE_HV_HYPERVISOR_H_
#define VMD_ENGINE_HV_HYPERVISOR_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// ---- return codes ----------------------------------------------------------
typedef int32_t hv_return_t;
#define HV_ERROR_BASE_ ((hv_return_t)0xfae94000)
enum {
  HV_SUCCESS = 0,
  HV_ERROR = HV_ERROR_BASE_ | 0x01,
  HV_BUSY = HV_ERROR_BASE_ | 0x02,
  HV_BAD_ARGUMENT = HV_ERROR_BASE_ | 0x03,
  HV_ILLEGAL_GUEST_STATE = HV_ERROR_BASE_ | 0x04,
  HV_NO_RESOURCES = HV_ERROR_BASE_ | 0x05,
  HV_NO_DEVICE = HV_ERROR_BASE_ | 0x06,
  HV_DENIED = HV_ERROR_BASE_ | 0x07,
  HV_UNSUPPORTED = HV_ERROR_BASE_ | 0x0f,
};

// ---- basic types -----------------------------------------------------------
typedef uint64_t hv_vcpu_t;
typedef uint64_t hv_ipa_t;
typedef uint64_t hv_memory_flags_t;
enum {
  HV_MEMORY_READ = 1ull << 0,
  HV_MEMORY_WRITE = 1ull << 1,
  HV_MEMORY_EXEC = 1ull << 2,
};

// Configuration objects are opaque; the engine always passes NULL (defaults).
typedef struct hv_vm_config_s* hv_vm_config_t;
typedef struct hv_vcpu_config_s* hv_vcpu_config_t;

// ---- exits -----------------------------------------------------------------
typedef uint32_t hv_exit_reason_t;
enum {
  HV_EXIT_REASON_CANCELED = 0,
  HV_EXIT_REASON_EXCEPTION = 1,
  HV_EXIT_REASON_VTIMER_ACTIVATED = 2,
  HV_EXIT_REASON_UNKNOWN = 3,
};

typedef struct {
  uint64_t syndrome;          // ESR_EL2
  uint64_t virtual_address;   // FAR_EL2
  uint64_t physical_address;  // faulting IPA
} hv_vcpu_exit_exception_t;

typedef struct {
  hv_exit_reason_t reason;
  hv_vcpu_exit_exception_t exception;
} hv_vcpu_exit_t;

// ---- registers -------------------------------------------------------------
typedef uint32_t hv_reg_t;
enum {
  HV_REG_X0 = 0, HV_REG_X1, HV_REG_X2, HV_REG_X3, HV_REG_X4, HV_REG_X5, HV_REG_X6,
  HV_REG_X7, HV_REG_X8, HV_REG_X9, HV_REG_X10, HV_REG_X11, HV_REG_X12, HV_REG_X13,
  HV_REG_X14, HV_REG_X15, HV_REG_X16, HV_REG_X17, HV_REG_X18, HV_REG_X19, HV_REG_X20,
  HV_REG_X21, HV_REG_X22, HV_REG_X23, HV_REG_X24, HV_REG_X25, HV_REG_X26, HV_REG_X27,
  HV_REG_X28, HV_REG_X29, HV_REG_X30,
  HV_REG_FP = HV_REG_X29,
  HV_REG_LR = HV_REG_X30,
  HV_REG_PC = 31,
  HV_REG_FPCR = 32,
  HV_REG_FPSR = 33,
  HV_REG_CPSR = 34,
};

typedef uint32_t hv_simd_fp_reg_t;
enum {
  HV_SIMD_FP_REG_Q0 = 0, HV_SIMD_FP_REG_Q1, HV_SIMD_FP_REG_Q2, HV_SIMD_FP_REG_Q3,
  HV_SIMD_FP_REG_Q4, HV_SIMD_FP_REG_Q5, HV_SIMD_FP_REG_Q6, HV_SIMD_FP_REG_Q7,
  HV_SIMD_FP_REG_Q8, HV_SIMD_FP_REG_Q9, HV_SIMD_FP_REG_Q10, HV_SIMD_FP_REG_Q11,
  HV_SIMD_FP_REG_Q12, HV_SIMD_FP_REG_Q13, HV_SIMD_FP_REG_Q14, HV_SIMD_FP_REG_Q15,
  HV_SIMD_FP_REG_Q16, HV_SIMD_FP_REG_Q17, HV_SIMD_FP_REG_Q18, HV_SIMD_FP_REG_Q19,
  HV_SIMD_FP_REG_Q20, HV_SIMD_FP_REG_Q21, HV_SIMD_FP_REG_Q22, HV_SIMD_FP_REG_Q23,
  HV_SIMD_FP_REG_Q24, HV_SIMD_FP_REG_Q25, HV_SIMD_FP_REG_Q26, HV_SIMD_FP_REG_Q27,
  HV_SIMD_FP_REG_Q28, HV_SIMD_FP_REG_Q29, HV_SIMD_FP_REG_Q30, HV_SIMD_FP_REG_Q31,
};
typedef uint8_t hv_simd_fp_uchar16_t __attribute__((vector_size(16)));

// System registers: op0<<14 | op1<<11 | CRn<<7 | CRm<<3 | op2. Only these are
// accepted by hv_vcpu_get/set_sys_reg.
typedef uint16_t hv_sys_reg_t;
#define HV_SYS_REG_ENC_(op0, op1, crn, crm, op2) \
  ((hv_sys_reg_t)(((op0) << 14) | ((op1) << 11) | ((crn) << 7) | ((crm) << 3) | (op2)))
enum {
#define HV_DBG_REGS_(n)                                        \
  HV_SYS_REG_DBGBVR##n##_EL1 = HV_SYS_REG_ENC_(2, 0, 0, n, 4), \
  HV_SYS_REG_DBGBCR##n##_EL1 = HV_SYS_REG_ENC_(2, 0, 0, n, 5), \
  HV_SYS_REG_DBGWVR##n##_EL1 = HV_SYS_REG_ENC_(2, 0, 0, n, 6), \
  HV_SYS_REG_DBGWCR##n##_EL1 = HV_SYS_REG_ENC_(2, 0, 0, n, 7)
  HV_DBG_REGS_(0), HV_DBG_REGS_(1), HV_DBG_REGS_(2), HV_DBG_REGS_(3),
  HV_DBG_REGS_(4), HV_DBG_REGS_(5), HV_DBG_REGS_(6), HV_DBG_REGS_(7),
  HV_DBG_REGS_(8), HV_DBG_REGS_(9), HV_DBG_REGS_(10), HV_DBG_REGS_(11),
  HV_DBG_REGS_(12), HV_DBG_REGS_(13), HV_DBG_REGS_(14), HV_DBG_REGS_(15),
#undef HV_DBG_REGS_
  HV_SYS_REG_MDCCINT_EL1 = 0x8010,
  HV_SYS_REG_MDSCR_EL1 = 0x8012,
  HV_SYS_REG_MIDR_EL1 = 0xc000,
  HV_SYS_REG_MPIDR_EL1 = 0xc005,
  HV_SYS_REG_ID_AA64PFR0_EL1 = 0xc020,
  HV_SYS_REG_ID_AA64PFR1_EL1 = 0xc021,
  HV_SYS_REG_ID_AA64DFR0_EL1 = 0xc028,
  HV_SYS_REG_ID_AA64DFR1_EL1 = 0xc029,
  HV_SYS_REG_ID_AA64ISAR0_EL1 = 0xc030,
  HV_SYS_REG_ID_AA64ISAR1_EL1 = 0xc031,
  HV_SYS_REG_ID_AA64MMFR0_EL1 = 0xc038,
  HV_SYS_REG_ID_AA64MMFR1_EL1 = 0xc039,
  HV_SYS_REG_ID_AA64MMFR2_EL1 = 0xc03a,
  HV_SYS_REG_SCTLR_EL1 = 0xc080,
  HV_SYS_REG_CPACR_EL1 = 0xc082,
  HV_SYS_REG_TTBR0_EL1 = 0xc100,
  HV_SYS_REG_TTBR1_EL1 = 0xc101,
  HV_SYS_REG_TCR_EL1 = 0xc102,
  HV_SYS_REG_APIAKEYLO_EL1 = 0xc108,
  HV_SYS_REG_APIAKEYHI_EL1 = 0xc109,
  HV_SYS_REG_APIBKEYLO_EL1 = 0xc10a,
  HV_SYS_REG_APIBKEYHI_EL1 = 0xc10b,
  HV_SYS_REG_APDAKEYLO_EL1 = 0xc110,
  HV_SYS_REG_APDAKEYHI_EL1 = 0xc111,
  HV_SYS_REG_APDBKEYLO_EL1 = 0xc112,
  HV_SYS_REG_APDBKEYHI_EL1 = 0xc113,
  HV_SYS_REG_APGAKEYLO_EL1 = 0xc118,
  HV_SYS_REG_APGAKEYHI_EL1 = 0xc119,
  HV_SYS_REG_SPSR_EL1 = 0xc200,
  HV_SYS_REG_ELR_EL1 = 0xc201,
  HV_SYS_REG_SP_EL0 = 0xc208,
  HV_SYS_REG_AFSR0_EL1 = 0xc288,
  HV_SYS_REG_AFSR1_EL1 = 0xc289,
  HV_SYS_REG_ESR_EL1 = 0xc290,
  HV_SYS_REG_FAR_EL1 = 0xc300,
  HV_SYS_REG_PAR_EL1 = 0xc3a0,
  HV_SYS_REG_MAIR_EL1 = 0xc510,
  HV_SYS_REG_AMAIR_EL1 = 0xc518,
  HV_SYS_REG_VBAR_EL1 = 0xc600,
  HV_SYS_REG_CONTEXTIDR_EL1 = 0xc681,
  HV_SYS_REG_TPIDR_EL1 = 0xc684,
  HV_SYS_REG_CNTKCTL_EL1 = 0xc708,
  HV_SYS_REG_CSSELR_EL1 = 0xd000,
  HV_SYS_REG_TPIDR_EL0 = 0xde82,
  HV_SYS_REG_TPIDRRO_EL0 = 0xde83,
  HV_SYS_REG_CNTV_CTL_EL0 = 0xdf19,
  HV_SYS_REG_CNTV_CVAL_EL0 = 0xdf1a,
  HV_SYS_REG_SP_EL1 = 0xe208,
};

typedef uint32_t hv_interrupt_type_t;
enum {
  HV_INTERRUPT_TYPE_IRQ = 0,
  HV_INTERRUPT_TYPE_FIQ = 1,
};

// ---- VM --------------------------------------------------------------------
hv_return_t hv_vm_create(hv_vm_config_t config);
hv_return_t hv_vm_destroy(void);
hv_return_t hv_vm_map(void* addr, hv_ipa_t ipa, size_t size, hv_memory_flags_t flags);
hv_return_t hv_vm_unmap(hv_ipa_t ipa, size_t size);
hv_return_t hv_vm_protect(hv_ipa_t ipa, size_t size, hv_memory_flags_t flags);
hv_return_t hv_vm_get_max_vcpu_count(uint32_t* max_vcpu_count);

// ---- vCPU ------------------------------------------------------------------
hv_return_t hv_vcpu_create(hv_vcpu_t* vcpu, hv_vcpu_exit_t** exit, hv_vcpu_config_t config);
hv_return_t hv_vcpu_destroy(hv_vcpu_t vcpu);
hv_return_t hv_vcpu_run(hv_vcpu_t vcpu);
hv_return_t hv_vcpus_exit(hv_vcpu_t* vcpus, uint32_t vcpu_count);

hv_return_t hv_vcpu_get_reg(hv_vcpu_t vcpu, hv_reg_t reg, uint64_t* value);
hv_return_t hv_vcpu_set_reg(hv_vcpu_t vcpu, hv_reg_t reg, uint64_t value);
hv_return_t hv_vcpu_get_simd_fp_reg(hv_vcpu_t vcpu, hv_simd_fp_reg_t reg,
                                    hv_simd_fp_uchar16_t* value);
hv_return_t hv_vcpu_set_simd_fp_reg(hv_vcpu_t vcpu, hv_simd_fp_reg_t reg,
                                    hv_simd_fp_uchar16_t value);
hv_return_t hv_vcpu_get_sys_reg(hv_vcpu_t vcpu, hv_sys_reg_t reg, uint64_t* value);
hv_return_t hv_vcpu_set_sys_reg(hv_vcpu_t vcpu, hv_sys_reg_t reg, uint64_t value);

hv_return_t hv_vcpu_get_pending_interrupt(hv_vcpu_t vcpu, hv_interrupt_type_t type, bool* pending);
hv_return_t hv_vcpu_set_pending_interrupt(hv_vcpu_t vcpu, hv_interrupt_type_t type, bool pending);

hv_return_t hv_vcpu_get_vtimer_mask(hv_vcpu_t vcpu, bool* vtimer_is_masked);
hv_return_t hv_vcpu_set_vtimer_mask(hv_vcpu_t vcpu, bool vtimer_is_masked);
hv_return_t hv_vcpu_get_vtimer_offset(hv_vcpu_t vcpu, uint64_t* vtimer_offset);
hv_return_t hv_vcpu_set_vtimer_offset(hv_vcpu_t vcpu, uint64_t vtimer_offset);

hv_return_t hv_vcpu_get_trap_debug_exceptions(hv_vcpu_t vcpu, bool* value);
hv_return_t hv_vcpu_set_trap_debug_exceptions(hv_vcpu_t vcpu, bool value);
hv_return_t hv_vcpu_get_trap_debug_reg_accesses(hv_vcpu_t vcpu, bool* value);
hv_return_t hv_vcpu_set_trap_debug_reg_accesses(hv_vcpu_t vcpu, bool value);

hv_return_t hv_vcpu_get_exec_time(hv_vcpu_t vcpu, uint64_t* time);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // VMD_ENGINE_HV_HYPERVISOR_H_
