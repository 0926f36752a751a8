// AdvSIMD data movement on the soft CPU (exec_simd_move.cc): DUP, INS, UMOV,
// SMOV, scalar DUP, UZP/TRN/ZIP, EXT, TBL/TBX and the modified-immediate
// forms (MOVI, MVNI, ORR, BIC, FMOV), with upper-half zeroing for 64-bit
// forms, the FPEN trap and reserved encodings. Encodings from
// aarch64-linux-gnu-as; expected values worked out by hand from the ARM ARM
// pseudocode on byte-pattern registers (byte k of a source is base + k).
#include <random>
#include <thread>
#include <utility>

#include "engine/hv/soft/decode.h"
#include "tests/engine/hv/soft/simd_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

constexpr uint64_t kOnes = ~0ull;
constexpr uint64_t kA = 0xaaaaaaaaaaaaaaaa;
constexpr uint64_t kVbar = kRamBase + 0x800;
using P = std::pair<uint64_t, uint64_t>;

class SimdMove : public FpGuestTest {
 protected:
  // Byte k of Vn = base + k.
  void SetVBytes(int n, uint8_t base) {
    uint64_t lo = 0, hi = 0;
    for (int k = 0; k < 8; ++k) {
      lo |= static_cast<uint64_t>(static_cast<uint8_t>(base + k)) << (8 * k);
      hi |= static_cast<uint64_t>(static_cast<uint8_t>(base + 8 + k)) << (8 * k);
    }
    SetV(n, lo, hi);
  }
  void InstallVectors() {
    SetSys(HV_SYS_REG_VBAR_EL1, kVbar);
    Load({kHvc0}, kVbar + 0x200);
  }
};

TEST_F(SimdMove, DupElement) {
  FillV(kOnes);
  SetVBytes(1, 0x10);
  Exec({
      0x4e0b0420,  // dup v0.16b, v1.b[5]
      0x0e1e0423,  // dup v3.4h, v1.h[7]
      0x4e180424,  // dup v4.2d, v1.d[1]
      0x0e1c0425,  // dup v5.2s, v1.s[3]
  });
  EXPECT_EQ(V(0), P(0x1515151515151515, 0x1515151515151515));
  EXPECT_EQ(V(3), P(0x1f1e1f1e1f1e1f1e, 0));  // 64-bit form: upper half zero
  EXPECT_EQ(V(4), P(0x1f1e1d1c1b1a1918, 0x1f1e1d1c1b1a1918));
  EXPECT_EQ(V(5), P(0x1f1e1d1c1f1e1d1c, 0));
}

TEST_F(SimdMove, DupGeneral) {
  FillV(kOnes);
  SetX(2, 0x8877665544332211);
  Exec({
      0x0e010c46,  // dup v6.8b, w2
      0x4e020c47,  // dup v7.8h, w2
      0x4e040c48,  // dup v8.4s, w2
      0x4e080c49,  // dup v9.2d, x2
      0x4e010fea,  // dup v10.16b, wzr
  });
  EXPECT_EQ(V(6), P(0x1111111111111111, 0));
  EXPECT_EQ(V(7), P(0x2211221122112211, 0x2211221122112211));
  EXPECT_EQ(V(8), P(0x4433221144332211, 0x4433221144332211));
  EXPECT_EQ(V(9), P(0x8877665544332211, 0x8877665544332211));
  EXPECT_EQ(V(10), P(0, 0));
}

TEST_F(SimdMove, InsGeneralKeepsOtherLanes) {
  FillV(kA);
  SetX(2, 0x8877665544332211);
  Exec({
      0x4e1f1c4b,  // mov v11.b[15], w2
      0x4e0a1c4b,  // mov v11.h[2], w2
      0x4e0c1c4c,  // mov v12.s[1], w2
      0x4e181c4c,  // mov v12.d[1], x2
  });
  EXPECT_EQ(V(11), P(0xaaaa2211aaaaaaaa, 0x11aaaaaaaaaaaaaa));
  EXPECT_EQ(V(12), P(0x44332211aaaaaaaa, 0x8877665544332211));
}

