// Shared by the hand-worked FP core tests (fp_corner_test, fp_convert_test):
// float/double bits, FPCR rounding modes, NaN and limit constants, and Expect,
// which runs one fp.h operation under an FPCR and checks result and flags.
#ifndef VMD_TESTS_ENGINE_HV_SOFT_FP_CORNER_H_
#define VMD_TESTS_ENGINE_HV_SOFT_FP_CORNER_H_

#include <gtest/gtest.h>

#include <bit>
#include <cstdint>

#include "engine/hv/soft/fp.h"

namespace vmd::hvsoft::fp {

inline uint64_t D(double x) { return std::bit_cast<uint64_t>(x); }
inline uint32_t S(float x) { return std::bit_cast<uint32_t>(x); }

inline constexpr uint32_t kRp = 1u << kFpcrRModeShift;  // FPCR.RMode encodings
inline constexpr uint32_t kRm = 2u << kFpcrRModeShift;
inline constexpr uint32_t kRz = 3u << kFpcrRModeShift;

inline constexpr uint64_t kDefaultNaND = 0x7ff8000000000000;
inline constexpr uint32_t kDefaultNaNS = 0x7fc00000;
inline constexpr uint64_t kQNaN1 = 0x7ff8000000000111;  // quiet, payload 0x111
inline constexpr uint64_t kQNaN2 = 0x7ff8000000000222;
inline constexpr uint64_t kSNaN3 = 0x7ff0000000000333;  // signaling, payload 0x333
inline constexpr uint64_t kSNaN3Quiet = 0x7ff8000000000333;
inline constexpr uint64_t kInfD = 0x7ff0000000000000;
inline constexpr uint64_t kMinDenormD = 1;
inline constexpr uint64_t kMinNormalD = 0x0010000000000000;

// Runs f with FPCR = fpcr and checks the result and the flags it raised.
template <typename T, typename F>
void Expect(uint32_t fpcr, F f, T want, uint32_t want_flags) {
  Env env;
  env.fpcr = fpcr;
  const T got = f(env);
  EXPECT_EQ(got, want) << std::hex << "got 0x" << uint64_t{got} << " want 0x" << uint64_t{want};
  EXPECT_EQ(env.flags, want_flags) << std::hex << "flags 0x" << env.flags;
}

}  // namespace vmd::hvsoft::fp

#endif  // VMD_TESTS_ENGINE_HV_SOFT_FP_CORNER_H_
