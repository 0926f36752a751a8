// FP reciprocal and reciprocal square root estimates (FRECPE, FRSQRTE,
// URECPE, URSQRTE), their Newton-Raphson steps (FRECPS, FRSQRTS) and FRECPX
// of fp.h, from the ARM ARM pseudocode on fp_internal.h.
#include "engine/hv/soft/fp_internal.h"

namespace vmd::hvsoft::fp {
namespace {

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

#define VMD_FP_INSTANTIATE(T)               \
  template T RecipEstimate<T>(T, Env&);     \
  template T RSqrtEstimate<T>(T, Env&);     \
  template T RecipStepFused<T>(T, T, Env&); \
  template T RSqrtStepFused<T>(T, T, Env&); \
  template T Recpx<T>(T, Env&);

VMD_FP_INSTANTIATE(uint16_t)
VMD_FP_INSTANTIATE(uint32_t)
VMD_FP_INSTANTIATE(uint64_t)
#undef VMD_FP_INSTANTIATE

}  // namespace vmd::hvsoft::fp
