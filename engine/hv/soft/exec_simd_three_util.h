// What the AdvSIMD three-register and shift-by-immediate handlers share
// (exec_simd_three.cc, exec_simd_shift_imm.cc; internal to them): the element
// types, saturation, lane stores and the builder of their decoder lines.
#ifndef VMD_ENGINE_HV_SOFT_EXEC_SIMD_THREE_UTIL_H_
#define VMD_ENGINE_HV_SOFT_EXEC_SIMD_THREE_UTIL_H_

#include <array>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>
#include <vector>

#include "engine/hv/soft/decode.h"
#include "engine/hv/soft/fp.h"
#include "engine/hv/soft/simd.h"

namespace vmd::hvsoft::simd_three {

using i128 = __int128;

// Per-instruction state the element ops share: saturation seen (QC) and the
// FP environment (FPCR in, cumulative flags out).
struct Ctx {
  bool sat = false;
  fp::Env env;
};

template <typename T>
using Uns = std::make_unsigned_t<T>;
template <typename T>
inline constexpr int kBits = sizeof(T) * 8;
// Modular arithmetic type for T (no promotion to int, no signed overflow).
template <typename T>
using Mod = std::conditional_t<(sizeof(T) < 4), uint32_t, Uns<T>>;
// The element type of a size in bytes, signed or not.
template <bool kSigned, int kBytes>
using Int = std::conditional_t<
    kBytes == 1, std::conditional_t<kSigned, int8_t, uint8_t>,
    std::conditional_t<
        kBytes == 2, std::conditional_t<kSigned, int16_t, uint16_t>,
        std::conditional_t<kBytes == 4, std::conditional_t<kSigned, int32_t, uint32_t>,
                           std::conditional_t<kSigned, int64_t, uint64_t>>>>;
// Twice as wide, same signedness.
template <typename T>
using Wider = Int<std::is_signed_v<T>, sizeof(T) * 2>;

// SatQ(v, esize, unsigned) into T's range, noting saturation.
template <typename T>
inline T Sat(i128 v, Ctx& x) {
  constexpr i128 kLo = static_cast<i128>(std::numeric_limits<T>::min());
  constexpr i128 kHi = static_cast<i128>(std::numeric_limits<T>::max());
  if (v < kLo) {
    x.sat = true;
    return std::numeric_limits<T>::min();
  }
  if (v > kHi) {
    x.sat = true;
    return std::numeric_limits<T>::max();
  }
  return static_cast<T>(v);
}

inline constexpr uint64_t Ones(int bits) { return bits >= 64 ? ~0ull : (1ull << bits) - 1; }

// kMode: 0 scalar (one element, rest of the register zeroed), 1 64-bit
// vector, 2 128-bit vector.
template <typename T, int kMode>
inline constexpr int kLanes = kMode == 0 ? 1 : (kMode == 1 ? 8 : 16) / static_cast<int>(sizeof(T));

template <typename T, int kMode>
inline void Store(Cpu& c, int rd, const Vec& r) {
  if constexpr (kMode == 0) {
    SetScalar<Uns<T>>(c, rd, r.Get<Uns<T>>(0));
  } else {
    SetVec(c, rd, r, kMode == 2);
  }
}

template <bool kFp>
inline void Begin(Cpu& c, Ctx& x) {
  if constexpr (kFp) x.env.fpcr = static_cast<uint32_t>(c.fpcr);
}
inline void Finish(Cpu& c, const Ctx& x) {
  if (x.sat) c.fpsr |= fp::kQc;
  c.fpsr |= x.env.flags;
}

// Writes narrow results r (in the low 64 bits) to the lower half of Vd
// (kPart 0, upper half zeroed) or its upper half (kPart 1, "2" forms, the
// lower half kept): Vpart[d, part].
template <int kPart>
inline void StorePart(Cpu& c, int rd, const Vec& r) {
  if constexpr (kPart == 0) {
    SetVec64(c, rd, r);
  } else {
    Vec v = GetVec(c, rd);
    std::memcpy(v.b + 8, r.b, 8);
    SetVec128(c, rd, v);
  }
}

inline bool XThree(uint32_t raw, Insn& o) {
  o.rd = static_cast<uint8_t>(Bits(raw, 4, 0));
  o.rn = static_cast<uint8_t>(Bits(raw, 9, 5));
  o.rm = static_cast<uint8_t>(Bits(raw, 20, 16));
  return true;
}

using Grid = std::array<std::array<Handler, 2>, 4>;  // [size (or a:sz)][Q]
using Column = std::array<Handler, 4>;               // scalar: [size]

struct Builder {
  std::vector<DecodeLine> lines;

  // AdvSIMD three same (vector): 0 Q U 01110 size 1 Rm opcode 1 Rn Rd.
  void Vector(int u, int opcode, const char* name, const Grid& g) {
    for (int s = 0; s < 4; ++s) {
      for (int q = 0; q < 2; ++q) {
        if (g[s][q] == nullptr) continue;
        lines.push_back({0xffe0fc00, 0x0e200400u | q << 30 | u << 29 | s << 22 | opcode << 11, name,
                         g[s][q], XThree, false});
      }
    }
  }
  // AdvSIMD scalar three same: 01 U 11110 size 1 Rm opcode 1 Rn Rd.
  void Scalar(int u, int opcode, const char* name, const Column& col) {
    for (int s = 0; s < 4; ++s) {
      if (col[s] == nullptr) continue;
      lines.push_back({0xffe0fc00, 0x5e200400u | u << 29 | s << 22 | opcode << 11, name, col[s],
                       XThree, false});
    }
  }
  // AdvSIMD three different: 0 Q U 01110 size 1 Rm opcode 00 Rn Rd, and the
  // scalar form 01 U 11110 size 1 Rm opcode 00 Rn Rd (scalar: q = -1).
  void Different(int u, int opcode, int size, int q, const char* name, Handler h) {
    const uint32_t base = q < 0 ? 0x5e200000u : 0x0e200000u | q << 30;
    lines.push_back(
        {0xffe0fc00, base | u << 29 | size << 22 | opcode << 12, name, h, XThree, false});
  }
  // Shift by immediate: 0 Q U 011110 immh immb opcode 1 Rn Rd, scalar
  // 01 U 111110 immh immb opcode 1 Rn Rd (q = -1). esize_log: 0..3 = 8..64
  // (immh 0001, 001x, 01xx, 1xxx).
  void Shift(int u, int opcode, int esize_log, int q, const char* name, Handler h, Extractor x) {
    const uint32_t immh_mask = (0xfu << esize_log) & 0xf, immh_val = 1u << esize_log;
    const uint32_t base = q < 0 ? 0x5f000400u : 0x0f000400u | q << 30;
    lines.push_back({0xff80fc00u | immh_mask << 19, base | u << 29 | immh_val << 19 | opcode << 11,
                     name, h, x, false});
  }
};

// The shift-by-immediate lines, vector and scalar (exec_simd_shift_imm.cc):
// SimdThreeTable() takes them after the three same and three different ones.
void AddShiftImmLines(Builder& b);

}  // namespace vmd::hvsoft::simd_three

#endif  // VMD_ENGINE_HV_SOFT_EXEC_SIMD_THREE_UTIL_H_
