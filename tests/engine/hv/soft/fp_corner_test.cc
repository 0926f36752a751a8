// Corner cases of the ARM-exact FP core (engine/hv/soft/fp.h) that the ARM ARM
// pseudocode spells out, expected values derived from it by hand: max/min and
// their Num forms, NaN propagation and default NaN, fused multiply-add, rounding
// modes and round to odd, flush to zero, underflow.
#include "tests/engine/hv/soft/fp_corner.h"

namespace vmd::hvsoft::fp {
namespace {

TEST(FpMaxMin, ZerosOfBothSigns) {
  Expect<uint64_t>(
      0, [](Env& e) { return Max<uint64_t>(D(0.0), D(-0.0), e); }, D(0.0), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Max<uint64_t>(D(-0.0), D(0.0), e); }, D(0.0), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Min<uint64_t>(D(0.0), D(-0.0), e); }, D(-0.0), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Min<uint64_t>(D(-0.0), D(0.0), e); }, D(-0.0), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return MaxNum<uint64_t>(D(-0.0), D(0.0), e); }, D(0.0), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return MinNum<uint64_t>(D(0.0), D(-0.0), e); }, D(-0.0), 0);
  // FZ: a denormal is a zero of its sign (IDC), the zero rule then applies.
  Expect<uint64_t>(
      kFpcrFz, [](Env& e) { return Max<uint64_t>(0x8000000000000001, D(-0.0), e); }, D(-0.0), kIdc);
  Expect<uint64_t>(
      kFpcrFz, [](Env& e) { return Min<uint64_t>(kMinDenormD, D(-1.0), e); }, D(-1.0), kIdc);
}

TEST(FpMaxMin, NaNsPropagateSignalingFirst) {
  Expect<uint64_t>(
      0, [](Env& e) { return Max<uint64_t>(kQNaN1, D(1.0), e); }, kQNaN1, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Min<uint64_t>(D(1.0), kQNaN2, e); }, kQNaN2, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Max<uint64_t>(D(1.0), kSNaN3, e); }, kSNaN3Quiet, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return Min<uint64_t>(kQNaN1, kSNaN3, e); }, kSNaN3Quiet, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return Max<uint64_t>(kQNaN1, kQNaN2, e); }, kQNaN1, 0);
}

TEST(FpMaxMin, NumVariantsDropOneQuietNaN) {
  Expect<uint64_t>(
      0, [](Env& e) { return MaxNum<uint64_t>(kQNaN1, D(1.0), e); }, D(1.0), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return MaxNum<uint64_t>(D(-3.0), kQNaN1, e); }, D(-3.0), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return MinNum<uint64_t>(kQNaN1, D(1.0), e); }, D(1.0), 0);
  // The NaN becomes the infinity that loses, so an infinity operand still wins.
  Expect<uint64_t>(
      0, [](Env& e) { return MaxNum<uint64_t>(kQNaN1, kInfD | (1ull << 63), e); },
      kInfD | (1ull << 63), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return MinNum<uint64_t>(kInfD, kQNaN2, e); }, kInfD, 0);
  // Two quiet NaNs, or any signaling NaN: as FMAX.
  Expect<uint64_t>(
      0, [](Env& e) { return MaxNum<uint64_t>(kQNaN1, kQNaN2, e); }, kQNaN1, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return MaxNum<uint64_t>(kSNaN3, D(1.0), e); }, kSNaN3Quiet, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return MinNum<uint64_t>(kQNaN1, kSNaN3, e); }, kSNaN3Quiet, kIoc);
  Expect<uint64_t>(
      kFpcrDn, [](Env& e) { return MinNum<uint64_t>(kQNaN1, kSNaN3, e); }, kDefaultNaND, kIoc);
  Expect<uint32_t>(
      0, [](Env& e) { return MaxNum<uint32_t>(0x7fc00001, S(2.0f), e); }, S(2.0f), 0);
}

