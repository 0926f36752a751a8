// Generators for the scalar floating-point instructions of ARMv8.0 (the Arm
// ARM's "Data Processing -- Scalar Floating-Point" groups, hv/soft's FpTable
// in exec_fp.cc): 1-source (FMOV, FABS, FNEG, FSQRT, FCVT between H/S/D,
// FRINT*), 2-source, 3-source, compares, conditional compare and select,
// FMOV immediate, conversions to and from integers and fixed-point (incl.
// FMOV between general and FP registers), plus MSR/MRS of FPCR and FPSR
// mid-sequence and encodings of these groups that are unallocated. Operands
// come from the case's random V registers (NaNs, infinities, denormals...)
// and FPCR. Half-precision arithmetic (FEAT_FP16) is outside ARMv8.0: only
// FCVT touches type 11.
#include <cstdint>

#include "tests/difftest/a64.h"
#include "tests/difftest/generators.h"

namespace vmd::difftest {
namespace {

using namespace a64;  // NOLINT: encoders only, in a .cc file

int Type(CaseBuilder& b) { return b.rng().Bit(); }  // 00 single, 01 double
int Cond(CaseBuilder& b) { return static_cast<int>(b.rng().Below(16)); }

// FMOV, FABS, FNEG, FSQRT.
void FpDp1Gen(CaseBuilder& b) {
  b.Emit(FpDp1(Type(b), static_cast<int>(b.rng().Below(4)), b.VReg(), b.VReg()));
}

// FCVT between half, single and double: opcode 0001 00 to S, 01 to D, 11 to
// H; the source type differs from the destination.
void FpCvtPrecisionGen(CaseBuilder& b) {
  static const int kPairs[][2] = {{0, 5}, {0, 7}, {1, 4}, {1, 7}, {3, 4}, {3, 5}};
  const int* p = kPairs[b.rng().Below(6)];
  b.Emit(FpDp1(p[0], p[1], b.VReg(), b.VReg()));
}

// FRINTN, FRINTP, FRINTM, FRINTZ, FRINTA, FRINTX, FRINTI (001101 is unallocated).
void FpRintGen(CaseBuilder& b) {
  static const int kOps[] = {8, 9, 10, 11, 12, 14, 15};
  b.Emit(FpDp1(Type(b), kOps[b.rng().Below(7)], b.VReg(), b.VReg()));
}

// FMUL, FDIV, FADD, FSUB, FMAX, FMIN, FMAXNM, FMINNM, FNMUL.
void FpDp2Gen(CaseBuilder& b) {
  b.Emit(FpDp2(Type(b), b.VReg(), static_cast<int>(b.rng().Below(9)), b.VReg(), b.VReg()));
}

// FMADD, FMSUB, FNMADD, FNMSUB.
void FpDp3Gen(CaseBuilder& b) {
  b.Emit(FpDp3(Type(b), b.rng().Bit(), b.VReg(), b.rng().Bit(), b.VReg(), b.VReg(), b.VReg()));
}

// FCMP, FCMPE, against a register or #0.0 (then Rm is 0).
void FpCmpGen(CaseBuilder& b) {
  int zero = b.rng().Bit();
  int opc2 = (b.rng().Bit() << 4) | (zero << 3);
  b.Emit(FpCmp(Type(b), zero ? 0 : b.VReg(), b.VReg(), opc2));
}

// FCCMP, FCCMPE.
void FpCcmpGen(CaseBuilder& b) {
  b.Emit(FpCcmp(Type(b), b.VReg(), Cond(b), b.VReg(), b.rng().Bit(),
                static_cast<int>(b.rng().Below(16))));
}

void FpCselGen(CaseBuilder& b) { b.Emit(FpCsel(Type(b), b.VReg(), Cond(b), b.VReg(), b.VReg())); }

// FMOV (scalar, immediate): every imm8.
void FpImmGen(CaseBuilder& b) {
  b.Emit(FpImm(Type(b), static_cast<int>(b.rng().Below(256)), b.VReg()));
}

// FCVT{N,P,M,Z}{S,U}, FCVTA{S,U} to W or X; SCVTF/UCVTF from W or X.
void FpIntCvtGen(CaseBuilder& b) {
  int sf = b.rng().Bit(), type = Type(b);
  switch (b.rng().Below(4)) {
    case 0:  // FCVTNS/NU/AS/AU: rmode 00, opcode 000 001 100 101
      b.Emit(FpInt(sf, type, 0, static_cast<int>((b.rng().Below(2) << 2) | b.rng().Below(2)),
                   b.VReg(), b.RegOrZr()));
      break;
    case 1:  // FCVTP*, FCVTM*, FCVTZ*: rmode 01..11, opcode 00x
      b.Emit(FpInt(sf, type, static_cast<int>(b.rng().Range(1, 3)), b.rng().Bit(), b.VReg(),
                   b.RegOrZr()));
      break;
    default:  // SCVTF, UCVTF: rmode 00, opcode 01x, from Rn (31 = ZR)
      b.Emit(FpInt(sf, type, 0, 2 | b.rng().Bit(), b.RegOrZr(), b.VReg()));
      break;
  }
}

// FMOV between general and FP registers: W<->S, X<->D, X<->V.D[1].
void FpFmovGeneralGen(CaseBuilder& b) {
  static const int kForms[][3] = {{0, 0, 0}, {1, 1, 0}, {1, 2, 1}};  // sf, type, rmode
  const int* f = kForms[b.rng().Below(3)];
  if (b.rng().Bit()) {
    b.Emit(FpInt(f[0], f[1], f[2], 6, b.VReg(), b.RegOrZr()));  // to general
  } else {
    b.Emit(FpInt(f[0], f[1], f[2], 7, b.RegOrZr(), b.VReg()));  // from general
  }
}

// SCVTF/UCVTF (fixed-point) and FCVTZS/FCVTZU (fixed-point): scale = 64 -
// fbits; 32-bit forms need fbits <= 32 (scale >= 32).
void FpFixedCvtGen(CaseBuilder& b) {
  int sf = b.rng().Bit(), type = Type(b);
  int scale = static_cast<int>(sf ? b.rng().Range(0, 63) : b.rng().Range(32, 63));
  if (b.rng().Bit()) {
    b.Emit(FpFixed(sf, type, 3, b.rng().Bit(), scale, b.VReg(), b.RegOrZr()));  // FCVTZ*
  } else {
    b.Emit(FpFixed(sf, type, 0, 2 | b.rng().Bit(), scale, b.RegOrZr(), b.VReg()));  // *CVTF
  }
}

// MSR FPCR / FPSR with a new random value (only the implemented bits, so
// reads agree), or MRS of either.
void FpcrFpsrGen(CaseBuilder& b) {
  int o2 = b.rng().Bit();
  if (b.rng().Bit()) {
    int rt = b.GpReg();
    b.SetReg(rt, o2 ? b.Fpsr() : b.Fpcr());
    b.Emit(MsrFp(o2, rt));
  } else {
    b.Emit(MrsFp(o2, b.RegOrZr()));
  }
}

// Unallocated encodings inside the FP/SIMD groups (each must be UNDEFINED
// on both sides, also on qemu's "max" CPU with its later extensions).
void UndefinedFpGen(CaseBuilder& b) {
  Rng& r = b.rng();
  int rd = b.VReg(), rn = b.VReg(), rm = b.VReg();
  auto u = [&r](int n) { return static_cast<int>(r.Below(n)); };
  switch (r.Below(10)) {
    case 0:  // FP dp2 opcode 1001..1111
      b.Emit(FpDp2(r.Bit(), rm, 9 + u(7), rn, rd));
      break;
    case 1:  // FP dp1 with type 10
      b.Emit(FpDp1(2, u(4), rn, rd));
      break;
    case 2:  // FRINT opcode 001101
      b.Emit(FpDp1(r.Bit(), 13, rn, rd));
      break;
    case 3:  // FCVT to its own precision
      b.Emit(r.Bit() ? FpDp1(0, 4, rn, rd) : FpDp1(1, 5, rn, rd));
      break;
    case 4:  // FMOV (vector, immediate, double) with Q 0
      b.Emit(SimdModImm(0, 1, u(256), 15, 0, rd));
      break;
    case 5:  // multiple-structure opcode 0001 / 1001
      b.Emit(VLdstMulti(r.Bit(), r.Bit(), 0, 0, 1 + 2 * u(2) * 4, u(4), b.GpReg(), rd));
      break;
    case 6:  // EXT (8B) with an index >= 8
      b.Emit(SimdExt(0, rm, 8 + u(8), rn, rd));
      break;
    case 7:  // DUP (element) with imm5 x0000
      b.Emit(SimdCopy(r.Bit(), 0, u(2) << 4, 0, rn, rd));
      break;
    case 8:  // SHADD/UHADD with 64-bit lanes
      b.Emit(SimdReg(kThreeSame, r.Bit(), r.Bit(), 3, rm, 0, rn, rd));
      break;
    default:  // "unprivileged" (LDTR-like) SIMD&FP load/store
      b.Emit(VLdstImm9(u(4), r.Bit(), static_cast<int32_t>(r.Range(-256, 255)), 2, b.GpReg(), rd));
      break;
  }
}

}  // namespace

void AddFpGenerators(std::vector<Generator>* out) {
  std::vector<Generator> g = {
      {"fp_dp1", FpDp1Gen, true},
      {"fp_cvt_precision", FpCvtPrecisionGen, true},
      {"fp_rint", FpRintGen, true},
      {"fp_dp2", FpDp2Gen, true},
      {"fp_dp3", FpDp3Gen, true},
      {"fp_cmp", FpCmpGen, true},
      {"fp_ccmp", FpCcmpGen, true},
      {"fp_csel", FpCselGen, true},
      {"fp_imm", FpImmGen, true},
      {"fp_int_cvt", FpIntCvtGen, true},
      {"fp_fmov_general", FpFmovGeneralGen, true},
      {"fp_fixed_cvt", FpFixedCvtGen, true},
      {"fpcr_fpsr", FpcrFpsrGen},
      {"undefined_fp", UndefinedFpGen, false, 4},
  };
  for (Generator& x : g) x.fp = true;
  out->insert(out->end(), g.begin(), g.end());
}

}  // namespace vmd::difftest
