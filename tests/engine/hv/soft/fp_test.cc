// Tests of the ARM-exact FP core (engine/hv/soft/fp.h): the corner cases the
// ARM ARM pseudocode spells out (expected values derived from it by hand),
// reference vectors recorded from qemu-aarch64 (fp_ref/, regenerate with
// fp_ref/regen.sh), and a randomized comparison with the host FPU where IEEE
// 754 fixes the result.
#include "engine/hv/soft/fp.h"

#include <gtest/gtest.h>

#include <bit>
#include <cfenv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <vector>

extern "C" {
#include "tests/engine/hv/soft/fp_ref/fp_ref_ops.h"
}

namespace vmd::hvsoft::fp {
namespace {

#ifndef FP_REF_VECTORS_INC
#define FP_REF_VECTORS_INC "tests/engine/hv/soft/fp_ref/fp_ref_vectors.inc"
#endif

const FpRefVector kVectors[] = {
#include FP_REF_VECTORS_INC
};

const char* const kOpNames[] = {
#define FP_REF_NAME(name) #name,
    FP_REF_OPS(FP_REF_NAME)
#undef FP_REF_NAME
};

// Runs one reference vector on fp.h; the result as the instruction leaves it
// in d0 / x0 / NZCV.
uint64_t Replay(const FpRefVector& v, Env& env) {
  const Round rm = env.FpcrRounding();
  const uint64_t a = v.a, b = v.b, c = v.c;
  const uint32_t a32 = static_cast<uint32_t>(a), b32 = static_cast<uint32_t>(b),
                 c32 = static_cast<uint32_t>(c);
  const uint16_t a16 = static_cast<uint16_t>(a), b16 = static_cast<uint16_t>(b),
                 c16 = static_cast<uint16_t>(c);
  constexpr uint64_t kW = 0xffffffffull;
  switch (v.op) {
    case kFpRef_FADD_D:
      return Add<uint64_t>(a, b, env);
    case kFpRef_FADD_S:
      return Add<uint32_t>(a32, b32, env);
    case kFpRef_FSUB_D:
      return Sub<uint64_t>(a, b, env);
    case kFpRef_FSUB_S:
      return Sub<uint32_t>(a32, b32, env);
    case kFpRef_FMUL_D:
      return Mul<uint64_t>(a, b, env);
    case kFpRef_FMUL_S:
      return Mul<uint32_t>(a32, b32, env);
    case kFpRef_FMULX_D:
      return MulX<uint64_t>(a, b, env);
    case kFpRef_FMULX_S:
      return MulX<uint32_t>(a32, b32, env);
    case kFpRef_FDIV_D:
      return Div<uint64_t>(a, b, env);
    case kFpRef_FDIV_S:
      return Div<uint32_t>(a32, b32, env);
    case kFpRef_FSQRT_D:
      return Sqrt<uint64_t>(a, env);
    case kFpRef_FSQRT_S:
      return Sqrt<uint32_t>(a32, env);
    case kFpRef_FMADD_D:
      return MulAdd<uint64_t>(c, a, b, env);
    case kFpRef_FMADD_S:
      return MulAdd<uint32_t>(c32, a32, b32, env);
    case kFpRef_FNMSUB_D:
      return MulAdd<uint64_t>(Neg(c), a, b, env);
    case kFpRef_FMAX_D:
      return Max<uint64_t>(a, b, env);
    case kFpRef_FMAX_S:
      return Max<uint32_t>(a32, b32, env);
    case kFpRef_FMIN_D:
      return Min<uint64_t>(a, b, env);
    case kFpRef_FMIN_S:
      return Min<uint32_t>(a32, b32, env);
    case kFpRef_FMAXNM_D:
      return MaxNum<uint64_t>(a, b, env);
    case kFpRef_FMAXNM_S:
      return MaxNum<uint32_t>(a32, b32, env);
    case kFpRef_FMINNM_D:
      return MinNum<uint64_t>(a, b, env);
    case kFpRef_FMINNM_S:
      return MinNum<uint32_t>(a32, b32, env);
    case kFpRef_FCMP_D:
      return Compare<uint64_t>(a, b, false, env) >> 28;
    case kFpRef_FCMP_S:
      return Compare<uint32_t>(a32, b32, false, env) >> 28;
    case kFpRef_FCMPE_D:
      return Compare<uint64_t>(a, b, true, env) >> 28;
    case kFpRef_FCMPE_S:
      return Compare<uint32_t>(a32, b32, true, env) >> 28;
    case kFpRef_FCMEQ_D:
      return CompareEq<uint64_t>(a, b, env) ? ~0ull : 0;
    case kFpRef_FCMGE_D:
      return CompareGe<uint64_t>(a, b, env) ? ~0ull : 0;
    case kFpRef_FCMGT_S:
      return CompareGt<uint32_t>(a32, b32, env) ? kW : 0;
    case kFpRef_FRINTN_D:
      return RoundInt<uint64_t>(a, Round::kNearestEven, false, env);
    case kFpRef_FRINTP_D:
      return RoundInt<uint64_t>(a, Round::kPlusInf, false, env);
    case kFpRef_FRINTM_S:
      return RoundInt<uint32_t>(a32, Round::kMinusInf, false, env);
    case kFpRef_FRINTZ_S:
      return RoundInt<uint32_t>(a32, Round::kZero, false, env);
    case kFpRef_FRINTA_D:
      return RoundInt<uint64_t>(a, Round::kNearestAway, false, env);
    case kFpRef_FRINTX_D:
      return RoundInt<uint64_t>(a, rm, true, env);
    case kFpRef_FRINTX_S:
      return RoundInt<uint32_t>(a32, rm, true, env);
    case kFpRef_FRINTI_S:
      return RoundInt<uint32_t>(a32, rm, false, env);
    case kFpRef_FCVTZS_XD:
      return ToFixed<uint64_t>(a, 0, false, 64, Round::kZero, env);
    case kFpRef_FCVTZS_WD:
      return ToFixed<uint64_t>(a, 0, false, 32, Round::kZero, env) & kW;
    case kFpRef_FCVTZU_XD:
      return ToFixed<uint64_t>(a, 0, true, 64, Round::kZero, env);
    case kFpRef_FCVTZU_WS:
      return ToFixed<uint32_t>(a32, 0, true, 32, Round::kZero, env) & kW;
    case kFpRef_FCVTZS_WS:
      return ToFixed<uint32_t>(a32, 0, false, 32, Round::kZero, env) & kW;
    case kFpRef_FCVTZS_XS_FB40:
      return ToFixed<uint32_t>(a32, 40, false, 64, Round::kZero, env);
    case kFpRef_FCVTZU_WD_FB7:
      return ToFixed<uint64_t>(a, 7, true, 32, Round::kZero, env) & kW;
    case kFpRef_FCVTNS_XD:
      return ToFixed<uint64_t>(a, 0, false, 64, Round::kNearestEven, env);
    case kFpRef_FCVTAS_WD:
      return ToFixed<uint64_t>(a, 0, false, 32, Round::kNearestAway, env) & kW;
    case kFpRef_FCVTMS_XS:
      return ToFixed<uint32_t>(a32, 0, false, 64, Round::kMinusInf, env);
    case kFpRef_FCVTPU_XD:
      return ToFixed<uint64_t>(a, 0, true, 64, Round::kPlusInf, env);
    case kFpRef_FCVTAU_WS:
      return ToFixed<uint32_t>(a32, 0, true, 32, Round::kNearestAway, env) & kW;
    case kFpRef_FCVTNU_WD:
      return ToFixed<uint64_t>(a, 0, true, 32, Round::kNearestEven, env) & kW;
    case kFpRef_SCVTF_DX:
      return FromFixed<uint64_t>(a, 0, false, 64, rm, env);
    case kFpRef_SCVTF_SW:
      return FromFixed<uint32_t>(a, 0, false, 32, rm, env);
    case kFpRef_UCVTF_DX:
      return FromFixed<uint64_t>(a, 0, true, 64, rm, env);
    case kFpRef_UCVTF_SX:
      return FromFixed<uint32_t>(a, 0, true, 64, rm, env);
    case kFpRef_UCVTF_SW:
      return FromFixed<uint32_t>(a, 0, true, 32, rm, env);
    case kFpRef_SCVTF_SX_FB20:
      return FromFixed<uint32_t>(a, 20, false, 64, rm, env);
    case kFpRef_UCVTF_DW_FB31:
      return FromFixed<uint64_t>(a, 31, true, 32, rm, env);
    case kFpRef_SCVTF_DX_FB64:
      return FromFixed<uint64_t>(a, 64, false, 64, rm, env);
    case kFpRef_FCVT_SD:
      return Convert(a, 64, 32, rm, env);
    case kFpRef_FCVT_DS:
      return Convert(a & kW, 32, 64, rm, env);
    case kFpRef_FCVT_HD:
      return Convert(a, 64, 16, rm, env);
    case kFpRef_FCVT_DH:
      return Convert(a & 0xffff, 16, 64, rm, env);
    case kFpRef_FCVT_HS:
      return Convert(a & kW, 32, 16, rm, env);
    case kFpRef_FCVT_SH:
      return Convert(a & 0xffff, 16, 32, rm, env);
    case kFpRef_FCVTXN_SD:
      return Convert(a, 64, 32, Round::kOdd, env);
    case kFpRef_FRECPE_D:
      return RecipEstimate<uint64_t>(a, env);
    case kFpRef_FRECPE_S:
      return RecipEstimate<uint32_t>(a32, env);
    case kFpRef_FRSQRTE_D:
      return RSqrtEstimate<uint64_t>(a, env);
    case kFpRef_FRSQRTE_S:
      return RSqrtEstimate<uint32_t>(a32, env);
    case kFpRef_FRECPS_D:
      return RecipStepFused<uint64_t>(a, b, env);
    case kFpRef_FRECPS_S:
      return RecipStepFused<uint32_t>(a32, b32, env);
    case kFpRef_FRSQRTS_D:
      return RSqrtStepFused<uint64_t>(a, b, env);
    case kFpRef_FRSQRTS_S:
      return RSqrtStepFused<uint32_t>(a32, b32, env);
    case kFpRef_FRECPX_D:
      return Recpx<uint64_t>(a, env);
    case kFpRef_FRECPX_S:
      return Recpx<uint32_t>(a32, env);
    case kFpRef_URECPE:  // both lanes of the .2s form; lane 1's input is 0
      return UnsignedRecipEstimate(a32) | uint64_t{UnsignedRecipEstimate(a >> 32)} << 32;
    case kFpRef_URSQRTE:
      return UnsignedRSqrtEstimate(a32) | uint64_t{UnsignedRSqrtEstimate(a >> 32)} << 32;
    case kFpRef_FADD_H:
      return Add<uint16_t>(a16, b16, env);
    case kFpRef_FMUL_H:
      return Mul<uint16_t>(a16, b16, env);
    case kFpRef_FDIV_H:
      return Div<uint16_t>(a16, b16, env);
    case kFpRef_FSQRT_H:
      return Sqrt<uint16_t>(a16, env);
    case kFpRef_FMADD_H:
      return MulAdd<uint16_t>(c16, a16, b16, env);
    case kFpRef_FMAXNM_H:
      return MaxNum<uint16_t>(a16, b16, env);
    case kFpRef_FRECPE_H:
      return RecipEstimate<uint16_t>(a16, env);
    case kFpRef_FRSQRTE_H:
      return RSqrtEstimate<uint16_t>(a16, env);
    case kFpRef_FRECPS_H:
      return RecipStepFused<uint16_t>(a16, b16, env);
    case kFpRef_FRINTA_H:
      return RoundInt<uint16_t>(a16, Round::kNearestAway, false, env);
    case kFpRef_FCVTZS_WH:
      return ToFixed<uint16_t>(a16, 0, false, 32, Round::kZero, env) & kW;
    case kFpRef_SCVTF_HW:
      return FromFixed<uint16_t>(a, 0, false, 32, rm, env);
  }
  ADD_FAILURE() << "unknown op " << v.op;
  return 0;
}

// Replays vectors; false (and up to 40 failures reported) on mismatches.
int ReplayAll(const FpRefVector* v, size_t n, int* per_op) {
  int failures = 0;
  for (size_t k = 0; k < n; ++k) {
    ++per_op[v[k].op];
    Env env;
    env.fpcr = v[k].fpcr;
    const uint64_t r = Replay(v[k], env);
    if (r != v[k].result || env.flags != v[k].fpsr) {
      if (++failures <= 40) {
        ADD_FAILURE() << kOpNames[v[k].op] << " fpcr=" << std::hex << v[k].fpcr << " a=" << v[k].a
                      << " b=" << v[k].b << " c=" << v[k].c << ": want " << v[k].result << " fpsr "
                      << v[k].fpsr << ", got " << r << " fpsr " << env.flags;
      }
    }
  }
  return failures;
}

TEST(FpReference, EveryVectorMatchesQemu) {
  int per_op[kFpRefOpCount] = {};
  EXPECT_EQ(ReplayAll(kVectors, std::size(kVectors), per_op), 0);
  for (int op = 0; op < kFpRefOpCount; ++op) EXPECT_GT(per_op[op], 0) << kOpNames[op];
}

// FP_REF_EXTRA=file replays a larger set in the same format (regen.sh with a
// bigger COUNT, output elsewhere); skipped without it.
TEST(FpReference, ExtraVectorsFromFile) {
  const char* path = std::getenv("FP_REF_EXTRA");
  if (path == nullptr) GTEST_SKIP() << "FP_REF_EXTRA not set";
  FILE* f = std::fopen(path, "r");
  ASSERT_NE(f, nullptr) << path;
  std::vector<FpRefVector> vectors;
  char line[512];
  while (std::fgets(line, sizeof(line), f) != nullptr) {
    char name[64];
    FpRefVector v{};
    if (std::sscanf(line, "{kFpRef_%63[^,], %x, %llx, %llx, %llx, %llx, %x}", name, &v.fpcr, &v.a,
                    &v.b, &v.c, &v.result, &v.fpsr) != 7) {
      continue;
    }
    v.op = -1;
    for (int op = 0; op < kFpRefOpCount; ++op) {
      if (std::strcmp(kOpNames[op], name) == 0) v.op = op;
    }
    ASSERT_GE(v.op, 0) << name;
    vectors.push_back(v);
  }
  std::fclose(f);
  int per_op[kFpRefOpCount] = {};
  EXPECT_EQ(ReplayAll(vectors.data(), vectors.size(), per_op), 0) << vectors.size() << " vectors";
}

// ---- corner cases of the ARM ARM pseudocode, expected values by hand --------

uint64_t D(double x) { return std::bit_cast<uint64_t>(x); }
uint32_t S(float x) { return std::bit_cast<uint32_t>(x); }

constexpr uint32_t kRp = 1u << kFpcrRModeShift;  // FPCR.RMode encodings
constexpr uint32_t kRm = 2u << kFpcrRModeShift;
constexpr uint32_t kRz = 3u << kFpcrRModeShift;

constexpr uint64_t kDefaultNaND = 0x7ff8000000000000;
constexpr uint32_t kDefaultNaNS = 0x7fc00000;
constexpr uint64_t kQNaN1 = 0x7ff8000000000111;  // quiet, payload 0x111
constexpr uint64_t kQNaN2 = 0x7ff8000000000222;
constexpr uint64_t kSNaN3 = 0x7ff0000000000333;  // signaling, payload 0x333
constexpr uint64_t kSNaN3Quiet = 0x7ff8000000000333;
constexpr uint64_t kInfD = 0x7ff0000000000000;
constexpr uint64_t kMinDenormD = 1;
constexpr uint64_t kMinNormalD = 0x0010000000000000;

// Runs f with FPCR = fpcr and checks the result and the flags it raised.
template <typename T, typename F>
void Expect(uint32_t fpcr, F f, T want, uint32_t want_flags) {
  Env env;
  env.fpcr = fpcr;
  const T got = f(env);
  EXPECT_EQ(got, want) << std::hex << "got 0x" << uint64_t{got} << " want 0x" << uint64_t{want};
  EXPECT_EQ(env.flags, want_flags) << std::hex << "flags 0x" << env.flags;
}

TEST(FpMaxMin, ZerosOfBothSigns) {
  Expect<uint64_t>(
      0, [](Env& e) { return Max<uint64_t>(D(0.0), D(-0.0), e); }, D(0.0), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Max<uint64_t>(D(-0.0), D(0.0), e); }, D(0.0), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Min<uint64_t>(D(0.0), D(-0.0), e); }, D(-0.0), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Min<uint64_t>(D(-0.0), D(0.0), e); }, D(-0.0), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return MaxNum<uint64_t>(D(-0.0), D(0.0), e); }, D(0.0), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return MinNum<uint64_t>(D(0.0), D(-0.0), e); }, D(-0.0), 0);
  // FZ: a denormal is a zero of its sign (IDC), the zero rule then applies.
  Expect<uint64_t>(
      kFpcrFz, [](Env& e) { return Max<uint64_t>(0x8000000000000001, D(-0.0), e); }, D(-0.0), kIdc);
  Expect<uint64_t>(
      kFpcrFz, [](Env& e) { return Min<uint64_t>(kMinDenormD, D(-1.0), e); }, D(-1.0), kIdc);
}

