// The soft TLB's selective invalidation: TLBI by VA (a whole block when the
// VA is in one), by ASID, all ASIDs, TTBR writes (a new ASID hides the
// non-global entries; new tables drop that range), and the broadcast log
// other vCPUs replay. Each test caches translations, rewrites the tables
// behind the TLB's back, invalidates, then reads: a dropped entry shows the
// new mapping; a kept one still shows the old (what real hardware may do
// too; here it shows the invalidation was no wider than asked).
#include <string>
#include <vector>

#include "engine/hv/soft/vm.h"
#include "tests/engine/hv/soft/guest_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

// Tables: 4 KiB granule, 39-bit VA (T0SZ 25), walks start at level 1.
constexpr uint64_t kL1 = kRamBase + 0x3000;
constexpr uint64_t kL1Other = kRamBase + 0x6000;  // same L2, another address
constexpr uint64_t kL2 = kRamBase + 0x4000;
constexpr uint64_t kL3 = kRamBase + 0x5000;
// Data pages and the values they hold.
constexpr uint64_t kPageA = kRamBase + 0x8000, kPageB = kRamBase + 0x9000;
constexpr uint64_t kPageC = kRamBase + 0xa000;
constexpr uint64_t kValA = 0xa, kValB = 0xb, kValC = 0xc;
// Test VAs: two 4 KiB pages (L3 slots 272, 273; soft-TLB slots 16 and 17,
// clear of the code page's 0) and a 2 MiB block (L2 slot 1).
constexpr uint64_t kVaA = 0x40110000, kVaB = 0x40111000;
constexpr uint64_t kVaBlock = 0x40200000;  // -> PA 0x40000000 (RAM at its start)

constexpr uint64_t kAf = 1u << 10, kShInner = 3u << 8, kNg = 1u << 11;
constexpr uint64_t Table(uint64_t pa) { return pa | 3; }
constexpr uint64_t Page(uint64_t pa, bool global) { return pa | kAf | kShInner | (global ? 0 : kNg) | 3; }
constexpr uint64_t Block(uint64_t pa) { return pa | kAf | kShInner | 1; }
constexpr uint64_t Ttbr(uint64_t table, uint64_t asid) { return table | asid << 48; }
// TLBI's Xt: ASID[63:48], VA[55:12].
constexpr uint64_t TlbiArg(uint64_t va, uint64_t asid) { return asid << 48 | va >> 12; }

constexpr uint32_t kMsrSctlrX0 = 0xd5181000, kIsb = 0xd5033fdf, kDsbSy = 0xd5033f9f;
constexpr uint32_t kLdrX11X1 = 0xf940002b, kLdrX12X2 = 0xf940004c;
constexpr uint32_t kLdrX13X1 = 0xf940002d, kLdrX14X2 = 0xf940004e;
constexpr uint32_t kTlbiVae1X5 = 0xd5088725, kTlbiVale1X5 = 0xd50887a5;
constexpr uint32_t kTlbiAside1X5 = 0xd5088745, kTlbiVaae1X5 = 0xd5088765;
constexpr uint32_t kTlbiVae1isX5 = 0xd5088325, kMsrTtbr0X6 = 0xd5182006;

