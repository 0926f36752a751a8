// hv/soft's x86-64 JIT (engine/hv/soft/jit*.cc) against the interpreter,
// directed programs: every program runs twice on fresh state (new VM and
// vCPU), once with the JIT off and once compiling every block at its first
// entry, and the X registers, NZCV, PC, the exit and all of guest RAM must
// match. Covers register-cache eviction in register-resident loops,
// loads/stores (fast path and fault exit), loop branches, bl/ret and
// self-modifying code. Random programs are in jit_random_test.cc. Test
// binary hv_soft_jit_test.
#include "tests/engine/hv/soft/jit_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

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

// 6. A bytecode dispatcher: each case ends in a B back to the dispatch, so
// the traces of the cases go on into it (a followed B), one case calls a
// function with BL (followed too, returning through RET), and the bytecode
// is 0-terminated data. Also checks the instruction count against the
// interpreter's (Compare), which counts the followed B/BL.
TEST_F(Jit, DispatchTracesFollowDirectJumps) {
  const std::vector<U> code = {
      LdSt9(0, 1, 3, 2, 1, 1),               // 0 top: ldrb w3, [x2], #1
      AddSubImm(0, 1, 1, XZR, 3, 1),         // 1 cmp w3, #1
      BCond(EQ, 7),                          // 2 b.eq case1 (9)
      AddSubImm(0, 1, 1, XZR, 3, 2),         // 3 cmp w3, #2
      BCond(EQ, 8),                          // 4 b.eq case2 (12)
      Cb(0, 0, 3, 10),                       // 5 cbz w3, done (15)
      AddSubImm(1, 0, 0, 5, 5, 1),           // 6 add x5, x5, #1 (any other byte)
      B(-7),                                 // 7 b top
      kHvc0,                                 // 8
      AddSubShift(1, 0, 0, 0, 0, 4, 0, 0),   // 9 case1: add x0, x0, x4
      AddSubImm(1, 0, 0, 4, 4, 3),           // 10 add x4, x4, #3
      B(-11),                                // 11 b top
      LogShift(1, 2, 0, 1, 1, 0, 0, 0),      // 12 case2: eor x1, x1, x0
      Bl(5),                                 // 13 bl f (18)
      B(-14),                                // 14 b top
      kHvc0,                                 // 15 done
      kHvc0,                                 // 16
      kHvc0,                                 // 17
      AddSubShift(1, 0, 0, 6, 6, 1, 0, 1),   // 18 f: add x6, x6, x1, lsl #1
      kRet,                                  // 19 ret
  };
  std::vector<uint8_t> bytecode;
  uint32_t v = 12345;
  for (int i = 0; i < 3000; ++i) {
    v = v * 1103515245u + 12345u;
    bytecode.push_back(static_cast<uint8_t>(1 + (v >> 16) % 3));  // 1, 2 or 3
  }
  bytecode.push_back(0);
  auto setup = [&] {
    std::memcpy(ram_ + (kData - kRamBase), bytecode.data(), bytecode.size());
    SetX(2, kData);
    SetX(4, 7);
  };
  const Snap s = Both(code, setup);
  uint64_t x0 = 0, x1 = 0, x4 = 7, x5 = 0, x6 = 0;
  for (uint8_t op : bytecode) {
    if (op == 1) {
      x0 += x4;
      x4 += 3;
    } else if (op == 2) {
      x1 ^= x0;
      x6 += x1 << 1;
    } else if (op != 0) {
      ++x5;
    }
  }
  EXPECT_EQ(s.x[0], x0);
  EXPECT_EQ(s.x[1], x1);
  EXPECT_EQ(s.x[5], x5);
  EXPECT_EQ(s.x[6], x6);
  EXPECT_EQ(s.x[2], kData + bytecode.size());
  EXPECT_EQ(s.x[30], kRamBase + 14 * 4);
  EXPECT_EQ(s.pc, kRamBase + 16 * 4);  // after the hvc at done
}

// 7. A loop whose trace goes on through a B into a run elsewhere in the page,
// which the loop's own store rewrites half-way: the followed run's words are
// checked before each iteration runs it.
TEST_F(Jit, StoreIntoFollowedSegment) {
  const U add1 = AddSubImm(1, 0, 0, 1, 1, 1), add2 = AddSubImm(1, 0, 0, 1, 1, 2);
  const std::vector<U> code = {
      AddSubImm(1, 0, 0, 0, 0, 1),           // 0 loop: add x0, x0, #1
      B(8),                                  // 1 b 9
      kHvc0,                                 // 2
      kHvc0,                                 // 3
      kHvc0,                                 // 4
      kHvc0,                                 // 5
      kHvc0,                                 // 6
      kHvc0,                                 // 7
      kHvc0,                                 // 8
      add1,                                  // 9 add x1, x1, #1 (rewritten)
      AddSubImm(1, 1, 1, XZR, 9, 30),        // 10 cmp x9, #30
      CondSel(0, 0, 0, 3, 10, 11, HI),       // 11 csel w3, w10, w11, hi
      LdStU(2, 0, 3, 2, 0),                  // 12 str w3, [x2]
      AddSubImm(1, 1, 1, 9, 9, 1),           // 13 subs x9, x9, #1
      BCond(NE, -14),                        // 14 b.ne loop
      kHvc0,                                 // 15
  };
  auto setup = [&] {
    SetX(9, 80);
    SetX(2, kRamBase + 9 * 4);
    SetX(10, add1);
    SetX(11, add2);
  };
  const Snap s = Both(code, setup);
  // Iterations with x9 = 80..31 store add #1, from x9 = 30 on add #2: the
  // rewritten run takes effect at the next iteration.
  EXPECT_EQ(s.x[0], 80u);
  EXPECT_EQ(s.x[1], 51u * 1 + 29u * 2);
  uint32_t w;
  std::memcpy(&w, s.ram.data() + 9 * 4, 4);
  EXPECT_EQ(w, add2);
}

// 8. The host rewrites the second run of a compiled loop (the run after its
// conditional exit), which the trace checks on entry since it has no stores.
TEST_F(Jit, HostWriteIntoLaterRunOfCompiledTrace) {
  for (bool jit : {false, true}) {
    SCOPED_TRACE(jit ? "jit" : "interpreter");
    SetJitForTesting(jit, 1);
    Load({
        AddSubImm(1, 1, 1, 1, 1, 1),  // 0 loop: subs x1, x1, #1
        BCond(EQ, 4),                 // 1 b.eq out (5)
        AddSubImm(1, 0, 0, 0, 0, 1),  // 2 add x0, x0, #1
        AddSubImm(1, 0, 0, 2, 2, 3),  // 3 add x2, x2, #3
        B(-4),                        // 4 b loop
        kHvc0,                        // 5 out
    });
    SetX(0, 0);
    SetX(1, 1000);
    SetX(2, 0);
    SetReg(HV_REG_PC, kRamBase);
    RunToHvc();
    EXPECT_EQ(X(0), 999u);
    EXPECT_EQ(X(2), 999u * 3);
    Load({AddSubImm(1, 0, 0, 0, 0, 7)}, kRamBase + 2 * 4);  // add x0, x0, #7
    SetX(0, 0);
    SetX(1, 1000);
    SetReg(HV_REG_PC, kRamBase);
    RunToHvc();
    EXPECT_EQ(X(0), 999u * 7);
    EXPECT_EQ(X(2), 2 * 999u * 3);
    GuestTest::TearDown();
    GuestTest::SetUp();
  }
}

}  // namespace
}  // namespace vmd::hvsoft::testing
