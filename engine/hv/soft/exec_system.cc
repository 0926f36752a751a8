// Branches, exception generation and system instructions (ARM ARM C4.1.3):
// B/BL/B.cond/CBZ/TBZ/BR/BLR/RET/ERET, SVC/HVC/SMC/BRK, hints, barriers,
// CLREX, MSR (immediate), MRS/MSR (register), and the SYS maintenance
// operations DC, IC, AT and TLBI.
#include <atomic>

#include "engine/hv/soft/decode.h"
#include "engine/hv/soft/simd.h"
#include "engine/hv/soft/exec_util.h"
#include "engine/hv/soft/vm.h"

namespace vmd::hvsoft {
namespace {

// ---- extractors -------------------------------------------------------------

bool XImm26(uint32_t raw, Insn& o) {
  o.imm = static_cast<uint64_t>(SignExtend(Bits(raw, 25, 0), 26) * 4);
  return true;
}
bool XCondBranch(uint32_t raw, Insn& o) {
  o.imm = static_cast<uint64_t>(SignExtend(Bits(raw, 23, 5), 19) * 4);
  o.a = static_cast<uint8_t>(Bits(raw, 3, 0));
  o.rd = RegZr(raw, 0);  // CBZ/CBNZ test register
  return true;
}
bool XTestBranch(uint32_t raw, Insn& o) {
  o.imm = static_cast<uint64_t>(SignExtend(Bits(raw, 18, 5), 14) * 4);
  o.a = static_cast<uint8_t>(Bit(raw, 31) << 5 | Bits(raw, 23, 19));
  o.rd = RegZr(raw, 0);
  return true;
}
bool XBranchReg(uint32_t raw, Insn& o) {
  o.rn = RegZr(raw, 5);
  return true;
}
bool XImm16(uint32_t raw, Insn& o) {
  o.imm = Bits(raw, 20, 5);
  return true;
}
bool XSys(uint32_t raw, Insn& o) {
  // hv_sys_reg_t layout: op0<<14 | op1<<11 | CRn<<7 | CRm<<3 | op2.
  o.imm = Bits(raw, 20, 19) << 14 | Bits(raw, 18, 16) << 11 | Bits(raw, 15, 12) << 7 |
          Bits(raw, 11, 8) << 3 | Bits(raw, 7, 5);
  o.rd = RegZr(raw, 0);   // source for writes
  o.rm = RegZrDst(raw, 0);  // destination for reads
  o.a = static_cast<uint8_t>(Bits(raw, 4, 0));  // Rt as encoded (for ISS)
  return true;
}

// ---- branches ---------------------------------------------------------------

template <bool kLink>
bool B(Cpu& c, const Insn& i) {
  const uint64_t pc = PcOf(c, i);
  if (kLink) c.x[30] = pc + 4;
  c.pc = pc + i.imm;
  return false;
}

bool BCond(Cpu& c, const Insn& i) {
  const uint64_t pc = PcOf(c, i);
  c.pc = CondHolds(c, i.a) ? pc + i.imm : pc + 4;
  return false;
}

template <bool kSf, bool kNonZero>
bool CompareBranch(Cpu& c, const Insn& i) {
  const uint64_t pc = PcOf(c, i);
  const uint64_t v = kSf ? c.x[i.rd] : static_cast<uint32_t>(c.x[i.rd]);
  c.pc = ((v != 0) == kNonZero) ? pc + i.imm : pc + 4;
  return false;
}

template <bool kNonZero>
bool TestBranch(Cpu& c, const Insn& i) {
  const uint64_t pc = PcOf(c, i);
  const bool set = (c.x[i.rd] >> i.a) & 1;
  c.pc = set == kNonZero ? pc + i.imm : pc + 4;
  return false;
}

template <bool kLink>
bool BranchReg(Cpu& c, const Insn& i) {
  const uint64_t target = c.x[i.rn];
  if (kLink) c.x[30] = PcOf(c, i) + 4;
  c.pc = target;
  return false;
}

bool Eret(Cpu& c, const Insn& i) {
  if (c.el == 0) {
    Undefined(c, i);
    return false;
  }
  const uint64_t target = c.elr;
  SetCpsr(c, c.spsr);
  c.excl_valid = false;
  c.pc = target;
  return false;
}

// ---- exception generation -----------------------------------------------------

bool Svc(Cpu& c, const Insn& i) {
  TakeException(c, 0x15, static_cast<uint32_t>(i.imm), PcOf(c, i) + 4, 0, false);
  return false;
}

bool Hvc(Cpu& c, const Insn& i) {
  if (c.el == 0) {
    Undefined(c, i);
    return false;
  }
  const uint64_t pc = PcOf(c, i);
  ExitToHost(c, 0x16, static_cast<uint32_t>(i.imm), pc + 4, 0, 0);
  return false;
}

bool Smc(Cpu& c, const Insn& i) {
  if (c.el == 0) {
    Undefined(c, i);
    return false;
  }
  ExitToHost(c, 0x17, static_cast<uint32_t>(i.imm), PcOf(c, i), 0, 0);
  return false;
}

bool Brk(Cpu& c, const Insn& i) {
  const uint64_t pc = PcOf(c, i);
  if (c.trap_debug_exceptions) {
    ExitToHost(c, 0x3c, static_cast<uint32_t>(i.imm), pc, 0, 0);
  } else {
    TakeException(c, 0x3c, static_cast<uint32_t>(i.imm), pc, 0, false);
  }
  return false;
}

// ---- hints, barriers, PSTATE ----------------------------------------------------

bool Nop(Cpu& c, const Insn& i) { return Next(c, i); }

}  // namespace

bool IsNop(const Insn& i) { return i.fn == Nop; }

namespace {

// Ends the block so the run loop sees new state (ISB, SEV, YIELD...).
bool NopEndBlock(Cpu& c, const Insn& i) {
  c.pc = PcOf(c, i) + 4;
  return false;
}

template <bool kWfe>
bool WaitFor(Cpu& c, const Insn& i) {
  // At EL0, SCTLR_EL1.nTWI/nTWE = 0 traps to EL1 first; otherwise the
  // framework traps WFI/WFE to the host (hv-api.md).
  const bool allowed_at_el0 = (c.sctlr >> (kWfe ? 18 : 16)) & 1;
  if (c.el == 0 && !allowed_at_el0) {
    TakeException(c, 0x01, kWfe ? 1 : 0, PcOf(c, i), 0, false);
  } else {
    ExitToHost(c, 0x01, kWfe ? 1 : 0, PcOf(c, i), 0, 0);
  }
  return false;
}

bool Barrier(Cpu& c, const Insn& i) {
  std::atomic_thread_fence(std::memory_order_seq_cst);
  return Next(c, i);
}

bool Clrex(Cpu& c, const Insn& i) {
  c.excl_valid = false;
  return Next(c, i);
}

// MSR (immediate): op1:op2 selects SPSel, DAIFSet or DAIFClr.
bool MsrImm(Cpu& c, const Insn& i) {
  const uint32_t op1 = Bits(i.raw, 18, 16), op2 = Bits(i.raw, 7, 5), crm = Bits(i.raw, 11, 8);
  const uint32_t sel = op1 << 3 | op2;
  if (sel == 0x05) {  // SPSel
    if (c.el == 0) {
      Undefined(c, i);
      return false;
    }
    SetElSp(c, 1, crm & 1);
  } else if (sel == 0x1e || sel == 0x1f) {  // DAIFSet / DAIFClr
    if (c.el == 0 && !((c.sctlr >> 9) & 1)) {  // SCTLR_EL1.UMA
      TakeException(c, 0x18, 0, PcOf(c, i), 0, false);
      return false;
    }
    if (sel == 0x1e) {
      c.daif |= crm << 6;
    } else {
      c.daif &= ~(crm << 6);
    }
  } else {
    Undefined(c, i);
    return false;
  }
  c.pc = PcOf(c, i) + 4;
  return false;
}

// The ISS of a trapped MSR/MRS (EC 0x18).
uint32_t SysIss(const Insn& i, bool read) {
  const uint32_t raw = i.raw;
  return Bits(raw, 20, 19) << 20 | Bits(raw, 7, 5) << 17 | Bits(raw, 18, 16) << 14 |
         Bits(raw, 15, 12) << 10 | Bits(raw, 4, 0) << 5 | Bits(raw, 11, 8) << 1 | (read ? 1 : 0);
}

bool Mrs(Cpu& c, const Insn& i) {
  uint64_t v = 0;
  switch (SysRegRead(c, static_cast<uint32_t>(i.imm), &v)) {
    case SysResult::kOk:
      c.x[i.rm] = v;
      c.pc = PcOf(c, i) + 4;
      return false;
    case SysResult::kTrap:
      ExitToHost(c, 0x18, SysIss(i, true), PcOf(c, i), 0, 0);
      return false;
    case SysResult::kFpTrap:
      FpTrap(c, i);
      return false;
    default:
      Undefined(c, i);
      return false;
  }
}

bool Msr(Cpu& c, const Insn& i) {
  switch (SysRegWrite(c, static_cast<uint32_t>(i.imm), c.x[i.rd])) {
    case SysResult::kOk:
      c.pc = PcOf(c, i) + 4;
      return false;
    case SysResult::kTrap:
      ExitToHost(c, 0x18, SysIss(i, false), PcOf(c, i), 0, 0);
      return false;
    case SysResult::kFpTrap:
      FpTrap(c, i);
      return false;
    default:
      Undefined(c, i);
      return false;
  }
}

// ---- SYS: DC, IC, AT, TLBI -----------------------------------------------------

constexpr uint32_t SysEnc(uint32_t op1, uint32_t crn, uint32_t crm, uint32_t op2) {
  return 1u << 14 | op1 << 11 | crn << 7 | crm << 3 | op2;
}

// The invalidation a TLBI asks for. By-VA and by-ASID forms take Xt as
// ASID[63:48] and VA[55:12] in bits 43:0; the ASID is 8 bits unless
// TCR_EL1.AS=1. Forms other than the six basic ones (the FEAT_TLBIRANGE
// ranges, say) drop everything: more than asked is always allowed.
TlbOp DecodeTlbi(const Cpu& c, uint32_t crm, uint32_t op2, uint64_t xt) {
  TlbOp op;
  const bool as16 = (c.tcr >> 36) & 1;
  op.asid = static_cast<uint16_t>(as16 ? xt >> 48 : (xt >> 48) & 0xff);
  op.va = (xt & 0x00000fffffffffffull) << 12;
  if (crm != 7 && crm != 3 && crm != 1) return TlbOp{};
  switch (op2) {
    case 1: case 5: op.kind = TlbOp::Kind::kVa; break;          // VAE1, VALE1
    case 2: op.kind = TlbOp::Kind::kAsid; break;                // ASIDE1
    case 3: case 7: op.kind = TlbOp::Kind::kVaAllAsids; break;  // VAAE1, VAALE1
    default: return TlbOp{};                                    // VMALLE1 and the rest
  }
  return op;
}

bool DcZva(Cpu& c, const Insn& i) {
  if (c.el == 0 && !((c.sctlr >> 14) & 1)) {  // SCTLR_EL1.DZE
    TakeException(c, 0x18, SysIss(i, false), PcOf(c, i), 0, false);
    return false;
  }
  const uint64_t base = c.x[i.rd] & ~63ull;
  for (int k = 0; k < 8; ++k) {
    if (!Write<uint64_t>(c, i, base + k * 8, 0)) return false;
  }
  c.pc = PcOf(c, i) + 4;
  return false;
}

bool Sys(Cpu& c, const Insn& i) {
  const uint32_t enc = static_cast<uint32_t>(i.imm);
  const uint32_t op1 = (enc >> 11) & 7, crn = (enc >> 7) & 15, crm = (enc >> 3) & 15;
  const uint64_t pc = PcOf(c, i);
  const uint64_t arg = c.x[i.rd];
  if (enc == SysEnc(3, 7, 4, 1)) return DcZva(c, i);
  // DC by VA to the point of coherency/unification: no caches to clean, but
  // the address must translate like a load (faults are reported).
  if (enc == SysEnc(3, 7, 10, 1) || enc == SysEnc(3, 7, 11, 1) || enc == SysEnc(3, 7, 14, 1) ||
      enc == SysEnc(0, 7, 6, 1)) {
    if (c.el == 0 && (op1 == 0 || !((c.sctlr >> 26) & 1))) {  // SCTLR_EL1.UCI
      if (op1 == 0) {
        Undefined(c, i);
      } else {
        TakeException(c, 0x18, SysIss(i, false), pc, 0, false);
      }
      return false;
    }
    uint8_t probe;
    if (!Read<uint8_t>(c, i, arg, &probe)) return false;
    c.pc = pc + 4;
    return false;
  }
  // DC by set/way: nothing to do, EL1 only.
  if (enc == SysEnc(0, 7, 6, 2) || enc == SysEnc(0, 7, 10, 2) || enc == SysEnc(0, 7, 14, 2)) {
    if (c.el == 0) {
      Undefined(c, i);
      return false;
    }
    c.pc = pc + 4;
    return false;
  }
  // IC IALLUIS, IALLU, IVAU: drop decoded code (the decode cache also
  // revalidates every block against memory, so this is belt and braces).
  if (enc == SysEnc(0, 7, 1, 0) || enc == SysEnc(0, 7, 5, 0) || enc == SysEnc(3, 7, 5, 1)) {
    if (c.el == 0 && (op1 == 0 || !((c.sctlr >> 26) & 1))) {
      if (op1 == 0) {
        Undefined(c, i);
      } else {
        TakeException(c, 0x18, SysIss(i, false), pc, 0, false);
      }
      return false;
    }
    if (op1 == 3) {
      // IC IVAU: only the page holding the address (Linux issues one per
      // patched instruction at boot). A VA that does not translate has
      // nothing decoded to drop.
      const WalkResult w = TranslateForCpu(c, arg, Access::kRead, c.el == 0);
      if (w.fault == FaultType::kNone) DropDecodedPage(c, w.pa & kPageMask);
    } else {
      DropDecodedCode(c);
    }
    c.pc = pc + 4;
    return false;
  }
  // AT S1E1R/W, S1E0R/W -> PAR_EL1.
  if (op1 == 0 && crn == 7 && crm == 8 && (enc & 7) <= 3) {
    if (c.el == 0) {
      Undefined(c, i);
      return false;
    }
    const uint32_t op2 = enc & 7;
    const Access acc = (op2 & 1) ? Access::kWrite : Access::kRead;
    c.par = MakePar(TranslateForCpu(c, arg, acc, op2 >= 2));
    c.pc = pc + 4;
    return false;
  }
  // TLBI (op1 0, CRn 8). CRm 7 is this vCPU's TLB; the Inner (3) and Outer
  // (1) Shareable forms reach every vCPU of the VM.
  if (op1 == 0 && crn == 8) {
    if (c.el == 0) {
      Undefined(c, i);
      return false;
    }
    const TlbOp op = DecodeTlbi(c, crm, enc & 7, arg);
    InvalidateTlb(c, op);
    if (crm == 3 || crm == 1) c.vm->BroadcastTlbOp(op);
    c.pc = pc + 4;
    return false;
  }
  Undefined(c, i);
  return false;
}

// clang-format off
constexpr DecodeLine kTable[] = {
  {0xFC000000, 0x14000000, "B",         B<false>,                     XImm26, true},
  {0xFC000000, 0x94000000, "BL",        B<true>,                      XImm26, true},
  {0xFF000010, 0x54000000, "B.cond",    BCond,                        XCondBranch, true},
  {0xFF000000, 0x34000000, "CBZ 32",    CompareBranch<false, false>,  XCondBranch, true},
  {0xFF000000, 0x35000000, "CBNZ 32",   CompareBranch<false, true>,   XCondBranch, true},
  {0xFF000000, 0xB4000000, "CBZ 64",    CompareBranch<true, false>,   XCondBranch, true},
  {0xFF000000, 0xB5000000, "CBNZ 64",   CompareBranch<true, true>,    XCondBranch, true},
  {0x7F000000, 0x36000000, "TBZ",       TestBranch<false>,            XTestBranch, true},
  {0x7F000000, 0x37000000, "TBNZ",      TestBranch<true>,             XTestBranch, true},
  {0xFFFFFC1F, 0xD61F0000, "BR",        BranchReg<false>,             XBranchReg, true},
  {0xFFFFFC1F, 0xD63F0000, "BLR",       BranchReg<true>,              XBranchReg, true},
  {0xFFFFFC1F, 0xD65F0000, "RET",       BranchReg<false>,             XBranchReg, true},
  {0xFFFFFFFF, 0xD69F03E0, "ERET",      Eret,                         nullptr, true},
  {0xFFE0001F, 0xD4000001, "SVC",       Svc,                          XImm16, true},
  {0xFFE0001F, 0xD4000002, "HVC",       Hvc,                          XImm16, true},
  {0xFFE0001F, 0xD4000003, "SMC",       Smc,                          XImm16, true},
  {0xFFE0001F, 0xD4200000, "BRK",       Brk,                          XImm16, true},
  {0xFFFFFFFF, 0xD503205F, "WFE",       WaitFor<true>,                nullptr, true},
  {0xFFFFFFFF, 0xD503207F, "WFI",       WaitFor<false>,               nullptr, true},
  {0xFFFFFFFF, 0xD503203F, "YIELD",     NopEndBlock,                  nullptr, true},
  {0xFFFFFFFF, 0xD503209F, "SEV",       NopEndBlock,                  nullptr, true},
  {0xFFFFFFFF, 0xD50320BF, "SEVL",      NopEndBlock,                  nullptr, true},
  {0xFFFFF01F, 0xD503201F, "NOP (and unallocated hints)", Nop,        nullptr, false},
  {0xFFFFF0FF, 0xD503305F, "CLREX",     Clrex,                        nullptr, false},
  {0xFFFFF0FF, 0xD503309F, "DSB",       Barrier,                      nullptr, false},
  {0xFFFFF0FF, 0xD50330BF, "DMB",       Barrier,                      nullptr, false},
  {0xFFFFF0FF, 0xD50330DF, "ISB",       NopEndBlock,                  nullptr, true},
  {0xFFF8F01F, 0xD500401F, "MSR (immediate)", MsrImm,                 nullptr, true},
  {0xFFF80000, 0xD5080000, "SYS",       Sys,                          XSys, true},
  {0xFFF00000, 0xD5100000, "MSR (register)", Msr,                     XSys, true},
  {0xFFF00000, 0xD5300000, "MRS",       Mrs,                          XSys, true},
};
// clang-format on

}  // namespace

std::span<const DecodeLine> SystemTable() { return kTable; }

}  // namespace vmd::hvsoft
