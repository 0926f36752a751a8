// The soft CPU's run loop with its block cache (engine/hv/soft/cpu.cc): hot
// blocks served from the cache still notice code changes — guest stores into
// a running loop, and the host remapping the code's guest-physical page.
// Test binary hv_soft_run_loop_test (GuestTest fixture).
#include <cstdlib>
#include <cstring>

#include "engine/hv/soft/soft_ext.h"
#include "tests/engine/hv/soft/guest_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

using RunLoop = GuestTest;

constexpr uint32_t kAddX0_1 = 0x91000400;  // add x0, x0, #1
constexpr uint32_t kAddX0_2 = 0x91000800;  // add x0, x0, #2
constexpr uint32_t kAddX0_5 = 0x91001400;  // add x0, x0, #5

TEST_F(RunLoop, GuestStoreIntoAHotLoopIsNoticed) {
  // The loop runs 100 times from the cache, the guest overwrites its first
  // instruction (no cache maintenance), and the loop runs 100 times more.
  SetX(0, 0);
  SetX(1, 100);
  SetX(2, kRamBase);
  SetX(3, kAddX0_2);
  SetX(4, 1);
  Load({
      kAddX0_1,    // 0x00 loop: add x0, x0, #1
      0xf1000421,  // 0x04 subs x1, x1, #1
      0x54ffffc1,  // 0x08 b.ne loop
      0xb40000a4,  // 0x0c cbz x4, 0x20
      0xb9000043,  // 0x10 str w3, [x2]
      0xd2800c81,  // 0x14 mov x1, #100
      0xd2800004,  // 0x18 mov x4, #0
      0x17fffff9,  // 0x1c b loop
      kHvc0,       // 0x20
  });
  SetReg(HV_REG_PC, kRamBase);
  RunToHvc();
  EXPECT_EQ(X(0), 100u * 1 + 100u * 2);
  hv_soft_vcpu_stats_t stats;
  ASSERT_EQ(hv_soft_vcpu_get_stats(vcpu_, &stats), HV_SUCCESS);
  EXPECT_GE(stats.blocks, 200u);
}

TEST_F(RunLoop, HostRemapOfCodeIsNoticed) {
  // Same IPA, same words in the old host page: only the map change says the
  // decoded block is stale.
  Load({kAddX0_1, kHvc0});
  SetX(0, 0);
  for (int k = 0; k < 3; ++k) {
    SetReg(HV_REG_PC, kRamBase);
    RunToHvc();
  }
  EXPECT_EQ(X(0), 3u);

  auto* other = static_cast<uint8_t*>(std::aligned_alloc(16384, kRamSize));
  ASSERT_NE(other, nullptr);
  std::memset(other, 0, kRamSize);
  const uint32_t code[] = {kAddX0_5, kHvc0};
  std::memcpy(other, code, sizeof(code));
  ASSERT_EQ(hv_vm_unmap(kRamBase, kRamSize), HV_SUCCESS);
  ASSERT_EQ(hv_vm_map(other, kRamBase, kRamSize, HV_MEMORY_READ | HV_MEMORY_WRITE | HV_MEMORY_EXEC),
            HV_SUCCESS);
  SetReg(HV_REG_PC, kRamBase);
  RunToHvc();
  EXPECT_EQ(X(0), 8u);

  // Back to the fixture's RAM (TearDown unmaps it), still holding add #1.
  ASSERT_EQ(hv_vm_unmap(kRamBase, kRamSize), HV_SUCCESS);
  ASSERT_EQ(hv_vm_map(ram_, kRamBase, kRamSize, HV_MEMORY_READ | HV_MEMORY_WRITE | HV_MEMORY_EXEC),
            HV_SUCCESS);
  std::free(other);
  SetReg(HV_REG_PC, kRamBase);
  RunToHvc();
  EXPECT_EQ(X(0), 9u);
}

TEST_F(RunLoop, NewVcpuOnTheSameThreadStartsFresh) {
  // A vCPU destroyed and another created on this thread (possibly at the
  // same address) must not see the first one's cached blocks.
  Exec({kAddX0_1});
  EXPECT_EQ(X(0), 1u);
  ASSERT_EQ(hv_vcpu_destroy(vcpu_), HV_SUCCESS);
  ASSERT_EQ(hv_vcpu_create(&vcpu_, &exit_, nullptr), HV_SUCCESS);
  SetReg(HV_REG_CPSR, 0x3c5);
  Exec({kAddX0_5});
  EXPECT_EQ(X(0), 5u);
}

}  // namespace
}  // namespace vmd::hvsoft::testing
