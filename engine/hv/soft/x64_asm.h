// A small x86-64 assembler for hv/soft's JIT (jit.cc): the integer
// instructions the translator emits, with 32-bit displacements and forward
// labels. Encodings from the Intel SDM vol. 2. Header-only; x86-64 hosts only.
#ifndef VMD_ENGINE_HV_SOFT_X64_ASM_H_
#define VMD_ENGINE_HV_SOFT_X64_ASM_H_

#include <cstdint>
#include <cstring>
#include <vector>

namespace vmd::hvsoft::x64 {

enum Reg : int {
  RAX = 0, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15
};

// x86 condition codes (the low nibble of Jcc/SETcc/CMOVcc).
enum Cond : int {
  kO = 0, kNO = 1, kB = 2, kAE = 3, kE = 4, kNE = 5, kBE = 6, kA = 7,
  kS = 8, kNS = 9, kP = 10, kNP = 11, kL = 12, kGE = 13, kLE = 14, kG = 15
};

// [base + index * scale + disp]; index < 0 means none, base < 0 too.
struct Mem {
  int base;
  int32_t disp = 0;
  int index = -1;
  int scale = 1;
};

// ALU group numbers (the /n of 0x81/0x83 and the base opcode >> 3).
enum Alu : int { kAdd = 0, kOr = 1, kAdc = 2, kSbb = 3, kAnd = 4, kSub = 5, kXor = 6, kCmp = 7 };
// Shift group numbers (the /n of 0xC1/0xD3).
enum Shift : int { kRol = 0, kRor = 1, kShl = 4, kShr = 5, kSar = 7 };

class Asm {
 public:
  struct Label {
    int pos = -1;             // bound offset
    std::vector<int> fixups;  // rel32 fields that jump here
  };

  std::vector<uint8_t>& bytes() { return b_; }
  int size() const { return static_cast<int>(b_.size()); }

  void Byte(uint8_t v) { b_.push_back(v); }
  void U32(uint32_t v) { for (int k = 0; k < 4; ++k) Byte(static_cast<uint8_t>(v >> (8 * k))); }
  void U64(uint64_t v) { for (int k = 0; k < 8; ++k) Byte(static_cast<uint8_t>(v >> (8 * k))); }

  // ---- raw encoders ----
  // REX (if needed) + opcode + ModRM for register-direct rm.
  void OpRR(std::initializer_list<uint8_t> op, int reg, int rm, bool w, bool byte_regs = false) {
    Rex(w, reg, -1, rm, byte_regs && (reg >= 4 || rm >= 4));
    for (uint8_t o : op) Byte(o);
    Byte(static_cast<uint8_t>(0xC0 | (reg & 7) << 3 | (rm & 7)));
  }
  // REX + opcode + ModRM/SIB/disp32 for a memory rm.
  void OpRM(std::initializer_list<uint8_t> op, int reg, const Mem& m, bool w, bool byte_reg = false) {
    Rex(w, reg, m.index, m.base, byte_reg && reg >= 4);
    for (uint8_t o : op) Byte(o);
    ModRmMem(reg, m);
  }

