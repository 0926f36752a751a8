// The JIT's instruction translations (see jit.h): integer data processing
// and branches (loads and stores are in jit_ldst.cc). Encodings from the ARM ARM (C4.1); the semantics are those of the
// interpreter's handlers (exec_dp.cc, exec_ldst.cc, exec_system.cc), which
// every translation is differential-tested against. An instruction without
// a translation here (or an encoding it does not handle) returns false and
// runs through its handler.
#include "engine/hv/soft/decode.h"
#include "engine/hv/soft/jit_internal.h"

namespace vmd::hvsoft::jit {
namespace {

using namespace x64;  // NOLINT: register and condition names

constexpr Shift kShiftOf[4] = {kShl, kShr, kSar, kRor};

// The shifted-register operand (Rm, shift type 23:22, amount 15:10): the
// host register holding it (Rm's own when unshifted and not inverted), else
// computed into rcx.
int ShiftedOperand(Compiler& cc, Asm& a, uint32_t raw, bool sf, bool invert = false) {
  const int m = cc.Get(RegZr(raw, 16));
  const int amount = static_cast<int>(Bits(raw, 15, 10));
  if (amount == 0 && !invert) return m;
  a.MovRR(RCX, m, sf);
  if (amount != 0) a.ShiftRI(kShiftOf[Bits(raw, 23, 22)], RCX, amount, sf);
  if (invert) a.Not(RCX, sf);
  return RCX;
}

// d = n (op) operand register y, or with an immediate; the destination
// slot may be the sink. Sets the flags for the S forms.
void AluInto(Compiler& cc, Asm& a, Alu op, int rd, int n, bool sf, bool use_imm, int32_t imm,
             FlagsFrom flags, int y = RCX) {
  const int d = rd == kSink ? RAX : cc.Def(rd);
  if (flags != FlagsFrom::kNone && rd == kSink && op == kSub) {
    // CMP: no result needed.
    if (use_imm) {
      a.AluRI(kCmp, n, imm, sf);
    } else {
      a.AluRR(kCmp, n, y, sf);
    }
  } else {
    if (!use_imm && y == d && d != n) {  // d = n - d and the like: keep y
      a.MovRR(RCX, y, true);
      y = RCX;
    }
    // A 32-bit op clears the upper half, so d == n needs no move.
    if (d != n) a.MovRR(d, n, sf);
    if (use_imm) {
      a.AluRI(op, d, imm, sf);
    } else {
      a.AluRR(op, d, y, sf);
    }
  }
  cc.SetPendingFlags(flags);
}

bool AddSubImm(Compiler& cc, Asm& a, uint32_t raw) {
  const bool sf = Bit(raw, 31), sub = Bit(raw, 30), s = Bit(raw, 29);
  const int32_t imm = static_cast<int32_t>(Bits(raw, 21, 10) << (Bit(raw, 22) ? 12 : 0));
  const int rd = s ? RegZrDst(raw, 0) : RegSp(raw, 0);
  const int n = cc.Get(RegSp(raw, 5));
  if (!s && imm == 0 && sf) {  // MOV to/from SP
    a.MovRR(cc.Def(rd), n, true);
    return true;
  }
  AluInto(cc, a, sub ? kSub : kAdd, rd, n, sf, true, imm,
          s ? (sub ? FlagsFrom::kSub : FlagsFrom::kAdd) : FlagsFrom::kNone);
  return true;
}

bool AddSubShifted(Compiler& cc, Asm& a, uint32_t raw) {
  const bool sf = Bit(raw, 31), sub = Bit(raw, 30), s = Bit(raw, 29);
  if (Bits(raw, 23, 22) == 3 || (!sf && Bit(raw, 15))) return false;
  const int y = ShiftedOperand(cc, a, raw, sf);
  const int n = cc.Get(RegZr(raw, 5));
  AluInto(cc, a, sub ? kSub : kAdd, RegZrDst(raw, 0), n, sf, false, 0,
          s ? (sub ? FlagsFrom::kSub : FlagsFrom::kAdd) : FlagsFrom::kNone, y);
  return true;
}

bool AddSubExtended(Compiler& cc, Asm& a, uint32_t raw) {
  const bool sf = Bit(raw, 31), sub = Bit(raw, 30), s = Bit(raw, 29);
  const uint32_t shift = Bits(raw, 12, 10);
  if (shift > 4 || Bits(raw, 23, 22) != 0) return false;
  const int m = cc.Get(RegZr(raw, 16));
  if (!ExtendedOperand(a, m, Bits(raw, 15, 13), shift)) return false;
  const int n = cc.Get(RegSp(raw, 5));
  const int rd = s ? RegZrDst(raw, 0) : RegSp(raw, 0);
  AluInto(cc, a, sub ? kSub : kAdd, rd, n, sf, false, 0,
          s ? (sub ? FlagsFrom::kSub : FlagsFrom::kAdd) : FlagsFrom::kNone);
  return true;
}

constexpr Alu kLogicOp[4] = {kAnd, kOr, kXor, kAnd};

bool LogicalShifted(Compiler& cc, Asm& a, uint32_t raw) {
  const bool sf = Bit(raw, 31);
  if (!sf && Bit(raw, 15)) return false;
  const uint32_t opc = Bits(raw, 30, 29);
  const int y = ShiftedOperand(cc, a, raw, sf, Bit(raw, 21));
  const int rn = RegZr(raw, 5), rd = RegZrDst(raw, 0);
  if (opc == 1 && rn == kZr) {  // MOV (register) / MVN
    if (rd != kSink) {
      const int d = cc.Def(rd);
      if (d != y || !sf) a.MovRR(d, y, sf);
    }
    return true;
  }
  AluInto(cc, a, kLogicOp[opc], rd, cc.Get(rn), sf, false, 0,
          opc == 3 ? FlagsFrom::kLogic : FlagsFrom::kNone, y);
  return true;
}

bool LogicalImm(Compiler& cc, Asm& a, uint32_t raw) {
  const bool sf = Bit(raw, 31);
  const uint32_t opc = Bits(raw, 30, 29);
  uint64_t imm, tmask;
  if ((!sf && Bit(raw, 22)) ||
      !DecodeBitMasks(Bit(raw, 22), Bits(raw, 15, 10), Bits(raw, 21, 16), true, sf ? 64 : 32,
                      &imm, &tmask)) {
    return false;
  }
  const int rn = RegZr(raw, 5);
  const int rd = opc == 3 ? RegZrDst(raw, 0) : RegSp(raw, 0);
  if (opc == 1 && rn == kZr) {  // MOV (bitmask immediate)
    a.MovImm(cc.Def(rd), sf ? imm : static_cast<uint32_t>(imm));
    return true;
  }
  const bool fits = !sf || static_cast<int64_t>(imm) == static_cast<int32_t>(imm);
  if (!fits) a.MovImm(RCX, imm);
  AluInto(cc, a, kLogicOp[opc], rd, cc.Get(rn), sf, fits, static_cast<int32_t>(imm),
          opc == 3 ? FlagsFrom::kLogic : FlagsFrom::kNone);
  return true;
}

bool MoveWide(Compiler& cc, Asm& a, uint32_t raw) {
  const bool sf = Bit(raw, 31);
  const uint32_t opc = Bits(raw, 30, 29), hw = Bits(raw, 22, 21);
  if (opc == 1 || (!sf && hw >= 2)) return false;
  const int rd = RegZrDst(raw, 0);
  if (rd == kSink) return true;  // no effect
  const uint64_t imm = static_cast<uint64_t>(Bits(raw, 20, 5)) << (16 * hw);
  const uint64_t width = sf ? ~0ull : 0xffffffffull;
  if (opc == 0) {
    a.MovImm(cc.Def(rd), ~imm & width);
  } else if (opc == 2) {
    a.MovImm(cc.Def(rd), imm);
  } else {
    cc.Get(rd);
    const int d = cc.Def(rd);
    a.MovImm(RCX, ~(0xffffull << (16 * hw)) & width);
    a.AluRR(kAnd, d, RCX, sf);
    if (imm != 0) {
      a.MovImm(RCX, imm);
      a.AluRR(kOr, d, RCX, sf);
    }
  }
  return true;
}

bool Bitfield(Compiler& cc, Asm& a, uint32_t raw) {
  const bool sf = Bit(raw, 31);
  const uint32_t opc = Bits(raw, 30, 29);
  const int r = static_cast<int>(Bits(raw, 21, 16)), s = static_cast<int>(Bits(raw, 15, 10));
  if (opc > 2 || opc == 1 || Bit(raw, 22) != static_cast<uint32_t>(sf)) return false;
  if (!sf && (r >= 32 || s >= 32)) return false;
  const int rd = RegZrDst(raw, 0);
  const int n = cc.Get(RegZr(raw, 5));
  if (rd == kSink) return true;
  const int ds = sf ? 64 : 32;
  const Shift right = opc == 0 ? kSar : kShr;
  a.MovRR(RAX, n, sf);
  const int up = ds - 1 - s;
  const int down = s >= r ? ds - 1 - s + r : r - 1 - s;
  if (up != 0) a.ShiftRI(kShl, RAX, up, sf);
  if (down != 0) a.ShiftRI(right, RAX, down, sf);
  a.MovRR(cc.Def(rd), RAX, sf);
  return true;
}

bool Extract(Compiler& cc, Asm& a, uint32_t raw) {
  const bool sf = Bit(raw, 31);
  const int lsb = static_cast<int>(Bits(raw, 15, 10));
  if (Bit(raw, 22) != static_cast<uint32_t>(sf) || (!sf && lsb >= 32)) return false;
  const int m = cc.Get(RegZr(raw, 16));
  const int n = cc.Get(RegZr(raw, 5));
  const int rd = RegZrDst(raw, 0);
  if (rd == kSink) return true;
  a.MovRR(RAX, m, sf);
  if (lsb != 0) a.Shrd(RAX, n, lsb, sf);
  a.MovRR(cc.Def(rd), RAX, sf);
  return true;
}

bool CondSelect(Compiler& cc, Asm& a, uint32_t raw) {
  const bool sf = Bit(raw, 31), inv = Bit(raw, 30);
  const uint32_t op2 = Bits(raw, 11, 10), cond = Bits(raw, 15, 12);
  if (Bit(raw, 29) || op2 > 1) return false;
  const int m = cc.Get(RegZr(raw, 16));
  const int n = cc.Get(RegZr(raw, 5));
  const int rd = RegZrDst(raw, 0);
  if (rd == kSink) return true;
  const int d = cc.Def(rd);
  if (cond >= 14) {
    a.MovRR(d, n, sf);
    return true;
  }
  a.MovRR(RCX, m, sf);
  if (!inv && op2 == 1) a.AluRI(kAdd, RCX, 1, sf);
  if (inv && op2 == 0) a.Not(RCX, sf);
  if (inv && op2 == 1) a.Neg(RCX, sf);
  cc.CondToCarry(static_cast<int>(cond));
  a.MovRR(RAX, n, sf);
  a.Cmov(kAE, RAX, RCX, sf);  // condition false: the second operand
  a.MovRR(d, RAX, sf);
  return true;
}

bool MulAdd(Compiler& cc, Asm& a, uint32_t raw) {
  const bool sf = Bit(raw, 31), sub = Bit(raw, 15);
  const int n = cc.Get(RegZr(raw, 5));
  const int m = cc.Get(RegZr(raw, 16));
  const int ra = RegZr(raw, 10);
  const int acc = ra == kZr ? -1 : cc.Get(ra);
  const int rd = RegZrDst(raw, 0);
  if (rd == kSink) return true;
  a.MovRR(RAX, n, sf);
  a.Imul(RAX, m, sf);
  if (sub) {
    if (acc < 0) {
      a.Neg(RAX, sf);
    } else {
      a.MovRR(RCX, acc, sf);
      a.AluRR(kSub, RCX, RAX, sf);
      a.MovRR(RAX, RCX, sf);
    }
  } else if (acc >= 0) {
    a.AluRR(kAdd, RAX, acc, sf);
  }
  a.MovRR(cc.Def(rd), RAX, sf);
  return true;
}

bool ShiftVariable(Compiler& cc, Asm& a, uint32_t raw) {
  const bool sf = Bit(raw, 31);
  const int m = cc.Get(RegZr(raw, 16));
  const int n = cc.Get(RegZr(raw, 5));
  const int rd = RegZrDst(raw, 0);
  if (rd == kSink) return true;
  a.MovRR(RCX, m, false);
  a.MovRR(RAX, n, sf);
  a.ShiftRCl(kShiftOf[Bits(raw, 11, 10)], RAX, sf);
  a.MovRR(cc.Def(rd), RAX, sf);
  return true;
}

bool PcRelative(Compiler& cc, Asm& a, uint32_t raw) {
  const int rd = RegZrDst(raw, 0);
  if (rd == kSink) return true;
  const int64_t imm = SignExtend(Bits(raw, 23, 5) << 2 | Bits(raw, 30, 29), 21);
  const int d = cc.Def(rd);
  if (Bit(raw, 31)) {  // ADRP: the page of this PC (r12) + imm * 4096
    a.MovImm(d, static_cast<uint64_t>(imm) << 12);
    a.AluRR(kAdd, d, R12, true);
  } else {
    a.Lea(d, Mem{R12, static_cast<int32_t>(cc.PcOffset() + imm)});
  }
  return true;
}

bool CondCompare(Compiler& cc, Asm& a, uint32_t raw) {
  // CCMP/CCMN (register or immediate): the compare's flags if cond holds,
  // else the instruction's nzcv. Pending flags were stored before this.
  const bool sf = Bit(raw, 31), sub = Bit(raw, 30), imm_form = Bit(raw, 11);
  if (!Bit(raw, 29) || Bit(raw, 10) || Bit(raw, 4)) return false;
  const int n = cc.Get(RegZr(raw, 5));
  const int m = imm_form ? -1 : cc.Get(RegZr(raw, 16));
  const int cond = static_cast<int>(Bits(raw, 15, 12));
  Asm::Label no, done;
  if (cond < 14) {
    cc.CondToCarry(cond);
    a.Jcc(kAE, no);
  }
  a.MovRR(RAX, n, sf);
  if (imm_form) {
    a.AluRI(sub ? kSub : kAdd, RAX, static_cast<int32_t>(Bits(raw, 20, 16)), sf);
  } else {
    a.AluRR(sub ? kSub : kAdd, RAX, m, sf);
  }
  cc.SetPendingFlags(sub ? FlagsFrom::kSub : FlagsFrom::kAdd);
  cc.MaterializeFlags();
  if (cond < 14) {
    a.Jmp(done);
    a.Bind(no);
    a.StoreImm8(Mem{RBX, kOffNzcv + 3}, static_cast<uint8_t>(Bits(raw, 3, 0) << 4));
    a.Bind(done);
  }
  return true;
}

bool AddSubCarry(Compiler& cc, Asm& a, uint32_t raw) {
  // ADC/ADCS/SBC/SBCS: x86 ADC/SBB with CF = C (ADC) or NOT C (SBB borrows).
  const bool sf = Bit(raw, 31), sub = Bit(raw, 30), s = Bit(raw, 29);
  int y = cc.Get(RegZr(raw, 16));
  const int n = cc.Get(RegZr(raw, 5));
  const int rd = RegZrDst(raw, 0);
  const int d = rd == kSink ? RAX : cc.Def(rd);
  if (y == d && d != n) {
    a.MovRR(RCX, y, true);
    y = RCX;
  }
  if (d != n) a.MovRR(d, n, sf);
  a.BtMI(Mem{RBX, kOffNzcv}, 29);
  if (sub) a.Cmc();
  a.AluRR(sub ? kSbb : kAdc, d, y, sf);
  if (s) cc.SetPendingFlags(sub ? FlagsFrom::kSub : FlagsFrom::kAdd);
  return true;
}

bool DataProc1(Compiler& cc, Asm& a, uint32_t raw) {
  // CLZ and REV (64-bit REV, 32-bit REV); the others go to their handlers.
  const bool sf = Bit(raw, 31);
  const uint32_t opcode = Bits(raw, 15, 10);
  const bool clz = opcode == 4;
  const bool rev = (sf && opcode == 3) || (!sf && opcode == 2);
  if ((!clz && !rev) || Bits(raw, 20, 16) != 0 || Bit(raw, 29)) return false;
  const int n = cc.Get(RegZr(raw, 5));
  const int rd = RegZrDst(raw, 0);
  if (rd == kSink) return true;
  if (rev) {
    a.MovRR(RAX, n, sf);
    a.Bswap(RAX, sf);
  } else {
    a.MovImm(RCX, ~0ull);
    a.OpRR({0x0F, 0xBD}, RAX, n, sf);  // bsr: ZF = (n == 0)
    a.Cmov(kE, RAX, RCX, true);
    a.Neg(RAX, true);
    a.AluRI(kAdd, RAX, sf ? 63 : 31, true);
  }
  a.MovRR(cc.Def(rd), RAX, sf);
  return true;
}

bool Divide(Compiler& cc, Asm& a, uint32_t raw) {
  // UDIV/SDIV: x / 0 = 0 and INT_MIN / -1 = INT_MIN, where x86 would fault.
  const bool sf = Bit(raw, 31), is_signed = Bit(raw, 10);
  const int m = cc.Get(RegZr(raw, 16));
  const int n = cc.Get(RegZr(raw, 5));
  const int rd = RegZrDst(raw, 0);
  if (rd == kSink) return true;
  Asm::Label zero, minus1, done;
  a.TestRR(m, m, sf);
  a.Jcc(kE, zero);
  a.MovRR(RAX, n, sf);
  if (is_signed) {
    a.AluRI(kCmp, m, -1, sf);
    a.Jcc(kE, minus1);
    a.SignExtendRaxIntoRdx(sf);
    a.OpRR({0xF7}, 7, m, sf);  // idiv
  } else {
    a.AluRR(kXor, RDX, RDX, false);
    a.OpRR({0xF7}, 6, m, sf);  // div
  }
  a.Jmp(done);
  a.Bind(minus1);
  a.Neg(RAX, sf);
  a.Jmp(done);
  a.Bind(zero);
  a.AluRR(kXor, RAX, RAX, false);
  a.Bind(done);
  a.MovRR(cc.Def(rd), RAX, sf);
  return true;
}

bool MulHigh(Compiler& cc, Asm& a, uint32_t raw) {
  // UMULH/SMULH: the high half of the 128-bit product.
  const int m = cc.Get(RegZr(raw, 16));
  const int n = cc.Get(RegZr(raw, 5));
  const int rd = RegZrDst(raw, 0);
  if (rd == kSink) return true;
  a.MovRR(RAX, n, true);
  a.OpRR({0xF7}, Bit(raw, 23) ? 4 : 5, m, true);  // mul / imul: rdx:rax
  a.MovRR(cc.Def(rd), RDX, true);
  return true;
}

// ---- branches ----------------------------------------------------------------

// A conditional branch on a condition already computed (`taken_cc` jumps).
// At the end of the trace both sides exit; inside it the taken side exits
// and the trace goes on. Flags still pending in x86 form are stored on each
// exit after the branch.
void CondExit(Compiler& cc, Asm& a, Cond taken_cc, int64_t taken_off, bool last) {
  if (!last) {
    Asm::Label cont;
    a.Jcc(static_cast<Cond>(taken_cc ^ 1), cont);
    const Compiler::RegState st = cc.Save();
    cc.ExitToOffset(taken_off);
    cc.Restore(st);
    a.Bind(cont);
    return;
  }
  Asm::Label taken;
  a.Jcc(taken_cc, taken);
  const Compiler::RegState st = cc.Save();
  cc.ExitToOffset(cc.PcOffset() + 4);
  cc.Restore(st);
  a.Bind(taken);
  cc.ExitToOffset(taken_off);
}

bool Branches(Compiler& cc, Asm& a, uint32_t raw, bool last) {
  const int64_t pc = cc.PcOffset();
  if ((raw & 0x7C000000) == 0x14000000) {  // B, BL
    if (Bit(raw, 31)) a.Lea(cc.Def(30), Mem{R12, static_cast<int32_t>(pc + 4)});
    cc.ExitToOffset(pc + SignExtend(Bits(raw, 25, 0), 26) * 4);
    return true;
  }
  if ((raw & 0xFF000010) == 0x54000000) {  // B.cond
    const int cond = static_cast<int>(Bits(raw, 3, 0));
    const int64_t target = pc + SignExtend(Bits(raw, 23, 5), 19) * 4;
    if (cond >= 14) {
      cc.ExitToOffset(target);
      return true;
    }
    const int x = Compiler::X86Cond(cond, cc.pending_flags());
    if (x >= 0) {
      CondExit(cc, a, static_cast<Cond>(x), target, last);
    } else {
      cc.MaterializeFlags();
      cc.CondToCarry(cond);
      CondExit(cc, a, kB, target, last);
    }
    return true;
  }
  if ((raw & 0x7E000000) == 0x34000000) {  // CBZ, CBNZ
    const int t = cc.Get(RegZr(raw, 0));
    a.TestRR(t, t, Bit(raw, 31));
    CondExit(cc, a, Bit(raw, 24) ? kNE : kE, pc + SignExtend(Bits(raw, 23, 5), 19) * 4, last);
    return true;
  }
  if ((raw & 0x7E000000) == 0x36000000) {  // TBZ, TBNZ
    const int t = cc.Get(RegZr(raw, 0));
    a.BtRI(t, static_cast<int>(Bit(raw, 31) << 5 | Bits(raw, 23, 19)), true);
    CondExit(cc, a, Bit(raw, 24) ? kB : kAE, pc + SignExtend(Bits(raw, 18, 5), 14) * 4, last);
    return true;
  }
  const uint32_t reg_form = raw & 0xFFFFFC1F;
  if (reg_form == 0xD61F0000 || reg_form == 0xD63F0000 || reg_form == 0xD65F0000) {
    a.MovRR(RCX, cc.Get(RegZr(raw, 5)), true);  // BLR x30 reads x30 first
    if (reg_form == 0xD63F0000) a.Lea(cc.Def(30), Mem{R12, static_cast<int32_t>(pc + 4)});
    cc.ExitToReg(RCX);
    return true;
  }
  return false;
}

}  // namespace

bool Translate(Compiler& cc, Asm& a, const Insn& in, bool last) {
  const uint32_t raw = in.raw;
  if (IsNop(in)) return true;  // NOP and hints that do nothing here
  const uint32_t op0 = Bits(raw, 28, 25);
  if ((op0 & 0xE) == 0x8) {  // data processing, immediate
    switch (Bits(raw, 25, 23)) {
      case 0: case 1: return PcRelative(cc, a, raw);
      case 2: return AddSubImm(cc, a, raw);
      case 4: return LogicalImm(cc, a, raw);
      case 5: return MoveWide(cc, a, raw);
      case 6: return Bitfield(cc, a, raw);
      case 7: return (raw & 0x7FA00000) == 0x13800000 && Extract(cc, a, raw);
      default: return false;
    }
  }
  if ((op0 & 0xE) == 0xA) return Branches(cc, a, raw, last);
  if ((op0 & 0x7) == 0x5) {  // data processing, register
    if ((raw & 0x1F000000) == 0x0A000000) return LogicalShifted(cc, a, raw);
    if ((raw & 0x1F200000) == 0x0B000000) return AddSubShifted(cc, a, raw);
    if ((raw & 0x1F200000) == 0x0B200000) return AddSubExtended(cc, a, raw);
    if ((raw & 0x1FE00000) == 0x1A800000) return CondSelect(cc, a, raw);
    if ((raw & 0x7FE08000) == 0x1B000000 || (raw & 0x7FE08000) == 0x1B008000) {
      return MulAdd(cc, a, raw);
    }
    if ((raw & 0x7FE0F000) == 0x1AC02000) return ShiftVariable(cc, a, raw);
    if ((raw & 0x7FE0F800) == 0x1AC00800) return Divide(cc, a, raw);
    if ((raw & 0x1FE00000) == 0x1A400000) return CondCompare(cc, a, raw);
    if ((raw & 0x1FE0FC00) == 0x1A000000) return AddSubCarry(cc, a, raw);
    if ((raw & 0x5FE00000) == 0x5AC00000) return DataProc1(cc, a, raw);
    if ((raw & 0xFF60FC00) == 0x9B407C00) return MulHigh(cc, a, raw);
    return false;
  }
  if ((op0 & 0x5) == 0x4) return TranslateLoadStore(cc, a, raw);
  return false;
}

}  // namespace vmd::hvsoft::jit
