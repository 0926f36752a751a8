// hv/soft's x86-64 JIT (engine/hv/soft/jit*.cc) against the interpreter:
// every program runs twice on fresh state (new VM and vCPU), once with the JIT
// off and once compiling every block at its first entry, and the X registers,
// NZCV, PC, the exit and all of guest RAM must match. Covers register-cache
// eviction in register-resident loops, loads/stores (fast path and fault
// exit), loop branches, bl/ret, self-modifying code, random programs of the
// natively translated instructions and random traces (side exits, loop-backs
// from mid-trace, lazy NZCV). Test binary hv_soft_jit_test.
#include "engine/hv/soft/jit.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "engine/hv/soft/soft_ext.h"
#include "tests/engine/hv/soft/guest_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

// ---- A64 encoders (ARM ARM, section C4) --------------------------------------
using U = uint32_t;
constexpr U R(int r) { return static_cast<U>(r) & 31; }
// Add/sub immediate: op 0 add, 1 sub; s sets flags.
U AddSubImm(int sf, int op, int s, int rd, int rn, U imm12, int sh = 0) {
  return U(sf) << 31 | U(op) << 30 | U(s) << 29 | 0x11000000u | U(sh) << 22 | (imm12 & 0xFFF) << 10 |
         R(rn) << 5 | R(rd);
}
U AddSubShift(int sf, int op, int s, int rd, int rn, int rm, int shift, int amt) {
  return U(sf) << 31 | U(op) << 30 | U(s) << 29 | 0x0B000000u | U(shift) << 22 | R(rm) << 16 |
         U(amt) << 10 | R(rn) << 5 | R(rd);
}
U AddSubExt(int sf, int op, int s, int rd, int rn, int rm, int option, int imm3) {
  return U(sf) << 31 | U(op) << 30 | U(s) << 29 | 0x0B200000u | R(rm) << 16 | U(option) << 13 |
         U(imm3) << 10 | R(rn) << 5 | R(rd);
}
// opc: 0 and, 1 orr, 2 eor, 3 ands; n inverts rm (bic/orn/eon/bics).
U LogShift(int sf, int opc, int n, int rd, int rn, int rm, int shift, int amt) {
  return U(sf) << 31 | U(opc) << 29 | 0x0A000000u | U(shift) << 22 | U(n) << 21 | R(rm) << 16 |
         U(amt) << 10 | R(rn) << 5 | R(rd);
}
U LogImm(int sf, int opc, int n, int immr, int imms, int rd, int rn) {
  return U(sf) << 31 | U(opc) << 29 | 0x12000000u | U(n) << 22 | U(immr) << 16 | U(imms) << 10 |
         R(rn) << 5 | R(rd);
}
// opc: 0 movn, 2 movz, 3 movk.
U MovWide(int sf, int opc, int hw, U imm16, int rd) {
  return U(sf) << 31 | U(opc) << 29 | 0x12800000u | U(hw) << 21 | (imm16 & 0xFFFF) << 5 | R(rd);
}
U Movz(int rd, U imm16, int hw = 0) { return MovWide(1, 2, hw, imm16, rd); }
// opc: 0 sbfm, 1 bfm, 2 ubfm.
U Bitfield(int sf, int opc, int immr, int imms, int rd, int rn) {
  return U(sf) << 31 | U(opc) << 29 | 0x13000000u | U(sf) << 22 | U(immr) << 16 | U(imms) << 10 |
         R(rn) << 5 | R(rd);
}
U Lsr(int rd, int rn, int sh) { return Bitfield(1, 2, sh, 63, rd, rn); }
U Extr(int sf, int rd, int rn, int rm, int lsb) {
  return U(sf) << 31 | 0x13800000u | U(sf) << 22 | R(rm) << 16 | U(lsb) << 10 | R(rn) << 5 | R(rd);
}
U Ror(int rd, int rn, int sh) { return Extr(1, rd, rn, rn, sh); }
// op/op2: csel 0/0, csinc 0/1, csinv 1/0, csneg 1/1.
U CondSel(int sf, int op, int op2, int rd, int rn, int rm, int cond) {
  return U(sf) << 31 | U(op) << 30 | 0x1A800000u | R(rm) << 16 | U(cond) << 12 | U(op2) << 10 |
         R(rn) << 5 | R(rd);
}
U MulAdd(int sf, int o0, int rd, int rn, int rm, int ra) {
  return U(sf) << 31 | 0x1B000000u | R(rm) << 16 | U(o0) << 15 | R(ra) << 10 | R(rn) << 5 | R(rd);
}
// op2: 0 lslv, 1 lsrv, 2 asrv, 3 rorv.
U ShiftV(int sf, int op2, int rd, int rn, int rm) {
  return U(sf) << 31 | 0x1AC02000u | R(rm) << 16 | U(op2) << 10 | R(rn) << 5 | R(rd);
}
U Adr(int page, int rd, int32_t imm) {
  return U(page) << 31 | (U(imm) & 3) << 29 | 0x10000000u | ((U(imm) >> 2) & 0x7FFFF) << 5 | R(rd);
}
// Branch offsets are in instructions.
U B(int off) { return 0x14000000u | (U(off) & 0x3FFFFFF); }
U Bl(int off) { return 0x94000000u | (U(off) & 0x3FFFFFF); }
U BCond(int cond, int off) { return 0x54000000u | (U(off) & 0x7FFFF) << 5 | U(cond); }
U Cb(int sf, int nz, int rt, int off) {
  return U(sf) << 31 | 0x34000000u | U(nz) << 24 | (U(off) & 0x7FFFF) << 5 | R(rt);
}
U Tb(int nz, int rt, int bit, int off) {
  return U(bit >> 5) << 31 | 0x36000000u | U(nz) << 24 | U(bit & 31) << 19 | (U(off) & 0x3FFF) << 5 |
         R(rt);
}
constexpr U kRet = 0xD65F03C0;
enum Cond { EQ = 0, NE, HS, LO, MI, PL, VS, VC, HI, LS, GE, LT, GT, LE };
// Loads/stores: size 0..3 (B/H/W/X); opc 0 store, 1 load, 2 signed load to X,
// 3 signed load to W. imm12 is in units of the access size.
U LdStU(int size, int opc, int rt, int rn, U imm12) {
  return U(size) << 30 | 0x39000000u | U(opc) << 22 | (imm12 & 0xFFF) << 10 | R(rn) << 5 | R(rt);
}
// mode: 0 unscaled, 1 post-index, 3 pre-index; imm9 in bytes.
U LdSt9(int size, int opc, int rt, int rn, int imm9, int mode) {
  return U(size) << 30 | 0x38000000u | U(opc) << 22 | (U(imm9) & 0x1FF) << 12 | U(mode) << 10 |
         R(rn) << 5 | R(rt);
}
U LdStReg(int size, int opc, int rt, int rn, int rm, int option = 3, int s = 0) {
  return U(size) << 30 | 0x38200800u | U(opc) << 22 | R(rm) << 16 | U(option) << 13 | U(s) << 12 |
         R(rn) << 5 | R(rt);
}
// x: 64-bit registers; mode: 1 post-index, 2 offset, 3 pre-index; imm7 scaled.
U LdStPair(int x, int load, int mode, int rt, int rt2, int rn, int imm7) {
  return U(x ? 2 : 0) << 30 | 0x28000000u | U(mode) << 23 | U(load) << 22 | (U(imm7) & 0x7F) << 15 |
         R(rt2) << 10 | R(rn) << 5 | R(rt);
}
U Ldpsw(int mode, int rt, int rt2, int rn, int imm7) { return LdStPair(0, 1, mode, rt, rt2, rn, imm7) | 1u << 30; }
// opc: 0 ldr w, 1 ldr x, 2 ldrsw; off in instructions.
U LdrLit(int opc, int rt, int off) { return U(opc) << 30 | 0x18000000u | (U(off) & 0x7FFFF) << 5 | R(rt); }
// op: 0 ccmn, 1 ccmp; imm: rm is a 5-bit immediate.
U CondCmp(int sf, int op, int imm, int rn, int rm, int cond, int nzcv) {
  return U(sf) << 31 | U(op) << 30 | 0x3A400000u | R(rm) << 16 | U(cond) << 12 | U(imm) << 11 |
         R(rn) << 5 | U(nzcv & 15);
}
// op: 0 adc, 1 sbc; s sets flags.
U AddSubCarry(int sf, int op, int s, int rd, int rn, int rm) {
  return U(sf) << 31 | U(op) << 30 | U(s) << 29 | 0x1A000000u | R(rm) << 16 | R(rn) << 5 | R(rd);
}
// opcode: 0 rbit, 1 rev16, 2 rev (W) / rev32 (X), 3 rev (X), 4 clz, 5 cls.
U DataProc1(int sf, int opcode, int rd, int rn) {
  return U(sf) << 31 | 0x5AC00000u | U(opcode) << 10 | R(rn) << 5 | R(rd);
}
U Div(int sf, int is_signed, int rd, int rn, int rm) {
  return U(sf) << 31 | 0x1AC00800u | R(rm) << 16 | U(is_signed) << 10 | R(rn) << 5 | R(rd);
}
U MulHigh(int is_unsigned, int rd, int rn, int rm) {
  return 0x9B407C00u | U(is_unsigned) << 23 | R(rm) << 16 | R(rn) << 5 | R(rd);
}
constexpr int XZR = 31;

