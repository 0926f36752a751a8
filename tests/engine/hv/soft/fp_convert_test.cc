// Corner cases of the ARM-exact FP core (engine/hv/soft/fp.h), expected values
// by hand from the ARM ARM pseudocode: half-precision and AHP, to and from fixed
// point, reciprocal (square-root) estimates and steps, FMULX, compares, sqrt.
#include "tests/engine/hv/soft/fp_corner.h"

namespace vmd::hvsoft::fp {
namespace {

TEST(FpConvert, HalfPrecisionAndAhp) {
  Expect<uint64_t>(
      0, [](Env& e) { return Convert(S(1.0f), 32, 16, Round::kNearestEven, e); }, 0x3c00, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Convert(S(65504.0f), 32, 16, Round::kNearestEven, e); }, 0x7bff, 0);
  // 2^16: beyond IEEE half (infinity, OFC|IXC), exactly 0x7c00 in the
  // alternative format; 2^17 is beyond that too: IOC, no IXC.
  Expect<uint64_t>(
      0, [](Env& e) { return Convert(S(65536.0f), 32, 16, Round::kNearestEven, e); }, 0x7c00,
      kOfc | kIxc);
  Expect<uint64_t>(
      kFpcrAhp, [](Env& e) { return Convert(S(65536.0f), 32, 16, Round::kNearestEven, e); }, 0x7c00,
      0);
  Expect<uint64_t>(
      kFpcrAhp, [](Env& e) { return Convert(S(131072.0f), 32, 16, Round::kNearestEven, e); },
      0x7fff, kIoc);
  Expect<uint64_t>(
      kFpcrAhp, [](Env& e) { return Convert(kInfD, 64, 16, Round::kNearestEven, e); }, 0x7fff,
      kIoc);
  Expect<uint64_t>(
      kFpcrAhp, [](Env& e) { return Convert(0xffc00000, 32, 16, Round::kNearestEven, e); }, 0x8000,
      kIoc);
  // From the alternative format, all-ones exponents are numbers.
  Expect<uint64_t>(
      kFpcrAhp, [](Env& e) { return Convert(0x7e00, 16, 32, Round::kNearestEven, e); }, S(98304.0f),
      0);
  Expect<uint64_t>(
      0, [](Env& e) { return Convert(0x7e00, 16, 32, Round::kNearestEven, e); }, kDefaultNaNS, 0);
  // A signaling half NaN: quieted, payload's top bits carried (IOC).
  Expect<uint64_t>(
      0, [](Env& e) { return Convert(0x7d00, 16, 32, Round::kNearestEven, e); }, 0x7fe00000, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return Convert(0x7ff4000000000000, 64, 16, Round::kZero, e); }, 0x7f00, kIoc);
  // FZ does not flush half precision (FZ16 governs that), but does flush the
  // single-precision source.
  Expect<uint64_t>(
      kFpcrFz, [](Env& e) { return Convert(0x0001, 16, 32, Round::kNearestEven, e); }, S(0x1p-24f),
      0);
  Expect<uint64_t>(
      kFpcrFz, [](Env& e) { return Convert(S(0x1p-24f), 32, 16, Round::kNearestEven, e); }, 0x0001,
      0);
  Expect<uint64_t>(
      kFpcrFz, [](Env& e) { return Convert(0x80000001, 32, 16, Round::kNearestEven, e); }, 0x8000,
      kIdc);
  // Double to single flushes a tiny result under FZ.
  Expect<uint64_t>(
      kFpcrFz, [](Env& e) { return Convert(D(0x1p-130), 64, 32, Round::kNearestEven, e); }, 0,
      kUfc);
  Expect<uint64_t>(
      0, [](Env& e) { return Convert(D(0x1p-130), 64, 32, Round::kNearestEven, e); }, S(0x1p-130f),
      0);
}

