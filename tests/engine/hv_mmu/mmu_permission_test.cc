// Stage-1 permission checks (AP, UXN/PXN, table controls, WXN) and the fault
// reporting formats (ESR DFSC, PAR_EL1). Expected values follow the ARMv8.0
// EL1&0 permission tables and the PAR_EL1/ESR_ELx field descriptions.
#include "tests/engine/hv_mmu/mmu_test_util.h"

namespace vmd::hvsoft {
namespace {

using namespace ::vmd::hvsoft::mmu_test;  // NOLINT: test-only helpers

struct PermRow {
  uint64_t ap;
  bool uxn, pxn;
  bool r1, w1, x1, r0, w0, x0;
};

// AP[2:1]: 00 EL1 RW; 01 EL1 RW + EL0 RW; 10 EL1 RO; 11 EL1 RO + EL0 RO.
// EL0 execute depends only on UXN (ARMv8.0 has execute-only EL0 memory).
// EL1 execute needs PXN=0 and the region not writable at EL0.
// clang-format off
constexpr PermRow kPermTable[] = {
    //  AP   UXN PXN  R1 W1 X1  R0 W0 X0
    {0b00, 0,  0,   1, 1, 1,   0, 0, 1},
    {0b00, 0,  1,   1, 1, 0,   0, 0, 1},
    {0b00, 1,  0,   1, 1, 1,   0, 0, 0},
    {0b00, 1,  1,   1, 1, 0,   0, 0, 0},
    {0b01, 0,  0,   1, 1, 0,   1, 1, 1},
    {0b01, 0,  1,   1, 1, 0,   1, 1, 1},
    {0b01, 1,  0,   1, 1, 0,   1, 1, 0},
    {0b01, 1,  1,   1, 1, 0,   1, 1, 0},
    {0b10, 0,  0,   1, 0, 1,   0, 0, 1},
    {0b10, 0,  1,   1, 0, 0,   0, 0, 1},
    {0b10, 1,  0,   1, 0, 1,   0, 0, 0},
    {0b10, 1,  1,   1, 0, 0,   0, 0, 0},
    {0b11, 0,  0,   1, 0, 1,   1, 0, 1},
    {0b11, 0,  1,   1, 0, 0,   1, 0, 1},
    {0b11, 1,  0,   1, 0, 1,   1, 0, 0},
    {0b11, 1,  1,   1, 0, 0,   1, 0, 0},
};
// clang-format on

class MmuPermissionTest : public MmuTest {
 protected:
  // 4 KiB, T0SZ=25: L1 table 0x1000 → L2 table 0x2000 → L3 table 0x3000.
  // VA 0x5000 uses L1[0], L2[0], L3[5]; VA 0x20'0000 is the L2[1] block.
  void SetUp() override {
    regs_.tcr = T0sz(25) | kTg0_4k | kIps48;
    regs_.ttbr0 = 0x1000;
    SetTables(0, 0);
  }
  void SetTables(uint64_t l1_attrs, uint64_t l2_attrs) {
    Set(0x1000, 0, 0x2000 | kTableDesc | l1_attrs);
    Set(0x2000, 0, 0x3000 | kTableDesc | l2_attrs);
  }
  void SetPage(uint64_t attrs) { Set(0x3000, 5, 0x9000 | kPageDesc | kAf | attrs); }