constexpr uint64_t kData = kRamBase + 0x8000;  // data buffers live in 0x8000..0xFFFF

// Everything visible after a run.
struct Snap {
  uint64_t x[31] = {};
  uint64_t cpsr = 0, pc = 0;
  uint32_t reason = 0;
  uint64_t syndrome = 0, pa = 0;
  std::vector<uint8_t> ram;
};

class Jit : public GuestTest {
 protected:
  void TearDown() override {
    SetJitForTesting(true, 16);
    GuestTest::TearDown();
  }

  // Runs `code` (at kRamBase) on a fresh VM until its first exit, with the JIT
  // off (interpreter) or compiling every block at its first entry.
  Snap RunOnce(bool jit, const std::vector<U>& code, const std::function<void()>& init) {
    SetJitForTesting(jit, jit ? 1 : 16);
    GuestTest::TearDown();
    GuestTest::SetUp();
    Load(code);
    SetReg(HV_REG_PC, kRamBase);
    init();
    Snap s;
    Run();
    s.reason = exit_->reason;
    s.syndrome = exit_->exception.syndrome;
    s.pa = exit_->exception.physical_address;
    for (int i = 0; i < 31; ++i) s.x[i] = X(i);
    s.cpsr = Reg(HV_REG_CPSR);
    s.pc = Reg(HV_REG_PC);
    s.ram.assign(ram_, ram_ + kRamSize);
    return s;
  }