TEST(FpToFixed, SaturatesWithIoc) {
  auto s32 = [](uint64_t v, Round r = Round::kZero) {
    return [v, r](Env& e) { return ToFixed<uint64_t>(v, 0, false, 32, r, e); };
  };
  Expect<uint64_t>(0, s32(kInfD), 0x7fffffff, kIoc);
  Expect<uint64_t>(0, s32(kInfD | (1ull << 63)), 0xffffffff80000000, kIoc);
  Expect<uint64_t>(0, s32(kQNaN1), 0, kIoc);
  Expect<uint64_t>(0, s32(kSNaN3), 0, kIoc);
  Expect<uint64_t>(0, s32(D(2147483648.0)), 0x7fffffff, kIoc);
  Expect<uint64_t>(0, s32(D(2147483647.5)), 0x7fffffff, kIxc);
  Expect<uint64_t>(0, s32(D(2147483647.5), Round::kNearestEven), 0x7fffffff, kIoc);
  Expect<uint64_t>(0, s32(D(-2147483648.9)), 0xffffffff80000000, kIxc);
  Expect<uint64_t>(0, s32(D(-2147483649.0)), 0xffffffff80000000, kIoc);
  Expect<uint64_t>(0, s32(D(-2.5), Round::kNearestAway), static_cast<uint64_t>(-3), kIxc);
  Expect<uint64_t>(0, s32(D(-2.5), Round::kNearestEven), static_cast<uint64_t>(-2), kIxc);
  auto u = [](uint64_t v, int bits, Round r = Round::kZero) {
    return [v, bits, r](Env& e) { return ToFixed<uint64_t>(v, 0, true, bits, r, e); };
  };
  Expect<uint64_t>(0, u(D(-0.5), 32), 0, kIxc);  // rounds to 0 first: in range
  Expect<uint64_t>(0, u(D(-0.5), 32, Round::kMinusInf), 0, kIoc);
  Expect<uint64_t>(0, u(D(-1.0), 64), 0, kIoc);
  Expect<uint64_t>(0, u(D(4294967295.0), 32), 0xffffffff, 0);
  Expect<uint64_t>(0, u(D(4294967296.0), 32), 0xffffffff, kIoc);
  Expect<uint64_t>(0, u(D(0x1p64), 64), ~0ull, kIoc);
  Expect<uint64_t>(0, u(D(0x1.fffffffffffffp63), 64), 0xfffffffffffff800, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return ToFixed<uint64_t>(D(0x1p63), 0, false, 64, Round::kZero, e); },
      0x7fffffffffffffff, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return ToFixed<uint64_t>(D(-0x1p63), 0, false, 64, Round::kZero, e); },
      0x8000000000000000, 0);
  // Fixed point: 1.5 * 2^4; FZ flushes a denormal to 0 (IDC, no IXC).
  Expect<uint64_t>(
      0, [](Env& e) { return ToFixed<uint32_t>(S(1.5f), 4, false, 32, Round::kZero, e); }, 24, 0);
  Expect<uint64_t>(
      kFpcrFz,
      [](Env& e) { return ToFixed<uint64_t>(kMinDenormD, 0, false, 64, Round::kPlusInf, e); }, 0,
      kIdc);
  Expect<uint64_t>(
      0, [](Env& e) { return ToFixed<uint64_t>(kMinDenormD, 0, false, 64, Round::kPlusInf, e); }, 1,
      kIxc);
}

TEST(FpFromFixed, RoundsAndScales) {
  Expect<uint32_t>(
      0,
      [](Env& e) { return FromFixed<uint32_t>(0x80000000, 0, false, 32, Round::kNearestEven, e); },
      S(-2147483648.0f), 0);
  Expect<uint32_t>(
      0, [](Env& e) { return FromFixed<uint32_t>(~0ull, 0, true, 64, Round::kNearestEven, e); },
      S(0x1p64f), kIxc);
  Expect<uint32_t>(
      0, [](Env& e) { return FromFixed<uint32_t>(~0ull, 0, true, 64, Round::kZero, e); },
      0x5f7fffff, kIxc);
  Expect<uint64_t>(
      0, [](Env& e) { return FromFixed<uint64_t>(1, 64, false, 64, Round::kNearestEven, e); },
      D(0x1p-64), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return FromFixed<uint64_t>(~0ull, 0, false, 64, Round::kNearestEven, e); },
      D(-1.0), 0);
  Expect<uint64_t>(
      kRm, [](Env& e) { return FromFixed<uint64_t>(0, 3, false, 64, Round::kMinusInf, e); }, D(0.0),
      0);
}

