// AdvSIMD two-register misc, across lanes and by element, beyond the qemu
// reference cases of simd_misc_{int,fp,lanes}_test.cc: unallocated encodings,
// tests worked out by hand from the ARM ARM pseudocode (saturation, narrowing
// into the upper half, round to odd, the Reduce() tree, the V0-V15 restriction
// of 16-bit indexed elements), the FP trap, random words and the decoder table.
#include <random>
#include <string>

#include "tests/engine/hv/soft/simd_case_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

constexpr uint64_t kIoc = 1, kDzc = 2, kOfc = 4, kUfc = 8, kIxc = 0x10;

using SimdMiscTest = SimdCaseTest;

// clang-format off
// Reserved size/Q/sz/L combinations, and FP16, RDM and dot-product encodings
// (absent from ARMv8.0).
constexpr Unallocated kUnallocated[] = {
    {"AbsVector1D", 0x0ee0b820},          // abs v0.2d with Q=0
    {"CntSize16", 0x4e605820},            // cnt with size=01
    {"NotSize32", 0x6ea05820},            // not/rbit opcode with size=10
    {"Rev16Size16", 0x4e601820},          // rev16 with size=01
    {"Rev32Size32", 0x6ea00820},          // rev32 with size=10
    {"Rev64Size64", 0x4ee00820},          // rev64 with size=11
    {"ClsSize64", 0x4ee04820},            // cls with size=11
    {"SaddlpSize64", 0x4ee02820},         // saddlp with size=11
    {"XtnSize64", 0x0ee12820},            // xtn with size=11
    {"ShllSize64", 0x2ee13820},           // shll with size=11
    {"FcvtxnFromSingle", 0x2e216820},     // fcvtxn with sz=0
    {"FrintnVector1D", 0x0e618820},       // frintn v0.2d with Q=0
    {"UrecpeDouble", 0x4ee1c820},         // urecpe with sz=1
    {"FsqrtScalar", 0x7ee1f820},          // fsqrt has no AdvSIMD scalar form
    {"AbsScalarS", 0x5ea0b820},           // abs s0, s1
    {"XtnScalar", 0x5e212820},            // xtn has no scalar form
    {"AddvVector2S", 0x0eb1b820},         // addv s0, v1.2s
    {"AddvSize64", 0x4ef1b820},           // addv with size=11
    {"FmaxvVector2S", 0x2e30f820},        // fmaxv s0, v1.2s
    {"FmaxvDouble", 0x6e70f820},          // fmaxv with sz=1
    {"FmaxvHalf", 0x4e30f820},            // fmaxv h0, v1.8h (FP16)
    {"AddpScalarSize32", 0x5eb1b820},     // addp with size=10
    {"FaddpScalarHalf", 0x5e30d820},      // faddp h0, v1.2h (FP16)
    {"MulElementSize8", 0x4f028020},      // mul by element with size=00
    {"MulElementSize64", 0x4fc28020},     // mul by element with size=11
    {"FmulElementDoubleL1", 0x4fe29820},  // fmul v0.2d by element with L=1
    {"FmulElementDoubleQ0", 0x0fc29820},  // fmul v0.1d by element
    {"FmulElementHalf", 0x4f029020},      // fmul v0.8h by element (FP16)
    {"SqdmulhElementScalarSize8", 0x5f02c020},  // sqdmulh b0 by element
    {"SqrdmlahElement", 0x6f82d020},      // sqrdmlah by element (ARMv8.1)
    {"SdotElement", 0x4f82e020},          // sdot by element (ARMv8.2)
};
// clang-format on

VMD_SIMD_UNALLOCATED_SUITE(SimdMiscUnallocated, kUnallocated);

// ---- worked out by hand from the ARM ARM pseudocode -------------------------------

