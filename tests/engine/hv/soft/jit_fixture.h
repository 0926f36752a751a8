// The JIT-versus-interpreter fixture shared by jit_test.cc and
// jit_random_test.cc: A64 encoders (ARM ARM, C4), a snapshot of everything a
// run leaves visible, and the Jit fixture that runs a program twice on fresh
// state (JIT off, then every block compiled at its first entry) and compares.
#ifndef VMD_TESTS_ENGINE_HV_SOFT_JIT_FIXTURE_H_
#define VMD_TESTS_ENGINE_HV_SOFT_JIT_FIXTURE_H_

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

// ---- A64 encoders (ARM ARM, section C4) --------------------------------------
using U = uint32_t;
constexpr U R(int r) { return static_cast<U>(r) & 31; }
// Add/sub immediate: op 0 add, 1 sub; s sets flags.
inline U AddSubImm(int sf, int op, int s, int rd, int rn, U imm12, int sh = 0) {
  return U(sf) << 31 | U(op) << 30 | U(s) << 29 | 0x11000000u | U(sh) << 22 | (imm12 & 0xFFF) << 10 |
         R(rn) << 5 | R(rd);
}
inline U AddSubShift(int sf, int op, int s, int rd, int rn, int rm, int shift, int amt) {
  return U(sf) << 31 | U(op) << 30 | U(s) << 29 | 0x0B000000u | U(shift) << 22 | R(rm) << 16 |
         U(amt) << 10 | R(rn) << 5 | R(rd);
}
inline U AddSubExt(int sf, int op, int s, int rd, int rn, int rm, int option, int imm3) {
  return U(sf) << 31 | U(op) << 30 | U(s) << 29 | 0x0B200000u | R(rm) << 16 | U(option) << 13 |
         U(imm3) << 10 | R(rn) << 5 | R(rd);
}
// opc: 0 and, 1 orr, 2 eor, 3 ands; n inverts rm (bic/orn/eon/bics).
inline U LogShift(int sf, int opc, int n, int rd, int rn, int rm, int shift, int amt) {
  return U(sf) << 31 | U(opc) << 29 | 0x0A000000u | U(shift) << 22 | U(n) << 21 | R(rm) << 16 |
         U(amt) << 10 | R(rn) << 5 | R(rd);
}
inline U LogImm(int sf, int opc, int n, int immr, int imms, int rd, int rn) {
  return U(sf) << 31 | U(opc) << 29 | 0x12000000u | U(n) << 22 | U(immr) << 16 | U(imms) << 10 |
         R(rn) << 5 | R(rd);
}
// opc: 0 movn, 2 movz, 3 movk.
inline U MovWide(int sf, int opc, int hw, U imm16, int rd) {
  return U(sf) << 31 | U(opc) << 29 | 0x12800000u | U(hw) << 21 | (imm16 & 0xFFFF) << 5 | R(rd);
}
inline U Movz(int rd, U imm16, int hw = 0) { return MovWide(1, 2, hw, imm16, rd); }
// opc: 0 sbfm, 1 bfm, 2 ubfm.
inline U Bitfield(int sf, int opc, int immr, int imms, int rd, int rn) {
  return U(sf) << 31 | U(opc) << 29 | 0x13000000u | U(sf) << 22 | U(immr) << 16 | U(imms) << 10 |
         R(rn) << 5 | R(rd);
}
inline U Lsr(int rd, int rn, int sh) { return Bitfield(1, 2, sh, 63, rd, rn); }
inline U Extr(int sf, int rd, int rn, int rm, int lsb) {
  return U(sf) << 31 | 0x13800000u | U(sf) << 22 | R(rm) << 16 | U(lsb) << 10 | R(rn) << 5 | R(rd);
}
inline U Ror(int rd, int rn, int sh) { return Extr(1, rd, rn, rn, sh); }
// op/op2: csel 0/0, csinc 0/1, csinv 1/0, csneg 1/1.
inline U CondSel(int sf, int op, int op2, int rd, int rn, int rm, int cond) {
  return U(sf) << 31 | U(op) << 30 | 0x1A800000u | R(rm) << 16 | U(cond) << 12 | U(op2) << 10 |
         R(rn) << 5 | R(rd);
}
inline U MulAdd(int sf, int o0, int rd, int rn, int rm, int ra) {
  return U(sf) << 31 | 0x1B000000u | R(rm) << 16 | U(o0) << 15 | R(ra) << 10 | R(rn) << 5 | R(rd);
}
// op2: 0 lslv, 1 lsrv, 2 asrv, 3 rorv.
inline U ShiftV(int sf, int op2, int rd, int rn, int rm) {
  return U(sf) << 31 | 0x1AC02000u | R(rm) << 16 | U(op2) << 10 | R(rn) << 5 | R(rd);
}
inline U Adr(int page, int rd, int32_t imm) {
  return U(page) << 31 | (U(imm) & 3) << 29 | 0x10000000u | ((U(imm) >> 2) & 0x7FFFF) << 5 | R(rd);
}
// Branch offsets are in instructions.
inline U B(int off) { return 0x14000000u | (U(off) & 0x3FFFFFF); }
inline U Bl(int off) { return 0x94000000u | (U(off) & 0x3FFFFFF); }
inline U BCond(int cond, int off) { return 0x54000000u | (U(off) & 0x7FFFF) << 5 | U(cond); }
inline U Cb(int sf, int nz, int rt, int off) {
  return U(sf) << 31 | 0x34000000u | U(nz) << 24 | (U(off) & 0x7FFFF) << 5 | R(rt);
}
inline U Tb(int nz, int rt, int bit, int off) {
  return U(bit >> 5) << 31 | 0x36000000u | U(nz) << 24 | U(bit & 31) << 19 | (U(off) & 0x3FFF) << 5 |
         R(rt);
}
constexpr U kRet = 0xD65F03C0;
enum Cond { EQ = 0, NE, HS, LO, MI, PL, VS, VC, HI, LS, GE, LT, GT, LE };
// Loads/stores: size 0..3 (B/H/W/X); opc 0 store, 1 load, 2 signed load to X,
// 3 signed load to W. imm12 is in units of the access size.
inline U LdStU(int size, int opc, int rt, int rn, U imm12) {
  return U(size) << 30 | 0x39000000u | U(opc) << 22 | (imm12 & 0xFFF) << 10 | R(rn) << 5 | R(rt);
}
// mode: 0 unscaled, 1 post-index, 3 pre-index; imm9 in bytes.
inline U LdSt9(int size, int opc, int rt, int rn, int imm9, int mode) {
  return U(size) << 30 | 0x38000000u | U(opc) << 22 | (U(imm9) & 0x1FF) << 12 | U(mode) << 10 |
         R(rn) << 5 | R(rt);
}
inline U LdStReg(int size, int opc, int rt, int rn, int rm, int option = 3, int s = 0) {
  return U(size) << 30 | 0x38200800u | U(opc) << 22 | R(rm) << 16 | U(option) << 13 | U(s) << 12 |
         R(rn) << 5 | R(rt);
}
// x: 64-bit registers; mode: 1 post-index, 2 offset, 3 pre-index; imm7 scaled.
inline U LdStPair(int x, int load, int mode, int rt, int rt2, int rn, int imm7) {
  return U(x ? 2 : 0) << 30 | 0x28000000u | U(mode) << 23 | U(load) << 22 | (U(imm7) & 0x7F) << 15 |
         R(rt2) << 10 | R(rn) << 5 | R(rt);
}
inline U Ldpsw(int mode, int rt, int rt2, int rn, int imm7) { return LdStPair(0, 1, mode, rt, rt2, rn, imm7) | 1u << 30; }
// opc: 0 ldr w, 1 ldr x, 2 ldrsw; off in instructions.
inline U LdrLit(int opc, int rt, int off) { return U(opc) << 30 | 0x18000000u | (U(off) & 0x7FFFF) << 5 | R(rt); }
// op: 0 ccmn, 1 ccmp; imm: rm is a 5-bit immediate.
inline U CondCmp(int sf, int op, int imm, int rn, int rm, int cond, int nzcv) {
  return U(sf) << 31 | U(op) << 30 | 0x3A400000u | R(rm) << 16 | U(cond) << 12 | U(imm) << 11 |
         R(rn) << 5 | U(nzcv & 15);
}
// op: 0 adc, 1 sbc; s sets flags.
inline U AddSubCarry(int sf, int op, int s, int rd, int rn, int rm) {
  return U(sf) << 31 | U(op) << 30 | U(s) << 29 | 0x1A000000u | R(rm) << 16 | R(rn) << 5 | R(rd);
}
// opcode: 0 rbit, 1 rev16, 2 rev (W) / rev32 (X), 3 rev (X), 4 clz, 5 cls.
inline U DataProc1(int sf, int opcode, int rd, int rn) {
  return U(sf) << 31 | 0x5AC00000u | U(opcode) << 10 | R(rn) << 5 | R(rd);
}
inline U Div(int sf, int is_signed, int rd, int rn, int rm) {
  return U(sf) << 31 | 0x1AC00800u | R(rm) << 16 | U(is_signed) << 10 | R(rn) << 5 | R(rd);
}
inline U MulHigh(int is_unsigned, int rd, int rn, int rm) {
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
  uint64_t retired = 0;  // hv/soft's instruction count for the run
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
    hv_soft_vcpu_stats_t stats{};
    EXPECT_EQ(hv_soft_vcpu_get_stats(vcpu_, &stats), HV_SUCCESS);
    s.retired = stats.insns_retired;
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
    // The interpreter counts whole blocks, so a run that ends in an abort
    // is counted to its block's end there: compared only without one.
    const uint32_t ec = ExceptionClass(in.syndrome);
    const bool abort = in.reason == HV_EXIT_REASON_EXCEPTION && (ec == 0x20 || ec == 0x24);
    if (!abort) check("instructions retired", -1, in.retired, jit.retired);
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

}  // namespace vmd::hvsoft::testing

#endif  // VMD_TESTS_ENGINE_HV_SOFT_JIT_FIXTURE_H_
