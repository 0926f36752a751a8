// Generators for the AdvSIMD two-register misc, across-lanes, scalar
// pairwise and by-element groups of ARMv8.0 (hv/soft's SimdMiscTable in
// exec_simd_misc_int.cc, exec_simd_misc_fp.cc and exec_simd_across_elem.cc),
// vector and scalar forms. No FP16, RDM (v8.1), dot product, FRINT32/64
// (v8.5) or BF16 encodings.
#include <cstdint>
#include <vector>

#include "tests/difftest/a64.h"
#include "tests/difftest/generators.h"
#include "tests/difftest/simd_ops.h"

namespace vmd::difftest {
namespace {

using namespace a64;  // NOLINT: encoders only, in a .cc file

// Two-register misc, integer (vector). Narrowing ops name the destination
// lanes in size (XTN 8B/16B from 8H: size 00); widening ones the source.
constexpr SimdOp kMiscInt[] = {
    {"rev64", 0, 0x00, 0, kABHS},  {"rev16", 0, 0x01, 0, kA8},    {"saddlp", 0, 0x02, 0, kABHS},
    {"suqadd", 0, 0x03, 0, kAAll}, {"cls", 0, 0x04, 0, kABHS},    {"cnt", 0, 0x05, 0, kA8},
    {"sadalp", 0, 0x06, 0, kABHS}, {"sqabs", 0, 0x07, 0, kAAll},  {"cmgt0", 0, 0x08, 0, kAAll},
    {"cmeq0", 0, 0x09, 0, kAAll},  {"cmlt0", 0, 0x0a, 0, kAAll},  {"abs", 0, 0x0b, 0, kAAll},
    {"xtn", 0, 0x12, 0, kABHS},    {"sqxtn", 0, 0x14, 0, kABHS},  {"rev32", 1, 0x00, 0, kA8 | kA16},
    {"uaddlp", 1, 0x02, 0, kABHS}, {"usqadd", 1, 0x03, 0, kAAll}, {"clz", 1, 0x04, 0, kABHS},
    {"not", 1, 0x05, 0, kA8},      {"rbit", 1, 0x05, 0, 0},       {"uadalp", 1, 0x06, 0, kABHS},
    {"sqneg", 1, 0x07, 0, kAAll},  {"cmge0", 1, 0x08, 0, kAAll},  {"cmle0", 1, 0x09, 0, kAAll},
    {"neg", 1, 0x0b, 0, kAAll},    {"sqxtun", 1, 0x12, 0, kABHS}, {"shll", 1, 0x13, 0, kABHS},
    {"uqxtn", 1, 0x14, 0, kABHS},
};

// Two-register misc, FP (vector): size = a:sz. FCVTN/FCVTL (sz 0: half
// <-> single, sz 1: single <-> double) and FCVTXN (sz 1) take any Q.
constexpr SimdOp kMiscFp[] = {
    {"fcvtn", 0, 0x16, 0, 0x0f},  {"fcvtl", 0, 0x17, 0, 0x0f},  {"frintn", 0, 0x18, 0, kAFp},
    {"frintm", 0, 0x19, 0, kAFp}, {"fcvtns", 0, 0x1a, 0, kAFp}, {"fcvtms", 0, 0x1b, 0, kAFp},
    {"fcvtas", 0, 0x1c, 0, kAFp}, {"scvtf", 0, 0x1d, 0, kAFp},  {"fcmgt0", 0, 0x0c, 1, kAFp},
    {"fcmeq0", 0, 0x0d, 1, kAFp}, {"fcmlt0", 0, 0x0e, 1, kAFp}, {"fabs", 0, 0x0f, 1, kAFp},
    {"frintp", 0, 0x18, 1, kAFp}, {"frintz", 0, 0x19, 1, kAFp}, {"fcvtps", 0, 0x1a, 1, kAFp},
    {"fcvtzs", 0, 0x1b, 1, kAFp}, {"urecpe", 0, 0x1c, 1, kA8},  {"frecpe", 0, 0x1d, 1, kAFp},
    {"fcvtxn", 1, 0x16, 0, 0x0c}, {"frinta", 1, 0x18, 0, kAFp}, {"frintx", 1, 0x19, 0, kAFp},
    {"fcvtnu", 1, 0x1a, 0, kAFp}, {"fcvtmu", 1, 0x1b, 0, kAFp}, {"fcvtau", 1, 0x1c, 0, kAFp},
    {"ucvtf", 1, 0x1d, 0, kAFp},  {"fcmge0", 1, 0x0c, 1, kAFp}, {"fcmle0", 1, 0x0d, 1, kAFp},
    {"fneg", 1, 0x0f, 1, kAFp},   {"frinti", 1, 0x19, 1, kAFp}, {"fcvtpu", 1, 0x1a, 1, kAFp},
    {"fcvtzu", 1, 0x1b, 1, kAFp}, {"ursqrte", 1, 0x1c, 1, kA8}, {"frsqrte", 1, 0x1d, 1, kAFp},
    {"fsqrt", 1, 0x1f, 1, kAFp},
};

// Scalar two-register misc (integer and FP).
constexpr SimdOp kScalarMisc[] = {
    {"suqadd", 0, 0x03, 0, kSAll}, {"sqabs", 0, 0x07, 0, kSAll},
    {"cmgt0", 0, 0x08, 0, kS64},   {"cmeq0", 0, 0x09, 0, kS64},
    {"cmlt0", 0, 0x0a, 0, kS64},   {"abs", 0, 0x0b, 0, kS64},
    {"sqxtn", 0, 0x14, 0, kSBHS},  {"usqadd", 1, 0x03, 0, kSAll},
    {"sqneg", 1, 0x07, 0, kSAll},  {"cmge0", 1, 0x08, 0, kS64},
    {"cmle0", 1, 0x09, 0, kS64},   {"neg", 1, 0x0b, 0, kS64},
    {"sqxtun", 1, 0x12, 0, kSBHS}, {"uqxtn", 1, 0x14, 0, kSBHS},
    {"fcvtns", 0, 0x1a, 0, kSFp},  {"fcvtms", 0, 0x1b, 0, kSFp},
    {"fcvtas", 0, 0x1c, 0, kSFp},  {"scvtf", 0, 0x1d, 0, kSFp},
    {"fcmgt0", 0, 0x0c, 1, kSFp},  {"fcmeq0", 0, 0x0d, 1, kSFp},
    {"fcmlt0", 0, 0x0e, 1, kSFp},  {"fcvtps", 0, 0x1a, 1, kSFp},
    {"fcvtzs", 0, 0x1b, 1, kSFp},  {"frecpe", 0, 0x1d, 1, kSFp},
    {"frecpx", 0, 0x1f, 1, kSFp},  {"fcvtxn", 1, 0x16, 0, 0x2 /* sz 1 */},
    {"fcvtnu", 1, 0x1a, 0, kSFp},  {"fcvtmu", 1, 0x1b, 0, kSFp},
    {"fcvtau", 1, 0x1c, 0, kSFp},  {"ucvtf", 1, 0x1d, 0, kSFp},
    {"fcmge0", 1, 0x0c, 1, kSFp},  {"fcmle0", 1, 0x0d, 1, kSFp},
    {"fcvtpu", 1, 0x1a, 1, kSFp},  {"fcvtzu", 1, 0x1b, 1, kSFp},
    {"frsqrte", 1, 0x1d, 1, kSFp},
};

// Across lanes: 4S only for the 32-bit forms; FP ones (U 1) are 4S only.
constexpr SimdOp kAcrossOps[] = {
    {"saddlv", 0, 0x03, 0, kA8 | kA16 | 0x20},
    {"uaddlv", 1, 0x03, 0, kA8 | kA16 | 0x20},
    {"smaxv", 0, 0x0a, 0, kA8 | kA16 | 0x20},
    {"umaxv", 1, 0x0a, 0, kA8 | kA16 | 0x20},
    {"sminv", 0, 0x1a, 0, kA8 | kA16 | 0x20},
    {"uminv", 1, 0x1a, 0, kA8 | kA16 | 0x20},
    {"addv", 0, 0x1b, 0, kA8 | kA16 | 0x20},
    {"fmaxnmv", 1, 0x0c, 0, 0x02},
    {"fminnmv", 1, 0x0c, 1, 0x02},
    {"fmaxv", 1, 0x0f, 0, 0x02},
    {"fminv", 1, 0x0f, 1, 0x02},
};

// Scalar pairwise: ADDP (D from 2D), and the FP ones of 2S (sz 0) or 2D (sz 1).
constexpr SimdOp kPairwise[] = {
    {"addp", 0, 0x1b, 0, kS64},  {"fmaxnmp", 1, 0x0c, 0, kSFp}, {"faddp", 1, 0x0d, 0, kSFp},
    {"fmaxp", 1, 0x0f, 0, kSFp}, {"fminnmp", 1, 0x0c, 1, kSFp}, {"fminp", 1, 0x0f, 1, kSFp},
};

template <size_t N>
const SimdOp& Pick(CaseBuilder& b, const SimdOp (&ops)[N]) {
  for (;;) {
    const SimdOp& op = ops[b.rng().Below(N)];
    if (op.arrangements != 0 || op.opcode == 0x05) return op;
  }
}

void EmitMisc(CaseBuilder& b, uint32_t group, const SimdOp& op, bool scalar) {
  int size, q;
  if (op.arrangements == 0) {  // RBIT: size 01, 8B/16B
    size = 1;
    q = b.rng().Bit();
  } else {
    PickArrangement(b, op.arrangements, scalar, &size, &q);
  }
  size |= op.fp_hi << 1;
  b.Emit((scalar ? kScalar : 0) | SimdReg(group, q, op.u, size, 0, op.opcode, b.VReg(), b.VReg()));
}

void MiscIntGen(CaseBuilder& b) { EmitMisc(b, kTwoMisc, Pick(b, kMiscInt), false); }
void MiscFpGen(CaseBuilder& b) { EmitMisc(b, kTwoMisc, Pick(b, kMiscFp), false); }
void ScalarMiscGen(CaseBuilder& b) { EmitMisc(b, kTwoMisc, Pick(b, kScalarMisc), true); }
void AcrossGen(CaseBuilder& b) { EmitMisc(b, kAcross, Pick(b, kAcrossOps), false); }
void ScalarPairwiseGen(CaseBuilder& b) { EmitMisc(b, kAcross, Pick(b, kPairwise), true); }

// By element. kind 0: integer same-width (H, S), 1: integer long (H, S
// sources), 2: FP (S, D). Index: H:L:M for H lanes (Rm 0..15), H:L for S,
// H for D (L 0).
struct ElemOp {
  const char* name;
  int u;
  int opcode;
  int kind;
  bool scalar_ok;
};
constexpr ElemOp kElemOps[] = {
    {"mla", 1, 0x0, 0, false},    {"mls", 1, 0x4, 0, false},     {"mul", 0, 0x8, 0, false},
    {"sqdmulh", 0, 0xc, 0, true}, {"sqrdmulh", 0, 0xd, 0, true}, {"smlal", 0, 0x2, 1, false},
    {"umlal", 1, 0x2, 1, false},  {"smlsl", 0, 0x6, 1, false},   {"umlsl", 1, 0x6, 1, false},
    {"smull", 0, 0xa, 1, false},  {"umull", 1, 0xa, 1, false},   {"sqdmlal", 0, 0x3, 1, true},
    {"sqdmlsl", 0, 0x7, 1, true}, {"sqdmull", 0, 0xb, 1, true},  {"fmla", 0, 0x1, 2, true},
    {"fmls", 0, 0x5, 2, true},    {"fmul", 0, 0x9, 2, true},     {"fmulx", 1, 0x9, 2, true},
};

void ElemGen(CaseBuilder& b, bool scalar) {
  const ElemOp* op;
  do {
    op = &kElemOps[b.rng().Below(sizeof(kElemOps) / sizeof(kElemOps[0]))];
  } while (scalar && !op->scalar_ok);
  int q = scalar ? 1 : b.rng().Bit();
  int size, h = 0, l = 0, m = 0, rm;
  if (op->kind == 2) {
    size = 2 + b.rng().Bit();  // S or D
    if (size == 3 && !scalar) q = 1;
    rm = b.VReg();
    m = rm >> 4;
    if (size == 2) {
      h = b.rng().Bit();
      l = b.rng().Bit();
    } else {
      h = b.rng().Bit();
    }
  } else {
    size = 1 + b.rng().Bit();  // H or S
    if (size == 1) {
      rm = static_cast<int>(b.rng().Below(16));
      h = b.rng().Bit();
      l = b.rng().Bit();
      m = b.rng().Bit();
    } else {
      rm = b.VReg();
      m = rm >> 4;
      h = b.rng().Bit();
      l = b.rng().Bit();
    }
  }
  b.Emit((scalar ? kScalar : 0) |
         SimdElem(q, op->u, size, l, m, rm & 15, op->opcode, h, b.VReg(), b.VReg()));
}
void VectorElemGen(CaseBuilder& b) { ElemGen(b, false); }
void ScalarElemGen(CaseBuilder& b) { ElemGen(b, true); }

}  // namespace

void AddSimdMiscGenerators(std::vector<Generator>* out) {
  std::vector<Generator> g = {
      {"simd_misc_int", MiscIntGen, true},
      {"simd_misc_fp", MiscFpGen, true},
      {"simd_scalar_misc", ScalarMiscGen, true},
      {"simd_across", AcrossGen, true},
      {"simd_scalar_pairwise", ScalarPairwiseGen, true},
      {"simd_elem", VectorElemGen, true},
      {"simd_scalar_elem", ScalarElemGen, true},
  };
  for (Generator& x : g) x.fp = true;
  out->insert(out->end(), g.begin(), g.end());
}

}  // namespace vmd::difftest
