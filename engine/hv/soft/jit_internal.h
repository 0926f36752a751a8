// The JIT's block compiler (jit.cc: block frame, register cache, exits;
// jit_insn.cc: the instruction translations). Internal to hv/soft.
#ifndef VMD_ENGINE_HV_SOFT_JIT_INTERNAL_H_
#define VMD_ENGINE_HV_SOFT_JIT_INTERNAL_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/hv/soft/cpu.h"
#include "engine/hv/soft/jit.h"
#include "engine/hv/soft/x64_asm.h"

namespace vmd::hvsoft::jit {

using x64::Asm;
using x64::Mem;

// Offsets into Cpu for the generated code. Cpu is not standard-layout (it
// holds a map and atomics), but every member used here is a plain field at a
// fixed offset, which is all the generated code relies on.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
inline constexpr int32_t kOffX = offsetof(Cpu, x);
inline constexpr int32_t kOffPc = offsetof(Cpu, pc);
inline constexpr int32_t kOffNzcv = offsetof(Cpu, nzcv);
inline constexpr int32_t kOffDaif = offsetof(Cpu, daif);
inline constexpr int32_t kOffIrqLines = offsetof(Cpu, irq_lines);
inline constexpr int32_t kOffEl0Tag = offsetof(Cpu, el0_tag);
inline constexpr int32_t kOffTlb = offsetof(Cpu, tlb);
inline constexpr int32_t kOffExitRequested = offsetof(Cpu, exit_requested);
inline constexpr int32_t kOffChangesSeen = offsetof(Cpu, changes_seen);
inline constexpr int32_t kOffPollCountdown = offsetof(Cpu, poll_countdown);
inline constexpr int32_t kOffRetired = offsetof(Cpu, insns_retired);
inline constexpr int32_t kOffBlocks = offsetof(Cpu, blocks);
inline constexpr int32_t kOffFlagTable = offsetof(Cpu, jit_flag_table);
inline constexpr int32_t kOffJitStale = offsetof(Cpu, jit_stale);
inline constexpr int32_t kOffStop = offsetof(Cpu, stop);
#pragma GCC diagnostic pop
static_assert(sizeof(TlbEntry) == 40);

// How the x86 flags relate to NZCV right after a native flag-setting op.
enum class FlagsFrom { kNone, kAdd, kSub, kLogic };

inline constexpr int kPoolSize = 10;  // host registers caching guest registers

class Compiler {
 public:
  // preload: for a block that loops to itself, the guest registers to keep
  // in host registers across iterations (empty: an ordinary block).
  // first: the first pass over the same trace (nullptr when this is it):
  // its register access order chooses what to evict, the registers it wrote
  // stay dirty at a loop head, a loop re-checks its words on every iteration
  // only if it wrote memory, and the entry keeps the EL only if the trace
  // ends in a handler call.
  Compiler(Cpu& c, CodePage& page, int idx, JitPage& jp, const Compiler* first = nullptr,
           std::vector<int> preload = {});

  // Emits the block; false if it is not worth compiling. On success the
  // instruction copies it calls handlers with are handed to the JitPage.
  bool Emit();
  Asm& code() { return a_; }
  // After Emit: whether the block branches to its own start, and the guest
  // register slots it used, in order of first use.
  bool self_loop() const { return self_loop_; }
  void NoteStore() {
    if (!writes_memory_) first_write_pos_ = RetiredThrough(k_) - 1;
    writes_memory_ = true;
  }
  const std::vector<int>& used_slots() const { return used_; }
  const std::vector<int>& access_sequence() const { return seq_; }
  // Rel32 fields that jump to the shared epilogue (resolved at placement).
  const std::vector<int>& epilogue_jumps() const { return epilogue_jumps_; }

  // ---- used by the instruction translations (jit_insn.cc) ----
  // Guest register slot -> host register, loaded (Get) or for writing (Def,
  // marked dirty). Slots: 0..30, 31 = current SP, 32 = zero, 33 = sink.
  int Get(int slot);
  int Def(int slot);
  // A register a load will write: cached (as it was) or mapped without a
  // load and clean, so a faulting access leaves the Cpu's value alone. The
  // translation calls Def after the access.
  int Alloc(int slot);
  static Mem SlotMem(int slot) { return Mem{x64::RBX, kOffX + 8 * slot}; }
  // PC of the instruction being translated, as r12 (page VA) + offset.
  int32_t PcOffset() const { return 4 * k_; }
  // Writes every dirty cached register back to the Cpu.
  void WriteBackAll();
  // The block ends here: c.pc = r12 + off (and, for a target in this page,
  // jumps straight to its compiled code when no check asks to stop).
  void ExitToOffset(int64_t off);
  // The block ends here with c.pc = host register `reg` (indirect branch).
  void ExitToReg(int reg);
  // A fast path's way out: every register the instruction uses must be
  // allocated already. Jumps to the returned label run the instruction
  // through its handler out of line; JoinSlow() marks where both rejoin.
  Asm::Label& SlowLabel();
  void JoinSlow();
  // Sets EFLAGS.CF to "condition holds" from c.nzcv (clobbers rax, rdx).
  void CondToCarry(int cond);
  // A translation that leaves NZCV in the x86 flags says so here; they are
  // stored (MaterializeFlags, clobbering rax, rcx and the flags) before the
  // next instruction, except that a B.cond branches on them first.
  void SetPendingFlags(FlagsFrom from) { pending_flags_ = from; }
  FlagsFrom pending_flags() const { return pending_flags_; }
  void MaterializeFlags();
  // The register cache's compile-time state, to emit a side exit and go on.
  struct RegState {
    int slot_host[34];
    int host_slot[16];
    bool dirty[34];
    uint32_t stamp[16];
    FlagsFrom pending;
    bool exited;
  };
  RegState Save() const;
  void Restore(const RegState& st);
  // The x86 condition for ARM `cond` after an op of kind `from`; -1 if none.
  static int X86Cond(int cond, FlagsFrom from);


