// AdvSIMD three same, three different and shift by immediate, beyond the qemu
// reference cases of simd_three_{same,diff}_test.cc: unallocated encodings,
// tests hand-checked against the ARM ARM pseudocode, the FP trap, the sweep
// of every U/size/Q/opcode combination of the six encoding groups
// (simd_three_ref/sweep.inc: allocated or UNDEFINED as on qemu, the same V0
// and FPSR on pseudo-random inputs) and the decoder table.
#include <iterator>
#include <string>

#include "tests/engine/hv/soft/simd_case_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

using SimdThreeTest = SimdCaseTest;

// clang-format off
constexpr Unallocated kUnallocated[] = {
    {"AddVector1D", 0x0ee28420},  // add v0.2d with Q=0
    {"ShaddSize64", 0x4ee20420},  // shadd v0.16b with size=11
    {"SqdmulhSize8", 0x4e22b420},  // sqdmulh v0.8h with size=00
    {"PmulSize16", 0x6e629c20},  // pmul v0.16b with size=01
    {"FaddDoubleQ0", 0x0e62d420},  // fadd v0.2d with Q=0
    {"FmulxSizeHigh", 0x4ea2dc20},  // fmulx v0.4s with size<1>=1
    {"SaddlSize64", 0x0ee20020},  // saddl v0.8h with size=11
    {"PmullSize16", 0x0e62e020},  // pmull v0.8h with size=01
    {"PmullSize64", 0x0ee2e020},  // pmull v0.1q (crypto, absent)
    {"SqdmullSize8", 0x0e22d020},  // sqdmull v0.4s with size=00
    {"ScalarAddSize8", 0x5e228420},  // add d0 with size=00
    {"ScalarSqdmulhSize64", 0x5ee2b420},  // sqdmulh h0 with size=11
    {"ShrnImmh64", 0x0f408420},  // shrn with immh=1xxx
    {"SshrVector1D", 0x0f7d0420},  // sshr v0.2d with Q=0
    {"ScalarSshrSize32", 0x5f3f0420},  // sshr d0 with immh=0111
    {"ScvtfFixedHalf", 0x4f18e420},  // scvtf with immh=0011 (FP16)
    {"ScalarShrn", 0x5f0d8420},  // U=0 opcode 10000 scalar shift (shrn has no scalar)
    {"ScalarSqdmullSize8", 0x5e22d020},  // sqdmull s0 with size=00
};
// clang-format on

VMD_SIMD_UNALLOCATED_SUITE(SimdThreeUnallocated, kUnallocated);

// ---- hand-checked against the ARM ARM pseudocode ---------------------------------

TEST_F(SimdThreeTest, SqaddSaturatesEachByteAndSetsQc) {
  // SignedSatQ(0x7f + 0x01) = 0x7f, (-128) + (-128) -> -128, -1 + 1 = 0.
  SetQ(1, {0x0000000000ff807f, 0});
  SetQ(2, {0x0000000000018001, 0});
  SetReg(HV_REG_FPSR, 0);
  Exec({0x4e220c20});  // sqadd v0.16b, v1.16b, v2.16b
  EXPECT_EQ(Q(0).lo, 0x000000000000807fu);
  EXPECT_EQ(Q(0).hi, 0u);
  EXPECT_EQ(Reg(HV_REG_FPSR), kQc);
}

TEST_F(SimdThreeTest, QcIsStickyAcrossNonSaturatingOps) {
  SetQ(1, {1, 0});
  SetQ(2, {2, 0});
  SetReg(HV_REG_FPSR, kQc | 0x10);
  Exec({0x4e220c20});  // sqadd v0.16b, v1.16b, v2.16b
  EXPECT_EQ(Q(0).lo, 3u);
  EXPECT_EQ(Reg(HV_REG_FPSR), kQc | 0x10);
}

