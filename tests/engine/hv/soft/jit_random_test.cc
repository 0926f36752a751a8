// hv/soft's x86-64 JIT against the interpreter on random programs (see
// jit_fixture.h): straight-line programs of the natively translated
// instructions, and traces with side exits, loop-backs from mid-trace and
// lazily stored NZCV. Test binary hv_soft_jit_random_test.
#include "tests/engine/hv/soft/jit_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

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
