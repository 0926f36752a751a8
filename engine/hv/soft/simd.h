// What every FP/SIMD instruction handler shares: the CPACR_EL1.FPEN access
// check (EC 0x07 to EL1), the FPCR/FPSR masks, and access to the vector
// registers V0..V31 (c.q) by lane, as scalars and as whole 128-bit values.
// Included by the exec_fp*.cc / exec_simd*.cc handlers and sysreg.cc.
//
// Register-write rules of A64 (ARM ARM, "SIMD&FP registers"): a write of a
// scalar B/H/S/D value or of a 64-bit vector zeroes the rest of the 128-bit
// register; handlers use SetScalar / SetVec64 / SetVec128 for that. Compute
// into a Vec temporary first when a destination may alias a source.
#ifndef VMD_ENGINE_HV_SOFT_SIMD_H_
#define VMD_ENGINE_HV_SOFT_SIMD_H_

#include <cstdint>
#include <cstring>

#include "engine/hv/soft/cpu.h"

namespace vmd::hvsoft {

// FPCR bits an ARMv8.0 CPU without FP16 and without trapped FP exceptions
// implements: AHP, DN, FZ, RMode. FPSR: QC and the cumulative flags.
inline constexpr uint64_t kFpcrMask = 0x07c00000;
inline constexpr uint64_t kFpsrMask = 0x0800009f;

// CPACR_EL1.FPEN: 0b11 enables EL0 and EL1, 0b01 EL1 only, else trapped.
inline bool FpEnabled(const Cpu& c) {
  const uint64_t fpen = (c.cpacr >> 20) & 3;
  return fpen == 3 || (fpen == 1 && c.el == 1);
}

// The trap of an FP/SIMD instruction (or FPCR/FPSR access) while disabled:
// EC 0x07, ISS with CV=1 and COND=0b1110 as for any AArch64 instruction.
inline void FpTrap(Cpu& c, const Insn& i) {
  TakeException(c, 0x07, 1u << 24 | 0xEu << 20, PcOf(c, i), 0, false);
}

// Every FP/SIMD handler starts with: if (!FpCheck(c, i)) return false;
inline bool FpCheck(Cpu& c, const Insn& i) {
  if (__builtin_expect(FpEnabled(c), 1)) return true;
  FpTrap(c, i);
  return false;
}

// A 128-bit vector value with lane access (host is little-endian, as the
// guest's register lane order is).
struct Vec {
  uint8_t b[16] = {};

  template <typename T>
  T Get(int lane) const {
    T v;
    std::memcpy(&v, b + lane * sizeof(T), sizeof(T));
    return v;
  }
  template <typename T>
  void Set(int lane, T v) {
    std::memcpy(b + lane * sizeof(T), &v, sizeof(T));
  }
  uint64_t Lo() const { return Get<uint64_t>(0); }
  uint64_t Hi() const { return Get<uint64_t>(1); }
};

inline Vec GetVec(const Cpu& c, int reg) {
  Vec v;
  std::memcpy(v.b, &c.q[reg], 16);
  return v;
}
// Full 128-bit write (Q form).
inline void SetVec128(Cpu& c, int reg, const Vec& v) { std::memcpy(&c.q[reg], v.b, 16); }
// 64-bit vector write (D form): the upper half becomes zero.
inline void SetVec64(Cpu& c, int reg, const Vec& v) {
  Vec w;
  std::memcpy(w.b, v.b, 8);
  SetVec128(c, reg, w);
}
// Q=1: 128-bit write, Q=0: 64-bit write.
inline void SetVec(Cpu& c, int reg, const Vec& v, bool q) {
  if (q) {
    SetVec128(c, reg, v);
  } else {
    SetVec64(c, reg, v);
  }
}

// Scalar view: the low sizeof(T) bytes of V[reg].
template <typename T>
inline T GetScalar(const Cpu& c, int reg) {
  T v;
  std::memcpy(&v, &c.q[reg], sizeof(T));
  return v;
}
// Scalar write: the value in the low bytes, every other bit zero.
template <typename T>
inline void SetScalar(Cpu& c, int reg, T v) {
  c.q[reg] = 0;
  std::memcpy(&c.q[reg], &v, sizeof(T));
}

// Lane access straight on the register file (no aliasing concerns).
template <typename T>
inline T GetLane(const Cpu& c, int reg, int lane) {
  T v;
  std::memcpy(&v, reinterpret_cast<const uint8_t*>(&c.q[reg]) + lane * sizeof(T), sizeof(T));
  return v;
}
template <typename T>
inline void SetLane(Cpu& c, int reg, int lane, T v) {
  std::memcpy(reinterpret_cast<uint8_t*>(&c.q[reg]) + lane * sizeof(T), &v, sizeof(T));
}

}  // namespace vmd::hvsoft

#endif  // VMD_ENGINE_HV_SOFT_SIMD_H_