TEST_F(SimdMiscTest, SqabsSaturatesMostNegativeByteAndZeroesUpperHalf) {
  // SignedSatQ(Abs(-128), 8) = 127 with QC; Abs(-1) = 1; Abs(127) = 127.
  SetQ(0, {~0ull, ~0ull});
  SetQ(1, {0x000000007fff8005, 0x8080808080808080});
  SetReg(HV_REG_FPSR, 0);
  RunOne(0x0e207820);  // sqabs v0.8b, v1.8b
  ExpectQ(0, {0x000000007f017f05, 0});
  EXPECT_EQ(Reg(HV_REG_FPSR), kQc);
}

TEST_F(SimdMiscTest, QcStaysSetAndNoSaturationLeavesFlagsAlone) {
  SetQ(1, {0x0000000000000105, 0});
  SetReg(HV_REG_FPSR, kQc | kIxc);
  RunOne(0x4e207820);  // sqabs v0.16b, v1.16b
  ExpectQ(0, {0x0105, 0});
  EXPECT_EQ(Reg(HV_REG_FPSR), kQc | kIxc);
}

TEST_F(SimdMiscTest, Sqxtn2WritesUpperHalfKeepsLowerAndSaturates) {
  // Each 32-bit lane to 16 bits: 0x00012345 -> 0x7fff (QC), -2 -> 0xfffe,
  // 0x1234 -> 0x1234, 0xffff0000 (-65536) -> 0x8000 (QC).
  SetQ(0, {0x0123456789abcdef, 0xffffffffffffffff});
  SetQ(1, {0xfffffffe00012345, 0xffff000000001234});
  SetReg(HV_REG_FPSR, 0);
  RunOne(0x4e614820);  // sqxtn2 v0.8h, v1.4s
  ExpectQ(0, {0x0123456789abcdef, 0x80001234fffe7fff});
  EXPECT_EQ(Reg(HV_REG_FPSR), kQc);
}

TEST_F(SimdMiscTest, FcvtxnRoundsToOdd) {
  // 1 + 2^-26 is not a single: round to odd truncates to 1.0 and sets the
  // lowest fraction bit (0x3f800001), inexact. 2.0 is exact: 0x40000000.
  SetQ(0, {~0ull, ~0ull});
  SetQ(1, {0x3ff0000004000000, 0x4000000000000000});
  SetReg(HV_REG_FPSR, 0);
  RunOne(0x2e616820);  // fcvtxn v0.2s, v1.2d
  ExpectQ(0, {0x400000003f800001, 0});
  EXPECT_EQ(Reg(HV_REG_FPSR), kIxc);
}

TEST_F(SimdMiscTest, FminvFollowsTheReduceTree) {
  // Reduce() computes FMIN(FMIN(e0, e1), FMIN(e2, e3)). e1 is a quiet NaN
  // and e2 a signaling NaN: the first pair gives e1, the second the quieted
  // e2 with IOC; the last FMIN sees two quiet NaNs and returns its first
  // operand, e1 (0x7fc01234), not the quieted e2.
  SetQ(1, {0x7fc0123400000000, 0x3f8000007f800001});
  SetReg(HV_REG_FPSR, 0);
  RunOne(0x6eb0f820);  // fminv s0, v1.4s
  ExpectQ(0, {0x7fc01234, 0});
  EXPECT_EQ(Reg(HV_REG_FPSR), kIoc);
}

TEST_F(SimdMiscTest, HalfIndexedElementUsesV0ToV15AndMAsIndexBit) {
  // size=01: Rm is 4 bits and M is the low index bit: v15.h[7], not v31.h[3].
  SetQ(1, {0x0004000300020001, 0x0008000700060005});
  SetQ(15, {0, 0x0003000000000000});  // h[7] = 3
  SetQ(31, {0x0005000500050005, 0x0005000500050005});
  RunOne(0x4f7f8820);  // mul v0.8h, v1.8h, v15.h[7]
  ExpectQ(0, {0x000c000900060003, 0x001800150012000f});
}

