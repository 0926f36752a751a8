// FP arithmetic of fp.h: add, subtract, multiply, divide, square root, fused
// multiply-add, max/min and compares, from the ARM ARM pseudocode (FPAdd,
// FPMul, FPDiv, FPSqrt, FPMulAdd, FPMax, FPCompare, ...) on fp_internal.h.
// Add/sub/mul/div/sqrt/fma take the host FPU where that provably gives the
// same bits and flags (see Fast). Tests in tests/engine/hv/soft/fp_test.cc,
// fp_corner_test.cc and fp_convert_test.cc.
#include <bit>
#include <cmath>

#include "engine/hv/soft/fp_internal.h"

namespace vmd::hvsoft::fp {
namespace {

// ---- host FPU fast path -------------------------------------------------
// Only where IEEE 754 and the pseudocode provably agree: FPCR rounding to
// nearest even, normal operands (FZ and DN then change nothing), and a result
// that is finite, normal and above the smallest binade (so not tiny before
// rounding). Inexactness comes from an exact residual (TwoSum, FMA, or a
// product exact in double), so the flags match too. Single precision
// computes in double: products are exact there, sums too when the exponents
// are at most 28 apart, and rounding a double quotient or square root to
// single is correctly rounded (53 >= 2 * 24 + 2). Assumes the host's default
// FP environment (round to nearest, no flush-to-zero): vmd never changes it.
// Define VMD_FP_NO_FAST_PATH to compare the integer path alone.
enum class FastOp : uint8_t { kAdd, kSub, kMul, kDiv, kSqrt };

int ExpField(uint64_t x, Format f) { return static_cast<int>((x >> f.f) & ExpOnes(f)); }
bool NormalField(int e, Format f) { return e != 0 && e != static_cast<int>(ExpOnes(f)); }

bool FastDouble(FastOp op, uint64_t xa, uint64_t xb, Env& env, uint64_t* out) {
  const double a = std::bit_cast<double>(xa), b = std::bit_cast<double>(xb);
  double r = 0, residual = 0;
  switch (op) {
    case FastOp::kAdd:
    case FastOp::kSub: {
      const double bs = op == FastOp::kSub ? -b : b;
      r = a + bs;
      const double bv = r - a;  // TwoSum: the exact rounding error
      residual = (a - (r - bv)) + (bs - bv);
      break;
    }
    case FastOp::kMul:  // the residual is representable when the exponents
      if (ExpField(xa, kDouble) + ExpField(xb, kDouble) < 1023 + 80) return false;  // are not tiny
      r = a * b;
      residual = std::fma(a, b, -r);
      break;
    case FastOp::kDiv:
      if (ExpField(xa, kDouble) < 80) return false;
      r = a / b;
      residual = std::fma(-r, b, a);
      break;
    case FastOp::kSqrt:
      if (ExpField(xa, kDouble) < 80 || (xa >> 63) != 0) return false;
      r = std::sqrt(a);
      residual = std::fma(-r, r, a);
      break;
  }
  const uint64_t xr = std::bit_cast<uint64_t>(r);
  const int e = ExpField(xr, kDouble);
  if (e < 2 || e == static_cast<int>(ExpOnes(kDouble))) return false;
  if (residual != 0) env.flags |= kIxc;
  *out = xr;
  return true;
}

bool FastSingle(FastOp op, uint64_t xa, uint64_t xb, Env& env, uint64_t* out) {
  const double a = std::bit_cast<float>(static_cast<uint32_t>(xa));
  const double b = std::bit_cast<float>(static_cast<uint32_t>(xb));
  float r = 0;
  double got = 0, want = 0;  // equal exactly when r is the exact result
  switch (op) {
    case FastOp::kAdd:
    case FastOp::kSub: {
      const int d = ExpField(xa, kSingle) - ExpField(xb, kSingle);
      if (d > 28 || d < -28) return false;
      want = op == FastOp::kSub ? a - b : a + b;
      r = static_cast<float>(want);
      got = r;
      break;
    }
    case FastOp::kMul:
      want = a * b;
      r = static_cast<float>(want);
      got = r;
      break;
    case FastOp::kDiv:
      r = static_cast<float>(a / b);
      got = static_cast<double>(r) * b;  // exact: 24 x 24 bits
      want = a;
      break;
    case FastOp::kSqrt:
      if ((xa >> 31) != 0) return false;
      r = static_cast<float>(std::sqrt(a));
      got = static_cast<double>(r) * r;
      want = a;
      break;
  }
  const uint32_t xr = std::bit_cast<uint32_t>(r);
  const int e = ExpField(xr, kSingle);
  if (e < 2 || e == static_cast<int>(ExpOnes(kSingle))) return false;
  if (got != want) env.flags |= kIxc;
  *out = xr;
  return true;
}

// FPMulAdd (addend + a * b) on the host. Double: the host's fused result r;
// it is exact iff r - addend == a * b, and both sides as (RN(v), v - RN(v))
// pairs (TwoSum, TwoProduct; exact without overflow, and without underflow
// by the exponent bounds) are equal iff the values are. Single: the product
// is exact in double, the sum exact as s + e (TwoSum); s made odd when e != 0
// (round to odd) then rounds to single correctly.
bool FastMulAdd(Format f, uint64_t xc, uint64_t xa, uint64_t xb, Env& env, uint64_t* out) {
  if (f.n == 64) {
    const int ea = ExpField(xa, kDouble), eb = ExpField(xb, kDouble);
    if (ea + eb < 1023 + 80 || ea + eb > 2046 + 1000 || ExpField(xc, kDouble) > 2044) return false;
    const double a = std::bit_cast<double>(xa), b = std::bit_cast<double>(xb);
    const double c = std::bit_cast<double>(xc);
    const double r = std::fma(a, b, c);
    const uint64_t xr = std::bit_cast<uint64_t>(r);
    const int e = ExpField(xr, kDouble);
    if (e < 2 || e > 2044) return false;
    const double p_hi = a * b, p_lo = std::fma(a, b, -p_hi);
    const double d_hi = r - c, d_bv = d_hi - r;
    const double d_lo = (r - (d_hi - d_bv)) + (-c - d_bv);
    if (d_hi != p_hi || d_lo != p_lo) env.flags |= kIxc;
    *out = xr;
    return true;
  }
  if (f.n != 32) return false;
  const double a = std::bit_cast<float>(static_cast<uint32_t>(xa));
  const double b = std::bit_cast<float>(static_cast<uint32_t>(xb));
  const double c = std::bit_cast<float>(static_cast<uint32_t>(xc));
  const double p = a * b;
  const double s = p + c, bv = s - p;
  const double err = (p - (s - bv)) + (c - bv);
  uint64_t xs = std::bit_cast<uint64_t>(s);
  if (err != 0 && (xs & 1) == 0) xs += ((err > 0) == (s > 0)) ? 1 : ~uint64_t{0};
  const float r = static_cast<float>(std::bit_cast<double>(xs));
  const uint32_t xr = std::bit_cast<uint32_t>(r);
  const int e = ExpField(xr, kSingle);
  if (e < 2 || e == static_cast<int>(ExpOnes(kSingle))) return false;
  if (err != 0 || static_cast<double>(r) != s) env.flags |= kIxc;
  *out = xr;
  return true;
}

// The fast path for T, or false to take the integer path.
template <typename T>
bool Fast(FastOp op, T a, T b, Env& env, T* out) {
#ifdef VMD_FP_NO_FAST_PATH
  return false;
#else
  constexpr Format f = FormatOf<T>();
  // FZ takes the integer path too (it would change nothing here): so the
  // tests can check both paths on the same operands.
  if ((env.fpcr & (kFpcrFz | 3u << kFpcrRModeShift)) != 0) return false;
  if (!NormalField(ExpField(a, f), f)) return false;
  if (op != FastOp::kSqrt && !NormalField(ExpField(b, f), f)) return false;
  uint64_t r;
  bool ok;
  if constexpr (sizeof(T) == 8) {
    ok = FastDouble(op, a, b, env, &r);
  } else if constexpr (sizeof(T) == 4) {
    ok = FastSingle(op, a, b, env, &r);
  } else {
    ok = false;
  }
  if (ok) *out = static_cast<T>(r);
  return ok;
#endif
}

// FPAdd / FPSub (negate: op2's value is negated after NaN processing).
uint64_t AddSub(Format f, uint64_t x1, uint64_t x2, bool negate, Env& env) {
  const uint32_t fpcr = env.fpcr;
  const Value a = Unpack(f, x1, fpcr, env);
  Value b = Unpack(f, x2, fpcr, env);
  uint64_t result;
  if (ProcessNaNs(f, a, b, x1, x2, fpcr, env, &result)) return result;
  b.sign ^= negate;
  const bool inf1 = a.type == Type::kInfinity, inf2 = b.type == Type::kInfinity;
  if (inf1 && inf2 && a.sign != b.sign) return InvalidOp(f, env);
  if ((inf1 && !a.sign) || (inf2 && !b.sign)) return Infinity(f, false);
  if (inf1 || inf2) return Infinity(f, true);
  if (a.type == Type::kZero && b.type == Type::kZero && a.sign == b.sign) return Zero(f, a.sign);
  return RoundExact(f, AddExact(a.sign, a.m, a.e, b.sign, b.m, b.e), fpcr, env);
}

// FPMul / FPMulX.
uint64_t MulImpl(Format f, uint64_t x1, uint64_t x2, bool mulx, Env& env) {
  const uint32_t fpcr = env.fpcr;
  const Value a = Unpack(f, x1, fpcr, env);
  const Value b = Unpack(f, x2, fpcr, env);
  uint64_t result;
  if (ProcessNaNs(f, a, b, x1, x2, fpcr, env, &result)) return result;
  const bool sign = a.sign != b.sign;
  const bool inf1 = a.type == Type::kInfinity, inf2 = b.type == Type::kInfinity;
  const bool zero1 = a.type == Type::kZero, zero2 = b.type == Type::kZero;
  if ((inf1 && zero2) || (zero1 && inf2)) return mulx ? Two(f, sign) : InvalidOp(f, env);
  if (inf1 || inf2) return Infinity(f, sign);
  if (zero1 || zero2) return Zero(f, sign);
  return RoundTo(f, sign, u128{a.m} * b.m, a.e + b.e, false, FpcrRound(fpcr), fpcr, env);
}

uint64_t DivImpl(Format f, uint64_t x1, uint64_t x2, Env& env) {
  const uint32_t fpcr = env.fpcr;
  const Value a = Unpack(f, x1, fpcr, env);
  const Value b = Unpack(f, x2, fpcr, env);
  uint64_t result;
  if (ProcessNaNs(f, a, b, x1, x2, fpcr, env, &result)) return result;
  const bool sign = a.sign != b.sign;
  const bool inf1 = a.type == Type::kInfinity, inf2 = b.type == Type::kInfinity;
  const bool zero1 = a.type == Type::kZero, zero2 = b.type == Type::kZero;
  if ((inf1 && inf2) || (zero1 && zero2)) return InvalidOp(f, env);
  if (inf1 || zero2) {
    if (!inf1) env.flags |= kDzc;
    return Infinity(f, sign);
  }
  if (zero1 || inf2) return Zero(f, sign);
  // Quotient of mantissas normalized to 53 bits, scaled by 2^64: 64 or 65
  // significant bits; a nonzero remainder is the sticky bit.
  const int s1 = 52 - Msb(a.m), s2 = 52 - Msb(b.m);
  const uint64_t m1 = a.m << s1, m2 = b.m << s2;
  const u128 num = u128{m1} << 64;
  const u128 q = num / m2;
  const bool sticky = num - q * m2 != 0;
  return RoundTo(f, sign, q, (a.e - s1) - (b.e - s2) - 64, sticky, FpcrRound(fpcr), fpcr, env);
}

// Integer square root with remainder of n < 2^124: one Newton step from the
// host's double estimate (then within one of the root), an exact fix-up.
u128 Isqrt(u128 n, u128* rem) {
  uint64_t r = static_cast<uint64_t>(std::sqrt(static_cast<double>(n)));
  if (r != 0) r = static_cast<uint64_t>((r + n / r) / 2);
  while (u128{r} * r > n) --r;
  while (u128{r + 1} * (r + 1) <= n) ++r;
  *rem = n - u128{r} * r;
  return r;
}

uint64_t SqrtImpl(Format f, uint64_t x, Env& env) {
  const uint32_t fpcr = env.fpcr;
  const Value a = Unpack(f, x, fpcr, env);
  if (a.IsNaN()) return ProcessNaN(f, a.type, x, fpcr, env);
  if (a.type == Type::kZero) return Zero(f, a.sign);
  if (a.type == Type::kInfinity && !a.sign) return Infinity(f, false);
  if (a.sign) return InvalidOp(f, env);
  // Scale m to 121 or 122 bits with an even exponent: a root of 61 bits.
  int sh = 121 - Msb(a.m);
  if (((a.e - sh) & 1) != 0) ++sh;
  u128 rem;
  const u128 root = Isqrt(u128{a.m} << sh, &rem);
  return RoundTo(f, false, root, (a.e - sh) / 2, rem != 0, FpcrRound(fpcr), fpcr, env);
}

uint64_t MulAddImpl(Format f, uint64_t xa, uint64_t x1, uint64_t x2, Env& env) {
  const uint32_t fpcr = env.fpcr;
  const Value va = Unpack(f, xa, fpcr, env);
  const Value a = Unpack(f, x1, fpcr, env);
  const Value b = Unpack(f, x2, fpcr, env);
  const bool inf1 = a.type == Type::kInfinity, inf2 = b.type == Type::kInfinity;
  const bool zero1 = a.type == Type::kZero, zero2 = b.type == Type::kZero;
  uint64_t result;
  const bool done = ProcessNaNs3(f, va, a, b, xa, x1, x2, fpcr, env, &result);
  if (va.type == Type::kQNaN && ((inf1 && zero2) || (zero1 && inf2))) return InvalidOp(f, env);
  if (done) return result;
  const bool inf_a = va.type == Type::kInfinity, zero_a = va.type == Type::kZero;
  const bool sign_p = a.sign != b.sign;
  const bool inf_p = inf1 || inf2, zero_p = zero1 || zero2;
  if ((inf1 && zero2) || (zero1 && inf2) || (inf_a && inf_p && va.sign != sign_p)) {
    return InvalidOp(f, env);
  }
  if ((inf_a && !va.sign) || (inf_p && !sign_p)) return Infinity(f, false);
  if (inf_a || inf_p) return Infinity(f, true);
  if (zero_a && zero_p && va.sign == sign_p) return Zero(f, va.sign);
  const u128 mp = zero_p ? 0 : u128{a.m} * b.m;
  return RoundExact(f, AddExact(va.sign, va.m, va.e, sign_p, mp, a.e + b.e), fpcr, env);
}

// Ordering of two non-NaN values: -1, 0, +1.
int CompareValues(const Value& a, const Value& b) {
  const int ra = a.type == Type::kZero ? 0 : (a.sign ? -1 : 1);
  const int rb = b.type == Type::kZero ? 0 : (b.sign ? -1 : 1);
  if (ra != rb) return ra < rb ? -1 : 1;
  if (ra == 0) return 0;
  // Same sign, both nonzero: order magnitudes. Within a format (e, m) orders
  // them (denormals share the smallest normal exponent); infinity is largest.
  int mag;
  const bool ia = a.type == Type::kInfinity, ib = b.type == Type::kInfinity;
  if (ia || ib) {
    mag = ia == ib ? 0 : (ia ? 1 : -1);
  } else if (a.e != b.e) {
    mag = a.e < b.e ? -1 : 1;
  } else {
    mag = a.m == b.m ? 0 : (a.m < b.m ? -1 : 1);
  }
  return ra > 0 ? mag : -mag;
}

// FPMax / FPMin.
uint64_t MaxMin(Format f, uint64_t x1, uint64_t x2, bool is_max, Env& env) {
  const uint32_t fpcr = env.fpcr;
  const Value a = Unpack(f, x1, fpcr, env);
  const Value b = Unpack(f, x2, fpcr, env);
  uint64_t result;
  if (ProcessNaNs(f, a, b, x1, x2, fpcr, env, &result)) return result;
  const int cmp = CompareValues(a, b);
  const bool first = is_max ? cmp > 0 : cmp < 0;
  const Value& v = first ? a : b;
  if (v.type == Type::kInfinity) return Infinity(f, v.sign);
  if (v.type == Type::kZero) return Zero(f, is_max ? (a.sign && b.sign) : (a.sign || b.sign));
  // FPRound of an operand's own value: exact and never tiny-inexact, so
  // the operand itself (a denormal survives here only when FZ is off).
  return first ? x1 : x2;
}

// FPMaxNum / FPMinNum: a single quiet NaN is replaced by the infinity that loses.
uint64_t MaxMinNum(Format f, uint64_t x1, uint64_t x2, bool is_max, Env& env) {
  const Type t1 = Unpack(f, x1, env.fpcr, env).type;
  const Type t2 = Unpack(f, x2, env.fpcr, env).type;
  if (t1 == Type::kQNaN && t2 != Type::kQNaN) {
    x1 = Infinity(f, is_max);
  } else if (t1 != Type::kQNaN && t2 == Type::kQNaN) {
    x2 = Infinity(f, is_max);
  }
  return MaxMin(f, x1, x2, is_max, env);
}

// FPCompare's NZCV (bits 31:28).
uint32_t CompareImpl(Format f, uint64_t x1, uint64_t x2, bool signaling, Env& env) {
  const Value a = Unpack(f, x1, env.fpcr, env);
  const Value b = Unpack(f, x2, env.fpcr, env);
  if (a.IsNaN() || b.IsNaN()) {
    if (a.type == Type::kSNaN || b.type == Type::kSNaN || signaling) env.flags |= kIoc;
    return 0x3u << 28;
  }
  const int cmp = CompareValues(a, b);
  return (cmp == 0 ? 0x6u : cmp < 0 ? 0x8u : 0x2u) << 28;
}

// FPCompareEQ / GE / GT: kind 0, 1, 2.
bool CompareVec(Format f, uint64_t x1, uint64_t x2, int kind, Env& env) {
  const Value a = Unpack(f, x1, env.fpcr, env);
  const Value b = Unpack(f, x2, env.fpcr, env);
  if (a.IsNaN() || b.IsNaN()) {
    if (kind != 0 || a.type == Type::kSNaN || b.type == Type::kSNaN) env.flags |= kIoc;
    return false;
  }
  const int cmp = CompareValues(a, b);
  return kind == 0 ? cmp == 0 : kind == 1 ? cmp >= 0 : cmp > 0;
}

}  // namespace

template <typename T>
T Add(T a, T b, Env& env) {
  T r{};
  if (Fast(FastOp::kAdd, a, b, env, &r)) return r;
  return static_cast<T>(AddSub(FormatOf<T>(), a, b, false, env));
}
template <typename T>
T Sub(T a, T b, Env& env) {
  T r{};
  if (Fast(FastOp::kSub, a, b, env, &r)) return r;
  return static_cast<T>(AddSub(FormatOf<T>(), a, b, true, env));
}
template <typename T>
T Mul(T a, T b, Env& env) {
  T r{};
  if (Fast(FastOp::kMul, a, b, env, &r)) return r;
  return static_cast<T>(MulImpl(FormatOf<T>(), a, b, false, env));
}
template <typename T>
T MulX(T a, T b, Env& env) {
  return static_cast<T>(MulImpl(FormatOf<T>(), a, b, true, env));
}
template <typename T>
T Div(T a, T b, Env& env) {
  T r{};
  if (Fast(FastOp::kDiv, a, b, env, &r)) return r;
  return static_cast<T>(DivImpl(FormatOf<T>(), a, b, env));
}
template <typename T>
T Sqrt(T a, Env& env) {
  T r{};
  if (Fast(FastOp::kSqrt, a, a, env, &r)) return r;
  return static_cast<T>(SqrtImpl(FormatOf<T>(), a, env));
}
template <typename T>
T MulAdd(T addend, T a, T b, Env& env) {
#ifndef VMD_FP_NO_FAST_PATH
  constexpr Format f = FormatOf<T>();
  uint64_t r;
  if ((env.fpcr & (kFpcrFz | 3u << kFpcrRModeShift)) == 0 && NormalField(ExpField(a, f), f) &&
      NormalField(ExpField(b, f), f) && NormalField(ExpField(addend, f), f) &&
      FastMulAdd(f, addend, a, b, env, &r)) {
    return static_cast<T>(r);
  }
#endif
  return static_cast<T>(MulAddImpl(FormatOf<T>(), addend, a, b, env));
}
template <typename T>
T Max(T a, T b, Env& env) {
  return static_cast<T>(MaxMin(FormatOf<T>(), a, b, true, env));
}
template <typename T>
T Min(T a, T b, Env& env) {
  return static_cast<T>(MaxMin(FormatOf<T>(), a, b, false, env));
}
template <typename T>
T MaxNum(T a, T b, Env& env) {
  return static_cast<T>(MaxMinNum(FormatOf<T>(), a, b, true, env));
}
template <typename T>
T MinNum(T a, T b, Env& env) {
  return static_cast<T>(MaxMinNum(FormatOf<T>(), a, b, false, env));
}

template <typename T>
uint32_t Compare(T a, T b, bool signaling, Env& env) {
  return CompareImpl(FormatOf<T>(), a, b, signaling, env);
}
template <typename T>
bool CompareEq(T a, T b, Env& env) {
  return CompareVec(FormatOf<T>(), a, b, 0, env);
}
template <typename T>
bool CompareGe(T a, T b, Env& env) {
  return CompareVec(FormatOf<T>(), a, b, 1, env);
}
template <typename T>
bool CompareGt(T a, T b, Env& env) {
  return CompareVec(FormatOf<T>(), a, b, 2, env);
}

#define VMD_FP_INSTANTIATE(T)                     \
  template T Add<T>(T, T, Env&);                  \
  template T Sub<T>(T, T, Env&);                  \
  template T Mul<T>(T, T, Env&);                  \
  template T MulX<T>(T, T, Env&);                 \
  template T Div<T>(T, T, Env&);                  \
  template T Sqrt<T>(T, Env&);                    \
  template T MulAdd<T>(T, T, T, Env&);            \
  template T Max<T>(T, T, Env&);                  \
  template T Min<T>(T, T, Env&);                  \
  template T MaxNum<T>(T, T, Env&);               \
  template T MinNum<T>(T, T, Env&);               \
  template uint32_t Compare<T>(T, T, bool, Env&); \
  template bool CompareEq<T>(T, T, Env&);         \
  template bool CompareGe<T>(T, T, Env&);         \
  template bool CompareGt<T>(T, T, Env&);

VMD_FP_INSTANTIATE(uint16_t)
VMD_FP_INSTANTIATE(uint32_t)
VMD_FP_INSTANTIATE(uint64_t)
#undef VMD_FP_INSTANTIATE

}  // namespace vmd::hvsoft::fp