TEST(FpMaxMin, NaNsPropagateSignalingFirst) {
  Expect<uint64_t>(
      0, [](Env& e) { return Max<uint64_t>(kQNaN1, D(1.0), e); }, kQNaN1, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Min<uint64_t>(D(1.0), kQNaN2, e); }, kQNaN2, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Max<uint64_t>(D(1.0), kSNaN3, e); }, kSNaN3Quiet, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return Min<uint64_t>(kQNaN1, kSNaN3, e); }, kSNaN3Quiet, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return Max<uint64_t>(kQNaN1, kQNaN2, e); }, kQNaN1, 0);
}

TEST(FpMaxMin, NumVariantsDropOneQuietNaN) {
  Expect<uint64_t>(
      0, [](Env& e) { return MaxNum<uint64_t>(kQNaN1, D(1.0), e); }, D(1.0), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return MaxNum<uint64_t>(D(-3.0), kQNaN1, e); }, D(-3.0), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return MinNum<uint64_t>(kQNaN1, D(1.0), e); }, D(1.0), 0);
  // The NaN becomes the infinity that loses, so an infinity operand still wins.
  Expect<uint64_t>(
      0, [](Env& e) { return MaxNum<uint64_t>(kQNaN1, kInfD | (1ull << 63), e); },
      kInfD | (1ull << 63), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return MinNum<uint64_t>(kInfD, kQNaN2, e); }, kInfD, 0);
  // Two quiet NaNs, or any signaling NaN: as FMAX.
  Expect<uint64_t>(
      0, [](Env& e) { return MaxNum<uint64_t>(kQNaN1, kQNaN2, e); }, kQNaN1, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return MaxNum<uint64_t>(kSNaN3, D(1.0), e); }, kSNaN3Quiet, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return MinNum<uint64_t>(kQNaN1, kSNaN3, e); }, kSNaN3Quiet, kIoc);
  Expect<uint64_t>(
      kFpcrDn, [](Env& e) { return MinNum<uint64_t>(kQNaN1, kSNaN3, e); }, kDefaultNaND, kIoc);
  Expect<uint32_t>(
      0, [](Env& e) { return MaxNum<uint32_t>(0x7fc00001, S(2.0f), e); }, S(2.0f), 0);
}

