// Integer data processing on the soft CPU, run through the hv API. Expected
// values follow the ARM ARM pseudocode (AddWithCarry, ShiftReg, ExtendReg,
// DecodeBitMasks, BitfieldMove); words assembled with aarch64-linux-gnu-as.
#include "tests/engine/hv/soft/guest_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

using DataProcessing = GuestTest;

constexpr uint64_t kN = 8, kZ = 4, kC = 2, kV = 1;  // NZCV nibble bits

TEST_F(DataProcessing, AddsSignedOverflowSetsNAndV) {
  SetX(1, 0x7fffffffffffffff);
  SetX(2, 1);
  Exec({0xab020020});  // adds x0, x1, x2
  EXPECT_EQ(X(0), 0x8000000000000000u);
  EXPECT_EQ(Nzcv(), kN | kV);
}

TEST_F(DataProcessing, Adds32CarryOutGivesZeroAndClearsUpperHalf) {
  SetX(3, 0xdeadbeefdeadbeef);
  SetX(4, 0xffffffff);
  SetX(5, 1);
  Exec({0x2b050083});  // adds w3, w4, w5
  EXPECT_EQ(X(3), 0u);
  EXPECT_EQ(Nzcv(), kZ | kC);
}

TEST_F(DataProcessing, SubsBorrowClearsCarry) {
  SetX(7, 5);
  SetX(8, 7);
  Exec({0xeb0800e6});  // subs x6, x7, x8
  EXPECT_EQ(X(6), 0xfffffffffffffffeu);
  EXPECT_EQ(Nzcv(), kN);
}

TEST_F(DataProcessing, Subs32IntMinMinusOneOverflows) {
  SetX(10, 0x80000000);
  SetX(11, 1);
  Exec({0x6b0b0149});  // subs w9, w10, w11
  EXPECT_EQ(X(9), 0x7fffffffu);
  EXPECT_EQ(Nzcv(), kC | kV);
}

TEST_F(DataProcessing, AdcAddsCarryInAndSbcsSubtractsBorrow) {
  SetReg(HV_REG_CPSR, 0x3c5 | 1u << 29);  // C=1
  SetX(13, 1);
  SetX(14, 2);
  SetX(16, 5);
  SetX(17, 5);
  Exec({
      0x9a0e01ac,  // adc x12, x13, x14      (1 + 2 + C=1)
      0xeb1f03ff,  // cmp xzr, xzr           (C=1, Z=1)
      0xab1f03ff,  // cmn xzr, xzr           (C=0)
      0x7a11020f,  // sbcs w15, w16, w17     (5 - 5 - 1)
  });
  EXPECT_EQ(X(12), 4u);
  EXPECT_EQ(X(15), 0xffffffffu);
  EXPECT_EQ(Nzcv(), kN);
}

TEST_F(DataProcessing, DivisionEdgeCases) {
  SetX(1, 0x8000000000000000);
  SetX(2, static_cast<uint64_t>(-1));
  SetX(4, 1234);
  SetX(5, 0);
  SetX(7, 100);
  SetX(8, 7);
  SetX(10, static_cast<uint64_t>(-7));
  SetX(11, 2);
  Exec({
      0x9ac20c20,  // sdiv x0, x1, x2
      0x1ac50c83,  // sdiv w3, w4, w5
      0x9ac808e6,  // udiv x6, x7, x8
      0x9acb0d49,  // sdiv x9, x10, x11
  });
  EXPECT_EQ(X(0), 0x8000000000000000u);  // INT64_MIN / -1 = INT64_MIN
  EXPECT_EQ(X(3), 0u);                   // divide by zero gives zero
  EXPECT_EQ(X(6), 14u);
  EXPECT_EQ(X(9), static_cast<uint64_t>(-3));  // rounds toward zero
}

