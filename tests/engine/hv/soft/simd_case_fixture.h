// Shared by the table-driven AdvSIMD tests (simd_three*_test, simd_misc*_test):
// a reference case (one instruction word, V0-V2 and FPCR before, V0 and FPSR
// after), an unallocated word, the fixture that runs them, and the macros
// that turn a table of either into a parameterized suite. V0 mostly starts
// non-zero in both halves, so 64-bit vector and scalar forms show that
// they zero the rest of the register, and "2" forms that they keep the lower half.
#ifndef VMD_TESTS_ENGINE_HV_SOFT_SIMD_CASE_FIXTURE_H_
#define VMD_TESTS_ENGINE_HV_SOFT_SIMD_CASE_FIXTURE_H_

#include <ostream>
#include <string>

#include "engine/hv/soft/decode.h"
#include "tests/engine/hv/soft/simd_fixture.h"

namespace vmd::hvsoft::testing {

inline constexpr uint64_t kVectors = kRamBase + 0x800;
inline constexpr uint64_t kQc = 1ull << 27;

struct V128 {
  uint64_t lo, hi;
};

// One instruction run with V0 (destination, also read by accumulating forms),
// V1 and V2 preset and FPCR set; V0 and FPSR expected afterwards.
struct SimdCase {
  const char* name;
  uint32_t word;
  V128 d, n, m;  // V0, V1, V2 before
  uint64_t fpcr;
  V128 want;  // V0 after
  uint64_t fpsr;
};

// A word the decoder must call unallocated (UNDEFINED).
struct Unallocated {
  const char* name;
  uint32_t word;
};

inline void PrintTo(const SimdCase& k, std::ostream* os) { *os << k.name; }
inline void PrintTo(const Unallocated& u, std::ostream* os) { *os << u.name; }

// Names a parameterized test after its row.
template <typename Row>
std::string RowName(const ::testing::TestParamInfo<Row>& info) {
  return info.param.name;
}

// FP enabled, and a synchronous exception handler at VBAR_EL1 + 0x200 that
// leaves x1 = ESR_EL1, x2 = ELR_EL1 and exits by HVC.
class SimdCaseTest : public FpGuestTest {
 protected:
  void SetUp() override {
    FpGuestTest::SetUp();
    Load({0xd5385201, 0xd5384022, kHvc0}, kVectors + 0x200);
    SetSys(HV_SYS_REG_VBAR_EL1, kVectors);
  }
  void SetQ(int r, V128 v) { SetV(r, v.lo, v.hi); }
  V128 Q(int r) {
    const auto [lo, hi] = V(r);
    return {lo, hi};
  }
  // Runs one instruction and the HVC after it; fails on any exception.
  void RunOne(uint32_t word) {
    Exec({word});
    EXPECT_EQ(Reg(HV_REG_PC), kRamBase + 8) << "exception, ESR 0x" << std::hex << X(1);
  }
  void ExpectQ(int r, V128 want) {
    const V128 got = Q(r);
    EXPECT_EQ(got.lo, want.lo) << std::hex << "V" << r << " lo 0x" << got.lo << " want 0x"
                               << want.lo;
    EXPECT_EQ(got.hi, want.hi) << std::hex << "V" << r << " hi 0x" << got.hi << " want 0x"
                               << want.hi;
  }
  // Runs case k: V0 and FPSR as recorded, the sources unchanged.
  void ExpectCase(const SimdCase& k) {
    SetQ(0, k.d);
    SetQ(1, k.n);
    SetQ(2, k.m);
    SetReg(HV_REG_FPCR, k.fpcr);
    SetReg(HV_REG_FPSR, 0);
    RunOne(k.word);
    ExpectQ(0, k.want);
    EXPECT_EQ(Reg(HV_REG_FPSR), k.fpsr);
    EXPECT_EQ(Q(1).lo, k.n.lo);  // sources unchanged
    EXPECT_EQ(Q(2).hi, k.m.hi);
  }
  // The word decodes as unallocated and takes UNDEFINED (EC 0, IL) at its own
  // address, writing nothing.
  void ExpectUndefined(const Unallocated& u) {
    EXPECT_STREQ(DecodeName(u.word), "undefined");
    SetQ(0, {0x1111, 0x2222});
    Exec({u.word});
    EXPECT_EQ(Reg(HV_REG_PC), kVectors + 0x200 + 12);
    EXPECT_EQ(X(1), 1ull << 25);  // EC 0 (unknown reason), IL
    EXPECT_EQ(X(2), kRamBase);
    ExpectQ(0, {0x1111, 0x2222});  // nothing written
  }
};

}  // namespace vmd::hvsoft::testing

// Suite.Name/<row name> for every row (of type Row) of `rows`, each checked by
// the fixture's Check(row).
#define VMD_SIMD_ROW_SUITE(Suite, Row, Name, Check, rows)                             \
  class Suite : public ::vmd::hvsoft::testing::SimdCaseTest,                          \
                public ::testing::WithParamInterface<::vmd::hvsoft::testing::Row> {}; \
  TEST_P(Suite, Name) { Check(GetParam()); }                                          \
  INSTANTIATE_TEST_SUITE_P(Insn, Suite, ::testing::ValuesIn(rows),                    \
                           ::vmd::hvsoft::testing::RowName<::vmd::hvsoft::testing::Row>)

// Suite.MatchesReference/<row name> for every SimdCase of `cases`.
#define VMD_SIMD_CASE_SUITE(Suite, cases) \
  VMD_SIMD_ROW_SUITE(Suite, SimdCase, MatchesReference, ExpectCase, cases)

// Suite.IsUndefined/<row name> for every Unallocated of `rows`.
#define VMD_SIMD_UNALLOCATED_SUITE(Suite, rows) \
  VMD_SIMD_ROW_SUITE(Suite, Unallocated, IsUndefined, ExpectUndefined, rows)

#endif  // VMD_TESTS_ENGINE_HV_SOFT_SIMD_CASE_FIXTURE_H_