TEST(FpNaN, DefaultNaNUnderDn) {
  Expect<uint64_t>(
      kFpcrDn, [](Env& e) { return Add<uint64_t>(kQNaN1, D(1.0), e); }, kDefaultNaND, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Add<uint64_t>(kQNaN1, D(1.0), e); }, kQNaN1, 0);
  Expect<uint64_t>(
      kFpcrDn, [](Env& e) { return Mul<uint64_t>(D(2.0), kSNaN3, e); }, kDefaultNaND, kIoc);
  Expect<uint32_t>(
      kFpcrDn, [](Env& e) { return Div<uint32_t>(0xffc00123, S(1.0f), e); }, kDefaultNaNS, 0);
  Expect<uint64_t>(
      kFpcrDn, [](Env& e) { return Sqrt<uint64_t>(kQNaN2, e); }, kDefaultNaND, 0);
  // Invalid operations give the default NaN with or without DN.
  Expect<uint64_t>(
      0, [](Env& e) { return Sub<uint64_t>(kInfD, kInfD, e); }, kDefaultNaND, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return Mul<uint64_t>(D(0.0), kInfD, e); }, kDefaultNaND, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return Div<uint64_t>(D(-0.0), D(0.0), e); }, kDefaultNaND, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return Sqrt<uint64_t>(D(-1.0), e); }, kDefaultNaND, kIoc);
  Expect<uint32_t>(
      0, [](Env& e) { return Sqrt<uint32_t>(S(-0.0f), e); }, S(-0.0f), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Div<uint64_t>(D(-1.0), D(0.0), e); }, kInfD | (1ull << 63), kDzc);
  Expect<uint64_t>(
      0, [](Env& e) { return Div<uint64_t>(kInfD, D(0.0), e); }, kInfD, 0);
}

TEST(FpNaN, PropagationOrder) {
  Expect<uint64_t>(
      0, [](Env& e) { return Add<uint64_t>(kQNaN1, kSNaN3, e); }, kSNaN3Quiet, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return Add<uint64_t>(kQNaN1, kQNaN2, e); }, kQNaN1, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Add<uint64_t>(D(1.0), kQNaN2, e); }, kQNaN2, 0);
  // FSUB does not negate a NaN operand; the sign of a NaN is kept.
  Expect<uint64_t>(
      0, [](Env& e) { return Sub<uint64_t>(D(1.0), kQNaN2, e); }, kQNaN2, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Mul<uint64_t>(kQNaN1 | (1ull << 63), D(1.0), e); },
      kQNaN1 | (1ull << 63), 0);
}

TEST(FpMulAdd, NaNOrderIsAddendFirst) {
  Expect<uint64_t>(
      0, [](Env& e) { return MulAdd<uint64_t>(kQNaN1, kQNaN2, D(1.0), e); }, kQNaN1, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return MulAdd<uint64_t>(kQNaN1, D(1.0), kSNaN3, e); }, kSNaN3Quiet, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return MulAdd<uint64_t>(D(1.0), kQNaN2, kQNaN1, e); }, kQNaN2, 0);
}

TEST(FpMulAdd, InfTimesZeroPlusQuietNaNIsInvalid) {
  Expect<uint64_t>(
      0, [](Env& e) { return MulAdd<uint64_t>(kQNaN1, kInfD, D(0.0), e); }, kDefaultNaND, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return MulAdd<uint64_t>(kQNaN1, D(-0.0), kInfD, e); }, kDefaultNaND, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return MulAdd<uint64_t>(D(1.0), kInfD, D(0.0), e); }, kDefaultNaND, kIoc);
  // inf + (-inf): invalid; inf + finite product: the infinity.
  Expect<uint64_t>(
      0, [](Env& e) { return MulAdd<uint64_t>(kInfD, kInfD, D(-1.0), e); }, kDefaultNaND, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return MulAdd<uint64_t>(kInfD, D(2.0), D(-1.0), e); }, kInfD, 0);
}

TEST(FpMulAdd, ZeroSigns) {
  // Same-signed zeros keep their sign; an exact zero of opposite signs is
  // +0, or -0 when rounding towards minus infinity.
  Expect<uint64_t>(
      0, [](Env& e) { return MulAdd<uint64_t>(D(-0.0), D(0.0), D(-5.0), e); }, D(-0.0), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return MulAdd<uint64_t>(D(0.0), D(0.0), D(-5.0), e); }, D(0.0), 0);
  Expect<uint64_t>(
      kRm, [](Env& e) { return MulAdd<uint64_t>(D(0.0), D(0.0), D(-5.0), e); }, D(-0.0), 0);
  Expect<uint64_t>(
      kRm, [](Env& e) { return MulAdd<uint64_t>(D(-6.0), D(2.0), D(3.0), e); }, D(-0.0), 0);
}

