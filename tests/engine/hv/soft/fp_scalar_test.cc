// Scalar FP arithmetic on the soft CPU (exec_fp.cc): 2-source, 3-source and
// 1-source instructions run through the hv API, checking results, the zeroed
// upper bits of scalar writes and FPSR flags. Encodings from GNU as (assembly
// in each comment); expected values from the ARM ARM's rules.

#include "tests/engine/hv/soft/fp_scalar_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

// ---- 2 source -----------------------------------------------------------------

TEST_F(FpScalarTest, FaddAddsAndZeroesTheUpperBits) {
  SetS(1, F(1.5f));
  SetS(2, F(2.25f));
  SetD(4, D(1.5));
  SetD(5, D(2.25));
  EXPECT_EQ(Flags({
                0x1e222820,  // fadd s0, s1, s2
                0x1e652883,  // fadd d3, d4, d5
            }),
            0u);
  ExpectScalar(0, F(3.75f));
  ExpectScalar(3, D(3.75));
}

TEST_F(FpScalarTest, FsubFmulFdiv) {
  SetD(1, D(1.5));
  SetD(2, D(2.25));
  SetS(3, F(1.5f));
  SetS(4, F(-2.0f));
  EXPECT_EQ(Flags({
                0x1e623820,  // fsub d0, d1, d2
                0x1e240865,  // fmul s5, s3, s4
                0x1e243866,  // fsub s6, s3, s4
                0x1e620827,  // fmul d7, d1, d2
            }),
            0u);
  ExpectScalar(0, D(-0.75));
  ExpectScalar(5, F(-3.0f));
  ExpectScalar(6, F(3.5f));
  ExpectScalar(7, D(3.375));
  // 1.5 / 2.25 = 2/3 = 1.0101...b * 2^-1: the bits after the 52nd are 0101...,
  // below half an ulp, so it rounds down.
  EXPECT_EQ(Flags({0x1e621828}), kIxc);  // fdiv d8, d1, d2
  ExpectScalar(8, 0x3FE5555555555555);
  SetS(9, F(0.0f));
  EXPECT_EQ(Flags({0x1e29188a}), kDzc);  // fdiv s10, s4, s9
  ExpectScalar(10, F(-__builtin_inff()));
  SetS(9, F(3.0f));
  EXPECT_EQ(Flags({0x1e23192b}), 0u);  // fdiv s11, s9, s3
  ExpectScalar(11, F(2.0f));
}

TEST_F(FpScalarTest, FmulOfZeroAndInfinityIsTheDefaultNan) {
  SetD(1, D(0.0));
  SetD(2, D(__builtin_inf()));
  EXPECT_EQ(Flags({0x1e620820}), kIoc);  // fmul d0, d1, d2
  ExpectScalar(0, 0x7FF8000000000000);
}

TEST_F(FpScalarTest, FmaxFminPropagateNansAndOrderZeros) {
  SetD(1, D(1.0));
  SetD(2, 0x7FF8000000000001);  // quiet NaN with a payload
  SetD(3, D(2.0));
  EXPECT_EQ(Flags({
                0x1e624824,  // fmax d4, d1, d2
                0x1e615845,  // fmin d5, d2, d1
                0x1e626826,  // fmaxnm d6, d1, d2
                0x1e617847,  // fminnm d7, d2, d1
                0x1e634828,  // fmax d8, d1, d3
                0x1e635829,  // fmin d9, d1, d3
                0x1e61686a,  // fmaxnm d10, d3, d1
                0x1e61786b,  // fminnm d11, d3, d1
            }),
            0u);
  ExpectScalar(4, 0x7FF8000000000001);
  ExpectScalar(5, 0x7FF8000000000001);
  ExpectScalar(6, D(1.0));
  ExpectScalar(7, D(1.0));
  ExpectScalar(8, D(2.0));
  ExpectScalar(9, D(1.0));
  ExpectScalar(10, D(2.0));
  ExpectScalar(11, D(1.0));
  // FMAX of +0 and -0 is +0, FMIN -0 (sign AND / OR), in either order.
  SetS(1, F(0.0f));
  SetS(2, F(-0.0f));
  EXPECT_EQ(Flags({
                0x1e22482c,  // fmax s12, s1, s2
                0x1e22582d,  // fmin s13, s1, s2
                0x1e21684e,  // fmaxnm s14, s2, s1
                0x1e21784f,  // fminnm s15, s2, s1
            }),
            0u);
  ExpectScalar(12, F(0.0f));
  ExpectScalar(13, F(-0.0f));
  ExpectScalar(14, F(0.0f));
  ExpectScalar(15, F(-0.0f));
  // A signaling NaN is not a "missing number": FMAXNM returns it quieted.
  SetD(2, 0x7FF0000000000001);
  EXPECT_EQ(Flags({0x1e626826}), kIoc);  // fmaxnm d6, d1, d2
  ExpectScalar(6, 0x7FF8000000000001);
}

