// Checks the differential tester's own parts without running hv: the
// encoders against encodings from the Arm ARM (cross-checked with GNU as), the
// reference program against results worked out from the instructions'
// definitions, every generator's output running cleanly on the reference, and
// the verdicts.
#include <cstring>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/difftest/a64.h"
#include "tests/difftest/case_builder.h"
#include "tests/difftest/compare.h"
#include "tests/difftest/runners.h"

namespace vmd::difftest {
namespace {

using namespace a64;  // NOLINT: test file

TEST(A64Encoders, MatchArchitecturalEncodings) {
  EXPECT_EQ(AddSubImm(1, 0, 0, 0, 1, 1, 0), 0x91000420u);           // add x0, x1, #1
  EXPECT_EQ(AddSubImm(0, 1, 1, 1, 4, 3, 2), 0x71401062u);           // subs w2, w3, #4, lsl #12
  EXPECT_EQ(LogicalImm(1, 0, 1, 56, 7, 6, 5), 0x92781cc5u);         // and x5, x6, #0xff00
  EXPECT_EQ(MovWide(1, kMovk, 3, 0x1234, 7), 0xf2e24687u);          // movk x7, #0x1234, lsl #48
  EXPECT_EQ(Bitfield(0, 2, 0, 3, 7, 10, 9), 0x53031d49u);           // ubfx w9, w10, #3, #5
  EXPECT_EQ(Extr(1, 1, 13, 17, 12, 11), 0x93cd458bu);               // extr x11, x12, x13, #17
  EXPECT_EQ(LogicalShifted(1, 3, 3, 1, 16, 9, 15, 14), 0xeaf025eeu);  // bics x14, x15, x16, ror #9
  EXPECT_EQ(AddSubExt(1, 0, 1, 2, 6, 3, 1, 0), 0xab22cc20u);        // adds x0, x1, w2, sxtw #3
  EXPECT_EQ(CondCompare(0, 1, 1, 5, 1, 1, 0xa), 0x7a45182au);       // ccmp w1, #5, #0xa, ne
  EXPECT_EQ(CondSelect(1, 1, 1, 5, 11, 4, 3), 0xda85b483u);         // csneg x3, x4, x5, lt
  EXPECT_EQ(Dp1(1, 2, 7, 6), 0xdac008e6u);                          // rev32 x6, x7
  EXPECT_EQ(Dp2(0, 3, 10, 9, 8), 0x1aca0d28u);                      // sdiv w8, w9, w10
  EXPECT_EQ(Dp3(1, 6, 0, 13, 31, 12, 11), 0x9bcd7d8bu);             // umulh x11, x12, x13
  EXPECT_EQ(Dp3(1, 1, 1, 16, 17, 15, 14), 0x9b30c5eeu);             // smsubl x14, w15, w16, x17
  EXPECT_EQ(LdstUimm(1, 3, 2047, 2, 1), 0x79dffc41u);               // ldrsh w1, [x2, #4094]
  EXPECT_EQ(LdstImm9(3, 1, -3, 0, 4, 3), 0xf85fd083u);              // ldur x3, [x4, #-3]
  EXPECT_EQ(LdstImm9(0, 1, 7, 1, 6, 5), 0x384074c5u);               // ldrb w5, [x6], #7
  EXPECT_EQ(LdstImm9(2, 0, -8, 3, 8, 7), 0xb81f8d07u);              // str w7, [x8, #-8]!
  EXPECT_EQ(LdstImm9(3, 1, 16, 2, 10, 9), 0xf8410949u);             // ldtr x9, [x10, #16]
  EXPECT_EQ(LdstReg(2, 2, 13, 6, 1, 12, 11), 0xb8add98bu);          // ldrsw x11, [x12, w13, sxtw #2]
  EXPECT_EQ(LdstPair(2, 3, 1, -64, 2, 3, 1), 0xa9e00861u);          // ldp x1, x2, [x3, #-512]!
  EXPECT_EQ(LdstPair(1, 1, 1, 2, 5, 6, 4), 0x68c114c4u);            // ldpsw x4, x5, [x6], #8
  EXPECT_EQ(LdstPair(0, 0, 0, 1, 8, 9, 7), 0x2800a127u);            // stnp w7, w8, [x9, #4]
  EXPECT_EQ(LdrLiteral(1, 2, 10), 0x5800004au);                     // ldr x10, .+8
  EXPECT_EQ(LdstExcl(2, 0, 1, 0, 31, 1, 31, 3, 2), 0x885ffc62u);    // ldaxr w2, [x3]
  EXPECT_EQ(LdstExcl(3, 0, 0, 0, 4, 1, 31, 6, 5), 0xc804fcc5u);     // stlxr w4, x5, [x6]
  EXPECT_EQ(LdstExcl(3, 0, 0, 1, 7, 0, 9, 10, 8), 0xc8272548u);     // stxp w7, x8, x9, [x10]
  EXPECT_EQ(LdstExcl(0, 1, 1, 0, 31, 1, 31, 12, 11), 0x08dffd8bu);  // ldarb w11, [x12]
  EXPECT_EQ(B(0, 4), 0x14000004u);                                  // b .+16
  EXPECT_EQ(B(1, -1), 0x97ffffffu);                                 // bl .-4
  EXPECT_EQ(BCond(2, 10), 0x5400004au);                             // b.ge .+8
  EXPECT_EQ(Cb(0, 1, 3, 1), 0x35000061u);                           // cbnz w1, .+12
  EXPECT_EQ(Tb(40, 0, 2, 2), 0xb6400042u);                          // tbz x2, #40, .+8
  EXPECT_EQ(BranchReg(1, 3), 0xd63f0060u);                          // blr x3
  EXPECT_EQ(BranchReg(2, 4), 0xd65f0080u);                          // ret x4
  EXPECT_EQ(MrsNzcv(5), 0xd53b4205u);
  EXPECT_EQ(MsrNzcv(6), 0xd51b4206u);
  EXPECT_EQ(Hint(20), 0xd503229fu);                                 // csdb
}

// FP/SIMD encoders; the expected words are aarch64-linux-gnu-as output.
TEST(A64Encoders, MatchFpSimdEncodings) {
  EXPECT_EQ(FpDp1(0, 0, 2, 1), 0x1e204041u);                      // fmov s1, s2
  EXPECT_EQ(FpDp1(3, 5, 2, 1), 0x1ee2c041u);                      // fcvt d1, h2
  EXPECT_EQ(FpCmp(1, 0, 3, 0x18), 0x1e602078u);                   // fcmpe d3, #0.0
  EXPECT_EQ(FpCcmp(0, 2, 1, 1, 0, 3), 0x1e221423u);               // fccmp s1, s2, #3, ne
  EXPECT_EQ(FpDp2(1, 3, 8, 2, 1), 0x1e638841u);                   // fnmul d1, d2, d3
  EXPECT_EQ(FpCsel(0, 3, 11, 2, 1), 0x1e23bc41u);                 // fcsel s1, s2, s3, lt
  EXPECT_EQ(FpImm(1, 0x70, 1), 0x1e6e1001u);                      // fmov d1, #1.0
  EXPECT_EQ(FpDp3(0, 1, 3, 1, 4, 2, 1), 0x1f239041u);             // fnmsub s1, s2, s3, s4
  EXPECT_EQ(FpFixed(0, 1, 0, 2, 61, 2, 1), 0x1e42f441u);          // scvtf d1, w2, #3
  EXPECT_EQ(FpFixed(1, 0, 3, 1, 0, 2, 1), 0x9e190041u);           // fcvtzu x1, s2, #64
  EXPECT_EQ(FpInt(0, 1, 0, 5, 2, 1), 0x1e650041u);                // fcvtau w1, d2
  EXPECT_EQ(FpInt(1, 2, 1, 6, 2, 1), 0x9eae0041u);                // fmov x1, v2.d[1]
  EXPECT_EQ(FpInt(1, 2, 1, 7, 1, 2), 0x9eaf0022u);                // fmov v2.d[1], x1
  EXPECT_EQ(VLdstUimm(0, 3, 2, 2, 1), 0x3dc00841u);               // ldr q1, [x2, #32]
  EXPECT_EQ(VLdstUimm(0, 1, 1, 2, 1), 0x3d400441u);               // ldr b1, [x2, #1]
  EXPECT_EQ(VLdstImm9(1, 0, -2, 1, 4, 3), 0x7c1fe483u);           // str h3, [x4], #-2
  EXPECT_EQ(VLdstReg(3, 1, 7, 3, 1, 6, 5), 0xfc6778c5u);          // ldr d5, [x6, x7, lsl #3]
  EXPECT_EQ(VLdrLiteral(2, 2, 1), 0x9c000041u);                   // ldr q1, .+8
  EXPECT_EQ(VLdstPair(2, 3, 1, -2, 2, 3, 1), 0xadff0861u);        // ldp q1, q2, [x3, #-32]!
  EXPECT_EQ(VLdstPair(0, 0, 0, 2, 2, 3, 1), 0x2c010861u);         // stnp s1, s2, [x3, #8]
  EXPECT_EQ(VLdstMulti(0, 1, 1, 31, 0, 0, 2, 1), 0x0cdf0041u);    // ld4 {v1.8b-v4.8b}, [x2], #32
  EXPECT_EQ(VLdstMulti(1, 0, 1, 4, 6, 3, 3, 30), 0x4c846c7eu);    // st1 {v30-v0.2d}, [x3], x4
  EXPECT_EQ(VLdstSingle(1, 1, 0, 0, 0, 5, 1, 0, 4, 1), 0x4d40b081u);    // ld3 {v1-v3.s}[3], [x4]
  EXPECT_EQ(VLdstSingle(1, 1, 1, 1, 31, 7, 0, 3, 5, 1), 0x4dffeca1u);   // ld4r {v1-v4.2d}, [x5], #32
  EXPECT_EQ(VLdstSingle(1, 0, 1, 1, 7, 2, 0, 2, 6, 1), 0x4da748c1u);    // st2 {v1.h,v2.h}[5], [x6], x7
  EXPECT_EQ(SimdCopy(1, 0, 0x1e, 0, 2, 1), 0x4e1e0441u);          // dup v1.8h, v2.h[7]
  EXPECT_EQ(SimdCopy(1, 0, 0x08, 1, 2, 1), 0x4e080c41u);          // dup v1.2d, x2
  EXPECT_EQ(SimdCopy(1, 0, 0x1c, 3, 2, 1), 0x4e1c1c41u);          // mov v1.s[3], w2
  EXPECT_EQ(SimdCopy(1, 1, 0x1f, 0, 2, 1), 0x6e1f0441u);          // mov v1.b[15], v2.b[0]
  EXPECT_EQ(SimdCopy(1, 0, 0x0c, 5, 2, 1), 0x4e0c2c41u);          // smov x1, v2.s[1]
  EXPECT_EQ(SimdCopy(0, 0, 0x0e, 7, 2, 1), 0x0e0e3c41u);          // umov w1, v2.h[3]
  EXPECT_EQ(kScalar | SimdCopy(0, 0, 0x12, 0, 2, 1), 0x5e120441u);  // mov h1, v2.h[4]
  EXPECT_EQ(SimdPermute(1, 2, 3, 7, 2, 1), 0x4e837841u);          // zip2 v1.4s, v2.4s, v3.4s
  EXPECT_EQ(SimdExt(1, 3, 13, 2, 1), 0x6e036841u);                // ext v1.16b, v2, v3, #13
  EXPECT_EQ(SimdTbl(0, 2, 2, 1, 30, 1), 0x0e0253c1u);             // tbx v1.8b, {v30-v0}, v2.8b
  EXPECT_EQ(SimdModImm(1, 1, 0xaa, 14, 0, 1), 0x6f05e541u);       // movi v1.2d, #0xff00ff00ff00ff00
  EXPECT_EQ(SimdModImm(1, 1, 0x80, 15, 0, 1), 0x6f04f401u);       // fmov v1.2d, #-2.0
  EXPECT_EQ(SimdModImm(0, 1, 0x12, 11, 0, 1), 0x2f00b641u);       // bic v1.4h, #0x12, lsl #8
  EXPECT_EQ(SimdReg(kThreeSame, 1, 1, 1, 3, 0x16, 2, 1), 0x6e63b441u);  // sqrdmulh v1.8h
  EXPECT_EQ(SimdReg(kThreeSame, 1, 1, 1, 3, 0x18, 2, 1), 0x6e63c441u);  // fmaxnmp v1.2d
  EXPECT_EQ(kScalar | SimdReg(kThreeSame, 1, 1, 3, 3, 0x0b, 2, 1), 0x7ee35c41u);  // uqrshl d1
  EXPECT_EQ(kScalar | SimdReg(kThreeSame, 1, 1, 2, 3, 0x1d, 2, 1), 0x7ea3ec41u);  // facgt s1
  EXPECT_EQ(SimdReg(kThreeDiff, 1, 0, 1, 3, 0xb, 2, 1), 0x4e63b041u);   // sqdmlsl2 v1.4s
  EXPECT_EQ(kScalar | SimdReg(kThreeDiff, 1, 0, 1, 3, 0xd, 2, 1), 0x5e63d041u);  // sqdmull s1
  EXPECT_EQ(SimdShiftImm(1, 1, 0x0d, 0x11, 2, 1), 0x6f0d8c41u);   // sqrshrun2 v1.16b, v2.8h, #3
  EXPECT_EQ(SimdShiftImm(1, 1, 0x44, 0x1c, 2, 1), 0x6f44e441u);   // ucvtf v1.2d, v2.2d, #60
  EXPECT_EQ(kScalar | SimdShiftImm(1, 1, 0x0f, 0x0e, 2, 1), 0x7f0f7441u);  // uqshl b1, b2, #7
  EXPECT_EQ(SimdReg(kTwoMisc, 1, 1, 1, 0, 0x16, 2, 1), 0x6e616841u);    // fcvtxn2 v1.4s, v2.2d
  EXPECT_EQ(kScalar | SimdReg(kTwoMisc, 1, 0, 3, 0, 0x1d, 2, 1), 0x5ee1d841u);  // frecpe d1
  EXPECT_EQ(kScalar | SimdReg(kTwoMisc, 1, 0, 2, 0, 0x1f, 2, 1), 0x5ea1f841u);  // frecpx s1
  EXPECT_EQ(SimdReg(kAcross, 1, 1, 0, 0, 0x03, 2, 1), 0x6e303841u);     // uaddlv h1, v2.16b
  EXPECT_EQ(SimdReg(kAcross, 1, 1, 2, 0, 0x0c, 2, 1), 0x6eb0c841u);     // fminnmv s1, v2.4s
  EXPECT_EQ(kScalar | SimdReg(kAcross, 1, 1, 1, 0, 0x0d, 2, 1), 0x7e70d841u);  // faddp d1
  EXPECT_EQ(SimdElem(1, 0, 3, 0, 0, 3, 0x1, 1, 2, 1), 0x4fc31841u);     // fmla v1.2d, .., v3.d[1]
  EXPECT_EQ(SimdElem(1, 0, 1, 1, 1, 15, 0x3, 1, 2, 1), 0x4f7f3841u);    // sqdmlal2 .., v15.h[7]
  EXPECT_EQ(kScalar | SimdElem(1, 1, 2, 1, 1, 15, 0x9, 1, 2, 1), 0x7fbf9841u);  // fmulx s1, .. v31.s[3]
  EXPECT_EQ(MrsFp(1, 1), 0xd53b4421u);                            // mrs x1, fpsr
  EXPECT_EQ(MsrFp(0, 2), 0xd51b4402u);                            // msr fpcr, x2
}

DtCase MakeCase(std::vector<uint32_t> code) {
  DtCase c;
  std::memset(&c, 0, sizeof(c));
  c.magic = DT_CASE_MAGIC;
  c.data_seed = 42;
  for (int i = 0; i < 31; ++i) c.x[i] = 0x1000 + i;
  c.sp = 0x10000;
  c.ncode = static_cast<uint32_t>(code.size());
  std::copy(code.begin(), code.end(), c.code);
  return c;
}

std::vector<DtResult> RunRef(const std::vector<DtCase>& cases) {
  char tmpl[] = "/tmp/difftest_selftest.XXXXXX";
  EXPECT_NE(mkdtemp(tmpl), nullptr);
  RefRunner ref(DIFFTEST_DEFAULT_QEMU, DIFFTEST_DEFAULT_REF, tmpl);
  EXPECT_TRUE(ref.Start(cases).ok());
  auto results = ref.Wait();
  EXPECT_TRUE(results.ok()) << results.status();
  std::string rm = std::string("rm -rf ") + tmpl;
  EXPECT_EQ(std::system(rm.c_str()), 0);
  return results.ok() ? *results : std::vector<DtResult>(cases.size());
}

TEST(Reference, AddsSetsNegativeAndOverflowOnSignedWrap) {
  DtCase c = MakeCase({0xab020020});  // adds x0, x1, x2
  c.x[1] = 0x7fffffffffffffffull;
  c.x[2] = 1;
  DtResult r = RunRef({c})[0];
  ASSERT_EQ(r.status, DT_STATUS_OK);
  EXPECT_EQ(r.x[0], 0x8000000000000000ull);
  EXPECT_EQ(r.nzcv, 0x90000000ull);  // N and V
  EXPECT_EQ(r.x[1], c.x[1]);
  EXPECT_EQ(r.sp, c.sp);
  EXPECT_EQ(r.nchanged, 0u);
}

TEST(Reference, StoreShowsAsChangedDataWord) {
  DtCase c = MakeCase({LdstUimm(3, 0, 2, 2, 1)});  // str x1, [x2, #16]
  c.x[1] = 0x1122334455667788ull;
  c.x[2] = DT_DATA_IPA + 0x100;
  DtResult r = RunRef({c})[0];
  ASSERT_EQ(r.status, DT_STATUS_OK);
  ASSERT_EQ(r.nchanged, 1u);
  EXPECT_EQ(r.changed[0].offset, 0x110u);
  EXPECT_EQ(r.changed[0].value, 0x1122334455667788ull);
}

TEST(Reference, LoadReadsTheSeededDataPattern) {
  DtCase c = MakeCase({LdstUimm(3, 1, 0, 2, 1)});  // ldr x1, [x2]
  c.x[2] = DT_DATA_IPA + 0x40;
  DtResult r = RunRef({c})[0];
  ASSERT_EQ(r.status, DT_STATUS_OK);
  EXPECT_EQ(r.x[1], DtDataWord(c.data_seed, 0x40 / 8));
}

TEST(Reference, PcRelativeResultsUseTheSharedCodeAddress) {
  // bl .+8 ; (skipped) ; adr x3, .
  DtCase c = MakeCase({B(1, 2), kNop, Adr(0, 0, 3)});
  DtResult r = RunRef({c})[0];
  ASSERT_EQ(r.status, DT_STATUS_OK);
  EXPECT_EQ(r.x[30], DT_CODE_IPA + 4);
  EXPECT_EQ(r.x[3], DT_CODE_IPA + 8);
}

TEST(Reference, UndefinedInstructionIsReportedAsSigillWithTheStateBeforeIt) {
  // movz x5, #7 ; msr nzcv, x6 ; udf #0
  DtCase c = MakeCase({MovWide(1, kMovz, 0, 7, 5), MsrNzcv(6), 0x00000000});
  c.x[6] = 0x60000000;
  DtResult r = RunRef({c})[0];
  EXPECT_EQ(r.status, 4u);  // SIGILL
  EXPECT_EQ(r.fault_pc, DT_CODE_IPA + 8);
  EXPECT_EQ(r.x[5], 7u);
  EXPECT_EQ(r.nzcv, 0x60000000u);
  EXPECT_EQ(r.sp, c.sp);
}

// FP state through the reference: fadd s0, s1, s2 with 1.5 + 2.25 = 3.75
// (exact: no flag), the upper bits of V0 zeroed by the scalar write; and an
// inexact 1/3 under round-towards-zero sets IXC and rounds down.
TEST(Reference, ScalarFpAddAndFlagsAndRoundingMode) {
  DtCase c = MakeCase({FpDp2(0, 2, 2, 1, 0), FpDp2(1, 5, 1, 4, 3)});  // fadd s0,s1,s2; fdiv d3,d4,d5
  c.v[0][0] = c.v[0][1] = ~0ull;
  c.v[1][0] = 0x3fc00000;  // 1.5f
  c.v[2][0] = 0x40100000;  // 2.25f
  c.v[4][0] = 0x3ff0000000000000ull;  // 1.0
  c.v[5][0] = 0x4008000000000000ull;  // 3.0
  c.fpcr = 3ull << 22;                // RMode RZ
  c.fpsr = 1ull << 27;                // QC stays set
  DtResult r = RunRef({c})[0];
  ASSERT_EQ(r.status, DT_STATUS_OK);
  EXPECT_EQ(r.v[0][0], 0x40700000u);  // 3.75f
  EXPECT_EQ(r.v[0][1], 0u);
  EXPECT_EQ(r.v[3][0], 0x3fd5555555555555ull);  // 1/3 rounded towards zero
  EXPECT_EQ(r.fpcr & DT_FPCR_MASK, 3ull << 22);
  EXPECT_EQ(r.fpsr & DT_FPSR_MASK, (1ull << 27) | (1ull << 4));  // QC, IXC
  EXPECT_EQ(r.v[1][0], c.v[1][0]);
}

// The prologue loads and the epilogue stores every V register, FPCR and
// FPSR in place: a NOP case gives them back unchanged.
TEST(Reference, NopCaseReturnsEveryVectorRegisterAndFpcrFpsr) {
  DtCase c = MakeCase({kNop});
  for (int i = 0; i < 32; ++i) {
    c.v[i][0] = 0x0101010101010101ull * static_cast<uint64_t>(i + 1);
    c.v[i][1] = ~c.v[i][0] ^ (static_cast<uint64_t>(i) << 56);
  }
  c.fpcr = 0x07c00000;  // RMode 3, FZ, DN, AHP
  c.fpsr = 0x0800009f;  // QC and every cumulative flag
  DtResult r = RunRef({c})[0];
  ASSERT_EQ(r.status, DT_STATUS_OK);
  for (int i = 0; i < 32; ++i) {
    EXPECT_EQ(r.v[i][0], c.v[i][0]) << "v" << i;
    EXPECT_EQ(r.v[i][1], c.v[i][1]) << "v" << i;
  }
  EXPECT_EQ(r.fpcr & DT_FPCR_MASK, c.fpcr);
  EXPECT_EQ(r.fpsr & DT_FPSR_MASK, c.fpsr);
}

// A fault after FP work: the V registers and FPSR come from the signal frame.
TEST(Reference, FpStateAtAFaultComesFromTheSignalFrame) {
  DtCase c = MakeCase({FpDp2(0, 2, 1, 1, 0), 0x00000000});  // fdiv s0, s1, s2 ; udf #0
  c.v[1][0] = 0x3f800000;  // 1.0f / 0.0f: +inf with DZC
  c.v[2][0] = 0;
  c.v[31][1] = 0x0123456789abcdefull;
  DtResult r = RunRef({c})[0];
  EXPECT_EQ(r.status, 4u);
  EXPECT_EQ(r.fault_pc, DT_CODE_IPA + 4);
  EXPECT_EQ(r.v[0][0], 0x7f800000u);
  EXPECT_EQ(r.fpsr & DT_FPSR_MASK, 1ull << 1);  // DZC
  EXPECT_EQ(r.v[31][1], 0x0123456789abcdefull);
}

TEST(Generators, CasesAreReproducibleFromSeedAndIndex) {
  std::vector<size_t> all(AllGenerators().size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  std::vector<uint64_t> counts(all.size());
  DtCase a, b, other;
  std::vector<std::string> na, nb, no;
  CaseBuilder(CaseSeed(7, 123), all, &counts).Build(&a, &na);
  CaseBuilder(CaseSeed(7, 123), all, &counts).Build(&b, &nb);
  CaseBuilder(CaseSeed(7, 124), all, &counts).Build(&other, &no);
  EXPECT_EQ(std::memcmp(&a, &b, sizeof(a)), 0);
  EXPECT_EQ(na, nb);
  EXPECT_NE(std::memcmp(&a, &other, sizeof(a)), 0);
}

// Every generator's code must run to its end on the reference: a fault means
// the generator produced an unallocated encoding or an access outside the
// data region.
TEST(Generators, EveryGeneratorRunsCleanlyOnTheReference) {
  constexpr uint64_t kCasesPerGenerator = 100;
  const auto& gens = AllGenerators();
  std::vector<DtCase> cases;
  std::vector<size_t> owner;
  for (size_t g = 0; g < gens.size(); ++g) {
    std::vector<size_t> only = {g};
    std::vector<uint64_t> counts(gens.size());
    for (uint64_t k = 0; k < kCasesPerGenerator; ++k) {
      DtCase c;
      std::vector<std::string> names;
      CaseBuilder(CaseSeed(g + 1, k), only, &counts).Build(&c, &names);
      cases.push_back(c);
      owner.push_back(g);
    }
    EXPECT_GT(counts[g], 0u) << gens[g].name;
  }
  std::vector<DtResult> results = RunRef(cases);
  for (size_t i = 0; i < results.size(); ++i) {
    if (gens[owner[i]].expect_signal != 0) {
      // Its snippets are single faulting instructions: the signal at the first.
      EXPECT_EQ(results[i].status, static_cast<uint32_t>(gens[owner[i]].expect_signal))
          << gens[owner[i]].name << " case " << i % kCasesPerGenerator;
      EXPECT_EQ(results[i].fault_pc, DT_CODE_IPA)
          << gens[owner[i]].name << " case " << i % kCasesPerGenerator << ": " << std::hex
          << cases[i].code[0];
      continue;
    }
    EXPECT_EQ(results[i].status, DT_STATUS_OK)
        << gens[owner[i]].name << " case " << i % kCasesPerGenerator << " faulted at " << std::hex
        << results[i].fault_pc;
  }
}

}  // namespace
}  // namespace vmd::difftest

namespace vmd::difftest {
namespace {

DtResult OkResult(const DtCase& c) {
  DtResult r;
  std::memset(&r, 0, sizeof(r));
  r.magic = DT_RESULT_MAGIC;
  for (int i = 0; i < 31; ++i) r.x[i] = c.x[i];
  r.sp = c.sp;
  r.nzcv = c.nzcv;
  r.fpcr = c.fpcr;
  r.fpsr = c.fpsr;
  std::memcpy(r.v, c.v, sizeof(r.v));
  return r;
}

TEST(Judge, EqualResultsMatch) {
  DtCase c = MakeCase({kNop});
  DtResult ref = OkResult(c), hv = OkResult(c);
  EXPECT_TRUE(Judge(c, ref, &hv, "").match);
}

TEST(Judge, FlagsOnlyDifferenceIsAMismatch) {
  DtCase c = MakeCase({kNop});
  DtResult ref = OkResult(c), hv = OkResult(c);
  hv.nzcv = 0x40000000;
  Verdict v = Judge(c, ref, &hv, "");
  EXPECT_FALSE(v.match);
  ASSERT_EQ(v.diffs.size(), 1u);
  EXPECT_NE(v.diffs[0].find("nzcv"), std::string::npos);
}

TEST(Judge, AWordOnlyOneSideStoredIsAMismatchNamingItsAddress) {
  DtCase c = MakeCase({kNop});
  DtResult ref = OkResult(c), hv = OkResult(c);
  hv.nchanged = 1;
  hv.changed[0] = DtWord{0x18, 0};
  Verdict v = Judge(c, ref, &hv, "");
  EXPECT_FALSE(v.match);
  ASSERT_EQ(v.diffs.size(), 1u);
  EXPECT_NE(v.diffs[0].find("0x40100018"), std::string::npos);
}

TEST(Judge, VectorAndFpsrDifferencesAreNamed) {
  DtCase c = MakeCase({kNop});
  DtResult ref = OkResult(c), hv = OkResult(c);
  hv.v[7][1] = 0x0000000100000000ull;  // lane 3 of V7
  hv.fpsr = 0x11;                        // IOC|IXC, only the latter expected
  ref.fpsr = 0x10 | 0xf0000000;          // AArch32 NZCV bits are not compared
  hv.fpcr = 0x00080000;                  // FZ16: outside the compared mask
  Verdict v = Judge(c, ref, &hv, "");
  EXPECT_FALSE(v.match);
  ASSERT_EQ(v.diffs.size(), 2u);
  EXPECT_NE(v.diffs[0].find("v7"), std::string::npos);
  EXPECT_NE(v.diffs[0].find("lanes 3 differ"), std::string::npos);
  EXPECT_NE(v.diffs[1].find("extra IOC"), std::string::npos);
  EXPECT_EQ(DescribeFpcr(0x07c00000), "RMode=3 FZ DN AHP");
}

TEST(Judge, SigillMatchesAnUnknownReasonExceptionAtTheSamePc) {
  DtCase c = MakeCase({kNop, 0});
  DtResult ref = OkResult(c), hv = OkResult(c);
  ref.status = 4;
  ref.fault_pc = DT_CODE_IPA + 4;
  hv.status = kHvGuestException;
  hv.fault_pc = DT_CODE_IPA + 4;
  hv.syndrome = 0x02000000;  // EC 0, IL 1
  EXPECT_TRUE(Judge(c, ref, &hv, "").match);
  hv.syndrome = 0x96000000;  // EC 0x25: a data abort is another event
  EXPECT_FALSE(Judge(c, ref, &hv, "").match);
  hv.syndrome = 0x02000000;
  hv.fault_pc = DT_CODE_IPA;  // same event, other instruction
  EXPECT_FALSE(Judge(c, ref, &hv, "").match);
}

}  // namespace
}  // namespace vmd::difftest
