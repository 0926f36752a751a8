// Broad stage-1 walker tests: every granule with every TxSZ from both TTBRs
// (levels worked out from the granule, independently of the walker), and
// random guest-written tables that must still give architectural answers.
#include "tests/engine/hv_mmu/mmu_test_util.h"

namespace vmd::hvsoft {
namespace {

using namespace ::vmd::hvsoft::mmu_test;  // NOLINT: test-only helpers

// ------------------------------------------------- every granule and TxSZ

// Builds a page mapping for one VA with the levels worked out from the
// granule: level L resolves VA[lsb(L)+stride-1 : lsb(L)] with
// lsb(L) = granule + (3-L)*stride, and the walk starts at the level whose
// range holds VA bit inputsize-1. Then checks the walk from both TTBRs.
TEST_F(MmuTest, EveryGranuleAndTxszWalksFromTheRightStartLevel) {
  struct Granule {
    int bits;
    uint64_t tg0, tg1;
  };
  const Granule granules[] = {
      {12, kTg0_4k, kTg1_4k}, {14, kTg0_16k, kTg1_16k}, {16, kTg0_64k, kTg1_64k}};
  uint64_t seed = 0x9E37'79B9'7F4A'7C15;
  auto next = [&seed] {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return seed >> 11;
  };
  for (const Granule& g : granules) {
    const int stride = g.bits - 3;
    for (int txsz = 16; txsz <= 39; ++txsz) {
      for (bool upper : {false, true}) {
        SCOPED_TRACE(::testing::Message()
                     << "granule " << g.bits << " txsz " << txsz << (upper ? " TTBR1" : " TTBR0"));
        const int inputsize = 64 - txsz;
        int start = 3;
        while (inputsize > g.bits + (3 - start) * stride + stride) --start;
        mem_ = TestMemory();
        regs_.tcr = kIps48 | (upper ? T1sz(txsz) | g.tg1 | T0sz(16) | kEpd0
                                    : T0sz(txsz) | g.tg0 | T1sz(16) | kEpd1);
        const uint64_t in_mask = B(inputsize) - 1;
        const uint64_t va = (next() & in_mask) | (upper ? ~in_mask : 0);
        const uint64_t page_pa = (next() & (B(47) - 1)) & ~(B(g.bits) - 1);
        // Tables one granule apart from PA 0x10000 (aligned for every granule).
        uint64_t table = 0x10000;
        (upper ? regs_.ttbr1 : regs_.ttbr0) = table;
        for (int level = start; level <= 3; ++level) {
          const int lsb = g.bits + (3 - level) * stride;
          const int width = level == start ? inputsize - lsb : stride;
          const uint64_t index = (va >> lsb) & (B(width) - 1);
          if (level == 3) {
            Set(table, index, page_pa | kPageDesc | kRwAll);
          } else {
            Set(table, index, (table + B(g.bits)) | kTableDesc);
            table += B(g.bits);
          }
        }
        WalkResult r = Walk(va);
        ASSERT_EQ(r.fault, FaultType::kNone);
        EXPECT_EQ(r.pa, page_pa | (va & (B(g.bits) - 1)));
        EXPECT_EQ(r.block_size, B(g.bits));
        EXPECT_EQ(r.ttbr1, upper);
        // The top input bit is the last bit of the first table's index: the
        // other half of that table is empty, so the walk stops at `start`.
        r = Walk(va ^ B(inputsize - 1));
        EXPECT_EQ(r.fault, FaultType::kTranslation);
        EXPECT_EQ(r.level, start);
        // One bit above the range is outside it.
        if (inputsize < 48) {
          r = Walk(va ^ B(inputsize));
          EXPECT_EQ(r.fault, FaultType::kTranslation);
          EXPECT_EQ(r.level, 0);
        }
      }
    }
  }
}

// ------------------------------------------------------- guest-controlled junk

// Random registers and random table contents (a guest can write anything):
// the walk must stay within the architecture's possible answers.
TEST_F(MmuTest, RandomTablesGiveArchitecturalResults) {
  uint64_t seed = 0x2545'F491'4F6C'DD1D;
  auto next = [&seed] {
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return seed;
  };
  for (uint64_t pa = 0; pa < 0x10'0000; pa += 8) {
    // Mostly valid-looking descriptors pointing back into the first MiB; a
    // few point above 4 GiB (address size faults for a small IPS, or
    // external aborts on the walk).
    const uint64_t r = next();
    const uint64_t high = r % 13 == 0 ? B(32 + static_cast<int>(next() % 16)) : 0;
    mem_.Set(pa, (r & 0xFFF0'0000'0000'0FFF) | (next() & 0xF'F000) | high | (r % 5 == 0 ? 0 : 3));
  }
  int seen[6] = {};
  for (int i = 0; i < 200'000; ++i) {
    regs_.sctlr = kSctlrM | (next() & kSctlrWxn);
    regs_.tcr = next() & ~(kEpd0 | kEpd1);
    regs_.ttbr0 = next() & 0xF'F000;
    regs_.ttbr1 = next() & 0xF'F000;
    regs_.mair = next();
    // An address in the lower or upper range of a 25..48-bit VA space.
    const uint64_t in_mask = B(25 + static_cast<int>(next() % 24)) - 1;
    const uint64_t va = (next() & in_mask) | ((next() & 1) ? ~in_mask : 0);
    const auto access = static_cast<AccessType>(next() % 3);
    const bool el0 = next() & 1;
    const WalkResult r = Walk(va, access, el0);
    ++seen[static_cast<int>(r.fault)];
    ASSERT_GE(r.level, 0);
    ASSERT_LE(r.level, 3);
    if (r.fault == FaultType::kNone || r.fault == FaultType::kPermission) {
      // A leaf: a page at level 3 or a block at level 1 or 2.
      EXPECT_TRUE(r.level == 3 || r.level == 1 || r.level == 2);
      EXPECT_LT(r.pa, B(48));
      EXPECT_GE(r.block_size, B(12));
      EXPECT_EQ(r.pa & (r.block_size - 1), va & (r.block_size - 1));
      EXPECT_TRUE(r.r_el1);               // no PAN: EL1 can always read
      EXPECT_FALSE(r.w_el0 && !r.w_el1);  // EL0-writable is EL1-writable
      EXPECT_FALSE(r.w_el0 && r.x_el1);   // and never EL1-executable
      EXPECT_EQ(r.fault == FaultType::kNone, AccessAllowed(r, access, el0));
    }
    if (r.fault == FaultType::kAccessFlag || r.fault == FaultType::kPermission) {
      EXPECT_GE(r.level, 1);  // no level-0 leaves in ARMv8.0
    }
  }
  // Every outcome happened often enough for the checks above to mean something.
  for (FaultType f :
       {FaultType::kNone, FaultType::kAddressSize, FaultType::kTranslation, FaultType::kAccessFlag,
        FaultType::kPermission, FaultType::kExternalAbortOnWalk}) {
    EXPECT_GT(seen[static_cast<int>(f)], 100) << static_cast<int>(f);
  }
}

}  // namespace
}  // namespace vmd::hvsoft