TEST_F(DataProcessing, ShiftsTakeAmountModuloWidth) {
  SetX(1, 3);
  SetX(3, 0x8000000000000000);
  SetX(4, 65);
  SetX(6, 0x80000000);
  SetX(7, 33);
  SetX(9, 1);
  SetX(10, 1);
  SetX(12, static_cast<uint64_t>(-64));
  Exec({
      0xd3410020,  // lsl x0, x1, #63
      0x9ac42462,  // lsr x2, x3, x4
      0x1ac728c5,  // asr w5, w6, w7
      0x9aca2d28,  // ror x8, x9, x10
      0x9343fd8b,  // asr x11, x12, #3
  });
  EXPECT_EQ(X(0), 0x8000000000000000u);
  EXPECT_EQ(X(2), 0x4000000000000000u);
  EXPECT_EQ(X(5), 0xc0000000u);
  EXPECT_EQ(X(8), 0x8000000000000000u);
  EXPECT_EQ(X(11), static_cast<uint64_t>(-8));
}

TEST_F(DataProcessing, BitfieldMovesAndExtract) {
  SetX(1, 0xf80);
  SetX(3, 0xa000000000000000);
  SetX(4, 0x1111111111111111);
  SetX(5, 0xabcd);
  SetX(7, 0x1122334455667788);
  SetX(8, 0x99aabbccddeeff00);
  SetX(10, 0x80000000);
  SetX(12, 0x1ff);
  Exec({
      0x93442c20,  // sbfx x0, x1, #4, #8
      0xd37cfc62,  // lsr x2, x3, #60
      0xb3783ca4,  // bfi x4, x5, #8, #16
      0x93c840e6,  // extr x6, x7, x8, #16
      0x93407d49,  // sxtw x9, w10
      0x53001d8b,  // uxtb w11, w12
  });
  EXPECT_EQ(X(0), 0xfffffffffffffff8u);
  EXPECT_EQ(X(2), 0xau);
  EXPECT_EQ(X(4), 0x1111111111abcd11u);
  EXPECT_EQ(X(6), 0x778899aabbccddeeu);
  EXPECT_EQ(X(9), 0xffffffff80000000u);
  EXPECT_EQ(X(11), 0xffu);
}

TEST_F(DataProcessing, CountAndReverse) {
  SetX(1, 0);
  SetX(3, 0xffffffff);
  SetX(5, 1);
  SetX(7, 0x0102030405060708);
  SetX(9, 0x11223344);
  SetX(11, 0x0102030405060708);
  SetX(13, 0x00010000);
  SetX(15, 0x0000ffffffffffff);
  Exec({
      0xdac01020,  // clz x0, x1
      0x5ac01462,  // cls w2, w3
      0xdac000a4,  // rbit x4, x5
      0xdac00ce6,  // rev x6, x7
      0x5ac00528,  // rev16 w8, w9
      0xdac0096a,  // rev32 x10, x11
      0x5ac011ac,  // clz w12, w13
      0xdac015ee,  // cls x14, x15
  });
  EXPECT_EQ(X(0), 64u);
  EXPECT_EQ(X(2), 31u);
  EXPECT_EQ(X(4), 0x8000000000000000u);
  EXPECT_EQ(X(6), 0x0807060504030201u);
  EXPECT_EQ(X(8), 0x22114433u);
  EXPECT_EQ(X(10), 0x0403020108070605u);
  EXPECT_EQ(X(12), 15u);
  EXPECT_EQ(X(14), 15u);
}

TEST_F(DataProcessing, ConditionalSelect) {
  SetReg(HV_REG_CPSR, 0x3c5 | 1u << 30);  // Z=1: eq, ge hold; ne, lt do not
  SetX(1, 11);
  SetX(2, 22);
  SetX(5, 55);
  SetX(8, 0x0f0f0f0f);
  SetX(10, 10);
  Exec({
      0x9a820020,  // csel x0, x1, x2, eq
      0x9a851483,  // csinc x3, x4, x5, ne
      0x5a88b0e6,  // csinv w6, w7, w8, lt
      0xda8ba549,  // csneg x9, x10, x11, ge
  });
  EXPECT_EQ(X(0), 11u);
  EXPECT_EQ(X(3), 56u);
  EXPECT_EQ(X(6), 0xf0f0f0f0u);
  EXPECT_EQ(X(9), 10u);
}

TEST_F(DataProcessing, ConditionalCompareFalseLoadsImmediateFlags) {
  SetReg(HV_REG_CPSR, 0x3c5 | 1u << 30);  // Z=1, so "ne" fails
  SetX(12, 3);
  SetX(13, 3);
  Exec({0xfa4d1189});  // ccmp x12, x13, #9, ne
  EXPECT_EQ(Nzcv(), kN | kV);
}

