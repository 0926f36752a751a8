// Tests of the ARM-exact FP core (engine/hv/soft/fp.h) against references:
// vectors recorded from qemu-aarch64 (fp_ref/, regenerate with fp_ref/regen.sh)
// and a randomized comparison with the host FPU where IEEE 754 fixes the result.
// The hand-worked corner cases are in fp_corner_test.cc and fp_convert_test.cc.
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
    // FPCR 0 may take fp_arith.cc's host fast path, FZ (no effect on normal
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