TEST(FpEstimate, RecipEstimate) {
  // 1.0: scaled 256 -> estimate 511 -> 0.998046875.
  Expect<uint32_t>(
      0, [](Env& e) { return RecipEstimate<uint32_t>(S(1.0f), e); }, 0x3f7f8000, 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RecipEstimate<uint32_t>(S(-2.0f), e); }, 0xbeff8000, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return RecipEstimate<uint64_t>(D(1.0), e); }, 0x3feff00000000000, 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RecipEstimate<uint32_t>(S(0.0f), e); }, 0x7f800000, kDzc);
  Expect<uint32_t>(
      0, [](Env& e) { return RecipEstimate<uint32_t>(S(-0.0f), e); }, 0xff800000, kDzc);
  Expect<uint32_t>(
      0, [](Env& e) { return RecipEstimate<uint32_t>(0x7f800000, e); }, 0, 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RecipEstimate<uint32_t>(0xff800000, e); }, 0x80000000, 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RecipEstimate<uint32_t>(0x7fc00005, e); }, 0x7fc00005, 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RecipEstimate<uint32_t>(0x7f800005, e); }, 0x7fc00005, kIoc);
  // Denormals: below 2^-128 the reciprocal overflows (by rounding mode).
  Expect<uint32_t>(
      0, [](Env& e) { return RecipEstimate<uint32_t>(1, e); }, 0x7f800000, kOfc | kIxc);
  Expect<uint32_t>(
      kRz, [](Env& e) { return RecipEstimate<uint32_t>(1, e); }, 0x7f7fffff, kOfc | kIxc);
  Expect<uint32_t>(
      kRp, [](Env& e) { return RecipEstimate<uint32_t>(0x80000001, e); }, 0xff7fffff, kOfc | kIxc);
  // 2^-127: fraction<51> set, scaled 256, result exponent 253.
  Expect<uint32_t>(
      0, [](Env& e) { return RecipEstimate<uint32_t>(0x00400000, e); }, 0x7eff8000, 0);
  Expect<uint32_t>(
      kFpcrFz, [](Env& e) { return RecipEstimate<uint32_t>(0x00400000, e); }, 0x7f800000,
      kIdc | kDzc);
  // 2^127: a denormal estimate, or flushed (UFC) under FZ.
  Expect<uint32_t>(
      0, [](Env& e) { return RecipEstimate<uint32_t>(0x7f000000, e); }, 0x003fe000, 0);
  Expect<uint32_t>(
      kFpcrFz, [](Env& e) { return RecipEstimate<uint32_t>(0x7f000000, e); }, 0, kUfc);
  Expect<uint64_t>(
      0, [](Env&) { return UnsignedRecipEstimate(0x80000000); }, 0xff800000, 0);
  Expect<uint64_t>(
      0, [](Env&) { return UnsignedRecipEstimate(0x7fffffff); }, 0xffffffff, 0);
}

TEST(FpEstimate, RSqrtEstimate) {
  // 1.0 (odd exponent): scaled 128 -> 511; 2.0 (even): scaled 256 -> 361.
  Expect<uint32_t>(
      0, [](Env& e) { return RSqrtEstimate<uint32_t>(S(1.0f), e); }, 0x3f7f8000, 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RSqrtEstimate<uint32_t>(S(4.0f), e); }, 0x3eff8000, 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RSqrtEstimate<uint32_t>(S(2.0f), e); }, 0x3f348000, 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RSqrtEstimate<uint32_t>(S(-1.0f), e); }, kDefaultNaNS, kIoc);
  Expect<uint32_t>(
      0, [](Env& e) { return RSqrtEstimate<uint32_t>(S(-0.0f), e); }, 0xff800000, kDzc);
  Expect<uint32_t>(
      0, [](Env& e) { return RSqrtEstimate<uint32_t>(0x7f800000, e); }, 0, 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RSqrtEstimate<uint32_t>(0xff800000, e); }, kDefaultNaNS, kIoc);
  // 2^-149: normalized to exponent -22 (even), 1/sqrt = 2^74.5.
  Expect<uint32_t>(
      0, [](Env& e) { return RSqrtEstimate<uint32_t>(1, e); }, 0x64b48000, 0);
  Expect<uint32_t>(
      kFpcrFz, [](Env& e) { return RSqrtEstimate<uint32_t>(1, e); }, 0x7f800000, kIdc | kDzc);
  Expect<uint64_t>(
      0, [](Env&) { return UnsignedRSqrtEstimate(0x40000000); }, 0xff800000, 0);
  Expect<uint64_t>(
      0, [](Env&) { return UnsignedRSqrtEstimate(0x3fffffff); }, 0xffffffff, 0);
}

