// Scalar FP under FPCR (FZ, DN, RMode) and FPSR accumulation, the FPEN access
// trap (EC 0x07), UNDEFINED for encodings ARMv8.0 without FP16 leaves
// unallocated, random words and the decoder table, on the soft CPU.
#include <random>
#include <string>

#include "tests/engine/hv/soft/fp_scalar_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

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
    SetV(0, kJunk, kJunk);
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
      SetV(0, kJunk, kJunk);
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
    for (int n = 0; n < 32; ++n) SetV(n, rng(), rng());
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
