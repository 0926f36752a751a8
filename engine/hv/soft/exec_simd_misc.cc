// AdvSIMD two-register misc, across lanes, scalar pairwise and by element
// (vector x indexed element), in their vector and scalar forms, for ARMv8.0
// without FP16, RDM or dot product (ARM ARM C4.1.6 "Data Processing --
// Scalar Floating-Point and Advanced SIMD"). The decoder (decode.cc) scans
// SimdMiscTable(); FP arithmetic goes through fp.h.
//
// Every table line fixes the size field, so each handler is a template on
// its element type and does only the lane loop. The extractors fill:
//   rd, rn, rm  vector register numbers (rm already restricted to V0..V15
//               for 16-bit by-element forms);
//   a           lanes processed (1 for scalar forms; for narrowing/widening
//               forms the lanes of the narrow half);
//   b           kUpper: the "2" form (narrowing writes the upper half and
//               keeps the lower, widening reads the upper half of Vn);
//   imm         element index of the by-element forms.
// Results are built in a zeroed Vec and written as 128 bits, which gives
// the zeroing of the upper half (64-bit vectors) and of everything above a
// scalar, as A64 requires.
#include <bit>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "engine/hv/soft/decode.h"
#include "engine/hv/soft/fp.h"
#include "engine/hv/soft/simd.h"

