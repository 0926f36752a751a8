// The JIT's loads and stores (see jit.h): single registers (unsigned
// offset, unscaled, pre/post-index, register offset, literal; B/H/W/X and
// sign-extending) and pairs (W, X, LDPSW), with the soft TLB's hit path
// inline and everything else (miss, misalignment, SP alignment, faults,
// MMIO) through the instruction's handler out of line. Semantics are those of
// exec_ldst.cc, which these are differential-tested against.
#include "engine/hv/soft/decode.h"
#include "engine/hv/soft/jit_internal.h"

namespace vmd::hvsoft::jit {
namespace {

using namespace x64;  // NOLINT: register and condition names

// ---- loads and stores ----------------------------------------------------------

// rax = guest VA on entry; on the fast path rax = its host address after.
// Jumps to `slow` on a TLB miss, a misaligned access, or a pair that would
// cross the page. unit = element size, total = bytes accessed.
void TlbFastPath(Asm& a, bool write, int unit, int total, Asm::Label& slow) {
  a.MovRR(RCX, RAX, true);
  a.ShiftRI(kShr, RCX, kPageBits, true);
  a.AluRI(kAnd, RCX, kTlbSize - 1, false);
  a.Lea(RCX, Mem{RCX, 0, RCX, 4}, false);  // * 5, then * 8 below: 40-byte entries
  a.MovRR(RDX, RAX, true);
  a.AluRI(kAnd, RDX, -static_cast<int32_t>(kPageSize), true);
  a.AluRM(kOr, RDX, Mem{RBX, kOffEl0Tag}, true);
  a.AluRM(kCmp, RDX, Mem{RBX, kOffTlb + (write ? 8 : 0), RCX, 8}, true);
  a.Jcc(kNE, slow);
  if (unit > 1) {
    a.TestRI(RAX, static_cast<uint32_t>(unit - 1), false);
    a.Jcc(kNE, slow);
  }
  if (total > unit) {
    a.MovRR(RDX, RAX, false);
    a.AluRI(kAnd, RDX, static_cast<int32_t>(kPageSize - 1), false);
    a.AluRI(kCmp, RDX, static_cast<int32_t>(kPageSize) - total, false);
    a.Jcc(kA, slow);
  }
  a.AluRM(kAdd, RAX, Mem{RBX, kOffTlb + 24, RCX, 8}, true);
}

// SP-based accesses go slow when SP is not 16-aligned (the handler applies
// SCTLR_EL1.SA/SA0).
void SpCheck(Asm& a, int rn_slot, int base, Asm::Label& slow) {
  if (rn_slot != kSp) return;
  a.TestRI(base, 15, false);
  a.Jcc(kNE, slow);
}

enum Kind { kStore, kLoad, kSign64, kSign32 };

void Access(Asm& a, Kind kind, int size, int v, int32_t disp) {
  const Mem m{RAX, disp};
  if (kind == kStore) {
    switch (size) {
      case 0: a.Store8(m, v); break;
      case 1: a.Store16(m, v); break;
      case 2: a.Store32(m, v); break;
      default: a.Store64(m, v); break;
    }
    return;
  }
  switch (size) {
    case 0:
      if (kind == kLoad) a.LoadZx8(v, m); else a.LoadSx8(v, m, kind == kSign64);
      break;
    case 1:
      if (kind == kLoad) a.LoadZx16(v, m); else a.LoadSx16(v, m, kind == kSign64);
      break;
    case 2:
      if (kind == kSign64) a.LoadSx32(v, m); else a.Load32(v, m);
      break;
    default: a.Load64(v, m); break;
  }
}

bool LoadStoreSingle(Compiler& cc, Asm& a, uint32_t raw) {
  enum Form { kUnsigned, kUnscaled, kPost, kPre, kReg } form;
  if ((raw & 0x3F000000) == 0x39000000) {
    form = kUnsigned;
  } else if ((raw & 0x3F200000) == 0x38000000) {
    const uint32_t mode = Bits(raw, 11, 10);
    if (mode == 2) return false;  // unprivileged
    form = mode == 0 ? kUnscaled : mode == 1 ? kPost : kPre;
  } else if ((raw & 0x3F200C00) == 0x38200800) {
    form = kReg;
  } else {
    return false;
  }
  const int size = static_cast<int>(Bits(raw, 31, 30));
  const uint32_t opc = Bits(raw, 23, 22);
  Kind kind;
  if (opc == 0) {
    kind = kStore;
  } else if (opc == 1) {
    kind = kLoad;
  } else if (opc == 2) {
    if (size == 3) return false;  // PRFM
    kind = kSign64;
  } else {
    if (size >= 2) return false;
    kind = kSign32;
  }
  const int rn = RegSp(raw, 5);
  const int rt = kind == kStore ? RegZr(raw, 0) : RegZrDst(raw, 0);
  const bool writeback = form == kPost || form == kPre;
  if (writeback && rn != kSp && static_cast<int>(Bits(raw, 4, 0)) == rn) return false;
  int32_t imm = 0;
  if (form == kUnsigned) imm = static_cast<int32_t>(Bits(raw, 21, 10) << size);
  if (form == kUnscaled || form == kPost || form == kPre) {
    imm = static_cast<int32_t>(SignExtend(Bits(raw, 20, 12), 9));
  }
  if (form == kReg && (Bits(raw, 15, 13) & 2) == 0) return false;  // unallocated extends
  // Allocate everything before the first jump to the slow path.
  const int base = cc.Get(rn);
  const int index = form == kReg ? cc.Get(RegZr(raw, 16)) : -1;
  const int v = kind == kStore ? cc.Get(rt) : cc.Alloc(rt);
  if (form == kReg) {
    ExtendedOperand(a, index, Bits(raw, 15, 13), 0);
    const int scale = Bit(raw, 12) ? (1 << size) : 1;
    a.Lea(RAX, Mem{base, 0, RCX, scale});
  } else if (form == kPost) {
    a.MovRR(RAX, base, true);
  } else {
    a.Lea(RAX, Mem{base, imm});
  }
  if (kind == kStore) cc.NoteStore();
  Asm::Label& slow = cc.SlowLabel();
  SpCheck(a, rn, base, slow);
  TlbFastPath(a, kind == kStore, 1 << size, 1 << size, slow);
  Access(a, kind, size, v, 0);
  if (kind != kStore) cc.Def(rt);
  if (writeback) {
    a.Lea(base, Mem{base, imm});
    cc.Def(rn);
  }
  cc.JoinSlow();
  return true;
}

bool LoadLiteral(Compiler& cc, Asm& a, uint32_t raw) {
  // LDR (literal) W/X and LDRSW (literal): PC-relative, so r12-based.
  const uint32_t opc = Bits(raw, 31, 30);
  if (opc == 3) return false;  // PRFM
  const int rt = RegZrDst(raw, 0);
  const int v = cc.Alloc(rt);
  const int64_t off = cc.PcOffset() + SignExtend(Bits(raw, 23, 5), 19) * 4;
  a.Lea(RAX, Mem{R12, static_cast<int32_t>(off)});
  Asm::Label& slow = cc.SlowLabel();
  const int size = opc == 1 ? 3 : 2;
  TlbFastPath(a, false, 1 << size, 1 << size, slow);
  Access(a, opc == 2 ? kSign64 : kLoad, size, v, 0);
  cc.Def(rt);
  cc.JoinSlow();
  return true;
}

bool LoadStorePair(Compiler& cc, Asm& a, uint32_t raw) {
  if ((raw & 0x3C000000) != 0x28000000) return false;
  const uint32_t opc = Bits(raw, 31, 30), mode = Bits(raw, 24, 23);
  const bool load = Bit(raw, 22);
  const bool ldpsw = opc == 1 && load && mode != 0;
  if (opc != 0 && opc != 2 && !ldpsw) return false;
  const int size = opc == 2 ? 3 : 2;
  const int rn = RegSp(raw, 5);
  const int t1 = static_cast<int>(Bits(raw, 4, 0)), t2 = static_cast<int>(Bits(raw, 14, 10));
  const bool writeback = mode == 1 || mode == 3;
  if (load && t1 == t2) return false;
  if (writeback && rn != kSp && (t1 == rn || t2 == rn)) return false;
  const int32_t imm = static_cast<int32_t>(SignExtend(Bits(raw, 21, 15), 7) * (1 << size));
  const int rt = load ? RegZrDst(raw, 0) : RegZr(raw, 0);
  const int rt2 = load ? RegZrDst(raw, 10) : RegZr(raw, 10);
  const int base = cc.Get(rn);
  const int v1 = load ? cc.Alloc(rt) : cc.Get(rt);
  const int v2 = load ? cc.Alloc(rt2) : cc.Get(rt2);
  if (mode == 1) {
    a.MovRR(RAX, base, true);
  } else {
    a.Lea(RAX, Mem{base, imm});
  }
  if (!load) cc.NoteStore();
  Asm::Label& slow = cc.SlowLabel();
  SpCheck(a, rn, base, slow);
  TlbFastPath(a, !load, 1 << size, 2 << size, slow);
  const Kind kind = ldpsw ? kSign64 : load ? kLoad : kStore;
  Access(a, kind, size, v1, 0);
  Access(a, kind, size, v2, 1 << size);
  if (load) {
    cc.Def(rt);
    cc.Def(rt2);
  }
  if (writeback) {
    a.Lea(base, Mem{base, imm});
    cc.Def(rn);
  }
  cc.JoinSlow();
  return true;
}

}  // namespace

bool TranslateLoadStore(Compiler& cc, Asm& a, uint32_t raw) {
  if ((raw & 0x3F000000) == 0x18000000) return LoadLiteral(cc, a, raw);
  return LoadStoreSingle(cc, a, raw) || LoadStorePair(cc, a, raw);
}

}  // namespace vmd::hvsoft::jit
