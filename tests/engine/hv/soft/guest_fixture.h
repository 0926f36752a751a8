// Test fixture for the soft CPU: a VM with 64 KiB of RAM at 0x4000_0000, one
// vCPU at EL1h (CPSR 0x3c5), and helpers to load instruction words and run
// until an HVC exit. Used by every test in tests/engine/hv/soft.
#ifndef VMD_TESTS_ENGINE_HV_SOFT_GUEST_FIXTURE_H_
#define VMD_TESTS_ENGINE_HV_SOFT_GUEST_FIXTURE_H_

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

#include "engine/hv/hv.h"
#include "gtest/gtest.h"

namespace vmd::hvsoft::testing {

inline constexpr uint64_t kRamBase = 0x40000000;
inline constexpr uint64_t kRamSize = 64 * 1024;
inline constexpr uint32_t kHvc0 = 0xd4000002;  // hvc #0

inline uint32_t ExceptionClass(uint64_t esr) { return static_cast<uint32_t>(esr >> 26) & 0x3f; }

class GuestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(hv_vm_create(nullptr), HV_SUCCESS);
    ram_ = static_cast<uint8_t*>(std::aligned_alloc(16384, kRamSize));
    std::memset(ram_, 0, kRamSize);
    ASSERT_EQ(hv_vm_map(ram_, kRamBase, kRamSize,
                        HV_MEMORY_READ | HV_MEMORY_WRITE | HV_MEMORY_EXEC),
              HV_SUCCESS);
    ASSERT_EQ(hv_vcpu_create(&vcpu_, &exit_, nullptr), HV_SUCCESS);
    SetReg(HV_REG_CPSR, 0x3c5);
    SetReg(HV_REG_PC, kRamBase);
  }
  void TearDown() override {
    EXPECT_EQ(hv_vcpu_destroy(vcpu_), HV_SUCCESS);
    EXPECT_EQ(hv_vm_unmap(kRamBase, kRamSize), HV_SUCCESS);
    EXPECT_EQ(hv_vm_destroy(), HV_SUCCESS);
    std::free(ram_);
  }

  // Copies instruction words to guest RAM at ipa.
  void Load(const std::vector<uint32_t>& words, uint64_t ipa = kRamBase) {
    std::memcpy(ram_ + (ipa - kRamBase), words.data(), words.size() * 4);
  }
  void Poke64(uint64_t ipa, uint64_t v) { std::memcpy(ram_ + (ipa - kRamBase), &v, 8); }
  uint64_t Peek64(uint64_t ipa) {
    uint64_t v;
    std::memcpy(&v, ram_ + (ipa - kRamBase), 8);
    return v;
  }

  void Run() { ASSERT_EQ(hv_vcpu_run(vcpu_), HV_SUCCESS); }
  // Runs code that may loop for ever (random words): another thread cancels
  // the run after 2 ms.
  void RunWithCanceller() {
    std::thread stopper([this] {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      hv_vcpu_t v = vcpu_;
      hv_vcpus_exit(&v, 1);
    });
    Run();
    stopper.join();
  }
  // After RunWithCanceller: consumes a cancel request that raced with
  // another exit (an HVC at the top of RAM, at EL1h).
  void ConsumeRacedCancel() {
    Load({kHvc0}, kRamBase + 0xfff0);
    SetReg(HV_REG_PC, kRamBase + 0xfff0);
    SetReg(HV_REG_CPSR, 0x3c5);
    Run();
  }
  // Runs until the next exit and expects it to be an HVC (EC 0x16).
  void RunToHvc() {
    Run();
    ASSERT_EQ(exit_->reason, HV_EXIT_REASON_EXCEPTION);
    ASSERT_EQ(ExceptionClass(exit_->exception.syndrome), 0x16u)
        << "syndrome 0x" << std::hex << exit_->exception.syndrome << " pc 0x" << Reg(HV_REG_PC);
  }
  // Loads code (an HVC appended) at kRamBase and runs it to the HVC.
  void Exec(std::vector<uint32_t> code) {
    code.push_back(kHvc0);
    Load(code);
    SetReg(HV_REG_PC, kRamBase);
    RunToHvc();
  }

  uint64_t Reg(hv_reg_t r) {
    uint64_t v = 0;
    EXPECT_EQ(hv_vcpu_get_reg(vcpu_, r, &v), HV_SUCCESS);
    return v;
  }
  uint64_t X(int n) { return Reg(static_cast<hv_reg_t>(HV_REG_X0 + n)); }
  void SetReg(hv_reg_t r, uint64_t v) { ASSERT_EQ(hv_vcpu_set_reg(vcpu_, r, v), HV_SUCCESS); }
  void SetX(int n, uint64_t v) { SetReg(static_cast<hv_reg_t>(HV_REG_X0 + n), v); }
  uint64_t Nzcv() { return Reg(HV_REG_CPSR) >> 28; }
  uint64_t Sys(hv_sys_reg_t r) {
    uint64_t v = 0;
    EXPECT_EQ(hv_vcpu_get_sys_reg(vcpu_, r, &v), HV_SUCCESS);
    return v;
  }
  void SetSys(hv_sys_reg_t r, uint64_t v) { ASSERT_EQ(hv_vcpu_set_sys_reg(vcpu_, r, v), HV_SUCCESS); }

  uint8_t* ram_ = nullptr;
  hv_vcpu_t vcpu_ = 0;
  hv_vcpu_exit_t* exit_ = nullptr;
};

}  // namespace vmd::hvsoft::testing

#endif  // VMD_TESTS_ENGINE_HV_SOFT_GUEST_FIXTURE_H_
