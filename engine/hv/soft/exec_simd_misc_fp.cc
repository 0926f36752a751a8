// AdvSIMD FP two-register misc, vector and scalar forms (ARMv8.0 without
// FP16): FRINT*, FCVT* to integer, SCVTF/UCVTF, FCVTN/FCVTXN/FCVTL, FP
// compares with zero, FABS/FNEG/FSQRT, FRECPE/FRSQRTE/FRECPX. Arithmetic goes
// through fp.h; the conventions of the group are in exec_simd_misc_util.h.
#include <cstdint>
#include <span>

#include "engine/hv/soft/exec_simd_misc_util.h"

namespace vmd::hvsoft::simd_misc {
namespace {

// ---- extractors -------------------------------------------------------------

// Vector FP, element size 32 << sz (sz = bit 22); double needs Q=1.
bool XVecFp(uint32_t raw, Insn& o) {
  const uint32_t sz = Bit(raw, 22), q = Bit(raw, 30);
  if (sz && !q) return false;
  Regs(raw, o);
  o.a = static_cast<uint8_t>((q ? 16 : 8) >> (2 + sz));
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

// ---- the table ----------------------------------------------------------------

using fp::Round;

// clang-format off
// FP ops: size<1> is part of the opcode (hi), size<0> is sz.
#define V_FP2(u, hi, op, name, H)                                              \
  {kVecMask, MiscV(u, hi << 1, op), name " (2s/4s)", H<u32>, XVecFp, false},   \
  {kVecMask, MiscV(u, hi << 1 | 1, op), name " (2d)", H<u64>, XVecFp, false}
#define S_FP2(u, hi, op, name, H)                                                 \
  {kScalarMask, MiscS(u, hi << 1, op), name " (S)", H<u32>, XScalar, false},      \
  {kScalarMask, MiscS(u, hi << 1 | 1, op), name " (D)", H<u64>, XScalar, false}
#define VS_FP2(u, hi, op, name, H) V_FP2(u, hi, op, name, H), S_FP2(u, hi, op, name, H)
// clang-format on

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

// clang-format off
constexpr DecodeLine kTable[] = {
  // ---- AdvSIMD two-register misc (vector) ----
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

  // ---- AdvSIMD scalar two-register misc ----
  {kScalarMask, MiscS(1, 1, 0x16), "FCVTXN (S)",      FcvtNarrow<u32, true>, XScalar, false},
  S_FP2(0, 1, 0x1F, "FRECPX", kFrecpx),
};
// clang-format on

#undef V_FP2
#undef S_FP2
#undef VS_FP2

}  // namespace

std::span<const DecodeLine> FpMiscLines() { return kTable; }

}  // namespace vmd::hvsoft::simd_misc
