// What fp_*.cc share (internal to them; the interface is fp.h): the binary
// formats, FPUnpack, FPRound and FPProcessNaN(s) of the ARM ARM pseudocode on
// integer mantissas, and exact sums. Every operation forms its result exactly,
// or exactly up to a sticky bit below all the bits rounding looks at, and
// rounds once in RoundBase (fp_core.cc): results and FPSR flags are those of
// the pseudocode, tininess detected before rounding.
#ifndef VMD_ENGINE_HV_SOFT_FP_INTERNAL_H_
#define VMD_ENGINE_HV_SOFT_FP_INTERNAL_H_

#include <cstdint>

#include "engine/hv/soft/fp.h"

namespace vmd::hvsoft::fp {

using u128 = unsigned __int128;
using i128 = __int128;

// FPCR.FZ16 (flush half-precision arithmetic). Not in kFpcrMask (no FEAT_FP16),
// so it reads as zero today; honoured so half arithmetic is ready for it.
inline constexpr uint32_t kFpcrFz16 = 1u << 19;

struct Format {
  int n;  // width
  int e;  // exponent bits
  int f;  // fraction bits
};
inline constexpr Format kHalf{16, 5, 10};
inline constexpr Format kSingle{32, 8, 23};
inline constexpr Format kDouble{64, 11, 52};

template <typename T>
constexpr Format FormatOf() {
  if constexpr (sizeof(T) == 2) return kHalf;
  if constexpr (sizeof(T) == 4) return kSingle;
  return kDouble;
}

constexpr int Bias(Format f) { return (1 << (f.e - 1)) - 1; }
constexpr int MinExp(Format f) { return 1 - Bias(f); }
constexpr uint64_t FracMask(Format f) { return (uint64_t{1} << f.f) - 1; }
constexpr uint64_t ExpOnes(Format f) { return (uint64_t{1} << f.e) - 1; }
constexpr uint64_t QuietBit(Format f) { return uint64_t{1} << (f.f - 1); }

inline uint64_t Pack(Format f, bool sign, uint64_t biased_exp, uint64_t frac) {
  return (uint64_t{sign} << (f.n - 1)) | (biased_exp << f.f) | frac;
}
inline uint64_t Zero(Format f, bool sign) { return Pack(f, sign, 0, 0); }
inline uint64_t Infinity(Format f, bool sign) { return Pack(f, sign, ExpOnes(f), 0); }
inline uint64_t MaxNormal(Format f, bool sign) {
  return Pack(f, sign, ExpOnes(f) - 1, FracMask(f));
}
inline uint64_t DefaultNaN(Format f) { return Pack(f, false, ExpOnes(f), QuietBit(f)); }
inline uint64_t Two(Format f, bool sign) { return Pack(f, sign, Bias(f) + 1, 0); }
inline uint64_t OnePointFive(Format f, bool sign) { return Pack(f, sign, Bias(f), QuietBit(f)); }
inline bool SignOf(Format f, uint64_t x) { return (x >> (f.n - 1)) & 1; }

inline int Msb(u128 x) {  // x != 0
  const uint64_t hi = static_cast<uint64_t>(x >> 64);
  return hi ? 127 - __builtin_clzll(hi) : 63 - __builtin_clzll(static_cast<uint64_t>(x));
}

enum class Type : uint8_t { kZero, kNonzero, kInfinity, kQNaN, kSNaN };

// An unpacked operand; a finite nonzero value is (-1)^sign * m * 2^e.
struct Value {
  Type type;
  bool sign;
  uint64_t m;
  int e;
  bool IsNaN() const { return type == Type::kQNaN || type == Type::kSNaN; }
};

inline bool FlushEnabled(Format f, uint32_t fpcr) {
  return f.n == 16 ? (fpcr & kFpcrFz16) != 0 : (fpcr & kFpcrFz) != 0;
}

// FPUnpackBase. fz: denormals are zeros (IDC for single and double);
// ahp: half precision is the alternative format (no infinities or NaNs).
inline Value UnpackBase(Format f, uint64_t x, bool fz, bool ahp, Env& env) {
  Value v{Type::kZero, SignOf(f, x), 0, 0};
  const uint64_t exp = (x >> f.f) & ExpOnes(f);
  const uint64_t frac = x & FracMask(f);
  if (exp == 0) {
    if (frac != 0) {
      if (fz) {
        if (f.n != 16) env.flags |= kIdc;
      } else {
        v = {Type::kNonzero, v.sign, frac, MinExp(f) - f.f};
      }
    }
  } else if (exp == ExpOnes(f) && !(f.n == 16 && ahp)) {
    if (frac == 0) {
      v.type = Type::kInfinity;
    } else {
      v.type = (frac & QuietBit(f)) ? Type::kQNaN : Type::kSNaN;
    }
  } else {
    v = {Type::kNonzero, v.sign, frac | (uint64_t{1} << f.f),
         static_cast<int>(exp) - Bias(f) - f.f};
  }
  return v;
}

// FPUnpack: arithmetic ignores AHP.
inline Value Unpack(Format f, uint64_t x, uint32_t fpcr, Env& env) {
  return UnpackBase(f, x, FlushEnabled(f, fpcr), false, env);
}

// m >> s split into the quotient and where the dropped bits (and a sticky bit
// below them) lie against half a unit of the quotient's last place.
struct Shifted {
  u128 q;
  bool inexact;
  int half_cmp;  // -1, 0, +1: the dropped part is below, at, above one half
};

Shifted ShiftRight(u128 m, int s, bool sticky);

// FPRoundBase of (-1)^sign * (m + sticky) * 2^e, m != 0, where sticky says the
// exact value lies strictly between m and m + 1 (callers keep at least F + 3
// significant bits in m whenever sticky is set). fz: flush tiny results
// (UFC, no IXC); ahp: half precision results are the alternative format.
uint64_t RoundBase(Format f, bool sign, u128 m, int e, bool sticky, Round rounding, bool fz,
                   bool ahp, Env& env);

inline Round FpcrRound(uint32_t fpcr) { return static_cast<Round>((fpcr >> kFpcrRModeShift) & 3); }

// FPRound: FPCR's flush-to-zero, IEEE half precision.
inline uint64_t RoundTo(Format f, bool sign, u128 m, int e, bool sticky, Round rounding,
                        uint32_t fpcr, Env& env) {
  return RoundBase(f, sign, m, e, sticky, rounding, FlushEnabled(f, fpcr), false, env);
}

// FPProcessNaN.
inline uint64_t ProcessNaN(Format f, Type type, uint64_t x, uint32_t fpcr, Env& env) {
  uint64_t result = x;
  if (type == Type::kSNaN) {
    result |= QuietBit(f);
    env.flags |= kIoc;
  }
  if (fpcr & kFpcrDn) result = DefaultNaN(f);
  return result;
}

// FPProcessNaNs: signaling NaNs first, then quiet ones, each in operand order.
inline bool ProcessNaNs(Format f, const Value& a, const Value& b, uint64_t xa, uint64_t xb,
                        uint32_t fpcr, Env& env, uint64_t* result) {
  if (a.type == Type::kSNaN) {
    *result = ProcessNaN(f, a.type, xa, fpcr, env);
  } else if (b.type == Type::kSNaN) {
    *result = ProcessNaN(f, b.type, xb, fpcr, env);
  } else if (a.type == Type::kQNaN) {
    *result = ProcessNaN(f, a.type, xa, fpcr, env);
  } else if (b.type == Type::kQNaN) {
    *result = ProcessNaN(f, b.type, xb, fpcr, env);
  } else {
    return false;
  }
  return true;
}

bool ProcessNaNs3(Format f, const Value& a, const Value& b, const Value& c, uint64_t xa,
                  uint64_t xb, uint64_t xc, uint32_t fpcr, Env& env, uint64_t* result);

inline uint64_t InvalidOp(Format f, Env& env) {
  env.flags |= kIoc;
  return DefaultNaN(f);
}

// An exact sum or product: (-1)^sign * (m + sticky) * 2^e; zero when m == 0
// and !sticky.
struct Exact {
  bool sign;
  u128 m;
  int e;
  bool sticky;
};

// (-1)^sa * ma * 2^ea + (-1)^sb * mb * 2^eb for ma, mb < 2^126. Exact, or, when
// the exponents are at least 2 apart, exact up to a sticky bit: then at most one
// bit cancels and m keeps more than 120 significant bits.
Exact AddExact(bool sa, u128 ma, int ea, bool sb, u128 mb, int eb);

// An exact nonzero result rounded per FPCR, or the exact zero whose sign the
// rounding mode gives (the "result_value == 0.0" arm of FPAdd, FPMulAdd, ...).
uint64_t RoundExact(Format f, const Exact& x, uint32_t fpcr, Env& env);

}  // namespace vmd::hvsoft::fp

#endif  // VMD_ENGINE_HV_SOFT_FP_INTERNAL_H_
