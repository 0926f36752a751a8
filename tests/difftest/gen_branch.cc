// Generators for branches and the system instructions an integer sequence
// uses. Branches only go forward, over filler instructions inside their own
// snippet, so a sequence always ends and a taken branch shows up as the
// skipped fillers' results missing.
#include <cstdint>

#include "tests/difftest/a64.h"
#include "tests/difftest/generators.h"
#include "tests/difftest/rng.h"

namespace vmd::difftest {
namespace {

using namespace a64;  // NOLINT: encoders only, in a .cc file

int Skip(CaseBuilder& b) { return static_cast<int>(b.rng().Range(0, 3)); }

// Emits a placeholder, `skip` fillers, and patches the placeholder with
// make(offset in instructions to just past the fillers).
template <typename Make>
void ForwardOver(CaseBuilder& b, Make make) {
  int skip = Skip(b);
  size_t at = b.Here();
  b.Emit(kNop);
  b.EmitFillers(skip);
  b.Patch(at, make(static_cast<int32_t>(b.Here() - at)));
}

void BGen(CaseBuilder& b) {
  ForwardOver(b, [](int32_t off) { return B(0, off); });
}

void BlGen(CaseBuilder& b) {
  ForwardOver(b, [](int32_t off) { return B(1, off); });
}

void BCondGen(CaseBuilder& b) {
  int cond = static_cast<int>(b.rng().Below(16));
  ForwardOver(b, [cond](int32_t off) { return BCond(off, cond); });
}

void CbzGen(CaseBuilder& b) {
  int sf = b.rng().Bit(), op = b.rng().Bit(), rt = b.RegOrZr();
  ForwardOver(b, [=](int32_t off) { return Cb(sf, op, off, rt); });
}

void TbzGen(CaseBuilder& b) {
  int bit = static_cast<int>(b.rng().Below(64)), op = b.rng().Bit(), rt = b.RegOrZr();
  ForwardOver(b, [=](int32_t off) { return Tb(bit, op, off, rt); });
}

// ADR Xn, target; BR/BLR/RET Xn; fillers; target.
void BranchRegGen(CaseBuilder& b) {
  int rn = b.GpReg();
  int opc = static_cast<int>(b.rng().Below(3));
  size_t adr = b.Here();
  b.Emit(kNop);
  b.Emit(BranchReg(opc, rn));
  b.EmitFillers(Skip(b));
  b.Patch(adr, Adr(0, static_cast<int32_t>((b.Here() - adr) * 4), rn));
}

void NzcvSysGen(CaseBuilder& b) {
  b.Emit(b.rng().Bit() ? MrsNzcv(b.RegOrZr()) : MsrNzcv(b.RegOrZr()));
}

void HintBarrierGen(CaseBuilder& b) {
  switch (b.rng().Below(9)) {
    case 0: b.Emit(kNop); break;
    case 6: b.Emit(Hint(1)); break;  // YIELD
    case 7: b.Emit(Hint(4)); break;  // SEV
    case 8: b.Emit(Hint(5)); break;  // SEVL
    case 1: b.Emit(Hint(20)); break;  // CSDB
    case 2: b.Emit(0xd503309fu | (static_cast<uint32_t>(b.rng().Below(16)) << 8)); break;  // DSB
    case 3: b.Emit(0xd50330bfu | (static_cast<uint32_t>(b.rng().Below(16)) << 8)); break;  // DMB
    case 4: b.Emit(0xd5033fdfu); break;  // ISB
    default: b.Emit(0xd503305fu | (static_cast<uint32_t>(b.rng().Below(16)) << 8)); break;  // CLREX
  }
}

// Encodings the Arm ARM leaves unallocated inside the integer groups (the
// constraints the other generators respect, broken one at a time). Both
// sides must take an Unknown-reason exception at this instruction, with the
// state of everything before it intact.
void UndefinedGen(CaseBuilder& b) {
  Rng& r = b.rng();
  int rd = b.AnyReg(), rn = b.AnyReg(), rm = b.AnyReg();
  auto u = [&r](int n) { return static_cast<int>(r.Below(n)); };
  switch (r.Below(12)) {
    case 0: b.Emit(static_cast<uint32_t>(r.Below(65536))); break;  // UDF #imm16
    case 1: b.Emit(LogicalImm(0, u(4), 1, u(64), u(64), rn, rd)); break;  // 32-bit, N=1
    case 2: b.Emit(MovWide(0, r.Bit() ? kMovz : kMovn, 2 + u(2), u(65536), rd)); break;  // hw>=2
    case 3: b.Emit(MovWide(r.Bit(), 1, u(4), u(65536), rd)); break;  // opc 01
    case 4: b.Emit(AddSubShifted(r.Bit(), r.Bit(), r.Bit(), 3, rm, u(32), rn, rd)); break;  // ROR
    case 5: b.Emit(AddSubShifted(0, r.Bit(), r.Bit(), u(3), rm, 32 + u(32), rn, rd)); break;
    case 6: b.Emit(AddSubExt(r.Bit(), r.Bit(), r.Bit(), rm, u(8), 5 + u(3), rn, rd)); break;
    case 7: {  // bitfield: N != sf, or a 32-bit immr/imms >= 32
      int sf = r.Bit();
      if (sf || r.Bit()) {
        b.Emit(Bitfield(sf, u(3), 1 - sf, u(64), u(64), rn, rd));
      } else {
        b.Emit(Bitfield(0, u(3), 0, 32 + u(32), u(32), rn, rd));
      }
      break;
    }
    case 8: b.Emit(Extr(0, 0, rm, 32 + u(32), rn, rd)); break;
    case 9: b.Emit(LogicalShifted(0, u(4), u(4), r.Bit(), rm, 32 + u(32), rn, rd)); break;
    case 10: b.Emit(Dp1(0, 3, rn, rd)); break;  // REV (64-bit form) with sf 0
    default: b.Emit(Dp3(r.Bit(), 3 + u(2), r.Bit(), rm, b.AnyReg(), rn, rd)); break;  // op31 011/100
  }
}

// BRK #imm16: a Breakpoint exception (EC 0x3c) on the hv side, SIGTRAP on
// the reference.
void BrkGen(CaseBuilder& b) { b.Emit(0xd4200000u | (static_cast<uint32_t>(b.rng().Below(65536)) << 5)); }

// LDPSW has no no-allocate form (LDNP's opc 01 with L 1 is unallocated).
void UndefinedPairGen(CaseBuilder& b) {
  int rt = b.AnyReg();
  b.Emit(LdstPair(1, 0, 1, static_cast<int32_t>(b.rng().Range(-64, 63)), b.AnyReg(), b.AnyReg(), rt));
}

}  // namespace

void AddBranchSystemGenerators(std::vector<Generator>* out) {
  out->insert(out->end(), {
      {"b", BGen},
      {"bl", BlGen},
      {"b_cond", BCondGen},
      {"cbz_cbnz", CbzGen},
      {"tbz_tbnz", TbzGen},
      {"br_blr_ret", BranchRegGen},
      {"mrs_msr_nzcv", NzcvSysGen},
      {"hint_barrier", HintBarrierGen},
      {"brk", BrkGen, false, 5},
      {"undefined", UndefinedGen, false, 4},
      {"undefined_pair", UndefinedPairGen, false, 4},
  });
}

}  // namespace vmd::difftest
