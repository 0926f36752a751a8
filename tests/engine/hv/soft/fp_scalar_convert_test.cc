// Scalar FP compares (FCMP/FCMPE/FCCMP, NZCV), FCSEL and FMOV immediate, and
// conversions (FCVT* to integer, SCVTF/UCVTF, fixed point, FMOV to and from
// general registers) on the soft CPU, through the hv API.

#include "tests/engine/hv/soft/fp_scalar_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

// ---- compares, conditional compare and select --------------------------------

TEST_F(FpScalarTest, FcmpSetsNzcv) {
  SetD(1, D(1.0));
  SetD(2, D(2.0));
  SetD(3, 0x7FF8000000000000);
  EXPECT_EQ(Flags({0x1e622020}), 0u);  // fcmp d1, d2
  EXPECT_EQ(Nzcv(), kNzcvLess);
  EXPECT_EQ(Flags({0x1e612040}), 0u);  // fcmp d2, d1
  EXPECT_EQ(Nzcv(), kNzcvGreater);
  EXPECT_EQ(Flags({0x1e612020}), 0u);  // fcmp d1, d1
  EXPECT_EQ(Nzcv(), kNzcvEqual);
  EXPECT_EQ(Flags({0x1e632020}), 0u);  // fcmp d1, d3
  EXPECT_EQ(Nzcv(), kNzcvUnordered);
  // The flags reach NZCV as MRS sees it.
  Exec({0x1e612040, kMrsNzcvX0});  // fcmp d2, d1
  EXPECT_EQ(X(0), 0x20000000u);
  SetS(4, F(-0.0f));
  SetS(5, F(-1.0f));
  EXPECT_EQ(Flags({0x1e202088}), 0u);  // fcmp s4, #0.0
  EXPECT_EQ(Nzcv(), kNzcvEqual);
  EXPECT_EQ(Flags({0x1e2020b8}), 0u);  // fcmpe s5, #0.0
  EXPECT_EQ(Nzcv(), kNzcvLess);
  SetS(6, F(__builtin_inff()));
  EXPECT_EQ(Flags({0x1e2620c0}), 0u);  // fcmp s6, s6
  EXPECT_EQ(Nzcv(), kNzcvEqual);
  EXPECT_EQ(Flags({0x1e2520d0}), 0u);  // fcmpe s6, s5
  EXPECT_EQ(Nzcv(), kNzcvGreater);
}

TEST_F(FpScalarTest, FcmpeSignalsOnQuietNansFcmpOnlyOnSignaling) {
  SetD(1, D(1.0));
  SetD(3, 0x7FF8000000000000);  // quiet
  SetD(4, 0x7FF0000000000001);  // signaling
  SetS(5, 0x7FC00000);
  EXPECT_EQ(Flags({0x1e632020}), 0u);    // fcmp d1, d3
  EXPECT_EQ(Flags({0x1e632030}), kIoc);  // fcmpe d1, d3
  EXPECT_EQ(Nzcv(), kNzcvUnordered);
  EXPECT_EQ(Flags({0x1e612080}), kIoc);  // fcmp d4, d1
  EXPECT_EQ(Nzcv(), kNzcvUnordered);
  EXPECT_EQ(Flags({0x1e2020a8}), 0u);  // fcmp s5, #0.0
  EXPECT_EQ(Nzcv(), kNzcvUnordered);
  EXPECT_EQ(Flags({0x1e602078}), kIoc);  // fcmpe d3, #0.0
  EXPECT_EQ(Nzcv(), kNzcvUnordered);
}

TEST_F(FpScalarTest, FccmpComparesOnlyWhenTheConditionHolds) {
  SetD(1, D(1.0));
  SetD(2, D(2.0));
  SetS(3, F(1.0f));
  SetS(4, 0x7FC00000);
  SetNzcv(0x4);                        // Z: eq holds
  EXPECT_EQ(Flags({0x1e62042f}), 0u);  // fccmp d1, d2, #0xf, eq
  EXPECT_EQ(Nzcv(), kNzcvLess);
  SetNzcv(0x0);
  EXPECT_EQ(Flags({0x1e62042f}), 0u);  // fccmp d1, d2, #0xf, eq
  EXPECT_EQ(Nzcv(), 0xfu);
  // FCCMPE signals on a quiet NaN only when it compares.
  SetNzcv(0x0);                          // ne holds
  EXPECT_EQ(Flags({0x1e241474}), kIoc);  // fccmpe s3, s4, #0x4, ne
  EXPECT_EQ(Nzcv(), kNzcvUnordered);
  SetNzcv(0x4);
  EXPECT_EQ(Flags({0x1e241474}), 0u);  // fccmpe s3, s4, #0x4, ne
  EXPECT_EQ(Nzcv(), 0x4u);
  SetNzcv(0x0);
  EXPECT_EQ(Flags({0x1e241464}), 0u);  // fccmp s3, s4, #0x4, ne
  EXPECT_EQ(Nzcv(), kNzcvUnordered);
  SetNzcv(0x8);                        // N, V clear: lt holds
  EXPECT_EQ(Flags({0x1e61b450}), 0u);  // fccmpe d2, d1, #0x0, lt
  EXPECT_EQ(Nzcv(), kNzcvGreater);
}

