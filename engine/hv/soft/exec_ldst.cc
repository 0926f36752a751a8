// Integer loads and stores (ARM ARM C4.1.4): single registers in every
// addressing form, pairs, literal loads, unprivileged forms, load-acquire /
// store-release, and exclusives done with a host compare-and-swap so they
// work across vCPUs on different host threads (DECISIONS.md).
#include <atomic>

#include "engine/hv/soft/decode.h"
#include "engine/hv/soft/exec_util.h"

namespace vmd::hvsoft {
namespace {

enum Mode { kOffset, kPost, kPre, kRegOff, kUnpriv };
// kStore, kLoad (zero-extend), kSign64 (sign-extend to 64), kSign32.
enum Kind { kStore, kLoad, kSign64, kSign32 };

template <int kSize> struct UInt;
template <> struct UInt<0> { using T = uint8_t; using S = int8_t; };
template <> struct UInt<1> { using T = uint16_t; using S = int16_t; };
template <> struct UInt<2> { using T = uint32_t; using S = int32_t; };
template <> struct UInt<3> { using T = uint64_t; using S = int64_t; };

// SP alignment check (SCTLR_EL1.SA / SA0) for accesses based on SP.
inline bool SpAligned(Cpu& c, const Insn& i, uint64_t base) {
  if (i.rn != kSp || (base & 15) == 0) return true;
  const bool enabled = c.el == 0 ? (c.sctlr >> 4) & 1 : (c.sctlr >> 3) & 1;
  if (!enabled) return true;
  TakeException(c, 0x26, 0, PcOf(c, i), 0, false);
  return false;
}

// ---- extractors -------------------------------------------------------------

bool XLoadStore(uint32_t raw, Insn& o, uint64_t imm) {
  const uint32_t opc = Bits(raw, 23, 22);
  o.rd = opc == 0 ? RegZr(raw, 0) : RegZrDst(raw, 0);
  o.rn = RegSp(raw, 5);
  o.rm = RegZr(raw, 16);
  o.imm = imm;
  return true;
}
bool XUnsignedImm(uint32_t raw, Insn& o) {
  return XLoadStore(raw, o, static_cast<uint64_t>(Bits(raw, 21, 10)) << Bits(raw, 31, 30));
}
bool XImm9(uint32_t raw, Insn& o) {
  return XLoadStore(raw, o, static_cast<uint64_t>(SignExtend(Bits(raw, 20, 12), 9)));
}
bool XRegOffset(uint32_t raw, Insn& o) {
  const uint32_t option = Bits(raw, 15, 13);
  if ((option & 2) == 0) return false;  // only UXTW, LSL/UXTX, SXTW, SXTX
  o.a = static_cast<uint8_t>(option);
  o.b = static_cast<uint8_t>(Bit(raw, 12) ? Bits(raw, 31, 30) : 0);
  return XLoadStore(raw, o, 0);
}
bool XPair(uint32_t raw, Insn& o) {
  const bool load = Bit(raw, 22);
  const int scale = Bit(raw, 31) ? 3 : 2;
  o.rd = load ? RegZrDst(raw, 0) : RegZr(raw, 0);
  o.ra = load ? RegZrDst(raw, 10) : RegZr(raw, 10);
  o.rn = RegSp(raw, 5);
  o.imm = static_cast<uint64_t>(SignExtend(Bits(raw, 21, 15), 7) * (1 << scale));
  if (load && o.rd == o.ra && o.rd != kSink) return false;  // CONSTRAINED UNPREDICTABLE
  return true;
}
bool XLiteral(uint32_t raw, Insn& o) {
  o.rd = RegZrDst(raw, 0);
  o.imm = static_cast<uint64_t>(SignExtend(Bits(raw, 23, 5), 19) * 4);
  return true;
}
bool XExclusive(uint32_t raw, Insn& o) {
  const bool load = Bit(raw, 22);
  o.rd = load ? RegZrDst(raw, 0) : RegZr(raw, 0);
  o.ra = load ? RegZrDst(raw, 10) : RegZr(raw, 10);
  o.rm = RegZrDst(raw, 16);  // Rs: status result of STXR
  o.rn = RegSp(raw, 5);
  return true;
}

// ---- single register ----------------------------------------------------------

template <int kSize, Kind kKind, Mode kMode>
bool LoadStore(Cpu& c, const Insn& i) {
  using T = typename UInt<kSize>::T;
  using S = typename UInt<kSize>::S;
  const uint64_t base = c.x[i.rn];
  uint64_t addr = base;
  if constexpr (kMode == kOffset || kMode == kPre || kMode == kUnpriv) addr = base + i.imm;
  if constexpr (kMode == kRegOff) addr = base + ExtendReg(c.x[i.rm], i.a, i.b);
  if (!SpAligned(c, i, base)) return false;
  const uint64_t saved_tag = c.el0_tag;
  if constexpr (kMode == kUnpriv) c.el0_tag = 1;
  bool ok;
  if constexpr (kKind == kStore) {
    ok = Write<T>(c, i, addr, static_cast<T>(c.x[i.rd]));
  } else {
    T v;
    ok = Read<T>(c, i, addr, &v);
    if (ok) {
      if constexpr (kKind == kLoad) {
        c.x[i.rd] = v;
      } else if constexpr (kKind == kSign64) {
        c.x[i.rd] = static_cast<uint64_t>(static_cast<int64_t>(static_cast<S>(v)));
      } else {
        c.x[i.rd] = static_cast<uint32_t>(static_cast<int32_t>(static_cast<S>(v)));
      }
    }
  }
  if constexpr (kMode == kUnpriv) c.el0_tag = saved_tag;
  if (!ok) return false;
  if constexpr (kMode == kPost) c.x[i.rn] = base + i.imm;
  if constexpr (kMode == kPre) c.x[i.rn] = addr;
  return Next(c, i);
}

// ---- pairs --------------------------------------------------------------------

template <int kSize, Kind kKind, Mode kMode>
bool Pair(Cpu& c, const Insn& i) {
  using T = typename UInt<kSize>::T;
  const uint64_t base = c.x[i.rn];
  const uint64_t addr = kMode == kPost ? base : base + i.imm;
  if (!SpAligned(c, i, base)) return false;
  if constexpr (kKind == kStore) {
    const T a = static_cast<T>(c.x[i.rd]), b = static_cast<T>(c.x[i.ra]);
    if (!Write<T>(c, i, addr, a) || !Write<T>(c, i, addr + sizeof(T), b)) return false;
  } else {
    T a, b;
    if (!Read<T>(c, i, addr, &a) || !Read<T>(c, i, addr + sizeof(T), &b)) return false;
    if constexpr (kKind == kSign64) {
      c.x[i.rd] = static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(a)));
      c.x[i.ra] = static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(b)));
    } else {
      c.x[i.rd] = a;
      c.x[i.ra] = b;
    }
  }
  if constexpr (kMode == kPost) c.x[i.rn] = base + i.imm;
  if constexpr (kMode == kPre) c.x[i.rn] = addr;
  return Next(c, i);
}