  // Runs both ways, expects them to agree; returns the JIT's result.
  Snap Both(const std::vector<U>& code, const std::function<void()>& init, bool* same = nullptr) {
    const Snap a = RunOnce(false, code, init);
    const Snap b = RunOnce(true, code, init);
    const bool ok = Compare(a, b);
    if (same != nullptr) *same = ok;
    return b;
  }

  static bool Compare(const Snap& in, const Snap& jit) {
    bool ok = true;
    auto check = [&](const char* what, int i, uint64_t e, uint64_t a) {
      if (e == a) return;
      ok = false;
      ADD_FAILURE() << what << (i >= 0 ? std::to_string(i) : "") << ": interpreter 0x" << std::hex << e
                    << ", JIT 0x" << a;
    };
    for (int i = 0; i < 31; ++i) check("x", i, in.x[i], jit.x[i]);
    check("cpsr", -1, in.cpsr, jit.cpsr);
    check("pc", -1, in.pc, jit.pc);
    check("exit reason", -1, in.reason, jit.reason);
    check("syndrome", -1, in.syndrome, jit.syndrome);
    check("fault ipa", -1, in.pa, jit.pa);
    for (size_t k = 0; k < in.ram.size(); ++k) {
      if (in.ram[k] != jit.ram[k]) {
        check("ram byte at offset ", static_cast<int>(k), in.ram[k], jit.ram[k]);
        break;
      }
    }
    return ok;
  }

  static uint32_t Ec(const Snap& s) { return ExceptionClass(s.syndrome); }

  // Runs a random program (words [0, shown) are the code, the rest data) with
  // x0..x24 and the data area drawn from `rng`, edge values in some registers
  // if `edges`. Reports and returns false on a mismatch.
  bool RandomCase(uint32_t seed, const std::vector<U>& code, size_t shown, std::mt19937& rng, bool edges) {
    uint64_t regs[25];
    for (auto& r : regs) {
      r = (uint64_t{rng()} << 32) | rng();
      if (edges && rng() % 4 == 0) r = kEdges[rng() % 9];
    }
    std::vector<uint8_t> data(0x8000);
    for (auto& b : data) b = static_cast<uint8_t>(rng());
    auto setup = [&] {
      for (int i = 0; i < 25; ++i) SetX(i, regs[i]);
      SetX(26, 0x40);
      SetX(28, kData + 0x1000);
      std::memcpy(ram_ + (kData - kRamBase), data.data(), data.size());
    };
    bool same = false;
    const Snap s = Both(code, setup, &same);
    EXPECT_EQ(Ec(s), 0x16u) << "seed " << seed;
    if (same) return true;
    std::string words;
    char buf[24];
    for (size_t i = 0; i < code.size(); ++i) {
      if (i == shown) words += "| data words at 0x800:";
      if (i >= shown && i < 0x200) continue;
      std::snprintf(buf, sizeof(buf), " %08x", code[i]);
      words += buf;
    }
    words += "| x0..x24:";
    for (uint64_t r : regs) {
      std::snprintf(buf, sizeof(buf), " %llx", static_cast<unsigned long long>(r));
      words += buf;
    }
    ADD_FAILURE() << "seed " << seed << " program: " << words;
    return false;
  }
  static constexpr uint64_t kEdges[] = {0, ~0ull, 1ull << 63, ~0ull >> 1, 0x80000000, 0xFFFFFFFF,
                                        0xFFFFFFFF80000000, 0x7FFFFFFF, 1};
};

// 1. Eighteen guest registers in a register-resident self-loop of 1000
// iterations: the 10 host registers must evict and reload inside the loop.
TEST_F(Jit, ManyRegisterLoopEvicts) {
  const std::vector<U> code = {
      AddSubShift(1, 0, 0, 1, 1, 2, 0, 0),    // loop: add x1, x1, x2
      LogShift(1, 2, 0, 3, 3, 1, 0, 0),       // eor x3, x3, x1
      Ror(4, 3, 13),                          // ror x4, x3, #13
      AddSubShift(1, 0, 0, 5, 5, 4, 0, 3),    // add x5, x5, x4, lsl #3
      LogShift(1, 2, 0, 6, 6, 5, 1, 7),       // eor x6, x6, x5, lsr #7
      Extr(1, 7, 6, 5, 29),                   // extr x7, x6, x5, #29
      AddSubShift(1, 0, 0, 8, 8, 7, 0, 0),    // add x8, x8, x7
      LogShift(1, 2, 0, 9, 9, 8, 3, 11),      // eor x9, x9, x8, ror #11
      AddSubShift(1, 0, 0, 10, 10, 9, 0, 0),  // add x10, x10, x9
      LogShift(1, 2, 0, 11, 11, 10, 0, 0),    // eor x11, x11, x10
      Ror(12, 11, 41),                        // ror x12, x11, #41
      AddSubShift(1, 0, 0, 13, 13, 12, 0, 0), // add x13, x13, x12
      LogShift(1, 2, 0, 14, 14, 13, 0, 5),    // eor x14, x14, x13, lsl #5
      AddSubShift(1, 0, 1, 15, 15, 14, 0, 0), // adds x15, x15, x14
      CondSel(1, 0, 1, 16, 16, 16, HS),       // cinc x16, x16, lo (csinc x16, x16, x16, hs)
      MulAdd(1, 0, 17, 15, 16, 17),           // madd x17, x15, x16, x17
      LogShift(1, 2, 0, 2, 2, 17, 0, 0),      // eor x2, x2, x17
      AddSubImm(1, 0, 0, 18, 18, 3),          // add x18, x18, #3
      AddSubImm(1, 1, 1, 0, 0, 1),            // subs x0, x0, #1
      BCond(NE, -19),                         // b.ne loop
      kHvc0,
  };
  uint64_t init[19];
  for (int i = 0; i < 19; ++i) init[i] = 0x9E3779B97F4A7C15ull * (i + 1) ^ (0x1234567ull << i);
  init[0] = 1000;
  auto setup = [&] {
    for (int i = 0; i < 19; ++i) SetX(i, init[i]);
  };
  const Snap s = Both(code, setup);
  // An independent model of the loop.
  uint64_t x[19];
  std::memcpy(x, init, sizeof(x));
  auto ror = [](uint64_t v, int n) { return (v >> n) | (v << (64 - n)); };
  for (int it = 0; it < 1000; ++it) {
    x[1] += x[2];
    x[3] ^= x[1];
    x[4] = ror(x[3], 13);
    x[5] += x[4] << 3;
    x[6] ^= x[5] >> 7;
    x[7] = (x[5] >> 29) | (x[6] << 35);
    x[8] += x[7];
    x[9] ^= ror(x[8], 11);
    x[10] += x[9];
    x[11] ^= x[10];
    x[12] = ror(x[11], 41);
    x[13] += x[12];
    x[14] ^= x[13] << 5;
    const uint64_t old15 = x[15];
    x[15] += x[14];
    if (x[15] < old15) {} else { x[16] += 1; }  // carry clear (lo) increments
    x[17] += x[15] * x[16];
    x[2] ^= x[17];
    x[18] += 3;
  }
  x[0] = 0;
  for (int i = 0; i < 19; ++i) EXPECT_EQ(s.x[i], x[i]) << "x" << i;
  EXPECT_EQ(s.pc, kRamBase + 21 * 4);  // after the hvc
  EXPECT_EQ(s.cpsr >> 28, 0x6u);  // subs x0 reached 0: Z and C
}