TEST(FpNaN, DefaultNaNUnderDn) {
  Expect<uint64_t>(
      kFpcrDn, [](Env& e) { return Add<uint64_t>(kQNaN1, D(1.0), e); }, kDefaultNaND, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Add<uint64_t>(kQNaN1, D(1.0), e); }, kQNaN1, 0);
  Expect<uint64_t>(
      kFpcrDn, [](Env& e) { return Mul<uint64_t>(D(2.0), kSNaN3, e); }, kDefaultNaND, kIoc);
  Expect<uint32_t>(
      kFpcrDn, [](Env& e) { return Div<uint32_t>(0xffc00123, S(1.0f), e); }, kDefaultNaNS, 0);
  Expect<uint64_t>(
      kFpcrDn, [](Env& e) { return Sqrt<uint64_t>(kQNaN2, e); }, kDefaultNaND, 0);
  // Invalid operations give the default NaN with or without DN.
  Expect<uint64_t>(
      0, [](Env& e) { return Sub<uint64_t>(kInfD, kInfD, e); }, kDefaultNaND, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return Mul<uint64_t>(D(0.0), kInfD, e); }, kDefaultNaND, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return Div<uint64_t>(D(-0.0), D(0.0), e); }, kDefaultNaND, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return Sqrt<uint64_t>(D(-1.0), e); }, kDefaultNaND, kIoc);
  Expect<uint32_t>(
      0, [](Env& e) { return Sqrt<uint32_t>(S(-0.0f), e); }, S(-0.0f), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Div<uint64_t>(D(-1.0), D(0.0), e); }, kInfD | (1ull << 63), kDzc);
  Expect<uint64_t>(
      0, [](Env& e) { return Div<uint64_t>(kInfD, D(0.0), e); }, kInfD, 0);
}

