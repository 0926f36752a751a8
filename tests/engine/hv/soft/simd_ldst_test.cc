// SIMD&FP loads and stores on the soft CPU (exec_simd_ldst.cc): LDR/STR of
// B/H/S/D/Q in every addressing form, literals, pairs, LD1-LD4/ST1-ST4
// multiple and single structures, LD1R-LD4R; upper-half zeroing, writeback,
// page crossing, faults (host data aborts, alignment), the FPEN trap and
// unallocated encodings. Encodings from aarch64-linux-gnu-as; expected
// values worked out from the ARM ARM's rules on a byte pattern in memory.
#include <random>
#include <thread>
#include <utility>

#include "engine/hv/soft/decode.h"
#include "tests/engine/hv/soft/simd_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

constexpr uint64_t kData = kRamBase + 0x2000;
constexpr uint64_t kOnes = ~0ull;
constexpr uint64_t kVbar = kRamBase + 0x800;

class SimdLdSt : public FpGuestTest {
 protected:
  void SetUp() override {
    FpGuestTest::SetUp();
    // Byte k of the data area is k & 0xff, over 8 KiB (0x2000..0x3fff and
    // across the 4 KiB page boundary at kData + 0x1000), then zero.
    for (int k = 0; k < 0x800; ++k) ram_[kData - kRamBase + k] = static_cast<uint8_t>(k);
    for (int k = 0xf00; k < 0x1100; ++k) ram_[kData - kRamBase + k] = static_cast<uint8_t>(k);
  }
  // Runs code (HVC appended) to its first exit, without expecting an HVC.
  void RunRaw(std::vector<uint32_t> code) {
    code.push_back(kHvc0);
    Load(code);
    SetReg(HV_REG_PC, kRamBase);
    Run();
  }
  // A vector table whose current-EL synchronous entry is an HVC.
  void InstallVectors() {
    SetSys(HV_SYS_REG_VBAR_EL1, kVbar);
    Load({kHvc0}, kVbar + 0x200);
  }
};

using P = std::pair<uint64_t, uint64_t>;

TEST_F(SimdLdSt, LdrStrUnsignedOffsetAllSizes) {
  FillV(kOnes);
  SetX(0, kData);
  SetX(1, kData + 0x800);
  Exec({
      0x3d400400,  // ldr b0, [x0, #1]
      0x7d400401,  // ldr h1, [x0, #2]
      0xbd400402,  // ldr s2, [x0, #4]
      0xfd400403,  // ldr d3, [x0, #8]
      0x3dc00404,  // ldr q4, [x0, #16]
      0x3dc40005,  // ldr q5, [x0, #4096]
      0x3d800024,  // str q4, [x1]
      0xfd000823,  // str d3, [x1, #16]
      0xbd001822,  // str s2, [x1, #24]
      0x7d003821,  // str h1, [x1, #28]
      0x3d007820,  // str b0, [x1, #30]
  });
  // Scalar loads zero everything above the loaded size.
  EXPECT_EQ(V(0), P(0x01, 0));
  EXPECT_EQ(V(1), P(0x0302, 0));
  EXPECT_EQ(V(2), P(0x07060504, 0));
  EXPECT_EQ(V(3), P(0x0f0e0d0c0b0a0908, 0));
  EXPECT_EQ(V(4), P(0x1716151413121110, 0x1f1e1d1c1b1a1918));
  EXPECT_EQ(V(5), P(0x0706050403020100, 0x0f0e0d0c0b0a0908));  // imm12 scaled by 16
  EXPECT_EQ(Peek64(kData + 0x800), 0x1716151413121110u);
  EXPECT_EQ(Peek64(kData + 0x808), 0x1f1e1d1c1b1a1918u);
  EXPECT_EQ(Peek64(kData + 0x810), 0x0f0e0d0c0b0a0908u);
  // s2 at +24, h1 at +28, b0 at +30, byte 31 untouched.
  EXPECT_EQ(Peek64(kData + 0x818), 0x0001030207060504u);
}