// 2. Loads and stores of every addressing form over a buffer, with compares
// and b.hi/b.ge/b.ne deciding what runs.
TEST_F(Jit, LoadStoreLoopWithCompares) {
  const uint64_t src = kData, dst = kData + 0x1000;
  const std::vector<U> code = {
      LdStPair(1, 1, 2, 6, 7, 1, 0),           // 0 loop: ldp x6, x7, [x1]
      LdSt9(3, 1, 4, 1, 16, 1),                // 1 ldr x4, [x1], #16
      LdStReg(0, 2, 5, 1, 12),                 // 2 ldrsb x5, [x1, x12]
      LdStU(2, 1, 14, 1, 1),                   // 3 ldr w14, [x1, #4]
      AddSubShift(1, 0, 0, 10, 10, 4, 0, 0),   // 4 add x10, x10, x4
      LogShift(1, 2, 0, 10, 10, 7, 0, 0),      // 5 eor x10, x10, x7
      AddSubShift(1, 1, 1, XZR, 6, 7, 0, 0),   // 6 cmp x6, x7
      BCond(HI, 2),                            // 7 b.hi 9
      AddSubImm(1, 0, 0, 11, 11, 1),           // 8 add x11, x11, #1
      AddSubImm(1, 1, 1, XZR, 5, 0),           // 9 cmp x5, #0
      BCond(GE, 2),                            // 10 b.ge 12
      AddSubShift(1, 0, 0, 13, 13, 5, 0, 0),   // 11 add x13, x13, x5
      LdStReg(0, 0, 5, 2, 12),                 // 12 strb w5, [x2, x12]
      LdStReg(3, 0, 14, 2, 15, 3, 1),          // 13 str x14, [x2, x15, lsl #3]
      LdSt9(3, 0, 10, 2, 8, 1),                // 14 str x10, [x2], #8
      LdStPair(1, 0, 3, 6, 11, 2, 2),          // 15 stp x6, x11, [x2, #16]!
      LdSt9(1, 0, 14, 2, -2, 0),               // 16 sturh w14, [x2, #-2]
      LdStU(0, 1, 16, 2, 1),                   // 17 ldrb w16, [x2, #1]
      AddSubShift(1, 0, 0, 17, 17, 16, 0, 0),  // 18 add x17, x17, x16
      AddSubImm(1, 1, 1, 3, 3, 1),             // 19 subs x3, x3, #1
      BCond(NE, -20),                          // 20 b.ne loop
      kHvc0,
  };
  std::mt19937_64 rng(7);
  std::vector<uint64_t> data(66);  // 2 past the end for the last ldrsb
  for (auto& v : data) v = rng();
  auto setup = [&] {
    for (size_t i = 0; i < data.size(); ++i) Poke64(src + 8 * i, data[i]);
    SetX(1, src);
    SetX(2, dst);
    SetX(3, 32);
    SetX(12, 5);
    SetX(15, 1);
  };
  const Snap s = Both(code, setup);
  uint64_t x10 = 0, x11 = 0, x13 = 0;
  for (int i = 0; i < 32; ++i) {
    const uint64_t a = data[2 * i], b = data[2 * i + 1];
    x10 = (x10 + a) ^ b;
    if (!(a > b)) ++x11;
    const int64_t sb = static_cast<int8_t>(data[2 * i + 2] >> 40);  // byte 5 after the post-index
    if (sb < 0) x13 += static_cast<uint64_t>(sb);
  }
  EXPECT_EQ(s.x[10], x10);
  EXPECT_EQ(s.x[11], x11);
  EXPECT_EQ(s.x[13], x13);
  EXPECT_EQ(s.x[1], src + 32 * 16);
  EXPECT_EQ(s.x[2], dst + 32 * 24);
  EXPECT_EQ(s.x[3], 0u);
  EXPECT_EQ(Ec(s), 0x16u);
}

