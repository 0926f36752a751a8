// Integer data processing: immediate and register forms (ARM ARM C4.1.2,
// C4.1.5): add/sub, logical, move wide, bitfield, extract, conditional
// select/compare, 1-, 2- and 3-source, PC-relative addressing.
#include "engine/hv/soft/decode.h"
#include "engine/hv/soft/exec_util.h"

namespace vmd::hvsoft {
namespace {

// ---- extractors -------------------------------------------------------------

bool XAddSubImm(uint32_t raw, Insn& o) {
  const bool s = Bit(raw, 29);
  o.rd = s ? RegZrDst(raw, 0) : RegSp(raw, 0);
  o.rn = RegSp(raw, 5);
  o.imm = static_cast<uint64_t>(Bits(raw, 21, 10)) << (Bit(raw, 22) ? 12 : 0);
  return true;
}

bool XShifted(uint32_t raw, Insn& o) {
  o.rd = RegZrDst(raw, 0);
  o.rn = RegZr(raw, 5);
  o.rm = RegZr(raw, 16);
  o.a = static_cast<uint8_t>(Bits(raw, 23, 22));
  o.b = static_cast<uint8_t>(Bits(raw, 15, 10));
  if (!Bit(raw, 31) && o.b >= 32) return false;
  return true;
}

bool XAddSubShifted(uint32_t raw, Insn& o) { return XShifted(raw, o) && o.a != 3; }

bool XAddSubExt(uint32_t raw, Insn& o) {
  const bool s = Bit(raw, 29);
  o.rd = s ? RegZrDst(raw, 0) : RegSp(raw, 0);
  o.rn = RegSp(raw, 5);
  o.rm = RegZr(raw, 16);
  o.a = static_cast<uint8_t>(Bits(raw, 15, 13));
  o.b = static_cast<uint8_t>(Bits(raw, 12, 10));
  return o.b <= 4;
}

bool XThreeReg(uint32_t raw, Insn& o) {
  o.rd = RegZrDst(raw, 0);
  o.rn = RegZr(raw, 5);
  o.rm = RegZr(raw, 16);
  o.ra = RegZr(raw, 10);
  o.a = static_cast<uint8_t>(Bits(raw, 15, 12));  // cond for CSEL
  return true;
}

bool XLogicalImm(uint32_t raw, Insn& o) {
  const bool sf = Bit(raw, 31);
  const uint32_t n = Bit(raw, 22);
  if (!sf && n) return false;
  uint64_t wmask, tmask;
  if (!DecodeBitMasks(n, Bits(raw, 15, 10), Bits(raw, 21, 16), true, sf ? 64 : 32, &wmask,
                      &tmask)) {
    return false;
  }
  o.rd = Bits(raw, 30, 29) == 3 ? RegZrDst(raw, 0) : RegSp(raw, 0);
  o.rn = RegZr(raw, 5);
  o.imm = wmask;
  return true;
}

bool XMoveWide(uint32_t raw, Insn& o) {
  const uint32_t hw = Bits(raw, 22, 21);
  if (!Bit(raw, 31) && hw >= 2) return false;
  o.rd = RegZrDst(raw, 0);
  o.a = static_cast<uint8_t>(hw * 16);
  o.imm = static_cast<uint64_t>(Bits(raw, 20, 5)) << o.a;
  return true;
}

bool XBitfield(uint32_t raw, Insn& o) {
  const bool sf = Bit(raw, 31);
  if (Bit(raw, 22) != static_cast<uint32_t>(sf)) return false;
  const uint32_t immr = Bits(raw, 21, 16), imms = Bits(raw, 15, 10);
  if (!sf && (immr >= 32 || imms >= 32)) return false;
  uint64_t wmask, tmask;
  if (!DecodeBitMasks(Bit(raw, 22), imms, immr, false, sf ? 64 : 32, &wmask, &tmask)) return false;
  o.rd = RegZrDst(raw, 0);
  o.rn = RegZr(raw, 5);
  o.ra = RegZr(raw, 0);  // BFM reads its destination
  o.a = static_cast<uint8_t>(immr);
  o.b = static_cast<uint8_t>(imms);
  o.imm = wmask;
  return true;
}

bool XExtr(uint32_t raw, Insn& o) {
  const bool sf = Bit(raw, 31);
  if (Bit(raw, 22) != static_cast<uint32_t>(sf)) return false;
  o.b = static_cast<uint8_t>(Bits(raw, 15, 10));
  if (!sf && o.b >= 32) return false;
  return XThreeReg(raw, o);
}

bool XCondCmp(uint32_t raw, Insn& o) {
  o.rn = RegZr(raw, 5);
  o.rm = RegZr(raw, 16);
  o.imm = Bits(raw, 20, 16);  // the immediate form's imm5
  o.a = static_cast<uint8_t>(Bits(raw, 15, 12));
  o.b = static_cast<uint8_t>(Bits(raw, 3, 0));
  return true;
}

bool XAdr(uint32_t raw, Insn& o) {
  o.rd = RegZrDst(raw, 0);
  const uint64_t imm = (Bits(raw, 23, 5) << 2) | Bits(raw, 30, 29);
  o.imm = static_cast<uint64_t>(SignExtend(imm, 21));
  if (Bit(raw, 31)) o.imm <<= 12;
  return true;
}

// ---- handlers ---------------------------------------------------------------

template <bool kSf, bool kSub, bool kS>
bool AddSubImm(Cpu& c, const Insn& i) {
  const uint64_t y = kSub ? ~i.imm : i.imm;
  uint32_t f;
  const uint64_t r = AddWithCarry<kSf>(c.x[i.rn], y, kSub ? 1 : 0, &f);
  c.x[i.rd] = r;
  if constexpr (kS) c.nzcv = f;
  return Next(c, i);
}

template <bool kSf, bool kSub, bool kS>
bool AddSubShifted(Cpu& c, const Insn& i) {
  uint64_t y = ShiftReg<kSf>(c.x[i.rm], i.a, i.b);
  if (kSub) y = ~y;
  uint32_t f;
  c.x[i.rd] = AddWithCarry<kSf>(c.x[i.rn], y, kSub ? 1 : 0, &f);
  if constexpr (kS) c.nzcv = f;
  return Next(c, i);
}

template <bool kSf, bool kSub, bool kS>
bool AddSubExt(Cpu& c, const Insn& i) {
  uint64_t y = ExtendReg(c.x[i.rm], i.a, i.b);
  if (kSub) y = ~y;
  uint32_t f;
  c.x[i.rd] = AddWithCarry<kSf>(c.x[i.rn], y, kSub ? 1 : 0, &f);
  if constexpr (kS) c.nzcv = f;
  return Next(c, i);
}

template <bool kSf, bool kSub, bool kS>
bool AdcSbc(Cpu& c, const Insn& i) {
  uint64_t y = c.x[i.rm];
  if (kSub) y = ~y;
  uint32_t f;
  c.x[i.rd] = AddWithCarry<kSf>(c.x[i.rn], y, (c.nzcv >> 29) & 1, &f);
  if constexpr (kS) c.nzcv = f;
  return Next(c, i);
}

// opc: 0 AND, 1 ORR, 2 EOR, 3 ANDS.
template <bool kSf, int kOpc>
uint64_t Logic(Cpu& c, uint64_t a, uint64_t b) {
  uint64_t r;
  if constexpr (kOpc == 1) {
    r = a | b;
  } else if constexpr (kOpc == 2) {
    r = a ^ b;
  } else {
    r = a & b;
  }
  r = Trunc<kSf>(r);
  if constexpr (kOpc == 3) c.nzcv = LogicFlags<kSf>(r);
  return r;
}

template <bool kSf, int kOpc>
bool LogicalImm(Cpu& c, const Insn& i) {
  c.x[i.rd] = Logic<kSf, kOpc>(c, c.x[i.rn], i.imm);
  return Next(c, i);
}

template <bool kSf, int kOpc, bool kInvert>
bool LogicalShifted(Cpu& c, const Insn& i) {
  uint64_t b = ShiftReg<kSf>(c.x[i.rm], i.a, i.b);
  if (kInvert) b = ~b;
  c.x[i.rd] = Logic<kSf, kOpc>(c, c.x[i.rn], b);
  return Next(c, i);
}

// opc: 0 MOVN, 2 MOVZ, 3 MOVK.
template <bool kSf, int kOpc>
bool MoveWide(Cpu& c, const Insn& i) {
  if constexpr (kOpc == 0) {
    c.x[i.rd] = Trunc<kSf>(~i.imm);
  } else if constexpr (kOpc == 2) {
    c.x[i.rd] = i.imm;
  } else {
    const uint64_t keep = ~(0xffffull << i.a);
    c.x[i.rd] = Trunc<kSf>((c.x[i.rd == kSink ? kZr : i.rd] & keep) | i.imm);
  }
  return Next(c, i);
}

// opc: 0 SBFM, 1 BFM, 2 UBFM (ARM ARM shared/functions BitfieldMove).
template <bool kSf, int kOpc>
bool Bitfield(Cpu& c, const Insn& i) {
  constexpr int kBits = kSf ? 64 : 32;
  const uint64_t src = Trunc<kSf>(c.x[i.rn]);
  const uint64_t dst = kOpc == 1 ? Trunc<kSf>(c.x[i.ra]) : 0;
  const uint32_t r = i.a, s = i.b;
  const uint64_t rot = r == 0 ? src : Trunc<kSf>((src >> r) | (src << (kBits - r)));
  const uint64_t wmask = i.imm;
  const uint32_t d = (s - r) & (kBits - 1);
  const uint64_t tmask = d == 63 ? ~0ull : (1ull << (d + 1)) - 1;
  const uint64_t bot = (dst & ~wmask) | (rot & wmask);
  uint64_t top = dst;
  if constexpr (kOpc == 0) top = ((src >> s) & 1) ? Trunc<kSf>(~0ull) : 0;
  c.x[i.rd] = Trunc<kSf>((top & ~tmask) | (bot & tmask));
  return Next(c, i);
}

template <bool kSf>
bool Extr(Cpu& c, const Insn& i) {
  constexpr int kBits = kSf ? 64 : 32;
  const uint64_t hi = Trunc<kSf>(c.x[i.rn]), lo = Trunc<kSf>(c.x[i.rm]);
  c.x[i.rd] = i.b == 0 ? lo : Trunc<kSf>((lo >> i.b) | (hi << (kBits - i.b)));
  return Next(c, i);
}

// CSEL / CSINC / CSINV / CSNEG.
template <bool kSf, bool kInv, bool kInc>
bool CondSelect(Cpu& c, const Insn& i) {
  uint64_t r;
  if (CondHolds(c, i.a)) {
    r = c.x[i.rn];
  } else {
    r = c.x[i.rm];
    if (kInv) r = ~r;
    if (kInc) r += 1;
  }
  c.x[i.rd] = Trunc<kSf>(r);
  return Next(c, i);
}

// CCMN / CCMP, register or immediate second operand.
template <bool kSf, bool kSub, bool kImm>
bool CondCompare(Cpu& c, const Insn& i) {
  if (CondHolds(c, i.a)) {
    uint64_t y = kImm ? i.imm : c.x[i.rm];
    if (kSub) y = ~y;
    uint32_t f;
    AddWithCarry<kSf>(c.x[i.rn], y, kSub ? 1 : 0, &f);
    c.nzcv = f;
  } else {
    c.nzcv = static_cast<uint32_t>(i.b) << 28;
  }
  return Next(c, i);
}

template <bool kSf, bool kSigned>
bool Div(Cpu& c, const Insn& i) {
  const uint64_t n = Trunc<kSf>(c.x[i.rn]), m = Trunc<kSf>(c.x[i.rm]);
  uint64_t r = 0;
  if (m == 0) {
    r = 0;
  } else if constexpr (kSigned) {
    if constexpr (kSf) {
      const int64_t a = static_cast<int64_t>(n), b = static_cast<int64_t>(m);
      r = (a == INT64_MIN && b == -1) ? n : static_cast<uint64_t>(a / b);
    } else {
      const int32_t a = static_cast<int32_t>(n), b = static_cast<int32_t>(m);
      r = (a == INT32_MIN && b == -1) ? n : static_cast<uint32_t>(a / b);
    }
  } else {
    r = n / m;
  }
  c.x[i.rd] = Trunc<kSf>(r);
  return Next(c, i);
}

// LSLV / LSRV / ASRV / RORV: shift amount is Rm modulo the data size.
template <bool kSf, int kType>
bool ShiftVar(Cpu& c, const Insn& i) {
  const uint32_t amount = c.x[i.rm] & (kSf ? 63 : 31);
  c.x[i.rd] = ShiftReg<kSf>(c.x[i.rn], kType, amount);
  return Next(c, i);
}

template <bool kSf>
bool Rbit(Cpu& c, const Insn& i) {
  uint64_t v = c.x[i.rn], r = 0;
  for (int b = 0; b < 64; ++b) r |= ((v >> b) & 1) << (63 - b);
  c.x[i.rd] = kSf ? r : r >> 32;
  return Next(c, i);
}

// REV16 / REV32 / REV: reverse bytes within each container of `kBytes`.
template <bool kSf, int kBytes>
bool Rev(Cpu& c, const Insn& i) {
  const uint64_t v = Trunc<kSf>(c.x[i.rn]);
  uint64_t r = 0;
  const int total = kSf ? 8 : 4;
  for (int base = 0; base < total; base += kBytes) {
    for (int k = 0; k < kBytes; ++k) {
      const uint64_t byte = (v >> ((base + k) * 8)) & 0xff;
      r |= byte << ((base + kBytes - 1 - k) * 8);
    }
  }
  c.x[i.rd] = r;
  return Next(c, i);
}

template <bool kSf, bool kCls>
bool CountLeading(Cpu& c, const Insn& i) {
  constexpr int kBits = kSf ? 64 : 32;
  uint64_t v = Trunc<kSf>(c.x[i.rn]);
  if (kCls) {
    // CLS counts bits after the top one equal to it: CLZ(x EOR (x >> 1)) - 1,
    // within the data size.
    v = Trunc<kSf>(v ^ (v >> 1)) & ((kSf ? ~0ull : 0xffffffffull) >> 1);
  }
  int n = kBits;
  if (v != 0) n = __builtin_clzll(v) - (64 - kBits);
  c.x[i.rd] = kCls ? n - 1 : n;
  return Next(c, i);
}

template <bool kSf, bool kSub>
bool MulAdd(Cpu& c, const Insn& i) {
  const uint64_t p = c.x[i.rn] * c.x[i.rm];
  c.x[i.rd] = Trunc<kSf>(kSub ? c.x[i.ra] - p : c.x[i.ra] + p);
  return Next(c, i);
}

template <bool kSigned, bool kSub>
bool MulAddLong(Cpu& c, const Insn& i) {
  uint64_t p;
  if (kSigned) {
    p = static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(c.x[i.rn])) *
                              static_cast<int64_t>(static_cast<int32_t>(c.x[i.rm])));
  } else {
    p = static_cast<uint64_t>(static_cast<uint32_t>(c.x[i.rn])) * static_cast<uint32_t>(c.x[i.rm]);
  }
  c.x[i.rd] = kSub ? c.x[i.ra] - p : c.x[i.ra] + p;
  return Next(c, i);
}

