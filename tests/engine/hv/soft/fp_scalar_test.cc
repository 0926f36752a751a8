// Scalar FP instructions on the soft CPU (exec_fp.cc): real instruction
// words run through the hv API, checking results, the zeroed upper bits of
// scalar writes, NZCV, FPSR flags and FPCR's FZ/DN/AHP/RMode; the FPEN trap
// (EC 0x07) and UNDEFINED for encodings ARMv8.0 without FP16 leaves
// unallocated. Encodings come from GNU as (the assembly is in each comment);
// expected values from the ARM ARM's rules.
#include <bit>
#include <random>
#include <string>

#include "engine/hv/soft/decode.h"
#include "tests/engine/hv/soft/guest_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

constexpr uint64_t kVectors = kRamBase + 0x800;
constexpr uint64_t kIl = 1ull << 25;
constexpr uint64_t kFpTrapEsr = 0x1FE00000;  // EC 0x07, IL, CV, COND 0b1110

// FPSR flags and FPCR fields.
constexpr uint64_t kIoc = 1 << 0, kDzc = 1 << 1, kOfc = 1 << 2, kUfc = 1 << 3, kIxc = 1 << 4,
                   kIdc = 1 << 7;
constexpr uint64_t kAhp = 1u << 26, kDn = 1u << 25, kFz = 1u << 24;
constexpr uint64_t kRP = 1u << 22, kRM = 2u << 22, kRZ = 3u << 22;

// NZCV as Nzcv() returns it.
constexpr uint64_t kNzcvLess = 0x8, kNzcvEqual = 0x6, kNzcvGreater = 0x2, kNzcvUnordered = 0x3;

// Bits of a float or double literal (exact values only).
constexpr uint32_t F(float f) { return std::bit_cast<uint32_t>(f); }
constexpr uint64_t D(double d) { return std::bit_cast<uint64_t>(d); }

// Junk above a source scalar: the instruction must ignore it.
constexpr uint64_t kJunk = 0xdeadbeefcafef00dull;

constexpr uint32_t kMrsNzcvX0 = 0xd53b4200;  // mrs x0, nzcv

class FpScalarTest : public GuestTest {
 protected:
  void SetUp() override {
    GuestTest::SetUp();
    // Every synchronous vector records ESR/ELR in x28/x29 and exits.
    const std::vector<uint32_t> handler = {
        0xd538521c,  // mrs x28, esr_el1
        0xd538403d,  // mrs x29, elr_el1
        kHvc0,
    };
    Load(handler, kVectors + 0x000);
    Load(handler, kVectors + 0x200);
    Load(handler, kVectors + 0x400);
    SetSys(HV_SYS_REG_VBAR_EL1, kVectors);
    SetSys(HV_SYS_REG_CPACR_EL1, 3ull << 20);  // FPEN: FP at EL0 and EL1
    // Every vector register starts as junk, so any write that fails to
    // zero the upper bits shows.
    for (int n = 0; n < 32; ++n) SetQ(n, kJunk, kJunk);
  }

  void SetQ(int n, uint64_t lo, uint64_t hi) {
    hv_simd_fp_uchar16_t v;
    std::memcpy(&v, &lo, 8);
    std::memcpy(reinterpret_cast<uint8_t*>(&v) + 8, &hi, 8);
    ASSERT_EQ(hv_vcpu_set_simd_fp_reg(vcpu_, HV_SIMD_FP_REG_Q0 + n, v), HV_SUCCESS);
  }
  // Scalar sources with junk in the rest of the register.
  void SetS(int n, uint32_t bits) { SetQ(n, (kJunk << 32) | bits, kJunk); }
  void SetD(int n, uint64_t bits) { SetQ(n, bits, kJunk); }
  void SetH(int n, uint16_t bits) { SetQ(n, (kJunk << 16) | bits, kJunk); }

