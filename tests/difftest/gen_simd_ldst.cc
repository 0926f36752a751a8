// Generators for the SIMD&FP loads and stores of ARMv8.0 (hv/soft's
// SimdLoadStoreTable in exec_simd_ldst.cc): LDR/STR of B/H/S/D/Q with an
// unsigned offset, unscaled, pre- and post-indexed and with a register
// offset; LDR (literal) of S/D/Q; LDP/STP/LDNP/STNP of S/D/Q in every index
// form; LD1-LD4/ST1-ST4 multiple structures, single structures (one lane)
// and LD1R-LD4R replicate, with and without post-index (immediate and
// register). Each snippet MOVs a data-region address into its base register
// first; every access is naturally aligned to its element (the data region
// is Device memory on the hv side, with the MMU off).
#include <cstdint>
#include <vector>

#include "tests/difftest/a64.h"
#include "tests/difftest/generators.h"

namespace vmd::difftest {
namespace {

using namespace a64;  // NOLINT: encoders only, in a .cc file

uint64_t DataAddr(uint64_t offset) { return DT_DATA_IPA + offset; }

// A single-register SIMD&FP access: the size field, the opc bit 1 (Q), and
// log2 of the byte count.
struct VSize {
  int size;
  int opc_hi;
  int scale;
};
VSize PickVSize(CaseBuilder& b) {
  static const VSize kSizes[] = {{0, 0, 0}, {1, 0, 1}, {2, 0, 2}, {3, 0, 3}, {0, 1, 4}};
  return kSizes[b.rng().Below(5)];
}

void VLdstUimmGen(CaseBuilder& b) {
  VSize v = PickVSize(b);
  uint64_t n = 1ull << v.scale;
  uint64_t ea = b.DataOffset(n, n);
  uint32_t imm12 = static_cast<uint32_t>(b.rng().Bit() ? b.rng().Below(4096) : b.rng().Below(16));
  int rn = b.GpReg();
  b.SetReg(rn, DataAddr(ea) - imm12 * n);
  b.Emit(VLdstUimm(v.size, v.opc_hi * 2 + b.rng().Bit(), imm12, rn, b.VReg()));
}

// Unscaled (mode 0), post-index (1), pre-index (3).
void VLdstImm9Gen(CaseBuilder& b, int mode) {
  VSize v = PickVSize(b);
  uint64_t n = 1ull << v.scale;
  uint64_t ea = b.DataOffset(n, n);
  int32_t imm9 = static_cast<int32_t>(b.rng().Range(-256, 255));
  int rn = b.GpReg();
  b.SetReg(rn, DataAddr(ea) - (mode == 1 ? 0 : static_cast<int64_t>(imm9)));
  b.Emit(VLdstImm9(v.size, v.opc_hi * 2 + b.rng().Bit(), imm9, mode, rn, b.VReg()));
}
void VLdurSturGen(CaseBuilder& b) { VLdstImm9Gen(b, 0); }
void VLdstPostGen(CaseBuilder& b) { VLdstImm9Gen(b, 1); }
void VLdstPreGen(CaseBuilder& b) { VLdstImm9Gen(b, 3); }

void VLdstRegGen(CaseBuilder& b) {
  static const int kOptions[] = {2, 3, 6, 7};  // UXTW, LSL, SXTW, SXTX
  VSize v = PickVSize(b);
  uint64_t n = 1ull << v.scale;
  uint64_t ea = b.DataOffset(n, n);
  int option = kOptions[b.rng().Below(4)];
  int s = b.rng().Bit();
  int shift = s ? v.scale : 0;
  int rn = b.GpReg();
  int rm = b.rng().Chance(1, 8) ? 31 : b.GpReg({rn});
  int64_t idx = 0;
  if (rm != 31) {
    idx = (option == 2) ? b.rng().Range(0, 32) : b.rng().Range(-32, 32);
    uint64_t xm = static_cast<uint64_t>(idx);
    if (option == 2 || option == 6) xm = (b.rng().Next() << 32) | (xm & 0xffffffffull);
    b.SetReg(rm, xm);
  }
  b.SetReg(rn, DataAddr(ea) - static_cast<uint64_t>(idx * (int64_t{1} << shift)));
  b.Emit(VLdstReg(v.size, v.opc_hi * 2 + b.rng().Bit(), rm, option, s, rn, b.VReg()));
}

// LDR S/D/Q (literal) from a pool of random words the snippet branches over.
void VLdrLiteralGen(CaseBuilder& b) {
  int opc = static_cast<int>(b.rng().Below(3));
  uint64_t n = 4ull << opc;
  int words =
      static_cast<int>(b.rng().Range(static_cast<int>(n / 4) + 3, static_cast<int>(n / 4) + 5));
  bool backward = b.rng().Bit();
  int rt = b.VReg();
  auto target_in = [&](size_t pool) {
    std::vector<size_t> candidates;
    for (size_t t = pool; t + n / 4 <= pool + words; ++t) {
      if ((DT_CODE_IPA + 4 * t) % n == 0) candidates.push_back(t);
    }
    return candidates[b.rng().Below(candidates.size())];
  };
  if (!backward) {
    size_t ldr = b.Here();
    b.Emit(kNop);
    b.Emit(B(0, words + 1));
    size_t pool = b.Here();
    for (int i = 0; i < words; ++i) b.EmitSetup(static_cast<uint32_t>(b.rng().Next()));
    b.Patch(ldr, VLdrLiteral(opc, static_cast<int32_t>(target_in(pool) - ldr), rt));
  } else {
    b.Emit(B(0, words + 1));
    size_t pool = b.Here();
    for (int i = 0; i < words; ++i) b.EmitSetup(static_cast<uint32_t>(b.rng().Next()));
    size_t target = target_in(pool);
    b.Emit(VLdrLiteral(opc, static_cast<int32_t>(target) - static_cast<int32_t>(b.Here()), rt));
  }
}

// Pairs of S (opc 00), D (01), Q (10); mode 000 no-allocate, 001 post-index,
// 010 offset, 011 pre-index. LDP with Rt == Rt2 is CONSTRAINED UNPREDICTABLE.
void VPairGen(CaseBuilder& b, int mode) {
  int opc = static_cast<int>(b.rng().Below(3));
  uint64_t n = 4ull << opc;
  uint64_t ea = b.DataOffset(2 * n, n);
  int32_t imm7 = static_cast<int32_t>(b.rng().Range(-64, 63));
  int rn = b.GpReg();
  b.SetReg(rn,
           DataAddr(ea) - (mode == 1 ? 0 : static_cast<int64_t>(imm7) * static_cast<int64_t>(n)));
  int l = b.rng().Bit();
  int rt = b.VReg();
  int rt2 = b.VReg();
  while (l && rt2 == rt) rt2 = b.VReg();
  b.Emit(VLdstPair(opc, mode, l, imm7, rt2, rn, rt));
}
void VPairOffsetGen(CaseBuilder& b) { VPairGen(b, 2); }
void VPairPreGen(CaseBuilder& b) { VPairGen(b, 3); }
void VPairPostGen(CaseBuilder& b) { VPairGen(b, 1); }
void VPairNoAllocGen(CaseBuilder& b) { VPairGen(b, 0); }

// LD1-4/ST1-4 (multiple structures): opcode and register count; LD2-LD4
// have no 1D arrangement (size 11 with Q 0).
void VMultiGen(CaseBuilder& b, bool post) {
  static const int kOps[][2] = {{0, 4}, {2, 4}, {4, 3}, {6, 3}, {7, 1}, {8, 2}, {10, 2}};
  const int* op = kOps[b.rng().Below(7)];
  bool ld1 = op[0] == 2 || op[0] == 6 || op[0] == 7 || op[0] == 10;
  int q = b.rng().Bit();
  int size = static_cast<int>(b.rng().Below(4));
  if (!ld1 && size == 3) q = 1;
  uint64_t bytes = static_cast<uint64_t>(op[1]) * (q ? 16 : 8);
  uint64_t esize = 1ull << size;
  uint64_t ea = b.DataOffset(bytes, esize);
  int rn = b.GpReg();
  b.SetReg(rn, DataAddr(ea));
  int rm = 0;
  if (post) {
    if (b.rng().Bit()) {
      rm = 31;  // immediate: the bytes transferred
    } else {
      rm = b.GpReg({rn});
      b.SetReg(rm, static_cast<uint64_t>(b.rng().Range(-512, 512)));
    }
  }
  b.Emit(VLdstMulti(q, b.rng().Bit(), post, rm, op[0], size, rn, b.VReg()));
}
void VMultiNoPostGen(CaseBuilder& b) { VMultiGen(b, false); }
void VMultiPostGen(CaseBuilder& b) { VMultiGen(b, true); }

// LD1-4/ST1-4 (single structure): one lane of 1-4 registers. `replicate`:
// LD1R-LD4R (loads only, every arrangement).
void VSingleGen(CaseBuilder& b, bool post, bool replicate) {
  int selem = static_cast<int>(b.rng().Range(1, 4));
  int scale, q, s = 0, size;
  if (replicate) {
    scale = static_cast<int>(b.rng().Below(4));
    size = scale;
    q = b.rng().Bit();
  } else {
    scale = static_cast<int>(b.rng().Below(4));
    // The lane index is Q:S:size (B), Q:S:size<1> (H), Q:S (S), Q (D).
    int index_bits = scale == 0 ? 4 : (scale == 1 ? 3 : (scale == 2 ? 2 : 1));
    int index = static_cast<int>(b.rng().Below(1u << index_bits));
    q = index >> (index_bits - 1);
    switch (scale) {
      case 0:
        s = (index >> 2) & 1;
        size = index & 3;
        break;
      case 1:
        s = (index >> 1) & 1;
        size = (index & 1) << 1;
        break;
      case 2:
        s = index & 1;
        size = 0;
        break;
      default:
        size = 1;
        break;
    }
  }
  int opcode =
      replicate ? 6 | ((selem - 1) >> 1) : ((scale == 3 ? 2 : scale) << 1) | ((selem - 1) >> 1);
  int r = (selem - 1) & 1;
  uint64_t esize = 1ull << scale;
  uint64_t ea = b.DataOffset(esize * selem, esize);
  int rn = b.GpReg();
  b.SetReg(rn, DataAddr(ea));
  int rm = 0;
  if (post) {
    if (b.rng().Bit()) {
      rm = 31;
    } else {
      rm = b.GpReg({rn});
      b.SetReg(rm, static_cast<uint64_t>(b.rng().Range(-512, 512)));
    }
  }
  int l = replicate ? 1 : b.rng().Bit();
  b.Emit(VLdstSingle(q, l, r, post, rm, opcode, s, size, rn, b.VReg()));
}
void VSingleNoPostGen(CaseBuilder& b) { VSingleGen(b, false, false); }
void VSinglePostGen(CaseBuilder& b) { VSingleGen(b, true, false); }
void VReplicateGen(CaseBuilder& b) { VSingleGen(b, b.rng().Bit(), true); }

// SP as the base register (Rn 31 is SP in every SIMD&FP load/store): point
// SP into the data region, 16-byte aligned, then one access through it, with
// writeback by multiples of 16 so SP stays aligned.
void VSpBaseGen(CaseBuilder& b) {
  int tmp = b.GpReg();
  b.SetReg(tmp, DataAddr(0x200 + (b.rng().Below(DT_DATA_SIZE - 0x400) & ~0xfull)));
  b.EmitSetup(AddSubImm(1, 0, 0, 0, 0, tmp, 31));  // MOV SP, Xtmp
  switch (b.rng().Below(5)) {
    case 0: {  // LDR/STR (unsigned offset), any size
      VSize v = PickVSize(b);
      b.Emit(VLdstUimm(v.size, v.opc_hi * 2 + b.rng().Bit(),
                       static_cast<uint32_t>(b.rng().Below(16)), 31, b.VReg()));
      break;
    }
    case 1:  // LDR/STR Q pre/post-index
      b.Emit(VLdstImm9(0, 2 + b.rng().Bit(), static_cast<int32_t>(b.rng().Range(-15, 15)) * 16,
                       b.rng().Bit() ? 1 : 3, 31, b.VReg()));
      break;
    case 2: {  // LDP/STP Q with writeback
      int l = b.rng().Bit(), rt = b.VReg(), rt2 = b.VReg();
      while (l && rt2 == rt) rt2 = b.VReg();
      b.Emit(VLdstPair(2, b.rng().Bit() ? 1 : 3, l, static_cast<int32_t>(b.rng().Range(-8, 7)), rt2,
                       31, rt));
      break;
    }
    case 3:  // LD1/ST1 multiple, post-index by the immediate (a multiple of 16 for Q)
      b.Emit(
          VLdstMulti(1, b.rng().Bit(), 1, 31, 7, static_cast<int>(b.rng().Below(4)), 31, b.VReg()));
      break;
    default:  // LD1/ST1 single lane without writeback
      b.Emit(VLdstSingle(b.rng().Bit(), b.rng().Bit(), 0, 0, 0, 4, 0, 0, 31, b.VReg()));
      break;
  }
}

}  // namespace

void AddSimdLoadStoreGenerators(std::vector<Generator>* out) {
  std::vector<Generator> g = {
      {"simd_ldst_uimm", VLdstUimmGen},       {"simd_ldur_stur", VLdurSturGen},
      {"simd_ldst_post", VLdstPostGen},       {"simd_ldst_pre", VLdstPreGen},
      {"simd_ldst_reg", VLdstRegGen},         {"simd_ldr_literal", VLdrLiteralGen},
      {"simd_ldst_pair", VPairOffsetGen},     {"simd_ldst_pair_pre", VPairPreGen},
      {"simd_ldst_pair_post", VPairPostGen},  {"simd_ldnp_stnp", VPairNoAllocGen},
      {"simd_ldst_multi", VMultiNoPostGen},   {"simd_ldst_multi_post", VMultiPostGen},
      {"simd_ldst_single", VSingleNoPostGen}, {"simd_ldst_single_post", VSinglePostGen},
      {"simd_ld_replicate", VReplicateGen},   {"simd_sp_base", VSpBaseGen},
  };
  for (Generator& x : g) x.fp = true;
  out->insert(out->end(), g.begin(), g.end());
}

}  // namespace vmd::difftest