TEST_F(SimdLdSt, LdrStrUnscaledPreAndPostIndex) {
  FillV(kOnes);
  SetX(1, kData + 0x40);
  SetX(2, kData + 0x900);
  Exec({
      0x3cdfd025,  // ldur q5, [x1, #-3]
      0x3cc10426,  // ldr q6, [x1], #16
      0xfc5f8c27,  // ldr d7, [x1, #-8]!
      0xbc401028,  // ldur s8, [x1, #1]
      0x3c9f0c46,  // str q6, [x2, #-16]!
      0xbc004448,  // str s8, [x2], #4
      0xfc010047,  // stur d7, [x2, #0x10]
      0x3c5ff429,  // ldr b9, [x1], #-1
      0x7c403c2a,  // ldr h10, [x1, #3]!
  });
  EXPECT_EQ(V(5), P(0x44434241403f3e3d, 0x4c4b4a4948474645));
  EXPECT_EQ(V(6), P(0x4746454443424140, 0x4f4e4d4c4b4a4948));
  EXPECT_EQ(V(7), P(0x4f4e4d4c4b4a4948, 0));
  EXPECT_EQ(V(8), P(0x4c4b4a49, 0));
  EXPECT_EQ(V(9), P(0x48, 0));     // post-index: loaded from x1 = +0x48
  EXPECT_EQ(V(10), P(0x4b4a, 0));  // pre-index: x1 = +0x47 + 3
  EXPECT_EQ(X(1), kData + 0x4a);
  EXPECT_EQ(X(2), kData + 0x8f4);
  EXPECT_EQ(Peek64(kData + 0x8f0), 0x474645444c4b4a49u);
  EXPECT_EQ(Peek64(kData + 0x8f8), 0x4f4e4d4c4b4a4948u);
  EXPECT_EQ(Peek64(kData + 0x904), 0x4f4e4d4c4b4a4948u);
}

TEST_F(SimdLdSt, LdrStrRegisterOffset) {
  FillV(kOnes);
  SetX(1, kData + 0x40);
  SetX(3, 2);
  SetX(4, 0xfffffffd);  // w4 = -3
  SetX(5, kData + 0x900);
  Exec({
      0x3ce37829,  // ldr q9, [x1, x3, lsl #4]
      0x7c64d82a,  // ldr h10, [x1, w4, sxtw #1]
      0xfc64c82b,  // ldr d11, [x1, w4, sxtw]
      0x3c63782c,  // ldr b12, [x1, x3, lsl #0]
      0x3c63682d,  // ldr b13, [x1, x3]
      0xbc63782e,  // ldr s14, [x1, x3, lsl #2]
      0x3ca368a9,  // str q9, [x5, x3]
      0xfc2378ab,  // str d11, [x5, x3, lsl #3]
      0x3ce3482f,  // ldr q15, [x1, w3, uxtw]
  });
  EXPECT_EQ(V(9), P(0x6766656463626160, 0x6f6e6d6c6b6a6968));
  EXPECT_EQ(V(10), P(0x3b3a, 0));
  EXPECT_EQ(V(11), P(0x44434241403f3e3d, 0));
  EXPECT_EQ(V(12), P(0x42, 0));
  EXPECT_EQ(V(13), P(0x42, 0));
  EXPECT_EQ(V(14), P(0x4b4a4948, 0));
  EXPECT_EQ(V(15), P(0x4948474645444342, 0x51504f4e4d4c4b4a));
  EXPECT_EQ(Peek64(kData + 0x902), 0x6766656463626160u);
  EXPECT_EQ(Peek64(kData + 0x90a), 0x3e3d6d6c6b6a6968u);  // d11 overwrote +0x910..
  EXPECT_EQ(Peek64(kData + 0x910), 0x44434241403f3e3du);
}

TEST_F(SimdLdSt, LdrLiteralSDQ) {
  FillV(kOnes);
  Exec({
      0x1c000080,  // ldr s0, lit
      0x5c000061,  // ldr d1, lit
      0x9c000042,  // ldr q2, lit
      0x14000005,  // b over
      0x11223344,  // lit: .quad 0x5566778811223344, 0xddeeff0099aabbcc
      0x55667788, 0x99aabbcc, 0xddeeff00,
      0x9cffff83,  // over: ldr q3, lit (negative offset)
  });
  EXPECT_EQ(V(0), P(0x11223344, 0));
  EXPECT_EQ(V(1), P(0x5566778811223344, 0));
  EXPECT_EQ(V(2), P(0x5566778811223344, 0xddeeff0099aabbcc));
  EXPECT_EQ(V(3), P(0x5566778811223344, 0xddeeff0099aabbcc));
}