  uint64_t QLo(int n) { return QPart(n, 0); }
  uint64_t QHi(int n) { return QPart(n, 1); }
  uint64_t QPart(int n, int half) {
    hv_simd_fp_uchar16_t v;
    EXPECT_EQ(hv_vcpu_get_simd_fp_reg(vcpu_, HV_SIMD_FP_REG_Q0 + n, &v), HV_SUCCESS);
    uint64_t r;
    std::memcpy(&r, reinterpret_cast<uint8_t*>(&v) + 8 * half, 8);
    return r;
  }
  // The whole of Vn as a scalar write leaves it: the value, all else zero.
  void ExpectScalar(int n, uint64_t bits) {
    EXPECT_EQ(QLo(n), bits) << "V" << n << " low 64 bits";
    EXPECT_EQ(QHi(n), 0u) << "V" << n << " high 64 bits";
  }

  uint64_t Fpsr() { return Reg(HV_REG_FPSR); }
  void SetFpcr(uint64_t v) { SetReg(HV_REG_FPCR, v); }
  void SetNzcv(uint64_t nzcv) { SetReg(HV_REG_CPSR, 0x3c5 | nzcv << 28); }
  uint64_t Esr() { return X(28); }
  uint64_t Elr() { return X(29); }

  // Runs code with FPSR cleared; returns the flags it raised.
  uint64_t Flags(std::vector<uint32_t> code) {
    SetReg(HV_REG_FPSR, 0);
    Exec(std::move(code));
    return Fpsr();
  }
  // Runs code that must end in an exception (the vector's HVC).
  void ExecToVector(std::vector<uint32_t> code) {
    Exec(std::move(code));
    EXPECT_GE(Reg(HV_REG_PC), kVectors);
    EXPECT_LT(Reg(HV_REG_PC), kVectors + 0x800);
  }
};

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
  SetQ(1, 0x1111222233334444, 0x5555666677778888);
  SetX(4, 0xAAAABBBBCCCCDDDD);
  SetQ(7, 0x0123456789ABCDEF, kJunk);
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

// ---- FPCR: flush to zero, default NaN, rounding; FPSR accumulates -----------

TEST_F(FpScalarTest, FlushToZeroFlushesInputsAndOutputs) {
  SetS(1, 0x00000001);  // smallest denormal
  SetS(2, F(0.0f));
  SetS(4, 0x0D800000);  // 2^-100
  SetS(5, 0x30800000);  // 2^-30
  // Without FZ the denormal adds exactly and the tiny exact product 2^-130
  // is a denormal without underflow (it is exact).
  EXPECT_EQ(Flags({
                0x1e222820,  // fadd s0, s1, s2
                0x1e250883,  // fmul s3, s4, s5
            }),
            0u);
  ExpectScalar(0, 0x00000001);
  ExpectScalar(3, 0x00080000);
  SetFpcr(kFz);
  EXPECT_EQ(Flags({0x1e222820}), kIdc);  // fadd s0, s1, s2
  ExpectScalar(0, F(0.0f));
  EXPECT_EQ(Flags({0x1e250883}), kUfc);  // fmul s3, s4, s5
  ExpectScalar(3, F(0.0f));
}

TEST_F(FpScalarTest, DefaultNanAndNanPropagation) {
  SetD(1, 0x7FF8000000000123);  // quiet, payload
  SetD(2, D(1.0));
  SetD(3, 0x7FF0000000000123);         // signaling, payload
  EXPECT_EQ(Flags({0x1e622820}), 0u);  // fadd d0, d1, d2
  ExpectScalar(0, 0x7FF8000000000123);
  // A signaling NaN wins over a quiet one, and comes out quieted.
  EXPECT_EQ(Flags({0x1e633824}), kIoc);  // fsub d4, d1, d3
  ExpectScalar(4, 0x7FF8000000000123);
  SetFpcr(kDn);
  EXPECT_EQ(Flags({0x1e622820}), 0u);  // fadd d0, d1, d2
  ExpectScalar(0, 0x7FF8000000000000);
  EXPECT_EQ(Flags({0x1e633824}), kIoc);  // fsub d4, d1, d3
  ExpectScalar(4, 0x7FF8000000000000);
}