TEST_F(SimdMove, InsElementKeepsOtherLanes) {
  FillV(kA);
  SetVBytes(1, 0x10);
  Exec({
      0x6e1c042d,  // mov v13.s[3], v1.s[0]
      0x6e017c2d,  // mov v13.b[0], v1.b[15]
      0x6e08442e,  // mov v14.d[0], v1.d[1]
      0x6e1e142e,  // mov v14.h[7], v1.h[1]
  });
  EXPECT_EQ(V(13), P(0xaaaaaaaaaaaaaa1f, 0x13121110aaaaaaaa));
  EXPECT_EQ(V(14), P(0x1f1e1d1c1b1a1918, 0x1312aaaaaaaaaaaa));
}

TEST_F(SimdMove, Umov) {
  SetVBytes(1, 0x10);
  SetVBytes(15, 0x80);
  for (int n = 3; n <= 12; ++n) SetX(n, kOnes);
  Exec({
      0x0e133c23,  // umov w3, v1.b[9]
      0x0e1e3c24,  // umov w4, v1.h[7]
      0x0e1c3c25,  // mov w5, v1.s[3]
      0x4e183c26,  // mov x6, v1.d[1]
      0x0e033dec,  // umov w12, v15.b[1]
  });
  EXPECT_EQ(X(3), 0x19u);
  EXPECT_EQ(X(4), 0x1f1eu);
  EXPECT_EQ(X(5), 0x1f1e1d1cu);
  EXPECT_EQ(X(6), 0x1f1e1d1c1b1a1918u);
  EXPECT_EQ(X(12), 0x81u);  // zero-extended
}

TEST_F(SimdMove, Smov) {
  SetVBytes(1, 0x10);
  SetVBytes(15, 0x80);
  for (int n = 3; n <= 12; ++n) SetX(n, kOnes);
  Exec({
      0x0e1f2de7,  // smov w7, v15.b[15]
      0x4e1e2de8,  // smov x8, v15.h[7]
      0x4e1c2de9,  // smov x9, v15.s[3]
      0x0e062c2a,  // smov w10, v1.h[1]
      0x4e012c2b,  // smov x11, v1.b[0]
  });
  EXPECT_EQ(X(7), 0xffffff8fu);  // W destination: sign-extended to 32, upper zero
  EXPECT_EQ(X(8), 0xffffffffffff8f8eu);
  EXPECT_EQ(X(9), 0xffffffff8f8e8d8cu);
  EXPECT_EQ(X(10), 0x1312u);
  EXPECT_EQ(X(11), 0x10u);
}

TEST_F(SimdMove, DupScalarFromElement) {
  FillV(kOnes);
  SetVBytes(1, 0x10);
  SetVBytes(15, 0x80);
  Exec({
      0x5e070430,  // mov b16, v1.b[3]
      0x5e1a05f1,  // mov h17, v15.h[6]
      0x5e140432,  // mov s18, v1.s[2]
      0x5e1805f3,  // mov d19, v15.d[1]
  });
  // Scalar writes zero the rest of the register.
  EXPECT_EQ(V(16), P(0x13, 0));
  EXPECT_EQ(V(17), P(0x8d8c, 0));
  EXPECT_EQ(V(18), P(0x1b1a1918, 0));
  EXPECT_EQ(V(19), P(0x8f8e8d8c8b8a8988, 0));
}

