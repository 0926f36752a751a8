// Generators for the integer data-processing instructions (immediate and
// register groups of the Arm ARM's A64 encoding index). Each emits one
// instruction with random registers, sizes and immediates, staying inside
// allocated encodings (the constraints are noted where they apply).
#include <cstdint>

#include "tests/difftest/a64.h"
#include "tests/difftest/generators.h"

namespace vmd::difftest {
namespace {

using namespace a64;  // NOLINT: encoders only, in a .cc file

int Sf(CaseBuilder& b) { return b.rng().Bit(); }
int Width(int sf) { return sf ? 64 : 32; }

void AddSubImmGen(CaseBuilder& b) {
  // Rd/Rn 31 is SP (ZR for Rd of ADDS/SUBS): both are fair game.
  b.Emit(AddSubImm(Sf(b), b.rng().Bit(), b.rng().Bit(), b.rng().Bit(),
                   static_cast<uint32_t>(b.rng().Below(4096)), b.AnyReg(), b.AnyReg()));
}

void LogicalImmGen(CaseBuilder& b) {
  // A valid bitmask immediate: element size e, s+1 ones (not all), rotation r.
  int sf = Sf(b);
  int log_e = static_cast<int>(b.rng().Range(1, sf ? 6 : 5));
  int e = 1 << log_e;
  int ones = static_cast<int>(b.rng().Range(1, e - 1));
  int r = static_cast<int>(b.rng().Below(e));
  int n = (e == 64) ? 1 : 0;
  int imms = ((~(e * 2 - 1)) & 0x3f) | (ones - 1);
  b.Emit(LogicalImm(sf, static_cast<int>(b.rng().Below(4)), n, r, imms, b.AnyReg(), b.AnyReg()));
}

void MovWideGen(CaseBuilder& b) {
  static const int kOpc[] = {kMovn, kMovz, kMovk};
  int sf = Sf(b);
  int hw = static_cast<int>(b.rng().Below(sf ? 4 : 2));
  b.Emit(MovWide(sf, kOpc[b.rng().Below(3)], hw, static_cast<uint32_t>(b.rng().Below(65536)),
                 b.AnyReg()));
}

void AdrGen(CaseBuilder& b) {
  b.Emit(Adr(0, static_cast<int32_t>(b.rng().Range(-(1 << 20), (1 << 20) - 1)), b.AnyReg()));
}

void AdrpGen(CaseBuilder& b) {
  b.Emit(Adr(1, static_cast<int32_t>(b.rng().Range(-(1 << 20), (1 << 20) - 1)), b.AnyReg()));
}

void BitfieldGen(CaseBuilder& b, int opc) {
  int sf = Sf(b);
  int w = Width(sf);
  b.Emit(Bitfield(sf, opc, sf, static_cast<int>(b.rng().Below(w)),
                  static_cast<int>(b.rng().Below(w)), b.AnyReg(), b.AnyReg()));
}
void SbfmGen(CaseBuilder& b) { BitfieldGen(b, 0); }
void BfmGen(CaseBuilder& b) { BitfieldGen(b, 1); }
void UbfmGen(CaseBuilder& b) { BitfieldGen(b, 2); }

void ExtrGen(CaseBuilder& b) {
  int sf = Sf(b);
  b.Emit(Extr(sf, sf, b.AnyReg(), static_cast<int>(b.rng().Below(Width(sf))), b.AnyReg(),
              b.AnyReg()));
}

void LogicalShiftedGen(CaseBuilder& b) {
  int sf = Sf(b);
  b.Emit(LogicalShifted(sf, static_cast<int>(b.rng().Below(4)), static_cast<int>(b.rng().Below(4)),
                        b.rng().Bit(), b.AnyReg(), static_cast<int>(b.rng().Below(Width(sf))),
                        b.AnyReg(), b.AnyReg()));
}

void AddSubShiftedGen(CaseBuilder& b) {
  int sf = Sf(b);
  // shift 11 (ROR) is reserved here.
  b.Emit(AddSubShifted(sf, b.rng().Bit(), b.rng().Bit(), static_cast<int>(b.rng().Below(3)),
                       b.AnyReg(), static_cast<int>(b.rng().Below(Width(sf))), b.AnyReg(),
                       b.AnyReg()));
}

void AddSubExtGen(CaseBuilder& b) {
  // imm3 (left shift) above 4 is reserved.
  b.Emit(AddSubExt(Sf(b), b.rng().Bit(), b.rng().Bit(), b.AnyReg(),
                   static_cast<int>(b.rng().Below(8)), static_cast<int>(b.rng().Below(5)),
                   b.AnyReg(), b.AnyReg()));
}

void AdcSbcGen(CaseBuilder& b) {
  b.Emit(AdcSbc(Sf(b), b.rng().Bit(), b.rng().Bit(), b.AnyReg(), b.AnyReg(), b.AnyReg()));
}

void CcmpRegGen(CaseBuilder& b) {
  b.Emit(CondCompare(Sf(b), b.rng().Bit(), 0, b.AnyReg(), static_cast<int>(b.rng().Below(16)),
                     b.AnyReg(), static_cast<int>(b.rng().Below(16))));
}

void CcmpImmGen(CaseBuilder& b) {
  b.Emit(CondCompare(Sf(b), b.rng().Bit(), 1, static_cast<int>(b.rng().Below(32)),
                     static_cast<int>(b.rng().Below(16)), b.AnyReg(),
                     static_cast<int>(b.rng().Below(16))));
}

void CselGen(CaseBuilder& b) {
  b.Emit(CondSelect(Sf(b), b.rng().Bit(), b.rng().Bit(), b.AnyReg(),
                    static_cast<int>(b.rng().Below(16)), b.AnyReg(), b.AnyReg()));
}

void RbitRevGen(CaseBuilder& b) {
  // opcode 0 RBIT, 1 REV16, 2 REV32 (64-bit) / REV (32-bit), 3 REV (64-bit only).
  int sf = Sf(b);
  b.Emit(Dp1(sf, static_cast<int>(b.rng().Below(sf ? 4 : 3)), b.AnyReg(), b.AnyReg()));
}

void ClzClsGen(CaseBuilder& b) {
  b.Emit(Dp1(Sf(b), 4 + b.rng().Bit(), b.AnyReg(), b.AnyReg()));
}

void DivGen(CaseBuilder& b) {
  // opcode 2 UDIV, 3 SDIV; divisors 0, -1 and INT_MIN come from the register values.
  b.Emit(Dp2(Sf(b), 2 + b.rng().Bit(), b.AnyReg(), b.AnyReg(), b.AnyReg()));
}

void ShiftVGen(CaseBuilder& b) {
  // opcode 8 LSLV, 9 LSRV, 10 ASRV, 11 RORV.
  b.Emit(Dp2(Sf(b), 8 + static_cast<int>(b.rng().Below(4)), b.AnyReg(), b.AnyReg(), b.AnyReg()));
}

void Crc32Gen(CaseBuilder& b) {
  // opcode 010 C sz: CRC32{B,H,W,X} and CRC32C*; sf is 1 exactly for the X forms.
  int sz = static_cast<int>(b.rng().Below(4));
  int c = b.rng().Bit();
  b.Emit(Dp2(sz == 3 ? 1 : 0, 0x10 | (c << 2) | sz, b.AnyReg(), b.AnyReg(), b.AnyReg()));
}

void MaddMsubGen(CaseBuilder& b) {
  b.Emit(Dp3(Sf(b), 0, b.rng().Bit(), b.AnyReg(), b.AnyReg(), b.AnyReg(), b.AnyReg()));
}

void MulLongGen(CaseBuilder& b) {
  // op31 001 SMADDL/SMSUBL, 101 UMADDL/UMSUBL; 64-bit only.
  b.Emit(Dp3(1, b.rng().Bit() ? 5 : 1, b.rng().Bit(), b.AnyReg(), b.AnyReg(), b.AnyReg(),
             b.AnyReg()));
}

void MulHighGen(CaseBuilder& b) {
  // op31 010 SMULH, 110 UMULH; o0 0, Ra 11111.
  b.Emit(Dp3(1, b.rng().Bit() ? 6 : 2, 0, b.AnyReg(), 31, b.AnyReg(), b.AnyReg()));
}

}  // namespace

void AddDataProcessingGenerators(std::vector<Generator>* out) {
  out->insert(out->end(), {
      {"add_sub_imm", AddSubImmGen, true},
      {"logical_imm", LogicalImmGen, true},
      {"movwide", MovWideGen, true},
      {"adr", AdrGen, true},
      {"adrp", AdrpGen, true},
      {"sbfm", SbfmGen, true},
      {"bfm", BfmGen, true},
      {"ubfm", UbfmGen, true},
      {"extr", ExtrGen, true},
      {"logical_shifted", LogicalShiftedGen, true},
      {"add_sub_shifted", AddSubShiftedGen, true},
      {"add_sub_ext", AddSubExtGen, true},
      {"adc_sbc", AdcSbcGen, true},
      {"ccmp_reg", CcmpRegGen, true},
      {"ccmp_imm", CcmpImmGen, true},
      {"csel", CselGen, true},
      {"rbit_rev", RbitRevGen, true},
      {"clz_cls", ClzClsGen, true},
      {"udiv_sdiv", DivGen, true},
      {"shiftv", ShiftVGen, true},
      {"crc32", Crc32Gen, false, 0, "crc32"},
      {"madd_msub", MaddMsubGen, true},
      {"mul_long", MulLongGen, true},
      {"mul_high", MulHighGen, true},
  });
}

}  // namespace vmd::difftest