TEST_F(FpScalarTest, FaddFollowsFpcrRoundingMode) {
  SetS(1, F(1.0f));
  SetS(2, 0x33800000);  // 2^-24: half an ulp of 1.0
  SetS(3, F(-1.0f));
  SetS(4, 0xB3800000);                   // -2^-24
  EXPECT_EQ(Flags({0x1e222820}), kIxc);  // fadd s0, s1, s2
  ExpectScalar(0, F(1.0f));              // tie to even
  SetFpcr(kRP);
  EXPECT_EQ(Flags({0x1e222820}), kIxc);  // fadd s0, s1, s2
  ExpectScalar(0, 0x3F800001);
  SetFpcr(kRM);
  EXPECT_EQ(Flags({0x1e222820}), kIxc);  // fadd s0, s1, s2
  ExpectScalar(0, F(1.0f));
  EXPECT_EQ(Flags({0x1e242865}), kIxc);  // fadd s5, s3, s4
  ExpectScalar(5, 0xBF800001);
  SetFpcr(kRZ);
  EXPECT_EQ(Flags({0x1e242865}), kIxc);  // fadd s5, s3, s4
  ExpectScalar(5, F(-1.0f));
}

TEST_F(FpScalarTest, FpsrFlagsAccumulate) {
  SetReg(HV_REG_FPSR, kDzc);
  SetS(1, F(1.0f));
  SetS(2, F(3.0f));
  Exec({0x1e221820});  // fdiv s0, s1, s2
  EXPECT_EQ(Fpsr(), kDzc | kIxc);
}

// ---- access trap and UNDEFINED ----------------------------------------------------

TEST_F(FpScalarTest, FpDisabledTrapsWithEc7AndChangesNothing) {
  const std::vector<uint32_t> insns = {
      0x1e622820,  // fadd d0, d1, d2
      0x9e670020,  // fmov d0, x1
      0x9e660020,  // fmov x0, d1
      0x9eaf0020,  // fmov v0.d[1], x1
      0x9e780020,  // fcvtzs x0, d1
      0x9e42f420,  // scvtf d0, x1, #3
      0x1e6e1000,  // fmov d0, #1.0
      0x1e612000,  // fcmp d0, d1
      0x1e610400,  // fccmp d0, d1, #0, eq
      0x1e620c20,  // fcsel d0, d1, d2, eq
      0x1f420c20,  // fmadd d0, d1, d2, d3
      0x1e20c020,  // fabs s0, s1
      0x1e23c020,  // fcvt h0, s1
  };
  SetSys(HV_SYS_REG_CPACR_EL1, 0);
  SetD(1, D(1.0));
  SetD(2, D(2.0));
  for (uint32_t insn : insns) {
    SetQ(0, kJunk, kJunk);
    SetX(0, kJunk);
    SetNzcv(0);
    SetReg(HV_REG_FPSR, 0);
    ExecToVector({insn});
    EXPECT_EQ(Esr(), kFpTrapEsr) << std::hex << insn;
    EXPECT_EQ(Elr(), kRamBase) << std::hex << insn;
    EXPECT_EQ(QLo(0), kJunk) << std::hex << insn;
    EXPECT_EQ(QHi(0), kJunk) << std::hex << insn;
    EXPECT_EQ(X(0), kJunk) << std::hex << insn;
    EXPECT_EQ(Fpsr(), 0u) << std::hex << insn;
  }
}

TEST_F(FpScalarTest, FpenOneEnablesEl1OnlyAndTrapsEl0) {
  SetSys(HV_SYS_REG_CPACR_EL1, 1ull << 20);
  SetS(1, F(1.5f));
  SetS(2, F(2.25f));
  Exec({0x1e222820});  // fadd s0, s1, s2
  ExpectScalar(0, F(3.75f));
  Load({0x1e222823, kHvc0}, kRamBase + 0x100);  // fadd s3, s1, s2
  SetSys(HV_SYS_REG_ELR_EL1, kRamBase + 0x100);
  SetSys(HV_SYS_REG_SPSR_EL1, 0);                     // EL0t
  Exec({0xd69f03e0});                                 // eret
  EXPECT_EQ(Reg(HV_REG_PC), kVectors + 0x400 + 0xc);  // after the lower-EL vector's HVC
  EXPECT_EQ(Esr(), kFpTrapEsr);
  EXPECT_EQ(Elr(), kRamBase + 0x100);
  EXPECT_EQ(QLo(3), kJunk);
}

