// The out-of-line core of fp_internal.h: FPRoundBase, FPProcessNaNs of three
// operands and exact sums; also the flag-free classification and sign ops of
// fp.h. Written from the ARM ARM pseudocode (FPRoundBase, FPProcessNaNs3).
#include <utility>

#include "engine/hv/soft/fp_internal.h"

namespace vmd::hvsoft::fp {

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

// Single and double for the A64 instructions; half for FEAT_FP16 arithmetic
// (checked against qemu too, though the CPU does not advertise FP16 yet).
#define VMD_FP_INSTANTIATE(T)         \
  template bool IsNaN<T>(T);          \
  template bool IsSignalingNaN<T>(T); \
  template T Neg<T>(T);               \
  template T Abs<T>(T);

VMD_FP_INSTANTIATE(uint16_t)
VMD_FP_INSTANTIATE(uint32_t)
VMD_FP_INSTANTIATE(uint64_t)
#undef VMD_FP_INSTANTIATE

}  // namespace vmd::hvsoft::fp
