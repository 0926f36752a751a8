// AdvSIMD shift by immediate, vector and scalar (ARM ARM C4.1.x, ARMv8.0):
// SSHR/SSRA/SRI/SHL/SLI, the saturating SQSHL(U)/UQSHL, the narrowing
// (SQ)(R)SHR(U)N, SSHLL/USHLL and the fixed-point SCVTF/UCVTF/FCVTZS/FCVTZU.
// Their lines go into SimdThreeTable() (exec_simd_three.cc); tests in
// tests/engine/hv/soft/simd_three_diff_test.cc.
#include <array>
#include <cstdint>
#include <type_traits>

#include "engine/hv/soft/exec_simd_three_util.h"

namespace vmd::hvsoft::simd_three {
namespace {

// Right shift by 1..esize of an element, rounded when kRound, in a wide type.
template <typename T, bool kRound>
inline i128 ShiftRight(T v, int sh) {
  i128 w = v;
  if (kRound) w += static_cast<i128>(1) << (sh - 1);
  return w >> sh;
}

// ---- shift by immediate (i.a holds the decoded shift or fraction bits) ----------

// SSHR/USHR/SRSHR/URSHR, and with kAcc SSRA/USRA/SRSRA/URSRA.
template <typename T, bool kRound, bool kAcc, int kMode>
bool ShrImm(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  const Vec n = GetVec(c, i.rn);
  Vec d;
  if constexpr (kAcc) d = GetVec(c, i.rd);
  const int sh = i.a;
  Vec r;
  for (int e = 0; e < kLanes<T, kMode>; ++e) {
    Mod<T> v = static_cast<Mod<T>>(ShiftRight<T, kRound>(n.Get<T>(e), sh));
    if (kAcc) v += static_cast<Mod<T>>(d.Get<T>(e));
    r.Set<T>(e, static_cast<T>(v));
  }
  Store<T, kMode>(c, i.rd, r);
  return Next(c, i);
}

// SRI (kLeft false, shift 1..esize) and SLI (kLeft true, shift 0..esize-1):
// insert the shifted element, keep the destination bits the shift vacated.
template <typename T, bool kLeft, int kMode>
bool Insert(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  const Vec n = GetVec(c, i.rn), d = GetVec(c, i.rd);
  const int sh = i.a;
  const uint64_t ones = Ones(kBits<T>);
  Vec r;
  for (int e = 0; e < kLanes<T, kMode>; ++e) {
    const uint64_t v = n.Get<T>(e), old = d.Get<T>(e);
    uint64_t mask, shifted;
    if (kLeft) {
      mask = (ones << sh) & ones;
      shifted = (v << sh) & ones;
    } else {
      mask = sh >= kBits<T> ? 0 : ones >> sh;
      shifted = sh >= kBits<T> ? 0 : v >> sh;
    }
    r.Set<T>(e, static_cast<T>((old & ~mask) | shifted));
  }
  Store<T, kMode>(c, i.rd, r);
  return Next(c, i);
}

// SHL (immediate).
template <typename T, int kMode>
bool ShlImm(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  const Vec n = GetVec(c, i.rn);
  Vec r;
  for (int e = 0; e < kLanes<T, kMode>; ++e) {
    r.Set<T>(e, static_cast<T>(static_cast<Mod<T>>(n.Get<T>(e)) << i.a));
  }
  Store<T, kMode>(c, i.rd, r);
  return Next(c, i);
}

// SQSHL/UQSHL/SQSHLU (immediate): Ti in, saturated to To (same size).
template <typename Ti, typename To, int kMode>
bool QShlImm(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  Ctx x;
  const Vec n = GetVec(c, i.rn);
  Vec r;
  for (int e = 0; e < kLanes<Ti, kMode>; ++e) {
    r.Set<To>(e, Sat<To>(static_cast<i128>(n.Get<Ti>(e)) * (i128{1} << i.a), x));
  }
  Store<Ti, kMode>(c, i.rd, r);
  Finish(c, x);
  return Next(c, i);
}

// SHRN/RSHRN (kSat false) and SQSHRN/UQSHRN/SQSHRUN/SQRSHRN/UQRSHRN/SQRSHRUN:
// wide Ti elements shifted right, narrowed (saturating) to To. kPart as in
// StorePart; kScalar writes one To scalar.
template <typename Ti, typename To, bool kRound, bool kSat, int kPart, bool kScalar>
bool ShrNarrow(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  Ctx x;
  const Vec n = GetVec(c, i.rn);
  constexpr int kCount = kScalar ? 1 : 8 / static_cast<int>(sizeof(To));
  Vec r;
  for (int e = 0; e < kCount; ++e) {
    const i128 v = ShiftRight<Ti, kRound>(n.Get<Ti>(e), i.a);
    r.Set<To>(e, kSat ? Sat<To>(v, x) : static_cast<To>(v));
  }
  if constexpr (kScalar) {
    SetScalar<Uns<To>>(c, i.rd, r.Get<Uns<To>>(0));
  } else {
    StorePart<kPart>(c, i.rd, r);
  }
  Finish(c, x);
  return Next(c, i);
}

// SSHLL/USHLL (SXTL/UXTL with shift 0).
template <typename Tn, int kPart>
bool ShlLong(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using Tw = Wider<Tn>;
  const Vec n = GetVec(c, i.rn);
  constexpr int kCount = 8 / static_cast<int>(sizeof(Tn));
  Vec r;
  for (int e = 0; e < kCount; ++e) {
    const Tw v = static_cast<Tw>(n.Get<Tn>(kPart * kCount + e));
    r.Set<Tw>(e, static_cast<Tw>(static_cast<Mod<Tw>>(v) << i.a));
  }
  SetVec128(c, i.rd, r);
  return Next(c, i);
}

// SCVTF/UCVTF (fixed-point): Ti integer elements with i.a fraction bits to
// the FP format of the same size (F = uint32_t or uint64_t bits).
template <typename Ti, int kMode>
bool CvtFromFixed(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using F = Uns<Ti>;
  Ctx x;
  Begin<true>(c, x);
  const Vec n = GetVec(c, i.rn);
  Vec r;
  for (int e = 0; e < kLanes<Ti, kMode>; ++e) {
    // Signed values go sign-extended, unsigned ones zero-extended.
    const uint64_t v = static_cast<uint64_t>(
        static_cast<std::conditional_t<std::is_signed_v<Ti>, int64_t, uint64_t>>(n.Get<Ti>(e)));
    r.Set<F>(
        e, fp::FromFixed<F>(v, i.a, !std::is_signed_v<Ti>, kBits<Ti>, x.env.FpcrRounding(), x.env));
  }
  Store<F, kMode>(c, i.rd, r);
  Finish(c, x);
  return Next(c, i);
}

// FCVTZS/FCVTZU (fixed-point): round toward zero, saturate with IOC.
template <typename Ti, int kMode>
bool CvtToFixed(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using F = Uns<Ti>;
  Ctx x;
  Begin<true>(c, x);
  const Vec n = GetVec(c, i.rn);
  Vec r;
  for (int e = 0; e < kLanes<Ti, kMode>; ++e) {
    r.Set<F>(e, static_cast<F>(fp::ToFixed<F>(n.Get<F>(e), i.a, !std::is_signed_v<Ti>, kBits<Ti>,
                                              fp::Round::kZero, x.env)));
  }
  Store<F, kMode>(c, i.rd, r);
  Finish(c, x);
  return Next(c, i);
}

// ---- extractors ---------------------------------------------------------------------

// immh:immb with the element size from immh's highest set bit (immh != 0 by
// the line's mask): right shifts 2*esize - imm (1..esize), left imm - esize.
int ShiftEsize(uint32_t raw) { return 8 << (31 - __builtin_clz(Bits(raw, 22, 19))); }
bool XShiftRight(uint32_t raw, Insn& o) {
  XThree(raw, o);
  o.a = static_cast<uint8_t>(2 * ShiftEsize(raw) - static_cast<int>(Bits(raw, 22, 16)));
  return true;
}
bool XShiftLeft(uint32_t raw, Insn& o) {
  XThree(raw, o);
  o.a = static_cast<uint8_t>(static_cast<int>(Bits(raw, 22, 16)) - ShiftEsize(raw));
  return true;
}

// The shift-by-immediate handler grids: [esize_log][Q].
Grid ShlGrid() {
  return {std::array<Handler, 2>{ShlImm<uint8_t, 1>, ShlImm<uint8_t, 2>},
          std::array<Handler, 2>{ShlImm<uint16_t, 1>, ShlImm<uint16_t, 2>},
          std::array<Handler, 2>{ShlImm<uint32_t, 1>, ShlImm<uint32_t, 2>},
          std::array<Handler, 2>{nullptr, ShlImm<uint64_t, 2>}};
}
template <bool kS, bool kRound, bool kAcc>
Grid ShrGrid() {
  return {std::array<Handler, 2>{ShrImm<Int<kS, 1>, kRound, kAcc, 1>,
                                 ShrImm<Int<kS, 1>, kRound, kAcc, 2>},
          std::array<Handler, 2>{ShrImm<Int<kS, 2>, kRound, kAcc, 1>,
                                 ShrImm<Int<kS, 2>, kRound, kAcc, 2>},
          std::array<Handler, 2>{ShrImm<Int<kS, 4>, kRound, kAcc, 1>,
                                 ShrImm<Int<kS, 4>, kRound, kAcc, 2>},
          std::array<Handler, 2>{nullptr, ShrImm<Int<kS, 8>, kRound, kAcc, 2>}};
}
template <bool kLeft>
Grid InsertGrid() {
  return {std::array<Handler, 2>{Insert<uint8_t, kLeft, 1>, Insert<uint8_t, kLeft, 2>},
          std::array<Handler, 2>{Insert<uint16_t, kLeft, 1>, Insert<uint16_t, kLeft, 2>},
          std::array<Handler, 2>{Insert<uint32_t, kLeft, 1>, Insert<uint32_t, kLeft, 2>},
          std::array<Handler, 2>{nullptr, Insert<uint64_t, kLeft, 2>}};
}
template <bool kSi, bool kSo>
Grid QShlGrid() {
  return {std::array<Handler, 2>{QShlImm<Int<kSi, 1>, Int<kSo, 1>, 1>,
                                 QShlImm<Int<kSi, 1>, Int<kSo, 1>, 2>},
          std::array<Handler, 2>{QShlImm<Int<kSi, 2>, Int<kSo, 2>, 1>,
                                 QShlImm<Int<kSi, 2>, Int<kSo, 2>, 2>},
          std::array<Handler, 2>{QShlImm<Int<kSi, 4>, Int<kSo, 4>, 1>,
                                 QShlImm<Int<kSi, 4>, Int<kSo, 4>, 2>},
          std::array<Handler, 2>{nullptr, QShlImm<Int<kSi, 8>, Int<kSo, 8>, 2>}};
}
template <bool kSi, bool kSo, bool kRound, bool kSat>
Grid ShrNarrowGrid() {
  return {std::array<Handler, 2>{ShrNarrow<Int<kSi, 2>, Int<kSo, 1>, kRound, kSat, 0, false>,
                                 ShrNarrow<Int<kSi, 2>, Int<kSo, 1>, kRound, kSat, 1, false>},
          std::array<Handler, 2>{ShrNarrow<Int<kSi, 4>, Int<kSo, 2>, kRound, kSat, 0, false>,
                                 ShrNarrow<Int<kSi, 4>, Int<kSo, 2>, kRound, kSat, 1, false>},
          std::array<Handler, 2>{ShrNarrow<Int<kSi, 8>, Int<kSo, 4>, kRound, kSat, 0, false>,
                                 ShrNarrow<Int<kSi, 8>, Int<kSo, 4>, kRound, kSat, 1, false>},
          std::array<Handler, 2>{nullptr, nullptr}};
}
template <bool kSi, bool kSo, bool kRound>
Column ShrNarrowColumn() {
  return {ShrNarrow<Int<kSi, 2>, Int<kSo, 1>, kRound, true, 0, true>,
          ShrNarrow<Int<kSi, 4>, Int<kSo, 2>, kRound, true, 0, true>,
          ShrNarrow<Int<kSi, 8>, Int<kSo, 4>, kRound, true, 0, true>, nullptr};
}
template <bool kS>
Grid ShlLongGrid() {
  return {std::array<Handler, 2>{ShlLong<Int<kS, 1>, 0>, ShlLong<Int<kS, 1>, 1>},
          std::array<Handler, 2>{ShlLong<Int<kS, 2>, 0>, ShlLong<Int<kS, 2>, 1>},
          std::array<Handler, 2>{ShlLong<Int<kS, 4>, 0>, ShlLong<Int<kS, 4>, 1>},
          std::array<Handler, 2>{nullptr, nullptr}};
}
template <bool kS, bool kToFixed>
Grid CvtGrid() {
  Grid g{};
  g[2] = {kToFixed ? CvtToFixed<Int<kS, 4>, 1> : CvtFromFixed<Int<kS, 4>, 1>,
          kToFixed ? CvtToFixed<Int<kS, 4>, 2> : CvtFromFixed<Int<kS, 4>, 2>};
  g[3] = {nullptr, kToFixed ? CvtToFixed<Int<kS, 8>, 2> : CvtFromFixed<Int<kS, 8>, 2>};
  return g;
}

}  // namespace

void AddShiftImmLines(Builder& b) {
  // ---- shift by immediate (vector) ----
  auto shift = [&b](int u, int opcode, const char* name, const Grid& g, Extractor x) {
    for (int s = 0; s < 4; ++s) {
      for (int q = 0; q < 2; ++q) {
        if (g[s][q] != nullptr) b.Shift(u, opcode, s, q, name, g[s][q], x);
      }
    }
  };
  shift(0, 0x00, "sshr", ShrGrid<true, false, false>(), XShiftRight);
  shift(1, 0x00, "ushr", ShrGrid<false, false, false>(), XShiftRight);
  shift(0, 0x02, "ssra", ShrGrid<true, false, true>(), XShiftRight);
  shift(1, 0x02, "usra", ShrGrid<false, false, true>(), XShiftRight);
  shift(0, 0x04, "srshr", ShrGrid<true, true, false>(), XShiftRight);
  shift(1, 0x04, "urshr", ShrGrid<false, true, false>(), XShiftRight);
  shift(0, 0x06, "srsra", ShrGrid<true, true, true>(), XShiftRight);
  shift(1, 0x06, "ursra", ShrGrid<false, true, true>(), XShiftRight);
  shift(1, 0x08, "sri", InsertGrid<false>(), XShiftRight);
  shift(0, 0x0a, "shl", ShlGrid(), XShiftLeft);
  shift(1, 0x0a, "sli", InsertGrid<true>(), XShiftLeft);
  shift(1, 0x0c, "sqshlu", QShlGrid<true, false>(), XShiftLeft);
  shift(0, 0x0e, "sqshl", QShlGrid<true, true>(), XShiftLeft);
  shift(1, 0x0e, "uqshl", QShlGrid<false, false>(), XShiftLeft);
  shift(0, 0x10, "shrn", ShrNarrowGrid<false, false, false, false>(), XShiftRight);
  shift(1, 0x10, "sqshrun", ShrNarrowGrid<true, false, false, true>(), XShiftRight);
  shift(0, 0x11, "rshrn", ShrNarrowGrid<false, false, true, false>(), XShiftRight);
  shift(1, 0x11, "sqrshrun", ShrNarrowGrid<true, false, true, true>(), XShiftRight);
  shift(0, 0x12, "sqshrn", ShrNarrowGrid<true, true, false, true>(), XShiftRight);
  shift(1, 0x12, "uqshrn", ShrNarrowGrid<false, false, false, true>(), XShiftRight);
  shift(0, 0x13, "sqrshrn", ShrNarrowGrid<true, true, true, true>(), XShiftRight);
  shift(1, 0x13, "uqrshrn", ShrNarrowGrid<false, false, true, true>(), XShiftRight);
  shift(0, 0x14, "sshll", ShlLongGrid<true>(), XShiftLeft);
  shift(1, 0x14, "ushll", ShlLongGrid<false>(), XShiftLeft);
  shift(0, 0x1c, "scvtf", CvtGrid<true, false>(), XShiftRight);
  shift(1, 0x1c, "ucvtf", CvtGrid<false, false>(), XShiftRight);
  shift(0, 0x1f, "fcvtzs", CvtGrid<true, true>(), XShiftRight);
  shift(1, 0x1f, "fcvtzu", CvtGrid<false, true>(), XShiftRight);

  // ---- scalar shift by immediate ----
  b.Shift(0, 0x00, 3, -1, "sshr", ShrImm<int64_t, false, false, 0>, XShiftRight);
  b.Shift(1, 0x00, 3, -1, "ushr", ShrImm<uint64_t, false, false, 0>, XShiftRight);
  b.Shift(0, 0x02, 3, -1, "ssra", ShrImm<int64_t, false, true, 0>, XShiftRight);
  b.Shift(1, 0x02, 3, -1, "usra", ShrImm<uint64_t, false, true, 0>, XShiftRight);
  b.Shift(0, 0x04, 3, -1, "srshr", ShrImm<int64_t, true, false, 0>, XShiftRight);
  b.Shift(1, 0x04, 3, -1, "urshr", ShrImm<uint64_t, true, false, 0>, XShiftRight);
  b.Shift(0, 0x06, 3, -1, "srsra", ShrImm<int64_t, true, true, 0>, XShiftRight);
  b.Shift(1, 0x06, 3, -1, "ursra", ShrImm<uint64_t, true, true, 0>, XShiftRight);
  b.Shift(1, 0x08, 3, -1, "sri", Insert<uint64_t, false, 0>, XShiftRight);
  b.Shift(0, 0x0a, 3, -1, "shl", ShlImm<uint64_t, 0>, XShiftLeft);
  b.Shift(1, 0x0a, 3, -1, "sli", Insert<uint64_t, true, 0>, XShiftLeft);
  const Handler qshl_scalar[3][4] = {
      {QShlImm<int8_t, uint8_t, 0>, QShlImm<int16_t, uint16_t, 0>, QShlImm<int32_t, uint32_t, 0>,
       QShlImm<int64_t, uint64_t, 0>},
      {QShlImm<int8_t, int8_t, 0>, QShlImm<int16_t, int16_t, 0>, QShlImm<int32_t, int32_t, 0>,
       QShlImm<int64_t, int64_t, 0>},
      {QShlImm<uint8_t, uint8_t, 0>, QShlImm<uint16_t, uint16_t, 0>, QShlImm<uint32_t, uint32_t, 0>,
       QShlImm<uint64_t, uint64_t, 0>}};
  for (int s = 0; s < 4; ++s) {
    b.Shift(1, 0x0c, s, -1, "sqshlu", qshl_scalar[0][s], XShiftLeft);
    b.Shift(0, 0x0e, s, -1, "sqshl", qshl_scalar[1][s], XShiftLeft);
    b.Shift(1, 0x0e, s, -1, "uqshl", qshl_scalar[2][s], XShiftLeft);
  }
  struct NarrowScalar {
    int u, opcode;
    const char* name;
    Column col;
  };
  const NarrowScalar narrow_scalar[] = {
      {1, 0x10, "sqshrun", ShrNarrowColumn<true, false, false>()},
      {1, 0x11, "sqrshrun", ShrNarrowColumn<true, false, true>()},
      {0, 0x12, "sqshrn", ShrNarrowColumn<true, true, false>()},
      {1, 0x12, "uqshrn", ShrNarrowColumn<false, false, false>()},
      {0, 0x13, "sqrshrn", ShrNarrowColumn<true, true, true>()},
      {1, 0x13, "uqrshrn", ShrNarrowColumn<false, false, true>()},
  };
  for (const NarrowScalar& r : narrow_scalar) {
    for (int s = 0; s < 3; ++s) b.Shift(r.u, r.opcode, s, -1, r.name, r.col[s], XShiftRight);
  }
  b.Shift(0, 0x1c, 2, -1, "scvtf", CvtFromFixed<int32_t, 0>, XShiftRight);
  b.Shift(0, 0x1c, 3, -1, "scvtf", CvtFromFixed<int64_t, 0>, XShiftRight);
  b.Shift(1, 0x1c, 2, -1, "ucvtf", CvtFromFixed<uint32_t, 0>, XShiftRight);
  b.Shift(1, 0x1c, 3, -1, "ucvtf", CvtFromFixed<uint64_t, 0>, XShiftRight);
  b.Shift(0, 0x1f, 2, -1, "fcvtzs", CvtToFixed<int32_t, 0>, XShiftRight);
  b.Shift(0, 0x1f, 3, -1, "fcvtzs", CvtToFixed<int64_t, 0>, XShiftRight);
  b.Shift(1, 0x1f, 2, -1, "fcvtzu", CvtToFixed<uint32_t, 0>, XShiftRight);
  b.Shift(1, 0x1f, 3, -1, "fcvtzu", CvtToFixed<uint64_t, 0>, XShiftRight);
}

}  // namespace vmd::hvsoft::simd_three