// 3. Loops closed by cbnz, cbz, tbz and tbnz, and a loop calling a function in
// the same page with bl/ret.
TEST_F(Jit, LoopBranchesAndCalls) {
  const std::vector<U> code = {
      AddSubShift(1, 0, 0, 0, 0, 1, 0, 0),   // 0 l1: add x0, x0, x1
      AddSubImm(1, 1, 0, 1, 1, 1),           // 1 sub x1, x1, #1
      Cb(1, 1, 1, -2),                       // 2 cbnz x1, l1
      AddSubImm(1, 0, 0, 2, 2, 3),           // 3 l2: add x2, x2, #3
      AddSubImm(1, 1, 0, 3, 3, 1),           // 4 sub x3, x3, #1
      Cb(0, 0, 3, 2),                        // 5 cbz w3, 7
      B(-3),                                 // 6 b l2
      AddSubImm(1, 0, 0, 4, 4, 1),           // 7 l3: add x4, x4, #1
      AddSubShift(1, 0, 0, 5, 5, 4, 0, 0),   // 8 add x5, x5, x4
      Tb(0, 4, 9, -2),                       // 9 tbz x4, #9, l3
      AddSubImm(1, 0, 0, 6, 6, 1),           // 10 l4: add x6, x6, #1
      AddSubImm(1, 0, 0, 7, 7, 2),           // 11 add x7, x7, #2
      Tb(1, 6, 63, -2),                      // 12 tbnz x6, #63, l4
      Movz(9, 300),                          // 13 mov x9, #300
      Bl(5),                                 // 14 l5: bl f (19)
      AddSubImm(1, 1, 1, 9, 9, 1),           // 15 subs x9, x9, #1
      BCond(NE, -2),                         // 16 b.ne l5
      kHvc0,                                 // 17
      kHvc0,                                 // 18
      AddSubShift(1, 0, 0, 10, 10, 9, 0, 0), // 19 f: add x10, x10, x9
      LogShift(1, 2, 0, 11, 11, 10, 0, 0),   // 20 eor x11, x11, x10
      kRet,                                  // 21 ret
  };
  auto setup = [&] {
    SetX(1, 500);
    SetX(3, 0x100000000ull + 700);  // cbz w3 must ignore bit 32
    SetX(6, static_cast<uint64_t>(-1000));
  };
  const Snap s = Both(code, setup);
  EXPECT_EQ(s.x[0], 500u * 501 / 2);
  EXPECT_EQ(s.x[2], 3u * 700);
  EXPECT_EQ(s.x[3], 0x100000000ull);
  EXPECT_EQ(s.x[4], 512u);
  EXPECT_EQ(s.x[5], 512u * 513 / 2);
  EXPECT_EQ(s.x[6], 0u);
  EXPECT_EQ(s.x[7], 2000u);
  EXPECT_EQ(s.x[9], 0u);
  EXPECT_EQ(s.x[10], 300u * 301 / 2);
  uint64_t x10 = 0, x11 = 0;
  for (uint64_t k = 300; k > 0; --k) x11 ^= (x10 += k);
  EXPECT_EQ(s.x[11], x11);
  EXPECT_EQ(s.x[30], kRamBase + 15 * 4);
  EXPECT_EQ(s.pc, kRamBase + 18 * 4);  // after the hvc
  EXPECT_EQ(Ec(s), 0x16u);
}

// 4. A load in a hot compiled self-loop reaches an unmapped IPA after 63
// iterations: a data abort to the host at the load, with the registers
// written earlier in the block (x1..x4 this iteration) visible.
TEST_F(Jit, FaultingLoadInHotLoop) {
  const std::vector<U> code = {
      AddSubImm(1, 0, 0, 1, 1, 1),             // 0 loop: add x1, x1, #1
      Lsr(2, 1, 6),                            // 1 lsr x2, x1, #6
      AddSubShift(1, 0, 0, 3, 9, 2, 0, 31),    // 2 add x3, x9, x2, lsl #31
      AddSubImm(1, 0, 0, 4, 1, 7),             // 3 add x4, x1, #7
      LdStU(3, 1, 5, 3, 0),                    // 4 ldr x5, [x3]
      AddSubShift(1, 0, 0, 6, 6, 5, 0, 0),     // 5 add x6, x6, x5
      AddSubImm(1, 1, 1, 8, 8, 1),             // 6 subs x8, x8, #1
      BCond(NE, -7),                           // 7 b.ne loop
      kHvc0,
  };
  auto setup = [&] {
    Poke64(kData, 3);
    SetX(9, kData);
    SetX(8, 1000);
    SetX(5, 0x5555);
  };
  const Snap s = Both(code, setup);
  ASSERT_EQ(s.reason, static_cast<uint32_t>(HV_EXIT_REASON_EXCEPTION));
  EXPECT_EQ(Ec(s), 0x24u) << std::hex << s.syndrome;
  EXPECT_EQ(s.pa, kData + 0x80000000ull);
  EXPECT_EQ(s.pc, kRamBase + 4 * 4);
  EXPECT_EQ(s.x[1], 64u);
  EXPECT_EQ(s.x[2], 1u);
  EXPECT_EQ(s.x[3], kData + 0x80000000ull);
  EXPECT_EQ(s.x[4], 71u);
  EXPECT_EQ(s.x[5], 3u);
  EXPECT_EQ(s.x[6], 63u * 3);
  EXPECT_EQ(s.x[8], 1000u - 63);
  EXPECT_EQ(s.cpsr >> 28, 0x2u);  // from the last subs: C only
}

