// Shared by the scalar FP instruction tests (fp_scalar*_test): FPSR/FPCR bits,
// float/double literals, and a fixture whose exception vectors record ESR/ELR
// in x28/x29, with every V register junk so unzeroed upper bits show.
#ifndef VMD_TESTS_ENGINE_HV_SOFT_FP_SCALAR_FIXTURE_H_
#define VMD_TESTS_ENGINE_HV_SOFT_FP_SCALAR_FIXTURE_H_

#include <bit>
#include <utility>
#include <vector>

#include "tests/engine/hv/soft/simd_fixture.h"

namespace vmd::hvsoft::testing {

inline constexpr uint64_t kVectors = kRamBase + 0x800;
inline constexpr uint64_t kIl = 1ull << 25;
inline constexpr uint64_t kFpTrapEsr = 0x1FE00000;  // EC 0x07, IL, CV, COND 0b1110

// FPSR flags and FPCR fields.
inline constexpr uint64_t kIoc = 1 << 0, kDzc = 1 << 1, kOfc = 1 << 2, kUfc = 1 << 3, kIxc = 1 << 4,
                          kIdc = 1 << 7;
inline constexpr uint64_t kAhp = 1u << 26, kDn = 1u << 25, kFz = 1u << 24;
inline constexpr uint64_t kRP = 1u << 22, kRM = 2u << 22, kRZ = 3u << 22;

// NZCV as Nzcv() returns it.
inline constexpr uint64_t kNzcvLess = 0x8, kNzcvEqual = 0x6, kNzcvGreater = 0x2,
                          kNzcvUnordered = 0x3;

// Bits of a float or double literal (exact values only).
constexpr uint32_t F(float f) { return std::bit_cast<uint32_t>(f); }
constexpr uint64_t D(double d) { return std::bit_cast<uint64_t>(d); }

// Junk above a source scalar: the instruction must ignore it.
inline constexpr uint64_t kJunk = 0xdeadbeefcafef00dull;

inline constexpr uint32_t kMrsNzcvX0 = 0xd53b4200;  // mrs x0, nzcv

class FpScalarTest : public FpGuestTest {
 protected:
  void SetUp() override {
    FpGuestTest::SetUp();  // FPEN: FP at EL0 and EL1
    // Every synchronous vector records ESR/ELR in x28/x29 and exits.
    const std::vector<uint32_t> handler = {
        0xd538521c,  // mrs x28, esr_el1
        0xd538403d,  // mrs x29, elr_el1
        kHvc0,
    };
    Load(handler, kVectors + 0x000);
    Load(handler, kVectors + 0x200);
    Load(handler, kVectors + 0x400);
    SetSys(HV_SYS_REG_VBAR_EL1, kVectors);
    // Every vector register starts as junk, so any write that fails to
    // zero the upper bits shows.
    for (int n = 0; n < 32; ++n) SetV(n, kJunk, kJunk);
  }

  // Scalar sources with junk in the rest of the register.
  void SetS(int n, uint32_t bits) { SetV(n, (kJunk << 32) | bits, kJunk); }
  void SetD(int n, uint64_t bits) { SetV(n, bits, kJunk); }
  void SetH(int n, uint16_t bits) { SetV(n, (kJunk << 16) | bits, kJunk); }

  uint64_t QLo(int n) { return V(n).first; }
  uint64_t QHi(int n) { return V(n).second; }
  // The whole of Vn as a scalar write leaves it: the value, all else zero.
  void ExpectScalar(int n, uint64_t bits) {
    EXPECT_EQ(QLo(n), bits) << "V" << n << " low 64 bits";
    EXPECT_EQ(QHi(n), 0u) << "V" << n << " high 64 bits";
  }

  uint64_t Fpsr() { return Reg(HV_REG_FPSR); }
  void SetFpcr(uint64_t v) { SetReg(HV_REG_FPCR, v); }
  void SetNzcv(uint64_t nzcv) { SetReg(HV_REG_CPSR, 0x3c5 | nzcv << 28); }
  uint64_t Esr() { return X(28); }
  uint64_t Elr() { return X(29); }

  // Runs code with FPSR cleared; returns the flags it raised.
  uint64_t Flags(std::vector<uint32_t> code) {
    SetReg(HV_REG_FPSR, 0);
    Exec(std::move(code));
    return Fpsr();
  }
  // Runs code that must end in an exception (the vector's HVC).
  void ExecToVector(std::vector<uint32_t> code) {
    Exec(std::move(code));
    EXPECT_GE(Reg(HV_REG_PC), kVectors);
    EXPECT_LT(Reg(HV_REG_PC), kVectors + 0x800);
  }
};

}  // namespace vmd::hvsoft::testing

#endif  // VMD_TESTS_ENGINE_HV_SOFT_FP_SCALAR_FIXTURE_H_
