// Shared by the stage-1 walker tests: descriptor and TCR bit helpers (named as
// in the ARM ARM, D5.3 and TCR_EL1) and a test memory the walker reads tables from.
#ifndef VMD_TESTS_ENGINE_HV_MMU_MMU_TEST_UTIL_H_
#define VMD_TESTS_ENGINE_HV_MMU_MMU_TEST_UTIL_H_

#include <cstdint>
#include <cstring>
#include <vector>

#include <gtest/gtest.h>

#include "engine/hv/soft/mmu.h"

namespace vmd::hvsoft::mmu_test {

constexpr uint64_t B(int n) { return uint64_t{1} << n; }

// Descriptor bits (D5.3).
constexpr uint64_t kTableDesc = 0b11;
constexpr uint64_t kPageDesc = 0b11;
constexpr uint64_t kBlockDesc = 0b01;
constexpr uint64_t kAf = B(10);
constexpr uint64_t kNg = B(11);
constexpr uint64_t kPxn = B(53);
constexpr uint64_t kUxn = B(54);
constexpr uint64_t kPxnTable = B(59);
constexpr uint64_t kXnTable = B(60);
constexpr uint64_t Ap(uint64_t ap21) { return ap21 << 6; }
constexpr uint64_t Sh(uint64_t sh) { return sh << 8; }
constexpr uint64_t AttrIndx(uint64_t i) { return i << 2; }
constexpr uint64_t ApTable(uint64_t ap) { return ap << 61; }

// TCR_EL1 fields (D13 TCR_EL1).
constexpr uint64_t T0sz(uint64_t n) { return n; }
constexpr uint64_t T1sz(uint64_t n) { return n << 16; }
constexpr uint64_t kEpd0 = B(7);
constexpr uint64_t kEpd1 = B(23);
constexpr uint64_t kA1 = B(22);
constexpr uint64_t kAs = B(36);
constexpr uint64_t kTbi0 = B(37);
constexpr uint64_t kTbi1 = B(38);
constexpr uint64_t kTg0_4k = 0ull << 14, kTg0_64k = 1ull << 14, kTg0_16k = 2ull << 14;
constexpr uint64_t kTg1_16k = 1ull << 30, kTg1_4k = 2ull << 30, kTg1_64k = 3ull << 30;
constexpr uint64_t Ips(uint64_t n) { return n << 32; }
constexpr uint64_t kIps48 = Ips(5);

constexpr uint64_t kSctlrM = B(0);
constexpr uint64_t kSctlrI = B(12);
constexpr uint64_t kSctlrWxn = B(19);

// A leaf that every access at every level may use: AF=1, AP=01 (RW at EL0
// and EL1), inner shareable, AttrIndx 0.
constexpr uint64_t kRwAll = kAf | Ap(0b01) | Sh(0b11);

// 8 MiB of guest-physical memory at PA 0; reads outside it fail.
class TestMemory {
 public:
  TestMemory() : bytes_(8 << 20, 0) {}
  void Set(uint64_t pa, uint64_t desc) {
    ASSERT_LE(pa + 8, bytes_.size());
    std::memcpy(&bytes_[pa], &desc, 8);  // the host is little-endian
  }
  static bool Read(void* ctx, uint64_t pa, uint64_t* out) {
    auto* self = static_cast<TestMemory*>(ctx);
    if (pa + 8 > self->bytes_.size()) return false;
    std::memcpy(out, &self->bytes_[pa], 8);
    return true;
  }

 private:
  std::vector<uint8_t> bytes_;
};

class MmuTest : public ::testing::Test {
 protected:
  WalkResult Walk(uint64_t va, AccessType access = AccessType::kRead, bool el0 = false) {
    return Translate(regs_, va, access, el0, &TestMemory::Read, &mem_);
  }
  // Descriptor `index` of the table at `table`.
  void Set(uint64_t table, uint64_t index, uint64_t desc) { mem_.Set(table + index * 8, desc); }

  TestMemory mem_;
  TranslationRegs regs_{.sctlr = kSctlrM, .tcr = 0, .ttbr0 = 0, .ttbr1 = 0, .mair = 0};
};

}  // namespace vmd::hvsoft::mmu_test

#endif  // VMD_TESTS_ENGINE_HV_MMU_MMU_TEST_UTIL_H_