// 5a. The loop's own store rewrites its first instruction half-way through.
TEST_F(Jit, GuestStoreIntoOwnLoopBody) {
  const U add1 = AddSubImm(1, 0, 0, 0, 0, 1), add2 = AddSubImm(1, 0, 0, 0, 0, 2);
  const std::vector<U> code = {
      add1,                               // 0 loop: add x0, x0, #1
      AddSubImm(1, 1, 1, XZR, 1, 50),     // 1 cmp x1, #50
      CondSel(0, 0, 0, 3, 10, 11, HI),    // 2 csel w3, w10, w11, hi
      LdStU(2, 0, 3, 2, 0),               // 3 str w3, [x2]
      AddSubImm(1, 1, 1, 1, 1, 1),        // 4 subs x1, x1, #1
      BCond(NE, -5),                      // 5 b.ne loop
      kHvc0,
  };
  auto setup = [&] {
    SetX(1, 100);
    SetX(2, kRamBase);
    SetX(10, add1);
    SetX(11, add2);
  };
  const Snap s = Both(code, setup);
  // 51 iterations (x1 = 100..50) with add #1, 49 with add #2.
  EXPECT_EQ(s.x[0], 51u * 1 + 49u * 2);
  uint32_t w;
  std::memcpy(&w, s.ram.data(), 4);
  EXPECT_EQ(w, add2);
}

// 5b. The host rewrites a hot compiled loop between runs.
TEST_F(Jit, HostWriteIntoCompiledLoop) {
  for (bool jit : {false, true}) {
    SCOPED_TRACE(jit ? "jit" : "interpreter");
    SetJitForTesting(jit, 1);
    Load({
        AddSubImm(1, 0, 0, 0, 0, 1),  // loop: add x0, x0, #1
        AddSubImm(1, 1, 1, 1, 1, 1),  // subs x1, x1, #1
        BCond(NE, -2),                // b.ne loop
        kHvc0,
    });
    SetX(0, 0);
    SetX(1, 100);
    SetReg(HV_REG_PC, kRamBase);
    RunToHvc();
    EXPECT_EQ(X(0), 100u);
    Load({AddSubImm(1, 0, 0, 0, 0, 5)});                      // add x0, x0, #5
    Load({AddSubImm(1, 1, 1, 1, 1, 2)}, kRamBase + 4);        // subs x1, x1, #2
    SetX(1, 100);
    SetReg(HV_REG_PC, kRamBase);
    RunToHvc();
    EXPECT_EQ(X(0), 100u + 50 * 5);
    EXPECT_EQ(X(1), 0u);
    // Restore for the next pass on a fresh VM.
    GuestTest::TearDown();
    GuestTest::SetUp();
  }
}

// 6. Random straight-line programs of natively translated instructions, each
// in a 20-iteration loop so its blocks are compiled (and re-entered).
// Registers: x0..x24 random values and destinations; x25 loop counter; x26 a
// fixed index (0x40); x27 a writeback base reset every iteration; x28 a fixed
// base. All accesses are aligned and stay in the data area.
class Gen {
 public:
  explicit Gen(uint32_t seed) : rng_(seed) {}
  int Rand(int n) { return static_cast<int>(rng_() % static_cast<uint32_t>(n)); }
  int Dst() { return Rand(25); }
  int Src() { return Rand(29); }

