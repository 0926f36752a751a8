// Table-driven operation lists for the AdvSIMD register-form generators
// (gen_simd_three.cc, gen_simd_misc.cc): each entry is one instruction's
// fixed bits (U, the opcode, for FP ops the size<1> bit) and the set of
// arrangements the Arm ARM allocates for it, so a generator picks an entry
// and an allowed (size, Q) at random and never emits a reserved one.
#ifndef VMD_TESTS_DIFFTEST_SIMD_OPS_H_
#define VMD_TESTS_DIFFTEST_SIMD_OPS_H_

#include <cstdint>

#include "tests/difftest/case_builder.h"

namespace vmd::difftest {

// Vector arrangements as a bit set: bit (size * 2 + Q). Scalar forms use
// bit `size` only (Q is 1 in their encoding).
enum : uint8_t {
  kA8 = 0x03,    // 8B 16B
  kA16 = 0x0c,   // 4H 8H
  kA32 = 0x30,   // 2S 4S
  kA64 = 0x80,   // 2D
  kA1D = 0x40,   // 1D
  kABHS = 0x3f,  // 8B..4S
  kAHS = 0x3c,   // 4H..4S
  kAAll = 0xbf,  // 8B..4S, 2D
  kAFp = 0x0b,   // FP with size<0> = sz: 2S 4S (sz 0), 2D (sz 1)
  kS8 = 1,
  kS16 = 2,
  kS32 = 4,
  kS64 = 8,
  kSAll = 15,
  kSHS = 6,
  kSBHS = 7,
  kSFp = 3,  // scalar FP: S (sz 0), D (sz 1)
};

struct SimdOp {
  const char* name;  // for reading the tables; not emitted
  int u;
  int opcode;
  int fp_hi;  // FP ops: size<1> (the "a" / o1 bit); else 0
  uint8_t arrangements;
};

// Picks (size, q) from `arrangements` (vector form) or size (scalar form).
inline void PickArrangement(CaseBuilder& b, uint8_t arrangements, bool scalar, int* size, int* q) {
  int options[8], n = 0;
  for (int bit = 0; bit < (scalar ? 4 : 8); ++bit) {
    if ((arrangements >> bit) & 1) options[n++] = bit;
  }
  int pick = options[b.rng().Below(n)];
  if (scalar) {
    *size = pick;
    *q = 1;
  } else {
    *size = pick >> 1;
    *q = pick & 1;
  }
}

}  // namespace vmd::difftest

#endif  // VMD_TESTS_DIFFTEST_SIMD_OPS_H_