TEST_F(SimdLdSt, PairsAllIndexForms) {
  FillV(kOnes);
  SetX(0, kData);
  SetX(1, kData + 0x900);
  Exec({
      0xad410400,  // ldp q0, q1, [x0, #32]
      0x6dc08c02,  // ldp d2, d3, [x0, #8]!
      0x2cff1404,  // ldp s4, s5, [x0], #-8
      0xac421c06,  // ldnp q6, q7, [x0, #64]
      0xadbf0420,  // stp q0, q1, [x1, #-32]!
      0x6c810c22,  // stp d2, d3, [x1], #16
      0x2c3f9424,  // stnp s4, s5, [x1, #-4]
      0xad011c26,  // stp q6, q7, [x1, #32]
      0x6c414410,  // ldnp d16, d17, [x0, #16]
      0x2c40cc12,  // ldnp s18, s19, [x0, #4]
      0xac024430,  // stnp q16, q17, [x1, #64]
  });
  EXPECT_EQ(V(0), P(0x2726252423222120, 0x2f2e2d2c2b2a2928));
  EXPECT_EQ(V(1), P(0x3736353433323130, 0x3f3e3d3c3b3a3938));
  EXPECT_EQ(V(2), P(0x0f0e0d0c0b0a0908, 0));
  EXPECT_EQ(V(3), P(0x1716151413121110, 0));
  EXPECT_EQ(V(4), P(0x0b0a0908, 0));
  EXPECT_EQ(V(5), P(0x0f0e0d0c, 0));
  EXPECT_EQ(V(6), P(0x4746454443424140, 0x4f4e4d4c4b4a4948));
  EXPECT_EQ(V(7), P(0x5756555453525150, 0x5f5e5d5c5b5a5958));
  EXPECT_EQ(V(16), P(0x1716151413121110, 0));
  EXPECT_EQ(V(17), P(0x1f1e1d1c1b1a1918, 0));
  EXPECT_EQ(V(18), P(0x07060504, 0));
  EXPECT_EQ(V(19), P(0x0b0a0908, 0));
  EXPECT_EQ(X(0), kData);
  EXPECT_EQ(X(1), kData + 0x8f0);
  EXPECT_EQ(Peek64(kData + 0x8e0), 0x0f0e0d0c0b0a0908u);
  EXPECT_EQ(Peek64(kData + 0x8e8), 0x0b0a090813121110u);
  EXPECT_EQ(Peek64(kData + 0x8f0), 0x373635340f0e0d0cu);
  EXPECT_EQ(Peek64(kData + 0x8f8), 0x3f3e3d3c3b3a3938u);
  EXPECT_EQ(Peek64(kData + 0x910), 0x4746454443424140u);
  EXPECT_EQ(Peek64(kData + 0x928), 0x5f5e5d5c5b5a5958u);
  EXPECT_EQ(Peek64(kData + 0x930), 0x1716151413121110u);  // stnp d-regs as q: upper zero
  EXPECT_EQ(Peek64(kData + 0x938), 0u);
  EXPECT_EQ(Peek64(kData + 0x940), 0x1f1e1d1c1b1a1918u);
}

TEST_F(SimdLdSt, Ld1St1MultipleAllRegisterCounts) {
  FillV(kOnes);
  SetX(0, kData);
  SetX(1, kData + 0x900);
  SetX(2, 32);
  SetX(9, 16);
  Exec({
      0x4c407000,  // ld1 {v0.16b}, [x0]
      0x0c40a001,  // ld1 {v1.8b, v2.8b}, [x0]
      0x4cdf6803,  // ld1 {v3.4s, v4.4s, v5.4s}, [x0], #48
      0x4c402c1e,  // ld1 {v30.2d, v31.2d, v0.2d, v1.2d}, [x0]
      0x0cc97c06,  // ld1 {v6.1d}, [x0], x9
      0x4c82a023,  // st1 {v3.16b, v4.16b}, [x1], x2
      0x4c9f2c3e,  // st1 {v30.2d, v31.2d, v0.2d, v1.2d}, [x1], #64
      0x0c007026,  // st1 {v6.8b}, [x1]
      0x0c006024,  // st1 {v4.8b, v5.8b, v6.8b}, [x1]
      0x0cdf2407,  // ld1 {v7.4h, v8.4h, v9.4h, v10.4h}, [x0], #32
      0x0c9f6827,  // st1 {v7.2s, v8.2s, v9.2s}, [x1], #24
  });
  EXPECT_EQ(V(2), P(0x0f0e0d0c0b0a0908, 0));  // 8B form: upper half zero
  EXPECT_EQ(V(3), P(0x0706050403020100, 0x0f0e0d0c0b0a0908));
  EXPECT_EQ(V(5), P(0x2726252423222120, 0x2f2e2d2c2b2a2928));
  EXPECT_EQ(V(30), P(0x3736353433323130, 0x3f3e3d3c3b3a3938));
  EXPECT_EQ(V(31), P(0x4746454443424140, 0x4f4e4d4c4b4a4948));
  EXPECT_EQ(V(0), P(0x5756555453525150, 0x5f5e5d5c5b5a5958));  // register list wraps
  EXPECT_EQ(V(1), P(0x6766656463626160, 0x6f6e6d6c6b6a6968));
  EXPECT_EQ(V(6), P(0x3736353433323130, 0));
  EXPECT_EQ(V(7), P(0x4746454443424140, 0));
  EXPECT_EQ(V(10), P(0x5f5e5d5c5b5a5958, 0));
  EXPECT_EQ(X(0), kData + 96);
  EXPECT_EQ(X(1), kData + 0x960 + 24);
  EXPECT_EQ(Peek64(kData + 0x900), 0x0706050403020100u);
  EXPECT_EQ(Peek64(kData + 0x918), 0x1f1e1d1c1b1a1918u);
  EXPECT_EQ(Peek64(kData + 0x920), 0x3736353433323130u);
  EXPECT_EQ(Peek64(kData + 0x958), 0x6f6e6d6c6b6a6968u);
  EXPECT_EQ(Peek64(kData + 0x960), 0x4746454443424140u);  // st1 {v7-v9.2s}
  EXPECT_EQ(Peek64(kData + 0x968), 0x4f4e4d4c4b4a4948u);
  EXPECT_EQ(Peek64(kData + 0x970), 0x5756555453525150u);
  EXPECT_EQ(Peek64(kData + 0x978), 0u);
}

