// AdvSIMD integer two-register misc, vector and scalar forms (ARMv8.0): REV*,
// pairwise long adds, CLS/CLZ/CNT/NOT/RBIT, (saturating) ABS/NEG, compares
// with zero, SUQADD/USQADD, XTN and the saturating narrows, SHLL, URECPE and
// URSQRTE; and SimdMiscTable(), which decode.cc scans (the conventions of
// the group are in exec_simd_misc_util.h).
#include <bit>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <span>
#include <vector>

#include "engine/hv/soft/exec_simd_misc_util.h"

namespace vmd::hvsoft::simd_misc {
namespace {

// ---- extractors -------------------------------------------------------------

// Vector, elements of size<1:0> in and out; 64-bit elements need Q=1.
bool XVec(uint32_t raw, Insn& o) {
  const uint32_t size = Bits(raw, 23, 22), q = Bit(raw, 30);
  if (size == 3 && !q) return false;
  Regs(raw, o);
  o.a = static_cast<uint8_t>((q ? 16 : 8) >> size);
  return true;
}

// Vector, byte elements whatever the size field says (RBIT has size=01).
bool XVecBytes(uint32_t raw, Insn& o) {
  Regs(raw, o);
  o.a = Bit(raw, 30) ? 16 : 8;
  return true;
}

// Pairwise long (SADDLP...): a = result lanes.
bool XVecPairLong(uint32_t raw, Insn& o) {
  Regs(raw, o);
  o.a = static_cast<uint8_t>((Bit(raw, 30) ? 16 : 8) >> (Bits(raw, 23, 22) + 1));
  return true;
}

// Narrowing (XTN...) and widening (SHLL) integer forms: a = narrow lanes in
// 64 bits, Q = the "2" form.
bool XVecHalf(uint32_t raw, Insn& o) {
  Regs(raw, o);
  o.a = static_cast<uint8_t>(8 >> Bits(raw, 23, 22));
  o.b = Bit(raw, 30) ? kUpper : 0;
  return true;
}

// ---- integer two-register misc ----------------------------------------------

// Lane-wise unary op; `sat` is set by the saturating ones (QC).
template <typename T, T (*Op)(T, bool&)>
bool IntUnary(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  const Vec n = GetVec(c, i.rn);
  Vec r;
  bool sat = false;
  for (int e = 0; e < i.a; ++e) r.Set<T>(e, Op(n.Get<T>(e), sat));
  SetQc(c, sat);
  SetVec128(c, i.rd, r);
  return Next(c, i);
}

// Lane-wise op of Vn and Vd (SUQADD/USQADD accumulate into Vd).
template <typename T, T (*Op)(T, T, bool&)>
bool IntUnaryAcc(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  const Vec n = GetVec(c, i.rn), d = GetVec(c, i.rd);
  Vec r;
  bool sat = false;
  for (int e = 0; e < i.a; ++e) r.Set<T>(e, Op(n.Get<T>(e), d.Get<T>(e), sat));
  SetQc(c, sat);
  SetVec128(c, i.rd, r);
  return Next(c, i);
}

template <typename T>
T OpCls(T x, bool&) {
  const T y = x ^ static_cast<T>(static_cast<Signed<T>>(x) >> (kBits<T> - 1));
  return static_cast<T>(std::countl_zero(y) - 1);
}
template <typename T>
T OpClz(T x, bool&) {
  return static_cast<T>(std::countl_zero(x));
}
uint8_t OpCnt(uint8_t x, bool&) { return static_cast<uint8_t>(std::popcount(x)); }
uint8_t OpNot(uint8_t x, bool&) { return static_cast<uint8_t>(~x); }
uint8_t OpRbit(uint8_t x, bool&) {
  x = static_cast<uint8_t>((x & 0xF0) >> 4 | (x & 0x0F) << 4);
  x = static_cast<uint8_t>((x & 0xCC) >> 2 | (x & 0x33) << 2);
  return static_cast<uint8_t>((x & 0xAA) >> 1 | (x & 0x55) << 1);
}
template <typename T>
T OpAbs(T x, bool&) {
  return static_cast<Signed<T>>(x) < 0 ? static_cast<T>(T{0} - x) : x;
}
template <typename T>
T OpNeg(T x, bool&) {
  return static_cast<T>(T{0} - x);
}
template <typename T>
T OpSqAbs(T x, bool& sat) {
  const __int128 v = SInt(x);
  return SatS<T>(v < 0 ? -v : v, sat);
}
template <typename T>
T OpSqNeg(T x, bool& sat) {
  return SatS<T>(-SInt(x), sat);
}
template <typename T>
T OpCmGt0(T x, bool&) {
  return Mask<T>(static_cast<Signed<T>>(x) > 0);
}
template <typename T>
T OpCmGe0(T x, bool&) {
  return Mask<T>(static_cast<Signed<T>>(x) >= 0);
}
template <typename T>
T OpCmEq0(T x, bool&) {
  return Mask<T>(x == 0);
}
template <typename T>
T OpCmLe0(T x, bool&) {
  return Mask<T>(static_cast<Signed<T>>(x) <= 0);
}
template <typename T>
T OpCmLt0(T x, bool&) {
  return Mask<T>(static_cast<Signed<T>>(x) < 0);
}
// SUQADD: signed Vd + unsigned Vn, signed saturation; USQADD the converse.
template <typename T>
T OpSuqadd(T n, T d, bool& sat) {
  return SatS<T>(UInt(n) + SInt(d), sat);
}
template <typename T>
T OpUsqadd(T n, T d, bool& sat) {
  return SatU<T>(SInt(n) + UInt(d), sat);
}
uint32_t OpUrecpe(uint32_t x, bool&) { return fp::UnsignedRecipEstimate(x); }
uint32_t OpUrsqrte(uint32_t x, bool&) { return fp::UnsignedRSqrtEstimate(x); }

// REV16/REV32/REV64: reverse the T elements within each kContainer bytes.
template <typename T, int kContainer>
bool Rev(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  constexpr int kFlip = kContainer / static_cast<int>(sizeof(T)) - 1;
  const Vec n = GetVec(c, i.rn);
  Vec r;
  for (int e = 0; e < i.a; ++e) r.Set<T>(e ^ kFlip, n.Get<T>(e));
  SetVec128(c, i.rd, r);
  return Next(c, i);
}

// SADDLP/UADDLP (kAcc false), SADALP/UADALP (kAcc true).
template <typename T, bool kSigned, bool kAcc>
bool AddLongPairwise(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using W = Wide<T>;
  const Vec n = GetVec(c, i.rn), d = GetVec(c, i.rd);
  Vec r;
  for (int e = 0; e < i.a; ++e) {
    const T lo = n.Get<T>(2 * e), hi = n.Get<T>(2 * e + 1);
    __int128 s = kSigned ? SInt(lo) + SInt(hi) : UInt(lo) + UInt(hi);
    if (kAcc) s += d.Get<W>(e);
    r.Set<W>(e, static_cast<W>(s));
  }
  SetVec128(c, i.rd, r);
  return Next(c, i);
}

// XTN, SQXTN, UQXTN, SQXTUN: T is the narrow type, the source lanes are Wide<T>.
enum class NarrowKind { kTrunc, kSigned, kUnsigned, kSignedToUnsigned };
template <typename T, NarrowKind kKind>
bool Narrow(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using W = Wide<T>;
  const Vec n = GetVec(c, i.rn);
  const bool upper = i.b & kUpper;
  Vec r = upper ? GetVec(c, i.rd) : Vec{};
  const int off = upper ? i.a : 0;
  bool sat = false;
  for (int e = 0; e < i.a; ++e) {
    const W x = n.Get<W>(e);
    T v;
    if constexpr (kKind == NarrowKind::kTrunc) {
      v = static_cast<T>(x);
    } else if constexpr (kKind == NarrowKind::kSigned) {
      v = SatS<T>(SInt(x), sat);
    } else if constexpr (kKind == NarrowKind::kUnsigned) {
      v = SatU<T>(UInt(x), sat);
    } else {
      v = SatU<T>(SInt(x), sat);
    }
    r.Set<T>(off + e, v);
  }
  SetQc(c, sat);
  SetVec128(c, i.rd, r);
  return Next(c, i);
}

// SHLL/SHLL2: widen and shift left by the element size.
template <typename T>
bool Shll(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using W = Wide<T>;
  const Vec n = GetVec(c, i.rn);
  const int off = (i.b & kUpper) ? i.a : 0;
  Vec r;
  for (int e = 0; e < i.a; ++e) r.Set<W>(e, static_cast<W>(W{n.Get<T>(off + e)} << kBits<T>));
  SetVec128(c, i.rd, r);
  return Next(c, i);
}

// ---- the table ----------------------------------------------------------------

// Lines for one op at several element sizes.
// clang-format off
#define V_INT4(u, op, name, H)                                          \
  {kVecMask, MiscV(u, 0, op), name " (8b/16b)", H<u8>, XVec, false},    \
  {kVecMask, MiscV(u, 1, op), name " (4h/8h)", H<u16>, XVec, false},    \
  {kVecMask, MiscV(u, 2, op), name " (2s/4s)", H<u32>, XVec, false},    \
  {kVecMask, MiscV(u, 3, op), name " (2d)", H<u64>, XVec, false}
#define V_INT3(u, op, name, H)                                          \
  {kVecMask, MiscV(u, 0, op), name " (8b/16b)", H<u8>, XVec, false},    \
  {kVecMask, MiscV(u, 1, op), name " (4h/8h)", H<u16>, XVec, false},    \
  {kVecMask, MiscV(u, 2, op), name " (2s/4s)", H<u32>, XVec, false}
#define S_INT4(u, op, name, H)                                          \
  {kScalarMask, MiscS(u, 0, op), name " (B)", H<u8>, XScalar, false},   \
  {kScalarMask, MiscS(u, 1, op), name " (H)", H<u16>, XScalar, false},  \
  {kScalarMask, MiscS(u, 2, op), name " (S)", H<u32>, XScalar, false},  \
  {kScalarMask, MiscS(u, 3, op), name " (D)", H<u64>, XScalar, false}
// clang-format on

// Handlers as variable templates on the element type, for the macros.
template <typename T>
constexpr Handler kCls = IntUnary<T, OpCls<T>>;
template <typename T>
constexpr Handler kClz = IntUnary<T, OpClz<T>>;
template <typename T>
constexpr Handler kAbs = IntUnary<T, OpAbs<T>>;
template <typename T>
constexpr Handler kNeg = IntUnary<T, OpNeg<T>>;
template <typename T>
constexpr Handler kSqAbs = IntUnary<T, OpSqAbs<T>>;
template <typename T>
constexpr Handler kSqNeg = IntUnary<T, OpSqNeg<T>>;
template <typename T>
constexpr Handler kCmGt0 = IntUnary<T, OpCmGt0<T>>;
template <typename T>
constexpr Handler kCmGe0 = IntUnary<T, OpCmGe0<T>>;
template <typename T>
constexpr Handler kCmEq0 = IntUnary<T, OpCmEq0<T>>;
template <typename T>
constexpr Handler kCmLe0 = IntUnary<T, OpCmLe0<T>>;
template <typename T>
constexpr Handler kCmLt0 = IntUnary<T, OpCmLt0<T>>;
template <typename T>
constexpr Handler kSuqadd = IntUnaryAcc<T, OpSuqadd<T>>;
template <typename T>
constexpr Handler kUsqadd = IntUnaryAcc<T, OpUsqadd<T>>;
template <typename T>
constexpr Handler kSaddlp = AddLongPairwise<T, true, false>;
template <typename T>
constexpr Handler kUaddlp = AddLongPairwise<T, false, false>;
template <typename T>
constexpr Handler kSadalp = AddLongPairwise<T, true, true>;
template <typename T>
constexpr Handler kUadalp = AddLongPairwise<T, false, true>;
template <typename T>
constexpr Handler kXtn = Narrow<T, NarrowKind::kTrunc>;
template <typename T>
constexpr Handler kSqxtn = Narrow<T, NarrowKind::kSigned>;
template <typename T>
constexpr Handler kUqxtn = Narrow<T, NarrowKind::kUnsigned>;
template <typename T>
constexpr Handler kSqxtun = Narrow<T, NarrowKind::kSignedToUnsigned>;
template <typename T>
constexpr Handler kShll = Shll<T>;

// clang-format off
constexpr DecodeLine kTable[] = {
  // ---- AdvSIMD two-register misc (vector) ----
  {kVecMask, MiscV(0, 0, 0x00), "REV64 (8b/16b)",   Rev<u8, 8>,   XVec, false},
  {kVecMask, MiscV(0, 1, 0x00), "REV64 (4h/8h)",    Rev<u16, 8>,  XVec, false},
  {kVecMask, MiscV(0, 2, 0x00), "REV64 (2s/4s)",    Rev<u32, 8>,  XVec, false},
  {kVecMask, MiscV(0, 0, 0x01), "REV16 (8b/16b)",   Rev<u8, 2>,   XVec, false},
  {kVecMask, MiscV(1, 0, 0x00), "REV32 (8b/16b)",   Rev<u8, 4>,   XVec, false},
  {kVecMask, MiscV(1, 1, 0x00), "REV32 (4h/8h)",    Rev<u16, 4>,  XVec, false},
  {kVecMask, MiscV(0, 0, 0x02), "SADDLP (8b/16b)",  kSaddlp<u8>,  XVecPairLong, false},
  {kVecMask, MiscV(0, 1, 0x02), "SADDLP (4h/8h)",   kSaddlp<u16>, XVecPairLong, false},
  {kVecMask, MiscV(0, 2, 0x02), "SADDLP (2s/4s)",   kSaddlp<u32>, XVecPairLong, false},
  {kVecMask, MiscV(1, 0, 0x02), "UADDLP (8b/16b)",  kUaddlp<u8>,  XVecPairLong, false},
  {kVecMask, MiscV(1, 1, 0x02), "UADDLP (4h/8h)",   kUaddlp<u16>, XVecPairLong, false},
  {kVecMask, MiscV(1, 2, 0x02), "UADDLP (2s/4s)",   kUaddlp<u32>, XVecPairLong, false},
  {kVecMask, MiscV(0, 0, 0x06), "SADALP (8b/16b)",  kSadalp<u8>,  XVecPairLong, false},
  {kVecMask, MiscV(0, 1, 0x06), "SADALP (4h/8h)",   kSadalp<u16>, XVecPairLong, false},
  {kVecMask, MiscV(0, 2, 0x06), "SADALP (2s/4s)",   kSadalp<u32>, XVecPairLong, false},
  {kVecMask, MiscV(1, 0, 0x06), "UADALP (8b/16b)",  kUadalp<u8>,  XVecPairLong, false},
  {kVecMask, MiscV(1, 1, 0x06), "UADALP (4h/8h)",   kUadalp<u16>, XVecPairLong, false},
  {kVecMask, MiscV(1, 2, 0x06), "UADALP (2s/4s)",   kUadalp<u32>, XVecPairLong, false},
  V_INT4(0, 0x03, "SUQADD", kSuqadd),
  V_INT4(1, 0x03, "USQADD", kUsqadd),
  V_INT3(0, 0x04, "CLS", kCls),
  V_INT3(1, 0x04, "CLZ", kClz),
  {kVecMask, MiscV(0, 0, 0x05), "CNT",              IntUnary<u8, OpCnt>,    XVec, false},
  {kVecMask, MiscV(1, 0, 0x05), "NOT",              IntUnary<u8, OpNot>,    XVec, false},
  {kVecMask, MiscV(1, 1, 0x05), "RBIT (vector)",    IntUnary<u8, OpRbit>,   XVecBytes, false},
  V_INT4(0, 0x07, "SQABS", kSqAbs),
  V_INT4(1, 0x07, "SQNEG", kSqNeg),
  V_INT4(0, 0x08, "CMGT (zero)", kCmGt0),
  V_INT4(1, 0x08, "CMGE (zero)", kCmGe0),
  V_INT4(0, 0x09, "CMEQ (zero)", kCmEq0),
  V_INT4(1, 0x09, "CMLE (zero)", kCmLe0),
  V_INT4(0, 0x0A, "CMLT (zero)", kCmLt0),
  V_INT4(0, 0x0B, "ABS", kAbs),
  V_INT4(1, 0x0B, "NEG", kNeg),
  {kVecMask, MiscV(0, 0, 0x12), "XTN (8b)",         kXtn<u8>,     XVecHalf, false},
  {kVecMask, MiscV(0, 1, 0x12), "XTN (4h)",         kXtn<u16>,    XVecHalf, false},
  {kVecMask, MiscV(0, 2, 0x12), "XTN (2s)",         kXtn<u32>,    XVecHalf, false},
  {kVecMask, MiscV(0, 0, 0x14), "SQXTN (8b)",       kSqxtn<u8>,   XVecHalf, false},
  {kVecMask, MiscV(0, 1, 0x14), "SQXTN (4h)",       kSqxtn<u16>,  XVecHalf, false},
  {kVecMask, MiscV(0, 2, 0x14), "SQXTN (2s)",       kSqxtn<u32>,  XVecHalf, false},
  {kVecMask, MiscV(1, 0, 0x14), "UQXTN (8b)",       kUqxtn<u8>,   XVecHalf, false},
  {kVecMask, MiscV(1, 1, 0x14), "UQXTN (4h)",       kUqxtn<u16>,  XVecHalf, false},
  {kVecMask, MiscV(1, 2, 0x14), "UQXTN (2s)",       kUqxtn<u32>,  XVecHalf, false},
  {kVecMask, MiscV(1, 0, 0x12), "SQXTUN (8b)",      kSqxtun<u8>,  XVecHalf, false},
  {kVecMask, MiscV(1, 1, 0x12), "SQXTUN (4h)",      kSqxtun<u16>, XVecHalf, false},
  {kVecMask, MiscV(1, 2, 0x12), "SQXTUN (2s)",      kSqxtun<u32>, XVecHalf, false},
  {kVecMask, MiscV(1, 0, 0x13), "SHLL (8h)",        kShll<u8>,    XVecHalf, false},
  {kVecMask, MiscV(1, 1, 0x13), "SHLL (4s)",        kShll<u16>,   XVecHalf, false},
  {kVecMask, MiscV(1, 2, 0x13), "SHLL (2d)",        kShll<u32>,   XVecHalf, false},
  {kVecMask, MiscV(0, 2, 0x1C), "URECPE",           IntUnary<u32, OpUrecpe>,  XVec, false},
  {kVecMask, MiscV(1, 2, 0x1C), "URSQRTE",          IntUnary<u32, OpUrsqrte>, XVec, false},

  // ---- AdvSIMD scalar two-register misc ----
  S_INT4(0, 0x03, "SUQADD", kSuqadd),
  S_INT4(1, 0x03, "USQADD", kUsqadd),
  S_INT4(0, 0x07, "SQABS", kSqAbs),
  S_INT4(1, 0x07, "SQNEG", kSqNeg),
  {kScalarMask, MiscS(0, 3, 0x08), "CMGT (zero) (D)", kCmGt0<u64>, XScalar, false},
  {kScalarMask, MiscS(1, 3, 0x08), "CMGE (zero) (D)", kCmGe0<u64>, XScalar, false},
  {kScalarMask, MiscS(0, 3, 0x09), "CMEQ (zero) (D)", kCmEq0<u64>, XScalar, false},
  {kScalarMask, MiscS(1, 3, 0x09), "CMLE (zero) (D)", kCmLe0<u64>, XScalar, false},
  {kScalarMask, MiscS(0, 3, 0x0A), "CMLT (zero) (D)", kCmLt0<u64>, XScalar, false},
  {kScalarMask, MiscS(0, 3, 0x0B), "ABS (D)",         kAbs<u64>,   XScalar, false},
  {kScalarMask, MiscS(1, 3, 0x0B), "NEG (D)",         kNeg<u64>,   XScalar, false},
  {kScalarMask, MiscS(0, 0, 0x14), "SQXTN (B)",       kSqxtn<u8>,   XScalar, false},
  {kScalarMask, MiscS(0, 1, 0x14), "SQXTN (H)",       kSqxtn<u16>,  XScalar, false},
  {kScalarMask, MiscS(0, 2, 0x14), "SQXTN (S)",       kSqxtn<u32>,  XScalar, false},
  {kScalarMask, MiscS(1, 0, 0x14), "UQXTN (B)",       kUqxtn<u8>,   XScalar, false},
  {kScalarMask, MiscS(1, 1, 0x14), "UQXTN (H)",       kUqxtn<u16>,  XScalar, false},
  {kScalarMask, MiscS(1, 2, 0x14), "UQXTN (S)",       kUqxtn<u32>,  XScalar, false},
  {kScalarMask, MiscS(1, 0, 0x12), "SQXTUN (B)",      kSqxtun<u8>,  XScalar, false},
  {kScalarMask, MiscS(1, 1, 0x12), "SQXTUN (H)",      kSqxtun<u16>, XScalar, false},
  {kScalarMask, MiscS(1, 2, 0x12), "SQXTUN (S)",      kSqxtun<u32>, XScalar, false},
};
// clang-format on

#undef V_INT4
#undef V_INT3
#undef S_INT4

}  // namespace
}  // namespace vmd::hvsoft::simd_misc

namespace vmd::hvsoft {

std::span<const DecodeLine> SimdMiscTable() {
  static const std::vector<DecodeLine> table = [] {
    std::vector<DecodeLine> lines(std::begin(simd_misc::kTable), std::end(simd_misc::kTable));
    for (std::span<const DecodeLine> part :
         {simd_misc::FpMiscLines(), simd_misc::AcrossElemLines()}) {
      lines.insert(lines.end(), part.begin(), part.end());
    }
    return lines;
  }();
  return table;
}

}  // namespace vmd::hvsoft