TEST_F(FpScalarTest, UnallocatedEncodingsAreUndefined) {
  const std::vector<uint32_t> insns = {
      0x1ee22820,  // fadd h0, h1, h2 (FEAT_FP16)
      0x1ee70000,  // fmov h0, w0 (FEAT_FP16)
      0x1ee60000,  // fmov w0, h0 (FEAT_FP16)
      0x1ef80000,  // fcvtzs w0, h0 (FEAT_FP16)
      0x1ee20000,  // scvtf h0, w0 (FEAT_FP16)
      0x1eee1000,  // fmov h0, #1.0 (FEAT_FP16)
      0x1ee12000,  // fcmp h0, h1 (FEAT_FP16)
      0x1ee20c20,  // fcsel h0, h1, h2, eq (FEAT_FP16)
      0x1fc20c20,  // fmadd h0, h1, h2, h3 (FEAT_FP16)
      0x1ee0c020,  // fabs h0, h1 (FEAT_FP16)
      0x1ee04020,  // fmov h0, h1 (FEAT_FP16)
      0x1ee10400,  // fccmp h0, h1, #0x0, eq (FEAT_FP16)
      0x1ed8fc00,  // fcvtzs w0, h0, #1 (FEAT_FP16)
      0x1e284020,  // frint32z s0, s1 (FEAT_FRINTTS)
      0x1e7e0000,  // fjcvtzs w0, d0 (FEAT_JSCVT)
      0x1e634000,  // bfcvt h0, s0 (FEAT_BF16)
      0x1ea22820,  // fadd, type=10
      0x1ea04020,  // fmov (register), type=10
      0x1f820c20,  // fmadd, type=10
      0x1ea10404,  // fccmp, type=10
      0x1e980000,  // fcvtzs (fixed point), type=10
      0x9ea80000,  // fcvtps x0, with type=10
      0x1e224020,  // fcvt from single to single (opcode 000100, type=00)
      0x1e62c020,  // fcvt from double to double (opcode 000101, type=01)
      0x1ee3c020,  // fcvt from half to half (opcode 000111, type=11)
      0x1e234020,  // fcvt, type=00 opc=10 (opcode 000110)
      0x1e26c020,  // frint, opcode 001101
      0x1e027c00,  // scvtf s0, w0 with scale 31: fbits 33 > 32
      0x1e180000,  // fcvtzs w0, s0 with scale 0: fbits 64 > 32
      0x3e222820,  // fadd, S=1
      0x9e222820,  // fadd, M=1
      0x3e220000,  // scvtf s0, w0, S=1
      0x1e660000,  // fmov w0, d0 (sf=0, type=01)
      0x9e260000,  // fmov x0, s0 (sf=1, type=00)
      0x9ea60000,  // fmov x0, v0.d[1] with rmode=00
      0x1eae0000,  // fmov w0, v0.d[1] (sf=0)
      0x1e388000,  // fcvtzs w0, s0 with bits 15:10 = 100000
      0x1e229820,  // 2-source opcode 1001
      0x1e22f820,  // 2-source opcode 1111
      0x1e212001,  // fcmp with opcode2<2:0> != 0
      0x1e216000,  // fcmp with op (bits 15:14) = 01
      0x1e2e1020,  // fmov (immediate) with imm5 != 0
      0x1e080000,  // fixed-point conversion with rmode=01
      0x1e040000,  // fixed-point conversion with opcode 100
  };
  for (bool fp_enabled : {true, false}) {
    SetSys(HV_SYS_REG_CPACR_EL1, fp_enabled ? 3ull << 20 : 0);
    for (uint32_t insn : insns) {
      EXPECT_STREQ(DecodeName(insn), "undefined") << std::hex << insn;
      SetQ(0, kJunk, kJunk);
      SetX(0, kJunk);
      SetNzcv(0);
      ExecToVector({insn});
      EXPECT_EQ(Esr(), kIl) << std::hex << insn;  // EC 0x00: UNDEFINED beats the FP trap
      EXPECT_EQ(Elr(), kRamBase) << std::hex << insn;
      EXPECT_EQ(QLo(0), kJunk) << std::hex << insn;
      EXPECT_EQ(X(0), kJunk) << std::hex << insn;
    }
  }
}