  // ---- moves ----
  void MovRR(int dst, int src, bool w = true) { OpRR({0x8B}, dst, src, w); }
  void Load64(int dst, const Mem& m) { OpRM({0x8B}, dst, m, true); }
  void Load32(int dst, const Mem& m) { OpRM({0x8B}, dst, m, false); }
  void Store64(const Mem& m, int src) { OpRM({0x89}, src, m, true); }
  void Store32(const Mem& m, int src) { OpRM({0x89}, src, m, false); }
  void Store16(const Mem& m, int src) { Byte(0x66); OpRM({0x89}, src, m, false); }
  void Store8(const Mem& m, int src) { OpRM({0x88}, src, m, false, true); }
  void LoadZx8(int dst, const Mem& m) { OpRM({0x0F, 0xB6}, dst, m, false); }
  void LoadZx16(int dst, const Mem& m) { OpRM({0x0F, 0xB7}, dst, m, false); }
  void LoadSx8(int dst, const Mem& m, bool w) { OpRM({0x0F, 0xBE}, dst, m, w); }
  void LoadSx16(int dst, const Mem& m, bool w) { OpRM({0x0F, 0xBF}, dst, m, w); }
  void LoadSx32(int dst, const Mem& m) { OpRM({0x63}, dst, m, true); }  // movsxd
  void Zx8(int dst, int src) { OpRR({0x0F, 0xB6}, dst, src, false, true); }
  void Zx16(int dst, int src) { OpRR({0x0F, 0xB7}, dst, src, false); }
  void Sx8(int dst, int src, bool w) { OpRR({0x0F, 0xBE}, dst, src, w, true); }
  void Sx16(int dst, int src, bool w) { OpRR({0x0F, 0xBF}, dst, src, w); }
  void Sx32(int dst, int src) { OpRR({0x63}, dst, src, true); }
  // Any 64-bit constant in the fewest bytes.
  void MovImm(int dst, uint64_t v) {
    if (v <= 0xffffffffull) {
      Rex(false, 0, -1, dst, false);
      Byte(static_cast<uint8_t>(0xB8 + (dst & 7)));
      U32(static_cast<uint32_t>(v));
    } else if (static_cast<int64_t>(v) == static_cast<int32_t>(v)) {
      OpRR({0xC7}, 0, dst, true);
      U32(static_cast<uint32_t>(v));
    } else {
      Rex(true, 0, -1, dst, false);
      Byte(static_cast<uint8_t>(0xB8 + (dst & 7)));
      U64(v);
    }
  }
  void StoreImm32(const Mem& m, int32_t v, bool w) { OpRM({0xC7}, 0, m, w); U32(static_cast<uint32_t>(v)); }
  void StoreImm8(const Mem& m, uint8_t v) { OpRM({0xC6}, 0, m, false); Byte(v); }
  void Lea(int dst, const Mem& m, bool w = true) { OpRM({0x8D}, dst, m, w); }

  // ---- arithmetic ----
  void AluRR(Alu op, int dst, int src, bool w) { OpRR({static_cast<uint8_t>(op << 3 | 1)}, src, dst, w); }
  void AluRM(Alu op, int dst, const Mem& m, bool w) { OpRM({static_cast<uint8_t>(op << 3 | 3)}, dst, m, w); }
  void AluRI(Alu op, int dst, int32_t imm, bool w) {
    if (imm >= -128 && imm <= 127) {
      OpRR({0x83}, op, dst, w);
      Byte(static_cast<uint8_t>(imm));
    } else {
      OpRR({0x81}, op, dst, w);
      U32(static_cast<uint32_t>(imm));
    }
  }
  void AluMI(Alu op, const Mem& m, int32_t imm, bool w) {
    if (imm >= -128 && imm <= 127) {
      OpRM({0x83}, op, m, w);
      Byte(static_cast<uint8_t>(imm));
    } else {
      OpRM({0x81}, op, m, w);
      U32(static_cast<uint32_t>(imm));
    }
  }
  void TestRR(int a, int b, bool w) { OpRR({0x85}, b, a, w); }
  void TestRI(int r, uint32_t imm, bool w) { OpRR({0xF7}, 0, r, w); U32(imm); }
  void ShiftRI(Shift op, int r, int amount, bool w) {
    OpRR({0xC1}, op, r, w);
    Byte(static_cast<uint8_t>(amount));
  }
  void ShiftRCl(Shift op, int r, bool w) { OpRR({0xD3}, op, r, w); }
  // shrd dst, src, imm: dst = low part of (src:dst) >> imm.
  void Shrd(int dst, int src, int imm, bool w) { OpRR({0x0F, 0xAC}, src, dst, w); Byte(static_cast<uint8_t>(imm)); }
  void Not(int r, bool w) { OpRR({0xF7}, 2, r, w); }
  void Neg(int r, bool w) { OpRR({0xF7}, 3, r, w); }
  void Imul(int dst, int src, bool w) { OpRR({0x0F, 0xAF}, dst, src, w); }
  void Cmov(Cond cc, int dst, int src, bool w) { OpRR({0x0F, static_cast<uint8_t>(0x40 | cc)}, dst, src, w); }
  void Setcc(Cond cc, int r8) { OpRR({0x0F, static_cast<uint8_t>(0x90 | cc)}, 0, r8, false, true); }
  void BtRR(int r, int bit, bool w) { OpRR({0x0F, 0xA3}, bit, r, w); }
  void BtRI(int r, int bit, bool w) { OpRR({0x0F, 0xBA}, 4, r, w); Byte(static_cast<uint8_t>(bit)); }
  void BtMI(const Mem& m, int bit) { OpRM({0x0F, 0xBA}, 4, m, false); Byte(static_cast<uint8_t>(bit)); }
  void IncDecM32(const Mem& m, bool dec) { OpRM({0xFF}, dec ? 1 : 0, m, false); }
  void CmpM8I(const Mem& m, uint8_t imm) { OpRM({0x80}, kCmp, m, false); Byte(imm); }
  void Bswap(int r, bool w) { Rex(w, 0, -1, r, false); Byte(0x0F); Byte(static_cast<uint8_t>(0xC8 + (r & 7))); }
  void Lahf() { Byte(0x9F); }              // ah = SF:ZF:0:AF:0:PF:1:CF
  void MovzxEcxAh() { Byte(0x0F); Byte(0xB6); Byte(0xCC); }  // no REX: rm 4 is ah
  void Cmc() { Byte(0xF5); }
  void SignExtendRaxIntoRdx(bool w) { if (w) Byte(0x48); Byte(0x99); }  // cqo / cdq