TEST(FpNaN, PropagationOrder) {
  Expect<uint64_t>(
      0, [](Env& e) { return Add<uint64_t>(kQNaN1, kSNaN3, e); }, kSNaN3Quiet, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return Add<uint64_t>(kQNaN1, kQNaN2, e); }, kQNaN1, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Add<uint64_t>(D(1.0), kQNaN2, e); }, kQNaN2, 0);
  // FSUB does not negate a NaN operand; the sign of a NaN is kept.
  Expect<uint64_t>(
      0, [](Env& e) { return Sub<uint64_t>(D(1.0), kQNaN2, e); }, kQNaN2, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Mul<uint64_t>(kQNaN1 | (1ull << 63), D(1.0), e); },
      kQNaN1 | (1ull << 63), 0);
}

TEST(FpMulAdd, NaNOrderIsAddendFirst) {
  Expect<uint64_t>(
      0, [](Env& e) { return MulAdd<uint64_t>(kQNaN1, kQNaN2, D(1.0), e); }, kQNaN1, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return MulAdd<uint64_t>(kQNaN1, D(1.0), kSNaN3, e); }, kSNaN3Quiet, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return MulAdd<uint64_t>(D(1.0), kQNaN2, kQNaN1, e); }, kQNaN2, 0);
}

TEST(FpMulAdd, InfTimesZeroPlusQuietNaNIsInvalid) {
  Expect<uint64_t>(
      0, [](Env& e) { return MulAdd<uint64_t>(kQNaN1, kInfD, D(0.0), e); }, kDefaultNaND, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return MulAdd<uint64_t>(kQNaN1, D(-0.0), kInfD, e); }, kDefaultNaND, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return MulAdd<uint64_t>(D(1.0), kInfD, D(0.0), e); }, kDefaultNaND, kIoc);
  // inf + (-inf): invalid; inf + finite product: the infinity.
  Expect<uint64_t>(
      0, [](Env& e) { return MulAdd<uint64_t>(kInfD, kInfD, D(-1.0), e); }, kDefaultNaND, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return MulAdd<uint64_t>(kInfD, D(2.0), D(-1.0), e); }, kInfD, 0);
}

TEST(FpMulAdd, ZeroSigns) {
  // Same-signed zeros keep their sign; an exact zero of opposite signs is
  // +0, or -0 when rounding towards minus infinity.
  Expect<uint64_t>(
      0, [](Env& e) { return MulAdd<uint64_t>(D(-0.0), D(0.0), D(-5.0), e); }, D(-0.0), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return MulAdd<uint64_t>(D(0.0), D(0.0), D(-5.0), e); }, D(0.0), 0);
  Expect<uint64_t>(
      kRm, [](Env& e) { return MulAdd<uint64_t>(D(0.0), D(0.0), D(-5.0), e); }, D(-0.0), 0);
  Expect<uint64_t>(
      kRm, [](Env& e) { return MulAdd<uint64_t>(D(-6.0), D(2.0), D(3.0), e); }, D(-0.0), 0);
}

TEST(FpMulAdd, RoundsOnce) {
  // (1 + 2^-30)^2 = 1 + 2^-29 + 2^-60: the product alone rounds the 2^-60 away.
  const uint64_t a = D(1.0 + 0x1p-30), addend = D(-(1.0 + 0x1p-29));
  Expect<uint64_t>(
      0, [&](Env& e) { return MulAdd<uint64_t>(addend, a, a, e); }, D(0x1p-60), 0);
  Expect<uint64_t>(
      0, [&](Env& e) { return Add<uint64_t>(addend, Mul<uint64_t>(a, a, e), e); }, D(0.0), kIxc);
  const uint32_t as = S(1.0f + 0x1p-13f), addend_s = S(-(1.0f + 0x1p-12f));
  Expect<uint32_t>(
      0, [&](Env& e) { return MulAdd<uint32_t>(addend_s, as, as, e); }, S(0x1p-26f), 0);
}

TEST(FpRound, EveryModeOnHalfwayCases) {
  const uint64_t one = D(1.0), half_ulp = D(0x1p-53), next = D(1.0 + 0x1p-52);
  struct Case {
    uint32_t fpcr;
    uint64_t even_case, odd_case, neg_case;  // 1 + h, (1 + ulp) + h, -1 - h
  };
  const Case cases[] = {
      {0, one, D(1.0 + 0x1p-51), D(-1.0)},
      {kRp, next, D(1.0 + 0x1p-51), D(-1.0)},
      {kRm, one, next, D(-1.0 - 0x1p-52)},
      {kRz, one, next, D(-1.0)},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.fpcr);
    Expect<uint64_t>(
        c.fpcr, [&](Env& e) { return Add<uint64_t>(one, half_ulp, e); }, c.even_case, kIxc);
    Expect<uint64_t>(
        c.fpcr, [&](Env& e) { return Add<uint64_t>(next, half_ulp, e); }, c.odd_case, kIxc);
    Expect<uint64_t>(
        c.fpcr, [&](Env& e) { return Sub<uint64_t>(D(-1.0), half_ulp, e); }, c.neg_case, kIxc);
  }
}

