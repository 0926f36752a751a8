// Scalar floating point (ARM ARM A64 encoding index, "Data Processing -- Scalar
// Floating-Point and Advanced SIMD", the scalar FP groups) as ARMv8.0 without
// FEAT_FP16 has them: conversions between FP and fixed point or integers,
// FMOV between general and FP registers, 1-, 2- and 3-source arithmetic,
// compares, conditional compare and select, FMOV (immediate). Half precision
// exists only as FCVT's source or destination; every other type=11 and every
// type=10 encoding (bar FMOV Xd, Vn.D[1] and back) is UNDEFINED. The
// arithmetic is fp.h's; this file decodes, moves registers and merges flags.
#include <cstdint>
#include <type_traits>

#include "engine/hv/soft/decode.h"
#include "engine/hv/soft/exec_util.h"
#include "engine/hv/soft/fp.h"
#include "engine/hv/soft/simd.h"

namespace vmd::hvsoft {
namespace {

using fp::Round;

// The FP environment of one instruction: FPCR in, flags out (see Done).
inline fp::Env MakeEnv(const Cpu& c) {
  fp::Env env;
  env.fpcr = static_cast<uint32_t>(c.fpcr);
  return env;
}

// Merges the instruction's FP exceptions into FPSR's cumulative flags and
// goes on with the next instruction.
inline bool Done(Cpu& c, const Insn& i, const fp::Env& env) {
  c.fpsr |= env.flags;
  return Next(c, i);
}

// Unsigned type of a scalar of `bits` bits.
template <int kBits>
using UInt =
    std::conditional_t<kBits == 16, uint16_t, std::conditional_t<kBits == 32, uint32_t, uint64_t>>;

// ---- extractors -------------------------------------------------------------

// Vector register fields (no ZR/SP mapping) and the cond/nzcv fields.
bool XVec(uint32_t raw, Insn& o) {
  o.rd = static_cast<uint8_t>(Bits(raw, 4, 0));
  o.rn = static_cast<uint8_t>(Bits(raw, 9, 5));
  o.rm = static_cast<uint8_t>(Bits(raw, 20, 16));
  o.ra = static_cast<uint8_t>(Bits(raw, 14, 10));
  o.a = static_cast<uint8_t>(Bits(raw, 15, 12));  // cond (FCCMP, FCSEL)
  o.b = static_cast<uint8_t>(Bits(raw, 3, 0));    // nzcv (FCCMP)
  return true;
}

// FP source, general destination (FCVT*, FMOV to general): fbits 0.
bool XToGp(uint32_t raw, Insn& o) {
  o.rd = RegZrDst(raw, 0);
  o.rn = static_cast<uint8_t>(Bits(raw, 9, 5));
  o.imm = 0;
  return true;
}

// General source, FP destination (SCVTF/UCVTF, FMOV from general): fbits 0.
bool XFromGp(uint32_t raw, Insn& o) {
  o.rd = static_cast<uint8_t>(Bits(raw, 4, 0));
  o.rn = RegZr(raw, 5);
  o.imm = 0;
  return true;
}

// Fixed-point forms: fbits = 64 - scale; a 32-bit integer allows at most 32.
bool FixedBits(uint32_t raw, Insn& o) {
  const uint32_t scale = Bits(raw, 15, 10);
  if (!Bit(raw, 31) && scale < 32) return false;
  o.imm = 64 - scale;
  return true;
}
bool XToGpFixed(uint32_t raw, Insn& o) { return XToGp(raw, o) && FixedBits(raw, o); }
bool XFromGpFixed(uint32_t raw, Insn& o) { return XFromGp(raw, o) && FixedBits(raw, o); }

// VFPExpandImm: imm8 = a:b:cdefgh becomes sign a, exponent NOT(b):b...b:cd,
// fraction efgh followed by zeros.
template <typename T>
bool XFpImm(uint32_t raw, Insn& o) {
  o.rd = static_cast<uint8_t>(Bits(raw, 4, 0));
  const uint64_t imm8 = Bits(raw, 20, 13);
  const uint64_t sign = imm8 >> 7, b = (imm8 >> 6) & 1, cd = (imm8 >> 4) & 3, efgh = imm8 & 15;
  if constexpr (sizeof(T) == 4) {
    o.imm = sign << 31 | (b ^ 1) << 30 | (b ? 0x1full : 0) << 25 | cd << 23 | efgh << 19;
  } else {
    o.imm = sign << 63 | (b ^ 1) << 62 | (b ? 0xffull : 0) << 54 | cd << 52 | efgh << 48;
  }
  return true;
}

// ---- conversions between FP and integer / fixed point ------------------------

// FCVT{N,P,M,Z,A}{S,U} and FCVTZ{S,U} (fixed point, fbits in i.imm).
template <typename T, Round kRound, bool kUnsigned, bool kSf>
bool FpToInt(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  fp::Env env = MakeEnv(c);
  const uint64_t r = fp::ToFixed<T>(GetScalar<T>(c, i.rn), static_cast<int>(i.imm), kUnsigned,
                                    kSf ? 64 : 32, kRound, env);
  c.x[i.rd] = kSf ? r : static_cast<uint32_t>(r);
  return Done(c, i, env);
}

// SCVTF / UCVTF, integer or fixed point (fbits in i.imm); FPCR rounding.
template <typename T, bool kUnsigned, bool kSf>
bool IntToFp(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  fp::Env env = MakeEnv(c);
  const uint64_t v = kSf ? c.x[i.rn] : static_cast<uint32_t>(c.x[i.rn]);
  SetScalar<T>(c, i.rd,
               fp::FromFixed<T>(v, static_cast<int>(i.imm), kUnsigned, kSf ? 64 : 32,
                                env.FpcrRounding(), env));
  return Done(c, i, env);
}

// FMOV Wd, Sn / Xd, Dn / Xd, Vn.D[1] (kTop).
template <typename T, bool kTop>
bool FMovToGp(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  c.x[i.rd] = kTop ? GetLane<uint64_t>(c, i.rn, 1) : GetScalar<T>(c, i.rn);
  return Next(c, i);
}

// FMOV Sd, Wn / Dd, Xn (the rest of Vd zeroed) / Vd.D[1], Xn (only the top
// half written: the low 64 bits stay).
template <typename T, bool kTop>
bool FMovFromGp(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  if constexpr (kTop) {
    SetLane<uint64_t>(c, i.rd, 1, c.x[i.rn]);
  } else {
    SetScalar<T>(c, i.rd, static_cast<T>(c.x[i.rn]));
  }
  return Next(c, i);
}

// ---- 1 source ---------------------------------------------------------------

enum class Op1 { kMov, kAbs, kNeg, kSqrt };

template <typename T, Op1 kOp>
bool FpUnary(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  const T a = GetScalar<T>(c, i.rn);
  if constexpr (kOp == Op1::kSqrt) {
    fp::Env env = MakeEnv(c);
    SetScalar<T>(c, i.rd, fp::Sqrt<T>(a, env));
    return Done(c, i, env);
  } else {
    // FMOV, FABS and FNEG are bit operations: no FZ, no NaN processing.
    T r = a;
    if constexpr (kOp == Op1::kAbs) r = fp::Abs<T>(a);
    if constexpr (kOp == Op1::kNeg) r = fp::Neg<T>(a);
    SetScalar<T>(c, i.rd, r);
    return Next(c, i);
  }
}

// FRINT{N,P,M,Z,A} (kMode = a Round), FRINTX (kMode 6: FPCR rounding, IXC
// when inexact), FRINTI (kMode 7: FPCR rounding).
template <typename T, int kMode>
bool FpRoundInt(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  fp::Env env = MakeEnv(c);
  const Round r = kMode >= 6 ? env.FpcrRounding() : static_cast<Round>(kMode);
  SetScalar<T>(c, i.rd, fp::RoundInt<T>(GetScalar<T>(c, i.rn), r, kMode == 6, env));
  return Done(c, i, env);
}

// FCVT between half, single and double precision.
template <int kFrom, int kTo>
bool FpConvert(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  fp::Env env = MakeEnv(c);
  const uint64_t a = GetScalar<UInt<kFrom>>(c, i.rn);
  const uint64_t r = fp::Convert(a, kFrom, kTo, env.FpcrRounding(), env);
  SetScalar<UInt<kTo>>(c, i.rd, static_cast<UInt<kTo>>(r));
  return Done(c, i, env);
}

// ---- 2 and 3 source ---------------------------------------------------------

enum class Op2 { kMul, kDiv, kAdd, kSub, kMax, kMin, kMaxNm, kMinNm, kNMul };

template <typename T, Op2 kOp>
bool FpBinary(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  fp::Env env = MakeEnv(c);
  const T a = GetScalar<T>(c, i.rn), b = GetScalar<T>(c, i.rm);
  T r;
  if constexpr (kOp == Op2::kMul) {
    r = fp::Mul<T>(a, b, env);
  } else if constexpr (kOp == Op2::kDiv) {
    r = fp::Div<T>(a, b, env);
  } else if constexpr (kOp == Op2::kAdd) {
    r = fp::Add<T>(a, b, env);
  } else if constexpr (kOp == Op2::kSub) {
    r = fp::Sub<T>(a, b, env);
  } else if constexpr (kOp == Op2::kMax) {
    r = fp::Max<T>(a, b, env);
  } else if constexpr (kOp == Op2::kMin) {
    r = fp::Min<T>(a, b, env);
  } else if constexpr (kOp == Op2::kMaxNm) {
    r = fp::MaxNum<T>(a, b, env);
  } else if constexpr (kOp == Op2::kMinNm) {
    r = fp::MinNum<T>(a, b, env);
  } else {
    r = fp::Neg<T>(fp::Mul<T>(a, b, env));  // FNMUL: FPNeg of the product, NaNs included
  }
  SetScalar<T>(c, i.rd, r);
  return Done(c, i, env);
}

// FMADD / FMSUB / FNMADD / FNMSUB: FPMulAdd(Ra, Rn, Rm) with Ra negated
// when o1 = 1 and Rn negated when o1 != o0.
template <typename T, bool kNegA, bool kNegN>
bool FpMulAdd(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  fp::Env env = MakeEnv(c);
  T a = GetScalar<T>(c, i.ra), n = GetScalar<T>(c, i.rn);
  if (kNegA) a = fp::Neg<T>(a);
  if (kNegN) n = fp::Neg<T>(n);
  SetScalar<T>(c, i.rd, fp::MulAdd<T>(a, n, GetScalar<T>(c, i.rm), env));
  return Done(c, i, env);
}

// ---- compares and selects ---------------------------------------------------

// FCMP / FCMPE, against Rm or +0.0 (kZero; Rm is ignored).
template <typename T, bool kSignaling, bool kZero>
bool FpCompare(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  fp::Env env = MakeEnv(c);
  const T b = kZero ? T{0} : GetScalar<T>(c, i.rm);
  c.nzcv = fp::Compare<T>(GetScalar<T>(c, i.rn), b, kSignaling, env);
  return Done(c, i, env);
}

// FCCMP / FCCMPE: the compare when cond holds (its exceptions only then),
// else NZCV = the immediate.
template <typename T, bool kSignaling>
bool FpCondCompare(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  fp::Env env = MakeEnv(c);
  if (CondHolds(c, i.a)) {
    c.nzcv = fp::Compare<T>(GetScalar<T>(c, i.rn), GetScalar<T>(c, i.rm), kSignaling, env);
  } else {
    c.nzcv = static_cast<uint32_t>(i.b) << 28;
  }
  return Done(c, i, env);
}

template <typename T>
bool FpCondSelect(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  SetScalar<T>(c, i.rd, GetScalar<T>(c, CondHolds(c, i.a) ? i.rn : i.rm));
  return Next(c, i);
}

// FMOV (immediate): the VFPExpandImm value is in i.imm.
template <typename T>
bool FpMovImm(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  SetScalar<T>(c, i.rd, static_cast<T>(i.imm));
  return Next(c, i);
}

// Encodings: sf/M (31), S (29) = 0, 11110 (28:24), type (23:22: 00 single,
// 01 double, 11 half), then per group. The masks include every fixed bit,
// so combinations not listed (S=1, M=1, type=10, other opcodes) decode as
// UNDEFINED.
using S = uint32_t;
using D = uint64_t;
constexpr Round kRn = Round::kNearestEven, kRp = Round::kPlusInf, kRm = Round::kMinusInf,
                kRz = Round::kZero, kRa = Round::kNearestAway;

// clang-format off
constexpr DecodeLine kTable[] = {
  // Conversion between FP and fixed point: sf 0 S 11110 type 0 rmode opcode scale Rn Rd.
  {0xFFFF0000, 0x1E020000, "SCVTF (S, W, fixed)",   IntToFp<S, false, false>,  XFromGpFixed, false},
  {0xFFFF0000, 0x1E030000, "UCVTF (S, W, fixed)",   IntToFp<S, true, false>,   XFromGpFixed, false},
  {0xFFFF0000, 0x1E180000, "FCVTZS (W, S, fixed)",  FpToInt<S, kRz, false, false>, XToGpFixed, false},
  {0xFFFF0000, 0x1E190000, "FCVTZU (W, S, fixed)",  FpToInt<S, kRz, true, false>,  XToGpFixed, false},
  {0xFFFF0000, 0x1E420000, "SCVTF (D, W, fixed)",   IntToFp<D, false, false>,  XFromGpFixed, false},
  {0xFFFF0000, 0x1E430000, "UCVTF (D, W, fixed)",   IntToFp<D, true, false>,   XFromGpFixed, false},
  {0xFFFF0000, 0x1E580000, "FCVTZS (W, D, fixed)",  FpToInt<D, kRz, false, false>, XToGpFixed, false},
  {0xFFFF0000, 0x1E590000, "FCVTZU (W, D, fixed)",  FpToInt<D, kRz, true, false>,  XToGpFixed, false},
  {0xFFFF0000, 0x9E020000, "SCVTF (S, X, fixed)",   IntToFp<S, false, true>,   XFromGpFixed, false},
  {0xFFFF0000, 0x9E030000, "UCVTF (S, X, fixed)",   IntToFp<S, true, true>,    XFromGpFixed, false},
  {0xFFFF0000, 0x9E180000, "FCVTZS (X, S, fixed)",  FpToInt<S, kRz, false, true>, XToGpFixed, false},
  {0xFFFF0000, 0x9E190000, "FCVTZU (X, S, fixed)",  FpToInt<S, kRz, true, true>,  XToGpFixed, false},
  {0xFFFF0000, 0x9E420000, "SCVTF (D, X, fixed)",   IntToFp<D, false, true>,   XFromGpFixed, false},
  {0xFFFF0000, 0x9E430000, "UCVTF (D, X, fixed)",   IntToFp<D, true, true>,    XFromGpFixed, false},
  {0xFFFF0000, 0x9E580000, "FCVTZS (X, D, fixed)",  FpToInt<D, kRz, false, true>, XToGpFixed, false},
  {0xFFFF0000, 0x9E590000, "FCVTZU (X, D, fixed)",  FpToInt<D, kRz, true, true>,  XToGpFixed, false},

  // Conversion between FP and integer: sf 0 S 11110 type 1 rmode opcode 000000 Rn Rd.
  {0xFFFFFC00, 0x1E200000, "FCVTNS (W, S)",  FpToInt<S, kRn, false, false>, XToGp, false},
  {0xFFFFFC00, 0x1E210000, "FCVTNU (W, S)",  FpToInt<S, kRn, true, false>,  XToGp, false},
  {0xFFFFFC00, 0x1E220000, "SCVTF (S, W)",   IntToFp<S, false, false>,      XFromGp, false},
  {0xFFFFFC00, 0x1E230000, "UCVTF (S, W)",   IntToFp<S, true, false>,       XFromGp, false},
  {0xFFFFFC00, 0x1E240000, "FCVTAS (W, S)",  FpToInt<S, kRa, false, false>, XToGp, false},
  {0xFFFFFC00, 0x1E250000, "FCVTAU (W, S)",  FpToInt<S, kRa, true, false>,  XToGp, false},
  {0xFFFFFC00, 0x1E260000, "FMOV (W, S)",    FMovToGp<S, false>,            XToGp, false},
  {0xFFFFFC00, 0x1E270000, "FMOV (S, W)",    FMovFromGp<S, false>,          XFromGp, false},
  {0xFFFFFC00, 0x1E280000, "FCVTPS (W, S)",  FpToInt<S, kRp, false, false>, XToGp, false},
  {0xFFFFFC00, 0x1E290000, "FCVTPU (W, S)",  FpToInt<S, kRp, true, false>,  XToGp, false},
  {0xFFFFFC00, 0x1E300000, "FCVTMS (W, S)",  FpToInt<S, kRm, false, false>, XToGp, false},
  {0xFFFFFC00, 0x1E310000, "FCVTMU (W, S)",  FpToInt<S, kRm, true, false>,  XToGp, false},
  {0xFFFFFC00, 0x1E380000, "FCVTZS (W, S)",  FpToInt<S, kRz, false, false>, XToGp, false},
  {0xFFFFFC00, 0x1E390000, "FCVTZU (W, S)",  FpToInt<S, kRz, true, false>,  XToGp, false},
  {0xFFFFFC00, 0x1E600000, "FCVTNS (W, D)",  FpToInt<D, kRn, false, false>, XToGp, false},
  {0xFFFFFC00, 0x1E610000, "FCVTNU (W, D)",  FpToInt<D, kRn, true, false>,  XToGp, false},
  {0xFFFFFC00, 0x1E620000, "SCVTF (D, W)",   IntToFp<D, false, false>,      XFromGp, false},
  {0xFFFFFC00, 0x1E630000, "UCVTF (D, W)",   IntToFp<D, true, false>,       XFromGp, false},
  {0xFFFFFC00, 0x1E640000, "FCVTAS (W, D)",  FpToInt<D, kRa, false, false>, XToGp, false},
  {0xFFFFFC00, 0x1E650000, "FCVTAU (W, D)",  FpToInt<D, kRa, true, false>,  XToGp, false},
  {0xFFFFFC00, 0x1E680000, "FCVTPS (W, D)",  FpToInt<D, kRp, false, false>, XToGp, false},
  {0xFFFFFC00, 0x1E690000, "FCVTPU (W, D)",  FpToInt<D, kRp, true, false>,  XToGp, false},
  {0xFFFFFC00, 0x1E700000, "FCVTMS (W, D)",  FpToInt<D, kRm, false, false>, XToGp, false},
  {0xFFFFFC00, 0x1E710000, "FCVTMU (W, D)",  FpToInt<D, kRm, true, false>,  XToGp, false},
  {0xFFFFFC00, 0x1E780000, "FCVTZS (W, D)",  FpToInt<D, kRz, false, false>, XToGp, false},
  {0xFFFFFC00, 0x1E790000, "FCVTZU (W, D)",  FpToInt<D, kRz, true, false>,  XToGp, false},
  {0xFFFFFC00, 0x9E200000, "FCVTNS (X, S)",  FpToInt<S, kRn, false, true>,  XToGp, false},
  {0xFFFFFC00, 0x9E210000, "FCVTNU (X, S)",  FpToInt<S, kRn, true, true>,   XToGp, false},
  {0xFFFFFC00, 0x9E220000, "SCVTF (S, X)",   IntToFp<S, false, true>,       XFromGp, false},
  {0xFFFFFC00, 0x9E230000, "UCVTF (S, X)",   IntToFp<S, true, true>,        XFromGp, false},
  {0xFFFFFC00, 0x9E240000, "FCVTAS (X, S)",  FpToInt<S, kRa, false, true>,  XToGp, false},
  {0xFFFFFC00, 0x9E250000, "FCVTAU (X, S)",  FpToInt<S, kRa, true, true>,   XToGp, false},
  {0xFFFFFC00, 0x9E280000, "FCVTPS (X, S)",  FpToInt<S, kRp, false, true>,  XToGp, false},
  {0xFFFFFC00, 0x9E290000, "FCVTPU (X, S)",  FpToInt<S, kRp, true, true>,   XToGp, false},
  {0xFFFFFC00, 0x9E300000, "FCVTMS (X, S)",  FpToInt<S, kRm, false, true>,  XToGp, false},
  {0xFFFFFC00, 0x9E310000, "FCVTMU (X, S)",  FpToInt<S, kRm, true, true>,   XToGp, false},
  {0xFFFFFC00, 0x9E380000, "FCVTZS (X, S)",  FpToInt<S, kRz, false, true>,  XToGp, false},
  {0xFFFFFC00, 0x9E390000, "FCVTZU (X, S)",  FpToInt<S, kRz, true, true>,   XToGp, false},
  {0xFFFFFC00, 0x9E600000, "FCVTNS (X, D)",  FpToInt<D, kRn, false, true>,  XToGp, false},
  {0xFFFFFC00, 0x9E610000, "FCVTNU (X, D)",  FpToInt<D, kRn, true, true>,   XToGp, false},
  {0xFFFFFC00, 0x9E620000, "SCVTF (D, X)",   IntToFp<D, false, true>,       XFromGp, false},
  {0xFFFFFC00, 0x9E630000, "UCVTF (D, X)",   IntToFp<D, true, true>,        XFromGp, false},
  {0xFFFFFC00, 0x9E640000, "FCVTAS (X, D)",  FpToInt<D, kRa, false, true>,  XToGp, false},
  {0xFFFFFC00, 0x9E650000, "FCVTAU (X, D)",  FpToInt<D, kRa, true, true>,   XToGp, false},
  {0xFFFFFC00, 0x9E660000, "FMOV (X, D)",    FMovToGp<D, false>,            XToGp, false},
  {0xFFFFFC00, 0x9E670000, "FMOV (D, X)",    FMovFromGp<D, false>,          XFromGp, false},
  {0xFFFFFC00, 0x9E680000, "FCVTPS (X, D)",  FpToInt<D, kRp, false, true>,  XToGp, false},
  {0xFFFFFC00, 0x9E690000, "FCVTPU (X, D)",  FpToInt<D, kRp, true, true>,   XToGp, false},
  {0xFFFFFC00, 0x9E700000, "FCVTMS (X, D)",  FpToInt<D, kRm, false, true>,  XToGp, false},
  {0xFFFFFC00, 0x9E710000, "FCVTMU (X, D)",  FpToInt<D, kRm, true, true>,   XToGp, false},
  {0xFFFFFC00, 0x9E780000, "FCVTZS (X, D)",  FpToInt<D, kRz, false, true>,  XToGp, false},
  {0xFFFFFC00, 0x9E790000, "FCVTZU (X, D)",  FpToInt<D, kRz, true, true>,   XToGp, false},
  {0xFFFFFC00, 0x9EAE0000, "FMOV (X, D[1])", FMovToGp<D, true>,             XToGp, false},
  {0xFFFFFC00, 0x9EAF0000, "FMOV (D[1], X)", FMovFromGp<D, true>,           XFromGp, false},

  // 1 source: 0 0 0 11110 type 1 opcode(6) 10000 Rn Rd.
  {0xFFFFFC00, 0x1E204000, "FMOV (S, reg)",  FpUnary<S, Op1::kMov>,  XVec, false},
  {0xFFFFFC00, 0x1E20C000, "FABS (S)",       FpUnary<S, Op1::kAbs>,  XVec, false},
  {0xFFFFFC00, 0x1E214000, "FNEG (S)",       FpUnary<S, Op1::kNeg>,  XVec, false},
  {0xFFFFFC00, 0x1E21C000, "FSQRT (S)",      FpUnary<S, Op1::kSqrt>, XVec, false},
  {0xFFFFFC00, 0x1E22C000, "FCVT (D, S)",    FpConvert<32, 64>,      XVec, false},
  {0xFFFFFC00, 0x1E23C000, "FCVT (H, S)",    FpConvert<32, 16>,      XVec, false},
  {0xFFFFFC00, 0x1E244000, "FRINTN (S)",     FpRoundInt<S, 0>,       XVec, false},
  {0xFFFFFC00, 0x1E24C000, "FRINTP (S)",     FpRoundInt<S, 1>,       XVec, false},
  {0xFFFFFC00, 0x1E254000, "FRINTM (S)",     FpRoundInt<S, 2>,       XVec, false},
  {0xFFFFFC00, 0x1E25C000, "FRINTZ (S)",     FpRoundInt<S, 3>,       XVec, false},
  {0xFFFFFC00, 0x1E264000, "FRINTA (S)",     FpRoundInt<S, 4>,       XVec, false},
  {0xFFFFFC00, 0x1E274000, "FRINTX (S)",     FpRoundInt<S, 6>,       XVec, false},
  {0xFFFFFC00, 0x1E27C000, "FRINTI (S)",     FpRoundInt<S, 7>,       XVec, false},
  {0xFFFFFC00, 0x1E604000, "FMOV (D, reg)",  FpUnary<D, Op1::kMov>,  XVec, false},
  {0xFFFFFC00, 0x1E60C000, "FABS (D)",       FpUnary<D, Op1::kAbs>,  XVec, false},
  {0xFFFFFC00, 0x1E614000, "FNEG (D)",       FpUnary<D, Op1::kNeg>,  XVec, false},
  {0xFFFFFC00, 0x1E61C000, "FSQRT (D)",      FpUnary<D, Op1::kSqrt>, XVec, false},
  {0xFFFFFC00, 0x1E624000, "FCVT (S, D)",    FpConvert<64, 32>,      XVec, false},
  {0xFFFFFC00, 0x1E63C000, "FCVT (H, D)",    FpConvert<64, 16>,      XVec, false},
  {0xFFFFFC00, 0x1E644000, "FRINTN (D)",     FpRoundInt<D, 0>,       XVec, false},
  {0xFFFFFC00, 0x1E64C000, "FRINTP (D)",     FpRoundInt<D, 1>,       XVec, false},
  {0xFFFFFC00, 0x1E654000, "FRINTM (D)",     FpRoundInt<D, 2>,       XVec, false},
  {0xFFFFFC00, 0x1E65C000, "FRINTZ (D)",     FpRoundInt<D, 3>,       XVec, false},
  {0xFFFFFC00, 0x1E664000, "FRINTA (D)",     FpRoundInt<D, 4>,       XVec, false},
  {0xFFFFFC00, 0x1E674000, "FRINTX (D)",     FpRoundInt<D, 6>,       XVec, false},
  {0xFFFFFC00, 0x1E67C000, "FRINTI (D)",     FpRoundInt<D, 7>,       XVec, false},
  {0xFFFFFC00, 0x1EE24000, "FCVT (S, H)",    FpConvert<16, 32>,      XVec, false},
  {0xFFFFFC00, 0x1EE2C000, "FCVT (D, H)",    FpConvert<16, 64>,      XVec, false},

  // Compare: 0 0 0 11110 type 1 Rm 00 1000 Rn opcode2 (Rm ignored with #0.0).
  {0xFFE0FC1F, 0x1E202000, "FCMP (S)",        FpCompare<S, false, false>, XVec, false},
  {0xFFE0FC1F, 0x1E202008, "FCMP (S, #0.0)",  FpCompare<S, false, true>,  XVec, false},
  {0xFFE0FC1F, 0x1E202010, "FCMPE (S)",       FpCompare<S, true, false>,  XVec, false},
  {0xFFE0FC1F, 0x1E202018, "FCMPE (S, #0.0)", FpCompare<S, true, true>,   XVec, false},
  {0xFFE0FC1F, 0x1E602000, "FCMP (D)",        FpCompare<D, false, false>, XVec, false},
  {0xFFE0FC1F, 0x1E602008, "FCMP (D, #0.0)",  FpCompare<D, false, true>,  XVec, false},
  {0xFFE0FC1F, 0x1E602010, "FCMPE (D)",       FpCompare<D, true, false>,  XVec, false},
  {0xFFE0FC1F, 0x1E602018, "FCMPE (D, #0.0)", FpCompare<D, true, true>,   XVec, false},

  // Immediate: 0 0 0 11110 type 1 imm8 100 00000 Rd.
  {0xFFE01FE0, 0x1E201000, "FMOV (S, imm)",   FpMovImm<S>,  XFpImm<S>, false},
  {0xFFE01FE0, 0x1E601000, "FMOV (D, imm)",   FpMovImm<D>,  XFpImm<D>, false},

  // Conditional compare: 0 0 0 11110 type 1 Rm cond 01 Rn op nzcv.
  {0xFFE00C10, 0x1E200400, "FCCMP (S)",   FpCondCompare<S, false>, XVec, false},
  {0xFFE00C10, 0x1E200410, "FCCMPE (S)",  FpCondCompare<S, true>,  XVec, false},
  {0xFFE00C10, 0x1E600400, "FCCMP (D)",   FpCondCompare<D, false>, XVec, false},
  {0xFFE00C10, 0x1E600410, "FCCMPE (D)",  FpCondCompare<D, true>,  XVec, false},

  // 2 source: 0 0 0 11110 type 1 Rm opcode 10 Rn Rd.
  {0xFFE0FC00, 0x1E200800, "FMUL (S)",    FpBinary<S, Op2::kMul>,   XVec, false},
  {0xFFE0FC00, 0x1E201800, "FDIV (S)",    FpBinary<S, Op2::kDiv>,   XVec, false},
  {0xFFE0FC00, 0x1E202800, "FADD (S)",    FpBinary<S, Op2::kAdd>,   XVec, false},
  {0xFFE0FC00, 0x1E203800, "FSUB (S)",    FpBinary<S, Op2::kSub>,   XVec, false},
  {0xFFE0FC00, 0x1E204800, "FMAX (S)",    FpBinary<S, Op2::kMax>,   XVec, false},
  {0xFFE0FC00, 0x1E205800, "FMIN (S)",    FpBinary<S, Op2::kMin>,   XVec, false},
  {0xFFE0FC00, 0x1E206800, "FMAXNM (S)",  FpBinary<S, Op2::kMaxNm>, XVec, false},
  {0xFFE0FC00, 0x1E207800, "FMINNM (S)",  FpBinary<S, Op2::kMinNm>, XVec, false},
  {0xFFE0FC00, 0x1E208800, "FNMUL (S)",   FpBinary<S, Op2::kNMul>,  XVec, false},
  {0xFFE0FC00, 0x1E600800, "FMUL (D)",    FpBinary<D, Op2::kMul>,   XVec, false},
  {0xFFE0FC00, 0x1E601800, "FDIV (D)",    FpBinary<D, Op2::kDiv>,   XVec, false},
  {0xFFE0FC00, 0x1E602800, "FADD (D)",    FpBinary<D, Op2::kAdd>,   XVec, false},
  {0xFFE0FC00, 0x1E603800, "FSUB (D)",    FpBinary<D, Op2::kSub>,   XVec, false},
  {0xFFE0FC00, 0x1E604800, "FMAX (D)",    FpBinary<D, Op2::kMax>,   XVec, false},
  {0xFFE0FC00, 0x1E605800, "FMIN (D)",    FpBinary<D, Op2::kMin>,   XVec, false},
  {0xFFE0FC00, 0x1E606800, "FMAXNM (D)",  FpBinary<D, Op2::kMaxNm>, XVec, false},
  {0xFFE0FC00, 0x1E607800, "FMINNM (D)",  FpBinary<D, Op2::kMinNm>, XVec, false},
  {0xFFE0FC00, 0x1E608800, "FNMUL (D)",   FpBinary<D, Op2::kNMul>,  XVec, false},

  // Conditional select: 0 0 0 11110 type 1 Rm cond 11 Rn Rd.
  {0xFFE00C00, 0x1E200C00, "FCSEL (S)",   FpCondSelect<S>, XVec, false},
  {0xFFE00C00, 0x1E600C00, "FCSEL (D)",   FpCondSelect<D>, XVec, false},

  // 3 source: 0 0 0 11111 type o1 Rm o0 Ra Rn Rd.
  {0xFFE08000, 0x1F000000, "FMADD (S)",   FpMulAdd<S, false, false>, XVec, false},
  {0xFFE08000, 0x1F008000, "FMSUB (S)",   FpMulAdd<S, false, true>,  XVec, false},
  {0xFFE08000, 0x1F200000, "FNMADD (S)",  FpMulAdd<S, true, true>,   XVec, false},
  {0xFFE08000, 0x1F208000, "FNMSUB (S)",  FpMulAdd<S, true, false>,  XVec, false},
  {0xFFE08000, 0x1F400000, "FMADD (D)",   FpMulAdd<D, false, false>, XVec, false},
  {0xFFE08000, 0x1F408000, "FMSUB (D)",   FpMulAdd<D, false, true>,  XVec, false},
  {0xFFE08000, 0x1F600000, "FNMADD (D)",  FpMulAdd<D, true, true>,   XVec, false},
  {0xFFE08000, 0x1F608000, "FNMSUB (D)",  FpMulAdd<D, true, false>,  XVec, false},
};
// clang-format on

}  // namespace

std::span<const DecodeLine> FpTable() { return kTable; }

}  // namespace vmd::hvsoft