class TlbTest : public GuestTest {
 protected:
  // Identity-maps the RAM with 4 KiB pages (code, tables), maps kVaA -> A
  // and kVaB -> B (global as asked) and the block, turns the MMU on with
  // ASID `asid`, and loads A and B through the TLB (x11, x12).
  void CacheTwoPages(bool a_global, bool b_global, uint64_t asid = 1) {
    Poke64(kL1 + 1 * 8, Table(kL2));
    Poke64(kL1Other + 1 * 8, Table(kL2));
    Poke64(kL2 + 0 * 8, Table(kL3));
    Poke64(kL2 + 1 * 8, Block(kRamBase));
    for (uint64_t k = 0; k < kRamSize / 0x1000; ++k) {
      Poke64(kL3 + k * 8, Page(kRamBase + k * 0x1000, true));
    }
    Poke64(kL3 + 272 * 8, Page(kPageA, a_global));
    Poke64(kL3 + 273 * 8, Page(kPageB, b_global));
    Poke64(kPageA, kValA);
    Poke64(kPageB, kValB);
    Poke64(kPageC, kValC);
    SetSys(HV_SYS_REG_TTBR0_EL1, Ttbr(kL1, asid));
    SetSys(HV_SYS_REG_TCR_EL1, 25 | 1u << 23 | 1ull << 32);  // T0SZ=25, EPD1, IPS=36 bits
    SetSys(HV_SYS_REG_MAIR_EL1, 0xff);
    SetX(0, Sys(HV_SYS_REG_SCTLR_EL1) | 1);
    SetX(1, kVaA);
    SetX(2, kVaB);
    Exec({kMsrSctlrX0, kIsb, kLdrX11X1, kLdrX12X2});
    ASSERT_EQ(X(11), kValA);
    ASSERT_EQ(X(12), kValB);
  }
  // Points both test pages at C, behind the TLB's back.
  void RemapBothToC(bool a_global, bool b_global) {
    Poke64(kL3 + 272 * 8, Page(kPageC, a_global));
    Poke64(kL3 + 273 * 8, Page(kPageC, b_global));
  }
  // Runs `ops`, then reads A and B again into x13 and x14.
  void InvalidateAndReload(std::vector<uint32_t> ops) {
    ops.insert(ops.end(), {kDsbSy, kIsb, kLdrX13X1, kLdrX14X2});
    Exec(ops);
  }
};

// One case: A and B cached (global or not) under ASID `asid`, both pointed
// at C behind the TLB's back, then `ops` with x5..x7 as given, then both
// read again: a dropped entry reads C, a kept one still its old page.
struct InvalidationCase {
  const char* name;
  bool a_global, b_global;
  uint64_t asid;
  std::vector<uint32_t> ops;
  uint64_t x5, x6, x7;
  bool a_dropped, b_dropped;
};

constexpr uint32_t kTlbiVmalle1 = 0xd508871f, kTlbiVae1X7 = 0xd5088727;

const InvalidationCase kCases[] = {
    // The baseline the others compare with: rewriting the tables alone
    // changes nothing a cached entry says.
    {"NothingKeepsBoth", true, true, 1, {}, 0, 0, 0, false, false},
    {"VmallE1DropsBoth", true, false, 1, {kTlbiVmalle1}, 0, 0, 0, true, true},
    {"Vae1DropsThatPage", false, false, 1, {kTlbiVae1X5}, TlbiArg(kVaA, 1), 0, 0, true, false},
    {"Vale1CountsAsVae1", false, false, 1, {kTlbiVale1X5}, TlbiArg(kVaB, 1), 0, 0, false, true},
    // Both named with ASID 2, walked under ASID 1: the global one goes, the
    // other ASID's stays.
    {"Vae1OtherAsidDropsOnlyGlobal", true, false, 1, {kTlbiVae1X5, kTlbiVae1X7},
     TlbiArg(kVaA, 2), 0, TlbiArg(kVaB, 2), true, false},
    {"Vaae1IgnoresTheAsid", false, false, 1, {kTlbiVaae1X5}, TlbiArg(kVaB, 77), 0, 0, false, true},
    {"Aside1DropsItsNonGlobal", true, false, 3, {kTlbiAside1X5}, TlbiArg(0, 3), 0, 0, false, true},
    {"Aside1OfAnotherAsidKeepsBoth", true, false, 3, {kTlbiAside1X5}, TlbiArg(0, 4), 0, 0, false, false},
    // A context switch: same tables, ASID 1 -> 2, no TLBI. An entry walked
    // under ASID 1 must not translate for ASID 2; a global one may.
    {"NewAsidHidesNonGlobal", true, false, 1, {kMsrTtbr0X6}, 0, Ttbr(kL1, 2), 0, false, true},
    {"NewTablesDropTheRange", true, true, 1, {kMsrTtbr0X6}, 0, Ttbr(kL1Other, 1), 0, true, true},
    // Linux keeps its ASID in TTBR1 (TCR.A1=1): a new one there hides the
    // non-global entries too.
    {"NewTtbr1AsidHidesNonGlobal", true, false, 1, {0xd5182026}, 0, Ttbr(0, 5), 0, false, true},
    {"SameTtbrKeepsBoth", false, false, 1, {kMsrTtbr0X6}, 0, Ttbr(kL1, 1), 0, false, false},
    {"Vae1isAppliesHereToo", false, false, 1, {kTlbiVae1isX5}, TlbiArg(kVaA, 1), 0, 0, true, false},
};