TEST_F(SimdMove, UzpTrnZip) {
  FillV(kOnes);
  SetVBytes(1, 0x10);
  SetVBytes(2, 0x20);
  Exec({
      0x4e021834,  // uzp1 v20.16b, v1.16b, v2.16b
      0x4e825835,  // uzp2 v21.4s, v1.4s, v2.4s
      0x4e422836,  // trn1 v22.8h, v1.8h, v2.8h
      0x0e826837,  // trn2 v23.2s, v1.2s, v2.2s
      0x4ec23838,  // zip1 v24.2d, v1.2d, v2.2d
      0x0e027839,  // zip2 v25.8b, v1.8b, v2.8b
      0x0e42383a,  // zip1 v26.4h, v1.4h, v2.4h
      0x0e02183b,  // uzp1 v27.8b, v1.8b, v2.8b
      0x4ec2583e,  // uzp2 v30.2d, v1.2d, v2.2d
      0x4e02283f,  // trn1 v31.16b, v1.16b, v2.16b
      0x4e827820,  // zip2 v0.4s, v1.4s, v2.4s
  });
  EXPECT_EQ(V(20), P(0x1e1c1a1816141210, 0x2e2c2a2826242220));
  EXPECT_EQ(V(21), P(0x1f1e1d1c17161514, 0x2f2e2d2c27262524));
  EXPECT_EQ(V(22), P(0x2524151421201110, 0x2d2c1d1c29281918));
  EXPECT_EQ(V(23), P(0x2726252417161514, 0));
  EXPECT_EQ(V(24), P(0x1716151413121110, 0x2726252423222120));
  EXPECT_EQ(V(25), P(0x2717261625152414, 0));
  EXPECT_EQ(V(26), P(0x2322131221201110, 0));
  EXPECT_EQ(V(27), P(0x2624222016141210, 0));
  EXPECT_EQ(V(30), P(0x1f1e1d1c1b1a1918, 0x2f2e2d2c2b2a2928));
  EXPECT_EQ(V(31), P(0x2616241422122010, 0x2e1e2c1c2a1a2818));
  EXPECT_EQ(V(0), P(0x2b2a29281b1a1918, 0x2f2e2d2c1f1e1d1c));
}

TEST_F(SimdMove, PermuteDestinationMayBeASource) {
  SetVBytes(1, 0x10);
  SetVBytes(2, 0x20);
  Exec({
      0x4e822821,  // trn1 v1.4s, v1.4s, v2.4s
  });
  EXPECT_EQ(V(1), P(0x2322212013121110, 0x2b2a29281b1a1918));
}

TEST_F(SimdMove, Ext) {
  FillV(kOnes);
  SetVBytes(1, 0x10);
  SetVBytes(2, 0x20);
  Exec({
      0x6e02183c,  // ext v28.16b, v1.16b, v2.16b, #3
      0x2e02383d,  // ext v29.8b, v1.8b, v2.8b, #7
  });
  EXPECT_EQ(V(28), P(0x1a19181716151413, 0x2221201f1e1d1c1b));
  EXPECT_EQ(V(29), P(0x2625242322212017, 0));
}

// Table registers: byte k of V0/V1/V2/V3/V30/V31 = 0x10/0x20/0x30/0x40/0x50/0x60 + k.
// Indices in V4, byte 0 first: 0 5 15 16 31 32 255 1 | 17 47 48 63 64 2 3 4.
class SimdTable : public SimdMove {
 protected:
  void SetUp() override {
    SimdMove::SetUp();
    SetVBytes(0, 0x10);
    SetVBytes(1, 0x20);
    SetVBytes(2, 0x30);
    SetVBytes(3, 0x40);
    SetVBytes(30, 0x50);
    SetVBytes(31, 0x60);
    SetV(4, 0x01ff201f100f0500, 0x040302403f302f11);
  }
};

TEST_F(SimdTable, TblOneTwoAndFourRegisters) {
  SetV(6, kA, kA);
  SetV(7, kA, kA);
  Exec({
      0x4e040006,  // tbl v6.16b, {v0.16b}, v4.16b
      0x0e042007,  // tbl v7.8b, {v0.16b, v1.16b}, v4.8b
      0x4e046009,  // tbl v9.16b, {v0.16b, v1.16b, v2.16b, v3.16b}, v4.16b
  });
  // Out-of-range indices give 0.
  EXPECT_EQ(V(6), P(0x11000000001f1510, 0x1413120000000000));
  EXPECT_EQ(V(7), P(0x1100002f201f1510, 0));  // 8B form: upper half zero
  EXPECT_EQ(V(9), P(0x1100302f201f1510, 0x141312004f403f21));
}

TEST_F(SimdTable, TbxThreeAndFourRegisters) {
  SetV(5, kA, kA);
  SetV(8, kA, kA);
  Exec({
      0x4e045005,  // tbx v5.16b, {v0.16b, v1.16b, v2.16b}, v4.16b
      0x0e0473c8,  // tbx v8.8b, {v30.16b, v31.16b, v0.16b, v1.16b}, v4.8b
  });
  // Out-of-range indices keep the destination byte.
  EXPECT_EQ(V(5), P(0x11aa302f201f1510, 0x141312aaaaaa3f21));
  EXPECT_EQ(V(8), P(0x51aa106f605f5550, 0));  // list wraps V31 -> V0; 8B zeroes the top
}