  U Insn(bool allow_branch) {
    const int sf = Rand(4) != 0;
    const int bits = sf ? 64 : 32;
    const int s = Rand(3) == 0;
    int rd = Dst();
    if (s && Rand(4) == 0) rd = XZR;  // cmp/cmn/tst
    for (;;) {
      switch (Rand(27)) {
        case 0: return AddSubImm(sf, Rand(2), s, s ? rd : Dst(), Src(), rng_() & 0xFFF, Rand(2));
        case 1: return AddSubShift(sf, Rand(2), s, rd, Src(), Src(), Rand(3), Rand(bits));
        case 2: return AddSubExt(sf, Rand(2), s, s ? rd : Dst(), Src(), Src(), Rand(8), Rand(5));
        case 3: return LogShift(sf, s ? 3 : Rand(3), Rand(2), s ? rd : Dst(), Src(), Src(), Rand(4), Rand(bits));
        case 4: {  // logical immediate with a random element size
          const int opc = s ? 3 : Rand(3);
          if (sf && Rand(2)) return LogImm(1, opc, 1, Rand(64), Rand(63), s ? rd : Dst(), Src());
          const int e = 2 << Rand(5);  // 2..32
          const int imms = (0x3F & ~(2 * e - 1)) | Rand(e - 1);
          return LogImm(sf, opc, 0, Rand(e), imms, s ? rd : Dst(), Src());
        }
        case 5: { static constexpr int kOpc[] = {0, 2, 3}; const int opc = kOpc[Rand(3)]; return MovWide(sf, opc, Rand(sf ? 4 : 2), rng_(), Dst()); }
        case 6: return Bitfield(sf, Rand(3), Rand(bits), Rand(bits), Dst(), Src());
        case 7: return Extr(sf, Dst(), Src(), Src(), Rand(bits));
        case 8: return CondSel(sf, Rand(2), Rand(2), Dst(), Src(), Src(), Rand(16));
        case 9: return MulAdd(sf, Rand(2), Dst(), Src(), Src(), Src());
        case 10: return ShiftV(sf, Rand(4), Dst(), Src(), Src());
        case 11: return Adr(Rand(2), Dst(), static_cast<int32_t>(rng_() % 0x200000) - 0x100000);
        case 12: case 13: {  // unsigned offset from x28 or x27
          const int size = Rand(4), opc = LoadOpc(size);
          return LdStU(size, opc, Dst(), Rand(2) ? 28 : 27, Rand(0x800 >> size));
        }
        case 14: {  // unscaled, aligned
          const int size = Rand(4);
          return LdSt9(size, LoadOpc(size), Dst(), Rand(2) ? 28 : 27, (Rand(512 >> size) - (256 >> size)) << size, 0);
        }
        case 15: {  // pre/post-index on x27, multiples of 8 in -32..32
          const int size = Rand(4);
          return LdSt9(size, LoadOpc(size), Dst(), 27, (Rand(9) - 4) * 8, Rand(2) ? 1 : 3);
        }
        case 16: {  // register offset, index x26 (0x40) with any extend
          const int size = Rand(4);
          static constexpr int kOpt[] = {2, 3, 6, 7};
          return LdStReg(size, LoadOpc(size), Dst(), 28, 26, kOpt[Rand(4)], Rand(2));
        }
        case 17: case 18: {  // ldp/stp
          const int x = Rand(2), load = Rand(2), mode = 1 + Rand(3);
          int rt = Dst(), rt2 = Dst();
          if (load) while (rt2 == rt) rt2 = Dst();
          const int base = mode == 2 && Rand(2) ? 28 : 27;
          if (!x && load && Rand(2)) return Ldpsw(mode, rt, rt2, base, (Rand(16) - 8) & 0x7F);
          return LdStPair(x, load, mode, rt, rt2, base, (Rand(16) - 8) & 0x7F);
        }
        case 19: if (allow_branch) return BCond(Rand(15), 2); break;  // skips one
        case 20: if (allow_branch) return Cb(sf, Rand(2), Src(), 2); break;
        case 21: if (allow_branch) return Tb(Rand(2), Src(), Rand(64), 2); break;
        case 22: return CondCmp(sf, Rand(2), Rand(2), Src(), Rand(2) ? Src() : Rand(32), Rand(16), Rand(16));
        case 23: return AddSubCarry(sf, Rand(2), s, s ? rd : Dst(), Src(), Src());
        case 24: {  // mostly clz/rev (native), else rbit/rev16/rev32/cls (handlers)
          const int op = Rand(3) ? (Rand(2) ? 4 : 3 - !sf) : Rand(6);
          return DataProc1(sf, !sf && op == 3 ? 2 : op, Dst(), Src());
        }
        case 25: return Div(sf, Rand(2), Dst(), Src(), Src());
        case 26: return MulHigh(Rand(2), Dst(), Src(), Src());
      }
    }
  }
  // Stores half the time; loads otherwise, signed where the size allows.
  int LoadOpc(int size) {
    if (Rand(2)) return 0;
    if (size == 3) return 1;
    return 1 + Rand(size == 2 ? 2 : 3);
  }
  std::mt19937 rng_;
};

TEST_F(Jit, RandomProgramsMatchTheInterpreter) {
  int failures = 0;
  for (uint32_t seed = 1; seed <= 200 && failures < 3; ++seed) {
    Gen g(seed);
    std::vector<U> code = {Movz(25, 20), AddSubImm(1, 0, 0, 27, 28, 0x1000)};  // loop:
    const int n = 20 + g.Rand(41);
    for (int i = 0; i < n; ++i) code.push_back(g.Insn(i + 1 < n));
    code.push_back(AddSubImm(1, 1, 0, 25, 25, 1));                   // sub x25, x25, #1
    code.push_back(Cb(1, 1, 25, -static_cast<int>(code.size()) + 1));  // cbnz x25, loop
    code.push_back(kHvc0);
    if (!RandomCase(seed, code, code.size(), g.rng_, false)) ++failures;
  }
}

// 7. Random traces: the program of test 6 plus division/multiply-high/clz/rev
// on edge operands (0, -1, INT_MIN), LDR (literal) from a pool at word 0x200
// of the code page (never executed), conditional forward skips to later
// instructions and conditional backward branches from the middle of the body
// to the loop start, on flags from compares/CCMP/ADDS/SUBS/ANDS/ADCS right
// before the branch, one instruction earlier or anywhere before.
// Termination: every backward branch except the final cbnz x25 is the end of
// a guard `cbz x29, over; sub x29, x29, #1; [flags; [insn]]; b.cond loop`,
// no branch targets a word of a guard after its cbz, and only the guards
// write x29 (x0..x24 are the only random destinations), so at most x29's
// initial value (< 64) backward branches run besides the 20 of the loop.
class TraceGen : public Gen {
 public:
  static constexpr int kPool = 0x200, kPoolWords = 64;
  using Gen::Gen;