TEST(FpRound, RoundIntHalfwayAndSigns) {
  struct Case {
    Round mode;
    double pos, neg;  // 2.5, -2.5
  };
  const Case cases[] = {{Round::kNearestEven, 2.0, -2.0},
                        {Round::kNearestAway, 3.0, -3.0},
                        {Round::kPlusInf, 3.0, -2.0},
                        {Round::kMinusInf, 2.0, -3.0},
                        {Round::kZero, 2.0, -2.0}};
  for (const Case& c : cases) {
    SCOPED_TRACE(static_cast<int>(c.mode));
    Expect<uint64_t>(
        0, [&](Env& e) { return RoundInt<uint64_t>(D(2.5), c.mode, true, e); }, D(c.pos), kIxc);
    Expect<uint64_t>(
        0, [&](Env& e) { return RoundInt<uint64_t>(D(-2.5), c.mode, false, e); }, D(c.neg), 0);
  }
  // A result of zero keeps the operand's sign.
  Expect<uint64_t>(
      0, [](Env& e) { return RoundInt<uint64_t>(D(-0.4), Round::kNearestEven, true, e); }, D(-0.0),
      kIxc);
  Expect<uint32_t>(
      0, [](Env& e) { return RoundInt<uint32_t>(S(0.7f), Round::kMinusInf, true, e); }, S(0.0f),
      kIxc);
  Expect<uint32_t>(
      0, [](Env& e) { return RoundInt<uint32_t>(S(-0.7f), Round::kPlusInf, true, e); }, S(-0.0f),
      kIxc);
  Expect<uint32_t>(
      0, [](Env& e) { return RoundInt<uint32_t>(S(0x1p30f), Round::kZero, true, e); }, S(0x1p30f),
      0);
}

TEST(FpRound, ToOdd) {
  // FCVTXN: double to single, truncate and set the last bit when inexact.
  Expect<uint64_t>(
      0, [](Env& e) { return Convert(D(1.0 + 0x1p-30), 64, 32, Round::kOdd, e); }, 0x3f800001,
      kIxc);
  Expect<uint64_t>(
      0, [](Env& e) { return Convert(D(-1.0 - 0x1p-30), 64, 32, Round::kOdd, e); }, 0xbf800001,
      kIxc);
  Expect<uint64_t>(
      0, [](Env& e) { return Convert(D(1.5), 64, 32, Round::kOdd, e); }, S(1.5f), 0);
  // (1 + 2^-22) + 2^-30 truncates to 1 + 2^-22, whose last bit is 0: set.
  Expect<uint64_t>(
      0, [](Env& e) { return Convert(D(1.0 + 0x1p-22 + 0x1p-30), 64, 32, Round::kOdd, e); },
      S(1.0f + 0x1p-22f + 0x1p-23f), kIxc);
  // Overflow never rounds to infinity: the largest normal.
  Expect<uint64_t>(
      0, [](Env& e) { return Convert(D(1e300), 64, 32, Round::kOdd, e); }, 0x7f7fffff, kOfc | kIxc);
}

TEST(FpFlushToZero, InputsRaiseIdcOutputsRaiseUfc) {
  // Input flush: the denormal addend counts as zero; the sum is exact.
  Expect<uint64_t>(
      kFpcrFz, [](Env& e) { return Add<uint64_t>(kMinDenormD, D(1.0), e); }, D(1.0), kIdc);
  Expect<uint64_t>(
      0, [](Env& e) { return Add<uint64_t>(kMinDenormD, D(1.0), e); }, D(1.0), kIxc);
  // Output flush: a denormal result becomes a zero of its sign, UFC, no IXC.
  Expect<uint64_t>(
      kFpcrFz, [](Env& e) { return Mul<uint64_t>(D(0x1p-1000), D(-0x1p-30), e); }, D(-0.0), kUfc);
  // Flush looks at the value before rounding: this one would round up to the
  // smallest normal, but is below it.
  const uint64_t below_one = 0x3fefffffffffffff;  // 1 - 2^-53
  Expect<uint64_t>(
      kFpcrFz, [&](Env& e) { return Mul<uint64_t>(below_one, kMinNormalD, e); }, D(0.0), kUfc);
  Expect<uint32_t>(
      kFpcrFz, [](Env& e) { return Sub<uint32_t>(S(0x1.8p-126f), S(0x1p-126f), e); }, S(0.0f),
      kUfc);
}

TEST(FpUnderflow, TinyBeforeRoundingAndOnlyWhenInexact) {
  // (1 - 2^-53) * 2^-1022 is 2^52 - 1/2 denormal units: rounds (to even) up to
  // the smallest normal, yet was tiny before rounding: UFC with IXC.
  const uint64_t below_one = 0x3fefffffffffffff;
  Expect<uint64_t>(
      0, [&](Env& e) { return Mul<uint64_t>(below_one, kMinNormalD, e); }, kMinNormalD,
      kUfc | kIxc);
  Expect<uint64_t>(
      kRz, [&](Env& e) { return Mul<uint64_t>(below_one, kMinNormalD, e); }, kMinNormalD - 1,
      kUfc | kIxc);
  // An exact denormal result raises nothing.
  Expect<uint64_t>(
      0, [](Env& e) { return Mul<uint64_t>(D(0x1p-1000), D(0x1p-30), e); }, D(0x1p-1030), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Sub<uint64_t>(D(0x1.8p-1022), kMinNormalD, e); }, D(0x1p-1023), 0);
  // Half the smallest denormal: a tie, rounds to even (zero).
  Expect<uint64_t>(
      0, [](Env& e) { return Div<uint64_t>(kMinDenormD, D(2.0), e); }, D(0.0), kUfc | kIxc);
  Expect<uint64_t>(
      kRp, [](Env& e) { return Div<uint64_t>(kMinDenormD, D(2.0), e); }, kMinDenormD, kUfc | kIxc);
  // Overflow: infinity or the largest normal by rounding mode, with IXC.
  Expect<uint64_t>(
      0, [](Env& e) { return Mul<uint64_t>(D(0x1p1000), D(0x1p30), e); }, kInfD, kOfc | kIxc);
  Expect<uint64_t>(
      kRz, [](Env& e) { return Mul<uint64_t>(D(0x1p1000), D(-0x1p30), e); }, 0xffefffffffffffff,
      kOfc | kIxc);
}

