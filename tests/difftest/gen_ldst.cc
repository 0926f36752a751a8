// Generators for loads and stores: every size and sign-extension of the
// single-register forms in each addressing mode, pairs (incl. LDPSW and the
// no-allocate pairs), literal loads, PRFM, exclusives and load-acquire /
// store-release. Each snippet first MOVs an address into its base (and index)
// register so the access lands inside the data region, naturally aligned
// (with the MMU off the data region is Device memory, where an unaligned
// access faults on hardware but not under qemu-user). Encodings the Arm ARM
// calls CONSTRAINED UNPREDICTABLE (writeback with Rt == Rn, LDP with
// Rt == Rt2, STXR with Rs == Rt or Rn) are never generated.
#include <cstdint>
#include <vector>

#include "tests/difftest/a64.h"
#include "tests/difftest/generators.h"

namespace vmd::difftest {
namespace {

using namespace a64;  // NOLINT: encoders only, in a .cc file

// The single-register size/opc pairs: STR, LDR, LDRS (to X), LDRS (to W).
struct SizeOpc {
  int size;
  int opc;
};
constexpr SizeOpc kSingle[] = {
    {0, 0}, {0, 1}, {0, 2}, {0, 3},  // STRB LDRB LDRSB(X) LDRSB(W)
    {1, 0}, {1, 1}, {1, 2}, {1, 3},  // STRH LDRH LDRSH(X) LDRSH(W)
    {2, 0}, {2, 1}, {2, 2},          // STR(W) LDR(W) LDRSW
    {3, 0}, {3, 1},                  // STR(X) LDR(X)
};

SizeOpc PickSingle(CaseBuilder& b) {
  return kSingle[b.rng().Below(sizeof(kSingle) / sizeof(kSingle[0]))];
}

uint64_t DataAddr(uint64_t offset) { return DT_DATA_IPA + offset; }

void LdstUimmGen(CaseBuilder& b) {
  SizeOpc so = PickSingle(b);
  uint64_t n = 1ull << so.size;
  uint64_t ea = b.DataOffset(n, n);
  uint32_t imm12 = static_cast<uint32_t>(b.rng().Chance(1, 2) ? b.rng().Below(4096)
                                                              : b.rng().Below(16));
  int rn = b.GpReg();
  b.SetReg(rn, DataAddr(ea) - imm12 * n);
  b.Emit(LdstUimm(so.size, so.opc, imm12, rn, b.RegOrZr()));
}

// Unscaled (mode 0), post-index (1), unprivileged (2), pre-index (3).
void LdstImm9Gen(CaseBuilder& b, int mode) {
  SizeOpc so = PickSingle(b);
  uint64_t n = 1ull << so.size;
  uint64_t ea = b.DataOffset(n, n);
  int32_t imm9 = static_cast<int32_t>(b.rng().Range(-256, 255));
  int rn = b.GpReg();
  bool writeback = (mode == 1 || mode == 3);
  b.SetReg(rn, DataAddr(ea) - (mode == 1 ? 0 : static_cast<int64_t>(imm9)));
  int rt = writeback ? b.RegOrZr({rn}) : b.RegOrZr();
  b.Emit(LdstImm9(so.size, so.opc, imm9, mode, rn, rt));
}
void LdurSturGen(CaseBuilder& b) { LdstImm9Gen(b, 0); }
void LdstPostGen(CaseBuilder& b) { LdstImm9Gen(b, 1); }
void LdtrSttrGen(CaseBuilder& b) { LdstImm9Gen(b, 2); }
void LdstPreGen(CaseBuilder& b) { LdstImm9Gen(b, 3); }

void LdstRegGen(CaseBuilder& b) {
  static const int kOptions[] = {2, 3, 6, 7};  // UXTW, LSL (UXTX), SXTW, SXTX
  SizeOpc so = PickSingle(b);
  uint64_t n = 1ull << so.size;
  uint64_t ea = b.DataOffset(n, n);
  int option = kOptions[b.rng().Below(4)];
  int s = b.rng().Bit();
  int shift = s ? so.size : 0;
  int rn = b.GpReg();
  int rm = b.rng().Chance(1, 8) ? 31 : b.GpReg({rn});  // 31: XZR, a zero index
  int64_t idx = 0;
  if (rm != 31) {
    idx = (option == 2) ? b.rng().Range(0, 32) : b.rng().Range(-32, 32);
    uint64_t xm = static_cast<uint64_t>(idx);
    if (option == 2 || option == 6) {
      // Only the low word counts for the W extends: random garbage above it.
      xm = (b.rng().Next() << 32) | (static_cast<uint64_t>(idx) & 0xffffffffull);
    }
    b.SetReg(rm, xm);
  }
  b.SetReg(rn, DataAddr(ea) - static_cast<uint64_t>(idx * (int64_t{1} << shift)));
  b.Emit(LdstReg(so.size, so.opc, rm, option, s, rn, b.RegOrZr()));
}

// Pairs: opc 00 32-bit, 01 LDPSW (loads only), 10 64-bit.
void PairGen(CaseBuilder& b, int mode, bool ldpsw) {
  int opc = ldpsw ? 1 : (b.rng().Bit() ? 2 : 0);
  int l = ldpsw ? 1 : b.rng().Bit();
  uint64_t n = (opc == 2) ? 8 : 4;
  uint64_t ea = b.DataOffset(2 * n, n);
  int32_t imm7 = static_cast<int32_t>(b.rng().Range(-64, 63));
  int rn = b.GpReg();
  bool writeback = (mode == 1 || mode == 3);
  b.SetReg(rn, DataAddr(ea) - (mode == 1 ? 0 : static_cast<int64_t>(imm7) * static_cast<int64_t>(n)));
  int rt = writeback ? b.RegOrZr({rn}) : b.RegOrZr();
  int rt2 = writeback ? b.RegOrZr({rn, rt}) : (l ? b.RegOrZr({rt}) : b.RegOrZr());
  b.Emit(LdstPair(opc, mode, l, imm7, rt2, rn, rt));
}
void PairOffsetGen(CaseBuilder& b) { PairGen(b, 2, false); }
void PairPreGen(CaseBuilder& b) { PairGen(b, 3, false); }
void PairPostGen(CaseBuilder& b) { PairGen(b, 1, false); }
void PairNoAllocGen(CaseBuilder& b) { PairGen(b, 0, false); }
void LdpswGen(CaseBuilder& b) {
  static const int kModes[] = {1, 2, 3};
  PairGen(b, kModes[b.rng().Below(3)], true);
}

// A literal of n bytes wholly inside the pool of `words` words at index
// `pool`, naturally aligned (the code region is Device memory too).
size_t PoolTarget(CaseBuilder& b, size_t pool, int words, uint64_t n) {
  std::vector<size_t> candidates;
  for (size_t t = pool; t + n / 4 <= pool + words; ++t) {
    if ((DT_CODE_IPA + 4 * t) % n == 0) candidates.push_back(t);
  }
  return candidates[b.rng().Below(candidates.size())];
}

void LdrLiteralGen(CaseBuilder& b) {
  // B over a pool of random words, then load one of them (backwards), or load
  // forwards from a pool that follows a branch.
  int opc = static_cast<int>(b.rng().Below(3));  // W, X, LDRSW
  uint64_t n = (opc == 1) ? 8 : 4;
  int words = static_cast<int>(b.rng().Range(3, 6));
  bool backward = b.rng().Bit();
  int rt = b.RegOrZr();
  if (!backward) {
    size_t ldr = b.Here();
    b.Emit(kNop);  // patched below
    b.Emit(B(0, words + 1));
    size_t pool = b.Here();
    for (int i = 0; i < words; ++i) b.EmitSetup(static_cast<uint32_t>(b.rng().Next()));
    size_t target = PoolTarget(b, pool, words, n);
    b.Patch(ldr, LdrLiteral(opc, static_cast<int32_t>(target - ldr), rt));
  } else {
    b.Emit(B(0, words + 1));
    size_t pool = b.Here();
    for (int i = 0; i < words; ++i) b.EmitSetup(static_cast<uint32_t>(b.rng().Next()));
    size_t target = PoolTarget(b, pool, words, n);
    b.Emit(LdrLiteral(opc, static_cast<int32_t>(target) - static_cast<int32_t>(b.Here()), rt));
  }
}

int PrefetchOp(CaseBuilder& b) {
  // type PLD/PLI/PST, target L1..L3, policy KEEP/STRM: allocated encodings.
  return static_cast<int>((b.rng().Below(3) << 3) | (b.rng().Below(3) << 1) | b.rng().Below(2));
}

void PrfmGen(CaseBuilder& b) {
  int rn = b.GpReg();
  b.SetReg(rn, DataAddr(b.DataOffset(8, 8)));
  switch (b.rng().Below(4)) {
    case 0: b.Emit(LdstUimm(3, 2, static_cast<uint32_t>(b.rng().Below(64)), rn, PrefetchOp(b))); break;
    case 1: b.Emit(LdstImm9(3, 2, static_cast<int32_t>(b.rng().Range(-256, 255)), 0, rn, PrefetchOp(b))); break;
    case 2: b.Emit(LdstReg(3, 2, b.GpReg({rn}), 3, b.rng().Bit(), rn, PrefetchOp(b))); break;
    default: b.Emit(LdrLiteral(3, static_cast<int32_t>(b.rng().Range(-64, 64)), PrefetchOp(b))); break;
  }
}

// LDXR/LDAXR then STXR/STLXR to the same address, with nothing in between:
// on an open monitor this must succeed (status 0) on every implementation.
void ExclusiveGen(CaseBuilder& b) {
  int size = static_cast<int>(b.rng().Below(4));
  uint64_t n = 1ull << size;
  int rn = b.GpReg();
  b.SetReg(rn, DataAddr(b.DataOffset(n, n)));
  int rt = b.RegOrZr({rn});
  b.Emit(LdstExcl(size, 0, 1, 0, 31, b.rng().Bit(), 31, rn, rt));
  int rt_store = b.RegOrZr();
  int rs = b.GpReg({rn, rt_store});
  b.Emit(LdstExcl(size, 0, 0, 0, rs, b.rng().Bit(), 31, rn, rt_store));
}

void ExclusivePairGen(CaseBuilder& b) {
  int size = 2 + b.rng().Bit();
  uint64_t n = 1ull << size;
  int rn = b.GpReg();
  b.SetReg(rn, DataAddr(b.DataOffset(2 * n, 2 * n)));
  int rt = b.RegOrZr({rn});
  int rt2 = b.RegOrZr({rn, rt});
  b.Emit(LdstExcl(size, 0, 1, 1, 31, b.rng().Bit(), rt2, rn, rt));
  int st = b.RegOrZr();
  int st2 = b.RegOrZr();
  int rs = b.GpReg({rn, st, st2});
  b.Emit(LdstExcl(size, 0, 0, 1, rs, b.rng().Bit(), st2, rn, st));
}

// A store-exclusive on an open monitor (every snippet closes what it opens):
// it must fail (status 1) and leave memory alone.
void StxrOpenGen(CaseBuilder& b) {
  int size = static_cast<int>(b.rng().Below(4));
  uint64_t n = 1ull << size;
  int rn = b.GpReg();
  b.SetReg(rn, DataAddr(b.DataOffset(n, n)));
  int rt = b.RegOrZr();
  int rs = b.GpReg({rn, rt});
  b.Emit(LdstExcl(size, 0, 0, 0, rs, b.rng().Bit(), 31, rn, rt));
}

void LdarStlrGen(CaseBuilder& b) {
  int size = static_cast<int>(b.rng().Below(4));
  uint64_t n = 1ull << size;
  int rn = b.GpReg();
  b.SetReg(rn, DataAddr(b.DataOffset(n, n)));
  b.Emit(LdstExcl(size, 1, b.rng().Bit(), 0, 31, 1, 31, rn, b.RegOrZr()));
}

// SP as the base: point SP into the data region (16-byte aligned, as SP
// alignment checking requires), then access through it, with writeback by
// multiples of 16 so SP stays aligned.
void SpBaseGen(CaseBuilder& b) {
  int tmp = b.GpReg();
  uint64_t sp_off = 0x100 + (b.rng().Below(DT_DATA_SIZE - 0x200) & ~0xfull);
  b.SetReg(tmp, DataAddr(sp_off));
  b.Emit(AddSubImm(1, 0, 0, 0, 0, tmp, 31));  // MOV SP, Xtmp
  switch (b.rng().Below(5)) {
    case 0: {  // LDR/STR (unsigned offset) of any size
      SizeOpc so = PickSingle(b);
      uint32_t imm12 = static_cast<uint32_t>(b.rng().Below(16));
      b.Emit(LdstUimm(so.size, so.opc, imm12, 31, b.RegOrZr()));
      break;
    }
    case 1: {  // pre/post-index X, by a multiple of 16
      int32_t imm9 = static_cast<int32_t>(b.rng().Range(-15, 15)) * 16;
      b.Emit(LdstImm9(3, b.rng().Bit(), imm9, b.rng().Bit() ? 1 : 3, 31, b.RegOrZr()));
      break;
    }
    case 2: {  // STP/LDP X with writeback (push/pop)
      int32_t imm7 = static_cast<int32_t>(b.rng().Range(-8, 7)) * 2;
      int l = b.rng().Bit();
      int rt = b.RegOrZr();
      int rt2 = l ? b.RegOrZr({rt}) : b.RegOrZr();
      b.Emit(LdstPair(2, b.rng().Bit() ? 1 : 3, l, imm7, rt2, 31, rt));
      break;
    }
    case 3: {  // LDR/STR register offset from SP
      int rm = b.GpReg();
      b.SetReg(rm, b.rng().Below(16) * 8);
      b.Emit(LdstReg(3, b.rng().Bit(), rm, 3, 0, 31, b.RegOrZr({rm})));
      break;
    }
    default:  // SP arithmetic: ADD/SUB SP, SP, #imm
      b.Emit(AddSubImm(1, b.rng().Bit(), 0, 0, static_cast<uint32_t>(b.rng().Below(64)) * 16, 31, 31));
      break;
  }
}

}  // namespace

void AddLoadStoreGenerators(std::vector<Generator>* out) {
  out->insert(out->end(), {
      {"ldst_uimm", LdstUimmGen},
      {"ldur_stur", LdurSturGen},
      {"ldst_post", LdstPostGen},
      {"ldst_pre", LdstPreGen},
      {"ldtr_sttr", LdtrSttrGen},
      {"ldst_reg", LdstRegGen},
      {"ldst_pair", PairOffsetGen},
      {"ldst_pair_pre", PairPreGen},
      {"ldst_pair_post", PairPostGen},
      {"ldnp_stnp", PairNoAllocGen},
      {"ldpsw", LdpswGen},
      {"ldr_literal", LdrLiteralGen},
      {"prfm", PrfmGen},
      {"ldxr_stxr", ExclusiveGen},
      {"ldxp_stxp", ExclusivePairGen},
      {"stxr_open", StxrOpenGen},
      {"ldar_stlr", LdarStlrGen},
      {"sp_base", SpBaseGen},
  });
}

}  // namespace vmd::difftest
