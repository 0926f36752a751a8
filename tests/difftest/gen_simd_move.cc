// Generators for the AdvSIMD data-movement groups of ARMv8.0 (hv/soft's
// SimdMoveTable in exec_simd_move.cc): copy (DUP element and general, INS
// general and element, SMOV, UMOV), scalar copy (DUP/MOV scalar from an
// element), permute (UZP1/2, TRN1/2, ZIP1/2), extract (EXT), table lookup
// (TBL/TBX with 1-4 table registers) and modified immediate (MOVI, MVNI,
// ORR, BIC, FMOV of every cmode). Only allocated arrangements are emitted.
#include <cstdint>
#include <vector>

#include "tests/difftest/a64.h"
#include "tests/difftest/generators.h"

namespace vmd::difftest {
namespace {

using namespace a64;  // NOLINT: encoders only, in a .cc file

// imm5 for an element of 1 << size bytes at `index`: index:1:0...0.
int Imm5(int size, int index) { return ((index << 1) | 1) << size; }
int Index(CaseBuilder& b, int size) { return static_cast<int>(b.rng().Below(16u >> size)); }

// DUP (element): Vd.T, Vn.Ts[index]; 2D needs Q 1.
void DupElementGen(CaseBuilder& b) {
  int size = static_cast<int>(b.rng().Below(4));
  int q = size == 3 ? 1 : b.rng().Bit();
  b.Emit(SimdCopy(q, 0, Imm5(size, Index(b, size)), 0, b.VReg(), b.VReg()));
}

// DUP (general): Vd.T, Wn/Xn (31 = ZR); 2D needs Q 1.
void DupGeneralGen(CaseBuilder& b) {
  int size = static_cast<int>(b.rng().Below(4));
  int q = size == 3 ? 1 : b.rng().Bit();
  b.Emit(SimdCopy(q, 0, Imm5(size, 0), 1, b.RegOrZr(), b.VReg()));
}

// INS (general): Vd.Ts[index], Rn.
void InsGeneralGen(CaseBuilder& b) {
  int size = static_cast<int>(b.rng().Below(4));
  b.Emit(SimdCopy(1, 0, Imm5(size, Index(b, size)), 3, b.RegOrZr(), b.VReg()));
}

// INS (element): Vd.Ts[i1], Vn.Ts[i2] (imm4 holds i2 << size).
void InsElementGen(CaseBuilder& b) {
  int size = static_cast<int>(b.rng().Below(4));
  b.Emit(SimdCopy(1, 1, Imm5(size, Index(b, size)), Index(b, size) << size, b.VReg(), b.VReg()));
}

// SMOV (to W: B, H; to X: B, H, S) and UMOV (to W: B, H, S; to X: D).
void SmovUmovGen(CaseBuilder& b) {
  int q, size;
  int umov = b.rng().Bit();
  if (umov) {
    size = static_cast<int>(b.rng().Below(4));
    q = size == 3 ? 1 : 0;
  } else {
    q = b.rng().Bit();
    size = static_cast<int>(b.rng().Below(q ? 3 : 2));
  }
  b.Emit(SimdCopy(q, 0, Imm5(size, Index(b, size)), umov ? 7 : 5, b.VReg(), b.RegOrZr()));
}

// DUP (scalar, element): Bd/Hd/Sd/Dd, Vn.T[index].
void DupScalarGen(CaseBuilder& b) {
  int size = static_cast<int>(b.rng().Below(4));
  b.Emit(kScalar | SimdCopy(0, 0, Imm5(size, Index(b, size)), 0, b.VReg(), b.VReg()));
}

// UZP1 TRN1 ZIP1 UZP2 TRN2 ZIP2; 2D needs Q 1.
void PermuteGen(CaseBuilder& b) {
  static const int kOps[] = {1, 2, 3, 5, 6, 7};
  int size = static_cast<int>(b.rng().Below(4));
  int q = size == 3 ? 1 : b.rng().Bit();
  b.Emit(SimdPermute(q, size, b.VReg(), kOps[b.rng().Below(6)], b.VReg(), b.VReg()));
}

// EXT: the byte index is below 8 for the 8B form.
void ExtGen(CaseBuilder& b) {
  int q = b.rng().Bit();
  b.Emit(SimdExt(q, b.VReg(), static_cast<int>(b.rng().Below(q ? 16 : 8)), b.VReg(), b.VReg()));
}

// TBL/TBX with 1-4 table registers (numbers wrap at 31). The index vector
// is a random register; half the time its bytes are first cut down to
// 0..15, 0..31 or 0..63 (BIC Vm.8H, #mask, LSL #0 and #8: setup, not under
// test) so most indices fall inside the table.
void TblTbxGen(CaseBuilder& b) {
  int q = b.rng().Bit(), rm = b.VReg();
  if (b.rng().Bit()) {
    static const int kClear[] = {0xf0, 0xe0, 0xc0};
    int clear = kClear[b.rng().Below(3)];
    b.EmitSetup(SimdModImm(1, 1, clear, 9, 0, rm));
    b.EmitSetup(SimdModImm(1, 1, clear, 11, 0, rm));
  }
  b.Emit(SimdTbl(q, rm, static_cast<int>(b.rng().Below(4)), b.rng().Bit(), b.VReg(), b.VReg()));
}

// Modified immediate, o2 0: every allocated (op, cmode) with Q where it
// matters; cmode 1111 with op 1 (FMOV double) needs Q 1.
void ModImmGen(CaseBuilder& b) {
  int op = b.rng().Bit(), cmode = static_cast<int>(b.rng().Below(16));
  int q = b.rng().Bit();
  if (op == 1 && cmode == 15) q = 1;
  b.Emit(SimdModImm(q, op, static_cast<int>(b.rng().Below(256)), cmode, 0, b.VReg()));
}

}  // namespace

void AddSimdMoveGenerators(std::vector<Generator>* out) {
  std::vector<Generator> g = {
      {"simd_dup_element", DupElementGen, true}, {"simd_dup_general", DupGeneralGen, true},
      {"simd_ins_general", InsGeneralGen, true}, {"simd_ins_element", InsElementGen, true},
      {"simd_smov_umov", SmovUmovGen, true},     {"simd_dup_scalar", DupScalarGen, true},
      {"simd_permute", PermuteGen, true},        {"simd_ext", ExtGen, true},
      {"simd_tbl_tbx", TblTbxGen, true},         {"simd_modimm", ModImmGen, true},
  };
  for (Generator& x : g) x.fp = true;
  out->insert(out->end(), g.begin(), g.end());
}

}  // namespace vmd::difftest