TEST_F(SimdMiscTest, SqdmlalSaturatesProductThenSum) {
  // SQDMLAL s0, h1, v2.h[0]: 2 * -32768 * -32768 = 2^31 saturates to
  // 0x7fffffff (QC); adding 5 saturates again: 0x7fffffff.
  SetQ(0, {5, 0x99});
  SetQ(1, {0x8000, 0});
  SetQ(2, {0x8000, 0});
  SetReg(HV_REG_FPSR, 0);
  RunOne(0x5f423020);  // sqdmlal s0, h1, v2.h[0]
  ExpectQ(0, {0x7fffffff, 0});
  EXPECT_EQ(Reg(HV_REG_FPSR), kQc);
}

TEST_F(SimdMiscTest, FrecpeOfZeroIsInfinityWithDivideByZero) {
  SetQ(1, {0x80000000, 0});
  SetReg(HV_REG_FPSR, 0);
  RunOne(0x5ea1d820);  // frecpe s0, s1
  ExpectQ(0, {0xff800000, 0});
  EXPECT_EQ(Reg(HV_REG_FPSR), kDzc);
}

TEST_F(SimdMiscTest, DestinationMayAliasSource) {
  SetQ(1, {0x0706050403020100, 0x0f0e0d0c0b0a0908});
  RunOne(0x4e200821);  // rev64 v1.16b, v1.16b
  ExpectQ(1, {0x0001020304050607, 0x08090a0b0c0d0e0f});
}

TEST_F(SimdMiscTest, TrapsWhenFpDisabled) {
  SetSys(HV_SYS_REG_CPACR_EL1, 0);
  SetQ(0, {0x1111, 0x2222});
  Exec({0x4ee0b820});  // abs v0.2d, v1.2d
  EXPECT_EQ(X(1) >> 26, 0x07u);
  EXPECT_EQ(X(2), kRamBase);
  ExpectQ(0, {0x1111, 0x2222});
}

// Random words on every line (free bits random, random register contents and
// FPCR) either run to the next instruction or, when the decoder calls them
// unallocated, take UNDEFINED: never anything else, never a host crash.
TEST_F(SimdMiscTest, RandomWordsOnEveryLineRunOrAreUndefined) {
  std::mt19937_64 rng(20261126);
  for (int r = 0; r < 32; ++r) SetQ(r, {rng(), rng()});
  uint64_t slot = kRamBase + 0x1000;
  int ran = 0, undefined = 0;
  for (const DecodeLine& line : SimdMiscTable()) {
    for (int k = 0; k < 12; ++k) {
      const uint32_t word = line.value | (static_cast<uint32_t>(rng()) & ~line.mask);
      const bool allocated = std::string(DecodeName(word)) != "undefined";
      ASSERT_LT(slot + 8, kRamBase + kRamSize);
      Load({word, kHvc0}, slot);
      SetReg(HV_REG_PC, slot);
      SetReg(HV_REG_CPSR, 0x3c5);
      SetReg(HV_REG_FPCR, rng() & 0x07c00000);
      RunToHvc();
      if (allocated) {
        EXPECT_EQ(Reg(HV_REG_PC), slot + 8) << line.name << " 0x" << std::hex << word;
        ++ran;
      } else {
        EXPECT_EQ(Reg(HV_REG_PC), kVectors + 0x200 + 12) << line.name << " 0x" << std::hex << word;
        EXPECT_EQ(X(1), 1ull << 25);
        ++undefined;
      }
      slot += 8;
    }
  }
  EXPECT_GT(ran, 2000);
  EXPECT_GT(undefined, 50);  // Q=0 double forms, L=1 double elements...
}

TEST(SimdMiscTable, EveryLineIsWellFormedAndDecodesToItself) {
  int lines = 0;
  for (const DecodeLine& line : SimdMiscTable()) {
    ++lines;
    EXPECT_EQ(line.value & ~line.mask, 0u) << line.name;
    EXPECT_NE(line.fn, nullptr) << line.name;
    // Vector lines leave Q free; Q=1 is valid for all of them.
    const uint32_t word = line.value | (~line.mask & (1u << 30));
    Insn insn{};
    Decode(word, insn);
    EXPECT_EQ(insn.fn, line.fn) << line.name << " 0x" << std::hex << word;
  }
  EXPECT_GT(lines, 250);
}

}  // namespace
}  // namespace vmd::hvsoft::testing
