// The ARM-exact FP arithmetic of fp.h, written from the ARM ARM pseudocode
// (FPUnpackBase, FPRoundBase, FPProcessNaNs, FPMulAdd, FPToFixed, ...) on
// integer mantissas: every operation forms its result exactly, or exactly up
// to a sticky bit below all the bits rounding looks at, and rounds once in
// RoundBase. Results and FPSR flags are therefore those of the pseudocode,
// tininess detected before rounding. Add/sub/mul/div/sqrt take the host FPU
// where that provably gives the same bits and flags (see Fast). Used by the
// scalar FP and AdvSIMD handlers (exec_fp.cc, exec_simd_*.cc); tests in
// tests/engine/hv/soft/fp_test.cc (hand-derived cases, qemu-recorded vectors).
#include "engine/hv/soft/fp.h"

#include <bit>
#include <cmath>
#include <utility>

namespace vmd::hvsoft::fp {
namespace {

using u128 = unsigned __int128;
using i128 = __int128;

// FPCR.FZ16 (flush half-precision arithmetic). Not in kFpcrMask (no FEAT_FP16),
// so it reads as zero today; honoured so half arithmetic is ready for it.
constexpr uint32_t kFpcrFz16 = 1u << 19;

struct Format {
  int n;  // width
  int e;  // exponent bits
  int f;  // fraction bits
};
constexpr Format kHalf{16, 5, 10};
constexpr Format kSingle{32, 8, 23};
constexpr Format kDouble{64, 11, 52};

template <typename T>
constexpr Format FormatOf() {
  if constexpr (sizeof(T) == 2) return kHalf;
  if constexpr (sizeof(T) == 4) return kSingle;
  return kDouble;
}

constexpr int Bias(Format f) { return (1 << (f.e - 1)) - 1; }
constexpr int MinExp(Format f) { return 1 - Bias(f); }
constexpr uint64_t FracMask(Format f) { return (uint64_t{1} << f.f) - 1; }
constexpr uint64_t ExpOnes(Format f) { return (uint64_t{1} << f.e) - 1; }
constexpr uint64_t QuietBit(Format f) { return uint64_t{1} << (f.f - 1); }

uint64_t Pack(Format f, bool sign, uint64_t biased_exp, uint64_t frac) {
  return (uint64_t{sign} << (f.n - 1)) | (biased_exp << f.f) | frac;
}
uint64_t Zero(Format f, bool sign) { return Pack(f, sign, 0, 0); }
uint64_t Infinity(Format f, bool sign) { return Pack(f, sign, ExpOnes(f), 0); }
uint64_t MaxNormal(Format f, bool sign) { return Pack(f, sign, ExpOnes(f) - 1, FracMask(f)); }
uint64_t DefaultNaN(Format f) { return Pack(f, false, ExpOnes(f), QuietBit(f)); }
uint64_t Two(Format f, bool sign) { return Pack(f, sign, Bias(f) + 1, 0); }
uint64_t OnePointFive(Format f, bool sign) { return Pack(f, sign, Bias(f), QuietBit(f)); }
bool SignOf(Format f, uint64_t x) { return (x >> (f.n - 1)) & 1; }

int Msb(u128 x) {  // x != 0
  const uint64_t hi = static_cast<uint64_t>(x >> 64);
  return hi ? 127 - __builtin_clzll(hi) : 63 - __builtin_clzll(static_cast<uint64_t>(x));
}

enum class Type : uint8_t { kZero, kNonzero, kInfinity, kQNaN, kSNaN };

// An unpacked operand; a finite nonzero value is (-1)^sign * m * 2^e.
struct Value {
  Type type;
  bool sign;
  uint64_t m;
  int e;
  bool IsNaN() const { return type == Type::kQNaN || type == Type::kSNaN; }
};

bool FlushEnabled(Format f, uint32_t fpcr) {
  return f.n == 16 ? (fpcr & kFpcrFz16) != 0 : (fpcr & kFpcrFz) != 0;
}

// FPUnpackBase. fz: denormals are zeros (IDC for single and double);
// ahp: half precision is the alternative format (no infinities or NaNs).
Value UnpackBase(Format f, uint64_t x, bool fz, bool ahp, Env& env) {
  Value v{Type::kZero, SignOf(f, x), 0, 0};
  const uint64_t exp = (x >> f.f) & ExpOnes(f);
  const uint64_t frac = x & FracMask(f);
  if (exp == 0) {
    if (frac != 0) {
      if (fz) {
        if (f.n != 16) env.flags |= kIdc;
      } else {
        v = {Type::kNonzero, v.sign, frac, MinExp(f) - f.f};
      }
    }
  } else if (exp == ExpOnes(f) && !(f.n == 16 && ahp)) {
    if (frac == 0) {
      v.type = Type::kInfinity;
    } else {
      v.type = (frac & QuietBit(f)) ? Type::kQNaN : Type::kSNaN;
    }
  } else {
    v = {Type::kNonzero, v.sign, frac | (uint64_t{1} << f.f),
         static_cast<int>(exp) - Bias(f) - f.f};
  }
  return v;
}

// FPUnpack: arithmetic ignores AHP.
Value Unpack(Format f, uint64_t x, uint32_t fpcr, Env& env) {
  return UnpackBase(f, x, FlushEnabled(f, fpcr), false, env);
}

// m >> s split into the quotient and where the dropped bits (and a sticky bit
// below them) lie against half a unit of the quotient's last place.
struct Shifted {
  u128 q;
  bool inexact;
  int half_cmp;  // -1, 0, +1: the dropped part is below, at, above one half
};

Shifted ShiftRight(u128 m, int s, bool sticky) {
  if (s <= 0) return {m << -s, sticky, -1};
  if (s > 128) return {0, m != 0 || sticky, -1};
  const u128 half = u128{1} << (s - 1);
  const u128 rem = s == 128 ? m : m & ((u128{1} << s) - 1);
  const u128 q = s == 128 ? 0 : m >> s;
  const int cmp = rem > half ? 1 : rem < half ? -1 : (sticky ? 1 : 0);
  return {q, rem != 0 || sticky, cmp};
}

// FPRoundBase of (-1)^sign * (m + sticky) * 2^e, m != 0, where sticky says the
// exact value lies strictly between m and m + 1 (callers keep at least F + 3
// significant bits in m whenever sticky is set). fz: flush tiny results
// (UFC, no IXC); ahp: half precision results are the alternative format.
uint64_t RoundBase(Format f, bool sign, u128 m, int e, bool sticky, Round rounding, bool fz,
                   bool ahp, Env& env) {
  const int exponent = Msb(m) + e;  // 2^exponent <= |value| < 2^(exponent + 1)
  if (fz && exponent < MinExp(f)) {
    env.flags |= kUfc;
    return Zero(f, sign);
  }
  int biased_exp = exponent - MinExp(f) + 1;
  if (biased_exp < 0) biased_exp = 0;
  const int lsb_exp = (exponent > MinExp(f) ? exponent : MinExp(f)) - f.f;
  const Shifted r = ShiftRight(m, lsb_exp - e, sticky);
  uint64_t int_mant = static_cast<uint64_t>(r.q);
  bool inexact = r.inexact;
  // Tininess before rounding; underflow only when inexact (UFE is zero).
  if (biased_exp == 0 && inexact) env.flags |= kUfc;

  bool round_up = false;
  bool overflow_to_inf = false;
  switch (rounding) {
    case Round::kNearestEven:
      round_up = inexact && (r.half_cmp > 0 || (r.half_cmp == 0 && (int_mant & 1)));
      overflow_to_inf = true;
      break;
    case Round::kNearestAway:
      round_up = inexact && r.half_cmp >= 0;
      overflow_to_inf = true;
      break;
    case Round::kPlusInf:
      round_up = inexact && !sign;
      overflow_to_inf = !sign;
      break;
    case Round::kMinusInf:
      round_up = inexact && sign;
      overflow_to_inf = sign;
      break;
    case Round::kZero:
    case Round::kOdd:
      break;
  }
  if (round_up) {
    ++int_mant;
    if (int_mant == uint64_t{1} << f.f) biased_exp = 1;  // denormal rounded up to normal
    if (int_mant == uint64_t{1} << (f.f + 1)) {          // up to the next binade
      ++biased_exp;
      int_mant >>= 1;
    }
  }
  if (inexact && rounding == Round::kOdd) int_mant |= 1;

  uint64_t result;
  if (f.n != 16 || !ahp) {
    if (biased_exp >= static_cast<int>(ExpOnes(f))) {
      result = overflow_to_inf ? Infinity(f, sign) : MaxNormal(f, sign);
      env.flags |= kOfc;
      inexact = true;
    } else {
      result = Pack(f, sign, static_cast<uint64_t>(biased_exp), int_mant & FracMask(f));
    }
  } else if (biased_exp >= (1 << f.e)) {  // alternative half: no infinity to overflow to
    result = Pack(f, sign, ExpOnes(f), FracMask(f));
    env.flags |= kIoc;
    inexact = false;
  } else {
    result = Pack(f, sign, static_cast<uint64_t>(biased_exp), int_mant & FracMask(f));
  }
  if (inexact) env.flags |= kIxc;
  return result;
}

Round FpcrRound(uint32_t fpcr) { return static_cast<Round>((fpcr >> kFpcrRModeShift) & 3); }

// FPRound: FPCR's flush-to-zero, IEEE half precision.
uint64_t RoundTo(Format f, bool sign, u128 m, int e, bool sticky, Round rounding, uint32_t fpcr,
                 Env& env) {
  return RoundBase(f, sign, m, e, sticky, rounding, FlushEnabled(f, fpcr), false, env);
}

// FPProcessNaN.
uint64_t ProcessNaN(Format f, Type type, uint64_t x, uint32_t fpcr, Env& env) {
  uint64_t result = x;
  if (type == Type::kSNaN) {
    result |= QuietBit(f);
    env.flags |= kIoc;
  }
  if (fpcr & kFpcrDn) result = DefaultNaN(f);
  return result;
}

// FPProcessNaNs: signaling NaNs first, then quiet ones, each in operand order.
bool ProcessNaNs(Format f, const Value& a, const Value& b, uint64_t xa, uint64_t xb, uint32_t fpcr,
                 Env& env, uint64_t* result) {
  if (a.type == Type::kSNaN) {
    *result = ProcessNaN(f, a.type, xa, fpcr, env);
  } else if (b.type == Type::kSNaN) {
    *result = ProcessNaN(f, b.type, xb, fpcr, env);
  } else if (a.type == Type::kQNaN) {
    *result = ProcessNaN(f, a.type, xa, fpcr, env);
  } else if (b.type == Type::kQNaN) {
    *result = ProcessNaN(f, b.type, xb, fpcr, env);
  } else {
    return false;
  }
  return true;
}

bool ProcessNaNs3(Format f, const Value& a, const Value& b, const Value& c, uint64_t xa,
                  uint64_t xb, uint64_t xc, uint32_t fpcr, Env& env, uint64_t* result) {
  const Value* v[3] = {&a, &b, &c};
  const uint64_t x[3] = {xa, xb, xc};
  for (Type t : {Type::kSNaN, Type::kQNaN}) {
    for (int k = 0; k < 3; ++k) {
      if (v[k]->type == t) {
        *result = ProcessNaN(f, t, x[k], fpcr, env);
        return true;
      }
    }
  }
  return false;
}

uint64_t InvalidOp(Format f, Env& env) {
  env.flags |= kIoc;
  return DefaultNaN(f);
}

// An exact sum or product: (-1)^sign * (m + sticky) * 2^e; zero when m == 0
// and !sticky.
struct Exact {
  bool sign;
  u128 m;
  int e;
  bool sticky;
};

// (-1)^sa * ma * 2^ea + (-1)^sb * mb * 2^eb for ma, mb < 2^126. Exact, or, when
// the exponents are at least 2 apart, exact up to a sticky bit: then at most one
// bit cancels and m keeps more than 120 significant bits.
Exact AddExact(bool sa, u128 ma, int ea, bool sb, u128 mb, int eb) {
  if (ma == 0) return {sb, mb, eb, false};
  if (mb == 0) return {sa, ma, ea, false};
  int sh = 125 - Msb(ma);
  ma <<= sh;
  ea -= sh;
  sh = 125 - Msb(mb);
  mb <<= sh;
  eb -= sh;
  if (eb > ea || (eb == ea && mb > ma)) {  // a is the larger magnitude
    std::swap(sa, sb);
    std::swap(ma, mb);
    std::swap(ea, eb);
  }
  const int d = ea - eb;
  if (d <= 1) {
    const u128 big = ma << d;
    return {sa, sa == sb ? big + mb : big - mb, eb, false};
  }
  u128 q = 0;
  bool rest = true;
  if (d < 128) {
    q = mb >> d;
    rest = (mb & ((u128{1} << d) - 1)) != 0;
  }
  if (sa == sb) return {sa, ma + q, ea, rest};
  return {sa, ma - q - (rest ? 1 : 0), ea, rest};
}

// An exact nonzero result rounded per FPCR, or the exact zero whose sign the
// rounding mode gives (the "result_value == 0.0" arm of FPAdd, FPMulAdd, ...).
uint64_t RoundExact(Format f, const Exact& x, uint32_t fpcr, Env& env) {
  const Round rounding = FpcrRound(fpcr);
  if (x.m == 0 && !x.sticky) return Zero(f, rounding == Round::kMinusInf);
  return RoundTo(f, x.sign, x.m, x.e, x.sticky, rounding, fpcr, env);
}

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

// RoundDown((-1)^sign * m * 2^e) and where the error (value - result, in
// [0, 1)) lies against one half. Magnitudes past 2^100 clamp there: every
// caller saturates them anyway.
struct IntPart {
  i128 n;
  bool inexact;
  int half_cmp;
};

IntPart FloorOf(bool sign, uint64_t m, int e) {
  u128 mag;
  Shifted s{0, false, -1};
  if (e >= 0) {
    mag = (Msb(m) + e > 100) ? u128{1} << 100 : u128{m} << e;
  } else {
    s = ShiftRight(m, -e, false);
    mag = s.q;
  }
  if (!sign) return {static_cast<i128>(mag), s.inexact, s.half_cmp};
  if (!s.inexact) return {-static_cast<i128>(mag), false, -1};
  return {-static_cast<i128>(mag) - 1, true, -s.half_cmp};
}

// The round_up decision of FPRoundInt / FPToFixed.
bool IntRoundUp(Round rounding, const IntPart& p) {
  if (!p.inexact) return false;
  switch (rounding) {
    case Round::kNearestEven:
      return p.half_cmp > 0 || (p.half_cmp == 0 && (p.n & 1) != 0);
    case Round::kPlusInf:
      return true;
    case Round::kMinusInf:
      return false;
    case Round::kZero:
    case Round::kOdd:  // not asked for by any instruction; as towards zero
      return p.n < 0;
    case Round::kNearestAway:
      return p.half_cmp > 0 || (p.half_cmp == 0 && p.n >= 0);
  }
  return false;
}

uint64_t RoundIntImpl(Format f, uint64_t x, Round rounding, bool exact, Env& env) {
  const uint32_t fpcr = env.fpcr;
  const Value a = Unpack(f, x, fpcr, env);
  if (a.IsNaN()) return ProcessNaN(f, a.type, x, fpcr, env);
  if (a.type == Type::kInfinity) return Infinity(f, a.sign);
  if (a.type == Type::kZero) return Zero(f, a.sign);
  if (a.e >= 0) return x;  // already integral (and normal): FPRound gives it back
  IntPart p = FloorOf(a.sign, a.m, a.e);
  if (IntRoundUp(rounding, p)) ++p.n;
  uint64_t result;
  if (p.n == 0) {
    result = Zero(f, a.sign);
  } else {
    const bool neg = p.n < 0;
    result =
        RoundTo(f, neg, static_cast<u128>(neg ? -p.n : p.n), 0, false, Round::kZero, fpcr, env);
  }
  if (p.inexact && exact) env.flags |= kIxc;
  return result;
}

uint64_t ToFixedImpl(Format f, uint64_t x, int fbits, bool is_unsigned, int int_bits,
                     Round rounding, Env& env) {
  const Value a = Unpack(f, x, env.fpcr, env);
  IntPart p{0, false, -1};
  if (a.IsNaN()) {
    env.flags |= kIoc;  // and the value is 0
  } else if (a.type == Type::kInfinity) {
    p.n = a.sign ? -(i128{1} << 100) : (i128{1} << 100);
  } else if (a.type == Type::kNonzero) {
    p = FloorOf(a.sign, a.m, a.e + fbits);
    if (IntRoundUp(rounding, p)) ++p.n;
  }
  const i128 lo = is_unsigned ? 0 : -(i128{1} << (int_bits - 1));
  const i128 hi = is_unsigned ? (i128{1} << int_bits) - 1 : (i128{1} << (int_bits - 1)) - 1;
  i128 n = p.n;
  if (n > hi || n < lo) {
    n = n > hi ? hi : lo;
    env.flags |= kIoc;
  } else if (p.inexact) {
    env.flags |= kIxc;
  }
  return static_cast<uint64_t>(static_cast<int64_t>(n)) &
         (is_unsigned && int_bits == 32 ? 0xffffffffull : ~0ull);
}

uint64_t FromFixedImpl(Format f, uint64_t v, int fbits, bool is_unsigned, int int_bits,
                       Round rounding, Env& env) {
  bool sign = false;
  uint64_t mag;
  if (is_unsigned) {
    mag = int_bits == 32 ? static_cast<uint32_t>(v) : v;
  } else {
    const int64_t s = int_bits == 32 ? static_cast<int32_t>(v) : static_cast<int64_t>(v);
    sign = s < 0;
    mag = sign ? 0 - static_cast<uint64_t>(s) : static_cast<uint64_t>(s);
  }
  if (mag == 0) return Zero(f, false);
  return RoundTo(f, sign, mag, -fbits, false, rounding, env.fpcr, env);
}

// FPConvertNaN: the payload's top bits carried over, the result quiet.
uint64_t ConvertNaN(Format from, Format to, uint64_t x) {
  const bool sign = SignOf(from, x);
  const uint64_t frac = (x & (QuietBit(from) - 1)) << (52 - from.f);  // 51 payload bits
  return Pack(to, sign, ExpOnes(to), QuietBit(to) | (frac >> (52 - to.f)));
}

Format FormatOfBits(int bits) { return bits == 16 ? kHalf : bits == 32 ? kSingle : kDouble; }

// RecipEstimate: a in [256, 512) is 0.5 <= x < 1 in units of 1/512; the
// result in [256, 512) is 1/x in units of 1/256.
uint32_t RecipEstimateInt(uint32_t a) {
  a = a * 2 + 1;
  const uint32_t b = (1u << 19) / a;
  return (b + 1) / 2;
}

// RecipSqrtEstimate: a in [128, 512) is 0.25 <= x < 1 in units of 1/512.
uint32_t RecipSqrtEstimateInt(uint32_t a) {
  if (a < 256) {
    a = a * 2 + 1;
  } else {
    a = (a >> 1) << 1;
    a = (a + 1) * 2;
  }
  uint64_t b = 512;
  while (uint64_t{a} * (b + 1) * (b + 1) < (uint64_t{1} << 28)) ++b;
  return static_cast<uint32_t>((b + 1) / 2);
}

constexpr uint64_t kFrac52 = (uint64_t{1} << 52) - 1;

uint64_t RecipEstimateImpl(Format f, uint64_t x, Env& env) {
  const uint32_t fpcr = env.fpcr;
  const Value a = Unpack(f, x, fpcr, env);
  if (a.IsNaN()) return ProcessNaN(f, a.type, x, fpcr, env);
  if (a.type == Type::kInfinity) return Zero(f, a.sign);
  if (a.type == Type::kZero) {
    env.flags |= kDzc;
    return Infinity(f, a.sign);
  }
  const int exponent = Msb(a.m) + a.e;
  if (exponent < -(Bias(f) + 1)) {  // |value| < 2^-(bias+1): 1/x overflows
    bool overflow_to_inf = false;
    switch (FpcrRound(fpcr)) {
      case Round::kNearestEven:
        overflow_to_inf = true;
        break;
      case Round::kPlusInf:
        overflow_to_inf = !a.sign;
        break;
      case Round::kMinusInf:
        overflow_to_inf = a.sign;
        break;
      default:
        break;
    }
    env.flags |= kOfc | kIxc;
    return overflow_to_inf ? Infinity(f, a.sign) : MaxNormal(f, a.sign);
  }
  if (FlushEnabled(f, fpcr) && exponent >= Bias(f) - 1) {  // 1/x is tiny: flushed
    env.flags |= kUfc;
    return Zero(f, a.sign);
  }
  uint64_t fraction = (x & FracMask(f)) << (52 - f.f);
  int exp = static_cast<int>((x >> f.f) & ExpOnes(f));
  if (exp == 0) {
    if (((fraction >> 51) & 1) == 0) {
      exp = -1;
      fraction = (fraction << 2) & kFrac52;
    } else {
      fraction = (fraction << 1) & kFrac52;
    }
  }
  const uint32_t scaled = static_cast<uint32_t>(256 | (fraction >> 44));
  int result_exp = 2 * Bias(f) - 1 - exp;
  const uint32_t estimate = RecipEstimateInt(scaled);
  fraction = uint64_t{estimate & 0xff} << 44;
  if (result_exp == 0) {
    fraction = (uint64_t{1} << 51) | (fraction >> 1);
  } else if (result_exp == -1) {
    fraction = (uint64_t{1} << 50) | (fraction >> 2);
    result_exp = 0;
  }
  return Pack(f, a.sign, static_cast<uint64_t>(result_exp) & ExpOnes(f), fraction >> (52 - f.f));
}

uint64_t RSqrtEstimateImpl(Format f, uint64_t x, Env& env) {
  const uint32_t fpcr = env.fpcr;
  const Value a = Unpack(f, x, fpcr, env);
  if (a.IsNaN()) return ProcessNaN(f, a.type, x, fpcr, env);
  if (a.type == Type::kZero) {
    env.flags |= kDzc;
    return Infinity(f, a.sign);
  }
  if (a.sign) return InvalidOp(f, env);
  if (a.type == Type::kInfinity) return Zero(f, false);
  uint64_t fraction = (x & FracMask(f)) << (52 - f.f);
  int exp = static_cast<int>((x >> f.f) & ExpOnes(f));
  if (exp == 0) {
    while (((fraction >> 51) & 1) == 0) {
      fraction = (fraction << 1) & kFrac52;
      --exp;
    }
    fraction = (fraction << 1) & kFrac52;
  }
  // An even biased exponent scales to [0.5, 1), an odd one to [0.25, 0.5).
  const uint32_t scaled = (exp & 1) == 0 ? static_cast<uint32_t>(256 | (fraction >> 44))
                                         : static_cast<uint32_t>(128 | (fraction >> 45));
  const int result_exp = (3 * Bias(f) - 1 - exp) / 2;
  const uint32_t estimate = RecipSqrtEstimateInt(scaled);
  return Pack(f, false, static_cast<uint64_t>(result_exp) & ExpOnes(f),
              uint64_t{estimate & 0xff} << (f.f - 8));
}

// FPRecipStepFused (2 - a*b) and FPRSqrtStepFused ((3 - a*b) / 2): op1 is
// negated first (NaN included), then one fused multiply-add.
uint64_t StepFused(Format f, uint64_t x1, uint64_t x2, bool rsqrt, Env& env) {
  const uint32_t fpcr = env.fpcr;
  x1 ^= uint64_t{1} << (f.n - 1);
  const Value a = Unpack(f, x1, fpcr, env);
  const Value b = Unpack(f, x2, fpcr, env);
  uint64_t result;
  if (ProcessNaNs(f, a, b, x1, x2, fpcr, env, &result)) return result;
  const bool inf1 = a.type == Type::kInfinity, inf2 = b.type == Type::kInfinity;
  const bool zero1 = a.type == Type::kZero, zero2 = b.type == Type::kZero;
  if ((inf1 && zero2) || (zero1 && inf2)) return rsqrt ? OnePointFive(f, false) : Two(f, false);
  if (inf1 || inf2) return Infinity(f, a.sign != b.sign);
  const bool sign_p = a.sign != b.sign;
  const u128 mp = (zero1 || zero2) ? 0 : u128{a.m} * b.m;
  const int ep = a.e + b.e - (rsqrt ? 1 : 0);
  const Exact sum =
      rsqrt ? AddExact(false, 3, -1, sign_p, mp, ep) : AddExact(false, 1, 1, sign_p, mp, ep);
  return RoundExact(f, sum, fpcr, env);
}

uint64_t RecpxImpl(Format f, uint64_t x, Env& env) {
  const Value a = Unpack(f, x, env.fpcr, env);
  if (a.IsNaN()) return ProcessNaN(f, a.type, x, env.fpcr, env);
  const uint64_t exp = (x >> f.f) & ExpOnes(f);
  return Pack(f, a.sign, exp == 0 ? ExpOnes(f) - 1 : (~exp & ExpOnes(f)), 0);
}

}  // namespace

template <typename T>
bool IsNaN(T x) {
  constexpr Format f = FormatOf<T>();
  return ((x >> f.f) & ExpOnes(f)) == ExpOnes(f) && (x & FracMask(f)) != 0;
}
template <typename T>
bool IsSignalingNaN(T x) {
  return IsNaN(x) && (x & QuietBit(FormatOf<T>())) == 0;
}
template <typename T>
T Neg(T x) {
  return static_cast<T>(x ^ (T{1} << (sizeof(T) * 8 - 1)));
}
template <typename T>
T Abs(T x) {
  return static_cast<T>(x & ~(T{1} << (sizeof(T) * 8 - 1)));
}

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

template <typename T>
T RoundInt(T a, Round rounding, bool exact, Env& env) {
  return static_cast<T>(RoundIntImpl(FormatOf<T>(), a, rounding, exact, env));
}
template <typename T>
uint64_t ToFixed(T a, int fbits, bool is_unsigned, int int_bits, Round rounding, Env& env) {
  return ToFixedImpl(FormatOf<T>(), a, fbits, is_unsigned, int_bits, rounding, env);
}
template <typename T>
T FromFixed(uint64_t v, int fbits, bool is_unsigned, int int_bits, Round rounding, Env& env) {
  return static_cast<T>(
      FromFixedImpl(FormatOf<T>(), v, fbits, is_unsigned, int_bits, rounding, env));
}

uint64_t Convert(uint64_t a, int from_bits, int to_bits, Round rounding, Env& env) {
  const Format from = FormatOfBits(from_bits), to = FormatOfBits(to_bits);
  const uint32_t fpcr = env.fpcr;
  const bool ahp = (fpcr & kFpcrAhp) != 0;
  const bool fz = (fpcr & kFpcrFz) != 0;  // FPUnpackCV / FPRoundCV: FZ16 is off
  const Value v = UnpackBase(from, a, from.n != 16 && fz, ahp, env);
  const bool alt_hp = to.n == 16 && ahp;
  switch (v.type) {
    case Type::kQNaN:
    case Type::kSNaN: {
      uint64_t result;
      if (alt_hp) {
        result = Zero(to, v.sign);
      } else if (fpcr & kFpcrDn) {
        result = DefaultNaN(to);
      } else {
        result = ConvertNaN(from, to, a);
      }
      if (v.type == Type::kSNaN || alt_hp) env.flags |= kIoc;
      return result;
    }
    case Type::kInfinity:
      if (alt_hp) {
        env.flags |= kIoc;
        return Pack(to, v.sign, ExpOnes(to), FracMask(to));
      }
      return Infinity(to, v.sign);
    case Type::kZero:
      return Zero(to, v.sign);
    case Type::kNonzero:
      break;
  }
  return RoundBase(to, v.sign, v.m, v.e, false, rounding, to.n != 16 && fz, ahp, env);
}

template <typename T>
T RecipEstimate(T a, Env& env) {
  return static_cast<T>(RecipEstimateImpl(FormatOf<T>(), a, env));
}
template <typename T>
T RSqrtEstimate(T a, Env& env) {
  return static_cast<T>(RSqrtEstimateImpl(FormatOf<T>(), a, env));
}
template <typename T>
T RecipStepFused(T a, T b, Env& env) {
  return static_cast<T>(StepFused(FormatOf<T>(), a, b, false, env));
}
template <typename T>
T RSqrtStepFused(T a, T b, Env& env) {
  return static_cast<T>(StepFused(FormatOf<T>(), a, b, true, env));
}
template <typename T>
T Recpx(T a, Env& env) {
  return static_cast<T>(RecpxImpl(FormatOf<T>(), a, env));
}

uint32_t UnsignedRecipEstimate(uint32_t a) {
  if ((a >> 31) == 0) return 0xffffffffu;
  return RecipEstimateInt(a >> 23) << 23;
}

uint32_t UnsignedRSqrtEstimate(uint32_t a) {
  if ((a >> 30) == 0) return 0xffffffffu;
  return RecipSqrtEstimateInt(a >> 23) << 23;
}

// Single and double for the A64 instructions; half for FEAT_FP16 arithmetic
// (checked against qemu too, though the CPU does not advertise FP16 yet).
#define VMD_FP_INSTANTIATE(T)                                     \
  template bool IsNaN<T>(T);                                      \
  template bool IsSignalingNaN<T>(T);                             \
  template T Neg<T>(T);                                           \
  template T Abs<T>(T);                                           \
  template T Add<T>(T, T, Env&);                                  \
  template T Sub<T>(T, T, Env&);                                  \
  template T Mul<T>(T, T, Env&);                                  \
  template T MulX<T>(T, T, Env&);                                 \
  template T Div<T>(T, T, Env&);                                  \
  template T Sqrt<T>(T, Env&);                                    \
  template T MulAdd<T>(T, T, T, Env&);                            \
  template T Max<T>(T, T, Env&);                                  \
  template T Min<T>(T, T, Env&);                                  \
  template T MaxNum<T>(T, T, Env&);                               \
  template T MinNum<T>(T, T, Env&);                               \
  template uint32_t Compare<T>(T, T, bool, Env&);                 \
  template bool CompareEq<T>(T, T, Env&);                         \
  template bool CompareGe<T>(T, T, Env&);                         \
  template bool CompareGt<T>(T, T, Env&);                         \
  template T RoundInt<T>(T, Round, bool, Env&);                   \
  template uint64_t ToFixed<T>(T, int, bool, int, Round, Env&);   \
  template T FromFixed<T>(uint64_t, int, bool, int, Round, Env&); \
  template T RecipEstimate<T>(T, Env&);                           \
  template T RSqrtEstimate<T>(T, Env&);                           \
  template T RecipStepFused<T>(T, T, Env&);                       \
  template T RSqrtStepFused<T>(T, T, Env&);                       \
  template T Recpx<T>(T, Env&);

VMD_FP_INSTANTIATE(uint16_t)
VMD_FP_INSTANTIATE(uint32_t)
VMD_FP_INSTANTIATE(uint64_t)
#undef VMD_FP_INSTANTIATE

}  // namespace vmd::hvsoft::fp