TEST_F(DataProcessing, ConditionalCompareTrueCompares) {
  SetReg(HV_REG_CPSR, 0x3c5 | 1u << 30);  // Z=1, so "eq" holds
  SetX(14, 0xfffffffb);                   // -5 as a W register
  Exec({0x3a4509c2});                     // ccmn w14, #5, #2, eq
  EXPECT_EQ(Nzcv(), kZ | kC);
}

TEST_F(DataProcessing, MoveWideAndLogicalImmediates) {
  SetX(1, 0xdeadbeefdeadbeef);
  SetX(3, 0x123456789abcdef0);
  SetX(6, 2);
  SetX(8, 0x8000000000000001);
  Exec({
      0xd2c24680,  // movz x0, #0x1234, lsl #32
      0x12800001,  // movn w1, #0
      0xf297dde0,  // movk x0, #0xbeef
      0x92089c62,  // and x2, x3, #0xff00ff00ff00ff00
      0x32000be4,  // orr w4, wzr, #0x7
      0xd24000c5,  // eor x5, x6, #0x1
      0xf2410107,  // ands x7, x8, #0x8000000000000000
  });
  EXPECT_EQ(X(0), 0x000012340000beefu);
  EXPECT_EQ(X(1), 0xffffffffu);
  EXPECT_EQ(X(2), 0x120056009a00de00u);
  EXPECT_EQ(X(4), 7u);
  EXPECT_EQ(X(5), 3u);
  EXPECT_EQ(X(7), 0x8000000000000000u);
  EXPECT_EQ(Nzcv(), kN);
}

TEST_F(DataProcessing, MultiplyForms) {
  SetX(1, 3);
  SetX(2, 4);
  SetX(3, 5);
  SetX(5, 3);
  SetX(6, 4);
  SetX(7, 10);
  SetX(9, 0xfffffffe);
  SetX(10, 3);
  SetX(11, 100);
  SetX(13, 0x8000000000000000);
  SetX(14, 4);
  SetX(16, static_cast<uint64_t>(-1));
  SetX(17, 5);
  SetX(19, 0xffffffff);
  SetX(20, 2);
  Exec({
      0x9b020c20,  // madd x0, x1, x2, x3
      0x1b069ca4,  // msub w4, w5, w6, w7
      0x9b2a2d28,  // smaddl x8, w9, w10, x11
      0x9bce7dac,  // umulh x12, x13, x14
      0x9b517e0f,  // smulh x15, x16, x17
      0x9bb47e72,  // umull x18, w19, w20
  });
  EXPECT_EQ(X(0), 17u);
  EXPECT_EQ(X(4), 0xfffffffeu);
  EXPECT_EQ(X(8), 94u);
  EXPECT_EQ(X(12), 2u);
  EXPECT_EQ(X(15), 0xffffffffffffffffu);
  EXPECT_EQ(X(18), 0x1fffffffeu);
}

TEST_F(DataProcessing, ExtendedRegisterAndPcRelative) {
  SetSys(HV_SYS_REG_SP_EL1, 0x40008000);
  SetX(2, 100);
  SetX(3, 0xffffffff);
  SetX(5, 1000);
  SetX(6, 0x1234);
  SetX(8, 0x8000000000000000);
  SetX(9, 0x0800000000000000);
  Exec({
      0x910043e0,  // add x0, sp, #16
      0x8b23c841,  // add x1, x2, w3, sxtw #2
      0xcb2600a4,  // sub x4, x5, w6, uxtb
      0xab091107,  // adds x7, x8, x9, lsl #4
      0x1000000a,  // adr x10, .
      0x9000000b,  // adrp x11, .
  });
  EXPECT_EQ(X(0), 0x40008010u);
  EXPECT_EQ(X(1), 96u);
  EXPECT_EQ(X(4), 948u);
  EXPECT_EQ(X(7), 0u);
  EXPECT_EQ(Nzcv(), kZ | kC | kV);
  EXPECT_EQ(X(10), kRamBase + 0x10);
  EXPECT_EQ(X(11), kRamBase);
}

}  // namespace
}  // namespace vmd::hvsoft::testing