class TlbInvalidationTest : public TlbTest, public ::testing::WithParamInterface<InvalidationCase> {};

TEST_P(TlbInvalidationTest, DropsWhatItNamesAndNoMore) {
  const InvalidationCase& t = GetParam();
  CacheTwoPages(t.a_global, t.b_global, t.asid);
  RemapBothToC(t.a_global, t.b_global);
  SetX(5, t.x5);
  SetX(6, t.x6);
  SetX(7, t.x7);
  InvalidateAndReload(t.ops);
  EXPECT_EQ(X(13), t.a_dropped ? kValC : kValA);
  EXPECT_EQ(X(14), t.b_dropped ? kValC : kValB);
}

INSTANTIATE_TEST_SUITE_P(Ops, TlbInvalidationTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<InvalidationCase>& info) {
                           return std::string(info.param.name);
                         });

TEST_F(TlbTest, ByVaInABlockDropsEveryPageOfIt) {
  // Two 4 KiB pages of one 2 MiB block are two soft-TLB entries, but one
  // TLB entry architecturally: a TLBI naming either must drop both.
  CacheTwoPages(true, true);
  SetX(1, kVaBlock + 0x8000);  // -> A
  SetX(2, kVaBlock + 0x9000);  // -> B
  Exec({kLdrX11X1, kLdrX12X2});
  ASSERT_EQ(X(11), kValA);
  ASSERT_EQ(X(12), kValB);
  Poke64(kL2 + 1 * 8, 0);  // the block is gone; still cached until a TLBI
  Exec({kLdrX14X2});
  ASSERT_EQ(X(14), kValB);
  // Synchronous exceptions at EL1 (SPx) record ESR and FAR, then HVC.
  constexpr uint64_t kVectors = kRamBase + 0x800;
  Load({0xd5385209, 0xd538600a, kHvc0}, kVectors + 0x200);  // mrs x9, esr_el1; mrs x10, far_el1
  SetSys(HV_SYS_REG_VBAR_EL1, kVectors);
  SetX(5, TlbiArg(kVaBlock + 0x8000, 1));
  SetX(14, 0);
  Exec({kTlbiVae1X5, kDsbSy, kIsb, kLdrX14X2});
  EXPECT_EQ(X(14), 0u);
  EXPECT_EQ(X(9) >> 26, 0x25u);    // data abort, same EL
  EXPECT_EQ(X(9) & 0x3f, 0x06u);   // translation fault, level 2
  EXPECT_EQ(X(10), kVaBlock + 0x9000);
}

// The log other vCPUs replay broadcast TLBIs from.
TEST(TlbLogTest, ReplaysInOrderUntilTheLogHasMovedOn) {
  Vm vm;
  for (uint64_t k = 0; k < 3; ++k) {
    TlbOp op;
    op.kind = TlbOp::Kind::kVa;
    op.va = k << 12;
    vm.BroadcastTlbOp(op);
  }
  EXPECT_EQ(vm.tlb_epoch(), 3u);
  std::vector<uint64_t> seen;
  std::optional<uint64_t> now = vm.TlbOpsSince(1, [&](const TlbOp& op) { seen.push_back(op.va); });
  ASSERT_TRUE(now.has_value());
  EXPECT_EQ(*now, 3u);
  EXPECT_EQ(seen, (std::vector<uint64_t>{1 << 12, 2 << 12}));
  for (int k = 0; k < 64; ++k) vm.BroadcastTlbOp(TlbOp{});
  seen.clear();
  // 67 logged: the oldest three are gone.
  EXPECT_FALSE(vm.TlbOpsSince(2, [&](const TlbOp& op) { seen.push_back(op.va); }).has_value());
  EXPECT_TRUE(seen.empty());
  now = vm.TlbOpsSince(3, [&](const TlbOp& op) { seen.push_back(op.va); });
  ASSERT_TRUE(now.has_value());
  EXPECT_EQ(*now, 67u);
  EXPECT_EQ(seen.size(), 64u);
}

}  // namespace
}  // namespace vmd::hvsoft::testing