template <int kSize, Kind kKind>
bool LoadLiteral(Cpu& c, const Insn& i) {
  using T = typename UInt<kSize>::T;
  T v;
  if (!Read<T>(c, i, PcOf(c, i) + i.imm, &v)) return false;
  if constexpr (kKind == kSign64) {
    c.x[i.rd] = static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(v)));
  } else {
    c.x[i.rd] = v;
  }
  return Next(c, i);
}

bool Prefetch(Cpu& c, const Insn& i) { return Next(c, i); }

// ---- acquire / release ----------------------------------------------------------

template <int kSize>
bool LoadAcquire(Cpu& c, const Insn& i) {
  using T = typename UInt<kSize>::T;
  const uint64_t addr = c.x[i.rn];
  if (!SpAligned(c, i, addr)) return false;
  uint8_t* host = HostForAtomic(c, i, addr, 1 << kSize, Access::kRead);
  if (host == nullptr) return false;
  c.x[i.rd] = __atomic_load_n(reinterpret_cast<T*>(host), __ATOMIC_SEQ_CST);
  return Next(c, i);
}

template <int kSize>
bool StoreRelease(Cpu& c, const Insn& i) {
  using T = typename UInt<kSize>::T;
  const uint64_t addr = c.x[i.rn];
  if (!SpAligned(c, i, addr)) return false;
  uint8_t* host = HostForAtomic(c, i, addr, 1 << kSize, Access::kWrite);
  if (host == nullptr) return false;
  __atomic_store_n(reinterpret_cast<T*>(host), static_cast<T>(c.x[i.rd]), __ATOMIC_SEQ_CST);
  return Next(c, i);
}

// ---- exclusives -------------------------------------------------------------------

