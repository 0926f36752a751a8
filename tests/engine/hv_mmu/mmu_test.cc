// Stage-1 walker tests: page tables are written by hand into a small test
// memory; every expected address, level and permission is worked out from the
// ARM ARM (D5) descriptor and TCR formats, index by index, in the comments.
#include "tests/engine/hv_mmu/mmu_test_util.h"

namespace vmd::hvsoft {
namespace {

using namespace ::vmd::hvsoft::mmu_test;  // NOLINT: test-only helpers

// ---------------------------------------------------------------- 4 KiB granule

// T0SZ=16: 48-bit VA, start at level 0. VA 0x80_4020_3123 has
// L0 idx VA[47:39]=1, L1 idx VA[38:30]=1, L2 idx VA[29:21]=1, L3 idx VA[20:12]=3.
TEST_F(MmuTest, Granule4kFourLevelWalkToPage) {
  regs_.tcr = T0sz(16) | kTg0_4k | kIps48;
  regs_.ttbr0 = 0x1000;
  Set(0x1000, 1, 0x2000 | kTableDesc);
  Set(0x2000, 1, 0x3000 | kTableDesc);
  Set(0x3000, 1, 0x4000 | kTableDesc);
  Set(0x4000, 3, 0x8765'4000 | kPageDesc | kRwAll);
  const WalkResult r = Walk(0x80'4020'3123);
  ASSERT_EQ(r.fault, FaultType::kNone);
  EXPECT_EQ(r.pa, 0x8765'4123u);
  EXPECT_EQ(r.level, 3);
  EXPECT_EQ(r.block_size, 4096u);
  EXPECT_FALSE(r.ttbr1);
}

// T0SZ=25: 39-bit VA, start at level 1 (512 entries, VA[38:30]).
TEST_F(MmuTest, Granule4kT0sz25StartsAtLevel1) {
  regs_.tcr = T0sz(25) | kTg0_4k | kIps48;
  regs_.ttbr0 = 0x1000;
  Set(0x1000, 1, 0x2000 | kTableDesc);
  Set(0x2000, 1, 0x3000 | kTableDesc);
  Set(0x3000, 3, 0x5000 | kPageDesc | kRwAll);
  const WalkResult r = Walk(0x4020'3123);
  ASSERT_EQ(r.fault, FaultType::kNone);
  EXPECT_EQ(r.pa, 0x5123u);
  EXPECT_EQ(r.level, 3);
}

// T0SZ=33: 31-bit VA, start at level 1 with a 2-entry table (VA[30]).
TEST_F(MmuTest, Granule4kT0sz33UsesTwoEntryLevel1Table) {
  regs_.tcr = T0sz(33) | kTg0_4k | kIps48;
  regs_.ttbr0 = 0x1000;
  Set(0x1000, 1, 0x2000 | kTableDesc);
  Set(0x2000, 2, 0x3000 | kTableDesc);          // VA[29:21] = 2
  Set(0x3000, 4, 0x6000 | kPageDesc | kRwAll);  // VA[20:12] = 4
  const WalkResult r = Walk(0x4040'4ABC);
  ASSERT_EQ(r.fault, FaultType::kNone);
  EXPECT_EQ(r.pa, 0x6ABCu);
}

// T0SZ=34: 30-bit VA, start at level 2 (VA[29:21]).
TEST_F(MmuTest, Granule4kT0sz34StartsAtLevel2) {
  regs_.tcr = T0sz(34) | kTg0_4k | kIps48;
  regs_.ttbr0 = 0x1000;
  Set(0x1000, 0x1FF, 0x2000 | kTableDesc);
  Set(0x2000, 0x1FF, 0x7000 | kPageDesc | kRwAll);
  const WalkResult r = Walk(0x3FFF'FFFF);
  ASSERT_EQ(r.fault, FaultType::kNone);
  EXPECT_EQ(r.pa, 0x7FFFu);
  // VA[30] is outside a 30-bit range: translation fault at level 0.
  EXPECT_EQ(Walk(0x4000'0000).fault, FaultType::kTranslation);
  EXPECT_EQ(Walk(0x4000'0000).level, 0);
}

TEST_F(MmuTest, Granule4kLevel1BlockIs1GiB) {
  regs_.tcr = T0sz(25) | kTg0_4k | kIps48;
  regs_.ttbr0 = 0x1000;
  Set(0x1000, 1, 0x8000'0000 | kBlockDesc | kRwAll);
  const WalkResult r = Walk(0x4123'4567);
  ASSERT_EQ(r.fault, FaultType::kNone);
  EXPECT_EQ(r.pa, 0x8123'4567u);
  EXPECT_EQ(r.level, 1);
  EXPECT_EQ(r.block_size, B(30));
}

TEST_F(MmuTest, Granule4kLevel2BlockIs2MiB) {
  regs_.tcr = T0sz(25) | kTg0_4k | kIps48;
  regs_.ttbr0 = 0x1000;
  Set(0x1000, 0, 0x2000 | kTableDesc);
  Set(0x2000, 1, 0x4060'0000 | kBlockDesc | kRwAll);
  const WalkResult r = Walk(0x20'1234);
  ASSERT_EQ(r.fault, FaultType::kNone);
  EXPECT_EQ(r.pa, 0x4060'1234u);
  EXPECT_EQ(r.level, 2);
  EXPECT_EQ(r.block_size, B(21));
}

// A block at level 0 does not exist with 4 KiB pages; 0b01 at level 3 is reserved.
TEST_F(MmuTest, Granule4kReservedBlockEncodingsAreTranslationFaults) {
  regs_.tcr = T0sz(16) | kTg0_4k | kIps48;
  regs_.ttbr0 = 0x1000;
  Set(0x1000, 0, 0 | kBlockDesc | kRwAll);
  WalkResult r = Walk(0x1000);
  EXPECT_EQ(r.fault, FaultType::kTranslation);
  EXPECT_EQ(r.level, 0);

  Set(0x1000, 0, 0x2000 | kTableDesc);
  Set(0x2000, 0, 0x3000 | kTableDesc);
  Set(0x3000, 0, 0x4000 | kTableDesc);
  Set(0x4000, 1, 0x9000 | kBlockDesc | kRwAll);
  r = Walk(0x1000);
  EXPECT_EQ(r.fault, FaultType::kTranslation);
  EXPECT_EQ(r.level, 3);
}

TEST_F(MmuTest, InvalidDescriptorFaultsAtItsLevel) {
  regs_.tcr = T0sz(16) | kTg0_4k | kIps48;
  regs_.ttbr0 = 0x1000;
  EXPECT_EQ(Walk(0x5000).level, 0);
  EXPECT_EQ(Walk(0x5000).fault, FaultType::kTranslation);
  Set(0x1000, 0, 0x2000 | kTableDesc);
  EXPECT_EQ(Walk(0x5000).level, 1);
  Set(0x2000, 0, 0x3000 | kTableDesc);
  EXPECT_EQ(Walk(0x5000).level, 2);
  Set(0x3000, 0, 0x4000 | kTableDesc);
  // Bit 0 clear makes a descriptor invalid whatever its other bits say.
  Set(0x4000, 5, 0x9000 | 0b10 | kRwAll);
  const WalkResult r = Walk(0x5000);
  EXPECT_EQ(r.fault, FaultType::kTranslation);
  EXPECT_EQ(r.level, 3);
  Set(0x4000, 5, 0x9000 | kPageDesc | kRwAll);
  EXPECT_EQ(Walk(0x5000).fault, FaultType::kNone);
}

// --------------------------------------------------------------- 16 KiB granule

// T0SZ=16 with 16 KiB pages: level 0 has 2 entries (VA[47]), then
// L1 VA[46:36], L2 VA[35:25], L3 VA[24:14], offset VA[13:0].
TEST_F(MmuTest, Granule16kFourLevelWalkToPage) {
  regs_.tcr = T0sz(16) | kTg0_16k | kIps48;
  regs_.ttbr0 = 0x4000;
  Set(0x4000, 1, 0x8000 | kTableDesc);
  Set(0x8000, 1, 0xC000 | kTableDesc);
  Set(0xC000, 1, 0x10000 | kTableDesc);
  Set(0x10000, 5, 0x1234'C000 | kPageDesc | kRwAll);
  // VA = 1<<47 | 1<<36 | 1<<25 | 5<<14 | 0x1234
  const WalkResult r = Walk(0x8010'0201'5234);
  ASSERT_EQ(r.fault, FaultType::kNone);
  EXPECT_EQ(r.pa, 0x1234'D234u);
  EXPECT_EQ(r.level, 3);
  EXPECT_EQ(r.block_size, B(14));
}

// T0SZ=28 with 16 KiB pages: 36-bit VA starts at level 2 (VA[35:25]).
TEST_F(MmuTest, Granule16kLevel2BlockIs32MiB) {
  regs_.tcr = T0sz(28) | kTg0_16k | kIps48;
  regs_.ttbr0 = 0x4000;
  Set(0x4000, 3, 0x4200'0000 | kBlockDesc | kRwAll);
  const WalkResult r = Walk(0x7AB'CDEF);
  ASSERT_EQ(r.fault, FaultType::kNone);
  EXPECT_EQ(r.pa, 0x43AB'CDEFu);
  EXPECT_EQ(r.level, 2);
  EXPECT_EQ(r.block_size, B(25));
}

// T0SZ=17: 47-bit VA starts at level 1 (VA[46:36]); 16 KiB has no level 1 blocks.
TEST_F(MmuTest, Granule16kLevel1BlockIsTranslationFault) {
  regs_.tcr = T0sz(17) | kTg0_16k | kIps48;
  regs_.ttbr0 = 0x4000;
  Set(0x4000, 2, 0x40'0000'0000 | kBlockDesc | kRwAll);
  const WalkResult r = Walk(0x20'0000'0000);
  EXPECT_EQ(r.fault, FaultType::kTranslation);
  EXPECT_EQ(r.level, 1);
}

// --------------------------------------------------------------- 64 KiB granule

// T0SZ=16 with 64 KiB pages starts at level 1 (VA[47:42]); L2 VA[41:29],
// L3 VA[28:16], offset VA[15:0].
TEST_F(MmuTest, Granule64kThreeLevelWalkToPage) {
  regs_.tcr = T0sz(16) | kTg0_64k | kIps48;
  regs_.ttbr0 = 0x10000;
  Set(0x10000, 1, 0x20000 | kTableDesc);
  Set(0x20000, 1, 0x30000 | kTableDesc);
  Set(0x30000, 2, 0x1'2345'0000 | kPageDesc | kRwAll);
  const WalkResult r = Walk(0x400'2002'BEEF);
  ASSERT_EQ(r.fault, FaultType::kNone);
  EXPECT_EQ(r.pa, 0x1'2345'BEEFu);
  EXPECT_EQ(r.level, 3);
  EXPECT_EQ(r.block_size, B(16));
}

// T0SZ=22: 42-bit VA starts at level 2 (VA[41:29]).
TEST_F(MmuTest, Granule64kLevel2BlockIs512MiB) {
  regs_.tcr = T0sz(22) | kTg0_64k | kIps48;
  regs_.ttbr0 = 0x10000;
  Set(0x10000, 3, 0x1'4000'0000 | kBlockDesc | kRwAll);
  const WalkResult r = Walk(0x7234'5678);
  ASSERT_EQ(r.fault, FaultType::kNone);
  EXPECT_EQ(r.pa, 0x1'5234'5678u);
  EXPECT_EQ(r.level, 2);
  EXPECT_EQ(r.block_size, B(29));
}

// T0SZ=39: 25-bit VA with 64 KiB pages is a single level-3 table (VA[24:16]).
TEST_F(MmuTest, Granule64kT0sz39IsOneLevel3Table) {
  regs_.tcr = T0sz(39) | kTg0_64k | kIps48;
  regs_.ttbr0 = 0x10000;
  Set(0x10000, 7, 0x50000 | kPageDesc | kRwAll);
  const WalkResult r = Walk(0x7'1234);
  ASSERT_EQ(r.fault, FaultType::kNone);
  EXPECT_EQ(r.pa, 0x5'1234u);
  EXPECT_EQ(r.level, 3);
}

TEST_F(MmuTest, Granule64kLevel1BlockIsTranslationFault) {
  regs_.tcr = T0sz(16) | kTg0_64k | kIps48;
  regs_.ttbr0 = 0x10000;
  Set(0x10000, 0, 0 | kBlockDesc | kRwAll);
  const WalkResult r = Walk(0x1234);
  EXPECT_EQ(r.fault, FaultType::kTranslation);
  EXPECT_EQ(r.level, 1);
}

// ------------------------------------------------------------ VA range, TTBR1

TEST_F(MmuTest, UpperRangeWalksTtbr1With4kGranule) {
  // TG1 encodes 4 KiB as 0b10; TTBR0 is left empty so using it would fault.
  regs_.tcr = T0sz(16) | T1sz(16) | kTg0_64k | kTg1_4k | kIps48;
  regs_.ttbr1 = 0x1000;
  regs_.ttbr0 = 0x10000;
  Set(0x1000, 1, 0x2000 | kTableDesc);
  Set(0x2000, 1, 0x3000 | kTableDesc);
  Set(0x3000, 1, 0x4000 | kTableDesc);
  Set(0x4000, 3, 0x8765'4000 | kPageDesc | kRwAll);
  const WalkResult r = Walk(0xFFFF'0080'4020'3123);
  ASSERT_EQ(r.fault, FaultType::kNone);
  EXPECT_EQ(r.pa, 0x8765'4123u);
  EXPECT_TRUE(r.ttbr1);
}

TEST_F(MmuTest, Tg1EncodingSelects16kAnd64k) {
  // TG1=0b01 is 16 KiB: T1SZ=28 starts at level 2 with VA[35:25].
  regs_.tcr = T0sz(16) | T1sz(28) | kTg0_4k | kTg1_16k | kIps48;
  regs_.ttbr1 = 0x4000;
  Set(0x4000, 3, 0x4200'0000 | kBlockDesc | kRwAll);
  WalkResult r = Walk(0xFFFF'FFF0'07AB'CDEF);
  ASSERT_EQ(r.fault, FaultType::kNone);
  EXPECT_EQ(r.pa, 0x43AB'CDEFu);
  EXPECT_EQ(r.block_size, B(25));
  // TG1=0b11 is 64 KiB: T1SZ=39 is one level-3 table with VA[24:16].
  regs_.tcr = T0sz(16) | T1sz(39) | kTg0_4k | kTg1_64k | kIps48;
  regs_.ttbr1 = 0x10000;
  Set(0x10000, 7, 0x50000 | kPageDesc | kRwAll);
  r = Walk(0xFFFF'FFFF'FE07'1234);
  ASSERT_EQ(r.fault, FaultType::kNone);
  EXPECT_EQ(r.pa, 0x5'1234u);
  EXPECT_EQ(r.block_size, B(16));
}

TEST_F(MmuTest, AddressInNeitherRangeIsLevel0TranslationFault) {
  regs_.tcr = T0sz(25) | T1sz(25) | kTg0_4k | kTg1_4k | kIps48;
  regs_.ttbr0 = 0x1000;
  regs_.ttbr1 = 0x2000;
  Set(0x1000, 0x1FF, 0 | kBlockDesc | kRwAll);
  Set(0x2000, 0x1FF, 0 | kBlockDesc | kRwAll);
  EXPECT_EQ(Walk(0x7F'FFFF'FFFF).fault, FaultType::kNone);         // idx 0x1FF of TTBR0
  EXPECT_EQ(Walk(0xFFFF'FFFF'C000'0000).fault, FaultType::kNone);  // idx 0x1FF of TTBR1
  // The lowest upper-range address is in range; its empty entry faults at level 1.
  EXPECT_EQ(Walk(0xFFFF'FF80'0000'0000).level, 1);
  for (uint64_t va : {0x80'0000'0000ull, 0x8000'0000'0000'0000ull, 0xFFFF'FF00'0000'0000ull,
                      0x0100'0000'0000'0000ull}) {
    const WalkResult r = Walk(va);
    EXPECT_EQ(r.fault, FaultType::kTranslation) << std::hex << va;
    EXPECT_EQ(r.level, 0) << std::hex << va;
  }
}

TEST_F(MmuTest, EpdDisablesTheWalkForItsHalf) {
  regs_.tcr = T0sz(25) | T1sz(25) | kTg0_4k | kTg1_4k | kIps48 | kEpd0;
  regs_.ttbr0 = 0x1000;
  regs_.ttbr1 = 0x1000;
  Set(0x1000, 0, 0 | kBlockDesc | kRwAll);
  Set(0x1000, 0x1FF, 0 | kBlockDesc | kRwAll);
  WalkResult r = Walk(0x1000);
  EXPECT_EQ(r.fault, FaultType::kTranslation);
  EXPECT_EQ(r.level, 0);
  EXPECT_EQ(Walk(0xFFFF'FFFF'C000'1000).fault, FaultType::kNone);
  regs_.tcr ^= kEpd0 | kEpd1;
  EXPECT_EQ(Walk(0x1000).fault, FaultType::kNone);
  r = Walk(0xFFFF'FFFF'C000'1000);
  EXPECT_EQ(r.fault, FaultType::kTranslation);
  EXPECT_EQ(r.level, 0);
}

TEST_F(MmuTest, TopByteIgnoreFollowsVaBit55) {
  regs_.tcr = T0sz(25) | T1sz(25) | kTg0_4k | kTg1_4k | kIps48 | kTbi0;
  regs_.ttbr0 = 0x1000;
  regs_.ttbr1 = 0x2000;
  Set(0x1000, 1, 0x8000'0000 | kBlockDesc | kRwAll);
  Set(0x2000, 1, 0xC000'0000 | kBlockDesc | kRwAll);
  // TBI0: the tag byte of a lower-range address is ignored.
  WalkResult r = Walk(0xAB00'0000'4000'0010);
  ASSERT_EQ(r.fault, FaultType::kNone);
  EXPECT_EQ(r.pa, 0x8000'0010u);
  EXPECT_FALSE(r.ttbr1);
  // VA[55]=0 selects TBI0 and TTBR0 even if the tag looks like an upper address.
  r = Walk(0xFF00'0000'4000'0010);
  ASSERT_EQ(r.fault, FaultType::kNone);
  EXPECT_EQ(r.pa, 0x8000'0010u);
  // TBI1 is clear: an upper address with a tag other than 0xFF is outside both ranges.
  r = Walk(0x12FF'FF80'4000'0010);
  EXPECT_EQ(r.fault, FaultType::kTranslation);
  EXPECT_EQ(r.level, 0);
  regs_.tcr |= kTbi1;
  r = Walk(0x12FF'FF80'4000'0010);
  ASSERT_EQ(r.fault, FaultType::kNone);
  EXPECT_EQ(r.pa, 0xC000'0010u);
  EXPECT_TRUE(r.ttbr1);
  // Without TBI0 a tagged lower address is out of range.
  regs_.tcr &= ~kTbi0;
  EXPECT_EQ(Walk(0xAB00'0000'4000'0010).fault, FaultType::kTranslation);
}

// ARMv8.0 TxSZ runs 16..39; values outside act as the nearest limit.
TEST_F(MmuTest, TxszOutOfRangeIsClamped) {
  regs_.tcr = T0sz(10) | kTg0_4k | kIps48;
  regs_.ttbr0 = 0x1000;
  Set(0x1000, 1, 0x2000 | kTableDesc);  // level 0: VA[47:39] = 1
  Set(0x2000, 0, 0x4000'0000 | kBlockDesc | kRwAll);
  WalkResult r = Walk(0x80'0000'1234);
  ASSERT_EQ(r.fault, FaultType::kNone);
  EXPECT_EQ(r.pa, 0x4000'1234u);
  EXPECT_EQ(Walk(B(50)).fault, FaultType::kTranslation);
  // T0SZ=45 acts as 39: a 25-bit VA starts at level 2 (VA[24:21]).
  regs_.tcr = T0sz(45) | kTg0_4k | kIps48;
  regs_.ttbr0 = 0x3000;
  Set(0x3000, 0xF, 0x60'0000 | kBlockDesc | kRwAll);
  r = Walk(0x1FF'FFFF);
  ASSERT_EQ(r.fault, FaultType::kNone);
  EXPECT_EQ(r.pa, 0x7F'FFFFu);
  EXPECT_EQ(Walk(B(25)).fault, FaultType::kTranslation);
}

// The ASID in TTBR[63:48] is not part of the table address.
TEST_F(MmuTest, TtbrAsidBitsAreNotPartOfTheTableAddress) {
  regs_.tcr = T0sz(25) | kTg0_4k | kIps48;
  regs_.ttbr0 = 0xABCD'0000'0000'1000;
  Set(0x1000, 0, 0x4000'0000 | kBlockDesc | kRwAll);
  EXPECT_EQ(Walk(0x42).pa, 0x4000'0042u);
}

// ------------------------------------------------ external aborts, address size

TEST_F(MmuTest, FailedDescriptorReadIsExternalAbortAtThatLevel) {
  regs_.tcr = T0sz(16) | kTg0_4k | kIps48;
  regs_.ttbr0 = 0x4000'0000;  // beyond the 8 MiB test memory
  WalkResult r = Walk(0x1000);
  EXPECT_EQ(r.fault, FaultType::kExternalAbortOnWalk);
  EXPECT_EQ(r.level, 0);
  regs_.ttbr0 = 0x1000;
  Set(0x1000, 0, 0x2000 | kTableDesc);
  Set(0x2000, 0, 0x4000'0000 | kTableDesc);
  r = Walk(0x1000);
  EXPECT_EQ(r.fault, FaultType::kExternalAbortOnWalk);
  EXPECT_EQ(r.level, 2);
}

TEST_F(MmuTest, OutputAddressBeyondIpsIsAddressSizeFault) {
  regs_.tcr = T0sz(25) | kTg0_4k | Ips(0);  // 32-bit output
  regs_.ttbr0 = 0x1000;
  Set(0x1000, 0, 0x2000 | kTableDesc);
  Set(0x2000, 0, 0x3000 | kTableDesc);
  Set(0x3000, 0, 0x1'0000'0000 | kPageDesc | kRwAll);
  Set(0x3000, 1, 0xFFFF'F000 | kPageDesc | kRwAll);
  WalkResult r = Walk(0x0);
  EXPECT_EQ(r.fault, FaultType::kAddressSize);
  EXPECT_EQ(r.level, 3);
  EXPECT_EQ(Walk(0x1000).pa, 0xFFFF'F000u);
  // A next-level table address beyond the range faults at the table's level.
  Set(0x1000, 1, 0x1'0000'0000 | kTableDesc);
  r = Walk(0x4000'0000);
  EXPECT_EQ(r.fault, FaultType::kAddressSize);
  EXPECT_EQ(r.level, 1);
  // So does a TTBR beyond it, reported at level 0.
  regs_.ttbr0 = 0x1'0000'1000;
  r = Walk(0x1000);
  EXPECT_EQ(r.fault, FaultType::kAddressSize);
  EXPECT_EQ(r.level, 0);
}

TEST_F(MmuTest, IpsSizesAndReservedEncoding) {
  regs_.ttbr0 = 0x1000;
  Set(0x1000, 0, 0xFF'C000'0000 | kBlockDesc | kRwAll);    // bits [39:30] set
  Set(0x1000, 1, 0x100'0000'0000 | kBlockDesc | kRwAll);   // bit 40
  Set(0x1000, 2, 0x8000'0000'0000 | kBlockDesc | kRwAll);  // bit 47
  regs_.tcr = T0sz(25) | kTg0_4k | Ips(2);                 // 40 bits
  EXPECT_EQ(Walk(0x0).fault, FaultType::kNone);
  EXPECT_EQ(Walk(0x4000'0000).fault, FaultType::kAddressSize);
  EXPECT_EQ(Walk(0x8000'0000).fault, FaultType::kAddressSize);
  regs_.tcr = T0sz(25) | kTg0_4k | Ips(4);  // 44 bits
  EXPECT_EQ(Walk(0x4000'0000).fault, FaultType::kNone);
  EXPECT_EQ(Walk(0x8000'0000).fault, FaultType::kAddressSize);
  regs_.tcr = T0sz(25) | kTg0_4k | Ips(7);  // reserved: the implemented 48 bits
  EXPECT_EQ(Walk(0x8000'0000).pa, 0x8000'0000'0000u);
}

// IPS larger than the implemented PA size acts as the implemented size.
TEST_F(MmuTest, ImplementedPaRangeCapsIps) {
  regs_.pa_range_bits = 40;
  regs_.tcr = T0sz(25) | kTg0_4k | Ips(5);  // asks for 48 bits
  regs_.ttbr0 = 0x1000;
  Set(0x1000, 0, 0xFF'C000'0000 | kBlockDesc | kRwAll);   // below 2^40
  Set(0x1000, 1, 0x100'0000'0000 | kBlockDesc | kRwAll);  // bit 40
  EXPECT_EQ(Walk(0x0).pa, 0xFF'C000'0000u);
  const WalkResult r = Walk(0x4000'0000);
  EXPECT_EQ(r.fault, FaultType::kAddressSize);
  EXPECT_EQ(r.level, 1);
  // With the MMU off the same limit applies to the flat-mapped VA.
  regs_.sctlr = 0;
  EXPECT_EQ(Walk(0xFF'FFFF'FFFF).fault, FaultType::kNone);
  EXPECT_EQ(Walk(B(40)).fault, FaultType::kAddressSize);
}

// ------------------------------------------------------- access flag, attributes

TEST_F(MmuTest, AccessFlagClearFaultsAtLeafLevelBeforePermissions) {
  regs_.tcr = T0sz(25) | kTg0_4k | kIps48;
  regs_.ttbr0 = 0x1000;
  Set(0x1000, 0, 0x2000 | kTableDesc);
  Set(0x2000, 0, 0x20'0000 | kBlockDesc | Ap(0b10));  // read-only, AF=0
  Set(0x2000, 1, 0x3000 | kTableDesc);
  Set(0x3000, 0, 0x9000 | kPageDesc | Ap(0b00));
  WalkResult r = Walk(0x1000, AccessType::kWrite);
  EXPECT_EQ(r.fault, FaultType::kAccessFlag);
  EXPECT_EQ(r.level, 2);
  r = Walk(0x20'0000, AccessType::kRead, /*el0=*/true);
  EXPECT_EQ(r.fault, FaultType::kAccessFlag);
  EXPECT_EQ(r.level, 3);
}

TEST_F(MmuTest, AttrIndxSelectsMairByteAndNgSelectsAsid) {
  regs_.tcr = T0sz(25) | kTg0_4k | kIps48;
  regs_.ttbr0 = 0x1234'0000'0000'1000;
  regs_.ttbr1 = 0x5678'0000'0000'0000;
  regs_.mair = 0x0011'BB33'4455'66FF;  // byte 5 = 0xBB, byte 0 = 0xFF
  Set(0x1000, 0, 0 | kBlockDesc | kRwAll | AttrIndx(5) | kNg);
  Set(0x1000, 1, 0 | kBlockDesc | kRwAll | AttrIndx(0));
  WalkResult r = Walk(0x10);
  EXPECT_EQ(r.mair_attr, 0xBB);
  EXPECT_FALSE(r.global);
  EXPECT_EQ(r.asid, 0x34);  // A1=0, AS=0: TTBR0_EL1[55:48]
  regs_.tcr |= kAs;
  EXPECT_EQ(Walk(0x10).asid, 0x1234);  // AS=1: TTBR0_EL1[63:48]
  regs_.tcr |= kA1;
  EXPECT_EQ(Walk(0x10).asid, 0x5678);  // A1=1: from TTBR1 even for a TTBR0 walk
  regs_.tcr &= ~kAs;
  EXPECT_EQ(Walk(0x10).asid, 0x78);
  r = Walk(0x4000'0010);
  EXPECT_TRUE(r.global);
  EXPECT_EQ(r.mair_attr, 0xFF);
  EXPECT_EQ(r.sh, 0b11);
}

TEST_F(MmuTest, MmuOffIsIdentityWithFullPermissions) {
  regs_.sctlr = 0;
  regs_.tcr = kTbi0;
  for (AccessType a : {AccessType::kRead, AccessType::kWrite, AccessType::kExec}) {
    const WalkResult r = Walk(0x1234'5678'9ABC, a, /*el0=*/true);
    ASSERT_EQ(r.fault, FaultType::kNone);
    EXPECT_EQ(r.pa, 0x1234'5678'9ABCu);
    EXPECT_EQ(r.block_size, 4096u);
    EXPECT_TRUE(r.r_el1 && r.w_el1 && r.x_el1 && r.r_el0 && r.w_el0 && r.x_el0);
  }
  // Data is Device-nGnRnE; fetches Normal Non-cacheable, or write-through with SCTLR.I.
  EXPECT_EQ(Walk(0x1000).mair_attr, 0x00);
  EXPECT_EQ(Walk(0x1000, AccessType::kExec).mair_attr, 0x44);
  regs_.sctlr = kSctlrI;
  EXPECT_EQ(Walk(0x1000, AccessType::kExec).mair_attr, 0xAA);
  // Beyond the 48-bit PA range: address size fault at level 0; TBI0 drops the tag.
  const WalkResult r = Walk(B(48));
  EXPECT_EQ(r.fault, FaultType::kAddressSize);
  EXPECT_EQ(r.level, 0);
  EXPECT_EQ(Walk(0x5A00'0000'0000'1000).pa, 0x1000u);
  regs_.tcr = 0;
  EXPECT_EQ(Walk(0x5A00'0000'0000'1000).fault, FaultType::kAddressSize);
}

}  // namespace
}  // namespace vmd::hvsoft