TEST(FpEstimate, StepsAndRecpx) {
  Expect<uint32_t>(
      0, [](Env& e) { return RecipStepFused<uint32_t>(0x7f800000, 0, e); }, S(2.0f), 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RecipStepFused<uint32_t>(0x80000000, 0xff800000, e); }, S(2.0f), 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RSqrtStepFused<uint32_t>(0, 0x7f800000, e); }, S(1.5f), 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RecipStepFused<uint32_t>(S(2.0f), S(0.5f), e); }, S(1.0f), 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RSqrtStepFused<uint32_t>(S(1.0f), S(1.0f), e); }, S(1.0f), 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RecipStepFused<uint32_t>(S(1.0f), S(2.0f), e); }, S(0.0f), 0);
  Expect<uint32_t>(
      kRm, [](Env& e) { return RecipStepFused<uint32_t>(S(1.0f), S(2.0f), e); }, S(-0.0f), 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RecipStepFused<uint32_t>(0x7f800000, S(2.0f), e); }, 0xff800000, 0);
  // op1 is negated before NaN processing (FPNeg), NaNs included.
  Expect<uint32_t>(
      0, [](Env& e) { return RecipStepFused<uint32_t>(0x7fc00001, S(1.0f), e); }, 0xffc00001, 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RSqrtStepFused<uint32_t>(S(1.0f), 0x7fc00002, e); }, 0x7fc00002, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Recpx<uint64_t>(D(1.0), e); }, D(2.0), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Recpx<uint64_t>(D(-0.0), e); }, 0xffe0000000000000, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Recpx<uint64_t>(kMinDenormD, e); }, 0x7fe0000000000000, 0);
  Expect<uint64_t>(
      kFpcrFz, [](Env& e) { return Recpx<uint64_t>(kMinDenormD, e); }, 0x7fe0000000000000, kIdc);
  Expect<uint64_t>(
      0, [](Env& e) { return Recpx<uint64_t>(kInfD, e); }, 0, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Recpx<uint64_t>(kSNaN3, e); }, kSNaN3Quiet, kIoc);
}

TEST(FpMulX, ZeroTimesInfinityIsTwo) {
  Expect<uint64_t>(
      0, [](Env& e) { return MulX<uint64_t>(D(0.0), kInfD, e); }, D(2.0), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return MulX<uint64_t>(kInfD | (1ull << 63), D(0.0), e); }, D(-2.0), 0);
  Expect<uint32_t>(
      0, [](Env& e) { return MulX<uint32_t>(S(3.0f), S(-0.5f), e); }, S(-1.5f), 0);
}

TEST(FpCompare, NzcvAndSignaling) {
  auto cmp = [](uint64_t a, uint64_t b, bool sig) {
    return [=](Env& e) { return Compare<uint64_t>(a, b, sig, e); };
  };
  Expect<uint32_t>(0, cmp(D(1.0), D(2.0), false), 0x80000000, 0);
  Expect<uint32_t>(0, cmp(D(2.0), D(1.0), false), 0x20000000, 0);
  Expect<uint32_t>(0, cmp(D(0.0), D(-0.0), false), 0x60000000, 0);
  Expect<uint32_t>(0, cmp(kQNaN1, D(1.0), false), 0x30000000, 0);
  Expect<uint32_t>(0, cmp(kQNaN1, D(1.0), true), 0x30000000, kIoc);
  Expect<uint32_t>(0, cmp(D(1.0), kSNaN3, false), 0x30000000, kIoc);
  Expect<uint32_t>(kFpcrFz, cmp(kMinDenormD, D(0.0), false), 0x60000000, kIdc);
  Expect<uint32_t>(0, cmp(kMinDenormD, D(0.0), false), 0x20000000, 0);
  Expect<bool>(
      0, [](Env& e) { return CompareEq<uint64_t>(kQNaN1, kQNaN1, e); }, false, 0);
  Expect<bool>(
      0, [](Env& e) { return CompareEq<uint64_t>(kSNaN3, D(1.0), e); }, false, kIoc);
  Expect<bool>(
      0, [](Env& e) { return CompareGe<uint64_t>(kQNaN1, D(1.0), e); }, false, kIoc);
  Expect<bool>(
      0, [](Env& e) { return CompareGe<uint64_t>(D(-0.0), D(0.0), e); }, true, 0);
  Expect<bool>(
      0, [](Env& e) { return CompareGt<uint32_t>(0xff800000, S(-1e30f), e); }, false, 0);
}

TEST(FpSqrt, ExactAndRounded) {
  Expect<uint64_t>(
      0, [](Env& e) { return Sqrt<uint64_t>(D(4.0), e); }, D(2.0), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Sqrt<uint64_t>(D(2.0), e); }, 0x3ff6a09e667f3bcd, kIxc);
  // sqrt(2) = 1.41421356237309504..., between ...bcc and ...bcd (nearer).
  Expect<uint64_t>(
      kRz, [](Env& e) { return Sqrt<uint64_t>(D(2.0), e); }, 0x3ff6a09e667f3bcc, kIxc);
  Expect<uint64_t>(
      kRp, [](Env& e) { return Sqrt<uint64_t>(D(2.0), e); }, 0x3ff6a09e667f3bcd, kIxc);
  Expect<uint64_t>(
      0, [](Env& e) { return Sqrt<uint64_t>(kMinDenormD, e); }, D(0x1p-537), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Sqrt<uint64_t>(kInfD, e); }, kInfD, 0);
}

}  // namespace
}  // namespace vmd::hvsoft::fp
