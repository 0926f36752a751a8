// What the AdvSIMD two-register misc, across lanes, scalar pairwise and by
// element handlers share (exec_simd_misc_int.cc, exec_simd_misc_fp.cc,
// exec_simd_across_elem.cc; internal to them): lane types, saturation, the
// common extractors and encodings, and the parts of SimdMiscTable().
//
// Every table line fixes the size field, so each handler is a template on
// its element type and does only the lane loop. The extractors fill:
//   rd, rn, rm  vector register numbers (rm already restricted to V0..V15
//               for 16-bit by-element forms);
//   a           lanes processed (1 for scalar forms; for narrowing/widening
//               forms the lanes of the narrow half);
//   b           kUpper: the "2" form (narrowing writes the upper half and
//               keeps the lower, widening reads the upper half of Vn);
//   imm         element index of the by-element forms.
// Results are built in a zeroed Vec and written as 128 bits, which gives
// the zeroing of the upper half (64-bit vectors) and of everything above a
// scalar, as A64 requires.
#ifndef VMD_ENGINE_HV_SOFT_EXEC_SIMD_MISC_UTIL_H_
#define VMD_ENGINE_HV_SOFT_EXEC_SIMD_MISC_UTIL_H_

#include <cstdint>
#include <limits>
#include <span>
#include <type_traits>

#include "engine/hv/soft/decode.h"
#include "engine/hv/soft/fp.h"
#include "engine/hv/soft/simd.h"

namespace vmd::hvsoft::simd_misc {

inline constexpr uint8_t kUpper = 1;

template <typename T>
using Signed = std::make_signed_t<T>;
template <typename T>
inline constexpr int kBits = static_cast<int>(sizeof(T) * 8);

template <typename T>
struct WideOf;
template <>
struct WideOf<uint8_t> {
  using type = uint16_t;
};
template <>
struct WideOf<uint16_t> {
  using type = uint32_t;
};
template <>
struct WideOf<uint32_t> {
  using type = uint64_t;
};
template <typename T>
using Wide = typename WideOf<T>::type;

// SInt/UInt of a lane as a wide integer.
template <typename T>
constexpr __int128 SInt(T x) {
  return static_cast<Signed<T>>(x);
}
template <typename T>
constexpr __int128 UInt(T x) {
  return x;
}

// SignedSatQ / UnsignedSatQ to the width of T.
template <typename T>
inline T SatS(__int128 v, bool& sat) {
  constexpr __int128 kMax = std::numeric_limits<Signed<T>>::max();
  constexpr __int128 kMin = std::numeric_limits<Signed<T>>::min();
  if (v > kMax) {
    sat = true;
    return static_cast<T>(kMax);
  }
  if (v < kMin) {
    sat = true;
    return static_cast<T>(kMin);
  }
  return static_cast<T>(v);
}
template <typename T>
inline T SatU(__int128 v, bool& sat) {
  constexpr __int128 kMax = std::numeric_limits<T>::max();
  if (v > kMax) {
    sat = true;
    return static_cast<T>(kMax);
  }
  if (v < 0) {
    sat = true;
    return 0;
  }
  return static_cast<T>(v);
}

// All ones when b (compare results).
template <typename T>
constexpr T Mask(bool b) {
  return b ? static_cast<T>(~T{0}) : T{0};
}

inline void SetQc(Cpu& c, bool sat) {
  if (sat) c.fpsr |= fp::kQc;
}

inline fp::Env FpEnv(const Cpu& c) { return fp::Env{static_cast<uint32_t>(c.fpcr), 0}; }

// ---- extractors -------------------------------------------------------------

inline void Regs(uint32_t raw, Insn& o) {
  o.rd = static_cast<uint8_t>(Bits(raw, 4, 0));
  o.rn = static_cast<uint8_t>(Bits(raw, 9, 5));
}

// Scalar forms: one lane.
inline bool XScalar(uint32_t raw, Insn& o) {
  Regs(raw, o);
  o.a = 1;
  return true;
}

using u8 = uint8_t;
using u16 = uint16_t;
using u32 = uint32_t;
using u64 = uint64_t;

// Every line fixes U, size and opcode; the vector lines leave Q free.
inline constexpr uint32_t kVecMask = 0xBFFFFC00, kScalarMask = 0xFFFFFC00;
constexpr uint32_t MiscV(uint32_t u, uint32_t size, uint32_t op) {
  return 0x0E200800 | u << 29 | size << 22 | op << 12;
}
constexpr uint32_t MiscS(uint32_t u, uint32_t size, uint32_t op) {
  return 0x5E200800 | u << 29 | size << 22 | op << 12;
}

// SimdMiscTable() is the integer two-register misc lines (exec_simd_misc_int.cc),
// then these, in this order.
std::span<const DecodeLine> FpMiscLines();      // exec_simd_misc_fp.cc
std::span<const DecodeLine> AcrossElemLines();  // exec_simd_across_elem.cc

}  // namespace vmd::hvsoft::simd_misc

#endif  // VMD_ENGINE_HV_SOFT_EXEC_SIMD_MISC_UTIL_H_