namespace vmd::hvsoft {
namespace {

constexpr uint8_t kUpper = 1;

template <typename T>
using Signed = std::make_signed_t<T>;
template <typename T>
constexpr int kBits = static_cast<int>(sizeof(T) * 8);

template <typename T>
struct WideOf;
template <>
struct WideOf<uint8_t> {
  using type = uint16_t;
};
template <>
struct WideOf<uint16_t> {
  using type = uint32_t;
};
template <>
struct WideOf<uint32_t> {
  using type = uint64_t;
};
template <typename T>
using Wide = typename WideOf<T>::type;

// SInt/UInt of a lane as a wide integer.
template <typename T>
constexpr __int128 SInt(T x) {
  return static_cast<Signed<T>>(x);
}
template <typename T>
constexpr __int128 UInt(T x) {
  return x;
}

// SignedSatQ / UnsignedSatQ to the width of T.
template <typename T>
inline T SatS(__int128 v, bool& sat) {
  constexpr __int128 kMax = std::numeric_limits<Signed<T>>::max();
  constexpr __int128 kMin = std::numeric_limits<Signed<T>>::min();
  if (v > kMax) {
    sat = true;
    return static_cast<T>(kMax);
  }
  if (v < kMin) {
    sat = true;
    return static_cast<T>(kMin);
  }
  return static_cast<T>(v);
}
template <typename T>
inline T SatU(__int128 v, bool& sat) {
  constexpr __int128 kMax = std::numeric_limits<T>::max();
  if (v > kMax) {
    sat = true;
    return static_cast<T>(kMax);
  }
  if (v < 0) {
    sat = true;
    return 0;
  }
  return static_cast<T>(v);
}

inline void SetQc(Cpu& c, bool sat) {
  if (sat) c.fpsr |= fp::kQc;
}

inline fp::Env FpEnv(const Cpu& c) { return fp::Env{static_cast<uint32_t>(c.fpcr), 0}; }

// ---- extractors -------------------------------------------------------------

inline void Regs(uint32_t raw, Insn& o) {
  o.rd = static_cast<uint8_t>(Bits(raw, 4, 0));
  o.rn = static_cast<uint8_t>(Bits(raw, 9, 5));
}

// Vector, elements of size<1:0> in and out; 64-bit elements need Q=1.
bool XVec(uint32_t raw, Insn& o) {
  const uint32_t size = Bits(raw, 23, 22), q = Bit(raw, 30);
  if (size == 3 && !q) return false;
  Regs(raw, o);
  o.a = static_cast<uint8_t>((q ? 16 : 8) >> size);
  return true;
}

// Vector, byte elements whatever the size field says (RBIT has size=01).
bool XVecBytes(uint32_t raw, Insn& o) {
  Regs(raw, o);
  o.a = Bit(raw, 30) ? 16 : 8;
  return true;
}

// Vector FP, element size 32 << sz (sz = bit 22); double needs Q=1.
bool XVecFp(uint32_t raw, Insn& o) {
  const uint32_t sz = Bit(raw, 22), q = Bit(raw, 30);
  if (sz && !q) return false;
  Regs(raw, o);
  o.a = static_cast<uint8_t>((q ? 16 : 8) >> (2 + sz));
  return true;
}

// Scalar forms and the two-lane scalar pairwise forms.
bool XScalar(uint32_t raw, Insn& o) {
  Regs(raw, o);
  o.a = 1;
  return true;
}
bool XPair(uint32_t raw, Insn& o) {
  Regs(raw, o);
  o.a = 2;
  return true;
}

// Pairwise long (SADDLP...): a = result lanes.
bool XVecPairLong(uint32_t raw, Insn& o) {
  Regs(raw, o);
  o.a = static_cast<uint8_t>((Bit(raw, 30) ? 16 : 8) >> (Bits(raw, 23, 22) + 1));
  return true;
}

// Narrowing (XTN...) and widening (SHLL) integer forms: a = narrow lanes in
// 64 bits, Q = the "2" form.
bool XVecHalf(uint32_t raw, Insn& o) {
  Regs(raw, o);
  o.a = static_cast<uint8_t>(8 >> Bits(raw, 23, 22));
  o.b = Bit(raw, 30) ? kUpper : 0;
  return true;
}

// FCVTN/FCVTL/FCVTXN vector: sz=1 two doubles <-> singles, sz=0 four
// singles <-> halves.
bool XVecFpHalf(uint32_t raw, Insn& o) {
  Regs(raw, o);
  o.a = Bit(raw, 22) ? 2 : 4;
  o.b = Bit(raw, 30) ? kUpper : 0;
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

// ---- integer two-register misc ----------------------------------------------

// Lane-wise unary op; `sat` is set by the saturating ones (QC).
template <typename T, T (*Op)(T, bool&)>
bool IntUnary(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  const Vec n = GetVec(c, i.rn);
  Vec r;
  bool sat = false;
  for (int e = 0; e < i.a; ++e) r.Set<T>(e, Op(n.Get<T>(e), sat));
  SetQc(c, sat);
  SetVec128(c, i.rd, r);
  return Next(c, i);
}

// Lane-wise op of Vn and Vd (SUQADD/USQADD accumulate into Vd).
template <typename T, T (*Op)(T, T, bool&)>
bool IntUnaryAcc(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  const Vec n = GetVec(c, i.rn), d = GetVec(c, i.rd);
  Vec r;
  bool sat = false;
  for (int e = 0; e < i.a; ++e) r.Set<T>(e, Op(n.Get<T>(e), d.Get<T>(e), sat));
  SetQc(c, sat);
  SetVec128(c, i.rd, r);
  return Next(c, i);
}

template <typename T>
T OpCls(T x, bool&) {
  const T y = x ^ static_cast<T>(static_cast<Signed<T>>(x) >> (kBits<T> - 1));
  return static_cast<T>(std::countl_zero(y) - 1);
}
template <typename T>
T OpClz(T x, bool&) {
  return static_cast<T>(std::countl_zero(x));
}
uint8_t OpCnt(uint8_t x, bool&) { return static_cast<uint8_t>(std::popcount(x)); }
uint8_t OpNot(uint8_t x, bool&) { return static_cast<uint8_t>(~x); }
uint8_t OpRbit(uint8_t x, bool&) {
  x = static_cast<uint8_t>((x & 0xF0) >> 4 | (x & 0x0F) << 4);
  x = static_cast<uint8_t>((x & 0xCC) >> 2 | (x & 0x33) << 2);
  return static_cast<uint8_t>((x & 0xAA) >> 1 | (x & 0x55) << 1);
}
template <typename T>
T OpAbs(T x, bool&) {
  return static_cast<Signed<T>>(x) < 0 ? static_cast<T>(T{0} - x) : x;
}
template <typename T>
T OpNeg(T x, bool&) {
  return static_cast<T>(T{0} - x);
}
template <typename T>
T OpSqAbs(T x, bool& sat) {
  const __int128 v = SInt(x);
  return SatS<T>(v < 0 ? -v : v, sat);
}
template <typename T>
T OpSqNeg(T x, bool& sat) {
  return SatS<T>(-SInt(x), sat);
}
template <typename T>
constexpr T Mask(bool b) {
  return b ? static_cast<T>(~T{0}) : T{0};
}
template <typename T>
T OpCmGt0(T x, bool&) {
  return Mask<T>(static_cast<Signed<T>>(x) > 0);
}
template <typename T>
T OpCmGe0(T x, bool&) {
  return Mask<T>(static_cast<Signed<T>>(x) >= 0);
}
template <typename T>
T OpCmEq0(T x, bool&) {
  return Mask<T>(x == 0);
}
template <typename T>
T OpCmLe0(T x, bool&) {
  return Mask<T>(static_cast<Signed<T>>(x) <= 0);
}
template <typename T>
T OpCmLt0(T x, bool&) {
  return Mask<T>(static_cast<Signed<T>>(x) < 0);
}
// SUQADD: signed Vd + unsigned Vn, signed saturation; USQADD the converse.
template <typename T>
T OpSuqadd(T n, T d, bool& sat) {
  return SatS<T>(UInt(n) + SInt(d), sat);
}
template <typename T>
T OpUsqadd(T n, T d, bool& sat) {
  return SatU<T>(SInt(n) + UInt(d), sat);
}
uint32_t OpUrecpe(uint32_t x, bool&) { return fp::UnsignedRecipEstimate(x); }
uint32_t OpUrsqrte(uint32_t x, bool&) { return fp::UnsignedRSqrtEstimate(x); }

// REV16/REV32/REV64: reverse the T elements within each kContainer bytes.
template <typename T, int kContainer>
bool Rev(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  constexpr int kFlip = kContainer / static_cast<int>(sizeof(T)) - 1;
  const Vec n = GetVec(c, i.rn);
  Vec r;
  for (int e = 0; e < i.a; ++e) r.Set<T>(e ^ kFlip, n.Get<T>(e));
  SetVec128(c, i.rd, r);
  return Next(c, i);
}

// SADDLP/UADDLP (kAcc false), SADALP/UADALP (kAcc true).
template <typename T, bool kSigned, bool kAcc>
bool AddLongPairwise(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using W = Wide<T>;
  const Vec n = GetVec(c, i.rn), d = GetVec(c, i.rd);
  Vec r;
  for (int e = 0; e < i.a; ++e) {
    const T lo = n.Get<T>(2 * e), hi = n.Get<T>(2 * e + 1);
    __int128 s = kSigned ? SInt(lo) + SInt(hi) : UInt(lo) + UInt(hi);
    if (kAcc) s += d.Get<W>(e);
    r.Set<W>(e, static_cast<W>(s));
  }
  SetVec128(c, i.rd, r);
  return Next(c, i);
}

// XTN, SQXTN, UQXTN, SQXTUN: T is the narrow type, the source lanes are Wide<T>.
enum class NarrowKind { kTrunc, kSigned, kUnsigned, kSignedToUnsigned };
template <typename T, NarrowKind kKind>
bool Narrow(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using W = Wide<T>;
  const Vec n = GetVec(c, i.rn);
  const bool upper = i.b & kUpper;
  Vec r = upper ? GetVec(c, i.rd) : Vec{};
  const int off = upper ? i.a : 0;
  bool sat = false;
  for (int e = 0; e < i.a; ++e) {
    const W x = n.Get<W>(e);
    T v;
    if constexpr (kKind == NarrowKind::kTrunc) {
      v = static_cast<T>(x);
    } else if constexpr (kKind == NarrowKind::kSigned) {
      v = SatS<T>(SInt(x), sat);
    } else if constexpr (kKind == NarrowKind::kUnsigned) {
      v = SatU<T>(UInt(x), sat);
    } else {
      v = SatU<T>(SInt(x), sat);
    }
    r.Set<T>(off + e, v);
  }
  SetQc(c, sat);
  SetVec128(c, i.rd, r);
  return Next(c, i);
}

// SHLL/SHLL2: widen and shift left by the element size.
template <typename T>
bool Shll(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using W = Wide<T>;
  const Vec n = GetVec(c, i.rn);
  const int off = (i.b & kUpper) ? i.a : 0;
  Vec r;
  for (int e = 0; e < i.a; ++e) r.Set<W>(e, static_cast<W>(W{n.Get<T>(off + e)} << kBits<T>));
  SetVec128(c, i.rd, r);
  return Next(c, i);
}

// ---- FP two-register misc ---------------------------------------------------

// Lane-wise FP op with FPCR in and the FPSR flags out.
template <typename T, T (*Op)(T, fp::Env&)>
bool FpUnary(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  const Vec n = GetVec(c, i.rn);
  fp::Env env = FpEnv(c);
  Vec r;
  for (int e = 0; e < i.a; ++e) r.Set<T>(e, Op(n.Get<T>(e), env));
  c.fpsr |= env.flags;
  SetVec128(c, i.rd, r);
  return Next(c, i);
}

template <typename T, fp::Round kR>
T OpFrint(T x, fp::Env& env) {
  return fp::RoundInt<T>(x, kR, false, env);
}
template <typename T>
T OpFrintX(T x, fp::Env& env) {
  return fp::RoundInt<T>(x, env.FpcrRounding(), true, env);
}
template <typename T>
T OpFrintI(T x, fp::Env& env) {
  return fp::RoundInt<T>(x, env.FpcrRounding(), false, env);
}
template <typename T, bool kUnsigned, fp::Round kR>
T OpFcvtInt(T x, fp::Env& env) {
  return static_cast<T>(fp::ToFixed<T>(x, 0, kUnsigned, kBits<T>, kR, env));
}
template <typename T, bool kUnsigned>
T OpCvtf(T x, fp::Env& env) {
  return fp::FromFixed<T>(x, 0, kUnsigned, kBits<T>, env.FpcrRounding(), env);
}
// FCMxx #0.0: LE and LT compare zero against the element.
template <typename T>
T OpFcmGt0(T x, fp::Env& env) {
  return Mask<T>(fp::CompareGt<T>(x, 0, env));
}
template <typename T>
T OpFcmGe0(T x, fp::Env& env) {
  return Mask<T>(fp::CompareGe<T>(x, 0, env));
}
template <typename T>
T OpFcmEq0(T x, fp::Env& env) {
  return Mask<T>(fp::CompareEq<T>(x, 0, env));
}
template <typename T>
T OpFcmLe0(T x, fp::Env& env) {
  return Mask<T>(fp::CompareGe<T>(0, x, env));
}
template <typename T>
T OpFcmLt0(T x, fp::Env& env) {
  return Mask<T>(fp::CompareGt<T>(0, x, env));
}
template <typename T>
T OpFabs(T x, fp::Env&) {
  return fp::Abs<T>(x);
}
template <typename T>
T OpFneg(T x, fp::Env&) {
  return fp::Neg<T>(x);
}
template <typename T>
T OpFsqrt(T x, fp::Env& env) {
  return fp::Sqrt<T>(x, env);
}
template <typename T>
T OpFrecpe(T x, fp::Env& env) {
  return fp::RecipEstimate<T>(x, env);
}
template <typename T>
T OpFrsqrte(T x, fp::Env& env) {
  return fp::RSqrtEstimate<T>(x, env);
}
template <typename T>
T OpFrecpx(T x, fp::Env& env) {
  return fp::Recpx<T>(x, env);
}

// FCVTN/FCVTN2 (FPCR rounding) and FCVTXN/FCVTXN2 (round to odd): T is the
// narrow type (uint16_t half or uint32_t single), the source lanes Wide<T>.
template <typename T, bool kOdd>
bool FcvtNarrow(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using W = Wide<T>;
  const Vec n = GetVec(c, i.rn);
  const bool upper = i.b & kUpper;
  Vec r = upper ? GetVec(c, i.rd) : Vec{};
  const int off = upper ? static_cast<int>(8 / sizeof(T)) : 0;
  fp::Env env = FpEnv(c);
  const fp::Round rounding = kOdd ? fp::Round::kOdd : env.FpcrRounding();
  for (int e = 0; e < i.a; ++e) {
    r.Set<T>(off + e, static_cast<T>(fp::Convert(n.Get<W>(e), kBits<W>, kBits<T>, rounding, env)));
  }
  c.fpsr |= env.flags;
  SetVec128(c, i.rd, r);
  return Next(c, i);
}

// FCVTL/FCVTL2: T is the narrow source type.
template <typename T>
bool FcvtLong(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using W = Wide<T>;
  const Vec n = GetVec(c, i.rn);
  const int off = (i.b & kUpper) ? i.a : 0;
  fp::Env env = FpEnv(c);
  Vec r;
  for (int e = 0; e < i.a; ++e) {
    r.Set<W>(e, static_cast<W>(
                    fp::Convert(n.Get<T>(off + e), kBits<T>, kBits<W>, env.FpcrRounding(), env)));
  }
  c.fpsr |= env.flags;
  SetVec128(c, i.rd, r);
  return Next(c, i);
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

using u8 = uint8_t;
using u16 = uint16_t;
using u32 = uint32_t;
using u64 = uint64_t;
using fp::Round;

// Every line fixes U, size and opcode; the vector lines leave Q free.
constexpr uint32_t kVecMask = 0xBFFFFC00, kScalarMask = 0xFFFFFC00;
constexpr uint32_t kEVecMask = 0xBFC0F400, kESclMask = 0xFFC0F400;
constexpr uint32_t MiscV(uint32_t u, uint32_t size, uint32_t op) {
  return 0x0E200800 | u << 29 | size << 22 | op << 12;
}
constexpr uint32_t MiscS(uint32_t u, uint32_t size, uint32_t op) {
  return 0x5E200800 | u << 29 | size << 22 | op << 12;
}
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

// Lines for one op at several element sizes.
// clang-format off
#define V_INT4(u, op, name, H)                                          \
  {kVecMask, MiscV(u, 0, op), name " (8b/16b)", H<u8>, XVec, false},    \
  {kVecMask, MiscV(u, 1, op), name " (4h/8h)", H<u16>, XVec, false},    \
  {kVecMask, MiscV(u, 2, op), name " (2s/4s)", H<u32>, XVec, false},    \
  {kVecMask, MiscV(u, 3, op), name " (2d)", H<u64>, XVec, false}
#define V_INT3(u, op, name, H)                                          \
  {kVecMask, MiscV(u, 0, op), name " (8b/16b)", H<u8>, XVec, false},    \
  {kVecMask, MiscV(u, 1, op), name " (4h/8h)", H<u16>, XVec, false},    \
  {kVecMask, MiscV(u, 2, op), name " (2s/4s)", H<u32>, XVec, false}
#define S_INT4(u, op, name, H)                                          \
  {kScalarMask, MiscS(u, 0, op), name " (B)", H<u8>, XScalar, false},   \
  {kScalarMask, MiscS(u, 1, op), name " (H)", H<u16>, XScalar, false},  \
  {kScalarMask, MiscS(u, 2, op), name " (S)", H<u32>, XScalar, false},  \
  {kScalarMask, MiscS(u, 3, op), name " (D)", H<u64>, XScalar, false}
// FP ops: size<1> is part of the opcode (hi), size<0> is sz.
#define V_FP2(u, hi, op, name, H)                                              \
  {kVecMask, MiscV(u, hi << 1, op), name " (2s/4s)", H<u32>, XVecFp, false},   \
  {kVecMask, MiscV(u, hi << 1 | 1, op), name " (2d)", H<u64>, XVecFp, false}
#define S_FP2(u, hi, op, name, H)                                                 \
  {kScalarMask, MiscS(u, hi << 1, op), name " (S)", H<u32>, XScalar, false},      \
  {kScalarMask, MiscS(u, hi << 1 | 1, op), name " (D)", H<u64>, XScalar, false}
#define VS_FP2(u, hi, op, name, H) V_FP2(u, hi, op, name, H), S_FP2(u, hi, op, name, H)
// clang-format on

// Handlers as variable templates on the element type, for the macros.
template <typename T>
constexpr Handler kCls = IntUnary<T, OpCls<T>>;
template <typename T>
constexpr Handler kClz = IntUnary<T, OpClz<T>>;
template <typename T>
constexpr Handler kAbs = IntUnary<T, OpAbs<T>>;
template <typename T>
constexpr Handler kNeg = IntUnary<T, OpNeg<T>>;
template <typename T>
constexpr Handler kSqAbs = IntUnary<T, OpSqAbs<T>>;
template <typename T>
constexpr Handler kSqNeg = IntUnary<T, OpSqNeg<T>>;
template <typename T>
constexpr Handler kCmGt0 = IntUnary<T, OpCmGt0<T>>;
template <typename T>
constexpr Handler kCmGe0 = IntUnary<T, OpCmGe0<T>>;
template <typename T>
constexpr Handler kCmEq0 = IntUnary<T, OpCmEq0<T>>;
template <typename T>
constexpr Handler kCmLe0 = IntUnary<T, OpCmLe0<T>>;
template <typename T>
constexpr Handler kCmLt0 = IntUnary<T, OpCmLt0<T>>;
template <typename T>
constexpr Handler kSuqadd = IntUnaryAcc<T, OpSuqadd<T>>;
template <typename T>
constexpr Handler kUsqadd = IntUnaryAcc<T, OpUsqadd<T>>;
template <typename T>
constexpr Handler kSaddlp = AddLongPairwise<T, true, false>;
template <typename T>
constexpr Handler kUaddlp = AddLongPairwise<T, false, false>;
template <typename T>
constexpr Handler kSadalp = AddLongPairwise<T, true, true>;
template <typename T>
constexpr Handler kUadalp = AddLongPairwise<T, false, true>;
template <typename T>
constexpr Handler kXtn = Narrow<T, NarrowKind::kTrunc>;
template <typename T>
constexpr Handler kSqxtn = Narrow<T, NarrowKind::kSigned>;
template <typename T>
constexpr Handler kUqxtn = Narrow<T, NarrowKind::kUnsigned>;
template <typename T>
constexpr Handler kSqxtun = Narrow<T, NarrowKind::kSignedToUnsigned>;
template <typename T>
constexpr Handler kShll = Shll<T>;

template <typename T>
constexpr Handler kFrintN = FpUnary<T, OpFrint<T, Round::kNearestEven>>;
template <typename T>
constexpr Handler kFrintP = FpUnary<T, OpFrint<T, Round::kPlusInf>>;
template <typename T>
constexpr Handler kFrintM = FpUnary<T, OpFrint<T, Round::kMinusInf>>;
template <typename T>
constexpr Handler kFrintZ = FpUnary<T, OpFrint<T, Round::kZero>>;
template <typename T>
constexpr Handler kFrintA = FpUnary<T, OpFrint<T, Round::kNearestAway>>;
template <typename T>
constexpr Handler kFrintX = FpUnary<T, OpFrintX<T>>;
template <typename T>
constexpr Handler kFrintI = FpUnary<T, OpFrintI<T>>;
template <typename T>
constexpr Handler kFcvtNS = FpUnary<T, OpFcvtInt<T, false, Round::kNearestEven>>;
template <typename T>
constexpr Handler kFcvtNU = FpUnary<T, OpFcvtInt<T, true, Round::kNearestEven>>;
template <typename T>
constexpr Handler kFcvtMS = FpUnary<T, OpFcvtInt<T, false, Round::kMinusInf>>;
template <typename T>
constexpr Handler kFcvtMU = FpUnary<T, OpFcvtInt<T, true, Round::kMinusInf>>;
template <typename T>
constexpr Handler kFcvtPS = FpUnary<T, OpFcvtInt<T, false, Round::kPlusInf>>;
template <typename T>
constexpr Handler kFcvtPU = FpUnary<T, OpFcvtInt<T, true, Round::kPlusInf>>;
template <typename T>
constexpr Handler kFcvtZS = FpUnary<T, OpFcvtInt<T, false, Round::kZero>>;
template <typename T>
constexpr Handler kFcvtZU = FpUnary<T, OpFcvtInt<T, true, Round::kZero>>;
template <typename T>
constexpr Handler kFcvtAS = FpUnary<T, OpFcvtInt<T, false, Round::kNearestAway>>;
template <typename T>
constexpr Handler kFcvtAU = FpUnary<T, OpFcvtInt<T, true, Round::kNearestAway>>;
template <typename T>
constexpr Handler kScvtf = FpUnary<T, OpCvtf<T, false>>;
template <typename T>
constexpr Handler kUcvtf = FpUnary<T, OpCvtf<T, true>>;
template <typename T>
constexpr Handler kFcmGt0 = FpUnary<T, OpFcmGt0<T>>;
template <typename T>
constexpr Handler kFcmGe0 = FpUnary<T, OpFcmGe0<T>>;
template <typename T>
constexpr Handler kFcmEq0 = FpUnary<T, OpFcmEq0<T>>;
template <typename T>
constexpr Handler kFcmLe0 = FpUnary<T, OpFcmLe0<T>>;
template <typename T>
constexpr Handler kFcmLt0 = FpUnary<T, OpFcmLt0<T>>;
template <typename T>
constexpr Handler kFabs = FpUnary<T, OpFabs<T>>;
template <typename T>
constexpr Handler kFneg = FpUnary<T, OpFneg<T>>;
template <typename T>
constexpr Handler kFsqrt = FpUnary<T, OpFsqrt<T>>;
template <typename T>
constexpr Handler kFrecpe = FpUnary<T, OpFrecpe<T>>;
template <typename T>
constexpr Handler kFrsqrte = FpUnary<T, OpFrsqrte<T>>;
template <typename T>
constexpr Handler kFrecpx = FpUnary<T, OpFrecpx<T>>;

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
  // ---- AdvSIMD two-register misc (vector) ----
  {kVecMask, MiscV(0, 0, 0x00), "REV64 (8b/16b)",   Rev<u8, 8>,   XVec, false},
  {kVecMask, MiscV(0, 1, 0x00), "REV64 (4h/8h)",    Rev<u16, 8>,  XVec, false},
  {kVecMask, MiscV(0, 2, 0x00), "REV64 (2s/4s)",    Rev<u32, 8>,  XVec, false},
  {kVecMask, MiscV(0, 0, 0x01), "REV16 (8b/16b)",   Rev<u8, 2>,   XVec, false},
  {kVecMask, MiscV(1, 0, 0x00), "REV32 (8b/16b)",   Rev<u8, 4>,   XVec, false},
  {kVecMask, MiscV(1, 1, 0x00), "REV32 (4h/8h)",    Rev<u16, 4>,  XVec, false},
  {kVecMask, MiscV(0, 0, 0x02), "SADDLP (8b/16b)",  kSaddlp<u8>,  XVecPairLong, false},
  {kVecMask, MiscV(0, 1, 0x02), "SADDLP (4h/8h)",   kSaddlp<u16>, XVecPairLong, false},
  {kVecMask, MiscV(0, 2, 0x02), "SADDLP (2s/4s)",   kSaddlp<u32>, XVecPairLong, false},
  {kVecMask, MiscV(1, 0, 0x02), "UADDLP (8b/16b)",  kUaddlp<u8>,  XVecPairLong, false},
  {kVecMask, MiscV(1, 1, 0x02), "UADDLP (4h/8h)",   kUaddlp<u16>, XVecPairLong, false},
  {kVecMask, MiscV(1, 2, 0x02), "UADDLP (2s/4s)",   kUaddlp<u32>, XVecPairLong, false},
  {kVecMask, MiscV(0, 0, 0x06), "SADALP (8b/16b)",  kSadalp<u8>,  XVecPairLong, false},
  {kVecMask, MiscV(0, 1, 0x06), "SADALP (4h/8h)",   kSadalp<u16>, XVecPairLong, false},
  {kVecMask, MiscV(0, 2, 0x06), "SADALP (2s/4s)",   kSadalp<u32>, XVecPairLong, false},
  {kVecMask, MiscV(1, 0, 0x06), "UADALP (8b/16b)",  kUadalp<u8>,  XVecPairLong, false},
  {kVecMask, MiscV(1, 1, 0x06), "UADALP (4h/8h)",   kUadalp<u16>, XVecPairLong, false},
  {kVecMask, MiscV(1, 2, 0x06), "UADALP (2s/4s)",   kUadalp<u32>, XVecPairLong, false},
  V_INT4(0, 0x03, "SUQADD", kSuqadd),
  V_INT4(1, 0x03, "USQADD", kUsqadd),
  V_INT3(0, 0x04, "CLS", kCls),
  V_INT3(1, 0x04, "CLZ", kClz),
  {kVecMask, MiscV(0, 0, 0x05), "CNT",              IntUnary<u8, OpCnt>,    XVec, false},
  {kVecMask, MiscV(1, 0, 0x05), "NOT",              IntUnary<u8, OpNot>,    XVec, false},
  {kVecMask, MiscV(1, 1, 0x05), "RBIT (vector)",    IntUnary<u8, OpRbit>,   XVecBytes, false},
  V_INT4(0, 0x07, "SQABS", kSqAbs),
  V_INT4(1, 0x07, "SQNEG", kSqNeg),
  V_INT4(0, 0x08, "CMGT (zero)", kCmGt0),
  V_INT4(1, 0x08, "CMGE (zero)", kCmGe0),
  V_INT4(0, 0x09, "CMEQ (zero)", kCmEq0),
  V_INT4(1, 0x09, "CMLE (zero)", kCmLe0),
  V_INT4(0, 0x0A, "CMLT (zero)", kCmLt0),
  V_INT4(0, 0x0B, "ABS", kAbs),
  V_INT4(1, 0x0B, "NEG", kNeg),
  {kVecMask, MiscV(0, 0, 0x12), "XTN (8b)",         kXtn<u8>,     XVecHalf, false},
  {kVecMask, MiscV(0, 1, 0x12), "XTN (4h)",         kXtn<u16>,    XVecHalf, false},
  {kVecMask, MiscV(0, 2, 0x12), "XTN (2s)",         kXtn<u32>,    XVecHalf, false},
  {kVecMask, MiscV(0, 0, 0x14), "SQXTN (8b)",       kSqxtn<u8>,   XVecHalf, false},
  {kVecMask, MiscV(0, 1, 0x14), "SQXTN (4h)",       kSqxtn<u16>,  XVecHalf, false},
  {kVecMask, MiscV(0, 2, 0x14), "SQXTN (2s)",       kSqxtn<u32>,  XVecHalf, false},
  {kVecMask, MiscV(1, 0, 0x14), "UQXTN (8b)",       kUqxtn<u8>,   XVecHalf, false},
  {kVecMask, MiscV(1, 1, 0x14), "UQXTN (4h)",       kUqxtn<u16>,  XVecHalf, false},
  {kVecMask, MiscV(1, 2, 0x14), "UQXTN (2s)",       kUqxtn<u32>,  XVecHalf, false},
  {kVecMask, MiscV(1, 0, 0x12), "SQXTUN (8b)",      kSqxtun<u8>,  XVecHalf, false},
  {kVecMask, MiscV(1, 1, 0x12), "SQXTUN (4h)",      kSqxtun<u16>, XVecHalf, false},
  {kVecMask, MiscV(1, 2, 0x12), "SQXTUN (2s)",      kSqxtun<u32>, XVecHalf, false},
  {kVecMask, MiscV(1, 0, 0x13), "SHLL (8h)",        kShll<u8>,    XVecHalf, false},
  {kVecMask, MiscV(1, 1, 0x13), "SHLL (4s)",        kShll<u16>,   XVecHalf, false},
  {kVecMask, MiscV(1, 2, 0x13), "SHLL (2d)",        kShll<u32>,   XVecHalf, false},
  {kVecMask, MiscV(0, 0, 0x16), "FCVTN (4h)",       FcvtNarrow<u16, false>, XVecFpHalf, false},
  {kVecMask, MiscV(0, 1, 0x16), "FCVTN (2s)",       FcvtNarrow<u32, false>, XVecFpHalf, false},
  {kVecMask, MiscV(1, 1, 0x16), "FCVTXN (2s)",      FcvtNarrow<u32, true>,  XVecFpHalf, false},
  {kVecMask, MiscV(0, 0, 0x17), "FCVTL (4s)",       FcvtLong<u16>,          XVecFpHalf, false},
  {kVecMask, MiscV(0, 1, 0x17), "FCVTL (2d)",       FcvtLong<u32>,          XVecFpHalf, false},
  V_FP2(0, 0, 0x18, "FRINTN", kFrintN),
  V_FP2(0, 1, 0x18, "FRINTP", kFrintP),
  V_FP2(0, 0, 0x19, "FRINTM", kFrintM),
  V_FP2(0, 1, 0x19, "FRINTZ", kFrintZ),
  V_FP2(1, 0, 0x18, "FRINTA", kFrintA),
  V_FP2(1, 0, 0x19, "FRINTX", kFrintX),
  V_FP2(1, 1, 0x19, "FRINTI", kFrintI),
  VS_FP2(0, 0, 0x1A, "FCVTNS", kFcvtNS),
  VS_FP2(1, 0, 0x1A, "FCVTNU", kFcvtNU),
  VS_FP2(0, 0, 0x1B, "FCVTMS", kFcvtMS),
  VS_FP2(1, 0, 0x1B, "FCVTMU", kFcvtMU),
  VS_FP2(0, 1, 0x1A, "FCVTPS", kFcvtPS),
  VS_FP2(1, 1, 0x1A, "FCVTPU", kFcvtPU),
  VS_FP2(0, 1, 0x1B, "FCVTZS", kFcvtZS),
  VS_FP2(1, 1, 0x1B, "FCVTZU", kFcvtZU),
  VS_FP2(0, 0, 0x1C, "FCVTAS", kFcvtAS),
  VS_FP2(1, 0, 0x1C, "FCVTAU", kFcvtAU),
  VS_FP2(0, 0, 0x1D, "SCVTF (integer)", kScvtf),
  VS_FP2(1, 0, 0x1D, "UCVTF (integer)", kUcvtf),
  VS_FP2(0, 1, 0x0C, "FCMGT (zero)", kFcmGt0),
  VS_FP2(1, 1, 0x0C, "FCMGE (zero)", kFcmGe0),
  VS_FP2(0, 1, 0x0D, "FCMEQ (zero)", kFcmEq0),
  VS_FP2(1, 1, 0x0D, "FCMLE (zero)", kFcmLe0),
  VS_FP2(0, 1, 0x0E, "FCMLT (zero)", kFcmLt0),
  V_FP2(0, 1, 0x0F, "FABS (vector)", kFabs),
  V_FP2(1, 1, 0x0F, "FNEG (vector)", kFneg),
  V_FP2(1, 1, 0x1F, "FSQRT (vector)", kFsqrt),
  VS_FP2(0, 1, 0x1D, "FRECPE", kFrecpe),
  VS_FP2(1, 1, 0x1D, "FRSQRTE", kFrsqrte),
  {kVecMask, MiscV(0, 2, 0x1C), "URECPE",           IntUnary<u32, OpUrecpe>,  XVec, false},
  {kVecMask, MiscV(1, 2, 0x1C), "URSQRTE",          IntUnary<u32, OpUrsqrte>, XVec, false},

  // ---- AdvSIMD scalar two-register misc ----
  S_INT4(0, 0x03, "SUQADD", kSuqadd),
  S_INT4(1, 0x03, "USQADD", kUsqadd),
  S_INT4(0, 0x07, "SQABS", kSqAbs),
  S_INT4(1, 0x07, "SQNEG", kSqNeg),
  {kScalarMask, MiscS(0, 3, 0x08), "CMGT (zero) (D)", kCmGt0<u64>, XScalar, false},
  {kScalarMask, MiscS(1, 3, 0x08), "CMGE (zero) (D)", kCmGe0<u64>, XScalar, false},
  {kScalarMask, MiscS(0, 3, 0x09), "CMEQ (zero) (D)", kCmEq0<u64>, XScalar, false},
  {kScalarMask, MiscS(1, 3, 0x09), "CMLE (zero) (D)", kCmLe0<u64>, XScalar, false},
  {kScalarMask, MiscS(0, 3, 0x0A), "CMLT (zero) (D)", kCmLt0<u64>, XScalar, false},
  {kScalarMask, MiscS(0, 3, 0x0B), "ABS (D)",         kAbs<u64>,   XScalar, false},
  {kScalarMask, MiscS(1, 3, 0x0B), "NEG (D)",         kNeg<u64>,   XScalar, false},
  {kScalarMask, MiscS(0, 0, 0x14), "SQXTN (B)",       kSqxtn<u8>,   XScalar, false},
  {kScalarMask, MiscS(0, 1, 0x14), "SQXTN (H)",       kSqxtn<u16>,  XScalar, false},
  {kScalarMask, MiscS(0, 2, 0x14), "SQXTN (S)",       kSqxtn<u32>,  XScalar, false},
  {kScalarMask, MiscS(1, 0, 0x14), "UQXTN (B)",       kUqxtn<u8>,   XScalar, false},
  {kScalarMask, MiscS(1, 1, 0x14), "UQXTN (H)",       kUqxtn<u16>,  XScalar, false},
  {kScalarMask, MiscS(1, 2, 0x14), "UQXTN (S)",       kUqxtn<u32>,  XScalar, false},
  {kScalarMask, MiscS(1, 0, 0x12), "SQXTUN (B)",      kSqxtun<u8>,  XScalar, false},
  {kScalarMask, MiscS(1, 1, 0x12), "SQXTUN (H)",      kSqxtun<u16>, XScalar, false},
  {kScalarMask, MiscS(1, 2, 0x12), "SQXTUN (S)",      kSqxtun<u32>, XScalar, false},
  {kScalarMask, MiscS(1, 1, 0x16), "FCVTXN (S)",      FcvtNarrow<u32, true>, XScalar, false},
  S_FP2(0, 1, 0x1F, "FRECPX", kFrecpx),

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

#undef V_INT4
#undef V_INT3
#undef S_INT4
#undef V_FP2
#undef S_FP2
#undef VS_FP2

}  // namespace

std::span<const DecodeLine> SimdMiscTable() { return kTable; }

}  // namespace vmd::hvsoft
