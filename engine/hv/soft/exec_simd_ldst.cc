// SIMD&FP loads and stores (ARM ARM C3.3 / C4.1.4, V=1 encodings): LDR/STR
// of B/H/S/D/Q in every addressing form, LDR (literal), LDP/STP/LDNP/STNP,
// LD1-LD4/ST1-ST4 multiple structures, single-structure (lane) forms and
// LD1R-LD4R. Part of the decoder (decode.h: SimdLoadStoreTable).
//
// Every access goes through MemRead/MemWrite below: one host memcpy when the
// whole transfer lies in one page the soft TLB allows, else byte-exact
// chunks through the cpu.cc slow paths (refill, page crossing, faults).
// Alignment (SCTLR_EL1.A) is checked once per instruction against the
// element size: all elements of one instruction share their alignment.
// Loads gather into a buffer before touching registers, so a fault leaves
// the registers, the base and the PC as before the instruction; stores may
// have written part of memory (the ARM ARM allows it).
#include <algorithm>

#include "engine/hv/soft/decode.h"
#include "engine/hv/soft/exec_util.h"
#include "engine/hv/soft/simd.h"

namespace vmd::hvsoft {
namespace {

enum Mode { kOffset, kPost, kPre, kRegOff };

constexpr uint32_t kFscAlignment = 0x21;

void AlignmentFault(Cpu& c, const Insn& i, uint64_t va, bool write) {
  TakeException(c, c.el == 0 ? 0x24 : 0x25, (write ? 1u << 6 : 0) | kFscAlignment, PcOf(c, i), va,
                true);
}

// SP alignment check (SCTLR_EL1.SA / SA0) for accesses based on SP.
inline bool SpAligned(Cpu& c, const Insn& i, uint64_t base) {
  if (i.rn != kSp || (base & 15) == 0) return true;
  const bool enabled = c.el == 0 ? (c.sctlr >> 4) & 1 : (c.sctlr >> 3) & 1;
  if (!enabled) return true;
  TakeException(c, 0x26, 0, PcOf(c, i), 0, false);
  return false;
}

// Byte-wise slow path: chunks of at most 8 bytes through ReadSlow/WriteSlow,
// with the alignment check off (the caller did it for the element size).
bool MemReadSlow(Cpu& c, const Insn& i, uint64_t va, int n, uint8_t* buf) {
  const uint64_t saved = c.align_check;
  c.align_check = 0;
  bool ok = true;
  for (int off = 0; ok && off < n; off += 8) {
    const int len = std::min(8, n - off);
    uint64_t v = 0;
    ok = ReadSlow(c, i, va + off, len, &v);
    if (ok) std::memcpy(buf + off, &v, len);
  }
  c.align_check = saved;
  return ok;
}

bool MemWriteSlow(Cpu& c, const Insn& i, uint64_t va, int n, const uint8_t* buf) {
  const uint64_t saved = c.align_check;
  c.align_check = 0;
  bool ok = true;
  for (int off = 0; ok && off < n; off += 8) {
    const int len = std::min(8, n - off);
    uint64_t v = 0;
    std::memcpy(&v, buf + off, len);
    ok = WriteSlow(c, i, va + off, len, v);
  }
  c.align_check = saved;
  return ok;
}

// Reads kN bytes at va whose elements are `align` bytes (power of two).
template <int kN>
inline bool MemRead(Cpu& c, const Insn& i, uint64_t va, uint64_t align, uint8_t* buf) {
  if (__builtin_expect((va & (align - 1) & c.align_check) != 0, 0)) {
    AlignmentFault(c, i, va, false);
    return false;
  }
  TlbEntry& e = TlbSlot(c, va);
  if (__builtin_expect(
          e.tag_r == ((va & kPageMask) | c.el0_tag) && (va & ~kPageMask) <= kPageSize - kN, 1)) {
    std::memcpy(buf, reinterpret_cast<const void*>(va + e.addend), kN);
    return true;
  }
  return MemReadSlow(c, i, va, kN, buf);
}

template <int kN>
inline bool MemWrite(Cpu& c, const Insn& i, uint64_t va, uint64_t align, const uint8_t* buf) {
  if (__builtin_expect((va & (align - 1) & c.align_check) != 0, 0)) {
    AlignmentFault(c, i, va, true);
    return false;
  }
  TlbEntry& e = TlbSlot(c, va);
  if (__builtin_expect(
          e.tag_w == ((va & kPageMask) | c.el0_tag) && (va & ~kPageMask) <= kPageSize - kN, 1)) {
    std::memcpy(reinterpret_cast<void*>(va + e.addend), buf, kN);
    return true;
  }
  return MemWriteSlow(c, i, va, kN, buf);
}

// ---- single register (B/H/S/D/Q) ----------------------------------------------------
// rd = Vt, rn = base (SP slot 31), rm = offset register, a = extend option,
// b = shift amount, imm = offset.

template <int kLog2, bool kLoad, Mode kMode>
bool LdStReg(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  constexpr int kN = 1 << kLog2;
  const uint64_t base = c.x[i.rn];
  uint64_t addr = base;
  if constexpr (kMode == kOffset || kMode == kPre) addr = base + i.imm;
  if constexpr (kMode == kRegOff) addr = base + ExtendReg(c.x[i.rm], i.a, i.b);
  if (!SpAligned(c, i, base)) return false;
  if constexpr (kLoad) {
    Vec v;
    if (!MemRead<kN>(c, i, addr, kN, v.b)) return false;
    SetVec128(c, i.rd, v);  // scalar load: the rest of the register is zero
  } else {
    const Vec v = GetVec(c, i.rd);
    if (!MemWrite<kN>(c, i, addr, kN, v.b)) return false;
  }
  if constexpr (kMode == kPost) c.x[i.rn] = base + i.imm;
  if constexpr (kMode == kPre) c.x[i.rn] = addr;
  return Next(c, i);
}

template <int kLog2>
bool LoadLiteral(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  constexpr int kN = 1 << kLog2;
  Vec v;
  if (!MemRead<kN>(c, i, PcOf(c, i) + i.imm, kN, v.b)) return false;
  SetVec128(c, i.rd, v);
  return Next(c, i);
}

// ---- pairs (S/D/Q) ----------------------------------------------------------------
// rd = Vt, ra = Vt2.

template <int kLog2, bool kLoad, Mode kMode>
bool Pair(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  constexpr int kN = 1 << kLog2;
  const uint64_t base = c.x[i.rn];
  const uint64_t addr = kMode == kPost ? base : base + i.imm;
  if (!SpAligned(c, i, base)) return false;
  uint8_t buf[2 * kN];
  if constexpr (kLoad) {
    if (!MemRead<2 * kN>(c, i, addr, kN, buf)) return false;
    Vec a, b;
    std::memcpy(a.b, buf, kN);
    std::memcpy(b.b, buf + kN, kN);
    SetVec128(c, i.rd, a);
    SetVec128(c, i.ra, b);
  } else {
    const Vec a = GetVec(c, i.rd), b = GetVec(c, i.ra);
    std::memcpy(buf, a.b, kN);
    std::memcpy(buf + kN, b.b, kN);
    if (!MemWrite<2 * kN>(c, i, addr, kN, buf)) return false;
  }
  if constexpr (kMode == kPost) c.x[i.rn] = base + i.imm;
  if constexpr (kMode == kPre) c.x[i.rn] = addr;
  return Next(c, i);
}

// ---- structures -------------------------------------------------------------------
// rd = Vt, rn = base, rm = post-index register (kZr for the immediate form,
// whose offset is in imm), a = element size - 1 (alignment mask), b = lane.

inline void WriteBack(Cpu& c, const Insn& i, uint64_t base) {
  c.x[i.rn] = base + i.imm + c.x[i.rm];
}

// LD1/ST1 with 1-4 registers: memory is the registers' bytes in order.
template <bool kLoad, int kRegs, bool kQ, bool kWb>
bool Multi1(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  constexpr int kBytes = kQ ? 16 : 8;
  const uint64_t base = c.x[i.rn];
  if (!SpAligned(c, i, base)) return false;
  uint8_t buf[kRegs * kBytes];
  if constexpr (kLoad) {
    if (!MemRead<sizeof(buf)>(c, i, base, i.a + 1, buf)) return false;
    for (int r = 0; r < kRegs; ++r) {
      Vec v;
      std::memcpy(v.b, buf + r * kBytes, kBytes);
      SetVec128(c, (i.rd + r) & 31, v);
    }
  } else {
    for (int r = 0; r < kRegs; ++r) {
      std::memcpy(buf + r * kBytes, &c.q[(i.rd + r) & 31], kBytes);
    }
    if (!MemWrite<sizeof(buf)>(c, i, base, i.a + 1, buf)) return false;
  }
  if constexpr (kWb) WriteBack(c, i, base);
  return Next(c, i);
}

// LD2-LD4/ST2-ST4: element e of register s is memory element e * kSelem + s.
template <bool kLoad, int kSelem, int kLog2, bool kQ, bool kWb>
bool MultiN(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  constexpr int kE = 1 << kLog2;
  constexpr int kElems = (kQ ? 16 : 8) / kE;
  const uint64_t base = c.x[i.rn];
  if (!SpAligned(c, i, base)) return false;
  uint8_t buf[kSelem * kElems * kE];
  if constexpr (kLoad) {
    if (!MemRead<sizeof(buf)>(c, i, base, kE, buf)) return false;
    for (int s = 0; s < kSelem; ++s) {
      Vec v;
      for (int e = 0; e < kElems; ++e) std::memcpy(v.b + e * kE, buf + (e * kSelem + s) * kE, kE);
      SetVec128(c, (i.rd + s) & 31, v);
    }
  } else {
    for (int s = 0; s < kSelem; ++s) {
      const uint8_t* v = reinterpret_cast<const uint8_t*>(&c.q[(i.rd + s) & 31]);
      for (int e = 0; e < kElems; ++e) std::memcpy(buf + (e * kSelem + s) * kE, v + e * kE, kE);
    }
    if (!MemWrite<sizeof(buf)>(c, i, base, kE, buf)) return false;
  }
  if constexpr (kWb) WriteBack(c, i, base);
  return Next(c, i);
}

// LD1-LD4 / ST1-ST4 (single structure): lane i.b of kSelem registers; the
// other lanes keep their values.
template <bool kLoad, int kSelem, int kLog2, bool kWb>
bool Single(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  constexpr int kE = 1 << kLog2;
  const uint64_t base = c.x[i.rn];
  if (!SpAligned(c, i, base)) return false;
  uint8_t buf[kSelem * kE];
  const int off = i.b * kE;
  if constexpr (kLoad) {
    if (!MemRead<sizeof(buf)>(c, i, base, kE, buf)) return false;
    for (int s = 0; s < kSelem; ++s) {
      std::memcpy(reinterpret_cast<uint8_t*>(&c.q[(i.rd + s) & 31]) + off, buf + s * kE, kE);
    }
  } else {
    for (int s = 0; s < kSelem; ++s) {
      std::memcpy(buf + s * kE, reinterpret_cast<const uint8_t*>(&c.q[(i.rd + s) & 31]) + off, kE);
    }
    if (!MemWrite<sizeof(buf)>(c, i, base, kE, buf)) return false;
  }
  if constexpr (kWb) WriteBack(c, i, base);
  return Next(c, i);
}

// LD1R-LD4R: one structure replicated to every lane of kSelem registers.
template <int kSelem, int kLog2, bool kQ, bool kWb>
bool Replicate(Cpu& c, const Insn& i) {
  if (!FpCheck(c, i)) return false;
  constexpr int kE = 1 << kLog2;
  constexpr int kElems = (kQ ? 16 : 8) / kE;
  const uint64_t base = c.x[i.rn];
  if (!SpAligned(c, i, base)) return false;
  uint8_t buf[kSelem * kE];
  if (!MemRead<sizeof(buf)>(c, i, base, kE, buf)) return false;
  for (int s = 0; s < kSelem; ++s) {
    Vec v;
    for (int e = 0; e < kElems; ++e) std::memcpy(v.b + e * kE, buf + s * kE, kE);
    SetVec128(c, (i.rd + s) & 31, v);
  }
  if constexpr (kWb) WriteBack(c, i, base);
  return Next(c, i);
}

// ---- extractors -------------------------------------------------------------------

void XBase(uint32_t raw, Insn& o) {
  o.rd = static_cast<uint8_t>(Bits(raw, 4, 0));
  o.rn = RegSp(raw, 5);
}
// Single registers: the access size in bytes is 1 << (opc<1>:size).
int RegLog2(uint32_t raw) { return Bit(raw, 23) ? 4 : static_cast<int>(Bits(raw, 31, 30)); }

bool XUnsignedImm(uint32_t raw, Insn& o) {
  XBase(raw, o);
  o.imm = static_cast<uint64_t>(Bits(raw, 21, 10)) << RegLog2(raw);
  return true;
}
bool XImm9(uint32_t raw, Insn& o) {
  XBase(raw, o);
  o.imm = static_cast<uint64_t>(SignExtend(Bits(raw, 20, 12), 9));
  return true;
}
bool XRegOffset(uint32_t raw, Insn& o) {
  const uint32_t option = Bits(raw, 15, 13);
  if ((option & 2) == 0) return false;  // only UXTW, LSL/UXTX, SXTW, SXTX
  XBase(raw, o);
  o.rm = RegZr(raw, 16);
  o.a = static_cast<uint8_t>(option);
  o.b = static_cast<uint8_t>(Bit(raw, 12) ? RegLog2(raw) : 0);
  return true;
}
bool XLiteral(uint32_t raw, Insn& o) {
  o.rd = static_cast<uint8_t>(Bits(raw, 4, 0));
  o.imm = static_cast<uint64_t>(SignExtend(Bits(raw, 23, 5), 19) * 4);
  return true;
}
bool XPair(uint32_t raw, Insn& o) {
  XBase(raw, o);
  o.ra = static_cast<uint8_t>(Bits(raw, 14, 10));
  const int scale = 2 + static_cast<int>(Bits(raw, 31, 30));
  o.imm = static_cast<uint64_t>(SignExtend(Bits(raw, 21, 15), 7) * (1 << scale));
  // LDP with Rt == Rt2 is CONSTRAINED UNPREDICTABLE; we choose UNDEFINED.
  if (Bit(raw, 22) && o.rd == o.ra) return false;
  return true;
}

// Post-index: Rm = 31 is the immediate form (offset = bytes transferred).
void XPostIndex(uint32_t raw, Insn& o, uint64_t bytes) {
  if (Bits(raw, 20, 16) == 31) {
    o.rm = kZr;
    o.imm = bytes;
  } else {
    o.rm = static_cast<uint8_t>(Bits(raw, 20, 16));
    o.imm = 0;
  }
}

// Multiple structures: opcode -> registers transferred and structure size.
struct MultiForm {
  int regs, selem;
};
// clang-format off
bool MultiOpcode(uint32_t opcode, MultiForm* f) {
  switch (opcode) {
    case 0x0: *f = {4, 4}; return true;
    case 0x2: *f = {4, 1}; return true;
    case 0x4: *f = {3, 3}; return true;
    case 0x6: *f = {3, 1}; return true;
    case 0x7: *f = {1, 1}; return true;
    case 0x8: *f = {2, 2}; return true;
    case 0xA: *f = {2, 1}; return true;
    default: return false;
  }
}
// clang-format on

// ---- handler choice for the structure forms --------------------------------------
// They have more variants than table lines are worth: one line per group,
// and the extractor picks the specialised handler (decode.h).

template <bool kLoad, bool kWb>
Handler Multi1Handler(int regs, bool q) {
  static constexpr Handler kH[2][4] = {{Multi1<kLoad, 1, false, kWb>, Multi1<kLoad, 2, false, kWb>,
                                        Multi1<kLoad, 3, false, kWb>, Multi1<kLoad, 4, false, kWb>},
                                       {Multi1<kLoad, 1, true, kWb>, Multi1<kLoad, 2, true, kWb>,
                                        Multi1<kLoad, 3, true, kWb>, Multi1<kLoad, 4, true, kWb>}};
  return kH[q][regs - 1];
}

template <bool kLoad, int kSelem, bool kWb>
Handler MultiNHandler(int log2, bool q) {
  static constexpr Handler kH[2][4] = {
      {MultiN<kLoad, kSelem, 0, false, kWb>, MultiN<kLoad, kSelem, 1, false, kWb>,
       MultiN<kLoad, kSelem, 2, false, kWb>, MultiN<kLoad, kSelem, 3, false, kWb>},
      {MultiN<kLoad, kSelem, 0, true, kWb>, MultiN<kLoad, kSelem, 1, true, kWb>,
       MultiN<kLoad, kSelem, 2, true, kWb>, MultiN<kLoad, kSelem, 3, true, kWb>}};
  return kH[q][log2];
}

template <bool kLoad, bool kWb>
Handler MultiHandler(const MultiForm& f, int log2, bool q) {
  switch (f.selem) {
    case 1:
      return Multi1Handler<kLoad, kWb>(f.regs, q);
    case 2:
      return MultiNHandler<kLoad, 2, kWb>(log2, q);
    case 3:
      return MultiNHandler<kLoad, 3, kWb>(log2, q);
    default:
      return MultiNHandler<kLoad, 4, kWb>(log2, q);
  }
}

template <bool kLoad, bool kWb>
Handler SingleHandler(int selem, int log2) {
  static constexpr Handler kH[4][4] = {{Single<kLoad, 1, 0, kWb>, Single<kLoad, 1, 1, kWb>,
                                        Single<kLoad, 1, 2, kWb>, Single<kLoad, 1, 3, kWb>},
                                       {Single<kLoad, 2, 0, kWb>, Single<kLoad, 2, 1, kWb>,
                                        Single<kLoad, 2, 2, kWb>, Single<kLoad, 2, 3, kWb>},
                                       {Single<kLoad, 3, 0, kWb>, Single<kLoad, 3, 1, kWb>,
                                        Single<kLoad, 3, 2, kWb>, Single<kLoad, 3, 3, kWb>},
                                       {Single<kLoad, 4, 0, kWb>, Single<kLoad, 4, 1, kWb>,
                                        Single<kLoad, 4, 2, kWb>, Single<kLoad, 4, 3, kWb>}};
  return kH[selem - 1][log2];
}

template <bool kWb>
Handler ReplicateHandler(int selem, int log2, bool q) {
  static constexpr Handler kH[4][2][4] = {
      {{Replicate<1, 0, false, kWb>, Replicate<1, 1, false, kWb>, Replicate<1, 2, false, kWb>,
        Replicate<1, 3, false, kWb>},
       {Replicate<1, 0, true, kWb>, Replicate<1, 1, true, kWb>, Replicate<1, 2, true, kWb>,
        Replicate<1, 3, true, kWb>}},
      {{Replicate<2, 0, false, kWb>, Replicate<2, 1, false, kWb>, Replicate<2, 2, false, kWb>,
        Replicate<2, 3, false, kWb>},
       {Replicate<2, 0, true, kWb>, Replicate<2, 1, true, kWb>, Replicate<2, 2, true, kWb>,
        Replicate<2, 3, true, kWb>}},
      {{Replicate<3, 0, false, kWb>, Replicate<3, 1, false, kWb>, Replicate<3, 2, false, kWb>,
        Replicate<3, 3, false, kWb>},
       {Replicate<3, 0, true, kWb>, Replicate<3, 1, true, kWb>, Replicate<3, 2, true, kWb>,
        Replicate<3, 3, true, kWb>}},
      {{Replicate<4, 0, false, kWb>, Replicate<4, 1, false, kWb>, Replicate<4, 2, false, kWb>,
        Replicate<4, 3, false, kWb>},
       {Replicate<4, 0, true, kWb>, Replicate<4, 1, true, kWb>, Replicate<4, 2, true, kWb>,
        Replicate<4, 3, true, kWb>}}};
  return kH[selem - 1][q][log2];
}

// LD1-LD4 / ST1-ST4 (multiple structures).
bool XMulti(uint32_t raw, Insn& o) {
  MultiForm f;
  if (!MultiOpcode(Bits(raw, 15, 12), &f)) return false;
  const uint32_t size = Bits(raw, 11, 10);
  const bool q = Bit(raw, 30), load = Bit(raw, 22), wb = Bit(raw, 23);
  if (size == 3 && !q && f.selem != 1) return false;  // reserved
  XBase(raw, o);
  o.rm = kZr;
  o.imm = 0;
  o.a = static_cast<uint8_t>((1u << size) - 1);
  if (wb) XPostIndex(raw, o, static_cast<uint64_t>(f.regs) * (q ? 16 : 8));
  const int log2 = static_cast<int>(size);
  o.fn =
      load ? (wb ? MultiHandler<true, true>(f, log2, q) : MultiHandler<true, false>(f, log2, q))
           : (wb ? MultiHandler<false, true>(f, log2, q) : MultiHandler<false, false>(f, log2, q));
  return true;
}

// Single structure: lane index and size from opcode<2:1>, S, size and Q
// (ARM ARM "LD1 (single structure)" decode); replicate forms need L=1, S=0.
bool XSingle(uint32_t raw, Insn& o) {
  const uint32_t opcode = Bits(raw, 15, 13), s = Bit(raw, 12), size = Bits(raw, 11, 10);
  const uint32_t q = Bit(raw, 30);
  const bool load = Bit(raw, 22), wb = Bit(raw, 23);
  const int selem = static_cast<int>((Bit(opcode, 0) << 1 | Bit(raw, 21)) + 1);
  int scale = static_cast<int>(opcode >> 1);
  const bool replicate = scale == 3;
  uint32_t index = 0;
  switch (scale) {
    case 3:
      if (!load || s) return false;
      scale = static_cast<int>(size);
      break;
    case 0:
      index = q << 3 | s << 2 | size;
      break;
    case 1:
      if (size & 1) return false;
      index = q << 2 | s << 1 | size >> 1;
      break;
    default:
      if (size & 2) return false;
      if (size & 1) {
        if (s) return false;
        scale = 3;
        index = q;
      } else {
        index = q << 1 | s;
      }
      break;
  }
  XBase(raw, o);
  o.rm = kZr;
  o.imm = 0;
  o.b = static_cast<uint8_t>(index);
  o.a = static_cast<uint8_t>((1u << scale) - 1);
  if (wb) XPostIndex(raw, o, static_cast<uint64_t>(selem) << scale);
  if (replicate) {
    o.fn = wb ? ReplicateHandler<true>(selem, scale, q) : ReplicateHandler<false>(selem, scale, q);
  } else if (load) {
    o.fn = wb ? SingleHandler<true, true>(selem, scale) : SingleHandler<true, false>(selem, scale);
  } else {
    o.fn =
        wb ? SingleHandler<false, true>(selem, scale) : SingleHandler<false, false>(selem, scale);
  }
  return true;
}

// One line per size/opc: size 111 V=1 .. opc.
#define SIMD_LS_FORMS(mask, val, mode, x, sfx)                                            \
  {mask, val | 0x00000000, "STR (B, SIMD)" sfx, LdStReg<0, false, mode>, x, false},       \
      {mask, val | 0x00400000, "LDR (B, SIMD)" sfx, LdStReg<0, true, mode>, x, false},    \
      {mask, val | 0x00800000, "STR (Q, SIMD)" sfx, LdStReg<4, false, mode>, x, false},   \
      {mask, val | 0x00C00000, "LDR (Q, SIMD)" sfx, LdStReg<4, true, mode>, x, false},    \
      {mask, val | 0x40000000, "STR (H, SIMD)" sfx, LdStReg<1, false, mode>, x, false},   \
      {mask, val | 0x40400000, "LDR (H, SIMD)" sfx, LdStReg<1, true, mode>, x, false},    \
      {mask, val | 0x80000000, "STR (S, SIMD)" sfx, LdStReg<2, false, mode>, x, false},   \
      {mask, val | 0x80400000, "LDR (S, SIMD)" sfx, LdStReg<2, true, mode>, x, false},    \
      {mask, val | 0xC0000000, "STR (D, SIMD)" sfx, LdStReg<3, false, mode>, x, false}, { \
    mask, val | 0xC0400000, "LDR (D, SIMD)" sfx, LdStReg<3, true, mode>, x, false         \
  }

// opc 101 V=1 0 mode L: opc 00 S, 01 D, 10 Q.
#define SIMD_PAIR_FORMS(val, mode, sfx)                                                          \
  {0xFFC00000, val | 0x00000000, "STP (S, SIMD)" sfx, Pair<2, false, mode>, XPair, false},       \
      {0xFFC00000, val | 0x00400000, "LDP (S, SIMD)" sfx, Pair<2, true, mode>, XPair, false},    \
      {0xFFC00000, val | 0x40000000, "STP (D, SIMD)" sfx, Pair<3, false, mode>, XPair, false},   \
      {0xFFC00000, val | 0x40400000, "LDP (D, SIMD)" sfx, Pair<3, true, mode>, XPair, false},    \
      {0xFFC00000, val | 0x80000000, "STP (Q, SIMD)" sfx, Pair<4, false, mode>, XPair, false}, { \
    0xFFC00000, val | 0x80400000, "LDP (Q, SIMD)" sfx, Pair<4, true, mode>, XPair, false         \
  }

// clang-format off
constexpr DecodeLine kTable[] = {
  // LDR (literal, SIMD&FP): opc 011 V=1 00 imm19 Rt; opc 11 is unallocated.
  {0xFF000000, 0x1C000000, "LDR (literal, S)", LoadLiteral<2>, XLiteral, false},
  {0xFF000000, 0x5C000000, "LDR (literal, D)", LoadLiteral<3>, XLiteral, false},
  {0xFF000000, 0x9C000000, "LDR (literal, Q)", LoadLiteral<4>, XLiteral, false},
  SIMD_PAIR_FORMS(0x2C000000, kOffset, " (no-allocate)"),
  SIMD_PAIR_FORMS(0x2C800000, kPost, " (post-index)"),
  SIMD_PAIR_FORMS(0x2D000000, kOffset, " (offset)"),
  SIMD_PAIR_FORMS(0x2D800000, kPre, " (pre-index)"),
  SIMD_LS_FORMS(0xFFC00000, 0x3D000000, kOffset, XUnsignedImm, " (unsigned offset)"),
  SIMD_LS_FORMS(0xFFE00C00, 0x3C000000, kOffset, XImm9, " (unscaled)"),
  SIMD_LS_FORMS(0xFFE00C00, 0x3C000400, kPost, XImm9, " (post-index)"),
  SIMD_LS_FORMS(0xFFE00C00, 0x3C000C00, kPre, XImm9, " (pre-index)"),
  SIMD_LS_FORMS(0xFFE00C00, 0x3C200800, kRegOff, XRegOffset, " (register)"),
  // Structures: 0 Q 001100 post L R/0 Rm opcode S size Rn Rt. The extractor
  // picks the handler (the line's ExecUndefined is never used).
  {0xBFFF0000, 0x0C000000, "ST1-ST4 (multiple structures)", ExecUndefined, XMulti, false},
  {0xBFFF0000, 0x0C400000, "LD1-LD4 (multiple structures)", ExecUndefined, XMulti, false},
  {0xBFE00000, 0x0C800000, "ST1-ST4 (multiple structures, post-index)", ExecUndefined, XMulti,
   false},
  {0xBFE00000, 0x0CC00000, "LD1-LD4 (multiple structures, post-index)", ExecUndefined, XMulti,
   false},
  {0xBFDF0000, 0x0D000000, "ST1-ST4 (single structure)", ExecUndefined, XSingle, false},
  {0xBFDF0000, 0x0D400000, "LD1-LD4 / LD1R-LD4R (single structure)", ExecUndefined, XSingle,
   false},
  {0xBFC00000, 0x0D800000, "ST1-ST4 (single structure, post-index)", ExecUndefined, XSingle,
   false},
  {0xBFC00000, 0x0DC00000, "LD1-LD4 / LD1R-LD4R (single structure, post-index)",
   ExecUndefined, XSingle, false},
};
// clang-format on

}  // namespace

std::span<const DecodeLine> SimdLoadStoreTable() { return kTable; }

}  // namespace vmd::hvsoft