// Random words anywhere in the scalar FP encoding space (bit 30 = 0, bits
// 28:25 = 1111), on random register contents under random FPCR modes: a
// word either runs to the next instruction or, exactly when the decoder
// calls it unallocated, is UNDEFINED; nothing else happens.
TEST_F(FpScalarTest, RandomScalarFpWordsRunOrAreUndefined) {
  std::mt19937_64 rng(7);
  int executed = 0, undefined = 0;
  for (int round = 0; round < 3000; ++round) {
    uint32_t word = (static_cast<uint32_t>(rng()) & ~0x5e000000u) | 0x1e000000u;
    if (round % 4 != 0) word &= ~(1u << 29 | 1u << 23);  // mostly S=0, single or double
    for (int n = 0; n < 32; ++n) SetQ(n, rng(), rng());
    for (int n = 0; n < 31; ++n) SetX(n, rng());
    SetFpcr(rng() & 0x07c00000);
    SetNzcv(rng() & 0xf);
    SetX(28, 0);
    Exec({word});
    if (std::string(DecodeName(word)) == "undefined") {
      ++undefined;
      EXPECT_EQ(Esr(), kIl) << std::hex << word;
      EXPECT_EQ(Elr(), kRamBase) << std::hex << word;
    } else {
      ++executed;
      EXPECT_EQ(Reg(HV_REG_PC), kRamBase + 8) << std::hex << word;
    }
  }
  EXPECT_GT(executed, 600);  // both outcomes are well exercised
  EXPECT_GT(undefined, 600);
}

TEST(FpScalarDecode, KnownEncodings) {
  EXPECT_STREQ(DecodeName(0x1e622820), "FADD (D)");              // fadd d0, d1, d2
  EXPECT_STREQ(DecodeName(0x9eaf0001), "FMOV (D[1], X)");        // fmov v1.d[1], x0
  EXPECT_STREQ(DecodeName(0x1ee2c020), "FCVT (D, H)");           // fcvt d0, h1
  EXPECT_STREQ(DecodeName(0x9e580000), "FCVTZS (X, D, fixed)");  // fcvtzs x0, d0, #64
  EXPECT_STREQ(DecodeName(0x1e602008), "FCMP (D, #0.0)");        // fcmp d0, #0.0
  EXPECT_STREQ(DecodeName(0x1f228c20), "FNMSUB (S)");            // fnmsub s0, s1, s2, s3
}

TEST(FpScalarDecode, EveryLineIsWellFormedAndReachable) {
  int lines = 0;
  for (const DecodeLine& line : FpTable()) {
    ++lines;
    EXPECT_EQ(line.value & ~line.mask, 0u) << line.name;
    EXPECT_NE(line.fn, nullptr) << line.name;
    EXPECT_FALSE(line.ends_block) << line.name;
    bool reached = false;
    for (uint32_t fill : {0u, ~0u, 0x55555555u, 0xaaaaaaaau}) {
      const uint32_t raw = line.value | (fill & ~line.mask);
      if (std::string(DecodeName(raw)) == line.name) reached = true;
    }
    EXPECT_TRUE(reached) << line.name << " is shadowed or never accepted";
  }
  EXPECT_EQ(lines, 140);
}

}  // namespace
}  // namespace vmd::hvsoft::testing