TEST_F(FpScalarTest, FcselPicksByCondition) {
  SetD(1, D(1.0));
  SetD(2, D(2.0));
  SetS(3, F(3.0f));
  SetS(4, F(4.0f));
  SetNzcv(0x0);  // gt holds, eq does not
  Exec({
      0x1e62cc20,  // fcsel d0, d1, d2, gt
      0x1e240c65,  // fcsel s5, s3, s4, eq
  });
  ExpectScalar(0, D(1.0));
  ExpectScalar(5, F(4.0f));
  SetNzcv(0x4);  // Z: eq holds, gt does not
  Exec({
      0x1e62cc20,  // fcsel d0, d1, d2, gt
      0x1e240c65,  // fcsel s5, s3, s4, eq
  });
  ExpectScalar(0, D(2.0));
  ExpectScalar(5, F(3.0f));
  EXPECT_EQ(Fpsr(), 0u);
}

TEST_F(FpScalarTest, FmovImmediateExpandsImm8) {
  Exec({
      0x1e2e1000,  // fmov s0, #1.0
      0x1e709001,  // fmov d1, #-2.5
      0x1e681002,  // fmov d2, #0.125
      0x1e27f003,  // fmov s3, #31.0
      0x1e6ff004,  // fmov d4, #1.9375
      0x1e383005,  // fmov s5, #-0.1328125
      0x1e601006,  // fmov d6, #2.0
  });
  ExpectScalar(0, F(1.0f));
  ExpectScalar(1, D(-2.5));
  ExpectScalar(2, D(0.125));
  ExpectScalar(3, F(31.0f));
  ExpectScalar(4, D(1.9375));
  ExpectScalar(5, F(-0.1328125f));
  ExpectScalar(6, D(2.0));
}

// ---- conversions ---------------------------------------------------------------

TEST_F(FpScalarTest, FcvtToIntegerEveryRoundingMode) {
  SetD(1, D(2.5));
  SetD(2, D(-2.5));
  SetS(3, F(3.5f));
  SetS(4, F(2.5f));
  EXPECT_EQ(Flags({
                0x9e600020,  // fcvtns x0, d1
                0x9e600041,  // fcvtns x1, d2
                0x9e680022,  // fcvtps x2, d1
                0x9e680043,  // fcvtps x3, d2
                0x9e700024,  // fcvtms x4, d1
                0x9e700045,  // fcvtms x5, d2
                0x9e780026,  // fcvtzs x6, d1
                0x9e780047,  // fcvtzs x7, d2
                0x9e640028,  // fcvtas x8, d1
                0x9e640049,  // fcvtas x9, d2
                0x1e78004a,  // fcvtzs w10, d2
                0x1e21006b,  // fcvtnu w11, s3
                0x1e29008c,  // fcvtpu w12, s4
                0x1e31006d,  // fcvtmu w13, s3
                0x1e39006e,  // fcvtzu w14, s3
                0x9e25008f,  // fcvtau x15, s4
                0x1e200070,  // fcvtns w16, s3
                0x1e240071,  // fcvtas w17, s3
                0x9e610032,  // fcvtnu x18, d1
                0x9e690033,  // fcvtpu x19, d1
                0x9e710034,  // fcvtmu x20, d1
                0x9e790035,  // fcvtzu x21, d1
                0x1e650036,  // fcvtau w22, d1
                0x1e280077,  // fcvtps w23, s3
                0x1e300078,  // fcvtms w24, s3
                0x9e380079,  // fcvtzs x25, s3
            }),
            kIxc);
  EXPECT_EQ(X(0), 2u);
  EXPECT_EQ(X(1), static_cast<uint64_t>(-2));
  EXPECT_EQ(X(2), 3u);
  EXPECT_EQ(X(3), static_cast<uint64_t>(-2));
  EXPECT_EQ(X(4), 2u);
  EXPECT_EQ(X(5), static_cast<uint64_t>(-3));
  EXPECT_EQ(X(6), 2u);
  EXPECT_EQ(X(7), static_cast<uint64_t>(-2));
  EXPECT_EQ(X(8), 3u);
  EXPECT_EQ(X(9), static_cast<uint64_t>(-3));
  EXPECT_EQ(X(10), 0xFFFFFFFEu);  // a W result zero-extends
  EXPECT_EQ(X(11), 4u);
  EXPECT_EQ(X(12), 3u);
  EXPECT_EQ(X(13), 3u);
  EXPECT_EQ(X(14), 3u);
  EXPECT_EQ(X(15), 3u);
  EXPECT_EQ(X(16), 4u);
  EXPECT_EQ(X(17), 4u);
  EXPECT_EQ(X(18), 2u);
  EXPECT_EQ(X(19), 3u);
  EXPECT_EQ(X(20), 2u);
  EXPECT_EQ(X(21), 2u);
  EXPECT_EQ(X(22), 3u);
  EXPECT_EQ(X(23), 4u);
  EXPECT_EQ(X(24), 3u);
  EXPECT_EQ(X(25), 3u);
  // An exact value raises nothing.
  SetD(1, D(-7.0));
  EXPECT_EQ(Flags({0x9e780026}), 0u);  // fcvtzs x6, d1
  EXPECT_EQ(X(6), static_cast<uint64_t>(-7));
}