TEST_F(FpScalarTest, FnmulNegatesTheProductNanIncluded) {
  SetD(1, D(2.0));
  SetD(2, D(3.0));
  SetS(3, F(1.5f));
  SetS(4, F(-2.0f));
  EXPECT_EQ(Flags({
                0x1e628820,  // fnmul d0, d1, d2
                0x1e248865,  // fnmul s5, s3, s4
            }),
            0u);
  ExpectScalar(0, D(-6.0));
  ExpectScalar(5, F(3.0f));
  // FNMUL is FPNeg(FPMul(...)): the default NaN of 0 * inf comes out negated.
  SetD(1, D(0.0));
  SetD(2, D(__builtin_inf()));
  EXPECT_EQ(Flags({0x1e628820}), kIoc);  // fnmul d0, d1, d2
  ExpectScalar(0, 0xFFF8000000000000);
}

// ---- 3 source -----------------------------------------------------------------

TEST_F(FpScalarTest, FmaddFamilySigns) {
  SetD(1, D(2.0));
  SetD(2, D(3.0));
  SetD(3, D(1.0));
  EXPECT_EQ(Flags({
                0x1f420c24,  // fmadd d4, d1, d2, d3
                0x1f428c25,  // fmsub d5, d1, d2, d3
                0x1f620c26,  // fnmadd d6, d1, d2, d3
                0x1f628c27,  // fnmsub d7, d1, d2, d3
            }),
            0u);
  ExpectScalar(4, D(7.0));   // 1 + 2*3
  ExpectScalar(5, D(-5.0));  // 1 - 2*3
  ExpectScalar(6, D(-7.0));  // -1 - 2*3
  ExpectScalar(7, D(5.0));   // -1 + 2*3
  SetS(1, F(2.0f));
  SetS(2, F(3.0f));
  SetS(3, F(1.0f));
  EXPECT_EQ(Flags({
                0x1f020c24,  // fmadd s4, s1, s2, s3
                0x1f028c25,  // fmsub s5, s1, s2, s3
                0x1f220c26,  // fnmadd s6, s1, s2, s3
                0x1f228c27,  // fnmsub s7, s1, s2, s3
            }),
            0u);
  ExpectScalar(4, F(7.0f));
  ExpectScalar(5, F(-5.0f));
  ExpectScalar(6, F(-7.0f));
  ExpectScalar(7, F(5.0f));
}

TEST_F(FpScalarTest, FmaddRoundsOnce) {
  // (1 + 2^-23) * (1 - 2^-24) - 1 = 2^-24 - 2^-47 exactly; a separate
  // multiply would round the product to 1.0 and give 0.
  SetS(1, 0x3F800001);
  SetS(2, 0x3F7FFFFF);
  SetS(3, F(-1.0f));
  EXPECT_EQ(Flags({0x1f020c20}), 0u);  // fmadd s0, s1, s2, s3
  ExpectScalar(0, 0x337FFFFE);         // 2^-25 * (2 - 2^-22)
  // (1 + 2^-52) * (1 - 2^-53) - 1 = 2^-53 - 2^-105 = 2^-54 * (2 - 2^-51),
  // exact in double; the product alone rounds to 1.0.
  SetD(1, 0x3FF0000000000001);
  SetD(2, 0x3FEFFFFFFFFFFFFF);
  SetD(3, D(-1.0));
  EXPECT_EQ(Flags({0x1f420c24}), 0u);  // fmadd d4, d1, d2, d3
  ExpectScalar(4, 0x3C9FFFFFFFFFFFFE);
  // Inexact, rounded once: (1 + 2^-52)^2 + 2^-53 = 1 + 2^-51 + 2^-53 +
  // 2^-104 is just above the tie between 1 + 2^-51 and 1 + 3 * 2^-52, so it
  // rounds up; rounding the product first (to 1 + 2^-51) would make it an
  // exact tie that goes to the even 1 + 2^-51.
  SetD(2, 0x3FF0000000000001);
  SetD(3, 0x3CA0000000000000);           // 2^-53
  EXPECT_EQ(Flags({0x1f420c24}), kIxc);  // fmadd d4, d1, d2, d3
  ExpectScalar(4, 0x3FF0000000000003);
}

