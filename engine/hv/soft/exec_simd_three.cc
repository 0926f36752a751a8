// AdvSIMD three same and three different, vector and scalar forms (ARM ARM
// C4.1.x, ARMv8.0 without FP16, RDM or dot product): element-wise integer,
// saturating (FPSR.QC), polynomial, logical and FP arithmetic, pairwise ops
// and the long/wide/narrow forms. The decoder lines are generated per (U,
// opcode, size, Q) so that every handler is a template instance for one
// element type and one register width; reserved size/Q combinations get no
// line (UNDEFINED).
// The shift-by-immediate forms are in exec_simd_shift_imm.cc (shared helpers:
// exec_simd_three_util.h). SimdThreeTable() is scanned by decode.cc; tests in
// tests/engine/hv/soft/simd_three_{same,diff}_test.cc and simd_three_test.cc.
#include <array>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

#include "engine/hv/soft/exec_simd_three_util.h"

namespace vmd::hvsoft::simd_three {
namespace {

// Polynomial (carry-less) multiply of two 8-bit values: 16-bit product.
inline uint16_t PolyMul8(uint8_t a, uint8_t b) {
  uint16_t r = 0;
  for (int k = 0; k < 8; ++k) {
    if ((b >> k) & 1) r ^= static_cast<uint16_t>(a) << k;
  }
  return r;
}

// The register-shift rule of SSHL/USHL/SRSHL/.../UQRSHL: shift by the signed
// low byte of the other operand; negative shifts right (rounded when kRound),
// left shifts saturate when kSat.
template <typename T, bool kRound, bool kSat>
inline T ShiftByReg(T v, int shift, Ctx& x) {
  constexpr int kN = kBits<T>;
  if (shift >= 0) {
    if constexpr (!kSat) {
      return shift >= kN ? T{0} : static_cast<T>(static_cast<Mod<T>>(v) << shift);
    } else {
      if (v == 0) return 0;
      if (shift >= kN) {
        x.sat = true;
        if constexpr (std::is_signed_v<T>) {
          if (v < 0) return std::numeric_limits<T>::min();
        }
        return std::numeric_limits<T>::max();
      }
      return Sat<T>(static_cast<i128>(v) * (static_cast<i128>(1) << shift), x);
    }
  }
  int n = -shift;
  if (n > kN + 1) n = kN + 1;  // the result no longer changes beyond this
  i128 w = v;
  if (kRound) w += static_cast<i128>(1) << (n - 1);
  w >>= n;
  if constexpr (kSat) return Sat<T>(w, x);
  return static_cast<T>(w);
}

// ---- element ops ---------------------------------------------------------------
// Each op: static T Do(T n, T m, T d, Ctx&) on the (signed or unsigned) element
// type; kD says whether it reads the destination, kFp whether it uses FPCR.

#define VMD_INT_OP(Name, reads_d, expr)   \
  template <typename T>                   \
  struct Name {                           \
    static constexpr bool kD = reads_d;   \
    static constexpr bool kFp = false;    \
    static T Do(T n, T m, T d, Ctx& x) {  \
      (void)n, (void)m, (void)d, (void)x; \
      using M [[maybe_unused]] = Mod<T>;  \
      return static_cast<T>(expr);        \
    }                                     \
  };

VMD_INT_OP(OpAdd, false, M(n) + M(m))
VMD_INT_OP(OpSub, false, M(n) - M(m))
VMD_INT_OP(OpMul, false, M(n) * M(m))
VMD_INT_OP(OpMla, true, M(d) + M(n) * M(m))
VMD_INT_OP(OpMls, true, M(d) - M(n) * M(m))
VMD_INT_OP(OpPmul, false, PolyMul8(n, m))
VMD_INT_OP(OpHadd, false, (int64_t{n} + int64_t{m}) >> 1)
VMD_INT_OP(OpRhadd, false, (int64_t{n} + int64_t{m} + 1) >> 1)
VMD_INT_OP(OpHsub, false, (int64_t{n} - int64_t{m}) >> 1)
VMD_INT_OP(OpQadd, false, Sat<T>(i128{n} + i128{m}, x))
VMD_INT_OP(OpQsub, false, Sat<T>(i128{n} - i128{m}, x))
VMD_INT_OP(OpCmgt, false, n > m ? -1 : 0)
VMD_INT_OP(OpCmge, false, n >= m ? -1 : 0)
VMD_INT_OP(OpCmeq, false, n == m ? -1 : 0)
VMD_INT_OP(OpCmtst, false, (n & m) != 0 ? -1 : 0)
VMD_INT_OP(OpShl, false, (ShiftByReg<T, false, false>(n, static_cast<int8_t>(m), x)))
VMD_INT_OP(OpQshl, false, (ShiftByReg<T, false, true>(n, static_cast<int8_t>(m), x)))
VMD_INT_OP(OpRshl, false, (ShiftByReg<T, true, false>(n, static_cast<int8_t>(m), x)))
VMD_INT_OP(OpQrshl, false, (ShiftByReg<T, true, true>(n, static_cast<int8_t>(m), x)))
VMD_INT_OP(OpMax, false, n > m ? n : m)
VMD_INT_OP(OpMin, false, n < m ? n : m)
VMD_INT_OP(OpAbd, false, n > m ? i128{n} - i128{m} : i128{m} - i128{n})
VMD_INT_OP(OpAba, true, M(d) + M(n > m ? i128{n} - i128{m} : i128{m} - i128{n}))
VMD_INT_OP(OpQdmulh, false, Sat<T>((2 * i128{n} * i128{m}) >> kBits<T>, x))
VMD_INT_OP(OpQrdmulh, false,
           Sat<T>((2 * i128{n} * i128{m} + (i128{1} << (kBits<T> - 1))) >> kBits<T>, x))
// Bitwise ops run on 64-bit lanes whatever the arrangement.
VMD_INT_OP(OpAnd, false, n& m)
VMD_INT_OP(OpBic, false, n & ~m)
VMD_INT_OP(OpOrr, false, n | m)
VMD_INT_OP(OpOrn, false, n | ~m)
VMD_INT_OP(OpEor, false, n ^ m)
VMD_INT_OP(OpBsl, true, m ^ ((m ^ n) & d))
VMD_INT_OP(OpBit, true, d ^ ((d ^ n) & m))
VMD_INT_OP(OpBif, true, d ^ ((d ^ n) & ~m))
// Long forms (on the widened elements): SQDMULL/SQDMLAL/SQDMLSL, PMULL.
VMD_INT_OP(OpQdmull, false, Sat<T>(2 * i128{n} * i128{m}, x))
VMD_INT_OP(OpQdmlal, true, Sat<T>(i128{d} + i128{Sat<T>(2 * i128{n} * i128{m}, x)}, x))
VMD_INT_OP(OpQdmlsl, true, Sat<T>(i128{d} - i128{Sat<T>(2 * i128{n} * i128{m}, x)}, x))
VMD_INT_OP(OpPmull, false, PolyMul8(static_cast<uint8_t>(n), static_cast<uint8_t>(m)))
#undef VMD_INT_OP

#define VMD_FP_OP(Name, reads_d, expr)   \
  template <typename T>                  \
  struct Name {                          \
    static constexpr bool kD = reads_d;  \
    static constexpr bool kFp = true;    \
    static T Do(T n, T m, T d, Ctx& x) { \
      (void)d;                           \
      fp::Env& e = x.env;                \
      return static_cast<T>(expr);       \
    }                                    \
  };

VMD_FP_OP(OpFadd, false, fp::Add<T>(n, m, e))
VMD_FP_OP(OpFsub, false, fp::Sub<T>(n, m, e))
VMD_FP_OP(OpFmul, false, fp::Mul<T>(n, m, e))
VMD_FP_OP(OpFmulx, false, fp::MulX<T>(n, m, e))
VMD_FP_OP(OpFdiv, false, fp::Div<T>(n, m, e))
VMD_FP_OP(OpFmla, true, fp::MulAdd<T>(d, n, m, e))
VMD_FP_OP(OpFmls, true, fp::MulAdd<T>(d, fp::Neg<T>(n), m, e))
VMD_FP_OP(OpFmax, false, fp::Max<T>(n, m, e))
VMD_FP_OP(OpFmin, false, fp::Min<T>(n, m, e))
VMD_FP_OP(OpFmaxnm, false, fp::MaxNum<T>(n, m, e))
VMD_FP_OP(OpFminnm, false, fp::MinNum<T>(n, m, e))
VMD_FP_OP(OpFabd, false, fp::Abs<T>(fp::Sub<T>(n, m, e)))
VMD_FP_OP(OpFcmeq, false, fp::CompareEq<T>(n, m, e) ? ~T{0} : T{0})
VMD_FP_OP(OpFcmge, false, fp::CompareGe<T>(n, m, e) ? ~T{0} : T{0})
VMD_FP_OP(OpFcmgt, false, fp::CompareGt<T>(n, m, e) ? ~T{0} : T{0})
VMD_FP_OP(OpFacge, false, fp::CompareGe<T>(fp::Abs<T>(n), fp::Abs<T>(m), e) ? ~T{0} : T{0})
VMD_FP_OP(OpFacgt, false, fp::CompareGt<T>(fp::Abs<T>(n), fp::Abs<T>(m), e) ? ~T{0} : T{0})
VMD_FP_OP(OpFrecps, false, fp::RecipStepFused<T>(n, m, e))
VMD_FP_OP(OpFrsqrts, false, fp::RSqrtStepFused<T>(n, m, e))
#undef VMD_FP_OP

// ---- handlers -------------------------------------------------------------------

// Element-wise: Vd[e] = Op(Vn[e], Vm[e], Vd[e]).
template <template <typename> class Op, typename T, int kMode>
bool Same(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using O = Op<T>;
  Ctx x;
  Begin<O::kFp>(c, x);
  const Vec n = GetVec(c, i.rn), m = GetVec(c, i.rm);
  Vec d;
  if constexpr (O::kD) d = GetVec(c, i.rd);
  Vec r;
  for (int e = 0; e < kLanes<T, kMode>; ++e) {
    r.Set<T>(e, O::Do(n.Get<T>(e), m.Get<T>(e), d.Get<T>(e), x));
  }
  Store<T, kMode>(c, i.rd, r);
  Finish(c, x);
  return Next(c, i);
}

// Pairwise: the elements of Vm:Vn (Vn low) combined two by two.
template <template <typename> class Op, typename T, int kMode>
bool Pair(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using O = Op<T>;
  Ctx x;
  Begin<O::kFp>(c, x);
  const Vec n = GetVec(c, i.rn), m = GetVec(c, i.rm);
  constexpr int kHalf = kLanes<T, kMode> / 2;
  Vec r;
  for (int e = 0; e < kHalf; ++e) {
    r.Set<T>(e, O::Do(n.Get<T>(2 * e), n.Get<T>(2 * e + 1), T{}, x));
    r.Set<T>(kHalf + e, O::Do(m.Get<T>(2 * e), m.Get<T>(2 * e + 1), T{}, x));
  }
  Store<T, kMode>(c, i.rd, r);
  Finish(c, x);
  return Next(c, i);
}

// Long (kWide false) and wide (kWide true) three-different forms: the narrow
// elements of the lower (kPart 0) or upper (kPart 1) half of Vm (and Vn
// unless wide) widened to Tw = Wider<Tn>; the op runs on Tw. kScalar: one
// element (SQDMULL & co. scalar).
template <template <typename> class Op, typename Tn, bool kWide, int kPart, bool kScalar>
bool Long(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using Tw = Wider<Tn>;
  using O = Op<Tw>;
  Ctx x;
  const Vec n = GetVec(c, i.rn), m = GetVec(c, i.rm);
  Vec d;
  if constexpr (O::kD) d = GetVec(c, i.rd);
  constexpr int kCount = kScalar ? 1 : 8 / static_cast<int>(sizeof(Tn));
  constexpr int kOff = kPart * kCount;
  Vec r;
  for (int e = 0; e < kCount; ++e) {
    const Tw a = kWide ? n.Get<Tw>(e) : static_cast<Tw>(n.Get<Tn>(kOff + e));
    const Tw b = static_cast<Tw>(m.Get<Tn>(kOff + e));
    r.Set<Tw>(e, O::Do(a, b, d.Get<Tw>(e), x));
  }
  if constexpr (kScalar) {
    SetScalar<Uns<Tw>>(c, i.rd, r.Get<Uns<Tw>>(0));
  } else {
    SetVec128(c, i.rd, r);
  }
  Finish(c, x);
  return Next(c, i);
}

// ADDHN/RADDHN/SUBHN/RSUBHN: the high halves of the wide sums/differences.
template <typename Tn, bool kSub, bool kRound, int kPart>
bool HighNarrow(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  using Tw = Wider<Tn>;
  const Vec n = GetVec(c, i.rn), m = GetVec(c, i.rm);
  constexpr int kCount = 8 / static_cast<int>(sizeof(Tn));
  constexpr Tw kRoundConst = kRound ? Tw{1} << (kBits<Tn> - 1) : Tw{0};
  Vec r;
  for (int e = 0; e < kCount; ++e) {
    const Tw a = n.Get<Tw>(e), b = m.Get<Tw>(e);
    const Tw s = static_cast<Tw>((kSub ? a - b : a + b) + kRoundConst);
    r.Set<Tn>(e, static_cast<Tn>(s >> kBits<Tn>));
  }
  StorePart<kPart>(c, i.rd, r);
  return Next(c, i);
}

// ---- table ---------------------------------------------------------------------------

template <template <typename> class Op, bool kS, int kB>
constexpr std::array<Handler, 2> DQ() {
  return {Same<Op, Int<kS, kB>, 1>, Same<Op, Int<kS, kB>, 2>};
}
// Integer element-wise, 8..32-bit lanes; k64 adds 2D.
template <template <typename> class Op, bool kS, bool k64>
constexpr Grid IntGrid() {
  Grid g{DQ<Op, kS, 1>(), DQ<Op, kS, 2>(), DQ<Op, kS, 4>()};
  if constexpr (k64) g[3][1] = Same<Op, Int<kS, 8>, 2>;
  return g;
}
template <template <typename> class Op, bool kS, bool k64>
constexpr Grid PairGrid() {
  Grid g{std::array<Handler, 2>{Pair<Op, Int<kS, 1>, 1>, Pair<Op, Int<kS, 1>, 2>},
         std::array<Handler, 2>{Pair<Op, Int<kS, 2>, 1>, Pair<Op, Int<kS, 2>, 2>},
         std::array<Handler, 2>{Pair<Op, Int<kS, 4>, 1>, Pair<Op, Int<kS, 4>, 2>}};
  if constexpr (k64) g[3][1] = Pair<Op, Int<kS, 8>, 2>;
  return g;
}
// FP element-wise: sz picks single (2S/4S) or double (2D only); kA is the
// opcode bit in size<1>.
template <template <typename> class Op, int kA, bool kPair>
constexpr Grid FpGrid() {
  Grid g{};
  g[kA * 2] = {kPair ? Pair<Op, uint32_t, 1> : Same<Op, uint32_t, 1>,
               kPair ? Pair<Op, uint32_t, 2> : Same<Op, uint32_t, 2>};
  g[kA * 2 + 1] = {nullptr, kPair ? Pair<Op, uint64_t, 2> : Same<Op, uint64_t, 2>};
  return g;
}
template <template <typename> class Op>
constexpr Grid Bitwise(int size) {
  Grid g{};
  g[size] = {Same<Op, uint64_t, 1>, Same<Op, uint64_t, 2>};
  return g;
}
Grid Merge(std::initializer_list<Grid> gs) {
  Grid out{};
  for (const Grid& g : gs) {
    for (int s = 0; s < 4; ++s) {
      for (int q = 0; q < 2; ++q) {
        if (g[s][q] != nullptr) out[s][q] = g[s][q];
      }
    }
  }
  return out;
}
// Scalar integer: sizes b, h, s, d where the op has them.
template <template <typename> class Op, bool kS>
constexpr Column IntColumn(bool k8_32) {
  return {k8_32 ? Same<Op, Int<kS, 1>, 0> : nullptr, k8_32 ? Same<Op, Int<kS, 2>, 0> : nullptr,
          k8_32 ? Same<Op, Int<kS, 4>, 0> : nullptr, Same<Op, Int<kS, 8>, 0>};
}
template <template <typename> class Op, int kA>
constexpr Column FpColumn() {
  Column col{};
  col[kA * 2] = Same<Op, uint32_t, 0>;
  col[kA * 2 + 1] = Same<Op, uint64_t, 0>;
  return col;
}
template <template <typename> class Op, bool kS>
constexpr Column HsColumn() {
  return {nullptr, Same<Op, Int<kS, 2>, 0>, Same<Op, Int<kS, 4>, 0>, nullptr};
}

// Long/wide/narrow grids of three different: [size][Q = part].
template <template <typename> class Op, bool kS, bool kWide>
Grid LongGrid() {
  return {std::array<Handler, 2>{Long<Op, Int<kS, 1>, kWide, 0, false>,
                                 Long<Op, Int<kS, 1>, kWide, 1, false>},
          std::array<Handler, 2>{Long<Op, Int<kS, 2>, kWide, 0, false>,
                                 Long<Op, Int<kS, 2>, kWide, 1, false>},
          std::array<Handler, 2>{Long<Op, Int<kS, 4>, kWide, 0, false>,
                                 Long<Op, Int<kS, 4>, kWide, 1, false>},
          std::array<Handler, 2>{nullptr, nullptr}};
}
template <bool kSub, bool kRound>
Grid HighNarrowGrid() {
  return {std::array<Handler, 2>{HighNarrow<uint8_t, kSub, kRound, 0>,
                                 HighNarrow<uint8_t, kSub, kRound, 1>},
          std::array<Handler, 2>{HighNarrow<uint16_t, kSub, kRound, 0>,
                                 HighNarrow<uint16_t, kSub, kRound, 1>},
          std::array<Handler, 2>{HighNarrow<uint32_t, kSub, kRound, 0>,
                                 HighNarrow<uint32_t, kSub, kRound, 1>},
          std::array<Handler, 2>{nullptr, nullptr}};
}

std::vector<DecodeLine> BuildTable() {
  Builder b;
  // ---- three same (vector) ----
  struct IntRow {
    int opcode;
    const char* s_name;
    Grid s;
    const char* u_name;
    Grid u;
  };
  const IntRow int_rows[] = {
      {0x00, "shadd", IntGrid<OpHadd, true, false>(), "uhadd", IntGrid<OpHadd, false, false>()},
      {0x01, "sqadd", IntGrid<OpQadd, true, true>(), "uqadd", IntGrid<OpQadd, false, true>()},
      {0x02, "srhadd", IntGrid<OpRhadd, true, false>(), "urhadd", IntGrid<OpRhadd, false, false>()},
      {0x04, "shsub", IntGrid<OpHsub, true, false>(), "uhsub", IntGrid<OpHsub, false, false>()},
      {0x05, "sqsub", IntGrid<OpQsub, true, true>(), "uqsub", IntGrid<OpQsub, false, true>()},
      {0x06, "cmgt", IntGrid<OpCmgt, true, true>(), "cmhi", IntGrid<OpCmgt, false, true>()},
      {0x07, "cmge", IntGrid<OpCmge, true, true>(), "cmhs", IntGrid<OpCmge, false, true>()},
      {0x08, "sshl", IntGrid<OpShl, true, true>(), "ushl", IntGrid<OpShl, false, true>()},
      {0x09, "sqshl", IntGrid<OpQshl, true, true>(), "uqshl", IntGrid<OpQshl, false, true>()},
      {0x0a, "srshl", IntGrid<OpRshl, true, true>(), "urshl", IntGrid<OpRshl, false, true>()},
      {0x0b, "sqrshl", IntGrid<OpQrshl, true, true>(), "uqrshl", IntGrid<OpQrshl, false, true>()},
      {0x0c, "smax", IntGrid<OpMax, true, false>(), "umax", IntGrid<OpMax, false, false>()},
      {0x0d, "smin", IntGrid<OpMin, true, false>(), "umin", IntGrid<OpMin, false, false>()},
      {0x0e, "sabd", IntGrid<OpAbd, true, false>(), "uabd", IntGrid<OpAbd, false, false>()},
      {0x0f, "saba", IntGrid<OpAba, true, false>(), "uaba", IntGrid<OpAba, false, false>()},
      {0x10, "add", IntGrid<OpAdd, false, true>(), "sub", IntGrid<OpSub, false, true>()},
      {0x11, "cmtst", IntGrid<OpCmtst, false, true>(), "cmeq", IntGrid<OpCmeq, false, true>()},
      {0x12, "mla", IntGrid<OpMla, false, false>(), "mls", IntGrid<OpMls, false, false>()},
      {0x14, "smaxp", PairGrid<OpMax, true, false>(), "umaxp", PairGrid<OpMax, false, false>()},
      {0x15, "sminp", PairGrid<OpMin, true, false>(), "uminp", PairGrid<OpMin, false, false>()},
  };
  for (const IntRow& r : int_rows) {
    b.Vector(0, r.opcode, r.s_name, r.s);
    b.Vector(1, r.opcode, r.u_name, r.u);
  }
  b.Vector(0, 0x13, "mul", IntGrid<OpMul, false, false>());
  b.Vector(1, 0x13, "pmul", Grid{DQ<OpPmul, false, 1>()});
  Grid qdmulh{}, qrdmulh{};
  qdmulh[1] = DQ<OpQdmulh, true, 2>();
  qdmulh[2] = DQ<OpQdmulh, true, 4>();
  qrdmulh[1] = DQ<OpQrdmulh, true, 2>();
  qrdmulh[2] = DQ<OpQrdmulh, true, 4>();
  b.Vector(0, 0x16, "sqdmulh", qdmulh);
  b.Vector(1, 0x16, "sqrdmulh", qrdmulh);
  b.Vector(0, 0x17, "addp", PairGrid<OpAdd, false, true>());
  b.Vector(0, 0x03, "and/bic/orr/orn",
           Merge({Bitwise<OpAnd>(0), Bitwise<OpBic>(1), Bitwise<OpOrr>(2), Bitwise<OpOrn>(3)}));
  b.Vector(1, 0x03, "eor/bsl/bit/bif",
           Merge({Bitwise<OpEor>(0), Bitwise<OpBsl>(1), Bitwise<OpBit>(2), Bitwise<OpBif>(3)}));
  // FP (opcode 11xxx; size<1> is part of the opcode).
  b.Vector(0, 0x18, "fmaxnm/fminnm",
           Merge({FpGrid<OpFmaxnm, 0, false>(), FpGrid<OpFminnm, 1, false>()}));
  b.Vector(0, 0x19, "fmla/fmls", Merge({FpGrid<OpFmla, 0, false>(), FpGrid<OpFmls, 1, false>()}));
  b.Vector(0, 0x1a, "fadd/fsub", Merge({FpGrid<OpFadd, 0, false>(), FpGrid<OpFsub, 1, false>()}));
  b.Vector(0, 0x1b, "fmulx", FpGrid<OpFmulx, 0, false>());
  b.Vector(0, 0x1c, "fcmeq", FpGrid<OpFcmeq, 0, false>());
  b.Vector(0, 0x1e, "fmax/fmin", Merge({FpGrid<OpFmax, 0, false>(), FpGrid<OpFmin, 1, false>()}));
  b.Vector(0, 0x1f, "frecps/frsqrts",
           Merge({FpGrid<OpFrecps, 0, false>(), FpGrid<OpFrsqrts, 1, false>()}));
  b.Vector(1, 0x18, "fmaxnmp/fminnmp",
           Merge({FpGrid<OpFmaxnm, 0, true>(), FpGrid<OpFminnm, 1, true>()}));
  b.Vector(1, 0x1a, "faddp/fabd", Merge({FpGrid<OpFadd, 0, true>(), FpGrid<OpFabd, 1, false>()}));
  b.Vector(1, 0x1b, "fmul", FpGrid<OpFmul, 0, false>());
  b.Vector(1, 0x1c, "fcmge/fcmgt",
           Merge({FpGrid<OpFcmge, 0, false>(), FpGrid<OpFcmgt, 1, false>()}));
  b.Vector(1, 0x1d, "facge/facgt",
           Merge({FpGrid<OpFacge, 0, false>(), FpGrid<OpFacgt, 1, false>()}));
  b.Vector(1, 0x1e, "fmaxp/fminp", Merge({FpGrid<OpFmax, 0, true>(), FpGrid<OpFmin, 1, true>()}));
  b.Vector(1, 0x1f, "fdiv", FpGrid<OpFdiv, 0, false>());

  // ---- scalar three same ----
  b.Scalar(0, 0x01, "sqadd", IntColumn<OpQadd, true>(true));
  b.Scalar(1, 0x01, "uqadd", IntColumn<OpQadd, false>(true));
  b.Scalar(0, 0x05, "sqsub", IntColumn<OpQsub, true>(true));
  b.Scalar(1, 0x05, "uqsub", IntColumn<OpQsub, false>(true));
  b.Scalar(0, 0x06, "cmgt", IntColumn<OpCmgt, true>(false));
  b.Scalar(1, 0x06, "cmhi", IntColumn<OpCmgt, false>(false));
  b.Scalar(0, 0x07, "cmge", IntColumn<OpCmge, true>(false));
  b.Scalar(1, 0x07, "cmhs", IntColumn<OpCmge, false>(false));
  b.Scalar(0, 0x08, "sshl", IntColumn<OpShl, true>(false));
  b.Scalar(1, 0x08, "ushl", IntColumn<OpShl, false>(false));
  b.Scalar(0, 0x09, "sqshl", IntColumn<OpQshl, true>(true));
  b.Scalar(1, 0x09, "uqshl", IntColumn<OpQshl, false>(true));
  b.Scalar(0, 0x0a, "srshl", IntColumn<OpRshl, true>(false));
  b.Scalar(1, 0x0a, "urshl", IntColumn<OpRshl, false>(false));
  b.Scalar(0, 0x0b, "sqrshl", IntColumn<OpQrshl, true>(true));
  b.Scalar(1, 0x0b, "uqrshl", IntColumn<OpQrshl, false>(true));
  b.Scalar(0, 0x10, "add", IntColumn<OpAdd, false>(false));
  b.Scalar(1, 0x10, "sub", IntColumn<OpSub, false>(false));
  b.Scalar(0, 0x11, "cmtst", IntColumn<OpCmtst, false>(false));
  b.Scalar(1, 0x11, "cmeq", IntColumn<OpCmeq, false>(false));
  b.Scalar(0, 0x16, "sqdmulh", HsColumn<OpQdmulh, true>());
  b.Scalar(1, 0x16, "sqrdmulh", HsColumn<OpQrdmulh, true>());
  b.Scalar(0, 0x1b, "fmulx", FpColumn<OpFmulx, 0>());
  b.Scalar(0, 0x1c, "fcmeq", FpColumn<OpFcmeq, 0>());
  b.Scalar(0, 0x1f, "frecps", FpColumn<OpFrecps, 0>());
  b.Scalar(0, 0x1f, "frsqrts", FpColumn<OpFrsqrts, 1>());
  b.Scalar(1, 0x1a, "fabd", FpColumn<OpFabd, 1>());
  b.Scalar(1, 0x1c, "fcmge", FpColumn<OpFcmge, 0>());
  b.Scalar(1, 0x1c, "fcmgt", FpColumn<OpFcmgt, 1>());
  b.Scalar(1, 0x1d, "facge", FpColumn<OpFacge, 0>());
  b.Scalar(1, 0x1d, "facgt", FpColumn<OpFacgt, 1>());

  // ---- three different ----
  auto diff = [&b](int u, int opcode, const char* name, const Grid& g) {
    for (int s = 0; s < 4; ++s) {
      for (int q = 0; q < 2; ++q) {
        if (g[s][q] != nullptr) b.Different(u, opcode, s, q, name, g[s][q]);
      }
    }
  };
  diff(0, 0x0, "saddl", LongGrid<OpAdd, true, false>());
  diff(1, 0x0, "uaddl", LongGrid<OpAdd, false, false>());
  diff(0, 0x1, "saddw", LongGrid<OpAdd, true, true>());
  diff(1, 0x1, "uaddw", LongGrid<OpAdd, false, true>());
  diff(0, 0x2, "ssubl", LongGrid<OpSub, true, false>());
  diff(1, 0x2, "usubl", LongGrid<OpSub, false, false>());
  diff(0, 0x3, "ssubw", LongGrid<OpSub, true, true>());
  diff(1, 0x3, "usubw", LongGrid<OpSub, false, true>());
  diff(0, 0x4, "addhn", HighNarrowGrid<false, false>());
  diff(1, 0x4, "raddhn", HighNarrowGrid<false, true>());
  diff(0, 0x5, "sabal", LongGrid<OpAba, true, false>());
  diff(1, 0x5, "uabal", LongGrid<OpAba, false, false>());
  diff(0, 0x6, "subhn", HighNarrowGrid<true, false>());
  diff(1, 0x6, "rsubhn", HighNarrowGrid<true, true>());
  diff(0, 0x7, "sabdl", LongGrid<OpAbd, true, false>());
  diff(1, 0x7, "uabdl", LongGrid<OpAbd, false, false>());
  diff(0, 0x8, "smlal", LongGrid<OpMla, true, false>());
  diff(1, 0x8, "umlal", LongGrid<OpMla, false, false>());
  diff(0, 0xa, "smlsl", LongGrid<OpMls, true, false>());
  diff(1, 0xa, "umlsl", LongGrid<OpMls, false, false>());
  diff(0, 0xc, "smull", LongGrid<OpMul, true, false>());
  diff(1, 0xc, "umull", LongGrid<OpMul, false, false>());
  const char* qd_names[] = {"sqdmlal", "sqdmlsl", "sqdmull"};
  const int qd_opcodes[] = {0x9, 0xb, 0xd};
  const Grid qd_grids[] = {LongGrid<OpQdmlal, true, false>(), LongGrid<OpQdmlsl, true, false>(),
                           LongGrid<OpQdmull, true, false>()};
  const Handler qd_scalar[3][2] = {
      {Long<OpQdmlal, int16_t, false, 0, true>, Long<OpQdmlal, int32_t, false, 0, true>},
      {Long<OpQdmlsl, int16_t, false, 0, true>, Long<OpQdmlsl, int32_t, false, 0, true>},
      {Long<OpQdmull, int16_t, false, 0, true>, Long<OpQdmull, int32_t, false, 0, true>}};
  for (int k = 0; k < 3; ++k) {
    for (int s = 1; s <= 2; ++s) {
      for (int q = 0; q < 2; ++q)
        b.Different(0, qd_opcodes[k], s, q, qd_names[k], qd_grids[k][s][q]);
      b.Different(0, qd_opcodes[k], s, -1, qd_names[k], qd_scalar[k][s - 1]);
    }
  }
  b.Different(0, 0xe, 0, 0, "pmull", Long<OpPmull, uint8_t, false, 0, false>);
  b.Different(0, 0xe, 0, 1, "pmull2", Long<OpPmull, uint8_t, false, 1, false>);

  AddShiftImmLines(b);
  return std::move(b.lines);
}

}  // namespace
}  // namespace vmd::hvsoft::simd_three

namespace vmd::hvsoft {

std::span<const DecodeLine> SimdThreeTable() {
  static const std::vector<DecodeLine> table = simd_three::BuildTable();
  return table;
}

}  // namespace vmd::hvsoft
