// ESR decoding against syndromes assembled field by field from the ARM ARM's
// ISS encodings for EC 0x24 (data abort) and EC 0x18 (MSR/MRS trap).
#include "engine/vm/esr.h"

#include "gtest/gtest.h"

namespace vmd {
namespace {

constexpr uint64_t kIl = 1ull << 25;

uint64_t DataAbortEsr(unsigned sas, bool sse, unsigned srt, bool sf, bool wnr) {
  return 0x24ull << 26 | kIl | 1ull << 24 | uint64_t{sas} << 22 | uint64_t{sse} << 21 |
         uint64_t{srt} << 16 | uint64_t{sf} << 15 | uint64_t{wnr} << 6 | 0x07 /* DFSC: translation L3 */;
}

TEST(Esr, ClassAndIssFields) {
  const uint64_t esr = DataAbortEsr(2, false, 3, false, true);
  EXPECT_EQ(EsrClass(esr), 0x24u);
  EXPECT_EQ(EsrIss(esr) >> 24, 1u);
}

TEST(Esr, DataAbortWordStoreFromW3) {
  const DataAbort a = DecodeDataAbort(DataAbortEsr(2, false, 3, false, true));
  EXPECT_TRUE(a.isv);
  EXPECT_EQ(a.size, 4u);
  EXPECT_FALSE(a.sign_extend);
  EXPECT_EQ(a.reg, 3u);
  EXPECT_FALSE(a.sixty_four);
  EXPECT_TRUE(a.write);
}

TEST(Esr, DataAbortSignedByteLoadIntoX30) {
  const DataAbort a = DecodeDataAbort(DataAbortEsr(0, true, 30, true, false));
  EXPECT_EQ(a.size, 1u);
  EXPECT_TRUE(a.sign_extend);
  EXPECT_EQ(a.reg, 30u);
  EXPECT_TRUE(a.sixty_four);
  EXPECT_FALSE(a.write);
}

TEST(Esr, DataAbortWithoutIsv) {
  const DataAbort a = DecodeDataAbort(0x24ull << 26 | kIl | 0x07);
  EXPECT_FALSE(a.isv);
}

TEST(Esr, ExtendLoadSignExtendsPerSizeAndRegisterWidth) {
  DataAbort ldrsb_x{true, 1, true, 0, true, false};
  EXPECT_EQ(ExtendLoad(ldrsb_x, 0x80), 0xffffffffffffff80ull);
  DataAbort ldrsb_w{true, 1, true, 0, false, false};
  EXPECT_EQ(ExtendLoad(ldrsb_w, 0x80), 0xffffff80ull);
  DataAbort ldrh{true, 2, false, 0, false, false};
  EXPECT_EQ(ExtendLoad(ldrh, 0x12348765), 0x8765ull);
  DataAbort ldrsw{true, 4, true, 0, true, false};
  EXPECT_EQ(ExtendLoad(ldrsw, 0x80000000), 0xffffffff80000000ull);
  DataAbort ldr_x{true, 8, false, 0, true, false};
  EXPECT_EQ(ExtendLoad(ldr_x, 0x8000000000000001ull), 0x8000000000000001ull);
}

TEST(Esr, SysRegTrapOfIccIar1Read) {
  // MRS X5, ICC_IAR1_EL1: op0=3 op1=0 CRn=12 CRm=12 op2=0, direction 1 (read).
  const uint64_t iss = 3u << 20 | 0u << 17 | 0u << 14 | 12u << 10 | 5u << 5 | 12u << 1 | 1u;
  const SysRegAccess s = DecodeSysReg(0x18ull << 26 | kIl | iss);
  EXPECT_EQ(s.encoding, SysRegEncoding(3, 0, 12, 12, 0));
  EXPECT_EQ(s.reg, 5u);
  EXPECT_TRUE(s.read);
}

TEST(Esr, SysRegTrapOfCntpCtlWriteFromXzr) {
  // MSR CNTP_CTL_EL0, XZR: op0=3 op1=3 CRn=14 CRm=2 op2=1, direction 0.
  const uint64_t iss = 3u << 20 | 1u << 17 | 3u << 14 | 14u << 10 | 31u << 5 | 2u << 1;
  const SysRegAccess s = DecodeSysReg(0x18ull << 26 | kIl | iss);
  EXPECT_EQ(s.encoding, 0xdf11);
  EXPECT_EQ(s.reg, 31u);
  EXPECT_FALSE(s.read);
}

TEST(Esr, InjectedExternalAbortSyndrome) {
  // Same-EL data abort (EC 0x25), IL, DFSC 0b010000 (synchronous external abort).
  EXPECT_EQ(SyncExternalAbortEsr(false, false), 0x25ull << 26 | kIl | 0x10);
  // From EL0 (EC 0x24), with WnR for a write.
  EXPECT_EQ(SyncExternalAbortEsr(true, true), 0x24ull << 26 | kIl | 1ull << 6 | 0x10);
}

}  // namespace
}  // namespace vmd