TEST_F(SimdLdSt, Ld2Ld3Ld4St2St3St4Interleave) {
  FillV(kOnes);
  SetX(0, kData);
  SetX(1, kData + 0x900);
  SetX(2, kData + 0x980);
  SetX(3, kData + 0xa00);
  SetX(4, kData + 0x100);
  SetX(5, kData + 0xa80);
  SetX(10, 8);
  Exec({
      0x4c408400,  // ld2 {v0.8h, v1.8h}, [x0]
      0x0c40400a,  // ld3 {v10.8b, v11.8b, v12.8b}, [x0]
      0x4cdf0804,  // ld4 {v4.4s, v5.4s, v6.4s, v7.4s}, [x0], #64
      0x0cca8808,  // ld2 {v8.2s, v9.2s}, [x0], x10
      0x4c000824,  // st4 {v4.4s, v5.4s, v6.4s, v7.4s}, [x1]
      0x0c00404a,  // st3 {v10.8b, v11.8b, v12.8b}, [x2]
      0x4c9f8460,  // st2 {v0.8h, v1.8h}, [x3], #32
      0x4c400090,  // ld4 {v16.16b, v17.16b, v18.16b, v19.16b}, [x4]
      0x4cdf4c94,  // ld3 {v20.2d, v21.2d, v22.2d}, [x4], #48
      0x0c0088a8,  // st2 {v8.2s, v9.2s}, [x5]
  });
  EXPECT_EQ(V(0), P(0x0d0c090805040100, 0x1d1c191815141110));
  EXPECT_EQ(V(1), P(0x0f0e0b0a07060302, 0x1f1e1b1a17161312));
  EXPECT_EQ(V(10), P(0x15120f0c09060300, 0));
  EXPECT_EQ(V(11), P(0x1613100d0a070401, 0));
  EXPECT_EQ(V(12), P(0x1714110e0b080502, 0));
  EXPECT_EQ(V(4), P(0x1312111003020100, 0x3332313023222120));
  EXPECT_EQ(V(7), P(0x1f1e1d1c0f0e0d0c, 0x3f3e3d3c2f2e2d2c));
  EXPECT_EQ(V(8), P(0x4b4a494843424140, 0));
  EXPECT_EQ(V(9), P(0x4f4e4d4c47464544, 0));
  EXPECT_EQ(V(16), P(0x1c1814100c080400, 0x3c3834302c282420));  // bytes 4e of +0x100
  EXPECT_EQ(V(19), P(0x1f1b17130f0b0703, 0x3f3b37332f2b2723));
  EXPECT_EQ(V(20), P(0x0706050403020100, 0x1f1e1d1c1b1a1918));
  EXPECT_EQ(V(22), P(0x1716151413121110, 0x2f2e2d2c2b2a2928));
  EXPECT_EQ(X(0), kData + 72);
  EXPECT_EQ(X(3), kData + 0xa20);
  EXPECT_EQ(X(4), kData + 0x130);
  // Structure stores undo the loads' de-interleaving.
  for (int k = 0; k < 8; ++k) {
    EXPECT_EQ(Peek64(kData + 0x900 + 8 * k), Peek64(kData + 8 * k)) << k;
  }
  for (int k = 0; k < 3; ++k) {
    EXPECT_EQ(Peek64(kData + 0x980 + 8 * k), Peek64(kData + 8 * k)) << k;
  }
  for (int k = 0; k < 4; ++k) {
    EXPECT_EQ(Peek64(kData + 0xa00 + 8 * k), Peek64(kData + 8 * k)) << k;
  }
  EXPECT_EQ(Peek64(kData + 0xa80), 0x4746454443424140u);
  EXPECT_EQ(Peek64(kData + 0xa88), 0x4f4e4d4c4b4a4948u);
}