// ---- 1 source -----------------------------------------------------------------

TEST_F(FpScalarTest, FmovFabsFnegAreBitOperations) {
  SetD(1, 0x7FF0000000000001);  // signaling NaN
  SetD(3, 0xFFF0000000000001);
  SetS(5, F(1.5f));
  SetS(7, 0x7FC00000);
  SetS(9, 0x80000001);  // negative denormal, untouched even with FZ
  SetFpcr(kFz | kDn);
  EXPECT_EQ(Flags({
                0x1e604020,  // fmov d0, d1
                0x1e60c062,  // fabs d2, d3
                0x1e2140a4,  // fneg s4, s5
                0x1e2140e6,  // fneg s6, s7
                0x1e20c128,  // fabs s8, s9
                0x1e20412a,  // fmov s10, s9
                0x1e61402b,  // fneg d11, d1
            }),
            0u);
  ExpectScalar(0, 0x7FF0000000000001);
  ExpectScalar(2, 0x7FF0000000000001);
  ExpectScalar(4, F(-1.5f));
  ExpectScalar(6, 0xFFC00000);
  ExpectScalar(8, 0x00000001);
  ExpectScalar(10, 0x80000001);
  ExpectScalar(11, 0xFFF0000000000001);
}

TEST_F(FpScalarTest, Fsqrt) {
  SetD(1, D(2.25));
  SetS(2, F(-0.0f));
  EXPECT_EQ(Flags({
                0x1e61c020,  // fsqrt d0, d1
                0x1e21c043,  // fsqrt s3, s2
            }),
            0u);
  ExpectScalar(0, D(1.5));
  ExpectScalar(3, F(-0.0f));  // sqrt(-0) = -0
  SetD(1, D(2.0));
  EXPECT_EQ(Flags({0x1e61c020}), kIxc);  // fsqrt d0, d1
  ExpectScalar(0, 0x3FF6A09E667F3BCD);   // sqrt(2) rounded to nearest
  SetS(2, F(-1.0f));
  EXPECT_EQ(Flags({0x1e21c043}), kIoc);  // fsqrt s3, s2
  ExpectScalar(3, 0x7FC00000);
}

TEST_F(FpScalarTest, FcvtBetweenPrecisions) {
  SetS(1, F(1.5f));
  SetH(5, 0x3E00);  // 1.5
  SetH(7, 0xC000);  // -2.0
  SetS(9, F(1.0f));
  SetD(11, D(-0.25));
  EXPECT_EQ(Flags({
                0x1e22c020,  // fcvt d0, s1
                0x1ee240a4,  // fcvt s4, h5
                0x1ee2c0e6,  // fcvt d6, h7
                0x1e23c128,  // fcvt h8, s9
                0x1e63c16a,  // fcvt h10, d11
            }),
            0u);
  ExpectScalar(0, D(1.5));
  ExpectScalar(4, F(1.5f));
  ExpectScalar(6, D(-2.0));
  ExpectScalar(8, 0x3C00);
  ExpectScalar(10, 0xB400);
  // 1/3 in double to single: 1.0101...b, the bits after the 23rd are
  // 1010... (above half) so it rounds up.
  SetD(3, 0x3FD5555555555555);
  EXPECT_EQ(Flags({0x1e624062}), kIxc);  // fcvt s2, d3
  ExpectScalar(2, 0x3EAAAAAB);
  // FPCR rounding: toward zero it rounds down.
  SetFpcr(kRZ);
  EXPECT_EQ(Flags({0x1e624062}), kIxc);  // fcvt s2, d3
  ExpectScalar(2, 0x3EAAAAAA);
  SetFpcr(0);
  // 65520 is halfway between 65504 (largest half) and 2^16: ties to even
  // round up, out of range: infinity with overflow.
  SetD(11, D(65520.0));
  EXPECT_EQ(Flags({0x1e63c16a}), kOfc | kIxc);  // fcvt h10, d11
  ExpectScalar(10, 0x7C00);
}

