// hv/soft's x86-64 JIT: translates hot blocks (the same decoded runs the
// interpreter executes) into host code. Common integer instructions, branches
// and loads/stores become native code with guest registers cached in host
// registers inside a block; everything else calls the interpreter's handler
// for that one instruction. The interpreter stays the reference: the JIT is
// differential-tested against it and QEMU (docs/hv-soft.md "JIT").
// Used by the run loop (cpu.cc). On hosts other than x86-64 it compiles
// nothing and the interpreter runs everything.
#ifndef VMD_ENGINE_HV_SOFT_JIT_H_
#define VMD_ENGINE_HV_SOFT_JIT_H_

#include <cstdint>
#include <memory>
#include <vector>

namespace vmd::hvsoft {

struct Cpu;
struct CodePage;
struct Insn;

// The compiled blocks of one decoded page. Lives in CodePage::jit and is
// dropped with the page's decoding; the code bytes live in the vCPU's arena.
struct JitPage {
  // Entry of the compiled block starting at each slot (nullptr: none). Blocks
  // jump to each other's entries directly when a branch stays in the page.
  void* entry[1024] = {};
  // Copies of the instructions compiled as calls to their handler, each
  // followed by a stub that returns to the compiled code (see jit.cc).
  std::vector<std::unique_ptr<Insn[]>> solo;
};

// The vCPU's executable memory (mmap'ed on first use, bump-allocated; when
// full, every compiled block of the vCPU is dropped and it starts over).
struct JitArena;
struct JitArenaDeleter {
  void operator()(JitArena* a) const;
};

// Process-wide settings, read from the environment once:
//   VMD_SOFT_JIT=0 turns the JIT off (the interpreter runs everything);
//   VMD_SOFT_JIT_THRESHOLD=N compiles a block on its N-th entry once the run
//   has interpreted 4096 blocks (default 16; 0 or 1 compile every block on
//   its first entry, busy run or not, which tests use for coverage).
bool JitEnabled();
uint32_t JitThreshold();
// For in-process tests: override both (threshold 0 = first entry).
void SetJitForTesting(bool enabled, uint32_t threshold);

// Compiles the block starting at slot idx of `page` (already decoded and
// validated) and stores its entry in page.jit. False if it cannot be compiled
// (no JIT on this host, or nothing worth compiling).
bool JitCompile(Cpu& c, CodePage& page, int idx);

// Runs compiled code from `entry` until a block exits: c.pc is then the next
// PC and c.stop is set if the run must return to the host. If a block found
// its code changed it sets c.jit_stale (c.pc = that block's start): the run
// loop then re-validates and re-decodes it through the interpreter path.
void JitRun(Cpu& c, void* entry);

}  // namespace vmd::hvsoft

#endif  // VMD_ENGINE_HV_SOFT_JIT_H_