TEST_F(SimdLdSt, SingleStructureLanes) {
  constexpr uint64_t kA = 0xaaaaaaaaaaaaaaaa;
  FillV(kA);
  SetX(0, kData);
  SetX(1, kData + 0x900);
  SetX(2, kData + 0x910);
  SetX(3, 0x10);
  SetX(4, kData + 0x920);
  Exec({
      0x4d401c00,  // ld1 {v0.b}[15], [x0]
      0x0d405801,  // ld1 {v1.h}[3], [x0]
      0x0dff9002,  // ld2 {v2.s, v3.s}[1], [x0], #8
      0x4d40a404,  // ld3 {v4.d, v5.d, v6.d}[1], [x0]
      0x0de33c08,  // ld4 {v8.b, v9.b, v10.b, v11.b}[7], [x0], x3
      0x4d008424,  // st1 {v4.d}[1], [x1]
      0x0dbf9042,  // st2 {v2.s, v3.s}[1], [x2], #8
      0x0d203c48,  // st4 {v8.b, v9.b, v10.b, v11.b}[7], [x2]
      0x4d006884,  // st3 {v4.h, v5.h, v6.h}[5], [x4]
  });
  // Lane loads keep every other lane (also the upper half).
  EXPECT_EQ(V(0), P(kA, 0x00aaaaaaaaaaaaaa));
  EXPECT_EQ(V(1), P(0x0100aaaaaaaaaaaa, kA));
  EXPECT_EQ(V(2), P(0x03020100aaaaaaaa, kA));
  EXPECT_EQ(V(3), P(0x07060504aaaaaaaa, kA));
  EXPECT_EQ(V(4), P(kA, 0x0f0e0d0c0b0a0908));
  EXPECT_EQ(V(5), P(kA, 0x1716151413121110));
  EXPECT_EQ(V(6), P(kA, 0x1f1e1d1c1b1a1918));
  EXPECT_EQ(V(8), P(0x08aaaaaaaaaaaaaa, kA));
  EXPECT_EQ(V(11), P(0x0baaaaaaaaaaaaaa, kA));
  EXPECT_EQ(X(0), kData + 0x18);
  EXPECT_EQ(X(2), kData + 0x918);
  EXPECT_EQ(Peek64(kData + 0x900), 0x0f0e0d0c0b0a0908u);
  EXPECT_EQ(Peek64(kData + 0x910), 0x0706050403020100u);
  EXPECT_EQ(Peek64(kData + 0x918), 0x0b0a0908u);
  EXPECT_EQ(Peek64(kData + 0x920), 0x00001b1a13120b0au);
}

TEST_F(SimdLdSt, LoadAndReplicate) {
  FillV(kOnes);
  SetX(0, kData + 0x10);
  SetX(11, 0x100);
  Exec({
      0x4d40c800,  // ld1r {v0.4s}, [x0]
      0x0d60c001,  // ld2r {v1.8b, v2.8b}, [x0]
      0x4d40ec03,  // ld3r {v3.2d, v4.2d, v5.2d}, [x0]
      0x4dffe406,  // ld4r {v6.8h, v7.8h, v8.8h, v9.8h}, [x0], #8
      0x0dcbcc0a,  // ld1r {v10.1d}, [x0], x11
  });
  EXPECT_EQ(V(0), P(0x1312111013121110, 0x1312111013121110));
  EXPECT_EQ(V(1), P(0x1010101010101010, 0));
  EXPECT_EQ(V(2), P(0x1111111111111111, 0));
  EXPECT_EQ(V(3), P(0x1716151413121110, 0x1716151413121110));
  EXPECT_EQ(V(5), P(0x2726252423222120, 0x2726252423222120));
  EXPECT_EQ(V(6), P(0x1110111011101110, 0x1110111011101110));
  EXPECT_EQ(V(9), P(0x1716171617161716, 0x1716171617161716));
  EXPECT_EQ(V(10), P(0x1f1e1d1c1b1a1918, 0));
  EXPECT_EQ(X(0), kData + 0x118);
}