TEST(FpMulAdd, RoundsOnce) {
  // (1 + 2^-30)^2 = 1 + 2^-29 + 2^-60: the product alone rounds the 2^-60 away.
  const uint64_t a = D(1.0 + 0x1p-30), addend = D(-(1.0 + 0x1p-29));
  Expect<uint64_t>(
      0, [&](Env& e) { return MulAdd<uint64_t>(addend, a, a, e); }, D(0x1p-60), 0);
  Expect<uint64_t>(
      0, [&](Env& e) { return Add<uint64_t>(addend, Mul<uint64_t>(a, a, e), e); }, D(0.0), kIxc);
  const uint32_t as = S(1.0f + 0x1p-13f), addend_s = S(-(1.0f + 0x1p-12f));
  Expect<uint32_t>(
      0, [&](Env& e) { return MulAdd<uint32_t>(addend_s, as, as, e); }, S(0x1p-26f), 0);
}

TEST(FpRound, EveryModeOnHalfwayCases) {
  const uint64_t one = D(1.0), half_ulp = D(0x1p-53), next = D(1.0 + 0x1p-52);
  struct Case {
    uint32_t fpcr;
    uint64_t even_case, odd_case, neg_case;  // 1 + h, (1 + ulp) + h, -1 - h
  };
  const Case cases[] = {
      {0, one, D(1.0 + 0x1p-51), D(-1.0)},
      {kRp, next, D(1.0 + 0x1p-51), D(-1.0)},
      {kRm, one, next, D(-1.0 - 0x1p-52)},
      {kRz, one, next, D(-1.0)},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.fpcr);
    Expect<uint64_t>(
        c.fpcr, [&](Env& e) { return Add<uint64_t>(one, half_ulp, e); }, c.even_case, kIxc);
    Expect<uint64_t>(
        c.fpcr, [&](Env& e) { return Add<uint64_t>(next, half_ulp, e); }, c.odd_case, kIxc);
    Expect<uint64_t>(
        c.fpcr, [&](Env& e) { return Sub<uint64_t>(D(-1.0), half_ulp, e); }, c.neg_case, kIxc);
  }
}

TEST(FpRound, RoundIntHalfwayAndSigns) {
  struct Case {
    Round mode;
    double pos, neg;  // 2.5, -2.5
  };
  const Case cases[] = {{Round::kNearestEven, 2.0, -2.0},
                        {Round::kNearestAway, 3.0, -3.0},
                        {Round::kPlusInf, 3.0, -2.0},
                        {Round::kMinusInf, 2.0, -3.0},
                        {Round::kZero, 2.0, -2.0}};
  for (const Case& c : cases) {
    SCOPED_TRACE(static_cast<int>(c.mode));
    Expect<uint64_t>(
        0, [&](Env& e) { return RoundInt<uint64_t>(D(2.5), c.mode, true, e); }, D(c.pos), kIxc);
    Expect<uint64_t>(
        0, [&](Env& e) { return RoundInt<uint64_t>(D(-2.5), c.mode, false, e); }, D(c.neg), 0);
  }
  // A result of zero keeps the operand's sign.
  Expect<uint64_t>(
      0, [](Env& e) { return RoundInt<uint64_t>(D(-0.4), Round::kNearestEven, true, e); }, D(-0.0),
      kIxc);
  Expect<uint32_t>(
      0, [](Env& e) { return RoundInt<uint32_t>(S(0.7f), Round::kMinusInf, true, e); }, S(0.0f),
      kIxc);
  Expect<uint32_t>(
      0, [](Env& e) { return RoundInt<uint32_t>(S(-0.7f), Round::kPlusInf, true, e); }, S(-0.0f),
      kIxc);
  Expect<uint32_t>(
      0, [](Env& e) { return RoundInt<uint32_t>(S(0x1p30f), Round::kZero, true, e); }, S(0x1p30f),
      0);
}