TEST_F(FpScalarTest, FcvtToIntegerSaturatesWithInvalidOperation) {
  SetD(1, D(1099511627776.0));  // 2^40
  SetX(0, kJunk);
  EXPECT_EQ(Flags({0x1e780020}), kIoc);  // fcvtzs w0, d1
  EXPECT_EQ(X(0), 0x7FFFFFFFu);
  SetD(2, D(-1180591620717411303424.0));  // -2^70
  EXPECT_EQ(Flags({0x9e780041}), kIoc);   // fcvtzs x1, d2
  EXPECT_EQ(X(1), 0x8000000000000000u);
  SetD(3, D(-1.5));
  EXPECT_EQ(Flags({0x1e790062}), kIoc);  // fcvtzu w2, d3
  EXPECT_EQ(X(2), 0u);
  SetD(3, D(-0.5));                      // rounds to 0: in range, only inexact
  EXPECT_EQ(Flags({0x1e790062}), kIxc);  // fcvtzu w2, d3
  EXPECT_EQ(X(2), 0u);
  SetS(5, 0x7FC00000);
  SetX(4, kJunk);
  EXPECT_EQ(Flags({0x1e3800a4}), kIoc);  // fcvtzs w4, s5
  EXPECT_EQ(X(4), 0u);
  SetD(6, D(__builtin_inf()));
  EXPECT_EQ(Flags({0x9e7900c5}), kIoc);  // fcvtzu x5, d6
  EXPECT_EQ(X(5), ~0ull);
  SetD(6, D(-2.1));                      // rounds to -3 toward minus infinity: below 0
  EXPECT_EQ(Flags({0x1e7100c7}), kIoc);  // fcvtmu w7, d6
  EXPECT_EQ(X(7), 0u);
  SetD(6, D(-9223372036854775808.0));  // -2^63 fits exactly
  EXPECT_EQ(Flags({0x9e7800c8}), 0u);  // fcvtzs x8, d6
  EXPECT_EQ(X(8), 0x8000000000000000u);
  SetS(5, F(4294967296.0f));             // 2^32: one above the W range
  EXPECT_EQ(Flags({0x1e3900a9}), kIoc);  // fcvtzu w9, s5
  EXPECT_EQ(X(9), 0xFFFFFFFFu);
  SetX(10, 0x1234);
  EXPECT_EQ(Flags({0x1e3800bf}), kIoc);  // fcvtzs wzr, s5
  EXPECT_EQ(X(10), 0x1234u);
}