template <bool kSigned>
bool MulHigh(Cpu& c, const Insn& i) {
  if (kSigned) {
    const __int128 p = static_cast<__int128>(static_cast<int64_t>(c.x[i.rn])) *
                       static_cast<int64_t>(c.x[i.rm]);
    c.x[i.rd] = static_cast<uint64_t>(p >> 64);
  } else {
    const unsigned __int128 p = static_cast<unsigned __int128>(c.x[i.rn]) * c.x[i.rm];
    c.x[i.rd] = static_cast<uint64_t>(p >> 64);
  }
  return Next(c, i);
}

template <bool kPage>
bool Adr(Cpu& c, const Insn& i) {
  const uint64_t pc = PcOf(c, i);
  c.x[i.rd] = (kPage ? pc & ~0xfffull : pc) + i.imm;
  return Next(c, i);
}

// clang-format off
constexpr DecodeLine kTable[] = {
  // mask        value        name                  handler                        extractor
  {0x9F000000, 0x10000000, "ADR",                 Adr<false>,                    XAdr, false},
  {0x9F000000, 0x90000000, "ADRP",                Adr<true>,                     XAdr, false},
  {0xFF800000, 0x11000000, "ADD (imm) 32",        AddSubImm<false, false, false>, XAddSubImm, false},
  {0xFF800000, 0x31000000, "ADDS (imm) 32",       AddSubImm<false, false, true>,  XAddSubImm, false},
  {0xFF800000, 0x51000000, "SUB (imm) 32",        AddSubImm<false, true, false>,  XAddSubImm, false},
  {0xFF800000, 0x71000000, "SUBS (imm) 32",       AddSubImm<false, true, true>,   XAddSubImm, false},
  {0xFF800000, 0x91000000, "ADD (imm) 64",        AddSubImm<true, false, false>,  XAddSubImm, false},
  {0xFF800000, 0xB1000000, "ADDS (imm) 64",       AddSubImm<true, false, true>,   XAddSubImm, false},
  {0xFF800000, 0xD1000000, "SUB (imm) 64",        AddSubImm<true, true, false>,   XAddSubImm, false},
  {0xFF800000, 0xF1000000, "SUBS (imm) 64",       AddSubImm<true, true, true>,    XAddSubImm, false},
  {0xFF800000, 0x12000000, "AND (imm) 32",        LogicalImm<false, 0>,          XLogicalImm, false},
  {0xFF800000, 0x32000000, "ORR (imm) 32",        LogicalImm<false, 1>,          XLogicalImm, false},
  {0xFF800000, 0x52000000, "EOR (imm) 32",        LogicalImm<false, 2>,          XLogicalImm, false},
  {0xFF800000, 0x72000000, "ANDS (imm) 32",       LogicalImm<false, 3>,          XLogicalImm, false},
  {0xFF800000, 0x92000000, "AND (imm) 64",        LogicalImm<true, 0>,           XLogicalImm, false},
  {0xFF800000, 0xB2000000, "ORR (imm) 64",        LogicalImm<true, 1>,           XLogicalImm, false},
  {0xFF800000, 0xD2000000, "EOR (imm) 64",        LogicalImm<true, 2>,           XLogicalImm, false},
  {0xFF800000, 0xF2000000, "ANDS (imm) 64",       LogicalImm<true, 3>,           XLogicalImm, false},
  {0xFF800000, 0x12800000, "MOVN 32",             MoveWide<false, 0>,            XMoveWide, false},
  {0xFF800000, 0x52800000, "MOVZ 32",             MoveWide<false, 2>,            XMoveWide, false},
  {0xFF800000, 0x72800000, "MOVK 32",             MoveWide<false, 3>,            XMoveWide, false},
  {0xFF800000, 0x92800000, "MOVN 64",             MoveWide<true, 0>,             XMoveWide, false},
  {0xFF800000, 0xD2800000, "MOVZ 64",             MoveWide<true, 2>,             XMoveWide, false},
  {0xFF800000, 0xF2800000, "MOVK 64",             MoveWide<true, 3>,             XMoveWide, false},
  {0xFF800000, 0x13000000, "SBFM 32",             Bitfield<false, 0>,            XBitfield, false},
  {0xFF800000, 0x33000000, "BFM 32",              Bitfield<false, 1>,            XBitfield, false},
  {0xFF800000, 0x53000000, "UBFM 32",             Bitfield<false, 2>,            XBitfield, false},
  {0xFF800000, 0x93000000, "SBFM 64",             Bitfield<true, 0>,             XBitfield, false},
  {0xFF800000, 0xB3000000, "BFM 64",              Bitfield<true, 1>,             XBitfield, false},
  {0xFF800000, 0xD3000000, "UBFM 64",             Bitfield<true, 2>,             XBitfield, false},
  {0xFFA00000, 0x13800000, "EXTR 32",             Extr<false>,                   XExtr, false},
  {0xFFA00000, 0x93800000, "EXTR 64",             Extr<true>,                    XExtr, false},
  {0xFF200000, 0x0A000000, "AND (shifted) 32",    LogicalShifted<false, 0, false>, XShifted, false},
  {0xFF200000, 0x0A200000, "BIC 32",              LogicalShifted<false, 0, true>,  XShifted, false},
  {0xFF200000, 0x2A000000, "ORR (shifted) 32",    LogicalShifted<false, 1, false>, XShifted, false},
  {0xFF200000, 0x2A200000, "ORN 32",              LogicalShifted<false, 1, true>,  XShifted, false},
  {0xFF200000, 0x4A000000, "EOR (shifted) 32",    LogicalShifted<false, 2, false>, XShifted, false},
  {0xFF200000, 0x4A200000, "EON 32",              LogicalShifted<false, 2, true>,  XShifted, false},
  {0xFF200000, 0x6A000000, "ANDS (shifted) 32",   LogicalShifted<false, 3, false>, XShifted, false},
  {0xFF200000, 0x6A200000, "BICS 32",             LogicalShifted<false, 3, true>,  XShifted, false},
  {0xFF200000, 0x8A000000, "AND (shifted) 64",    LogicalShifted<true, 0, false>,  XShifted, false},
  {0xFF200000, 0x8A200000, "BIC 64",              LogicalShifted<true, 0, true>,   XShifted, false},
  {0xFF200000, 0xAA000000, "ORR (shifted) 64",    LogicalShifted<true, 1, false>,  XShifted, false},
  {0xFF200000, 0xAA200000, "ORN 64",              LogicalShifted<true, 1, true>,   XShifted, false},
  {0xFF200000, 0xCA000000, "EOR (shifted) 64",    LogicalShifted<true, 2, false>,  XShifted, false},
  {0xFF200000, 0xCA200000, "EON 64",              LogicalShifted<true, 2, true>,   XShifted, false},
  {0xFF200000, 0xEA000000, "ANDS (shifted) 64",   LogicalShifted<true, 3, false>,  XShifted, false},
  {0xFF200000, 0xEA200000, "BICS 64",             LogicalShifted<true, 3, true>,   XShifted, false},
  {0xFF200000, 0x0B000000, "ADD (shifted) 32",    AddSubShifted<false, false, false>, XAddSubShifted, false},
  {0xFF200000, 0x2B000000, "ADDS (shifted) 32",   AddSubShifted<false, false, true>,  XAddSubShifted, false},
  {0xFF200000, 0x4B000000, "SUB (shifted) 32",    AddSubShifted<false, true, false>,  XAddSubShifted, false},
  {0xFF200000, 0x6B000000, "SUBS (shifted) 32",   AddSubShifted<false, true, true>,   XAddSubShifted, false},
  {0xFF200000, 0x8B000000, "ADD (shifted) 64",    AddSubShifted<true, false, false>,  XAddSubShifted, false},
  {0xFF200000, 0xAB000000, "ADDS (shifted) 64",   AddSubShifted<true, false, true>,   XAddSubShifted, false},
  {0xFF200000, 0xCB000000, "SUB (shifted) 64",    AddSubShifted<true, true, false>,   XAddSubShifted, false},
  {0xFF200000, 0xEB000000, "SUBS (shifted) 64",   AddSubShifted<true, true, true>,    XAddSubShifted, false},
  {0xFFE00000, 0x0B200000, "ADD (extended) 32",   AddSubExt<false, false, false>, XAddSubExt, false},
  {0xFFE00000, 0x2B200000, "ADDS (extended) 32",  AddSubExt<false, false, true>,  XAddSubExt, false},
  {0xFFE00000, 0x4B200000, "SUB (extended) 32",   AddSubExt<false, true, false>,  XAddSubExt, false},
  {0xFFE00000, 0x6B200000, "SUBS (extended) 32",  AddSubExt<false, true, true>,   XAddSubExt, false},
  {0xFFE00000, 0x8B200000, "ADD (extended) 64",   AddSubExt<true, false, false>,  XAddSubExt, false},
  {0xFFE00000, 0xAB200000, "ADDS (extended) 64",  AddSubExt<true, false, true>,   XAddSubExt, false},
  {0xFFE00000, 0xCB200000, "SUB (extended) 64",   AddSubExt<true, true, false>,   XAddSubExt, false},
  {0xFFE00000, 0xEB200000, "SUBS (extended) 64",  AddSubExt<true, true, true>,    XAddSubExt, false},
  {0xFFE0FC00, 0x1A000000, "ADC 32",              AdcSbc<false, false, false>,   XThreeReg, false},
  {0xFFE0FC00, 0x3A000000, "ADCS 32",             AdcSbc<false, false, true>,    XThreeReg, false},
  {0xFFE0FC00, 0x5A000000, "SBC 32",              AdcSbc<false, true, false>,    XThreeReg, false},
  {0xFFE0FC00, 0x7A000000, "SBCS 32",             AdcSbc<false, true, true>,     XThreeReg, false},
  {0xFFE0FC00, 0x9A000000, "ADC 64",              AdcSbc<true, false, false>,    XThreeReg, false},
  {0xFFE0FC00, 0xBA000000, "ADCS 64",             AdcSbc<true, false, true>,     XThreeReg, false},
  {0xFFE0FC00, 0xDA000000, "SBC 64",              AdcSbc<true, true, false>,     XThreeReg, false},
  {0xFFE0FC00, 0xFA000000, "SBCS 64",             AdcSbc<true, true, true>,      XThreeReg, false},
  {0xFFE00C10, 0x3A400000, "CCMN (reg) 32",       CondCompare<false, false, false>, XCondCmp, false},
  {0xFFE00C10, 0x3A400800, "CCMN (imm) 32",       CondCompare<false, false, true>,  XCondCmp, false},
  {0xFFE00C10, 0x7A400000, "CCMP (reg) 32",       CondCompare<false, true, false>,  XCondCmp, false},
  {0xFFE00C10, 0x7A400800, "CCMP (imm) 32",       CondCompare<false, true, true>,   XCondCmp, false},
  {0xFFE00C10, 0xBA400000, "CCMN (reg) 64",       CondCompare<true, false, false>,  XCondCmp, false},
  {0xFFE00C10, 0xBA400800, "CCMN (imm) 64",       CondCompare<true, false, true>,   XCondCmp, false},
  {0xFFE00C10, 0xFA400000, "CCMP (reg) 64",       CondCompare<true, true, false>,   XCondCmp, false},
  {0xFFE00C10, 0xFA400800, "CCMP (imm) 64",       CondCompare<true, true, true>,    XCondCmp, false},
  {0xFFE00C00, 0x1A800000, "CSEL 32",             CondSelect<false, false, false>, XThreeReg, false},
  {0xFFE00C00, 0x1A800400, "CSINC 32",            CondSelect<false, false, true>,  XThreeReg, false},
  {0xFFE00C00, 0x5A800000, "CSINV 32",            CondSelect<false, true, false>,  XThreeReg, false},
  {0xFFE00C00, 0x5A800400, "CSNEG 32",            CondSelect<false, true, true>,   XThreeReg, false},
  {0xFFE00C00, 0x9A800000, "CSEL 64",             CondSelect<true, false, false>,  XThreeReg, false},
  {0xFFE00C00, 0x9A800400, "CSINC 64",            CondSelect<true, false, true>,   XThreeReg, false},
  {0xFFE00C00, 0xDA800000, "CSINV 64",            CondSelect<true, true, false>,   XThreeReg, false},
  {0xFFE00C00, 0xDA800400, "CSNEG 64",            CondSelect<true, true, true>,    XThreeReg, false},
  {0xFFE0FC00, 0x1AC00800, "UDIV 32",             Div<false, false>,             XThreeReg, false},
  {0xFFE0FC00, 0x1AC00C00, "SDIV 32",             Div<false, true>,              XThreeReg, false},
  {0xFFE0FC00, 0x9AC00800, "UDIV 64",             Div<true, false>,              XThreeReg, false},
  {0xFFE0FC00, 0x9AC00C00, "SDIV 64",             Div<true, true>,               XThreeReg, false},
  {0xFFE0FC00, 0x1AC02000, "LSLV 32",             ShiftVar<false, 0>,            XThreeReg, false},
  {0xFFE0FC00, 0x1AC02400, "LSRV 32",             ShiftVar<false, 1>,            XThreeReg, false},
  {0xFFE0FC00, 0x1AC02800, "ASRV 32",             ShiftVar<false, 2>,            XThreeReg, false},
  {0xFFE0FC00, 0x1AC02C00, "RORV 32",             ShiftVar<false, 3>,            XThreeReg, false},
  {0xFFE0FC00, 0x9AC02000, "LSLV 64",             ShiftVar<true, 0>,             XThreeReg, false},
  {0xFFE0FC00, 0x9AC02400, "LSRV 64",             ShiftVar<true, 1>,             XThreeReg, false},
  {0xFFE0FC00, 0x9AC02800, "ASRV 64",             ShiftVar<true, 2>,             XThreeReg, false},
  {0xFFE0FC00, 0x9AC02C00, "RORV 64",             ShiftVar<true, 3>,             XThreeReg, false},
  {0xFFFFFC00, 0x5AC00000, "RBIT 32",             Rbit<false>,                   XThreeReg, false},
  {0xFFFFFC00, 0x5AC00400, "REV16 32",            Rev<false, 2>,                 XThreeReg, false},
  {0xFFFFFC00, 0x5AC00800, "REV 32",              Rev<false, 4>,                 XThreeReg, false},
  {0xFFFFFC00, 0x5AC01000, "CLZ 32",              CountLeading<false, false>,    XThreeReg, false},
  {0xFFFFFC00, 0x5AC01400, "CLS 32",              CountLeading<false, true>,     XThreeReg, false},
  {0xFFFFFC00, 0xDAC00000, "RBIT 64",             Rbit<true>,                    XThreeReg, false},
  {0xFFFFFC00, 0xDAC00400, "REV16 64",            Rev<true, 2>,                  XThreeReg, false},
  {0xFFFFFC00, 0xDAC00800, "REV32",               Rev<true, 4>,                  XThreeReg, false},
  {0xFFFFFC00, 0xDAC00C00, "REV 64",              Rev<true, 8>,                  XThreeReg, false},
  {0xFFFFFC00, 0xDAC01000, "CLZ 64",              CountLeading<true, false>,     XThreeReg, false},
  {0xFFFFFC00, 0xDAC01400, "CLS 64",              CountLeading<true, true>,      XThreeReg, false},
  {0xFFE08000, 0x1B000000, "MADD 32",             MulAdd<false, false>,          XThreeReg, false},
  {0xFFE08000, 0x1B008000, "MSUB 32",             MulAdd<false, true>,           XThreeReg, false},
  {0xFFE08000, 0x9B000000, "MADD 64",             MulAdd<true, false>,           XThreeReg, false},
  {0xFFE08000, 0x9B008000, "MSUB 64",             MulAdd<true, true>,            XThreeReg, false},
  {0xFFE08000, 0x9B200000, "SMADDL",              MulAddLong<true, false>,       XThreeReg, false},
  {0xFFE08000, 0x9B208000, "SMSUBL",              MulAddLong<true, true>,        XThreeReg, false},
  {0xFFE08000, 0x9BA00000, "UMADDL",              MulAddLong<false, false>,      XThreeReg, false},
  {0xFFE08000, 0x9BA08000, "UMSUBL",              MulAddLong<false, true>,       XThreeReg, false},
  {0xFFE08000, 0x9B400000, "SMULH",               MulHigh<true>,                 XThreeReg, false},
  {0xFFE08000, 0x9BC00000, "UMULH",               MulHigh<false>,                XThreeReg, false},
};
// clang-format on

}  // namespace

std::span<const DecodeLine> DataProcessingTable() { return kTable; }

}  // namespace vmd::hvsoft
