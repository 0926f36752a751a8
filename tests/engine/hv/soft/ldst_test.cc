// Loads and stores on the soft CPU: every addressing form, sign extension,
// pairs, literals, unprivileged forms, DC ZVA, exclusives (also across two
// vCPUs on two host threads) and load-acquire/store-release.
#include <thread>

#include "tests/engine/hv/soft/guest_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

using LoadStore = GuestTest;
constexpr uint64_t kData = kRamBase + 0x2000;

TEST_F(LoadStore, SingleRegisterSizesAndSignExtension) {
  SetX(0, kData);
  SetX(1, 0x8877665544338281);
  Exec({
      0xf9000401,  // str x1, [x0, #8]
      0xb9400802,  // ldr w2, [x0, #8]
      0x39802003,  // ldrsb x3, [x0, #8]
      0x79c01004,  // ldrsh w4, [x0, #8]
      0x39403c05,  // ldrb w5, [x0, #15]
      0xf8409006,  // ldur x6, [x0, #9]
      0xb9800c07,  // ldrsw x7, [x0, #12]
  });
  EXPECT_EQ(Peek64(kData + 8), 0x8877665544338281u);
  EXPECT_EQ(X(2), 0x44338281u);
  EXPECT_EQ(X(3), 0xffffffffffffff81u);
  EXPECT_EQ(X(4), 0xffff8281u);  // W destination: upper half zero
  EXPECT_EQ(X(5), 0x88u);
  EXPECT_EQ(X(6), 0x0088776655443382u);  // unaligned; the byte above is zero
  EXPECT_EQ(X(7), 0xffffffff88776655u);
}

TEST_F(LoadStore, PairsWritebackAndRegisterOffsets) {
  SetX(0, kData + 0x10);
  SetX(1, 0x800000017ffffffe);
  SetX(2, 0x2222);
  SetX(8, 0xabcdef01);
  SetX(9, 2);
  SetX(11, 0xffffffff);  // w11 = -1
  Exec({
      0xa9bf0801,  // stp x1, x2, [x0, #-16]!
      0x29401003,  // ldp w3, w4, [x0]
      0xf8408405,  // ldr x5, [x0], #8
      0x697f1c06,  // ldpsw x6, x7, [x0, #-8]
      0xb8297808,  // str w8, [x0, x9, lsl #2]
      0xf86bd80a,  // ldr x10, [x0, w11, sxtw #3]
  });
  EXPECT_EQ(Peek64(kData), 0x800000017ffffffeu);
  EXPECT_EQ(Peek64(kData + 8), 0x2222u);
  EXPECT_EQ(X(3), 0x7ffffffeu);
  EXPECT_EQ(X(4), 0x80000001u);
  EXPECT_EQ(X(5), 0x800000017ffffffeu);
  EXPECT_EQ(X(0), kData + 8);  // pre-index then post-index writeback
  EXPECT_EQ(X(6), 0x7ffffffeu);
  EXPECT_EQ(X(7), 0xffffffff80000001u);
  EXPECT_EQ(Peek64(kData + 0x10) & 0xffffffff, 0xabcdef01u);
  EXPECT_EQ(X(10), 0x800000017ffffffeu);
}

TEST_F(LoadStore, LiteralLoads) {
  Exec({
      0x58000061,  // ldr x1, lit
      0x98000042,  // ldrsw x2, lit
      0x14000003,  // b over
      0xfffffff0,  // lit: .quad 0x80000000fffffff0
      0x80000000,
      0xd503201f,  // over: nop
  });
  EXPECT_EQ(X(1), 0x80000000fffffff0u);
  EXPECT_EQ(X(2), 0xfffffffffffffff0u);
}

TEST_F(LoadStore, UnprivilegedFormsDcZvaAndPrefetch) {
  Poke64(kData + 0x48, 0x55);
  Poke64(kData + 0x40, 0x1234);
  Poke64(kData + 0x78, 0x5678);
  Poke64(kData + 0x80, 0x9abc);
  SetX(0, kData + 0x48);
  Exec({
      0xf8400801,  // ldtr x1, [x0]
      0xf8008801,  // sttr x1, [x0, #8]
      0xd50b7420,  // dc zva, x0
      0xf9800000,  // prfm pldl1keep, [x0]
  });
  EXPECT_EQ(X(1), 0x55u);
  // DC ZVA zeroes the whole 64-byte block holding x0 (DCZID_EL0 = 4).
  EXPECT_EQ(Peek64(kData + 0x40), 0u);
  EXPECT_EQ(Peek64(kData + 0x50), 0u);
  EXPECT_EQ(Peek64(kData + 0x78), 0u);
  EXPECT_EQ(Peek64(kData + 0x80), 0x9abcu);
}