template <int kSize, bool kPair, bool kAcquire>
bool LoadExclusive(Cpu& c, const Insn& i) {
  using T = typename UInt<kSize>::T;
  const uint64_t addr = c.x[i.rn];
  if (!SpAligned(c, i, addr)) return false;
  const int total = (1 << kSize) * (kPair ? 2 : 1);
  uint8_t* host = HostForAtomic(c, i, addr, total, Access::kRead);
  if (host == nullptr) return false;
  if constexpr (kPair && kSize == 3) {
    unsigned __int128 v = __atomic_load_n(reinterpret_cast<unsigned __int128*>(host),
                                          __ATOMIC_SEQ_CST);
    c.excl_value[0] = static_cast<uint64_t>(v);
    c.excl_value[1] = static_cast<uint64_t>(v >> 64);
    c.x[i.rd] = c.excl_value[0];
    c.x[i.ra] = c.excl_value[1];
  } else if constexpr (kPair) {
    const uint64_t v = __atomic_load_n(reinterpret_cast<uint64_t*>(host), __ATOMIC_SEQ_CST);
    c.excl_value[0] = v;
    c.x[i.rd] = static_cast<uint32_t>(v);
    c.x[i.ra] = v >> 32;
  } else {
    const T v = __atomic_load_n(reinterpret_cast<T*>(host), kAcquire ? __ATOMIC_SEQ_CST
                                                                     : __ATOMIC_RELAXED);
    c.excl_value[0] = v;
    c.x[i.rd] = v;
  }
  c.excl_valid = true;
  c.excl_host = host;
  c.excl_size = total;
  return Next(c, i);
}