TEST_F(SimdLdSt, AccessesCrossingAPageBoundary) {
  FillV(kOnes);
  SetX(0, kData + 0xff8);
  SetX(1, kData + 0xfe8);
  SetX(4, kData + 0xfe0);
  SetX(5, kData + 0x1ff8);
  SetX(6, kData + 0x2fe8);
  Exec({
      0x3dc00000,  // ldr q0, [x0]
      0xad400821,  // ldp q1, q2, [x1]
      0x4c400890,  // ld4 {v16.4s, v17.4s, v18.4s, v19.4s}, [x4]
      0x4c0070a0,  // st1 {v0.16b}, [x5]
      0xad0008c1,  // stp q1, q2, [x6]
  });
  EXPECT_EQ(V(0), P(0xfffefdfcfbfaf9f8, 0x0706050403020100));
  EXPECT_EQ(V(1), P(0xefeeedecebeae9e8, 0xf7f6f5f4f3f2f1f0));
  EXPECT_EQ(V(2), P(0xfffefdfcfbfaf9f8, 0x0706050403020100));
  EXPECT_EQ(V(16), P(0xf3f2f1f0e3e2e1e0, 0x1312111003020100));
  EXPECT_EQ(V(19), P(0xfffefdfcefeeedec, 0x1f1e1d1c0f0e0d0c));
  EXPECT_EQ(Peek64(kData + 0x1ff8), 0xfffefdfcfbfaf9f8u);
  EXPECT_EQ(Peek64(kData + 0x2000), 0x0706050403020100u);
  EXPECT_EQ(Peek64(kData + 0x2fe8), 0xefeeedecebeae9e8u);
  EXPECT_EQ(Peek64(kData + 0x2ff0), 0xf7f6f5f4f3f2f1f0u);
  EXPECT_EQ(Peek64(kData + 0x2ff8), 0xfffefdfcfbfaf9f8u);
  EXPECT_EQ(Peek64(kData + 0x3000), 0x0706050403020100u);
}

// An access to guest-physical memory that is not mapped exits to the host as
// a data abort (ISV=0 for SIMD&FP); the PC stays on the instruction, the
// base register is not written back and the loaded registers are unchanged.
TEST_F(SimdLdSt, UnmappedAccessExitsToHostWithoutWriteback) {
  struct Case {
    uint32_t insn;
    uint64_t base;
    uint64_t fault_va;
    bool write;
  } cases[] = {
      {0x3dc000a0, 0x50000000, 0x50000000, false},  // ldr q0, [x5]
      {0x4cdf20c0, kRamBase + kRamSize - 32, kRamBase + kRamSize,
       false},  // ld1 {v0-v3.16b}, [x6], #64
      {0x4c9facc0, kRamBase + kRamSize - 16, kRamBase + kRamSize,
       true},  // st1 {v0.2d, v1.2d}, [x6], #32
      {0xadc084c0, kRamBase + kRamSize - 16, kRamBase + kRamSize, false},  // ldp q0, q1, [x6, #16]!
  };
  for (const Case& k : cases) {
    FillV(0x5a5a5a5a5a5a5a5a);
    SetX(5, k.base);
    SetX(6, k.base);
    RunRaw({k.insn});
    ASSERT_EQ(exit_->reason, HV_EXIT_REASON_EXCEPTION);
    const uint64_t esr = exit_->exception.syndrome;
    EXPECT_EQ(ExceptionClass(esr), 0x24u) << std::hex << k.insn;
    EXPECT_EQ(esr & (1u << 24), 0u);  // ISV=0
    EXPECT_EQ((esr >> 6) & 1, k.write ? 1u : 0u);
    EXPECT_EQ(exit_->exception.virtual_address, k.fault_va);
    EXPECT_EQ(Reg(HV_REG_PC), kRamBase);
    EXPECT_EQ(X(5), k.base);
    EXPECT_EQ(X(6), k.base);
    EXPECT_EQ(V(0), P(0x5a5a5a5a5a5a5a5a, 0x5a5a5a5a5a5a5a5a));
  }
}