TEST_F(SimdThreeTest, UrshlRoundsNegativeShifts) {
  // URSHL by -1: (0xff + 1) >> 1 = 0x80; by -8: (0xff + 0x80) >> 8 = 1;
  // by -9 (beyond the element): 0.
  SetQ(1, {0x0000000000ffffff, 0});
  SetQ(2, {0x0000000000f7f8ff, 0});
  Exec({0x6e225420});  // urshl v0.16b, v1.16b, v2.16b
  EXPECT_EQ(Q(0).lo, 0x0000000000000180u);
}

TEST_F(SimdThreeTest, SqrdmulhRoundsAndSaturates) {
  // (2 * 0x4000 * 0x4000 + 0x8000) >> 16 = 0x2000; -1 * -1: (2 + 0x8000) >> 16 = 0;
  // 0x8000 * 0x8000: 2^31 >> 16 = 0x8000 does not fit: 0x7fff and QC.
  SetQ(1, {0x00008000ffff4000, 0});
  SetQ(2, {0x00008000ffff4000, 0});
  SetReg(HV_REG_FPSR, 0);
  Exec({0x6e62b420});  // sqrdmulh v0.8h, v1.8h, v2.8h
  EXPECT_EQ(Q(0).lo, 0x00007fff00002000u);
  EXPECT_EQ(Reg(HV_REG_FPSR), kQc);
}

TEST_F(SimdThreeTest, Addhn2WritesUpperHalfAndKeepsLower) {
  // (0x1234 + 0x0100) >> 8 = 0x13 in every byte lane of the upper half.
  SetQ(0, {0x0123456789abcdef, 0xffffffffffffffff});
  SetQ(1, {0x1234123412341234, 0x1234123412341234});
  SetQ(2, {0x0100010001000100, 0x0100010001000100});
  Exec({0x4e224020});  // addhn2 v0.16b, v1.8h, v2.8h
  EXPECT_EQ(Q(0).lo, 0x0123456789abcdefu);
  EXPECT_EQ(Q(0).hi, 0x1313131313131313u);
}

TEST_F(SimdThreeTest, SshrScalarReplicatesSignAndZeroesUpperBits) {
  SetQ(0, {0x5555, 0x6666});
  SetQ(1, {0x8000000000000000, 0x7fffffffffffffff});
  Exec({0x5f410420});         // sshr d0, d1, #63
  EXPECT_EQ(Q(0).lo, ~0ull);  // the sign bit, replicated
  EXPECT_EQ(Q(0).hi, 0u);
}

TEST_F(SimdThreeTest, DestinationMayAliasSources) {
  SetQ(1, {0x0102030405060708, 0x1112131415161718});
  Exec({0x4e218421});  // add v1.16b, v1.16b, v1.16b
  EXPECT_EQ(Q(1).lo, 0x020406080a0c0e10u);
  EXPECT_EQ(Q(1).hi, 0x222426282a2c2e30u);
}

TEST_F(SimdThreeTest, TrapsWhenFpDisabled) {
  SetSys(HV_SYS_REG_CPACR_EL1, 0);
  Exec({0x4e228420});  // add v0.16b, v1.16b, v2.16b
  EXPECT_EQ(X(1) >> 26, 0x07u);
  EXPECT_EQ(X(2), kRamBase);
}

// ---- the sweep: every U/size/Q/opcode combination of the six groups ----------------

struct SweepRow {
  uint32_t word;
  uint32_t fpcr;
  bool allocated;
  uint64_t lo, hi, fpsr;
};

constexpr SweepRow kSweep[] = {
#include "tests/engine/hv/soft/simd_three_ref/sweep.inc"
};

// The inputs of sweep row k, as gen.py's inputs(k): splitmix64 picks random
// bits, shift-count bytes, or special single/double values per 64 bits.
constexpr uint8_t kShiftBytes[] = {0,  1,  2,  7,    8,    9,    15,   16,   17,   31,   32,  33,
                                   63, 64, 65, 0xff, 0xfe, 0xf8, 0xf0, 0xe0, 0xc0, 0x80, 0x7f};
