// Generators for the integer instructions of optional architecture features
// after Armv8.0: LSE atomics (v8.1), LDAPR (RCpc, v8.3) and the flag
// manipulation instructions (FlagM, v8.4). qemu-aarch64's default CPU has
// them all; a run skips the ones the hv side's ID registers do not advertise.
#include <cstdint>

#include "tests/difftest/a64.h"
#include "tests/difftest/generators.h"

namespace vmd::difftest {
namespace {

using namespace a64;  // NOLINT: encoders only, in a .cc file

// LD<op>/SWP: size 111 0 00 A R 1 Rs o3 opc 00 Rn Rt.
uint32_t LseAtomic(int size, int a, int r, int rs, int o3, int opc, int rn, int rt) {
  return (size << 30) | 0x38200000u | (a << 23) | (r << 22) | (R(rs) << 16) | (o3 << 15) |
         (opc << 12) | (R(rn) << 5) | R(rt);
}

// A base register holding an aligned data address for an access of 1 << size.
int AlignedBase(CaseBuilder& b, int size, std::initializer_list<int> avoid = {}) {
  int rn = b.GpReg(avoid);
  uint64_t n = 1ull << size;
  b.SetReg(rn, DT_DATA_IPA + b.DataOffset(n, n));
  return rn;
}

// LDADD, LDCLR, LDEOR, LDSET, LDSMAX, LDSMIN, LDUMAX, LDUMIN (and the ST*
// aliases when Rt is ZR), all sizes and orderings.
void LseLdOpGen(CaseBuilder& b) {
  int size = static_cast<int>(b.rng().Below(4));
  int rn = AlignedBase(b, size);
  b.Emit(LseAtomic(size, b.rng().Bit(), b.rng().Bit(), b.RegOrZr(), 0,
                   static_cast<int>(b.rng().Below(8)), rn, b.RegOrZr()));
}

void LseSwpGen(CaseBuilder& b) {
  int size = static_cast<int>(b.rng().Below(4));
  int rn = AlignedBase(b, size);
  b.Emit(LseAtomic(size, b.rng().Bit(), b.rng().Bit(), b.RegOrZr(), 1, 0, rn, b.RegOrZr()));
}

// CAS{A,L,AL}{B,H,}: size 001000 1 L 1 Rs o0 11111 Rn Rt. Half the time the
// compare register is first loaded with the memory value, so the swap happens.
void LseCasGen(CaseBuilder& b) {
  int size = static_cast<int>(b.rng().Below(4));
  int rn = AlignedBase(b, size);
  int rs = b.GpReg({rn});
  if (b.rng().Bit()) b.Emit(LdstUimm(size, 1, 0, rn, rs));  // LDR Rs, [Rn]
  b.Emit((static_cast<uint32_t>(size) << 30) | 0x08a07c00u | (b.rng().Bit() << 22) |
         (R(rs) << 16) | (b.rng().Bit() << 15) | (R(rn) << 5) | R(b.RegOrZr()));
}

// LDAPR{B,H,}: size 111 0 00 1 0 1 11111 1 100 00 Rn Rt.
void LdaprGen(CaseBuilder& b) {
  int size = static_cast<int>(b.rng().Below(4));
  int rn = AlignedBase(b, size);
  b.Emit((static_cast<uint32_t>(size) << 30) | 0x38bfc000u | (R(rn) << 5) | R(b.RegOrZr()));
}

// CFINV, RMIF, SETF8, SETF16.
void FlagmGen(CaseBuilder& b) {
  switch (b.rng().Below(4)) {
    case 0: b.Emit(0xd500401fu); break;  // CFINV
    case 1:  // RMIF Xn, #imm6, #mask
      b.Emit(0xba000400u | (static_cast<uint32_t>(b.rng().Below(64)) << 15) |
             (R(b.RegOrZr()) << 5) | static_cast<uint32_t>(b.rng().Below(16)));
      break;
    case 2: b.Emit(0x3a00080du | (R(b.RegOrZr()) << 5)); break;  // SETF8
    default: b.Emit(0x3a00480du | (R(b.RegOrZr()) << 5)); break;  // SETF16
  }
}

}  // namespace

void AddExtensionGenerators(std::vector<Generator>* out) {
  out->insert(out->end(), {
      {"lse_ldop", LseLdOpGen, false, 0, "lse"},
      {"lse_swp", LseSwpGen, false, 0, "lse"},
      {"lse_cas", LseCasGen, false, 0, "lse"},
      {"ldapr", LdaprGen, false, 0, "rcpc"},
      {"flagm", FlagmGen, false, 0, "flagm"},
  });
}

}  // namespace vmd::difftest
