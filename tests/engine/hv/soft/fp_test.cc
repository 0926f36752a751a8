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
#include <random>

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
  constexpr uint64_t kW = 0xffffffffull;
  switch (v.op) {
    case kFpRef_FADD_D: return Add<uint64_t>(a, b, env);
    case kFpRef_FADD_S: return Add<uint32_t>(a32, b32, env);
    case kFpRef_FSUB_D: return Sub<uint64_t>(a, b, env);
    case kFpRef_FSUB_S: return Sub<uint32_t>(a32, b32, env);
    case kFpRef_FMUL_D: return Mul<uint64_t>(a, b, env);
    case kFpRef_FMUL_S: return Mul<uint32_t>(a32, b32, env);
    case kFpRef_FMULX_D: return MulX<uint64_t>(a, b, env);
    case kFpRef_FMULX_S: return MulX<uint32_t>(a32, b32, env);
    case kFpRef_FDIV_D: return Div<uint64_t>(a, b, env);
    case kFpRef_FDIV_S: return Div<uint32_t>(a32, b32, env);
    case kFpRef_FSQRT_D: return Sqrt<uint64_t>(a, env);
    case kFpRef_FSQRT_S: return Sqrt<uint32_t>(a32, env);
    case kFpRef_FMADD_D: return MulAdd<uint64_t>(c, a, b, env);
    case kFpRef_FMADD_S: return MulAdd<uint32_t>(c32, a32, b32, env);
    case kFpRef_FNMSUB_D: return MulAdd<uint64_t>(Neg(c), a, b, env);
    case kFpRef_FMAX_D: return Max<uint64_t>(a, b, env);
    case kFpRef_FMAX_S: return Max<uint32_t>(a32, b32, env);
    case kFpRef_FMIN_D: return Min<uint64_t>(a, b, env);
    case kFpRef_FMIN_S: return Min<uint32_t>(a32, b32, env);
    case kFpRef_FMAXNM_D: return MaxNum<uint64_t>(a, b, env);
    case kFpRef_FMAXNM_S: return MaxNum<uint32_t>(a32, b32, env);
    case kFpRef_FMINNM_D: return MinNum<uint64_t>(a, b, env);
    case kFpRef_FMINNM_S: return MinNum<uint32_t>(a32, b32, env);
    case kFpRef_FCMP_D: return Compare<uint64_t>(a, b, false, env) >> 28;
    case kFpRef_FCMP_S: return Compare<uint32_t>(a32, b32, false, env) >> 28;
    case kFpRef_FCMPE_D: return Compare<uint64_t>(a, b, true, env) >> 28;
    case kFpRef_FCMPE_S: return Compare<uint32_t>(a32, b32, true, env) >> 28;
    case kFpRef_FCMEQ_D: return CompareEq<uint64_t>(a, b, env) ? ~0ull : 0;
    case kFpRef_FCMGE_D: return CompareGe<uint64_t>(a, b, env) ? ~0ull : 0;
    case kFpRef_FCMGT_S: return CompareGt<uint32_t>(a32, b32, env) ? kW : 0;
    case kFpRef_FRINTN_D: return RoundInt<uint64_t>(a, Round::kNearestEven, false, env);
    case kFpRef_FRINTP_D: return RoundInt<uint64_t>(a, Round::kPlusInf, false, env);
    case kFpRef_FRINTM_S: return RoundInt<uint32_t>(a32, Round::kMinusInf, false, env);
    case kFpRef_FRINTZ_S: return RoundInt<uint32_t>(a32, Round::kZero, false, env);
    case kFpRef_FRINTA_D: return RoundInt<uint64_t>(a, Round::kNearestAway, false, env);
    case kFpRef_FRINTX_D: return RoundInt<uint64_t>(a, rm, true, env);
    case kFpRef_FRINTX_S: return RoundInt<uint32_t>(a32, rm, true, env);
    case kFpRef_FRINTI_S: return RoundInt<uint32_t>(a32, rm, false, env);
    case kFpRef_FCVTZS_XD: return ToFixed<uint64_t>(a, 0, false, 64, Round::kZero, env);
    case kFpRef_FCVTZS_WD: return ToFixed<uint64_t>(a, 0, false, 32, Round::kZero, env) & kW;
    case kFpRef_FCVTZU_XD: return ToFixed<uint64_t>(a, 0, true, 64, Round::kZero, env);
    case kFpRef_FCVTZU_WS: return ToFixed<uint32_t>(a32, 0, true, 32, Round::kZero, env) & kW;
    case kFpRef_FCVTZS_WS: return ToFixed<uint32_t>(a32, 0, false, 32, Round::kZero, env) & kW;
    case kFpRef_FCVTZS_XS_FB40: return ToFixed<uint32_t>(a32, 40, false, 64, Round::kZero, env);
    case kFpRef_FCVTZU_WD_FB7: return ToFixed<uint64_t>(a, 7, true, 32, Round::kZero, env) & kW;
    case kFpRef_FCVTNS_XD: return ToFixed<uint64_t>(a, 0, false, 64, Round::kNearestEven, env);
    case kFpRef_FCVTAS_WD:
      return ToFixed<uint64_t>(a, 0, false, 32, Round::kNearestAway, env) & kW;
    case kFpRef_FCVTMS_XS: return ToFixed<uint32_t>(a32, 0, false, 64, Round::kMinusInf, env);
    case kFpRef_FCVTPU_XD: return ToFixed<uint64_t>(a, 0, true, 64, Round::kPlusInf, env);
    case kFpRef_FCVTAU_WS:
      return ToFixed<uint32_t>(a32, 0, true, 32, Round::kNearestAway, env) & kW;
    case kFpRef_FCVTNU_WD:
      return ToFixed<uint64_t>(a, 0, true, 32, Round::kNearestEven, env) & kW;
    case kFpRef_SCVTF_DX: return FromFixed<uint64_t>(a, 0, false, 64, rm, env);
    case kFpRef_SCVTF_SW: return FromFixed<uint32_t>(a, 0, false, 32, rm, env);
    case kFpRef_UCVTF_DX: return FromFixed<uint64_t>(a, 0, true, 64, rm, env);
    case kFpRef_UCVTF_SX: return FromFixed<uint32_t>(a, 0, true, 64, rm, env);
    case kFpRef_UCVTF_SW: return FromFixed<uint32_t>(a, 0, true, 32, rm, env);
    case kFpRef_SCVTF_SX_FB20: return FromFixed<uint32_t>(a, 20, false, 64, rm, env);
    case kFpRef_UCVTF_DW_FB31: return FromFixed<uint64_t>(a, 31, true, 32, rm, env);
    case kFpRef_SCVTF_DX_FB64: return FromFixed<uint64_t>(a, 64, false, 64, rm, env);
    case kFpRef_FCVT_SD: return Convert(a, 64, 32, rm, env);
    case kFpRef_FCVT_DS: return Convert(a & kW, 32, 64, rm, env);
    case kFpRef_FCVT_HD: return Convert(a, 64, 16, rm, env);
    case kFpRef_FCVT_DH: return Convert(a & 0xffff, 16, 64, rm, env);
    case kFpRef_FCVT_HS: return Convert(a & kW, 32, 16, rm, env);
    case kFpRef_FCVT_SH: return Convert(a & 0xffff, 16, 32, rm, env);
    case kFpRef_FCVTXN_SD: return Convert(a, 64, 32, Round::kOdd, env);
    case kFpRef_FRECPE_D: return RecipEstimate<uint64_t>(a, env);
    case kFpRef_FRECPE_S: return RecipEstimate<uint32_t>(a32, env);
    case kFpRef_FRSQRTE_D: return RSqrtEstimate<uint64_t>(a, env);
    case kFpRef_FRSQRTE_S: return RSqrtEstimate<uint32_t>(a32, env);
    case kFpRef_FRECPS_D: return RecipStepFused<uint64_t>(a, b, env);
    case kFpRef_FRECPS_S: return RecipStepFused<uint32_t>(a32, b32, env);
    case kFpRef_FRSQRTS_D: return RSqrtStepFused<uint64_t>(a, b, env);
    case kFpRef_FRSQRTS_S: return RSqrtStepFused<uint32_t>(a32, b32, env);
    case kFpRef_FRECPX_D: return Recpx<uint64_t>(a, env);
    case kFpRef_FRECPX_S: return Recpx<uint32_t>(a32, env);
    case kFpRef_URECPE:  // both lanes of the .2s form; lane 1's input is 0
      return UnsignedRecipEstimate(a32) | uint64_t{UnsignedRecipEstimate(a >> 32)} << 32;
    case kFpRef_URSQRTE:
      return UnsignedRSqrtEstimate(a32) | uint64_t{UnsignedRSqrtEstimate(a >> 32)} << 32;
  }
  ADD_FAILURE() << "unknown op " << v.op;
  return 0;
}

TEST(FpReference, EveryVectorMatchesQemu) {
  int failures = 0;
  int per_op[kFpRefOpCount] = {};
  for (const FpRefVector& v : kVectors) {
    ++per_op[v.op];
    Env env;
    env.fpcr = v.fpcr;
    const uint64_t r = Replay(v, env);
    if (r != v.result || env.flags != v.fpsr) {
      if (++failures <= 40) {
        ADD_FAILURE() << kOpNames[v.op] << " fpcr=" << std::hex << v.fpcr << " a=" << v.a
                      << " b=" << v.b << " c=" << v.c << ": want " << v.result << " fpsr "
                      << v.fpsr << ", got " << r << " fpsr " << env.flags;
      }
    }
  }
  EXPECT_EQ(failures, 0);
  for (int op = 0; op < kFpRefOpCount; ++op) EXPECT_GT(per_op[op], 0) << kOpNames[op];
}

}  // namespace
}  // namespace vmd::hvsoft::fp
