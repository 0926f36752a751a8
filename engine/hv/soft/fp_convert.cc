// FP rounding to integral (FRINT*), FP <-> fixed point and integer (FPToFixed,
// FixedToFP) and conversion between half, single and double (FPConvert) of
// fp.h, from the ARM ARM pseudocode on fp_internal.h.
#include "engine/hv/soft/fp_internal.h"

namespace vmd::hvsoft::fp {
namespace {

// RoundDown((-1)^sign * m * 2^e) and where the error (value - result, in
// [0, 1)) lies against one half. Magnitudes past 2^100 clamp there: every
// caller saturates them anyway.
struct IntPart {
  i128 n;
  bool inexact;
  int half_cmp;
};

IntPart FloorOf(bool sign, uint64_t m, int e) {
  u128 mag;
  Shifted s{0, false, -1};
  if (e >= 0) {
    mag = (Msb(m) + e > 100) ? u128{1} << 100 : u128{m} << e;
  } else {
    s = ShiftRight(m, -e, false);
    mag = s.q;
  }
  if (!sign) return {static_cast<i128>(mag), s.inexact, s.half_cmp};
  if (!s.inexact) return {-static_cast<i128>(mag), false, -1};
  return {-static_cast<i128>(mag) - 1, true, -s.half_cmp};
}

// The round_up decision of FPRoundInt / FPToFixed.
bool IntRoundUp(Round rounding, const IntPart& p) {
  if (!p.inexact) return false;
  switch (rounding) {
    case Round::kNearestEven:
      return p.half_cmp > 0 || (p.half_cmp == 0 && (p.n & 1) != 0);
    case Round::kPlusInf:
      return true;
    case Round::kMinusInf:
      return false;
    case Round::kZero:
    case Round::kOdd:  // not asked for by any instruction; as towards zero
      return p.n < 0;
    case Round::kNearestAway:
      return p.half_cmp > 0 || (p.half_cmp == 0 && p.n >= 0);
  }
  return false;
}

uint64_t RoundIntImpl(Format f, uint64_t x, Round rounding, bool exact, Env& env) {
  const uint32_t fpcr = env.fpcr;
  const Value a = Unpack(f, x, fpcr, env);
  if (a.IsNaN()) return ProcessNaN(f, a.type, x, fpcr, env);
  if (a.type == Type::kInfinity) return Infinity(f, a.sign);
  if (a.type == Type::kZero) return Zero(f, a.sign);
  if (a.e >= 0) return x;  // already integral (and normal): FPRound gives it back
  IntPart p = FloorOf(a.sign, a.m, a.e);
  if (IntRoundUp(rounding, p)) ++p.n;
  uint64_t result;
  if (p.n == 0) {
    result = Zero(f, a.sign);
  } else {
    const bool neg = p.n < 0;
    result =
        RoundTo(f, neg, static_cast<u128>(neg ? -p.n : p.n), 0, false, Round::kZero, fpcr, env);
  }
  if (p.inexact && exact) env.flags |= kIxc;
  return result;
}

uint64_t ToFixedImpl(Format f, uint64_t x, int fbits, bool is_unsigned, int int_bits,
                     Round rounding, Env& env) {
  const Value a = Unpack(f, x, env.fpcr, env);
  IntPart p{0, false, -1};
  if (a.IsNaN()) {
    env.flags |= kIoc;  // and the value is 0
  } else if (a.type == Type::kInfinity) {
    p.n = a.sign ? -(i128{1} << 100) : (i128{1} << 100);
  } else if (a.type == Type::kNonzero) {
    p = FloorOf(a.sign, a.m, a.e + fbits);
    if (IntRoundUp(rounding, p)) ++p.n;
  }
  const i128 lo = is_unsigned ? 0 : -(i128{1} << (int_bits - 1));
  const i128 hi = is_unsigned ? (i128{1} << int_bits) - 1 : (i128{1} << (int_bits - 1)) - 1;
  i128 n = p.n;
  if (n > hi || n < lo) {
    n = n > hi ? hi : lo;
    env.flags |= kIoc;
  } else if (p.inexact) {
    env.flags |= kIxc;
  }
  return static_cast<uint64_t>(static_cast<int64_t>(n)) &
         (is_unsigned && int_bits == 32 ? 0xffffffffull : ~0ull);
}

uint64_t FromFixedImpl(Format f, uint64_t v, int fbits, bool is_unsigned, int int_bits,
                       Round rounding, Env& env) {
  bool sign = false;
  uint64_t mag;
  if (is_unsigned) {
    mag = int_bits == 32 ? static_cast<uint32_t>(v) : v;
  } else {
    const int64_t s = int_bits == 32 ? static_cast<int32_t>(v) : static_cast<int64_t>(v);
    sign = s < 0;
    mag = sign ? 0 - static_cast<uint64_t>(s) : static_cast<uint64_t>(s);
  }
  if (mag == 0) return Zero(f, false);
  return RoundTo(f, sign, mag, -fbits, false, rounding, env.fpcr, env);
}

// FPConvertNaN: the payload's top bits carried over, the result quiet.
uint64_t ConvertNaN(Format from, Format to, uint64_t x) {
  const bool sign = SignOf(from, x);
  const uint64_t frac = (x & (QuietBit(from) - 1)) << (52 - from.f);  // 51 payload bits
  return Pack(to, sign, ExpOnes(to), QuietBit(to) | (frac >> (52 - to.f)));
}

Format FormatOfBits(int bits) { return bits == 16 ? kHalf : bits == 32 ? kSingle : kDouble; }

}  // namespace

template <typename T>
T RoundInt(T a, Round rounding, bool exact, Env& env) {
  return static_cast<T>(RoundIntImpl(FormatOf<T>(), a, rounding, exact, env));
}
template <typename T>
uint64_t ToFixed(T a, int fbits, bool is_unsigned, int int_bits, Round rounding, Env& env) {
  return ToFixedImpl(FormatOf<T>(), a, fbits, is_unsigned, int_bits, rounding, env);
}
template <typename T>
T FromFixed(uint64_t v, int fbits, bool is_unsigned, int int_bits, Round rounding, Env& env) {
  return static_cast<T>(
      FromFixedImpl(FormatOf<T>(), v, fbits, is_unsigned, int_bits, rounding, env));
}

uint64_t Convert(uint64_t a, int from_bits, int to_bits, Round rounding, Env& env) {
  const Format from = FormatOfBits(from_bits), to = FormatOfBits(to_bits);
  const uint32_t fpcr = env.fpcr;
  const bool ahp = (fpcr & kFpcrAhp) != 0;
  const bool fz = (fpcr & kFpcrFz) != 0;  // FPUnpackCV / FPRoundCV: FZ16 is off
  const Value v = UnpackBase(from, a, from.n != 16 && fz, ahp, env);
  const bool alt_hp = to.n == 16 && ahp;
  switch (v.type) {
    case Type::kQNaN:
    case Type::kSNaN: {
      uint64_t result;
      if (alt_hp) {
        result = Zero(to, v.sign);
      } else if (fpcr & kFpcrDn) {
        result = DefaultNaN(to);
      } else {
        result = ConvertNaN(from, to, a);
      }
      if (v.type == Type::kSNaN || alt_hp) env.flags |= kIoc;
      return result;
    }
    case Type::kInfinity:
      if (alt_hp) {
        env.flags |= kIoc;
        return Pack(to, v.sign, ExpOnes(to), FracMask(to));
      }
      return Infinity(to, v.sign);
    case Type::kZero:
      return Zero(to, v.sign);
    case Type::kNonzero:
      break;
  }
  return RoundBase(to, v.sign, v.m, v.e, false, rounding, to.n != 16 && fz, ahp, env);
}

#define VMD_FP_INSTANTIATE(T)                                   \
  template T RoundInt<T>(T, Round, bool, Env&);                 \
  template uint64_t ToFixed<T>(T, int, bool, int, Round, Env&); \
  template T FromFixed<T>(uint64_t, int, bool, int, Round, Env&);

VMD_FP_INSTANTIATE(uint16_t)
VMD_FP_INSTANTIATE(uint32_t)
VMD_FP_INSTANTIATE(uint64_t)
#undef VMD_FP_INSTANTIATE

}  // namespace vmd::hvsoft::fp
