// AdvSIMD across lanes (ADDV, SADDLV, SMAXV, FMAXV, ...), scalar pairwise
// (ADDP, FADDP, FMAXP, ...) and vector x indexed element (MUL/MLA/MLS, the
// long and saturating doubling multiplies, FMUL/FMULX/FMLA/FMLS), vector and
// scalar forms; the conventions of the group are in exec_simd_misc_util.h.
#include <cstdint>
#include <span>

#include "engine/hv/soft/exec_simd_misc_util.h"

namespace vmd::hvsoft::simd_misc {
namespace {

// ---- extractors -------------------------------------------------------------

// The two-lane scalar pairwise forms.
bool XPair(uint32_t raw, Insn& o) {
  Regs(raw, o);
  o.a = 2;
  return true;
}

// Across lanes (integer): 4 x 32-bit needs Q=1 (2S is reserved).
bool XAcross(uint32_t raw, Insn& o) {
  const uint32_t size = Bits(raw, 23, 22), q = Bit(raw, 30);
  if (size == 2 && !q) return false;
  Regs(raw, o);
  o.a = static_cast<uint8_t>((q ? 16 : 8) >> size);
  return true;
}

// Across lanes (FP): only 4S exists in ARMv8.0 without FP16.
bool XAcrossFp(uint32_t raw, Insn& o) {
  if (!Bit(raw, 30)) return false;
  Regs(raw, o);
  o.a = 4;
  return true;
}

// By element, integer: size 01 takes index H:L:M and Rm<3:0> (V0..V15),
// size 10 index H:L and M:Rm.
inline void ElemIndex(uint32_t raw, Insn& o) {
  const uint32_t h = Bit(raw, 11), l = Bit(raw, 21), m = Bit(raw, 20);
  Regs(raw, o);
  if (Bits(raw, 23, 22) == 1) {
    o.rm = static_cast<uint8_t>(Bits(raw, 19, 16));
    o.imm = h << 2 | l << 1 | m;
  } else {
    o.rm = static_cast<uint8_t>(Bits(raw, 20, 16));
    o.imm = h << 1 | l;
  }
}
bool XElem(uint32_t raw, Insn& o) {
  ElemIndex(raw, o);
  o.a = static_cast<uint8_t>((Bit(raw, 30) ? 16 : 8) >> Bits(raw, 23, 22));
  return true;
}
bool XElemL(uint32_t raw, Insn& o) {
  ElemIndex(raw, o);
  o.a = static_cast<uint8_t>(8 >> Bits(raw, 23, 22));
  o.b = Bit(raw, 30) ? kUpper : 0;
  return true;
}
bool XElemS(uint32_t raw, Insn& o) {
  ElemIndex(raw, o);
  o.a = 1;
  return true;
}

// By element, FP: sz=0 index H:L, sz=1 index H (L=1 reserved); Rm = M:Rm.
inline bool ElemFpIndex(uint32_t raw, Insn& o) {
  const uint32_t sz = Bit(raw, 22), h = Bit(raw, 11), l = Bit(raw, 21);
  if (sz && l) return false;
  Regs(raw, o);
  o.rm = static_cast<uint8_t>(Bits(raw, 20, 16));
  o.imm = sz ? h : (h << 1 | l);
  return true;
}
bool XElemFp(uint32_t raw, Insn& o) {
  const uint32_t sz = Bit(raw, 22), q = Bit(raw, 30);
  if (sz && !q) return false;
  if (!ElemFpIndex(raw, o)) return false;
  o.a = static_cast<uint8_t>((q ? 16 : 8) >> (2 + sz));
  return true;
}
bool XElemFpS(uint32_t raw, Insn& o) {
  if (!ElemFpIndex(raw, o)) return false;
  o.a = 1;
  return true;
}

// ---- across lanes and scalar pairwise ---------------------------------------

// SADDLV/UADDLV: the sum in twice the element size.
template <typename T, bool kSigned>
bool AddLongAcross(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  const Vec n = GetVec(c, i.rn);
  int64_t sum = 0;
  for (int e = 0; e < i.a; ++e) {
    sum += static_cast<int64_t>(kSigned ? SInt(n.Get<T>(e)) : UInt(n.Get<T>(e)));
  }
  Vec r;
  r.Set<Wide<T>>(0, static_cast<Wide<T>>(sum));
  SetVec128(c, i.rd, r);
  return Next(c, i);
}

// ADDV, SMAXV, SMINV, UMAXV, UMINV and scalar ADDP (i.a = 2).
enum class Reduce { kAdd, kSMax, kSMin, kUMax, kUMin };
template <typename T, Reduce kOp>
bool IntAcross(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  const Vec n = GetVec(c, i.rn);
  T acc = n.Get<T>(0);
  for (int e = 1; e < i.a; ++e) {
    const T x = n.Get<T>(e);
    if constexpr (kOp == Reduce::kAdd) {
      acc = static_cast<T>(acc + x);
    } else if constexpr (kOp == Reduce::kSMax) {
      if (static_cast<Signed<T>>(x) > static_cast<Signed<T>>(acc)) acc = x;
    } else if constexpr (kOp == Reduce::kSMin) {
      if (static_cast<Signed<T>>(x) < static_cast<Signed<T>>(acc)) acc = x;
    } else if constexpr (kOp == Reduce::kUMax) {
      if (x > acc) acc = x;
    } else {
      if (x < acc) acc = x;
    }
  }
  Vec r;
  r.Set<T>(0, acc);
  SetVec128(c, i.rd, r);
  return Next(c, i);
}

// FP across lanes (4 singles) and scalar pairwise (2 lanes): the pairwise
// tree of the pseudocode's Reduce(): op(op(e0, e1), op(e2, e3)).
template <typename T, T (*Op)(T, T, fp::Env&)>
bool FpReduce(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  const Vec n = GetVec(c, i.rn);
  fp::Env env = FpEnv(c);
  T v = Op(n.Get<T>(0), n.Get<T>(1), env);  // 2 lanes: FADDP and the like
  if constexpr (sizeof(T) == 4) {
    if (i.a == 4) {  // FMAXV and the like (flags only accumulate: order is free)
      const T hi = Op(n.Get<T>(2), n.Get<T>(3), env);
      v = Op(v, hi, env);
    }
  }
  c.fpsr |= env.flags;
  Vec r;
  r.Set<T>(0, v);
  SetVec128(c, i.rd, r);
  return Next(c, i);
}

template <typename T>
T OpFadd(T a, T b, fp::Env& env) {
  return fp::Add<T>(a, b, env);
}
template <typename T>
T OpFmax(T a, T b, fp::Env& env) {
  return fp::Max<T>(a, b, env);
}
template <typename T>
T OpFmin(T a, T b, fp::Env& env) {
  return fp::Min<T>(a, b, env);
}
template <typename T>
T OpFmaxnm(T a, T b, fp::Env& env) {
  return fp::MaxNum<T>(a, b, env);
}
template <typename T>
T OpFminnm(T a, T b, fp::Env& env) {
  return fp::MinNum<T>(a, b, env);
}

// ---- by element --------------------------------------------------------------

// MUL, MLA, MLS (vector).
enum Acc { kNoAcc, kAddAcc, kSubAcc };
template <typename T, Acc kAcc>
bool MulElem(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  const Vec n = GetVec(c, i.rn), d = GetVec(c, i.rd);
  const T m = GetLane<T>(c, i.rm, static_cast<int>(i.imm));
  Vec r;
  for (int e = 0; e < i.a; ++e) {
    T p = static_cast<T>(static_cast<Wide<T>>(n.Get<T>(e)) * m);
    if (kAcc == kAddAcc) p = static_cast<T>(d.Get<T>(e) + p);
    if (kAcc == kSubAcc) p = static_cast<T>(d.Get<T>(e) - p);
    r.Set<T>(e, p);
  }
  SetVec128(c, i.rd, r);
  return Next(c, i);
}

// SMULL/UMULL, SMLAL/UMLAL, SMLSL/UMLSL (and their "2" forms).
template <typename T, bool kSigned, Acc kAcc>
bool MulLong(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using W = Wide<T>;
  const Vec n = GetVec(c, i.rn), d = GetVec(c, i.rd);
  const T mt = GetLane<T>(c, i.rm, static_cast<int>(i.imm));
  const __int128 m = kSigned ? SInt(mt) : UInt(mt);
  const int off = (i.b & kUpper) ? i.a : 0;
  Vec r;
  for (int e = 0; e < i.a; ++e) {
    const T nt = n.Get<T>(off + e);
    W p = static_cast<W>((kSigned ? SInt(nt) : UInt(nt)) * m);
    if (kAcc == kAddAcc) p = static_cast<W>(d.Get<W>(e) + p);
    if (kAcc == kSubAcc) p = static_cast<W>(d.Get<W>(e) - p);
    r.Set<W>(e, p);
  }
  SetVec128(c, i.rd, r);
  return Next(c, i);
}

// SQDMULL, SQDMLAL, SQDMLSL (vector, "2" and scalar): the doubled product
// saturates (only MIN * MIN does), then the accumulation does.
template <typename T, Acc kAcc>
bool SqdmullElem(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using W = Wide<T>;
  const Vec n = GetVec(c, i.rn), d = GetVec(c, i.rd);
  const __int128 m = SInt(GetLane<T>(c, i.rm, static_cast<int>(i.imm)));
  const int off = (i.b & kUpper) ? i.a : 0;
  bool sat = false;
  Vec r;
  for (int e = 0; e < i.a; ++e) {
    const W product = SatS<W>(2 * SInt(n.Get<T>(off + e)) * m, sat);
    W v = product;
    if (kAcc == kAddAcc) v = SatS<W>(SInt(d.Get<W>(e)) + SInt(product), sat);
    if (kAcc == kSubAcc) v = SatS<W>(SInt(d.Get<W>(e)) - SInt(product), sat);
    r.Set<W>(e, v);
  }
  SetQc(c, sat);
  SetVec128(c, i.rd, r);
  return Next(c, i);
}

// SQDMULH, SQRDMULH (vector and scalar).
template <typename T, bool kRound>
bool SqdmulhElem(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  const Vec n = GetVec(c, i.rn);
  const __int128 m = SInt(GetLane<T>(c, i.rm, static_cast<int>(i.imm)));
  constexpr __int128 kRoundConst = kRound ? (__int128{1} << (kBits<T> - 1)) : 0;
  bool sat = false;
  Vec r;
  for (int e = 0; e < i.a; ++e) {
    r.Set<T>(e, SatS<T>((2 * SInt(n.Get<T>(e)) * m + kRoundConst) >> kBits<T>, sat));
  }
  SetQc(c, sat);
  SetVec128(c, i.rd, r);
  return Next(c, i);
}

// FMUL, FMULX, FMLA, FMLS by element (vector and scalar).
enum FpElemOp { kFMul, kFMulX, kFMla, kFMls };
template <typename T, FpElemOp kOp>
bool FpElem(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  const Vec n = GetVec(c, i.rn), d = GetVec(c, i.rd);
  const T m = GetLane<T>(c, i.rm, static_cast<int>(i.imm));
  fp::Env env = FpEnv(c);
  Vec r;
  for (int e = 0; e < i.a; ++e) {
    const T x = n.Get<T>(e);
    T v;
    if constexpr (kOp == kFMul) {
      v = fp::Mul<T>(x, m, env);
    } else if constexpr (kOp == kFMulX) {
      v = fp::MulX<T>(x, m, env);
    } else if constexpr (kOp == kFMla) {
      v = fp::MulAdd<T>(d.Get<T>(e), x, m, env);
    } else {
      v = fp::MulAdd<T>(d.Get<T>(e), fp::Neg<T>(x), m, env);
    }
    r.Set<T>(e, v);
  }
  c.fpsr |= env.flags;
  SetVec128(c, i.rd, r);
  return Next(c, i);
}

// ---- the table ----------------------------------------------------------------

constexpr uint32_t kEVecMask = 0xBFC0F400, kESclMask = 0xFFC0F400;
constexpr uint32_t AcrossV(uint32_t u, uint32_t size, uint32_t op) {
  return 0x0E300800 | u << 29 | size << 22 | op << 12;
}
constexpr uint32_t PairS(uint32_t u, uint32_t size, uint32_t op) {
  return 0x5E300800 | u << 29 | size << 22 | op << 12;
}
constexpr uint32_t ElemV(uint32_t u, uint32_t size, uint32_t op) {
  return 0x0F000000 | u << 29 | size << 22 | op << 12;
}
constexpr uint32_t ElemS(uint32_t u, uint32_t size, uint32_t op) {
  return 0x5F000000 | u << 29 | size << 22 | op << 12;
}

template <typename T>
constexpr Handler kFaddp = FpReduce<T, OpFadd<T>>;
template <typename T>
constexpr Handler kFmaxp = FpReduce<T, OpFmax<T>>;
template <typename T>
constexpr Handler kFminp = FpReduce<T, OpFmin<T>>;
template <typename T>
constexpr Handler kFmaxnmp = FpReduce<T, OpFmaxnm<T>>;
template <typename T>
constexpr Handler kFminnmp = FpReduce<T, OpFminnm<T>>;

// clang-format off
constexpr DecodeLine kTable[] = {
  // ---- AdvSIMD across lanes ----
  {kVecMask, AcrossV(0, 0, 0x03), "SADDLV (8b/16b)", AddLongAcross<u8, true>,   XAcross, false},
  {kVecMask, AcrossV(0, 1, 0x03), "SADDLV (4h/8h)",  AddLongAcross<u16, true>,  XAcross, false},
  {kVecMask, AcrossV(0, 2, 0x03), "SADDLV (4s)",     AddLongAcross<u32, true>,  XAcross, false},
  {kVecMask, AcrossV(1, 0, 0x03), "UADDLV (8b/16b)", AddLongAcross<u8, false>,  XAcross, false},
  {kVecMask, AcrossV(1, 1, 0x03), "UADDLV (4h/8h)",  AddLongAcross<u16, false>, XAcross, false},
  {kVecMask, AcrossV(1, 2, 0x03), "UADDLV (4s)",     AddLongAcross<u32, false>, XAcross, false},
  {kVecMask, AcrossV(0, 0, 0x0A), "SMAXV (8b/16b)",  IntAcross<u8, Reduce::kSMax>,  XAcross, false},
  {kVecMask, AcrossV(0, 1, 0x0A), "SMAXV (4h/8h)",   IntAcross<u16, Reduce::kSMax>, XAcross, false},
  {kVecMask, AcrossV(0, 2, 0x0A), "SMAXV (4s)",      IntAcross<u32, Reduce::kSMax>, XAcross, false},
  {kVecMask, AcrossV(1, 0, 0x0A), "UMAXV (8b/16b)",  IntAcross<u8, Reduce::kUMax>,  XAcross, false},
  {kVecMask, AcrossV(1, 1, 0x0A), "UMAXV (4h/8h)",   IntAcross<u16, Reduce::kUMax>, XAcross, false},
  {kVecMask, AcrossV(1, 2, 0x0A), "UMAXV (4s)",      IntAcross<u32, Reduce::kUMax>, XAcross, false},
  {kVecMask, AcrossV(0, 0, 0x1A), "SMINV (8b/16b)",  IntAcross<u8, Reduce::kSMin>,  XAcross, false},
  {kVecMask, AcrossV(0, 1, 0x1A), "SMINV (4h/8h)",   IntAcross<u16, Reduce::kSMin>, XAcross, false},
  {kVecMask, AcrossV(0, 2, 0x1A), "SMINV (4s)",      IntAcross<u32, Reduce::kSMin>, XAcross, false},
  {kVecMask, AcrossV(1, 0, 0x1A), "UMINV (8b/16b)",  IntAcross<u8, Reduce::kUMin>,  XAcross, false},
  {kVecMask, AcrossV(1, 1, 0x1A), "UMINV (4h/8h)",   IntAcross<u16, Reduce::kUMin>, XAcross, false},
  {kVecMask, AcrossV(1, 2, 0x1A), "UMINV (4s)",      IntAcross<u32, Reduce::kUMin>, XAcross, false},
  {kVecMask, AcrossV(0, 0, 0x1B), "ADDV (8b/16b)",   IntAcross<u8, Reduce::kAdd>,   XAcross, false},
  {kVecMask, AcrossV(0, 1, 0x1B), "ADDV (4h/8h)",    IntAcross<u16, Reduce::kAdd>,  XAcross, false},
  {kVecMask, AcrossV(0, 2, 0x1B), "ADDV (4s)",       IntAcross<u32, Reduce::kAdd>,  XAcross, false},
  {kVecMask, AcrossV(1, 0, 0x0C), "FMAXNMV",         kFmaxnmp<u32>, XAcrossFp, false},
  {kVecMask, AcrossV(1, 2, 0x0C), "FMINNMV",         kFminnmp<u32>, XAcrossFp, false},
  {kVecMask, AcrossV(1, 0, 0x0F), "FMAXV",           kFmaxp<u32>,   XAcrossFp, false},
  {kVecMask, AcrossV(1, 2, 0x0F), "FMINV",           kFminp<u32>,   XAcrossFp, false},

  // ---- AdvSIMD scalar pairwise ----
  {kScalarMask, PairS(0, 3, 0x1B), "ADDP (scalar)",  IntAcross<u64, Reduce::kAdd>, XPair, false},
  {kScalarMask, PairS(1, 0, 0x0C), "FMAXNMP (scalar) (S)", kFmaxnmp<u32>, XPair, false},
  {kScalarMask, PairS(1, 1, 0x0C), "FMAXNMP (scalar) (D)", kFmaxnmp<u64>, XPair, false},
  {kScalarMask, PairS(1, 2, 0x0C), "FMINNMP (scalar) (S)", kFminnmp<u32>, XPair, false},
  {kScalarMask, PairS(1, 3, 0x0C), "FMINNMP (scalar) (D)", kFminnmp<u64>, XPair, false},
  {kScalarMask, PairS(1, 0, 0x0D), "FADDP (scalar) (S)",   kFaddp<u32>,   XPair, false},
  {kScalarMask, PairS(1, 1, 0x0D), "FADDP (scalar) (D)",   kFaddp<u64>,   XPair, false},
  {kScalarMask, PairS(1, 0, 0x0F), "FMAXP (scalar) (S)",   kFmaxp<u32>,   XPair, false},
  {kScalarMask, PairS(1, 1, 0x0F), "FMAXP (scalar) (D)",   kFmaxp<u64>,   XPair, false},
  {kScalarMask, PairS(1, 2, 0x0F), "FMINP (scalar) (S)",   kFminp<u32>,   XPair, false},
  {kScalarMask, PairS(1, 3, 0x0F), "FMINP (scalar) (D)",   kFminp<u64>,   XPair, false},

  // ---- AdvSIMD vector x indexed element ----
  {kEVecMask, ElemV(0, 1, 0x8), "MUL (elem) (4h/8h)", MulElem<u16, kNoAcc>, XElem, false},
  {kEVecMask, ElemV(0, 2, 0x8), "MUL (elem) (2s/4s)", MulElem<u32, kNoAcc>, XElem, false},
  {kEVecMask, ElemV(1, 1, 0x0), "MLA (elem) (4h/8h)", MulElem<u16, kAddAcc>,  XElem, false},
  {kEVecMask, ElemV(1, 2, 0x0), "MLA (elem) (2s/4s)", MulElem<u32, kAddAcc>,  XElem, false},
  {kEVecMask, ElemV(1, 1, 0x4), "MLS (elem) (4h/8h)", MulElem<u16, kSubAcc>,  XElem, false},
  {kEVecMask, ElemV(1, 2, 0x4), "MLS (elem) (2s/4s)", MulElem<u32, kSubAcc>,  XElem, false},
  {kEVecMask, ElemV(0, 1, 0xA), "SMULL (elem) (4s)", MulLong<u16, true, kNoAcc>, XElemL, false},
  {kEVecMask, ElemV(0, 2, 0xA), "SMULL (elem) (2d)", MulLong<u32, true, kNoAcc>, XElemL, false},
  {kEVecMask, ElemV(1, 1, 0xA), "UMULL (elem) (4s)", MulLong<u16, false, kNoAcc>, XElemL, false},
  {kEVecMask, ElemV(1, 2, 0xA), "UMULL (elem) (2d)", MulLong<u32, false, kNoAcc>, XElemL, false},
  {kEVecMask, ElemV(0, 1, 0x2), "SMLAL (elem) (4s)", MulLong<u16, true, kAddAcc>, XElemL, false},
  {kEVecMask, ElemV(0, 2, 0x2), "SMLAL (elem) (2d)", MulLong<u32, true, kAddAcc>, XElemL, false},
  {kEVecMask, ElemV(1, 1, 0x2), "UMLAL (elem) (4s)", MulLong<u16, false, kAddAcc>, XElemL, false},
  {kEVecMask, ElemV(1, 2, 0x2), "UMLAL (elem) (2d)", MulLong<u32, false, kAddAcc>, XElemL, false},
  {kEVecMask, ElemV(0, 1, 0x6), "SMLSL (elem) (4s)", MulLong<u16, true, kSubAcc>, XElemL, false},
  {kEVecMask, ElemV(0, 2, 0x6), "SMLSL (elem) (2d)", MulLong<u32, true, kSubAcc>, XElemL, false},
  {kEVecMask, ElemV(1, 1, 0x6), "UMLSL (elem) (4s)", MulLong<u16, false, kSubAcc>, XElemL, false},
  {kEVecMask, ElemV(1, 2, 0x6), "UMLSL (elem) (2d)", MulLong<u32, false, kSubAcc>, XElemL, false},
  {kEVecMask, ElemV(0, 1, 0xB), "SQDMULL (elem) (4s)", SqdmullElem<u16, kNoAcc>, XElemL, false},
  {kEVecMask, ElemV(0, 2, 0xB), "SQDMULL (elem) (2d)", SqdmullElem<u32, kNoAcc>, XElemL, false},
  {kEVecMask, ElemV(0, 1, 0x3), "SQDMLAL (elem) (4s)", SqdmullElem<u16, kAddAcc>, XElemL, false},
  {kEVecMask, ElemV(0, 2, 0x3), "SQDMLAL (elem) (2d)", SqdmullElem<u32, kAddAcc>, XElemL, false},
  {kEVecMask, ElemV(0, 1, 0x7), "SQDMLSL (elem) (4s)", SqdmullElem<u16, kSubAcc>, XElemL, false},
  {kEVecMask, ElemV(0, 2, 0x7), "SQDMLSL (elem) (2d)", SqdmullElem<u32, kSubAcc>, XElemL, false},
  {kEVecMask, ElemV(0, 1, 0xC), "SQDMULH (elem) (4h/8h)", SqdmulhElem<u16, false>, XElem, false},
  {kEVecMask, ElemV(0, 2, 0xC), "SQDMULH (elem) (2s/4s)", SqdmulhElem<u32, false>, XElem, false},
  {kEVecMask, ElemV(0, 1, 0xD), "SQRDMULH (elem) (4h/8h)", SqdmulhElem<u16, true>, XElem, false},
  {kEVecMask, ElemV(0, 2, 0xD), "SQRDMULH (elem) (2s/4s)", SqdmulhElem<u32, true>, XElem, false},
  {kEVecMask, ElemV(0, 2, 0x9), "FMUL (elem) (2s/4s)", FpElem<u32, kFMul>, XElemFp, false},
  {kEVecMask, ElemV(0, 3, 0x9), "FMUL (elem) (2d)", FpElem<u64, kFMul>, XElemFp, false},
  {kEVecMask, ElemV(1, 2, 0x9), "FMULX (elem) (2s/4s)", FpElem<u32, kFMulX>, XElemFp, false},
  {kEVecMask, ElemV(1, 3, 0x9), "FMULX (elem) (2d)", FpElem<u64, kFMulX>, XElemFp, false},
  {kEVecMask, ElemV(0, 2, 0x1), "FMLA (elem) (2s/4s)", FpElem<u32, kFMla>, XElemFp, false},
  {kEVecMask, ElemV(0, 3, 0x1), "FMLA (elem) (2d)", FpElem<u64, kFMla>, XElemFp, false},
  {kEVecMask, ElemV(0, 2, 0x5), "FMLS (elem) (2s/4s)", FpElem<u32, kFMls>, XElemFp, false},
  {kEVecMask, ElemV(0, 3, 0x5), "FMLS (elem) (2d)", FpElem<u64, kFMls>, XElemFp, false},

  // ---- AdvSIMD scalar x indexed element ----
  {kESclMask, ElemS(0, 1, 0xB), "SQDMULL (elem) (S)", SqdmullElem<u16, kNoAcc>, XElemS, false},
  {kESclMask, ElemS(0, 2, 0xB), "SQDMULL (elem) (D)", SqdmullElem<u32, kNoAcc>, XElemS, false},
  {kESclMask, ElemS(0, 1, 0x3), "SQDMLAL (elem) (S)", SqdmullElem<u16, kAddAcc>, XElemS, false},
  {kESclMask, ElemS(0, 2, 0x3), "SQDMLAL (elem) (D)", SqdmullElem<u32, kAddAcc>, XElemS, false},
  {kESclMask, ElemS(0, 1, 0x7), "SQDMLSL (elem) (S)", SqdmullElem<u16, kSubAcc>, XElemS, false},
  {kESclMask, ElemS(0, 2, 0x7), "SQDMLSL (elem) (D)", SqdmullElem<u32, kSubAcc>, XElemS, false},
  {kESclMask, ElemS(0, 1, 0xC), "SQDMULH (elem) (H)", SqdmulhElem<u16, false>, XElemS, false},
  {kESclMask, ElemS(0, 2, 0xC), "SQDMULH (elem) (S)", SqdmulhElem<u32, false>, XElemS, false},
  {kESclMask, ElemS(0, 1, 0xD), "SQRDMULH (elem) (H)", SqdmulhElem<u16, true>, XElemS, false},
  {kESclMask, ElemS(0, 2, 0xD), "SQRDMULH (elem) (S)", SqdmulhElem<u32, true>, XElemS, false},
  {kESclMask, ElemS(0, 2, 0x9), "FMUL (elem) (S)", FpElem<u32, kFMul>, XElemFpS, false},
  {kESclMask, ElemS(0, 3, 0x9), "FMUL (elem) (D)", FpElem<u64, kFMul>, XElemFpS, false},
  {kESclMask, ElemS(1, 2, 0x9), "FMULX (elem) (S)", FpElem<u32, kFMulX>, XElemFpS, false},
  {kESclMask, ElemS(1, 3, 0x9), "FMULX (elem) (D)", FpElem<u64, kFMulX>, XElemFpS, false},
  {kESclMask, ElemS(0, 2, 0x1), "FMLA (elem) (S)", FpElem<u32, kFMla>, XElemFpS, false},
  {kESclMask, ElemS(0, 3, 0x1), "FMLA (elem) (D)", FpElem<u64, kFMla>, XElemFpS, false},
  {kESclMask, ElemS(0, 2, 0x5), "FMLS (elem) (S)", FpElem<u32, kFMls>, XElemFpS, false},
  {kESclMask, ElemS(0, 3, 0x5), "FMLS (elem) (D)", FpElem<u64, kFMls>, XElemFpS, false},
};
// clang-format on

}  // namespace

std::span<const DecodeLine> AcrossElemLines() { return kTable; }

}  // namespace vmd::hvsoft::simd_misc