TEST_F(LoadStore, ExclusivesAndAcquireRelease) {
  Poke64(kData, 41);
  Poke64(kData + 8, 7);
  SetX(0, kData);
  Exec({
      0xc85f7c01,  // ldxr x1, [x0]
      0x91000421,  // add x1, x1, #1
      0xc8027c01,  // stxr w2, x1, [x0]
      0x885ffc03,  // ldaxr w3, [x0]
      0xd5033f5f,  // clrex
      0x8804fc03,  // stlxr w4, w3, [x0]
      0xc87f1805,  // ldxp x5, x6, [x0]
      0xc8271406,  // stxp w7, x6, x5, [x0]
      0xc8dffc08,  // ldar x8, [x0]
      0xc89ffc08,  // stlr x8, [x0]
  });
  EXPECT_EQ(X(2), 0u);  // first store-exclusive succeeds
  EXPECT_EQ(X(3), 42u);
  EXPECT_EQ(X(4), 1u);  // CLREX cleared the monitor
  EXPECT_EQ(X(5), 42u);
  EXPECT_EQ(X(6), 7u);
  EXPECT_EQ(X(7), 0u);
  EXPECT_EQ(Peek64(kData), 7u);
  EXPECT_EQ(Peek64(kData + 8), 42u);
  EXPECT_EQ(X(8), 7u);
}

TEST_F(LoadStore, ExclusiveWithoutLoadFails) {
  Poke64(kData, 5);
  SetX(0, kData);
  SetX(1, 9);
  Exec({0xc8027c01});  // stxr w2, x1, [x0]
  EXPECT_EQ(X(2), 1u);
  EXPECT_EQ(Peek64(kData), 5u);
}

TEST_F(LoadStore, UnalignedExclusiveTakesAlignmentFault) {
  SetSys(HV_SYS_REG_VBAR_EL1, kRamBase + 0x800);
  Load({kHvc0}, kRamBase + 0x800 + 0x200);  // current EL, SPx, synchronous
  SetX(0, kData + 4);
  Exec({0xc85f7c01});  // ldxr x1, [x0]
  const uint64_t esr = Sys(HV_SYS_REG_ESR_EL1);
  EXPECT_EQ(ExceptionClass(esr), 0x25u);  // data abort, same EL
  EXPECT_EQ(esr & 0x3f, 0x21u);           // alignment fault
  EXPECT_EQ(Sys(HV_SYS_REG_FAR_EL1), kData + 4);
  EXPECT_EQ(Sys(HV_SYS_REG_ELR_EL1), kRamBase);
}

// Two vCPUs on two host threads increment one counter with LDXR/STXR: no
// increment may be lost (DECISIONS.md: monitor per vCPU + host CAS).
TEST_F(LoadStore, ExclusivesAreAtomicAcrossHostThreads) {
  constexpr uint64_t kIters = 20000;
  Load({
      0xc85f7c01,  // loop: ldxr x1, [x0]
      0x91000421,  // add x1, x1, #1
      0xc8027c01,  // stxr w2, x1, [x0]
      0x35ffffa2,  // cbnz w2, loop
      0xf1000463,  // subs x3, x3, #1
      0x54ffff61,  // b.ne loop
      kHvc0,
  });
  auto worker = [] {
    hv_vcpu_t v;
    hv_vcpu_exit_t* e;
    ASSERT_EQ(hv_vcpu_create(&v, &e, nullptr), HV_SUCCESS);
    hv_vcpu_set_reg(v, HV_REG_CPSR, 0x3c5);
    hv_vcpu_set_reg(v, HV_REG_PC, kRamBase);
    hv_vcpu_set_reg(v, HV_REG_X0, kData);
    hv_vcpu_set_reg(v, HV_REG_X3, kIters);
    do {
      ASSERT_EQ(hv_vcpu_run(v), HV_SUCCESS);
    } while (e->reason == HV_EXIT_REASON_CANCELED);
    EXPECT_EQ(ExceptionClass(e->exception.syndrome), 0x16u);
    EXPECT_EQ(hv_vcpu_destroy(v), HV_SUCCESS);
  };
  std::thread a(worker), b(worker);
  a.join();
  b.join();
  EXPECT_EQ(Peek64(kData), 2 * kIters);
}

}  // namespace
}  // namespace vmd::hvsoft::testing