TEST(FpConvert, HalfPrecisionAndAhp) {
  Expect<uint64_t>(
      0, [](Env& e) { return Convert(S(1.0f), 32, 16, Round::kNearestEven, e); }, 0x3c00, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Convert(S(65504.0f), 32, 16, Round::kNearestEven, e); }, 0x7bff, 0);
  // 2^16: beyond IEEE half (infinity, OFC|IXC), exactly 0x7c00 in the
  // alternative format; 2^17 is beyond that too: IOC, no IXC.
  Expect<uint64_t>(
      0, [](Env& e) { return Convert(S(65536.0f), 32, 16, Round::kNearestEven, e); }, 0x7c00,
      kOfc | kIxc);
  Expect<uint64_t>(
      kFpcrAhp, [](Env& e) { return Convert(S(65536.0f), 32, 16, Round::kNearestEven, e); }, 0x7c00,
      0);
  Expect<uint64_t>(
      kFpcrAhp, [](Env& e) { return Convert(S(131072.0f), 32, 16, Round::kNearestEven, e); },
      0x7fff, kIoc);
  Expect<uint64_t>(
      kFpcrAhp, [](Env& e) { return Convert(kInfD, 64, 16, Round::kNearestEven, e); }, 0x7fff,
      kIoc);
  Expect<uint64_t>(
      kFpcrAhp, [](Env& e) { return Convert(0xffc00000, 32, 16, Round::kNearestEven, e); }, 0x8000,
      kIoc);
  // From the alternative format, all-ones exponents are numbers.
  Expect<uint64_t>(
      kFpcrAhp, [](Env& e) { return Convert(0x7e00, 16, 32, Round::kNearestEven, e); }, S(98304.0f),
      0);
  Expect<uint64_t>(
      0, [](Env& e) { return Convert(0x7e00, 16, 32, Round::kNearestEven, e); }, kDefaultNaNS, 0);
  // A signaling half NaN: quieted, payload's top bits carried (IOC).
  Expect<uint64_t>(
      0, [](Env& e) { return Convert(0x7d00, 16, 32, Round::kNearestEven, e); }, 0x7fe00000, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return Convert(0x7ff4000000000000, 64, 16, Round::kZero, e); }, 0x7f00, kIoc);
  // FZ does not flush half precision (FZ16 governs that), but does flush the
  // single-precision source.
  Expect<uint64_t>(
      kFpcrFz, [](Env& e) { return Convert(0x0001, 16, 32, Round::kNearestEven, e); }, S(0x1p-24f),
      0);
  Expect<uint64_t>(
      kFpcrFz, [](Env& e) { return Convert(S(0x1p-24f), 32, 16, Round::kNearestEven, e); }, 0x0001,
      0);
  Expect<uint64_t>(
      kFpcrFz, [](Env& e) { return Convert(0x80000001, 32, 16, Round::kNearestEven, e); }, 0x8000,
      kIdc);
  // Double to single flushes a tiny result under FZ.
  Expect<uint64_t>(
      kFpcrFz, [](Env& e) { return Convert(D(0x1p-130), 64, 32, Round::kNearestEven, e); }, 0,
      kUfc);
  Expect<uint64_t>(
      0, [](Env& e) { return Convert(D(0x1p-130), 64, 32, Round::kNearestEven, e); }, S(0x1p-130f),
      0);
}

TEST(FpToFixed, SaturatesWithIoc) {
  auto s32 = [](uint64_t v, Round r = Round::kZero) {
    return [v, r](Env& e) { return ToFixed<uint64_t>(v, 0, false, 32, r, e); };
  };
  Expect<uint64_t>(0, s32(kInfD), 0x7fffffff, kIoc);
  Expect<uint64_t>(0, s32(kInfD | (1ull << 63)), 0xffffffff80000000, kIoc);
  Expect<uint64_t>(0, s32(kQNaN1), 0, kIoc);
  Expect<uint64_t>(0, s32(kSNaN3), 0, kIoc);
  Expect<uint64_t>(0, s32(D(2147483648.0)), 0x7fffffff, kIoc);
  Expect<uint64_t>(0, s32(D(2147483647.5)), 0x7fffffff, kIxc);
  Expect<uint64_t>(0, s32(D(2147483647.5), Round::kNearestEven), 0x7fffffff, kIoc);
  Expect<uint64_t>(0, s32(D(-2147483648.9)), 0xffffffff80000000, kIxc);
  Expect<uint64_t>(0, s32(D(-2147483649.0)), 0xffffffff80000000, kIoc);
  Expect<uint64_t>(0, s32(D(-2.5), Round::kNearestAway), static_cast<uint64_t>(-3), kIxc);
  Expect<uint64_t>(0, s32(D(-2.5), Round::kNearestEven), static_cast<uint64_t>(-2), kIxc);
  auto u = [](uint64_t v, int bits, Round r = Round::kZero) {
    return [v, bits, r](Env& e) { return ToFixed<uint64_t>(v, 0, true, bits, r, e); };
  };
  Expect<uint64_t>(0, u(D(-0.5), 32), 0, kIxc);  // rounds to 0 first: in range
  Expect<uint64_t>(0, u(D(-0.5), 32, Round::kMinusInf), 0, kIoc);
  Expect<uint64_t>(0, u(D(-1.0), 64), 0, kIoc);
  Expect<uint64_t>(0, u(D(4294967295.0), 32), 0xffffffff, 0);
  Expect<uint64_t>(0, u(D(4294967296.0), 32), 0xffffffff, kIoc);
  Expect<uint64_t>(0, u(D(0x1p64), 64), ~0ull, kIoc);
  Expect<uint64_t>(0, u(D(0x1.fffffffffffffp63), 64), 0xfffffffffffff800, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return ToFixed<uint64_t>(D(0x1p63), 0, false, 64, Round::kZero, e); },
      0x7fffffffffffffff, kIoc);
  Expect<uint64_t>(
      0, [](Env& e) { return ToFixed<uint64_t>(D(-0x1p63), 0, false, 64, Round::kZero, e); },
      0x8000000000000000, 0);
  // Fixed point: 1.5 * 2^4; FZ flushes a denormal to 0 (IDC, no IXC).
  Expect<uint64_t>(
      0, [](Env& e) { return ToFixed<uint32_t>(S(1.5f), 4, false, 32, Round::kZero, e); }, 24, 0);
  Expect<uint64_t>(
      kFpcrFz,
      [](Env& e) { return ToFixed<uint64_t>(kMinDenormD, 0, false, 64, Round::kPlusInf, e); }, 0,
      kIdc);
  Expect<uint64_t>(
      0, [](Env& e) { return ToFixed<uint64_t>(kMinDenormD, 0, false, 64, Round::kPlusInf, e); }, 1,
      kIxc);
}

TEST(FpFromFixed, RoundsAndScales) {
  Expect<uint32_t>(
      0,
      [](Env& e) { return FromFixed<uint32_t>(0x80000000, 0, false, 32, Round::kNearestEven, e); },
      S(-2147483648.0f), 0);
  Expect<uint32_t>(
      0, [](Env& e) { return FromFixed<uint32_t>(~0ull, 0, true, 64, Round::kNearestEven, e); },
      S(0x1p64f), kIxc);
  Expect<uint32_t>(
      0, [](Env& e) { return FromFixed<uint32_t>(~0ull, 0, true, 64, Round::kZero, e); },
      0x5f7fffff, kIxc);
  Expect<uint64_t>(
      0, [](Env& e) { return FromFixed<uint64_t>(1, 64, false, 64, Round::kNearestEven, e); },
      D(0x1p-64), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return FromFixed<uint64_t>(~0ull, 0, false, 64, Round::kNearestEven, e); },
      D(-1.0), 0);
  Expect<uint64_t>(
      kRm, [](Env& e) { return FromFixed<uint64_t>(0, 3, false, 64, Round::kMinusInf, e); }, D(0.0),
      0);
}

