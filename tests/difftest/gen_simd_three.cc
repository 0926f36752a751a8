// Generators for the AdvSIMD three-register and shift-by-immediate groups of
// ARMv8.0 (hv/soft's SimdThreeTable in exec_simd_three.cc): three same
// (integer, logical, FP) and three different, vector and scalar; shift by
// immediate (plain, accumulating, rounding, inserting, saturating,
// narrowing, widening, fixed-point conversions), vector and scalar. No
// FP16, RDM (v8.1), dot product or SHA3/SM (crypto) encodings.
#include <cstdint>
#include <vector>

#include "tests/difftest/a64.h"
#include "tests/difftest/generators.h"
#include "tests/difftest/simd_ops.h"

namespace vmd::difftest {
namespace {

using namespace a64;  // NOLINT: encoders only, in a .cc file

// Three same, integer (vector), in signed/unsigned pairs.
// clang-format off
constexpr SimdOp kThreeSameInt[] = {
    {"shadd", 0, 0x00, 0, kABHS},  {"uhadd", 1, 0x00, 0, kABHS},
    {"sqadd", 0, 0x01, 0, kAAll},  {"uqadd", 1, 0x01, 0, kAAll},
    {"srhadd", 0, 0x02, 0, kABHS}, {"urhadd", 1, 0x02, 0, kABHS},
    {"shsub", 0, 0x04, 0, kABHS},  {"uhsub", 1, 0x04, 0, kABHS},
    {"sqsub", 0, 0x05, 0, kAAll},  {"uqsub", 1, 0x05, 0, kAAll},
    {"cmgt", 0, 0x06, 0, kAAll},   {"cmhi", 1, 0x06, 0, kAAll},
    {"cmge", 0, 0x07, 0, kAAll},   {"cmhs", 1, 0x07, 0, kAAll},
    {"sshl", 0, 0x08, 0, kAAll},   {"ushl", 1, 0x08, 0, kAAll},
    {"sqshl", 0, 0x09, 0, kAAll},  {"uqshl", 1, 0x09, 0, kAAll},
    {"srshl", 0, 0x0a, 0, kAAll},  {"urshl", 1, 0x0a, 0, kAAll},
    {"sqrshl", 0, 0x0b, 0, kAAll}, {"uqrshl", 1, 0x0b, 0, kAAll},
    {"smax", 0, 0x0c, 0, kABHS},   {"umax", 1, 0x0c, 0, kABHS},
    {"smin", 0, 0x0d, 0, kABHS},   {"umin", 1, 0x0d, 0, kABHS},
    {"sabd", 0, 0x0e, 0, kABHS},   {"uabd", 1, 0x0e, 0, kABHS},
    {"saba", 0, 0x0f, 0, kABHS},   {"uaba", 1, 0x0f, 0, kABHS},
    {"add", 0, 0x10, 0, kAAll},    {"sub", 1, 0x10, 0, kAAll},
    {"cmtst", 0, 0x11, 0, kAAll},  {"cmeq", 1, 0x11, 0, kAAll},
    {"mla", 0, 0x12, 0, kABHS},    {"mls", 1, 0x12, 0, kABHS},
    {"mul", 0, 0x13, 0, kABHS},    {"pmul", 1, 0x13, 0, kA8},
    {"smaxp", 0, 0x14, 0, kABHS},  {"umaxp", 1, 0x14, 0, kABHS},
    {"sminp", 0, 0x15, 0, kABHS},  {"uminp", 1, 0x15, 0, kABHS},
    {"sqdmulh", 0, 0x16, 0, kAHS}, {"sqrdmulh", 1, 0x16, 0, kAHS},
    {"addp", 0, 0x17, 0, kAAll},
};
// clang-format on

// Three same, FP (vector): size = a:sz.
constexpr SimdOp kThreeSameFp[] = {
    {"fmaxnm", 0, 0x18, 0, kAFp},  {"fmla", 0, 0x19, 0, kAFp},    {"fadd", 0, 0x1a, 0, kAFp},
    {"fmulx", 0, 0x1b, 0, kAFp},   {"fcmeq", 0, 0x1c, 0, kAFp},   {"fmax", 0, 0x1e, 0, kAFp},
    {"frecps", 0, 0x1f, 0, kAFp},  {"fminnm", 0, 0x18, 1, kAFp},  {"fmls", 0, 0x19, 1, kAFp},
    {"fsub", 0, 0x1a, 1, kAFp},    {"fmin", 0, 0x1e, 1, kAFp},    {"frsqrts", 0, 0x1f, 1, kAFp},
    {"fmaxnmp", 1, 0x18, 0, kAFp}, {"faddp", 1, 0x1a, 0, kAFp},   {"fmul", 1, 0x1b, 0, kAFp},
    {"fcmge", 1, 0x1c, 0, kAFp},   {"facge", 1, 0x1d, 0, kAFp},   {"fmaxp", 1, 0x1e, 0, kAFp},
    {"fdiv", 1, 0x1f, 0, kAFp},    {"fminnmp", 1, 0x18, 1, kAFp}, {"fabd", 1, 0x1a, 1, kAFp},
    {"fcmgt", 1, 0x1c, 1, kAFp},   {"facgt", 1, 0x1d, 1, kAFp},   {"fminp", 1, 0x1e, 1, kAFp},
};

// Scalar three same: integer (size as allowed) and FP (S or D).
constexpr SimdOp kScalarThreeSame[] = {
    {"sqadd", 0, 0x01, 0, kSAll},   {"uqadd", 1, 0x01, 0, kSAll},  {"sqsub", 0, 0x05, 0, kSAll},
    {"uqsub", 1, 0x05, 0, kSAll},   {"cmgt", 0, 0x06, 0, kS64},    {"cmhi", 1, 0x06, 0, kS64},
    {"cmge", 0, 0x07, 0, kS64},     {"cmhs", 1, 0x07, 0, kS64},    {"sshl", 0, 0x08, 0, kS64},
    {"ushl", 1, 0x08, 0, kS64},     {"sqshl", 0, 0x09, 0, kSAll},  {"uqshl", 1, 0x09, 0, kSAll},
    {"srshl", 0, 0x0a, 0, kS64},    {"urshl", 1, 0x0a, 0, kS64},   {"sqrshl", 0, 0x0b, 0, kSAll},
    {"uqrshl", 1, 0x0b, 0, kSAll},  {"add", 0, 0x10, 0, kS64},     {"sub", 1, 0x10, 0, kS64},
    {"cmtst", 0, 0x11, 0, kS64},    {"cmeq", 1, 0x11, 0, kS64},    {"sqdmulh", 0, 0x16, 0, kSHS},
    {"sqrdmulh", 1, 0x16, 0, kSHS}, {"fmulx", 0, 0x1b, 0, kSFp},   {"fcmeq", 0, 0x1c, 0, kSFp},
    {"frecps", 0, 0x1f, 0, kSFp},   {"frsqrts", 0, 0x1f, 1, kSFp}, {"fcmge", 1, 0x1c, 0, kSFp},
    {"facge", 1, 0x1d, 0, kSFp},    {"fabd", 1, 0x1a, 1, kSFp},    {"fcmgt", 1, 0x1c, 1, kSFp},
    {"facgt", 1, 0x1d, 1, kSFp},
};

// Three different (vector): the "2" forms are Q 1; no 64-bit source lanes.
constexpr SimdOp kThreeDiffOps[] = {
    {"saddl", 0, 0x0, 0, kABHS},  {"uaddl", 1, 0x0, 0, kABHS},  {"saddw", 0, 0x1, 0, kABHS},
    {"uaddw", 1, 0x1, 0, kABHS},  {"ssubl", 0, 0x2, 0, kABHS},  {"usubl", 1, 0x2, 0, kABHS},
    {"ssubw", 0, 0x3, 0, kABHS},  {"usubw", 1, 0x3, 0, kABHS},  {"addhn", 0, 0x4, 0, kABHS},
    {"raddhn", 1, 0x4, 0, kABHS}, {"sabal", 0, 0x5, 0, kABHS},  {"uabal", 1, 0x5, 0, kABHS},
    {"subhn", 0, 0x6, 0, kABHS},  {"rsubhn", 1, 0x6, 0, kABHS}, {"sabdl", 0, 0x7, 0, kABHS},
    {"uabdl", 1, 0x7, 0, kABHS},  {"smlal", 0, 0x8, 0, kABHS},  {"umlal", 1, 0x8, 0, kABHS},
    {"sqdmlal", 0, 0x9, 0, kAHS}, {"smlsl", 0, 0xa, 0, kABHS},  {"umlsl", 1, 0xa, 0, kABHS},
    {"sqdmlsl", 0, 0xb, 0, kAHS}, {"smull", 0, 0xc, 0, kABHS},  {"umull", 1, 0xc, 0, kABHS},
    {"sqdmull", 0, 0xd, 0, kAHS}, {"pmull", 0, 0xe, 0, kA8},
};

constexpr SimdOp kScalarThreeDiff[] = {
    {"sqdmlal", 0, 0x9, 0, kSHS},
    {"sqdmlsl", 0, 0xb, 0, kSHS},
    {"sqdmull", 0, 0xd, 0, kSHS},
};

template <size_t N>
const SimdOp& Pick(CaseBuilder& b, const SimdOp (&ops)[N]) {
  return ops[b.rng().Below(N)];
}

void EmitReg(CaseBuilder& b, uint32_t group, const SimdOp& op, bool scalar) {
  int size, q;
  PickArrangement(b, op.arrangements, scalar, &size, &q);
  size |= op.fp_hi << 1;
  b.Emit((scalar ? kScalar : 0) |
         SimdReg(group, q, op.u, size, b.VReg(), op.opcode, b.VReg(), b.VReg()));
}

void ThreeSameIntGen(CaseBuilder& b) { EmitReg(b, kThreeSame, Pick(b, kThreeSameInt), false); }
void ThreeSameFpGen(CaseBuilder& b) { EmitReg(b, kThreeSame, Pick(b, kThreeSameFp), false); }
void ScalarThreeSameGen(CaseBuilder& b) { EmitReg(b, kThreeSame, Pick(b, kScalarThreeSame), true); }
void ThreeDiffGen(CaseBuilder& b) { EmitReg(b, kThreeDiff, Pick(b, kThreeDiffOps), false); }
void ScalarThreeDiffGen(CaseBuilder& b) { EmitReg(b, kThreeDiff, Pick(b, kScalarThreeDiff), true); }

// AND BIC ORR ORN (U 0) and EOR BSL BIT BIF (U 1): opcode 00011, size = op.
void ThreeSameLogicGen(CaseBuilder& b) {
  b.Emit(SimdReg(kThreeSame, b.rng().Bit(), b.rng().Bit(), static_cast<int>(b.rng().Below(4)),
                 b.VReg(), 0x03, b.VReg(), b.VReg()));
}

// Shift by immediate. immh:immb encodes the element size (highest set bit of
// immh) and the shift: right shifts are 2*esize - immh:immb (1..esize), left
// shifts immh:immb - esize (0..esize-1).
struct ShiftOp {
  const char* name;
  int u;
  int opcode;
  int kind;  // 0 right, 1 left, 2 narrowing right (source 2*esize), 3 long left, 4 FP fixed
};
constexpr ShiftOp kShifts[] = {
    {"sshr", 0, 0x00, 0},    {"ushr", 1, 0x00, 0},   {"ssra", 0, 0x02, 0},
    {"usra", 1, 0x02, 0},    {"srshr", 0, 0x04, 0},  {"urshr", 1, 0x04, 0},
    {"srsra", 0, 0x06, 0},   {"ursra", 1, 0x06, 0},  {"sri", 1, 0x08, 0},
    {"shl", 0, 0x0a, 1},     {"sli", 1, 0x0a, 1},    {"sqshlu", 1, 0x0c, 1},
    {"sqshl", 0, 0x0e, 1},   {"uqshl", 1, 0x0e, 1},  {"shrn", 0, 0x10, 2},
    {"sqshrun", 1, 0x10, 2}, {"rshrn", 0, 0x11, 2},  {"sqrshrun", 1, 0x11, 2},
    {"sqshrn", 0, 0x12, 2},  {"uqshrn", 1, 0x12, 2}, {"sqrshrn", 0, 0x13, 2},
    {"uqrshrn", 1, 0x13, 2}, {"sshll", 0, 0x14, 3},  {"ushll", 1, 0x14, 3},
    {"scvtf", 0, 0x1c, 4},   {"ucvtf", 1, 0x1c, 4},  {"fcvtzs", 0, 0x1f, 4},
    {"fcvtzu", 1, 0x1f, 4},
};

// immh:immb for element size 8 << log (log 0..3) and the kind's shift range.
int ShiftImm(CaseBuilder& b, int log, int kind) {
  int esize = 8 << log;
  bool right = kind == 0 || kind == 2 || kind == 4;
  int shift = static_cast<int>(right ? b.rng().Range(1, esize) : b.rng().Range(0, esize - 1));
  return right ? 2 * esize - shift : esize + shift;
}

void ShiftImmGen(CaseBuilder& b, bool scalar) {
  for (;;) {
    const ShiftOp& op = kShifts[b.rng().Below(sizeof(kShifts) / sizeof(kShifts[0]))];
    int log, q = scalar ? 1 : b.rng().Bit();
    if (op.kind == 2 || op.kind == 3) {
      // Narrowing (destination lanes) and long (source lanes): B, H, S.
      if (scalar && op.kind == 3) continue;  // no scalar SSHLL
      if (scalar && (op.opcode == 0x10 || op.opcode == 0x11) && op.u == 0) continue;  // SHRN
      log = static_cast<int>(b.rng().Below(3));
    } else if (op.kind == 4) {
      log = 2 + b.rng().Bit();  // S or D (H is FP16)
      if (!scalar && log == 3) q = 1;
    } else if (scalar) {
      // Scalar plain/accumulate/insert shifts exist for D only; the
      // saturating left shifts for every size.
      bool any = op.opcode == 0x0c || op.opcode == 0x0e;
      log = any ? static_cast<int>(b.rng().Below(4)) : 3;
    } else {
      log = static_cast<int>(b.rng().Below(4));
      if (log == 3) q = 1;
    }
    int immhb = ShiftImm(b, log, op.kind);
    b.Emit((scalar ? kScalar : 0) | SimdShiftImm(q, op.u, immhb, op.opcode, b.VReg(), b.VReg()));
    return;
  }
}
void VectorShiftImmGen(CaseBuilder& b) { ShiftImmGen(b, false); }
void ScalarShiftImmGen(CaseBuilder& b) { ShiftImmGen(b, true); }

}  // namespace

void AddSimdThreeGenerators(std::vector<Generator>* out) {
  std::vector<Generator> g = {
      {"simd_three_same_int", ThreeSameIntGen, true},
      {"simd_three_same_logic", ThreeSameLogicGen, true},
      {"simd_three_same_fp", ThreeSameFpGen, true},
      {"simd_scalar_three_same", ScalarThreeSameGen, true},
      {"simd_three_diff", ThreeDiffGen, true},
      {"simd_scalar_three_diff", ScalarThreeDiffGen, true},
      {"simd_shift_imm", VectorShiftImmGen, true},
      {"simd_scalar_shift_imm", ScalarShiftImmGen, true},
  };
  for (Generator& x : g) x.fp = true;
  out->insert(out->end(), g.begin(), g.end());
}

}  // namespace vmd::difftest
