// System registers: what MRS/MSR do at EL0/EL1 (access rights, side effects,
// which accesses trap to the host as hv-api.md lists) and the hv API's
// hv_vcpu_get/set_sys_reg view of the same state.
#include "engine/hv/soft/decode.h"
#include "engine/hv/soft/simd.h"
#include "engine/hv/soft/vm.h"

namespace vmd::hvsoft {
namespace {

constexpr uint32_t E(uint32_t op0, uint32_t op1, uint32_t crn, uint32_t crm, uint32_t op2) {
  return op0 << 14 | op1 << 11 | crn << 7 | crm << 3 | op2;
}

constexpr uint64_t kCntFrq = 24000000;
// CTR_EL0: RES1 bit 31, CWG=ERG=DminLine=IminLine=4 (64-byte lines), L1Ip
// PIPT, DIC=IDC=0 so guests do the cache maintenance that reaches us.
constexpr uint64_t kCtr = 1ull << 31 | 4ull << 24 | 4ull << 20 | 4ull << 16 | 3ull << 14 | 4;
constexpr uint64_t kDczid = 4;  // DC ZVA block = 4 << 4 words = 64 bytes
// CLIDR_EL1: L1 separate I and D caches, LoUIS = LoC = LoUU = 1.
constexpr uint64_t kClidr = 3 | 1ull << 21 | 1ull << 24 | 1ull << 27;
// CCSIDR_EL1: 64-byte lines, 4 ways, 128 sets.
constexpr uint64_t kCcsidr = 127ull << 13 | 3ull << 3 | 2;

// Registers that are plain storage for both the guest (EL1) and the API.
uint64_t* Storage(Cpu& c, uint32_t enc) {
  switch (enc) {
    case E(3, 0, 1, 0, 0): return &c.sctlr;
    case E(3, 0, 1, 0, 2): return &c.cpacr;
    case E(3, 0, 2, 0, 0): return &c.ttbr0;
    case E(3, 0, 2, 0, 1): return &c.ttbr1;
    case E(3, 0, 2, 0, 2): return &c.tcr;
    case E(3, 0, 4, 0, 0): return &c.spsr;
    case E(3, 0, 4, 0, 1): return &c.elr;
    case E(3, 0, 5, 1, 0): return &c.afsr0;
    case E(3, 0, 5, 1, 1): return &c.afsr1;
    case E(3, 0, 5, 2, 0): return &c.esr;
    case E(3, 0, 6, 0, 0): return &c.far;
    case E(3, 0, 7, 4, 0): return &c.par;
    case E(3, 0, 10, 2, 0): return &c.mair;
    case E(3, 0, 10, 3, 0): return &c.amair;
    case E(3, 0, 12, 0, 0): return &c.vbar;
    case E(3, 0, 13, 0, 1): return &c.contextidr;
    case E(3, 0, 13, 0, 4): return &c.tpidr_el1;
    case E(3, 0, 14, 1, 0): return &c.cntkctl;
    case E(3, 2, 0, 0, 0): return &c.csselr;
    case E(3, 3, 13, 0, 2): return &c.tpidr_el0;
    case E(3, 3, 13, 0, 3): return &c.tpidrro_el0;
    case E(2, 0, 0, 2, 2): return &c.mdscr;
    default: break;
  }
  // DBGBVR/BCR/WVR/WCR<n>_EL1: op0=2 op1=0 CRn=0 CRm=n op2=4..7.
  if ((enc & ~(15u << 3 | 3u)) == E(2, 0, 0, 0, 4)) return &c.dbg[(enc >> 3) & 15][enc & 3];
  return nullptr;
}

// The ID registers our CPU describes (read-only to the guest).
uint64_t* IdReg(Cpu& c, uint32_t enc) {
  switch (enc) {
    case E(3, 0, 0, 0, 0): return &c.midr;
    case E(3, 0, 0, 0, 5): return &c.mpidr;
    case E(3, 0, 0, 4, 0): return &c.id_pfr0;
    case E(3, 0, 0, 4, 1): return &c.id_pfr1;
    case E(3, 0, 0, 5, 0): return &c.id_dfr0;
    case E(3, 0, 0, 5, 1): return &c.id_dfr1;
    case E(3, 0, 0, 6, 0): return &c.id_isar0;
    case E(3, 0, 0, 6, 1): return &c.id_isar1;
    case E(3, 0, 0, 7, 0): return &c.id_mmfr0;
    case E(3, 0, 0, 7, 1): return &c.id_mmfr1;
    case E(3, 0, 0, 7, 2): return &c.id_mmfr2;
    default: return nullptr;
  }
}

// Accesses Hypervisor.framework hands to the VMM (hv-api.md).
bool TrapsToHost(const Cpu& c, uint32_t enc) {
  const uint32_t op0 = enc >> 14, op1 = (enc >> 11) & 7, crn = (enc >> 7) & 15,
                 crm = (enc >> 3) & 15;
  if (op0 == 3 && crn == 12 && crm >= 8 && crm <= 12) return true;  // ICC_*
  if (enc == E(3, 0, 4, 6, 0)) return true;                           // ICC_PMR_EL1
  if (op0 == 3 && op1 == 3 && crn == 14 && crm == 2) return true;      // CNTP_*
  if (op0 == 3 && crn == 9 && crm >= 12) return true;                  // PMU
  if (op0 == 3 && op1 == 3 && crn == 14 && crm >= 8) return true;      // PMEV*
  if (enc == E(2, 0, 1, 0, 4) || enc == E(2, 0, 1, 1, 4) || enc == E(2, 0, 1, 3, 4)) {
    return true;  // OSLAR, OSLSR, OSDLR
  }
  if (op0 == 3 && op1 == 0 && crn == 10 && crm == 4) return true;      // LOR*
  if (enc == E(2, 0, 0, 2, 0)) return true;                            // MDCCINT_EL1
  if (op0 == 3 && op1 == 0 && crn == 0 && crm >= 1 && crm <= 7) return true;  // other IDs
  if (c.trap_debug_reg_accesses && op0 == 2) return true;
  return false;
}

// A TTBR write. Entries are not ASID-tagged on lookup, so a new ASID hides
// every non-global entry (a context switch keeps the kernel's global ones);
// new tables also drop the global entries walked from this TTBR, which real
// hardware would keep until a TLBI: more than asked, never less.
void AfterTtbrWrite(Cpu& c, uint64_t old, uint64_t now, TlbOp::Kind tables_changed) {
  const uint64_t diff = now ^ old;
  if (diff == 0) return;
  TlbOp op;
  op.kind = (diff & 0x0000ffffffffffffull) != 0 ? tables_changed : TlbOp::Kind::kNonGlobal;
  InvalidateTlb(c, op);
}

// After a write of `old`'s register (Storage) with its new value.
void AfterWrite(Cpu& c, uint32_t enc, uint64_t old) {
  switch (enc) {
    case E(3, 0, 1, 0, 0):  // SCTLR_EL1
      c.align_check = (c.sctlr & 2) ? ~0ull : 0;
      FlushTlb(c);
      break;
    case E(3, 0, 2, 0, 0):  // TTBR0
      AfterTtbrWrite(c, old, c.ttbr0, TlbOp::Kind::kTtbr0Range);
      break;
    case E(3, 0, 2, 0, 1):  // TTBR1
      AfterTtbrWrite(c, old, c.ttbr1, TlbOp::Kind::kTtbr1Range);
      break;
    case E(3, 0, 2, 0, 2):  // TCR, MAIR: every cached translation may change
    case E(3, 0, 10, 2, 0):
      FlushTlb(c);
      break;
    default:
      break;
  }
}

// Timer registers, readable at EL0 as CNTKCTL_EL1 allows.
bool TimerRead(Cpu& c, uint32_t enc, uint64_t* v, SysResult* res) {
  const bool el0 = c.el == 0;
  switch (enc) {
    case E(3, 3, 14, 0, 0):  // CNTFRQ_EL0
      *res = (el0 && !(c.cntkctl & 3)) ? SysResult::kUndefined : SysResult::kOk;
      *v = kCntFrq;
      return true;
    case E(3, 3, 14, 0, 1):  // CNTPCT_EL0
      *res = (el0 && !(c.cntkctl & 1)) ? SysResult::kUndefined : SysResult::kOk;
      *v = HostCounter();
      return true;
    case E(3, 3, 14, 0, 2):  // CNTVCT_EL0
      *res = (el0 && !(c.cntkctl & 2)) ? SysResult::kUndefined : SysResult::kOk;
      *v = VirtualCounter(c);
      return true;
    case E(3, 3, 14, 3, 0):  // CNTV_TVAL_EL0
    case E(3, 3, 14, 3, 1):  // CNTV_CTL_EL0
    case E(3, 3, 14, 3, 2):  // CNTV_CVAL_EL0
      *res = (el0 && !(c.cntkctl & (1u << 8))) ? SysResult::kUndefined : SysResult::kOk;
      if (enc == E(3, 3, 14, 3, 0)) {
        *v = static_cast<uint32_t>(c.cntv_cval - VirtualCounter(c));
      } else if (enc == E(3, 3, 14, 3, 1)) {
        const bool istatus = VirtualCounter(c) >= c.cntv_cval;
        *v = (c.cntv_ctl & 3) | ((c.cntv_ctl & 1) && istatus ? 4 : 0);
      } else {
        *v = c.cntv_cval;
      }
      return true;
    default:
      return false;
  }
}

// Pointer-authentication keys: Apple's API accepts them; with PAuth absent
// they are plain storage the guest cannot reach.
int KeyIndex(uint16_t reg) {
  static constexpr uint16_t kKeys[10] = {
      HV_SYS_REG_APIAKEYLO_EL1, HV_SYS_REG_APIAKEYHI_EL1, HV_SYS_REG_APIBKEYLO_EL1,
      HV_SYS_REG_APIBKEYHI_EL1, HV_SYS_REG_APDAKEYLO_EL1, HV_SYS_REG_APDAKEYHI_EL1,
      HV_SYS_REG_APDBKEYLO_EL1, HV_SYS_REG_APDBKEYHI_EL1, HV_SYS_REG_APGAKEYLO_EL1,
      HV_SYS_REG_APGAKEYHI_EL1};
  for (int k = 0; k < 10; ++k) {
    if (kKeys[k] == reg) return k;
  }
  return -1;
}

}  // namespace

SysResult SysRegRead(Cpu& c, uint32_t enc, uint64_t* v) {
  const bool el0 = c.el == 0;
  SysResult res;
  if (TimerRead(c, enc, v, &res)) return res;
  switch (enc) {
    case E(3, 3, 4, 2, 0): *v = c.nzcv; return SysResult::kOk;  // NZCV
    case E(3, 3, 4, 4, 0):  // FPCR
      if (!FpEnabled(c)) return SysResult::kFpTrap;
      *v = c.fpcr;
      return SysResult::kOk;
    case E(3, 3, 4, 4, 1):  // FPSR
      if (!FpEnabled(c)) return SysResult::kFpTrap;
      *v = c.fpsr;
      return SysResult::kOk;
    case E(3, 3, 4, 2, 1):  // DAIF
      if (el0 && !((c.sctlr >> 9) & 1)) return SysResult::kUndefined;
      *v = c.daif;
      return SysResult::kOk;
    case E(3, 3, 0, 0, 1):  // CTR_EL0
      if (el0 && !((c.sctlr >> 15) & 1)) return SysResult::kUndefined;
      *v = kCtr;
      return SysResult::kOk;
    case E(3, 3, 0, 0, 7): *v = kDczid | ((el0 && !((c.sctlr >> 14) & 1)) ? 16 : 0); return SysResult::kOk;
    case E(3, 3, 13, 0, 2): *v = c.tpidr_el0; return SysResult::kOk;
    case E(3, 3, 13, 0, 3): *v = c.tpidrro_el0; return SysResult::kOk;
    default: break;
  }
  if (el0) return SysResult::kUndefined;
  if (uint64_t* p = IdReg(c, enc)) {
    *v = *p;
    return SysResult::kOk;
  }
  if (TrapsToHost(c, enc)) return SysResult::kTrap;
  if (uint64_t* p = Storage(c, enc)) {
    *v = *p;
    return SysResult::kOk;
  }
  switch (enc) {
    case E(3, 0, 4, 1, 0):  // SP_EL0 (UNDEFINED while it is the active SP)
      if (c.spsel == 0) return SysResult::kUndefined;
      *v = c.sp_el0;
      return SysResult::kOk;
    case E(3, 0, 4, 2, 0): *v = c.spsel; return SysResult::kOk;     // SPSel
    case E(3, 0, 4, 2, 2): *v = c.el << 2; return SysResult::kOk;   // CurrentEL
    case E(3, 0, 12, 1, 0): *v = c.irq_lines; return SysResult::kOk;  // ISR_EL1
    case E(3, 0, 0, 0, 6): *v = 0; return SysResult::kOk;           // REVIDR_EL1
    case E(3, 0, 1, 0, 1): *v = 0; return SysResult::kOk;           // ACTLR_EL1
    case E(3, 1, 0, 0, 0): *v = kCcsidr; return SysResult::kOk;     // CCSIDR_EL1
    case E(3, 1, 0, 0, 1): *v = kClidr; return SysResult::kOk;      // CLIDR_EL1
    case E(3, 1, 0, 0, 7): *v = 0; return SysResult::kOk;           // AIDR_EL1
    default: break;
  }
  // Remaining debug registers (MDRAR, DBGPRCR, claim tags, ...): RAZ/WI.
  if ((enc >> 14) == 2) {
    *v = 0;
    return SysResult::kOk;
  }
  return SysResult::kUndefined;
}

SysResult SysRegWrite(Cpu& c, uint32_t enc, uint64_t v) {
  const bool el0 = c.el == 0;
  switch (enc) {
    case E(3, 3, 4, 2, 0): c.nzcv = static_cast<uint32_t>(v & 0xf0000000u); return SysResult::kOk;
    case E(3, 3, 4, 4, 0):  // FPCR
      if (!FpEnabled(c)) return SysResult::kFpTrap;
      c.fpcr = v & kFpcrMask;
      return SysResult::kOk;
    case E(3, 3, 4, 4, 1):  // FPSR
      if (!FpEnabled(c)) return SysResult::kFpTrap;
      c.fpsr = v & kFpsrMask;
      return SysResult::kOk;
    case E(3, 3, 4, 2, 1):
      if (el0 && !((c.sctlr >> 9) & 1)) return SysResult::kUndefined;
      c.daif = static_cast<uint32_t>(v & 0x3c0);
      return SysResult::kOk;
    case E(3, 3, 13, 0, 2): c.tpidr_el0 = v; return SysResult::kOk;
    case E(3, 3, 14, 3, 0):  // CNTV_TVAL_EL0
    case E(3, 3, 14, 3, 1):  // CNTV_CTL_EL0
    case E(3, 3, 14, 3, 2):  // CNTV_CVAL_EL0
      if (el0 && !(c.cntkctl & (1u << 8))) return SysResult::kUndefined;
      if (enc == E(3, 3, 14, 3, 0)) {
        c.cntv_cval = VirtualCounter(c) + static_cast<uint64_t>(SignExtend(v & 0xffffffffu, 32));
      } else if (enc == E(3, 3, 14, 3, 1)) {
        c.cntv_ctl = v & 3;
      } else {
        c.cntv_cval = v;
      }
      return SysResult::kOk;
    default: break;
  }
  if (el0) return SysResult::kUndefined;
  if (IdReg(c, enc) != nullptr) return SysResult::kUndefined;  // read-only
  if (TrapsToHost(c, enc)) return SysResult::kTrap;
  if (uint64_t* p = Storage(c, enc)) {
    const uint64_t old = *p;
    *p = v;
    AfterWrite(c, enc, old);
    return SysResult::kOk;
  }
  switch (enc) {
    case E(3, 0, 4, 1, 0):  // SP_EL0
      if (c.spsel == 0) return SysResult::kUndefined;
      c.sp_el0 = v;
      return SysResult::kOk;
    case E(3, 0, 4, 2, 0): SetElSp(c, 1, v & 1); return SysResult::kOk;  // SPSel
    case E(3, 0, 1, 0, 1): return SysResult::kOk;  // ACTLR_EL1: WI
    default: break;
  }
  if ((enc >> 14) == 2) return SysResult::kOk;  // other debug registers: WI
  return SysResult::kUndefined;
}

void InitIdRegs(Cpu& c) {
  // MIDR: implementer 0x00 (software use), architecture 0xF, part 0x001.
  c.midr = 0x000F0010;
  c.mpidr = 1ull << 31 | (c.id & 0xff);
  // PFR0: EL0 and EL1 AArch64 only, no EL2/EL3, FP and AdvSIMD implemented
  // without half-precision arithmetic (0), GIC 0 (the VMM sets it).
  // CSV2 and CSV3: an interpreter has no branch predictor or speculative
  // loads to exploit, so the guest needs no Spectre-v2/Meltdown mitigations.
  c.id_pfr0 = 1ull << 60 | 1ull << 56 | 1ull << 4 | 1;
  c.id_pfr1 = 0;
  // DFR0: ARMv8.0 debug, 6 breakpoints, 4 watchpoints, 2 context comparators,
  // no PMU described.
  c.id_dfr0 = 1ull << 28 | 3ull << 20 | 5ull << 12 | 6;
  c.id_dfr1 = 0;
  c.id_isar0 = 0;  // no AES/SHA/CRC32/LSE
  c.id_isar1 = 0;  // no PAuth, no LRCPC, no DPB
  // MMFR0: 48-bit PA (mmu.h kPaRangeBits), 16-bit ASIDs, 4K/16K/64K granules.
  c.id_mmfr0 = 1ull << 20 | 2ull << 4 | 5;
  c.id_mmfr1 = 0;  // no HAFDBS, PAN, LOR, VHE
  c.id_mmfr2 = 0;
}

bool ApiSysRegGet(Cpu& c, uint16_t reg, uint64_t* v) {
  switch (reg) {
    case HV_SYS_REG_SP_EL0: *v = (c.el == 0 || c.spsel == 0) ? c.x[kSp] : c.sp_el0; return true;
    case HV_SYS_REG_SP_EL1: *v = (c.el == 1 && c.spsel == 1) ? c.x[kSp] : c.sp_el1; return true;
    case HV_SYS_REG_MDCCINT_EL1: *v = c.mdccint; return true;
    case HV_SYS_REG_CNTV_CTL_EL0: *v = c.cntv_ctl; return true;
    case HV_SYS_REG_CNTV_CVAL_EL0: *v = c.cntv_cval; return true;
    default: break;
  }
  if (const int k = KeyIndex(reg); k >= 0) {
    *v = c.apkeys[k];
    return true;
  }
  if (uint64_t* p = Storage(c, reg)) {
    *v = *p;
    return true;
  }
  if (uint64_t* p = IdReg(c, reg)) {
    *v = *p;
    return true;
  }
  return false;
}

bool ApiSysRegSet(Cpu& c, uint16_t reg, uint64_t v) {
  switch (reg) {
    case HV_SYS_REG_SP_EL0:
      if (c.el == 0 || c.spsel == 0) {
        c.x[kSp] = v;
      } else {
        c.sp_el0 = v;
      }
      return true;
    case HV_SYS_REG_SP_EL1:
      if (c.el == 1 && c.spsel == 1) {
        c.x[kSp] = v;
      } else {
        c.sp_el1 = v;
      }
      return true;
    case HV_SYS_REG_MDCCINT_EL1: c.mdccint = v; return true;
    case HV_SYS_REG_CNTV_CTL_EL0: c.cntv_ctl = v & 3; return true;
    case HV_SYS_REG_CNTV_CVAL_EL0: c.cntv_cval = v; return true;
    default: break;
  }
  if (const int k = KeyIndex(reg); k >= 0) {
    c.apkeys[k] = v;
    return true;
  }
  if (uint64_t* p = Storage(c, reg)) {
    const uint64_t old = *p;
    *p = v;
    AfterWrite(c, reg, old);
    return true;
  }
  if (uint64_t* p = IdReg(c, reg)) {
    *p = v;
    return true;
  }
  return false;
}

}  // namespace vmd::hvsoft