  U EdgeMov(int sf, int rd) {
    switch (Rand(5)) {
      case 0: return MovWide(sf, 2, 0, 0, rd);                // 0
      case 1: return MovWide(sf, 0, 0, 0, rd);                // -1
      case 2: return MovWide(sf, 2, sf ? 3 : 1, 0x8000, rd);  // INT_MIN
      case 3: return MovWide(sf, 0, sf ? 3 : 1, 0x8000, rd);  // INT_MAX
      default: return MovWide(sf, 2, 0, 1, rd);               // 1
    }
  }
  U Flags() {
    const int sf = Rand(4) != 0, rd = Rand(3) ? XZR : Dst();
    const int rn = Src(), rm = Rand(4) ? Src() : rn;
    switch (Rand(6)) {
      case 0: return AddSubShift(sf, Rand(2), 1, rd, rn, rm, 0, Rand(3) ? 0 : Rand(sf ? 64 : 32));
      case 1: return AddSubImm(sf, Rand(2), 1, rd, rn, Rand(4) ? Rand(4) : rng_());
      case 2: return LogShift(sf, 3, 0, rd, rn, rm, 0, 0);
      case 5: return AddSubCarry(sf, Rand(2), 1, rd, rn, rm);
      default: return CondCmp(sf, Rand(2), Rand(2), rn, Rand(2) ? rm : Rand(32), Rand(16), Rand(16));
    }
  }
  U NoFlags() {
    const int sf = Rand(4) != 0;
    switch (Rand(3)) {
      case 0: return AddSubShift(sf, Rand(2), 0, Dst(), Src(), Src(), 0, 0);
      case 1: return LogShift(sf, Rand(3), 0, Dst(), Src(), Src(), 0, 0);
      default: return Div(sf, Rand(2), Dst(), Src(), Src());
    }
  }
  // One random body element: new instructions on edge values, a literal
  // load, a flag setter or any instruction of test 6.
  void Item(std::vector<U>& c) {
    const int sf = Rand(4) != 0, rn = Dst(), rm = Dst();
    switch (Rand(7)) {
      case 0: case 1:
        if (Rand(2)) c.push_back(EdgeMov(sf, rn));
        c.push_back(EdgeMov(sf, rm));
        switch (Rand(5)) {
          case 0: case 1: c.push_back(Div(sf, Rand(2), Dst(), rn, rm)); break;
          case 2: c.push_back(MulHigh(Rand(2), Dst(), rn, rm)); break;
          case 3: c.push_back(DataProc1(sf, Rand(2) ? 4 : 3 - !sf, Dst(), rm)); break;
          default: c.push_back(CondCmp(sf, Rand(2), 0, rn, rm, Rand(16), Rand(16))); break;
        }
        return;
      case 2: {
        const int opc = Rand(3), k = Rand(kPoolWords) & (opc == 1 ? ~1 : ~0);
        c.push_back(LdrLit(opc, Dst(), kPool + k - static_cast<int>(c.size())));
        return;
      }
      case 3: c.push_back(Flags()); return;
      default: c.push_back(Insn(false)); return;
    }
  }

  // The program (code, then the pool at kPool); *shown = the code's length.
  std::vector<U> Program(size_t* shown) {
    constexpr int kLoop = 2;
    std::vector<U> c = {Movz(25, 20), Movz(29, 1 + Rand(63)), AddSubImm(1, 0, 0, 27, 28, 0x1000)};
    std::vector<bool> safe(c.size(), true);  // may a branch land here?
    std::vector<size_t> fwd;                 // forward branches to resolve
    const int n = 20 + Rand(41);
    for (int i = 0; i < n; ++i) {
      const size_t at = c.size();
      const int kind = Rand(8);
      if (kind == 0) {  // guarded backward branch
        c.push_back(0);
        c.push_back(AddSubImm(1, 1, 0, 29, 29, 1));
        const int flags = Rand(3);  // 0: older flags, 1: right before, 2: one insn earlier
        if (flags) c.push_back(Flags());
        if (flags == 2) c.push_back(NoFlags());
        c.push_back(BCond(Rand(15), kLoop - static_cast<int>(c.size())));
        c[at] = Cb(1, 0, 29, static_cast<int>(c.size() - at));
        safe.resize(c.size(), false);
        safe[at] = true;
        continue;
      }
      if (kind == 1) {  // forward skip, patched below
        if (Rand(2)) c.push_back(Flags());
        fwd.push_back(c.size());
        c.push_back(0);
      } else {
        Item(c);
      }
      safe.resize(c.size(), true);
    }
    const size_t tail = c.size();
    c.push_back(AddSubImm(1, 1, 0, 25, 25, 1));                       // sub x25, x25, #1
    c.push_back(Cb(1, 1, 25, kLoop - static_cast<int>(c.size())));  // cbnz x25, loop
    c.push_back(kHvc0);
    safe.resize(c.size(), true);
    for (size_t at : fwd) {
      size_t t = at + 1 + Rand(static_cast<int>(std::min<size_t>(12, tail - at)));
      while (!safe[t]) ++t;
      const int off = static_cast<int>(t - at), sf = Rand(2);
      switch (Rand(3)) {
        case 0: c[at] = BCond(Rand(15), off); break;
        case 1: c[at] = Cb(sf, Rand(2), Src(), off); break;
        default: c[at] = Tb(Rand(2), Src(), Rand(64), off); break;
      }
    }
    *shown = c.size();
    c.resize(kPool);
    for (int k = 0; k < kPoolWords; ++k) {
      const uint64_t e = kEdgeWords[Rand(5)];
      c.push_back(Rand(3) ? static_cast<U>(rng_()) : static_cast<U>(e));
    }
    return c;
  }
  static constexpr uint64_t kEdgeWords[] = {0, 0xFFFFFFFF, 0x80000000, 0x7FFFFFFF, 1};
};

TEST_F(Jit, RandomTracesMatchTheInterpreter) {
  int failures = 0;
  for (uint32_t seed = 1; seed <= 320 && failures < 3; ++seed) {
    TraceGen g(seed * 7919);
    size_t shown = 0;
    const std::vector<U> code = g.Program(&shown);
    if (!RandomCase(seed, code, shown, g.rng_, true)) ++failures;
  }
}

}  // namespace
}  // namespace vmd::hvsoft::testing
