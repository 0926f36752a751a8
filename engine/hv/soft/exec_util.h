// Small helpers the instruction handlers share: condition codes, flags
// (AddWithCarry), shifts and extends as the ARM ARM pseudocode defines them.
// Included by exec_*.cc only.
#ifndef VMD_ENGINE_HV_SOFT_EXEC_UTIL_H_
#define VMD_ENGINE_HV_SOFT_EXEC_UTIL_H_

#include <cstdint>

#include "engine/hv/soft/cpu.h"

namespace vmd::hvsoft {

inline constexpr uint32_t kN = 1u << 31, kZ = 1u << 30, kC = 1u << 29, kV = 1u << 28;

// ConditionHolds(cond) for every NZCV value: bit n of entry cond is set
// when cond holds with NZCV == n.
constexpr uint16_t MakeCondMask(int cond) {
  uint16_t m = 0;
  for (int f = 0; f < 16; ++f) {
    const bool n = f & 8, z = f & 4, c = f & 2, v = f & 1;
    bool r = false;
    switch (cond >> 1) {
      case 0: r = z; break;
      case 1: r = c; break;
      case 2: r = n; break;
      case 3: r = v; break;
      case 4: r = c && !z; break;
      case 5: r = n == v; break;
      case 6: r = n == v && !z; break;
      case 7: r = true; break;
    }
    if ((cond & 1) && cond != 15) r = !r;
    if (r) m |= 1u << f;
  }
  return m;
}
inline constexpr uint16_t kCondMask[16] = {
    MakeCondMask(0),  MakeCondMask(1),  MakeCondMask(2),  MakeCondMask(3),
    MakeCondMask(4),  MakeCondMask(5),  MakeCondMask(6),  MakeCondMask(7),
    MakeCondMask(8),  MakeCondMask(9),  MakeCondMask(10), MakeCondMask(11),
    MakeCondMask(12), MakeCondMask(13), MakeCondMask(14), MakeCondMask(15)};

inline bool CondHolds(const Cpu& c, uint32_t cond) {
  return (kCondMask[cond] >> (c.nzcv >> 28)) & 1;
}

// AddWithCarry for 32 (sf=false) or 64-bit operands; sets *nzcv.
template <bool kSf>
inline uint64_t AddWithCarry(uint64_t x, uint64_t y, uint64_t carry, uint32_t* nzcv) {
  if constexpr (kSf) {
    const unsigned __int128 us = static_cast<unsigned __int128>(x) + y + carry;
    const uint64_t r = static_cast<uint64_t>(us);
    const uint32_t n = (r >> 63) & 1, z = r == 0, c = static_cast<uint32_t>(us >> 64);
    const uint32_t v = ((~(x ^ y) & (x ^ r)) >> 63) & 1;
    *nzcv = n << 31 | z << 30 | c << 29 | v << 28;
    return r;
  } else {
    const uint64_t xs = static_cast<uint32_t>(x), ys = static_cast<uint32_t>(y);
    const uint64_t us = xs + ys + carry;
    const uint32_t r = static_cast<uint32_t>(us);
    const uint32_t n = (r >> 31) & 1, z = r == 0, c = (us >> 32) & 1;
    const uint32_t v = ((~(xs ^ ys) & (xs ^ r)) >> 31) & 1;
    *nzcv = n << 31 | z << 30 | c << 29 | v << 28;
    return r;
  }
}

// N and Z from a result, C and V cleared (logical ops with flags).
template <bool kSf>
inline uint32_t LogicFlags(uint64_t r) {
  if constexpr (kSf) {
    return static_cast<uint32_t>((r >> 63) << 31) | (r == 0 ? kZ : 0);
  } else {
    return static_cast<uint32_t>(((r >> 31) & 1) << 31) | (static_cast<uint32_t>(r) == 0 ? kZ : 0);
  }
}

template <bool kSf>
inline uint64_t Trunc(uint64_t v) {
  if constexpr (kSf) {
    return v;
  } else {
    return static_cast<uint32_t>(v);
  }
}

// ShiftReg: type 0 LSL, 1 LSR, 2 ASR, 3 ROR; amount < datasize.
template <bool kSf>
inline uint64_t ShiftReg(uint64_t v, uint32_t type, uint32_t amount) {
  constexpr int kBits = kSf ? 64 : 32;
  v = Trunc<kSf>(v);
  if (amount == 0) return v;
  switch (type) {
    case 0: return Trunc<kSf>(v << amount);
    case 1: return v >> amount;
    case 2:
      if constexpr (kSf) {
        return static_cast<uint64_t>(static_cast<int64_t>(v) >> amount);
      } else {
        return static_cast<uint32_t>(static_cast<int32_t>(v) >> amount);
      }
    default: return Trunc<kSf>((v >> amount) | (v << (kBits - amount)));
  }
}

// ExtendReg: option UXTB..SXTX, then LSL by shift (0..4).
inline uint64_t ExtendReg(uint64_t v, uint32_t option, uint32_t shift) {
  switch (option) {
    case 0: v = static_cast<uint8_t>(v); break;
    case 1: v = static_cast<uint16_t>(v); break;
    case 2: v = static_cast<uint32_t>(v); break;
    case 3: break;
    case 4: v = static_cast<uint64_t>(static_cast<int64_t>(static_cast<int8_t>(v))); break;
    case 5: v = static_cast<uint64_t>(static_cast<int64_t>(static_cast<int16_t>(v))); break;
    case 6: v = static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(v))); break;
    default: break;
  }
  return v << shift;
}

}  // namespace vmd::hvsoft

#endif  // VMD_ENGINE_HV_SOFT_EXEC_UTIL_H_