TEST_F(SimdMove, MoviAndMvniEveryCmode) {
  FillV(kOnes);
  Exec({
      0x4f052560,  // movi v0.4s, #0xab, lsl #8
      0x4f00a641,  // movi v1.8h, #0x12, lsl #8
      0x0f01d682,  // movi v2.2s, #0x34, msl #16
      0x4f03e7e3,  // movi v3.16b, #0x7f
      0x2f05e544,  // movi d4, #0xff00ff00ff00ff00
      0x6f04e465,  // movi v5.2d, #0xff0000000000ffff
      0x6f006646,  // mvni v6.4s, #0x12, lsl #24
      0x2f008427,  // mvni v7.4h, #1
      0x6f02c6c8,  // mvni v8.4s, #0x56, msl #8
      0x0f0665a9,  // movi v9.2s, #0xcd, lsl #24
      0x0f0785ea,  // movi v10.4h, #0xef
      0x6f04a411,  // mvni v17.8h, #0x80, lsl #8
      0x4f00c4b2,  // movi v18.4s, #0x5, msl #8
      0x2f004454,  // mvni v20.2s, #0x2, lsl #16
      0x6f00e41a,  // movi v26.2d, #0
  });
  EXPECT_EQ(V(0), P(0x0000ab000000ab00, 0x0000ab000000ab00));
  EXPECT_EQ(V(1), P(0x1200120012001200, 0x1200120012001200));
  EXPECT_EQ(V(2), P(0x0034ffff0034ffff, 0));
  EXPECT_EQ(V(3), P(0x7f7f7f7f7f7f7f7f, 0x7f7f7f7f7f7f7f7f));
  EXPECT_EQ(V(4), P(0xff00ff00ff00ff00, 0));
  EXPECT_EQ(V(5), P(0xff0000000000ffff, 0xff0000000000ffff));
  EXPECT_EQ(V(6), P(0xedffffffedffffff, 0xedffffffedffffff));
  EXPECT_EQ(V(7), P(0xfffefffefffefffe, 0));
  EXPECT_EQ(V(8), P(0xffffa900ffffa900, 0xffffa900ffffa900));
  EXPECT_EQ(V(9), P(0xcd000000cd000000, 0));
  EXPECT_EQ(V(10), P(0x00ef00ef00ef00ef, 0));
  EXPECT_EQ(V(17), P(0x7fff7fff7fff7fff, 0x7fff7fff7fff7fff));
  EXPECT_EQ(V(18), P(0x000005ff000005ff, 0x000005ff000005ff));
  EXPECT_EQ(V(20), P(0xfffdfffffffdffff, 0));
  EXPECT_EQ(V(26), P(0, 0));
}

TEST_F(SimdMove, OrrAndBicVectorImmediate) {
  for (int n : {11, 12, 13, 14, 15, 16}) SetV(n, 0x0102030405060708, 0x1112131415161718);
  Exec({
      0x4f04540b,  // orr v11.4s, #0x80, lsl #16
      0x4f00942c,  // orr v12.8h, #1
      0x2f0717ed,  // bic v13.2s, #0xff
      0x6f07b7ee,  // bic v14.8h, #0xff, lsl #8
      0x0f00b46f,  // orr v15.4h, #0x3, lsl #8
      0x6f0034f0,  // bic v16.4s, #0x7, lsl #8
  });
  EXPECT_EQ(V(11), P(0x0182030405860708, 0x1192131415961718));
  EXPECT_EQ(V(12), P(0x0103030505070709, 0x1113131515171719));
  EXPECT_EQ(V(13), P(0x0102030005060700, 0));  // 2S form: upper half zero
  EXPECT_EQ(V(14), P(0x0002000400060008, 0x0012001400160018));
  EXPECT_EQ(V(15), P(0x0302030407060708, 0));
  EXPECT_EQ(V(16), P(0x0102000405060008, 0x1112101415161018));
}