  // ---- control flow ----
  void Push(int r) { if (r >= 8) Byte(0x41); Byte(static_cast<uint8_t>(0x50 + (r & 7))); }
  void Pop(int r) { if (r >= 8) Byte(0x41); Byte(static_cast<uint8_t>(0x58 + (r & 7))); }
  void Ret() { Byte(0xC3); }
  void CallR(int r) { OpRR({0xFF}, 2, r, false); }
  void JmpR(int r) { OpRR({0xFF}, 4, r, false); }
  void Jmp(Label& l) { Byte(0xE9); Rel32(l); }
  void Jcc(Cond cc, Label& l) { Byte(0x0F); Byte(static_cast<uint8_t>(0x80 | cc)); Rel32(l); }
  void Bind(Label& l) {
    l.pos = size();
    for (int f : l.fixups) Patch32(f, static_cast<uint32_t>(l.pos - (f + 4)));
    l.fixups.clear();
  }
  // Jumps to an absolute address outside the buffer are resolved by the
  // caller once the code's final address is known (RelAbs).
  int JmpAbsPlaceholder() { Byte(0xE9); const int at = size(); U32(0); return at; }
  void Patch32(int at, uint32_t v) { std::memcpy(&b_[at], &v, 4); }

 private:
  void Rex(bool w, int reg, int index, int base, bool force) {
    const uint8_t rex = static_cast<uint8_t>(0x40 | (w ? 8 : 0) | ((reg & 8) ? 4 : 0) |
                                             ((index >= 0 && (index & 8)) ? 2 : 0) |
                                             ((base >= 0 && (base & 8)) ? 1 : 0));
    if (rex != 0x40 || force) Byte(rex);
  }
  void ModRmMem(int reg, const Mem& m) {
    if (m.base < 0) {  // [index * scale + disp32]
      const int ss = m.scale == 8 ? 3 : m.scale == 4 ? 2 : m.scale == 2 ? 1 : 0;
      Byte(static_cast<uint8_t>((reg & 7) << 3 | 4));
      Byte(static_cast<uint8_t>(ss << 6 | (m.index & 7) << 3 | 5));
      U32(static_cast<uint32_t>(m.disp));
      return;
    }
    const bool sib = m.index >= 0 || (m.base & 7) == 4;
    const bool no_disp = m.disp == 0 && (m.base & 7) != 5;
    const bool d8 = !no_disp && m.disp >= -128 && m.disp <= 127;
    const uint8_t mod = no_disp ? 0 : (d8 ? 1 : 2);
    Byte(static_cast<uint8_t>(mod << 6 | (reg & 7) << 3 | (sib ? 4 : (m.base & 7))));
    if (sib) {
      const int ss = m.scale == 8 ? 3 : m.scale == 4 ? 2 : m.scale == 2 ? 1 : 0;
      const int idx = m.index >= 0 ? (m.index & 7) : 4;
      Byte(static_cast<uint8_t>(ss << 6 | idx << 3 | (m.base & 7)));
    }
    if (d8) {
      Byte(static_cast<uint8_t>(m.disp));
    } else if (!no_disp) {
      U32(static_cast<uint32_t>(m.disp));
    }
  }
  void Rel32(Label& l) {
    const int at = size();
    U32(0);
    if (l.pos >= 0) {
      Patch32(at, static_cast<uint32_t>(l.pos - (at + 4)));
    } else {
      l.fixups.push_back(at);
    }
  }

  std::vector<uint8_t> b_;
};

}  // namespace vmd::hvsoft::x64

#endif  // VMD_ENGINE_HV_SOFT_X64_ASM_H_