TEST_F(FpScalarTest, FcvtHalfHonoursAhp) {
  SetH(5, 0x7C00);
  SetS(9, F(__builtin_inff()));
  EXPECT_EQ(Flags({
                0x1ee240a4,  // fcvt s4, h5
                0x1e23c128,  // fcvt h8, s9
            }),
            0u);
  ExpectScalar(4, F(__builtin_inff()));
  ExpectScalar(8, 0x7C00);
  // Alternative half precision: exponent 31 is a normal number (0x7C00 is
  // 2^16), and infinity does not exist (the largest value, with IOC).
  SetFpcr(kAhp);
  EXPECT_EQ(Flags({0x1ee240a4}), 0u);  // fcvt s4, h5
  ExpectScalar(4, F(65536.0f));
  EXPECT_EQ(Flags({0x1e23c128}), kIoc);  // fcvt h8, s9
  ExpectScalar(8, 0x7FFF);
}

TEST_F(FpScalarTest, FrintEveryRoundingMode) {
  SetD(1, D(2.5));
  SetS(2, F(-2.5f));
  EXPECT_EQ(Flags({
                0x1e644023,  // frintn d3, d1
                0x1e64c024,  // frintp d4, d1
                0x1e654025,  // frintm d5, d1
                0x1e65c026,  // frintz d6, d1
                0x1e664027,  // frinta d7, d1
                0x1e244048,  // frintn s8, s2
                0x1e24c049,  // frintp s9, s2
                0x1e25404a,  // frintm s10, s2
                0x1e25c04b,  // frintz s11, s2
                0x1e26404c,  // frinta s12, s2
            }),
            0u);  // only FRINTX reports inexact
  ExpectScalar(3, D(2.0));
  ExpectScalar(4, D(3.0));
  ExpectScalar(5, D(2.0));
  ExpectScalar(6, D(2.0));
  ExpectScalar(7, D(3.0));
  ExpectScalar(8, F(-2.0f));
  ExpectScalar(9, F(-2.0f));
  ExpectScalar(10, F(-3.0f));
  ExpectScalar(11, F(-2.0f));
  ExpectScalar(12, F(-3.0f));
  // Rounding up from -0.5 gives -0.
  SetD(1, D(-0.5));
  EXPECT_EQ(Flags({0x1e64c024}), 0u);  // frintp d4, d1
  ExpectScalar(4, D(-0.0));
}

TEST_F(FpScalarTest, FrintxAndFrintiUseFpcr) {
  SetD(1, D(2.5));
  SetS(2, F(-2.5f));
  SetD(3, D(3.0));
  EXPECT_EQ(Flags({0x1e674020}), kIxc);  // frintx d0, d1
  ExpectScalar(0, D(2.0));               // ties to even
  EXPECT_EQ(Flags({0x1e674064}), 0u);    // frintx d4, d3
  ExpectScalar(4, D(3.0));
  EXPECT_EQ(Flags({0x1e67c025}), 0u);  // frinti d5, d1
  ExpectScalar(5, D(2.0));
  SetFpcr(kRP);
  EXPECT_EQ(Flags({0x1e67c025}), 0u);  // frinti d5, d1
  ExpectScalar(5, D(3.0));
  EXPECT_EQ(Flags({0x1e274046}), kIxc);  // frintx s6, s2
  ExpectScalar(6, F(-2.0f));
  SetFpcr(kRM);
  EXPECT_EQ(Flags({0x1e27c047}), 0u);  // frinti s7, s2
  ExpectScalar(7, F(-3.0f));
  SetFpcr(kRZ);
  EXPECT_EQ(Flags({0x1e674020}), kIxc);  // frintx d0, d1
  ExpectScalar(0, D(2.0));
}

}  // namespace
}  // namespace vmd::hvsoft::testing