TEST_F(SimdMove, FmovVectorImmediate) {
  FillV(kOnes);
  Exec({
      0x4f03f615,  // fmov v21.4s, #1.0
      0x6f07f416,  // fmov v22.2d, #-0.5
      0x0f01f7f7,  // fmov v23.2s, #31.0
      0x4f02f418,  // fmov v24.4s, #0.125
      0x6f05f7f9,  // fmov v25.2d, #-31.0
  });
  EXPECT_EQ(V(21), P(0x3f8000003f800000, 0x3f8000003f800000));
  EXPECT_EQ(V(22), P(0xbfe0000000000000, 0xbfe0000000000000));
  EXPECT_EQ(V(23), P(0x41f8000041f80000, 0));
  EXPECT_EQ(V(24), P(0x3e0000003e000000, 0x3e0000003e000000));
  EXPECT_EQ(V(25), P(0xc03f000000000000, 0xc03f000000000000));
}

TEST_F(SimdMove, FpDisabledTrapsWithEc7) {
  InstallVectors();
  for (uint32_t insn : {0x4e0b0420u /* dup v0.16b, v1.b[5] */, 0x0e133c23u /* umov w3, v1.b[9] */,
                        0x4e021834u /* uzp1 */, 0x6e02183cu /* ext */, 0x4e040006u /* tbl */,
                        0x6f00e41au /* movi v26.2d, #0 */, 0x5e070430u /* mov b16, v1.b[3] */}) {
    SetSys(HV_SYS_REG_CPACR_EL1, 0);
    SetReg(HV_REG_CPSR, 0x3c5);
    SetX(3, 77);
    Exec({insn});
    const uint64_t esr = Sys(HV_SYS_REG_ESR_EL1);
    EXPECT_EQ(ExceptionClass(esr), 0x07u) << std::hex << insn;
    EXPECT_EQ(esr & 0x1ffffff, 1u << 24 | 0xEu << 20);
    EXPECT_EQ(Sys(HV_SYS_REG_ELR_EL1), kRamBase);
    EXPECT_EQ(X(3), 77u);
  }
}

TEST_F(SimdMove, ReservedEncodingsAreUndefined) {
  InstallVectors();
  for (uint32_t insn : {
           0x4e100400u,  // DUP (element) imm5=10000
           0x0e080400u,  // DUP (element) D lane, Q=0
           0x0e080c00u,  // DUP (general) D, Q=0
           0x0e083c00u,  // UMOV D into Wd
           0x4e013c00u,  // UMOV B into Xd
           0x0e042c00u,  // SMOV S into Wd
           0x4e082c00u,  // SMOV D
           0x6e000400u,  // INS (element) imm5=00000
           0x4e001c00u,  // INS (general) imm5=00000
           0x0e011400u,  // copy op=0 imm4=0010
           0x2e010400u,  // copy op=1 Q=0
           0x5e100400u,  // DUP (scalar) imm5=10000
           0x4e000800u,  // permute opcode 000
           0x4e004800u,  // permute opcode 100
           0x0ec01800u,  // UZP1 .1D (size=11, Q=0)
           0x2e004000u,  // EXT 8B with imm4<3>=1
           0x2e400000u,  // EXT op2=01
           0x4e400000u,  // TBL op2=01
           0x0f00fc00u,  // FMOV (vector, half): FP16 is not in ARMv8.0
           0x2f00f400u,  // FMOV (vector, double) with Q=0
       }) {
    SetReg(HV_REG_CPSR, 0x3c5);
    Exec({insn});
    EXPECT_EQ(ExceptionClass(Sys(HV_SYS_REG_ESR_EL1)), 0x00u) << std::hex << insn;
    EXPECT_EQ(Sys(HV_SYS_REG_ELR_EL1), kRamBase) << std::hex << insn;
  }
}

TEST_F(SimdMove, RandomWordsOfThisGroupEndInWellFormedExits) {
  RandomWordsEndInWellFormedExits(SimdMoveTable(), 2424);
}

// No instruction word can match both a line of this group and a line of any
// other group (or two lines of this group): table order never matters. For
// the integer loads and stores that is bit 26 (V).
TEST(SimdMoveDecode, LinesOverlapNoOtherLine) {
  ExpectNoOverlapWithAnyLine(SimdMoveTable());
  EXPECT_STREQ(DecodeName(0x4e0b0420), "DUP (element)");
}

}  // namespace
}  // namespace vmd::hvsoft::testing