 private:
  struct Stub {
    Asm::Label slow, join;
    int k;
    int pos;  // the instruction's position in the trace (0-based)
    uint16_t dirty;  // pool indexes dirty at the jump
    int owner[16];
  };
  void Fallback(const Insn& in, bool last);
  void DropAll();
  // The copy of `in` (at trace position `pos`) its handler is called with,
  // followed by a stub that returns to compiled code.
  const Insn* SoloCopy(const Insn& in, int pos);
  int Evict();
  int Map(int slot, bool load);
  void JumpToEpilogue();
  void ChainChecks(Asm::Label& out, Asm::Label& poll);
  // Jumps to the compiled code whose address is at `entry` (rax-relative
  // is fine), or to `out` when there is none; binds `poll` (the countdown
  // ran out: the run loop polls next) and `out` after it.
  void JumpToCompiled(const Mem& entry, Asm::Label& out, Asm::Label& poll);
  // Calls the handler of `in` (its solo copy); ZF is set when it ended the block.
  void CallHandler(const Insn& in, int pos);
  void ContinueAfterHandler(int next);
  // Trace instructions up to and including slot k of the current segment
  // (the page-end sentinel is not one).
  int RetiredThrough(int k) const;
  void CountRetired(int k) { CountRetiredN(RetiredThrough(k)); }
  void CountRetiredN(int n);
  // Builds segs_: the trace's straight-line pieces (see Emit).
  void BuildTrace();
  // Whether the trace may go on at slot t after a direct B/BL to it.
  bool CanFollow(int t, int start, int end, int total) const;
  // Whether a decoded run of the trace starts at slot k of the segment that
  // starts at seg_start (its start, or after a conditional branch).
  bool RunStartsAt(int k, int seg_start) const;
  // The end (exclusive) of the decoded run starting at slot k.
  int RunEnd(int k, int words_end) const;
  // Compares the words of slots [from, to) with memory; jumps to fail if any
  // differs (clobbers rax, rcx and the flags).
  void EmitWordCheck(int from, int to, Asm::Label& fail);
  void BackEdge();
  void SetHeadState();
  void NoteUse(int slot);

  Cpu& c_;
  CodePage& page_;
  int idx_;
  int k_ = 0;  // slot of the instruction being translated
  // The trace: slot ranges [start, end) run one after the other; each but the
  // last ends in a direct B or BL to the next one's start.
  struct Segment {
    int start, end;
  };
  std::vector<Segment> segs_;
  int seg_start_ = 0;      // start of the segment being translated
  int retired_before_ = 0; // instructions in the segments before it
  JitPage& jp_;
  Asm a_;
  Asm::Label stale_;
  std::vector<int> epilogue_jumps_;
  std::vector<std::unique_ptr<Stub>> stubs_;
  struct CheckExit {
    Asm::Label fail;
    int k;
    int retired;  // instructions of the trace run before slot k
    int owner[16];
    bool dirty[16];
  };
  std::vector<std::unique_ptr<CheckExit>> check_exits_;
  std::unique_ptr<Insn[]> solo_;  // 2 per instruction: the copy and its return stub
  int slot_host_[34];
  bool dirty_[34] = {};
  int host_slot_[16];
  uint32_t stamp_[16] = {};
  uint32_t clock_ = 0;
  FlagsFrom pending_flags_ = FlagsFrom::kNone;
  bool exited_ = false;  // the current instruction ended the block
  bool writes_memory_ = false;  // a native store or a handler call
  int first_write_pos_ = 0;     // trace position of the first one
  // Runs starting at trace positions up to this one are checked at entry.
  int entry_checked_until_ = 0;
  bool handler_tail_ = false;   // ends in a handler call that may chain on
  const Compiler* first_;
  std::vector<int> preload_;
  int head_host_[34];
  bool head_dirty_[34] = {};
  std::array<bool, 34> defined_ = {};
  Asm::Label head_;
  bool self_loop_ = false;
  std::vector<int> used_;
  std::vector<int> seq_;  // guest register slots in the order of access
  size_t pos_ = 0;        // accesses so far
  bool preloading_ = false;
  uint32_t insn_clock_ = 0;  // clock_ when the current instruction began
};

// The translation of one instruction (jit_insn.cc); false = use its handler.
bool Translate(Compiler& cc, Asm& a, const Insn& in, bool last);
// Loads and stores (jit_ldst.cc), called by Translate.
bool TranslateLoadStore(Compiler& cc, Asm& a, uint32_t raw);

// The extended-register operand (option, shift) of host register m into rcx.
inline bool ExtendedOperand(Asm& a, int m, uint32_t option, uint32_t shift) {
  switch (option) {
    case 0: a.Zx8(x64::RCX, m); break;
    case 1: a.Zx16(x64::RCX, m); break;
    case 2: a.MovRR(x64::RCX, m, false); break;
    case 3: case 7: a.MovRR(x64::RCX, m, true); break;
    case 4: a.Sx8(x64::RCX, m, true); break;
    case 5: a.Sx16(x64::RCX, m, true); break;
    case 6: a.Sx32(x64::RCX, m); break;
    default: return false;
  }
  if (shift != 0) a.ShiftRI(x64::kShl, x64::RCX, static_cast<int>(shift), true);
  return true;
}

}  // namespace vmd::hvsoft::jit

#endif  // VMD_ENGINE_HV_SOFT_JIT_INTERNAL_H_