TEST(FpEstimate, RecipEstimate) {
  // 1.0: scaled 256 -> estimate 511 -> 0.998046875.
  Expect<uint32_t>(
      0, [](Env& e) { return RecipEstimate<uint32_t>(S(1.0f), e); }, 0x3f7f8000, 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RecipEstimate<uint32_t>(S(-2.0f), e); }, 0xbeff8000, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return RecipEstimate<uint64_t>(D(1.0), e); }, 0x3feff00000000000, 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RecipEstimate<uint32_t>(S(0.0f), e); }, 0x7f800000, kDzc);
  Expect<uint32_t>(
      0, [](Env& e) { return RecipEstimate<uint32_t>(S(-0.0f), e); }, 0xff800000, kDzc);
  Expect<uint32_t>(
      0, [](Env& e) { return RecipEstimate<uint32_t>(0x7f800000, e); }, 0, 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RecipEstimate<uint32_t>(0xff800000, e); }, 0x80000000, 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RecipEstimate<uint32_t>(0x7fc00005, e); }, 0x7fc00005, 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RecipEstimate<uint32_t>(0x7f800005, e); }, 0x7fc00005, kIoc);
  // Denormals: below 2^-128 the reciprocal overflows (by rounding mode).
  Expect<uint32_t>(
      0, [](Env& e) { return RecipEstimate<uint32_t>(1, e); }, 0x7f800000, kOfc | kIxc);
  Expect<uint32_t>(
      kRz, [](Env& e) { return RecipEstimate<uint32_t>(1, e); }, 0x7f7fffff, kOfc | kIxc);
  Expect<uint32_t>(
      kRp, [](Env& e) { return RecipEstimate<uint32_t>(0x80000001, e); }, 0xff7fffff, kOfc | kIxc);
  // 2^-127: fraction<51> set, scaled 256, result exponent 253.
  Expect<uint32_t>(
      0, [](Env& e) { return RecipEstimate<uint32_t>(0x00400000, e); }, 0x7eff8000, 0);
  Expect<uint32_t>(
      kFpcrFz, [](Env& e) { return RecipEstimate<uint32_t>(0x00400000, e); }, 0x7f800000,
      kIdc | kDzc);
  // 2^127: a denormal estimate, or flushed (UFC) under FZ.
  Expect<uint32_t>(
      0, [](Env& e) { return RecipEstimate<uint32_t>(0x7f000000, e); }, 0x003fe000, 0);
  Expect<uint32_t>(
      kFpcrFz, [](Env& e) { return RecipEstimate<uint32_t>(0x7f000000, e); }, 0, kUfc);
  Expect<uint64_t>(
      0, [](Env&) { return UnsignedRecipEstimate(0x80000000); }, 0xff800000, 0);
  Expect<uint64_t>(
      0, [](Env&) { return UnsignedRecipEstimate(0x7fffffff); }, 0xffffffff, 0);
}

TEST(FpEstimate, RSqrtEstimate) {
  // 1.0 (odd exponent): scaled 128 -> 511; 2.0 (even): scaled 256 -> 361.
  Expect<uint32_t>(
      0, [](Env& e) { return RSqrtEstimate<uint32_t>(S(1.0f), e); }, 0x3f7f8000, 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RSqrtEstimate<uint32_t>(S(4.0f), e); }, 0x3eff8000, 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RSqrtEstimate<uint32_t>(S(2.0f), e); }, 0x3f348000, 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RSqrtEstimate<uint32_t>(S(-1.0f), e); }, kDefaultNaNS, kIoc);
  Expect<uint32_t>(
      0, [](Env& e) { return RSqrtEstimate<uint32_t>(S(-0.0f), e); }, 0xff800000, kDzc);
  Expect<uint32_t>(
      0, [](Env& e) { return RSqrtEstimate<uint32_t>(0x7f800000, e); }, 0, 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RSqrtEstimate<uint32_t>(0xff800000, e); }, kDefaultNaNS, kIoc);
  // 2^-149: normalized to exponent -22 (even), 1/sqrt = 2^74.5.
  Expect<uint32_t>(
      0, [](Env& e) { return RSqrtEstimate<uint32_t>(1, e); }, 0x64b48000, 0);
  Expect<uint32_t>(
      kFpcrFz, [](Env& e) { return RSqrtEstimate<uint32_t>(1, e); }, 0x7f800000, kIdc | kDzc);
  Expect<uint64_t>(
      0, [](Env&) { return UnsignedRSqrtEstimate(0x40000000); }, 0xff800000, 0);
  Expect<uint64_t>(
      0, [](Env&) { return UnsignedRSqrtEstimate(0x3fffffff); }, 0xffffffff, 0);
}

TEST(FpEstimate, StepsAndRecpx) {
  Expect<uint32_t>(
      0, [](Env& e) { return RecipStepFused<uint32_t>(0x7f800000, 0, e); }, S(2.0f), 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RecipStepFused<uint32_t>(0x80000000, 0xff800000, e); }, S(2.0f), 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RSqrtStepFused<uint32_t>(0, 0x7f800000, e); }, S(1.5f), 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RecipStepFused<uint32_t>(S(2.0f), S(0.5f), e); }, S(1.0f), 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RSqrtStepFused<uint32_t>(S(1.0f), S(1.0f), e); }, S(1.0f), 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RecipStepFused<uint32_t>(S(1.0f), S(2.0f), e); }, S(0.0f), 0);
  Expect<uint32_t>(
      kRm, [](Env& e) { return RecipStepFused<uint32_t>(S(1.0f), S(2.0f), e); }, S(-0.0f), 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RecipStepFused<uint32_t>(0x7f800000, S(2.0f), e); }, 0xff800000, 0);
  // op1 is negated before NaN processing (FPNeg), NaNs included.
  Expect<uint32_t>(
      0, [](Env& e) { return RecipStepFused<uint32_t>(0x7fc00001, S(1.0f), e); }, 0xffc00001, 0);
  Expect<uint32_t>(
      0, [](Env& e) { return RSqrtStepFused<uint32_t>(S(1.0f), 0x7fc00002, e); }, 0x7fc00002, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Recpx<uint64_t>(D(1.0), e); }, D(2.0), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Recpx<uint64_t>(D(-0.0), e); }, 0xffe0000000000000, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Recpx<uint64_t>(kMinDenormD, e); }, 0x7fe0000000000000, 0);
  Expect<uint64_t>(
      kFpcrFz, [](Env& e) { return Recpx<uint64_t>(kMinDenormD, e); }, 0x7fe0000000000000, kIdc);
  Expect<uint64_t>(
      0, [](Env& e) { return Recpx<uint64_t>(kInfD, e); }, 0, 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Recpx<uint64_t>(kSNaN3, e); }, kSNaN3Quiet, kIoc);
}

TEST(FpMulX, ZeroTimesInfinityIsTwo) {
  Expect<uint64_t>(
      0, [](Env& e) { return MulX<uint64_t>(D(0.0), kInfD, e); }, D(2.0), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return MulX<uint64_t>(kInfD | (1ull << 63), D(0.0), e); }, D(-2.0), 0);
  Expect<uint32_t>(
      0, [](Env& e) { return MulX<uint32_t>(S(3.0f), S(-0.5f), e); }, S(-1.5f), 0);
}