constexpr uint32_t kF32s[] = {
    0,          0x80000000, 0x3f800000, 0xbf800000, 0x7f800000, 0xff800000, 0x7fc00000, 0x7f800001,
    0xffc00123, 1,          0x007fffff, 0x807fffff, 0x7f7fffff, 0x00800000, 0x3fc00000, 0x40400000,
    0x4f000000, 0xcf000000, 0x5f000000, 0x4f800000, 0xdf000000, 0x3f000000, 0x40000000, 0xc0000000};
constexpr uint64_t kF64s[] = {0,
                              1ull << 63,
                              0x3ff0000000000000,
                              0xbff0000000000000,
                              0x7ff0000000000000,
                              0xfff0000000000000,
                              0x7ff8000000000000,
                              0x7ff0000000000001,
                              1,
                              0x000fffffffffffff,
                              0x7fefffffffffffff,
                              0x0010000000000000,
                              0x3ff8000000000000,
                              0x43e0000000000000,
                              0xc3e0000000000000,
                              0x41e0000000000000,
                              0xc1e0000000000000,
                              0x43f0000000000000,
                              0x4000000000000000,
                              0x3fe0000000000000};

struct SplitMix {
  uint64_t s;
  uint64_t Next() {
    s += 0x9e3779b97f4a7c15;
    uint64_t z = s;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
    z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
    return z ^ (z >> 31);
  }
  uint64_t Chunk() {
    const uint64_t sel = Next() % 8;
    if (sel < 3) return Next();
    if (sel == 3) {
      const uint64_t x = Next();
      uint64_t v = 0;
      for (int i = 0; i < 8; ++i) {
        v |= uint64_t{kShiftBytes[((x >> (8 * i)) & 0xff) % std::size(kShiftBytes)]} << (8 * i);
      }
      return v;
    }
    if (sel < 6) {
      const uint64_t x = Next();
      return kF32s[x % std::size(kF32s)] | uint64_t{kF32s[(x >> 16) % std::size(kF32s)]} << 32;
    }
    return kF64s[Next() % std::size(kF64s)];
  }
};

TEST_F(SimdThreeTest, SweepOfEveryEncodingFormMatchesQemu) {
  int allocated = 0;
  for (size_t k = 0; k < std::size(kSweep); ++k) {
    const SweepRow& row = kSweep[k];
    SCOPED_TRACE(::testing::Message()
                 << "word 0x" << std::hex << row.word << " (" << DecodeName(row.word) << ")");
    SplitMix rng{k};
    V128 in[3];
    for (V128& v : in) {
      v.lo = rng.Chunk();
      v.hi = rng.Chunk();
    }
    for (int r = 0; r < 3; ++r) SetQ(r, in[r]);
    SetReg(HV_REG_FPCR, row.fpcr);
    SetReg(HV_REG_FPSR, 0);
    SetReg(HV_REG_CPSR, 0x3c5);
    Exec({row.word});
    if (!row.allocated) {
      EXPECT_EQ(Reg(HV_REG_PC), kVectors + 0x200 + 12);
      EXPECT_EQ(X(1) >> 26, 0u);  // EC 0: unknown
      continue;
    }
    ++allocated;
    ASSERT_EQ(Reg(HV_REG_PC), kRamBase + 8) << "exception, ESR 0x" << std::hex << X(1);
    const V128 got = Q(0);
    EXPECT_EQ(got.lo, row.lo);
    EXPECT_EQ(got.hi, row.hi);
    EXPECT_EQ(Reg(HV_REG_FPSR), row.fpsr);
  }
  EXPECT_EQ(allocated, 808);
}

TEST(SimdThreeTable, EveryLineIsWellFormedAndReachable) {
  int lines = 0;
  for (const DecodeLine& line : SimdThreeTable()) {
    ++lines;
    EXPECT_EQ(line.value & ~line.mask, 0u) << line.name;
    EXPECT_NE(line.fn, nullptr) << line.name;
    Insn insn{};
    Decode(line.value, insn);
    EXPECT_EQ(insn.fn, line.fn) << line.name << " 0x" << std::hex << line.value;
  }
  EXPECT_GT(lines, 400);
}

}  // namespace
}  // namespace vmd::hvsoft::testing