template <int kSize, bool kPair, bool kRelease>
bool StoreExclusive(Cpu& c, const Insn& i) {
  using T = typename UInt<kSize>::T;
  const uint64_t addr = c.x[i.rn];
  if (!SpAligned(c, i, addr)) return false;
  const int total = (1 << kSize) * (kPair ? 2 : 1);
  uint8_t* host = HostForAtomic(c, i, addr, total, Access::kWrite);
  if (host == nullptr) return false;
  bool ok = c.excl_valid && c.excl_host == host && c.excl_size == total;
  if (ok) {
    if constexpr (kPair && kSize == 3) {
      unsigned __int128 expected =
          (static_cast<unsigned __int128>(c.excl_value[1]) << 64) | c.excl_value[0];
      const unsigned __int128 desired =
          (static_cast<unsigned __int128>(c.x[i.ra]) << 64) | c.x[i.rd];
      ok = __atomic_compare_exchange_n(reinterpret_cast<unsigned __int128*>(host), &expected,
                                       desired, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    } else if constexpr (kPair) {
      uint64_t expected = c.excl_value[0];
      const uint64_t desired = (c.x[i.ra] << 32) | static_cast<uint32_t>(c.x[i.rd]);
      ok = __atomic_compare_exchange_n(reinterpret_cast<uint64_t*>(host), &expected, desired,
                                       false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    } else {
      T expected = static_cast<T>(c.excl_value[0]);
      ok = __atomic_compare_exchange_n(reinterpret_cast<T*>(host), &expected,
                                       static_cast<T>(c.x[i.rd]), false, __ATOMIC_SEQ_CST,
                                       __ATOMIC_SEQ_CST);
    }
  }
  c.excl_valid = false;
  c.x[i.rm] = ok ? 0 : 1;
  return Next(c, i);
}

// Single-register forms: size in bits 31:30, opc in 23:22. Listed per size
// and opc so each line is one instruction; PRFM takes size 3 opc 2.
#define LS_FORMS(mask, val, mode, x, sfx)                                                       \
  {mask, val | 0x00000000, "STRB" sfx, LoadStore<0, kStore, mode>, x, false},                 \
  {mask, val | 0x00400000, "LDRB" sfx, LoadStore<0, kLoad, mode>, x, false},                  \
  {mask, val | 0x00800000, "LDRSB (X)" sfx, LoadStore<0, kSign64, mode>, x, false},           \
  {mask, val | 0x00C00000, "LDRSB (W)" sfx, LoadStore<0, kSign32, mode>, x, false},           \
  {mask, val | 0x40000000, "STRH" sfx, LoadStore<1, kStore, mode>, x, false},                 \
  {mask, val | 0x40400000, "LDRH" sfx, LoadStore<1, kLoad, mode>, x, false},                  \
  {mask, val | 0x40800000, "LDRSH (X)" sfx, LoadStore<1, kSign64, mode>, x, false},           \
  {mask, val | 0x40C00000, "LDRSH (W)" sfx, LoadStore<1, kSign32, mode>, x, false},           \
  {mask, val | 0x80000000, "STR (W)" sfx, LoadStore<2, kStore, mode>, x, false},              \
  {mask, val | 0x80400000, "LDR (W)" sfx, LoadStore<2, kLoad, mode>, x, false},               \
  {mask, val | 0x80800000, "LDRSW" sfx, LoadStore<2, kSign64, mode>, x, false},               \
  {mask, val | 0xC0000000, "STR (X)" sfx, LoadStore<3, kStore, mode>, x, false},              \
  {mask, val | 0xC0400000, "LDR (X)" sfx, LoadStore<3, kLoad, mode>, x, false}

// LDPSW has no no-allocate form (opc=01 with LDNP's encoding is unallocated),
// so it is listed per addressing mode below.
#define PAIR_FORMS(val, mode, sfx)                                                              \
  {0xFFC00000, val | 0x00000000, "STP (W)" sfx, Pair<2, kStore, mode>, XPair, false},         \
  {0xFFC00000, val | 0x00400000, "LDP (W)" sfx, Pair<2, kLoad, mode>, XPair, false},          \
  {0xFFC00000, val | 0x80000000, "STP (X)" sfx, Pair<3, kStore, mode>, XPair, false},         \
  {0xFFC00000, val | 0x80400000, "LDP (X)" sfx, Pair<3, kLoad, mode>, XPair, false}
#define LDPSW_FORM(val, mode, sfx) \
  {0xFFC00000, val | 0x40400000, "LDPSW" sfx, Pair<2, kSign64, mode>, XPair, false}

// clang-format off
constexpr DecodeLine kTable[] = {
  // Exclusives and acquire/release: size 001000 o2 L o1 Rs o0 Rt2 Rn Rt.
  {0xFFE08000, 0x08000000, "STXRB",   StoreExclusive<0, false, false>, XExclusive, false},
  {0xFFE08000, 0x08008000, "STLXRB",  StoreExclusive<0, false, true>,  XExclusive, false},
  {0xFFE08000, 0x08400000, "LDXRB",   LoadExclusive<0, false, false>,  XExclusive, false},
  {0xFFE08000, 0x08408000, "LDAXRB",  LoadExclusive<0, false, true>,   XExclusive, false},
  {0xFFE08000, 0x48000000, "STXRH",   StoreExclusive<1, false, false>, XExclusive, false},
  {0xFFE08000, 0x48008000, "STLXRH",  StoreExclusive<1, false, true>,  XExclusive, false},
  {0xFFE08000, 0x48400000, "LDXRH",   LoadExclusive<1, false, false>,  XExclusive, false},
  {0xFFE08000, 0x48408000, "LDAXRH",  LoadExclusive<1, false, true>,   XExclusive, false},
  {0xFFE08000, 0x88000000, "STXR (W)",  StoreExclusive<2, false, false>, XExclusive, false},
  {0xFFE08000, 0x88008000, "STLXR (W)", StoreExclusive<2, false, true>,  XExclusive, false},
  {0xFFE08000, 0x88400000, "LDXR (W)",  LoadExclusive<2, false, false>,  XExclusive, false},
  {0xFFE08000, 0x88408000, "LDAXR (W)", LoadExclusive<2, false, true>,   XExclusive, false},
  {0xFFE08000, 0xC8000000, "STXR (X)",  StoreExclusive<3, false, false>, XExclusive, false},
  {0xFFE08000, 0xC8008000, "STLXR (X)", StoreExclusive<3, false, true>,  XExclusive, false},
  {0xFFE08000, 0xC8400000, "LDXR (X)",  LoadExclusive<3, false, false>,  XExclusive, false},
  {0xFFE08000, 0xC8408000, "LDAXR (X)", LoadExclusive<3, false, true>,   XExclusive, false},
  {0xFFE08000, 0x88200000, "STXP (W)",  StoreExclusive<2, true, false>,  XExclusive, false},
  {0xFFE08000, 0x88208000, "STLXP (W)", StoreExclusive<2, true, true>,   XExclusive, false},
  {0xFFE08000, 0x88600000, "LDXP (W)",  LoadExclusive<2, true, false>,   XExclusive, false},
  {0xFFE08000, 0x88608000, "LDAXP (W)", LoadExclusive<2, true, true>,    XExclusive, false},
  {0xFFE08000, 0xC8200000, "STXP (X)",  StoreExclusive<3, true, false>,  XExclusive, false},
  {0xFFE08000, 0xC8208000, "STLXP (X)", StoreExclusive<3, true, true>,   XExclusive, false},
  {0xFFE08000, 0xC8600000, "LDXP (X)",  LoadExclusive<3, true, false>,   XExclusive, false},
  {0xFFE08000, 0xC8608000, "LDAXP (X)", LoadExclusive<3, true, true>,    XExclusive, false},
  {0xFFE08000, 0x08808000, "STLRB",   StoreRelease<0>, XExclusive, false},
  {0xFFE08000, 0x08C08000, "LDARB",   LoadAcquire<0>,  XExclusive, false},
  {0xFFE08000, 0x48808000, "STLRH",   StoreRelease<1>, XExclusive, false},
  {0xFFE08000, 0x48C08000, "LDARH",   LoadAcquire<1>,  XExclusive, false},
  {0xFFE08000, 0x88808000, "STLR (W)", StoreRelease<2>, XExclusive, false},
  {0xFFE08000, 0x88C08000, "LDAR (W)", LoadAcquire<2>,  XExclusive, false},
  {0xFFE08000, 0xC8808000, "STLR (X)", StoreRelease<3>, XExclusive, false},
  {0xFFE08000, 0xC8C08000, "LDAR (X)", LoadAcquire<3>,  XExclusive, false},
  // Literal loads: opc 011 V=0 00 imm19 Rt.
  {0xFF000000, 0x18000000, "LDR (literal, W)", LoadLiteral<2, kLoad>,   XLiteral, false},
  {0xFF000000, 0x58000000, "LDR (literal, X)", LoadLiteral<3, kLoad>,   XLiteral, false},
  {0xFF000000, 0x98000000, "LDRSW (literal)",  LoadLiteral<2, kSign64>, XLiteral, false},
  {0xFF000000, 0xD8000000, "PRFM (literal)",   Prefetch,                XLiteral, false},
  // Pairs: opc 101 V=0 mode L imm7 Rt2 Rn Rt.
  PAIR_FORMS(0x28000000, kOffset, " (no-allocate)"),
  PAIR_FORMS(0x28800000, kPost, " (post-index)"),
  PAIR_FORMS(0x29000000, kOffset, " (offset)"),
  PAIR_FORMS(0x29800000, kPre, " (pre-index)"),
  LDPSW_FORM(0x28800000, kPost, " (post-index)"),
  LDPSW_FORM(0x29000000, kOffset, " (offset)"),
  LDPSW_FORM(0x29800000, kPre, " (pre-index)"),
  // Single registers.
  {0xFFC00000, 0xF9800000, "PRFM (imm)", Prefetch, nullptr, false},
  {0xFFE00C00, 0xF8A00800, "PRFM (reg)", Prefetch, nullptr, false},
  {0xFFE00C00, 0xF8800000, "PRFUM",      Prefetch, nullptr, false},
  LS_FORMS(0xFFC00000, 0x39000000, kOffset, XUnsignedImm, " (unsigned offset)"),
  LS_FORMS(0xFFE00C00, 0x38000000, kOffset, XImm9, " (unscaled)"),
  LS_FORMS(0xFFE00C00, 0x38000400, kPost, XImm9, " (post-index)"),
  LS_FORMS(0xFFE00C00, 0x38000800, kUnpriv, XImm9, " (unprivileged)"),
  LS_FORMS(0xFFE00C00, 0x38000C00, kPre, XImm9, " (pre-index)"),
  LS_FORMS(0xFFE00C00, 0x38200800, kRegOff, XRegOffset, " (register)"),
};
// clang-format on

}  // namespace

std::span<const DecodeLine> LoadStoreTable() { return kTable; }

uint32_t DataAbortIss(uint32_t raw, bool write) {
  const uint32_t wnr = write ? 1u << 6 : 0;
  const uint32_t size = Bits(raw, 31, 30), opc = Bits(raw, 23, 22), rt = Bits(raw, 4, 0);
  const bool single = ((raw & 0x3B000000) == 0x39000000) ||          // unsigned offset
                      ((raw & 0x3B200C00) == 0x38000000) ||          // unscaled
                      ((raw & 0x3B200C00) == 0x38000800) ||          // unprivileged
                      ((raw & 0x3B200C00) == 0x38200800);            // register offset
  const bool acq_rel = (raw & 0x3FA08000) == 0x08808000;             // LDAR / STLR
  if (!single && !acq_rel) return wnr;  // ISV=0
  if (single && Bit(raw, 26)) return wnr;  // SIMD&FP register
  bool sse = false, sf = size == 3;
  if (single && opc >= 2) {
    sse = true;
    sf = opc == 2;
  }
  return 1u << 24 | size << 22 | (sse ? 1u << 21 : 0) | rt << 16 | (sf ? 1u << 15 : 0) |
         (acq_rel ? 1u << 14 : 0) | wnr;
}

}  // namespace vmd::hvsoft