TEST(FpCompare, NzcvAndSignaling) {
  auto cmp = [](uint64_t a, uint64_t b, bool sig) {
    return [=](Env& e) { return Compare<uint64_t>(a, b, sig, e); };
  };
  Expect<uint32_t>(0, cmp(D(1.0), D(2.0), false), 0x80000000, 0);
  Expect<uint32_t>(0, cmp(D(2.0), D(1.0), false), 0x20000000, 0);
  Expect<uint32_t>(0, cmp(D(0.0), D(-0.0), false), 0x60000000, 0);
  Expect<uint32_t>(0, cmp(kQNaN1, D(1.0), false), 0x30000000, 0);
  Expect<uint32_t>(0, cmp(kQNaN1, D(1.0), true), 0x30000000, kIoc);
  Expect<uint32_t>(0, cmp(D(1.0), kSNaN3, false), 0x30000000, kIoc);
  Expect<uint32_t>(kFpcrFz, cmp(kMinDenormD, D(0.0), false), 0x60000000, kIdc);
  Expect<uint32_t>(0, cmp(kMinDenormD, D(0.0), false), 0x20000000, 0);
  Expect<bool>(
      0, [](Env& e) { return CompareEq<uint64_t>(kQNaN1, kQNaN1, e); }, false, 0);
  Expect<bool>(
      0, [](Env& e) { return CompareEq<uint64_t>(kSNaN3, D(1.0), e); }, false, kIoc);
  Expect<bool>(
      0, [](Env& e) { return CompareGe<uint64_t>(kQNaN1, D(1.0), e); }, false, kIoc);
  Expect<bool>(
      0, [](Env& e) { return CompareGe<uint64_t>(D(-0.0), D(0.0), e); }, true, 0);
  Expect<bool>(
      0, [](Env& e) { return CompareGt<uint32_t>(0xff800000, S(-1e30f), e); }, false, 0);
}

TEST(FpSqrt, ExactAndRounded) {
  Expect<uint64_t>(
      0, [](Env& e) { return Sqrt<uint64_t>(D(4.0), e); }, D(2.0), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Sqrt<uint64_t>(D(2.0), e); }, 0x3ff6a09e667f3bcd, kIxc);
  // sqrt(2) = 1.41421356237309504..., between ...bcc and ...bcd (nearer).
  Expect<uint64_t>(
      kRz, [](Env& e) { return Sqrt<uint64_t>(D(2.0), e); }, 0x3ff6a09e667f3bcc, kIxc);
  Expect<uint64_t>(
      kRp, [](Env& e) { return Sqrt<uint64_t>(D(2.0), e); }, 0x3ff6a09e667f3bcd, kIxc);
  Expect<uint64_t>(
      0, [](Env& e) { return Sqrt<uint64_t>(kMinDenormD, e); }, D(0x1p-537), 0);
  Expect<uint64_t>(
      0, [](Env& e) { return Sqrt<uint64_t>(kInfD, e); }, kInfD, 0);
}

// ---- the host FPU where IEEE 754 fixes the answer ---------------------------

// Round-to-nearest-even add/sub/mul/div/sqrt/fma of normal finite operands
// whose result is normal: IEEE 754 fixes the result and the inexact flag, so
// the host FPU must agree bit for bit.
template <typename T, typename H>
void CompareWithHost(std::mt19937_64& rng, int exp_span) {
  constexpr int kFrac = sizeof(T) == 8 ? 52 : 23;
  constexpr int kBias = sizeof(T) == 8 ? 1023 : 127;
  auto gen = [&]() {
    const T sign = static_cast<T>(rng() & 1) << (sizeof(T) * 8 - 1);
    const T exp = static_cast<T>(kBias - exp_span + static_cast<int>(rng() % (2 * exp_span + 1)));
    const T frac = static_cast<T>(rng()) & ((T{1} << kFrac) - 1);
    return static_cast<T>(sign | exp << kFrac | frac);
  };
  int compared = 0;
  for (int i = 0; i < 200000; ++i) {
    const T a = gen(), b = gen(), c = gen();
    // FPCR 0 may take fp.cc's host fast path, FZ (no effect on normal
    // operands and results) its integer path: both must agree with the host.
    const uint32_t fpcr = (i / 6) % 2 == 0 ? 0 : kFpcrFz;
    volatile H ha = std::bit_cast<H>(a), hb = std::bit_cast<H>(b), hc = std::bit_cast<H>(c);
    const int op = i % 6;
    Env env;
    env.fpcr = fpcr;
    T ours;
    std::feclearexcept(FE_ALL_EXCEPT);
    volatile H host;
    switch (op) {
      case 0:
        host = ha + hb;
        break;
      case 1:
        host = ha - hb;
        break;
      case 2:
        host = ha * hb;
        break;
      case 3:
        host = ha / hb;
        break;
      case 4:
        host = std::sqrt(std::fabs(static_cast<H>(ha)));
        break;
      default:
        host = std::fma(static_cast<H>(ha), static_cast<H>(hb), static_cast<H>(hc));
        break;
    }
    const bool host_inexact = std::fetestexcept(FE_INEXACT) != 0;
    switch (op) {
      case 0:
        ours = Add<T>(a, b, env);
        break;
      case 1:
        ours = Sub<T>(a, b, env);
        break;
      case 2:
        ours = Mul<T>(a, b, env);
        break;
      case 3:
        ours = Div<T>(a, b, env);
        break;
      case 4:
        ours = Sqrt<T>(Abs(a), env);
        break;
      default:
        ours = MulAdd<T>(c, a, b, env);
        break;
    }
    const H h = host;
    if (!std::isnormal(h)) continue;  // zero, denormal: tininess rules differ
    ++compared;
    ASSERT_EQ(ours, std::bit_cast<T>(h)) << std::hex << "op " << op << " a=" << uint64_t{a}
                                         << " b=" << uint64_t{b} << " c=" << uint64_t{c};
    ASSERT_EQ((env.flags & kIxc) != 0, host_inexact)
        << "op " << op << std::hex << " a=" << uint64_t{a};
    ASSERT_EQ(env.flags & ~kIxc, 0u);
  }
  EXPECT_GT(compared, 150000);
}

TEST(FpHost, DoubleMatchesHostFpu) {
  std::mt19937_64 rng(1);
  CompareWithHost<uint64_t, double>(rng, 60);
  CompareWithHost<uint64_t, double>(rng, 1000);
}

TEST(FpHost, SingleMatchesHostFpu) {
  std::mt19937_64 rng(2);
  CompareWithHost<uint32_t, float>(rng, 20);
  CompareWithHost<uint32_t, float>(rng, 120);
}

}  // namespace
}  // namespace vmd::hvsoft::fp
