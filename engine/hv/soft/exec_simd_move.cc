// AdvSIMD data movement (ARM ARM C4.1.6 / C7.2): copy (DUP element and
// general, INS general and element, UMOV, SMOV), scalar copy (DUP scalar),
// permute (UZP1/2, TRN1/2, ZIP1/2), extract (EXT), table lookup (TBL/TBX
// with 1-4 registers) and modified immediate (MOVI, MVNI, ORR, BIC, FMOV
// vector immediate). Part of the decoder (decode.h: SimdMoveTable).
//
// Extractors resolve element sizes, lane indices and the expanded immediate
// at decode time and pick a handler specialised for element size and Q
// (decode.h), so handlers are short loops the compiler unrolls.
#include "engine/hv/soft/decode.h"
#include "engine/hv/soft/simd.h"

namespace vmd::hvsoft {
namespace {

// clang-format off
template <int kLog2> struct UIntOf;
template <> struct UIntOf<0> { using T = uint8_t; using S = int8_t; };
template <> struct UIntOf<1> { using T = uint16_t; using S = int16_t; };
template <> struct UIntOf<2> { using T = uint32_t; using S = int32_t; };
template <> struct UIntOf<3> { using T = uint64_t; using S = int64_t; };
// clang-format on

// ---- copy ---------------------------------------------------------------------------
// rd, rn: register numbers (general-register fields use the slot mapping),
// a: destination lane, b: source lane.

// DUP (element): lane b of Vn into every lane.
template <int kLog2, bool kQ>
bool DupElement(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using T = typename UIntOf<kLog2>::T;
  const T e = GetLane<T>(c, i.rn, i.b);
  Vec r;
  for (int k = 0; k < (kQ ? 16 : 8) / static_cast<int>(sizeof(T)); ++k) r.Set<T>(k, e);
  SetVec(c, i.rd, r, kQ);
  return Next(c, i);
}

// DUP (general): the low element of Xn into every lane.
template <int kLog2, bool kQ>
bool DupGeneral(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using T = typename UIntOf<kLog2>::T;
  const T e = static_cast<T>(c.x[i.rn]);
  Vec r;
  for (int k = 0; k < (kQ ? 16 : 8) / static_cast<int>(sizeof(T)); ++k) r.Set<T>(k, e);
  SetVec(c, i.rd, r, kQ);
  return Next(c, i);
}

// DUP (element, scalar) / MOV (scalar): lane b of Vn as a scalar.
template <int kLog2>
bool DupScalar(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using T = typename UIntOf<kLog2>::T;
  SetScalar<T>(c, i.rd, GetLane<T>(c, i.rn, i.b));
  return Next(c, i);
}

// INS (general): lane a of Vd = low element of Xn; other lanes unchanged.
template <int kLog2>
bool InsGeneral(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using T = typename UIntOf<kLog2>::T;
  SetLane<T>(c, i.rd, i.a, static_cast<T>(c.x[i.rn]));
  return Next(c, i);
}

// INS (element): lane a of Vd = lane b of Vn.
template <int kLog2>
bool InsElement(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using T = typename UIntOf<kLog2>::T;
  SetLane<T>(c, i.rd, i.a, GetLane<T>(c, i.rn, i.b));
  return Next(c, i);
}

// UMOV: lane b zero-extended into Xd (a W destination is zero-extended too).
template <int kLog2>
bool Umov(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using T = typename UIntOf<kLog2>::T;
  c.x[i.rd] = GetLane<T>(c, i.rn, i.b);
  return Next(c, i);
}

// SMOV: lane b sign-extended to 32 (Wd, upper half zero) or 64 bits.
template <int kLog2, bool k64>
bool Smov(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using T = typename UIntOf<kLog2>::T;
  using S = typename UIntOf<kLog2>::S;
  const int64_t v = static_cast<S>(GetLane<T>(c, i.rn, i.b));
  c.x[i.rd] = k64 ? static_cast<uint64_t>(v) : static_cast<uint32_t>(v);
  return Next(c, i);
}

// ---- permute ------------------------------------------------------------------------
// a: part (0 for UZP1/TRN1/ZIP1, 1 for the *2 forms).

enum PermuteOp { kUzp, kTrn, kZip };

template <int kOp, int kLog2, bool kQ>
bool Permute(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using T = typename UIntOf<kLog2>::T;
  constexpr int kElems = (kQ ? 16 : 8) / sizeof(T);
  constexpr int kPairs = kElems / 2;
  const Vec n = GetVec(c, i.rn), m = GetVec(c, i.rm);
  const int part = i.a;
  Vec r;
  if constexpr (kOp == kUzp) {
    // Even (part 0) or odd (part 1) elements of the concatenation Vm:Vn.
    for (int e = 0; e < kElems; ++e) {
      const int x = 2 * e + part;
      r.Set<T>(e, x < kElems ? n.Get<T>(x) : m.Get<T>(x - kElems));
    }
  } else if constexpr (kOp == kTrn) {
    for (int p = 0; p < kPairs; ++p) {
      r.Set<T>(2 * p, n.Get<T>(2 * p + part));
      r.Set<T>(2 * p + 1, m.Get<T>(2 * p + part));
    }
  } else {
    const int base = part * kPairs;
    for (int p = 0; p < kPairs; ++p) {
      r.Set<T>(2 * p, n.Get<T>(base + p));
      r.Set<T>(2 * p + 1, m.Get<T>(base + p));
    }
  }
  SetVec(c, i.rd, r, kQ);
  return Next(c, i);
}

// ---- extract --------------------------------------------------------------------------
// a: byte position in Vm:Vn.
template <bool kQ>
bool Ext(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  constexpr int kBytes = kQ ? 16 : 8;
  uint8_t cat[2 * kBytes];
  std::memcpy(cat, &c.q[i.rn], kBytes);
  std::memcpy(cat + kBytes, &c.q[i.rm], kBytes);
  Vec r;
  std::memcpy(r.b, cat + i.a, kBytes);
  SetVec(c, i.rd, r, kQ);
  return Next(c, i);
}

// ---- table lookup ---------------------------------------------------------------------
// rn: first table register (kLen consecutive, modulo 32), rm: indices.
template <bool kTbx, int kLen, bool kQ>
bool TableLookup(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  uint8_t table[16 * kLen];
  for (int r = 0; r < kLen; ++r) std::memcpy(table + 16 * r, &c.q[(i.rn + r) & 31], 16);
  const Vec idx = GetVec(c, i.rm);
  Vec r = kTbx ? GetVec(c, i.rd) : Vec{};
  for (int e = 0; e < (kQ ? 16 : 8); ++e) {
    const uint8_t x = idx.b[e];
    if (x < 16 * kLen) {
      r.b[e] = table[x];
    } else if constexpr (!kTbx) {
      r.b[e] = 0;
    }
  }
  SetVec(c, i.rd, r, kQ);
  return Next(c, i);
}

// ---- modified immediate -----------------------------------------------------------------
// imm: the 64-bit expanded immediate (already inverted for MVNI).
enum ImmOp { kMov, kOrr, kBic };

template <int kOp, bool kQ>
bool ModImm(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  const uint64_t imm = i.imm;
  uint64_t lo = imm, hi = imm;
  if constexpr (kOp != kMov) {
    const Vec d = GetVec(c, i.rd);
    lo = kOp == kOrr ? d.Lo() | imm : d.Lo() & ~imm;
    hi = kOp == kOrr ? d.Hi() | imm : d.Hi() & ~imm;
  }
  c.q[i.rd] = kQ ? (static_cast<unsigned __int128>(hi) << 64 | lo) : lo;
  return Next(c, i);
}

// ---- extractors ---------------------------------------------------------------------------

// imm5: element size = lowest set bit (0..3), lane = the bits above it.
bool Imm5(uint32_t raw, int* log2, uint32_t* lane) {
  const uint32_t imm5 = Bits(raw, 20, 16);
  if ((imm5 & 0xF) == 0) return false;  // no size bit set (or Q-sized): reserved
  *log2 = __builtin_ctz(imm5);
  *lane = imm5 >> (*log2 + 1);
  return true;
}

template <template <int, bool> class F>
Handler BySizeQ(int log2, bool q) {
  static constexpr Handler kH[2][4] = {
      {F<0, false>::fn, F<1, false>::fn, F<2, false>::fn, F<3, false>::fn},
      {F<0, true>::fn, F<1, true>::fn, F<2, true>::fn, F<3, true>::fn}};
  return kH[q][log2];
}
template <template <int> class F>
Handler BySize(int log2) {
  static constexpr Handler kH[4] = {F<0>::fn, F<1>::fn, F<2>::fn, F<3>::fn};
  return kH[log2];
}

// clang-format off
template <int kL, bool kQ> struct DupElementFn { static constexpr Handler fn = DupElement<kL, kQ>; };
template <int kL, bool kQ> struct DupGeneralFn { static constexpr Handler fn = DupGeneral<kL, kQ>; };
template <int kL> struct DupScalarFn { static constexpr Handler fn = DupScalar<kL>; };
template <int kL> struct InsGeneralFn { static constexpr Handler fn = InsGeneral<kL>; };
template <int kL> struct InsElementFn { static constexpr Handler fn = InsElement<kL>; };
template <int kL> struct UmovFn { static constexpr Handler fn = Umov<kL>; };
template <int kL> struct Smov32Fn { static constexpr Handler fn = Smov<kL < 2 ? kL : 0, false>; };
template <int kL> struct Smov64Fn { static constexpr Handler fn = Smov<kL < 3 ? kL : 0, true>; };
template <int kL, bool kQ> struct UzpFn { static constexpr Handler fn = Permute<kUzp, kL, kQ>; };
template <int kL, bool kQ> struct TrnFn { static constexpr Handler fn = Permute<kTrn, kL, kQ>; };
template <int kL, bool kQ> struct ZipFn { static constexpr Handler fn = Permute<kZip, kL, kQ>; };
// clang-format on

bool XDupElement(uint32_t raw, Insn& o) {
  int log2;
  uint32_t lane;
  const bool q = Bit(raw, 30);
  if (!Imm5(raw, &log2, &lane) || (log2 == 3 && !q)) return false;
  o.rd = static_cast<uint8_t>(Bits(raw, 4, 0));
  o.rn = static_cast<uint8_t>(Bits(raw, 9, 5));
  o.b = static_cast<uint8_t>(lane);
  o.fn = BySizeQ<DupElementFn>(log2, q);
  return true;
}

bool XDupGeneral(uint32_t raw, Insn& o) {
  int log2;
  uint32_t lane;
  const bool q = Bit(raw, 30);
  if (!Imm5(raw, &log2, &lane) || (log2 == 3 && !q)) return false;
  o.rd = static_cast<uint8_t>(Bits(raw, 4, 0));
  o.rn = RegZr(raw, 5);
  o.fn = BySizeQ<DupGeneralFn>(log2, q);
  return true;
}

bool XDupScalar(uint32_t raw, Insn& o) {
  int log2;
  uint32_t lane;
  if (!Imm5(raw, &log2, &lane)) return false;
  o.rd = static_cast<uint8_t>(Bits(raw, 4, 0));
  o.rn = static_cast<uint8_t>(Bits(raw, 9, 5));
  o.b = static_cast<uint8_t>(lane);
  o.fn = BySize<DupScalarFn>(log2);
  return true;
}

bool XInsGeneral(uint32_t raw, Insn& o) {
  int log2;
  uint32_t lane;
  if (!Imm5(raw, &log2, &lane)) return false;
  o.rd = static_cast<uint8_t>(Bits(raw, 4, 0));
  o.rn = RegZr(raw, 5);
  o.a = static_cast<uint8_t>(lane);
  o.fn = BySize<InsGeneralFn>(log2);
  return true;
}

bool XInsElement(uint32_t raw, Insn& o) {
  int log2;
  uint32_t lane;
  if (!Imm5(raw, &log2, &lane)) return false;
  o.rd = static_cast<uint8_t>(Bits(raw, 4, 0));
  o.rn = static_cast<uint8_t>(Bits(raw, 9, 5));
  o.a = static_cast<uint8_t>(lane);
  o.b = static_cast<uint8_t>(Bits(raw, 14, 11) >> log2);
  o.fn = BySize<InsElementFn>(log2);
  return true;
}

// UMOV: Q=0 takes B/H/S into Wd, Q=1 only D into Xd.
bool XUmov(uint32_t raw, Insn& o) {
  int log2;
  uint32_t lane;
  const bool q = Bit(raw, 30);
  if (!Imm5(raw, &log2, &lane) || (q ? log2 != 3 : log2 == 3)) return false;
  o.rd = RegZrDst(raw, 0);
  o.rn = static_cast<uint8_t>(Bits(raw, 9, 5));
  o.b = static_cast<uint8_t>(lane);
  o.fn = BySize<UmovFn>(log2);
  return true;
}

// SMOV: Q=0 takes B/H into Wd, Q=1 B/H/S into Xd.
bool XSmov(uint32_t raw, Insn& o) {
  int log2;
  uint32_t lane;
  const bool q = Bit(raw, 30);
  if (!Imm5(raw, &log2, &lane) || log2 > (q ? 2 : 1)) return false;
  o.rd = RegZrDst(raw, 0);
  o.rn = static_cast<uint8_t>(Bits(raw, 9, 5));
  o.b = static_cast<uint8_t>(lane);
  o.fn = q ? BySize<Smov64Fn>(log2) : BySize<Smov32Fn>(log2);
  return true;
}

void XThreeRegs(uint32_t raw, Insn& o) {
  o.rd = static_cast<uint8_t>(Bits(raw, 4, 0));
  o.rn = static_cast<uint8_t>(Bits(raw, 9, 5));
  o.rm = static_cast<uint8_t>(Bits(raw, 20, 16));
}

// Permute: opcode 001 UZP1, 010 TRN1, 011 ZIP1, 101 UZP2, 110 TRN2, 111 ZIP2.
bool XPermute(uint32_t raw, Insn& o) {
  const uint32_t opcode = Bits(raw, 14, 12);
  const int log2 = static_cast<int>(Bits(raw, 23, 22));
  const bool q = Bit(raw, 30);
  if ((opcode & 3) == 0 || (log2 == 3 && !q)) return false;
  XThreeRegs(raw, o);
  o.a = static_cast<uint8_t>(opcode >> 2);
  switch (opcode & 3) {
    case 1:
      o.fn = BySizeQ<UzpFn>(log2, q);
      break;
    case 2:
      o.fn = BySizeQ<TrnFn>(log2, q);
      break;
    default:
      o.fn = BySizeQ<ZipFn>(log2, q);
      break;
  }
  return true;
}

bool XExt(uint32_t raw, Insn& o) {
  const uint32_t imm4 = Bits(raw, 14, 11);
  const bool q = Bit(raw, 30);
  if (!q && imm4 >= 8) return false;
  XThreeRegs(raw, o);
  o.a = static_cast<uint8_t>(imm4);
  o.fn = q ? Ext<true> : Ext<false>;
  return true;
}

bool XTable(uint32_t raw, Insn& o) {
  static constexpr Handler kH[2][2][4] = {
      {{TableLookup<false, 1, false>, TableLookup<false, 2, false>, TableLookup<false, 3, false>,
        TableLookup<false, 4, false>},
       {TableLookup<false, 1, true>, TableLookup<false, 2, true>, TableLookup<false, 3, true>,
        TableLookup<false, 4, true>}},
      {{TableLookup<true, 1, false>, TableLookup<true, 2, false>, TableLookup<true, 3, false>,
        TableLookup<true, 4, false>},
       {TableLookup<true, 1, true>, TableLookup<true, 2, true>, TableLookup<true, 3, true>,
        TableLookup<true, 4, true>}}};
  XThreeRegs(raw, o);
  o.fn = kH[Bit(raw, 12)][Bit(raw, 30)][Bits(raw, 14, 13)];
  return true;
}

// AdvSIMDExpandImm plus the operation the op:cmode combination selects.
bool XModImm(uint32_t raw, Insn& o) {
  const uint32_t op = Bit(raw, 29), cmode = Bits(raw, 15, 12), q = Bit(raw, 30);
  if (Bit(raw, 11)) return false;  // o2=1: FMOV (vector, half) is ARMv8.2 FP16
  const uint64_t imm8 = Bits(raw, 18, 16) << 5 | Bits(raw, 9, 5);
  auto rep32 = [](uint64_t v) { return v << 32 | v; };
  auto rep16 = [](uint64_t v) { return v * 0x0001000100010001ull; };
  uint64_t imm = 0;
  int kind = kMov;
  bool invert = false;
  switch (cmode >> 1) {
    case 0:
    case 1:
    case 2:
    case 3:  // 32-bit shifted: MOVI/MVNI (cmode<0>=0), ORR/BIC
      imm = rep32(imm8 << (8 * (cmode >> 1)));
      break;
    case 4:
    case 5:  // 16-bit shifted
      imm = rep16(imm8 << (8 * ((cmode >> 1) & 1)));
      break;
    case 6:  // 32-bit shifting ones (MSL)
      imm = rep32((cmode & 1) ? (imm8 << 16 | 0xFFFF) : (imm8 << 8 | 0xFF));
      break;
    default:
      break;
  }
  if (cmode < 12) {
    if (cmode & 1) {
      kind = op ? kBic : kOrr;
    } else {
      invert = op;
    }
  } else if (cmode < 14) {
    invert = op;
  } else if (cmode == 14) {
    if (op == 0) {
      imm = imm8 * 0x0101010101010101ull;  // MOVI 8-bit
    } else {
      for (int b = 0; b < 8; ++b) {  // MOVI 64-bit: each imm8 bit is a byte
        if ((imm8 >> b) & 1) imm |= 0xFFull << (8 * b);
      }
    }
  } else {
    const uint64_t a = imm8 >> 7, b = (imm8 >> 6) & 1, cdefgh = imm8 & 0x3F;
    if (op == 0) {  // FMOV (vector, single): a:NOT(b):b*5:cdefgh:0*19
      const uint64_t f = a << 31 | (b ^ 1) << 30 | (b ? 0x1Full << 25 : 0) | cdefgh << 19;
      imm = rep32(f);
    } else {  // FMOV (vector, double): a:NOT(b):b*8:cdefgh:0*48; Q=1 only
      if (!q) return false;
      imm = a << 63 | (b ^ 1) << 62 | (b ? 0xFFull << 54 : 0) | cdefgh << 48;
    }
  }
  if (invert) imm = ~imm;
  o.rd = static_cast<uint8_t>(Bits(raw, 4, 0));
  o.imm = imm;
  static constexpr Handler kH[3][2] = {{ModImm<kMov, false>, ModImm<kMov, true>},
                                       {ModImm<kOrr, false>, ModImm<kOrr, true>},
                                       {ModImm<kBic, false>, ModImm<kBic, true>}};
  o.fn = kH[kind][q];
  return true;
}

// Every line's extractor picks the specialised handler (decode.h); the
// ExecUndefined in the lines is never used.
// clang-format off
constexpr DecodeLine kTable[] = {
  // AdvSIMD copy: 0 Q op 01110000 imm5 0 imm4 1 Rn Rd.
  {0xBFE0FC00, 0x0E000400, "DUP (element)",   ExecUndefined, XDupElement, false},
  {0xBFE0FC00, 0x0E000C00, "DUP (general)",   ExecUndefined, XDupGeneral, false},
  {0xBFE0FC00, 0x0E002C00, "SMOV",            ExecUndefined, XSmov, false},
  {0xBFE0FC00, 0x0E003C00, "UMOV",            ExecUndefined, XUmov, false},
  {0xFFE0FC00, 0x4E001C00, "INS (general)",   ExecUndefined, XInsGeneral, false},
  {0xFFE08400, 0x6E000400, "INS (element)",   ExecUndefined, XInsElement, false},
  // AdvSIMD scalar copy: 01 op 11110000 imm5 0 imm4 1 Rn Rd.
  {0xFFE0FC00, 0x5E000400, "DUP (element, scalar)", ExecUndefined, XDupScalar, false},
  // Permute: 0 Q 001110 size 0 Rm 0 opcode 10 Rn Rd.
  {0xBF208C00, 0x0E000800, "UZP/TRN/ZIP",     ExecUndefined, XPermute, false},
  // Extract: 0 Q 101110 00 0 Rm 0 imm4 0 Rn Rd.
  {0xBFE08400, 0x2E000000, "EXT",             ExecUndefined, XExt, false},
  // Table lookup: 0 Q 001110 00 0 Rm 0 len op 00 Rn Rd.
  {0xBFE08C00, 0x0E000000, "TBL/TBX",         ExecUndefined, XTable, false},
  // Modified immediate: 0 Q op 0111100000 abc cmode o2 1 defgh Rd.
  {0x9FF80400, 0x0F000400, "MOVI/MVNI/ORR/BIC/FMOV (vector, immediate)", ExecUndefined, XModImm,
   false},
};
// clang-format on

}  // namespace

std::span<const DecodeLine> SimdMoveTable() { return kTable; }

}  // namespace vmd::hvsoft