TEST(FpRound, ToOdd) {
  // FCVTXN: double to single, truncate and set the last bit when inexact.
  Expect<uint64_t>(
      0, [](Env& e) { return Convert(D(1.0 + 0x1p-30), 64, 32, Round::kOdd, e); }, 0x3f800001,
      kIxc);
  Expect<uint64_t>(
      0, [](Env& e) { return Convert(D(-1.0 - 0x1p-30), 64, 32, Round::kOdd, e); }, 0xbf800001,
      kIxc);
  Expect<uint64_t>(
      0, [](Env& e) { return Convert(D(1.5), 64, 32, Round::kOdd, e); }, S(1.5f), 0);
  // (1 + 2^-22) + 2^-30 truncates to 1 + 2^-22, whose last bit is 0: set.
  Expect<uint64_t>(
      0, [](Env& e) { return Convert(D(1.0 + 0x1p-22 + 0x1p-30), 64, 32, Round::kOdd, e); },
      S(1.0f + 0x1p-22f + 0x1p-23f), kIxc);
  // Overflow never rounds to infinity: the largest normal.
  Expect<uint64_t>(
      0, [](Env& e) { return Convert(D(1e300), 64, 32, Round::kOdd, e); }, 0x7f7fffff, kOfc | kIxc);
}

TEST(FpFlushToZero, InputsRaiseIdcOutputsRaiseUfc) {
  // Input flush: the denormal addend counts as zero; the sum is exact.
  Expect<uint64_t>(
      kFpcrFz, [](Env& e) { return Add<uint64_t>(kMinDenormD, D(1.0), e); }, D(1.0), kIdc);
  Expect<uint64_t>(
      0, [](Env& e) { return Add<uint64_t>(kMinDenormD, D(1.0), e); }, D(1.0), kIxc);
  // Output flush: a denormal result becomes a zero of its sign, UFC, no IXC.
  Expect<uint64_t>(
      kFpcrFz, [](Env& e) { return Mul<uint64_t>(D(0x1p-1000), D(-0x1p-30), e); }, D(-0.0), kUfc);
  // Flush looks at the value before rounding: this one would round up to the
  // smallest normal, but is below it.
  const uint64_t below_one = 0x3fefffffffffffff;  // 1 - 2^-53
  Expect<uint64_t>(
      kFpcrFz, [&](Env& e) { return Mul<uint64_t>(below_one, kMinNormalD, e); }, D(0.0), kUfc);
  Expect<uint32_t>(
      kFpcrFz, [](Env& e) { return Sub<uint32_t>(S(0x1.8p-126f), S(0x1p-126f), e); }, S(0.0f),
      kUfc);
}

TEST(FpUnderflow, TinyBeforeRoundingAndOnlyWhenInexact) {
  // (1 - 2^-53) * 2^-1022 is 2^52 - 1/2 denormal units: rounds (to even) up to
  // the smallest normal, yet was tiny before rounding: UFC with IXC.
  const uint64_t below_one = 0x3fefffffffffffff;
  Expect<uint64_t>(
      0, [&](Env& e) { return Mul<uint64_t>(below_one, kMinNormalD, e); }, kMinNormalD,
      kUfc | kIxc);
  Expect<uint64_t>(
      kRz, [&](Env& e) { return Mul<uint64_t>(below_one, kMinNormalD, e); }, kMinNormalD - 1,
      kUfc | kIxc);
  // An exact denormal result raises nothing.
  Expect<uint64_t>(
      0, [](Env& e) { return Mul<uint64_t>(D(0x1p-1000), D(0x1p-30), e); }, D(0x1p-1030), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Sub<uint64_t>(D(0x1.8p-1022), kMinNormalD, e); }, D(0x1p-1023), 0);
  // Half the smallest denormal: a tie, rounds to even (zero).
  Expect<uint64_t>(
      0, [](Env& e) { return Div<uint64_t>(kMinDenormD, D(2.0), e); }, D(0.0), kUfc | kIxc);
  Expect<uint64_t>(
      kRp, [](Env& e) { return Div<uint64_t>(kMinDenormD, D(2.0), e); }, kMinDenormD, kUfc | kIxc);
  // Overflow: infinity or the largest normal by rounding mode, with IXC.
  Expect<uint64_t>(
      0, [](Env& e) { return Mul<uint64_t>(D(0x1p1000), D(0x1p30), e); }, kInfD, kOfc | kIxc);
  Expect<uint64_t>(
      kRz, [](Env& e) { return Mul<uint64_t>(D(0x1p1000), D(-0x1p30), e); }, 0xffefffffffffffff,
      kOfc | kIxc);
}

}  // namespace
}  // namespace vmd::hvsoft::fp
