// Shared by the FP/SIMD instruction-group tests (simd_ldst_test, simd_move_test,
// and through simd_case_fixture.h / fp_scalar_fixture.h the simd_three*,
// simd_misc* and fp_scalar* tests): a GuestTest with FP enabled and V-register
// access, the check that random words of one decoder group end in well-formed
// exits, and the check that a group's lines overlap no other line of any table.
#ifndef VMD_TESTS_ENGINE_HV_SOFT_SIMD_FIXTURE_H_
#define VMD_TESTS_ENGINE_HV_SOFT_SIMD_FIXTURE_H_

#include <cstring>
#include <random>
#include <span>
#include <utility>
#include <vector>

#include "engine/hv/soft/decode.h"
#include "tests/engine/hv/soft/guest_fixture.h"

namespace vmd::hvsoft::testing {

class FpGuestTest : public GuestTest {
 protected:
  void SetUp() override {
    GuestTest::SetUp();
    SetSys(HV_SYS_REG_CPACR_EL1, 3ull << 20);  // FPEN = 0b11: no trap
  }
  void SetV(int n, uint64_t lo, uint64_t hi) {
    hv_simd_fp_uchar16_t v;
    std::memcpy(&v, &lo, 8);
    std::memcpy(reinterpret_cast<uint8_t*>(&v) + 8, &hi, 8);
    ASSERT_EQ(hv_vcpu_set_simd_fp_reg(vcpu_, static_cast<hv_simd_fp_reg_t>(n), v), HV_SUCCESS);
  }
  std::pair<uint64_t, uint64_t> V(int n) {
    hv_simd_fp_uchar16_t v;
    EXPECT_EQ(hv_vcpu_get_simd_fp_reg(vcpu_, static_cast<hv_simd_fp_reg_t>(n), &v), HV_SUCCESS);
    uint64_t lo, hi;
    std::memcpy(&lo, &v, 8);
    std::memcpy(&hi, reinterpret_cast<uint8_t*>(&v) + 8, 8);
    return {lo, hi};
  }
  void FillV(uint64_t pattern) {
    for (int n = 0; n < 32; ++n) SetV(n, pattern, pattern);
  }

  // Random words from `table`'s lines (random operand bits), run with FP
  // enabled from EL1 and EL0 with SCTLR_EL1.A on and off, must end in
  // well-formed exits: nothing a guest does may crash the host. Exception
  // vectors are unmapped, so the first exception exits as an instruction abort.
  void RandomWordsEndInWellFormedExits(std::span<const DecodeLine> table, uint32_t seed) {
    std::mt19937 rng(seed);
    for (int round = 0; round < 300; ++round) {
      std::vector<uint32_t> words(1024);
      for (uint32_t& w : words) {
        const DecodeLine& line = table[rng() % table.size()];
        w = (static_cast<uint32_t>(rng()) & ~line.mask) | line.value;
      }
      Load(words);
      for (int r = 0; r < 31; ++r) SetX(r, kRamBase + (rng() % kRamSize));
      for (int v = 0; v < 32; ++v) SetV(v, static_cast<uint64_t>(rng()) << 32 | rng(), rng());
      SetSys(HV_SYS_REG_VBAR_EL1, 0x10000000);
      SetSys(HV_SYS_REG_SP_EL1, kRamBase + 0x8000);
      SetSys(HV_SYS_REG_SP_EL0, kRamBase + 0x9000);
      SetSys(HV_SYS_REG_SCTLR_EL1, 0x30d00800 | (round % 4 < 2 ? 2 : 0));
      SetReg(HV_REG_CPSR, round % 2 ? 0x3c5 : 0);
      SetReg(HV_REG_PC, kRamBase + 4 * (rng() % 1024));
      RunWithCanceller();
      ASSERT_LE(exit_->reason, HV_EXIT_REASON_UNKNOWN);
      if (exit_->reason == HV_EXIT_REASON_EXCEPTION) {
        const uint32_t ec = ExceptionClass(exit_->exception.syndrome);
        EXPECT_TRUE(ec == 0x16 || ec == 0x20 || ec == 0x24) << "EC 0x" << std::hex << ec;
      }
      ConsumeRacedCancel();
    }
  }
};

// No instruction word can match both a line of `mine` and a line of any
// table (or two lines of `mine`): table order never matters.
inline void ExpectNoOverlapWithAnyLine(std::span<const DecodeLine> mine) {
  const std::span<const DecodeLine> all[] = {
      DataProcessingTable(), LoadStoreTable(), SystemTable(),    FpTable(),
      SimdLoadStoreTable(),  SimdMoveTable(),  SimdThreeTable(), SimdMiscTable()};
  for (const DecodeLine& a : mine) {
    for (const auto& table : all) {
      for (const DecodeLine& b : table) {
        if (&a == &b) continue;
        EXPECT_NE((a.value ^ b.value) & a.mask & b.mask, 0u) << a.name << " / " << b.name;
      }
    }
  }
}

}  // namespace vmd::hvsoft::testing

#endif  // VMD_TESTS_ENGINE_HV_SOFT_SIMD_FIXTURE_H_