TEST_F(SimdLdSt, AlignmentCheckedPerElementWithSctlrA) {
  InstallVectors();
  SetSys(HV_SYS_REG_SCTLR_EL1, Sys(HV_SYS_REG_SCTLR_EL1) | 2);
  // Accesses aligned to their element size do not fault.
  SetX(0, kData + 8);
  SetX(1, kData + 1);
  SetX(2, kData + 4);
  Exec({
      0xfd400000,  // ldr d0, [x0]
      0x4c407020,  // ld1 {v0.16b}, [x1]
      0x2d400841,  // ldp s1, s2, [x2]
      0x4d40cc00,  // ld1r {v0.2d}, [x0]
      0xbc404443,  // ldr s3, [x2], #4
  });
  EXPECT_EQ(V(1), P(0x07060504, 0));
  EXPECT_EQ(X(2), kData + 8);
  struct Case {
    uint32_t insn;
    uint64_t va;
    bool write;
  } cases[] = {
      {0x3dc00000, kData + 8, false},  // ldr q0, [x0]: Q needs 16
      {0x3d800000, kData + 8, true},   // str q0, [x0]
      {0x4c407860, kData + 2, false},  // ld1 {v0.4s}, [x3]
      {0x4c408420, kData + 1, false},  // ld2 {v0.8h, v1.8h}, [x1]
      {0x4d008440, kData + 4, true},   // st1 {v0.d}[1], [x2]
      {0xad400400, kData + 8, false},  // ldp q0, q1, [x0]: each Q needs 16
      {0x4cdf7860, kData + 2, false},  // ld1 {v0.4s}, [x3], #16
  };
  for (const Case& k : cases) {
    SetReg(HV_REG_CPSR, 0x3c5);
    SetX(0, kData + 8);
    SetX(1, kData + 1);
    SetX(2, kData + 4);
    SetX(3, kData + 2);
    SetSys(HV_SYS_REG_ESR_EL1, 0);
    Exec({k.insn});
    const uint64_t esr = Sys(HV_SYS_REG_ESR_EL1);
    EXPECT_EQ(ExceptionClass(esr), 0x25u) << std::hex << k.insn;
    EXPECT_EQ(esr & 0x3f, 0x21u) << std::hex << k.insn;
    EXPECT_EQ((esr >> 6) & 1, k.write ? 1u : 0u) << std::hex << k.insn;
    EXPECT_EQ(Sys(HV_SYS_REG_FAR_EL1), k.va) << std::hex << k.insn;
    EXPECT_EQ(Sys(HV_SYS_REG_ELR_EL1), kRamBase);
    EXPECT_EQ(X(3), kData + 2);  // no writeback
  }
}

TEST_F(SimdLdSt, QAndPairsNeedNoAlignmentWithoutSctlrA) {
  SetX(0, kData + 3);
  Exec({
      0x3dc00000,  // ldr q0, [x0]
      0xadc08801,  // ldp q1, q2, [x0, #16]!
  });
  EXPECT_EQ(V(0), P(0x0a09080706050403, 0x1211100f0e0d0c0b));
  EXPECT_EQ(V(1), P(0x1a19181716151413, 0x2221201f1e1d1c1b));
  EXPECT_EQ(V(2), P(0x2a29282726252423, 0x3231302f2e2d2c2b));
  EXPECT_EQ(X(0), kData + 19);
}

// SCTLR_EL1.SA: an SP base must be 16-byte aligned (EC 0x26); only SP
// itself is checked, not the address.
TEST_F(SimdLdSt, SpBaseChecksSpAlignment) {
  InstallVectors();
  SetSys(HV_SYS_REG_SCTLR_EL1, Sys(HV_SYS_REG_SCTLR_EL1) | 8);
  SetSys(HV_SYS_REG_SP_EL1, kData + 16);
  Exec({
      0x3cc083e0,  // ldur q0, [sp, #8]
      0x6dbf07e0,  // stp d0, d1, [sp, #-16]!
  });
  EXPECT_EQ(V(0), P(0x1f1e1d1c1b1a1918, 0x2726252423222120));
  EXPECT_EQ(Sys(HV_SYS_REG_SP_EL1), kData);
  for (uint32_t insn : {0x3dc003e0u /* ldr q0, [sp] */, 0x4c4073e0u /* ld1 {v0.16b}, [sp] */}) {
    SetReg(HV_REG_CPSR, 0x3c5);
    SetSys(HV_SYS_REG_SP_EL1, kData + 8);
    Exec({insn});
    EXPECT_EQ(ExceptionClass(Sys(HV_SYS_REG_ESR_EL1)), 0x26u) << std::hex << insn;
    EXPECT_EQ(Sys(HV_SYS_REG_ELR_EL1), kRamBase);
  }
}