  // Checks the six permission bits and that Translate agrees with them for
  // every access at both ELs.
  void ExpectPerms(bool r1, bool w1, bool x1, bool r0, bool w0, bool x0) {
    const WalkResult r = Walk(0x5000);
    ASSERT_EQ(r.fault, FaultType::kNone);
    EXPECT_EQ(r.r_el1, r1);
    EXPECT_EQ(r.w_el1, w1);
    EXPECT_EQ(r.x_el1, x1);
    EXPECT_EQ(r.r_el0, r0);
    EXPECT_EQ(r.w_el0, w0);
    EXPECT_EQ(r.x_el0, x0);
    const struct {
      AccessType access;
      bool el0, allowed;
    } cases[] = {{AccessType::kRead, false, r1}, {AccessType::kWrite, false, w1},
                 {AccessType::kExec, false, x1}, {AccessType::kRead, true, r0},
                 {AccessType::kWrite, true, w0}, {AccessType::kExec, true, x0}};
    for (const auto& c : cases) {
      const WalkResult w = Walk(0x5000, c.access, c.el0);
      SCOPED_TRACE(::testing::Message()
                   << "access " << static_cast<int>(c.access) << " el0 " << c.el0);
      if (c.allowed) {
        EXPECT_EQ(w.fault, FaultType::kNone);
      } else {
        EXPECT_EQ(w.fault, FaultType::kPermission);
        EXPECT_EQ(w.level, 3);
        EXPECT_EQ(FaultStatusCode(w), 0b001111u);
      }
    }
  }
};

TEST_F(MmuPermissionTest, LeafApUxnPxnCombinations) {
  for (const PermRow& row : kPermTable) {
    SCOPED_TRACE(::testing::Message()
                 << "AP=" << row.ap << " UXN=" << row.uxn << " PXN=" << row.pxn);
    SetPage(Ap(row.ap) | (row.uxn ? kUxn : 0) | (row.pxn ? kPxn : 0));
    ExpectPerms(row.r1, row.w1, row.x1, row.r0, row.w0, row.x0);
  }
}

TEST_F(MmuPermissionTest, ApTable01RemovesEl0DataAccessOnly) {
  SetTables(ApTable(0b01), 0);
  SetPage(Ap(0b01));
  // Effective AP=00: no longer EL0-writable, so EL1 may execute; EL0
  // execute is governed by UXN alone.
  ExpectPerms(1, 1, 1, 0, 0, 1);
}

TEST_F(MmuPermissionTest, ApTable10RemovesWriteAtBothEls) {
  SetTables(0, ApTable(0b10));
  SetPage(Ap(0b01));  // effective AP=11
  ExpectPerms(1, 0, 1, 1, 0, 1);
}

TEST_F(MmuPermissionTest, ApTable11RemovesWriteAndEl0Access) {
  SetTables(ApTable(0b11), 0);
  SetPage(Ap(0b00));  // effective AP=10
  ExpectPerms(1, 0, 1, 0, 0, 1);
}

TEST_F(MmuPermissionTest, ApTableFromDifferentLevelsAccumulate) {
  SetTables(ApTable(0b01), ApTable(0b10));
  SetPage(Ap(0b01));  // effective AP=10
  ExpectPerms(1, 0, 1, 0, 0, 1);
  SetTables(0, 0);
  ExpectPerms(1, 1, 0, 1, 1, 1);
}

TEST_F(MmuPermissionTest, XnTableAndPxnTable) {
  SetPage(Ap(0b00));
  SetTables(kXnTable, 0);
  ExpectPerms(1, 1, 1, 0, 0, 0);
  SetTables(0, kPxnTable);
  ExpectPerms(1, 1, 0, 0, 0, 1);
  SetTables(kPxnTable, kXnTable);
  ExpectPerms(1, 1, 0, 0, 0, 0);
}

TEST_F(MmuPermissionTest, WxnMakesWritableMemoryExecuteNever) {
  regs_.sctlr |= kSctlrWxn;
  SetPage(Ap(0b00));  // EL1-writable: EL1 XN; EL0 cannot write so may execute
  ExpectPerms(1, 1, 0, 0, 0, 1);
  SetPage(Ap(0b01));  // writable at both
  ExpectPerms(1, 1, 0, 1, 1, 0);
  SetPage(Ap(0b10));
  ExpectPerms(1, 0, 1, 0, 0, 1);
  SetPage(Ap(0b11));
  ExpectPerms(1, 0, 1, 1, 0, 1);
  // WXN looks at the effective permissions, after APTable.
  SetTables(ApTable(0b10), 0);
  SetPage(Ap(0b01));
  ExpectPerms(1, 0, 1, 1, 0, 1);
}

TEST_F(MmuPermissionTest, TableControlsApplyToBlocksBelowThem) {
  SetTables(ApTable(0b10) | kXnTable, 0);
  Set(0x2000, 1, 0x40'0000 | kBlockDesc | kAf | Ap(0b01));
  WalkResult r = Walk(0x20'0010, AccessType::kWrite);
  EXPECT_EQ(r.fault, FaultType::kPermission);
  EXPECT_EQ(r.level, 2);
  EXPECT_EQ(FaultStatusCode(r), 0b001110u);
  // The mapping is reported with the fault so a TLB can keep it.
  EXPECT_EQ(r.pa, 0x40'0010u);
  EXPECT_EQ(r.block_size, B(21));
  r = Walk(0x20'0010, AccessType::kExec, /*el0=*/true);
  EXPECT_EQ(r.fault, FaultType::kPermission);
  EXPECT_EQ(Walk(0x20'0010, AccessType::kRead, /*el0=*/true).fault, FaultType::kNone);
}

TEST(MmuFaultStatusTest, EncodingsPerTypeAndLevel) {
  WalkResult r;
  EXPECT_EQ(FaultStatusCode(r), 0u);
  const struct {
    FaultType type;
    uint32_t base;
  } kinds[] = {{FaultType::kAddressSize, 0b000000},
               {FaultType::kTranslation, 0b000100},
               {FaultType::kAccessFlag, 0b001000},
               {FaultType::kPermission, 0b001100},
               {FaultType::kExternalAbortOnWalk, 0b010100}};
  for (const auto& k : kinds) {
    for (int level = 0; level <= 3; ++level) {
      r.fault = k.type;
      r.level = level;
      EXPECT_EQ(FaultStatusCode(r), k.base + level);
    }
  }
}

TEST_F(MmuTest, ParForSuccessfulTranslations) {
  regs_.tcr = T0sz(25) | kTg0_4k | kIps48;
  regs_.ttbr0 = 0x1000;
  regs_.mair = 0x0000'0000'0044'04FF;  // 0: Normal WB, 1: Device-nGnRE, 2: Normal NC
  Set(0x1000, 0, 0x2000 | kTableDesc);
  Set(0x2000, 0, 0x3000 | kTableDesc);
  Set(0x3000, 0, 0x8765'4000 | kPageDesc | kAf | Sh(0b11) | AttrIndx(0));
  Set(0x3000, 1, 0x8765'5000 | kPageDesc | kAf | Sh(0b00) | AttrIndx(0));
  Set(0x3000, 2, 0x8765'6000 | kPageDesc | kAf | Sh(0b00) | AttrIndx(1));
  Set(0x3000, 3, 0x8765'7000 | kPageDesc | kAf | Sh(0b11) | AttrIndx(2));
  // ATTR[63:56], PA[47:12], bit 11 RES1, SH[8:7], F=0; the page offset is not reported.
  EXPECT_EQ(MakePar(Walk(0x0123)), 0xFF00'0000'8765'4980u);
  EXPECT_EQ(MakePar(Walk(0x1123)), 0xFF00'0000'8765'5800u);
  // Device and Normal Non-cacheable memory report Outer Shareable (0b10).
  EXPECT_EQ(MakePar(Walk(0x2123)), 0x0400'0000'8765'6900u);
  EXPECT_EQ(MakePar(Walk(0x3123)), 0x4400'0000'8765'7900u);
  // MMU off, data access: Device-nGnRnE, outer shareable, flat.
  regs_.sctlr = 0;
  EXPECT_EQ(MakePar(Walk(0x1234'5678)), 0x0000'0000'1234'5900u);
}

TEST_F(MmuTest, ParForFaults) {
  regs_.tcr = T0sz(25) | kTg0_4k | kIps48;
  regs_.ttbr0 = 0x1000;
  // F=1, FST[6:1], bit 11 RES1, S=0 and PTW=0 (stage 1).
  EXPECT_EQ(MakePar(Walk(0x0)), 0x80Bu);             // translation, level 1
  EXPECT_EQ(MakePar(Walk(0x80'0000'0000)), 0x809u);  // translation, level 0
  Set(0x1000, 0, 0x2000 | kTableDesc);
  Set(0x2000, 0, 0x3000 | kTableDesc);
  Set(0x3000, 0, 0x9000 | kPageDesc | Ap(0b10));
  EXPECT_EQ(MakePar(Walk(0x0)), 0x817u);  // access flag, level 3
  Set(0x3000, 0, 0x9000 | kPageDesc | kAf | Ap(0b10));
  EXPECT_EQ(MakePar(Walk(0x0, AccessType::kWrite)), 0x81Fu);  // permission, level 3
  regs_.tcr = T0sz(25) | kTg0_4k | Ips(0);
  regs_.ttbr0 = 0x1'0000'1000;
  EXPECT_EQ(MakePar(Walk(0x0)), 0x801u);  // address size, level 0
}

}  // namespace
}  // namespace vmd::hvsoft