TEST_F(FpScalarTest, ScvtfUcvtfFromIntegers) {
  SetX(0, 0xDEADBEEFFFFFFFFF);  // W0 = -1 / 4294967295, junk above
  SetX(1, 0x8000000000000000);
  SetX(2, 0xFFFFFFFFFFFFFFFF);
  SetX(3, 7);
  EXPECT_EQ(Flags({
                0x1e220000,  // scvtf s0, w0
                0x1e620002,  // scvtf d2, w0
                0x1e630003,  // ucvtf d3, w0
                0x9e620024,  // scvtf d4, x1
                0x9e630025,  // ucvtf d5, x1
                0x9e220047,  // scvtf s7, x2
                0x1e230068,  // ucvtf s8, w3
                0x1e2203e9,  // scvtf s9, wzr
            }),
            0u);
  ExpectScalar(0, F(-1.0f));
  ExpectScalar(2, D(-1.0));
  ExpectScalar(3, D(4294967295.0));
  ExpectScalar(4, D(-9223372036854775808.0));
  ExpectScalar(5, D(9223372036854775808.0));
  ExpectScalar(7, F(-1.0f));
  ExpectScalar(8, F(7.0f));
  ExpectScalar(9, F(0.0f));
  // 2^32 - 1 has 32 significant bits: single rounds it to 2^32, or under
  // round-toward-zero to 2^32 - 256.
  EXPECT_EQ(Flags({0x1e230001}), kIxc);  // ucvtf s1, w0
  ExpectScalar(1, 0x4F800000);
  EXPECT_EQ(Flags({0x9e630046}), kIxc);  // ucvtf d6, x2
  ExpectScalar(6, D(18446744073709551616.0));
  SetFpcr(kRZ);
  EXPECT_EQ(Flags({0x1e230001}), kIxc);  // ucvtf s1, w0
  ExpectScalar(1, 0x4F7FFFFF);
}

TEST_F(FpScalarTest, FixedPointConversions) {
  SetX(0, 3);
  SetX(1, 0x4000000000000000);
  SetX(2, 0x80000000);
  SetX(3, 0xFFFFFFFD);  // -3
  EXPECT_EQ(Flags({
                0x1e02fc00,  // scvtf s0, w0, #1
                0x9e420021,  // scvtf d1, x1, #64
                0x1e438042,  // ucvtf d2, w2, #32
                0x1e02fc63,  // scvtf s3, w3, #1
                0x9e030824,  // ucvtf s4, x1, #62
                0x1e428445,  // scvtf d5, w2, #31
            }),
            0u);
  ExpectScalar(0, F(1.5f));
  ExpectScalar(1, D(0.25));
  ExpectScalar(2, D(0.5));
  ExpectScalar(3, F(-1.5f));
  ExpectScalar(4, F(1.0f));
  ExpectScalar(5, D(-1.0));
  SetS(4, F(1.75f));
  SetD(5, D(0.25));
  SetD(6, D(1.5));
  SetS(7, F(2.5f));
  EXPECT_EQ(Flags({
                0x9e5800a5,  // fcvtzs x5, d5, #64
                0x1e59c0c6,  // fcvtzu w6, d6, #16
                0x9e19f4e7,  // fcvtzu x7, s7, #3
            }),
            0u);
  EXPECT_EQ(X(5), 0x4000000000000000u);
  EXPECT_EQ(X(6), 0x18000u);
  EXPECT_EQ(X(7), 20u);
  EXPECT_EQ(Flags({0x1e18fc84}), kIxc);  // fcvtzs w4, s4, #1
  EXPECT_EQ(X(4), 3u);                   // 3.5 toward zero
  SetD(8, D(0.5));
  EXPECT_EQ(Flags({0x1e588108}), kIoc);  // fcvtzs w8, d8, #32
  EXPECT_EQ(X(8), 0x7FFFFFFFu);
  SetD(8, D(-0.5));
  EXPECT_EQ(Flags({0x1e588108}), 0u);  // fcvtzs w8, d8, #32
  EXPECT_EQ(X(8), 0x80000000u);
}

TEST_F(FpScalarTest, FmovBetweenGeneralAndFpRegisters) {
  SetV(1, 0x1111222233334444, 0x5555666677778888);
  SetX(4, 0xAAAABBBBCCCCDDDD);
  SetV(7, 0x0123456789ABCDEF, kJunk);
  SetX(0, kJunk);
  Exec({
      0x1e260020,  // fmov w0, s1
      0x9e660022,  // fmov x2, d1
      0x9eae0023,  // fmov x3, v1.d[1]
      0x1e270085,  // fmov s5, w4
      0x9e670086,  // fmov d6, x4
      0x9eaf0087,  // fmov v7.d[1], x4
      0x9e6703e8,  // fmov d8, xzr
  });
  EXPECT_EQ(X(0), 0x33334444u);
  EXPECT_EQ(X(2), 0x1111222233334444u);
  EXPECT_EQ(X(3), 0x5555666677778888u);
  ExpectScalar(5, 0xCCCCDDDD);
  ExpectScalar(6, 0xAAAABBBBCCCCDDDD);
  EXPECT_EQ(QLo(7), 0x0123456789ABCDEFu);  // the low half stays
  EXPECT_EQ(QHi(7), 0xAAAABBBBCCCCDDDDu);
  ExpectScalar(8, 0);
  EXPECT_EQ(Fpsr(), 0u);
}

}  // namespace
}  // namespace vmd::hvsoft::testing
