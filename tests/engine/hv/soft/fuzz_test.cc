// Guest misbehaviour never crashes the host: pages of random instruction
// words (with every exception vector unmapped, so the first exception exits
// as an instruction abort) run from EL1 and EL0 and must end in a
// well-formed exit.
#include <random>

#include "tests/engine/hv/soft/guest_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

using RandomCode = GuestTest;

TEST_F(RandomCode, RandomInstructionWordsEndInWellFormedExits) {
  std::mt19937 rng(12345);
  int exits[4] = {};
  for (int round = 0; round < 400; ++round) {
    std::vector<uint32_t> words(1024);
    for (uint32_t& w : words) w = rng();
    Load(words);
    for (int r = 0; r < 31; ++r) SetX(r, kRamBase + (rng() % kRamSize));
    SetSys(HV_SYS_REG_VBAR_EL1, 0x10000000);  // unmapped: exceptions exit
    SetSys(HV_SYS_REG_SP_EL1, kRamBase + 0x8000);
    SetSys(HV_SYS_REG_SP_EL0, kRamBase + 0x9000);
    SetSys(HV_SYS_REG_SCTLR_EL1, 0x30d00800);
    SetReg(HV_REG_CPSR, round % 2 ? 0x3c5 : 0);
    SetReg(HV_REG_PC, kRamBase + 4 * (rng() % 1024));
    RunWithCanceller();  // a random loop could spin for ever
    ASSERT_LE(exit_->reason, HV_EXIT_REASON_UNKNOWN);
    ++exits[exit_->reason];
    if (exit_->reason == HV_EXIT_REASON_EXCEPTION) {
      const uint32_t ec = ExceptionClass(exit_->exception.syndrome);
      EXPECT_TRUE(ec == 0x01 || ec == 0x16 || ec == 0x17 || ec == 0x18 || ec == 0x20 ||
                  ec == 0x24 || ec == 0x3c)
          << "EC 0x" << std::hex << ec;
    }
    ConsumeRacedCancel();
  }
  EXPECT_GT(exits[HV_EXIT_REASON_EXCEPTION], 0);
}

}  // namespace
}  // namespace vmd::hvsoft::testing