TEST_F(SimdLdSt, FpDisabledTrapsWithEc7) {
  InstallVectors();
  for (uint32_t insn :
       {0x3dc00000u /* ldr q0, [x0] */, 0x4c407000u /* ld1 {v0.16b}, [x0] */,
        0xad410400u /* ldp q0, q1, [x0, #32] */, 0x4d40c800u /* ld1r {v0.4s}, [x0] */}) {
    SetSys(HV_SYS_REG_CPACR_EL1, 0);
    SetReg(HV_REG_CPSR, 0x3c5);
    SetX(0, kData);
    Exec({insn});
    const uint64_t esr = Sys(HV_SYS_REG_ESR_EL1);
    EXPECT_EQ(ExceptionClass(esr), 0x07u) << std::hex << insn;
    EXPECT_EQ(esr & 0x1ffffff, 1u << 24 | 0xEu << 20);
    EXPECT_EQ(Sys(HV_SYS_REG_ELR_EL1), kRamBase);
    EXPECT_EQ(X(0), kData);
  }
}

// CPACR_EL1.FPEN=01 enables FP at EL1 only: at EL0 the access traps to EL1.
TEST_F(SimdLdSt, FpenEl1OnlyTrapsAtEl0) {
  InstallVectors();
  Load({kHvc0}, kVbar + 0x400);  // lower EL, AArch64, synchronous
  SetSys(HV_SYS_REG_CPACR_EL1, 1ull << 20);
  SetSys(HV_SYS_REG_SP_EL0, kData + 0x800);
  SetX(0, kData);
  Load({0x3dc00000, kHvc0});  // ldr q0, [x0]
  SetReg(HV_REG_PC, kRamBase);
  SetReg(HV_REG_CPSR, 0);  // EL0t
  RunToHvc();
  EXPECT_EQ(ExceptionClass(Sys(HV_SYS_REG_ESR_EL1)), 0x07u);
  EXPECT_EQ(Sys(HV_SYS_REG_ELR_EL1), kRamBase);
  // The same instruction at EL1 runs.
  SetReg(HV_REG_CPSR, 0x3c5);
  Exec({0x3dc00000});
  EXPECT_EQ(V(0), P(0x0706050403020100, 0x0f0e0d0c0b0a0908));
}

TEST_F(SimdLdSt, UnallocatedEncodingsAreUndefined) {
  InstallVectors();
  for (uint32_t insn : {
           0xdc000000u,  // LDR (literal) opc=11
           0x7dc00000u,  // LDR H with opc<1>=1
           0xbdc00000u,  // LDR S with opc<1>=1
           0xfd800000u,  // STR D with opc<1>=1
           0x3c400800u,  // "LDTR" SIMD&FP (unprivileged forms have no V=1)
           0x3c600800u,  // register offset with option=000
           0xed400000u,  // LDP SIMD&FP opc=11
           0xad400000u,  // ldp q0, q0, [x0]: CONSTRAINED UNPREDICTABLE, we UNDEF
           0x4c401000u,  // LD1-4 multiple, opcode 0001
           0x0c408c00u,  // LD2 .1D (size=11, Q=0)
           0x0c400c00u,  // LD4 .1D
           0x4c417000u,  // LD1 no-offset with Rm != 0
           0x0d404400u,  // LD1 (single) H lane with size<0>=1
           0x0d408800u,  // LD1 (single) S lane with size<1>=1
           0x0d409400u,  // LD1 (single) D lane with S=1
           0x0d00c000u,  // "ST1R" (replicate with L=0)
           0x0d40d000u,  // LD1R with S=1
       }) {
    SetReg(HV_REG_CPSR, 0x3c5);
    SetX(0, kData);
    Exec({insn});
    EXPECT_EQ(ExceptionClass(Sys(HV_SYS_REG_ESR_EL1)), 0x00u) << std::hex << insn;
    EXPECT_EQ(Sys(HV_SYS_REG_ELR_EL1), kRamBase) << std::hex << insn;
  }
}

TEST_F(SimdLdSt, RandomWordsOfThisGroupEndInWellFormedExits) {
  RandomWordsEndInWellFormedExits(SimdLoadStoreTable(), 4242);
}

// No instruction word can match both a line of this group and a line of any
// other group (or two lines of this group): table order never matters. For
// the integer loads and stores that is bit 26 (V).
TEST(SimdLdStDecode, LinesOverlapNoOtherLine) {
  ExpectNoOverlapWithAnyLine(SimdLoadStoreTable());
  EXPECT_STREQ(DecodeName(0x3dc00000), "LDR (Q, SIMD) (unsigned offset)");
  EXPECT_STREQ(DecodeName(0x4c407000), "LD1-LD4 (multiple structures)");  // ld1 {v0.16b}, [x0]
  EXPECT_STREQ(DecodeName(0x0d203c48), "ST1-ST4 (single structure)");     // st4 {..b}[7], [x2]
  EXPECT_STREQ(DecodeName(0x39400000), "LDRB (unsigned offset)");         // ldrb w0, [x0]
}

}  // namespace
}  // namespace vmd::hvsoft::testing
