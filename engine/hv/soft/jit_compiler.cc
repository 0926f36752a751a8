// The JIT's block compiler (see jit_internal.h): the trace, the register
// cache with its eviction choices, loop heads and back edges, exits and
// chaining, lazily stored flags, and the calls into the interpreter's
// handlers (inline and as out-of-line slow paths). Translations of single
// instructions are in jit_insn.cc and jit_ldst.cc.
#include <algorithm>
#include <cstring>

#include "engine/hv/soft/cpu.h"
#include "engine/hv/soft/decode.h"
#include "engine/hv/soft/exec_util.h"
#include "engine/hv/soft/jit_internal.h"
#include "engine/hv/soft/vm.h"

namespace vmd::hvsoft {
namespace jit {
namespace {

bool ReturnToCompiledCode(Cpu&, const Insn&) { return true; }

}  // namespace

using namespace x64;  // NOLINT: register and condition names

// Host registers that cache guest registers inside a block.
constexpr int kPool[] = {RBP, RSI, RDI, R8, R9, R10, R11, R13, R14, R15};
static_assert(std::size(kPool) == kPoolSize);

Compiler::Compiler(Cpu& c, CodePage& page, int idx, JitPage& jp, const Compiler* first,
                   std::vector<int> preload)
    : c_(c), page_(page), idx_(idx), jp_(jp), first_(first), preload_(std::move(preload)) {
  std::fill(std::begin(slot_host_), std::end(slot_host_), -1);
  std::fill(std::begin(host_slot_), std::end(host_slot_), -1);
}

int Compiler::Evict() {
  // A free register, else the one whose guest register is needed furthest
  // ahead (Belady, from the first pass's access sequence; least recently
  // used without one), a clean one on a tie. Registers this instruction has
  // already taken are never chosen.
  int best = -1;
  size_t best_next = 0;
  for (int h : kPool) {
    if (host_slot_[h] < 0) return h;
    if (stamp_[h] > insn_clock_) continue;
    size_t next;
    if (first_ != nullptr) {
      const std::vector<int>& plan = first_->seq_;
      next = plan.size() + 1;
      for (size_t j = pos_; j < plan.size(); ++j) {
        if (plan[j] == host_slot_[h]) {
          next = j;
          break;
        }
      }
      next = next * 2 + (dirty_[host_slot_[h]] ? 0 : 1);
    } else {
      next = ~size_t{0} - stamp_[h];
    }
    if (best < 0 || next > best_next) {
      best = h;
      best_next = next;
    }
  }
  if (best < 0) {  // cannot happen (an instruction takes at most 4): be safe
    best = kPool[0];
    for (int h : kPool) best = stamp_[h] < stamp_[best] ? h : best;
  }
  const int slot = host_slot_[best];
  if (dirty_[slot]) a_.Store64(SlotMem(slot), best);
  dirty_[slot] = false;
  slot_host_[slot] = -1;
  host_slot_[best] = -1;
  return best;
}

void Compiler::NoteUse(int slot) {
  if (preloading_) return;
  if (std::find(used_.begin(), used_.end(), slot) == used_.end()) used_.push_back(slot);
  seq_.push_back(slot);
  ++pos_;
}

int Compiler::Map(int slot, bool load) {
  NoteUse(slot);
  int h = slot_host_[slot];
  if (h < 0) {
    h = Evict();
    if (load) a_.Load64(h, SlotMem(slot));
    slot_host_[slot] = h;
    host_slot_[h] = slot;
    dirty_[slot] = false;
  }
  stamp_[h] = ++clock_;
  return h;
}

int Compiler::Get(int slot) { return Map(slot, true); }

int Compiler::Alloc(int slot) { return Map(slot, false); }

int Compiler::Def(int slot) {
  const int h = Map(slot, false);
  if (!preloading_) defined_[slot] = true;
  dirty_[slot] = true;
  return h;
}

void Compiler::WriteBackAll() {
  for (int slot = 0; slot < 34; ++slot) {
    if (slot_host_[slot] >= 0 && dirty_[slot]) a_.Store64(SlotMem(slot), slot_host_[slot]);
    dirty_[slot] = false;
  }
}

void Compiler::DropAll() {
  std::fill(std::begin(slot_host_), std::end(slot_host_), -1);
  std::fill(std::begin(host_slot_), std::end(host_slot_), -1);
  std::fill(std::begin(dirty_), std::end(dirty_), false);
}

int Compiler::RetiredThrough(int k) const {
  return retired_before_ + std::min(k, kInsnsPerPage - 1) - seg_start_ + 1;
}

void Compiler::CountRetiredN(int n) { a_.AluMI(kAdd, Mem{RBX, kOffRetired}, n, true); }

Compiler::RegState Compiler::Save() const {
  RegState st;
  std::copy(std::begin(slot_host_), std::end(slot_host_), std::begin(st.slot_host));
  std::copy(std::begin(host_slot_), std::end(host_slot_), std::begin(st.host_slot));
  std::copy(std::begin(dirty_), std::end(dirty_), std::begin(st.dirty));
  std::copy(std::begin(stamp_), std::end(stamp_), std::begin(st.stamp));
  st.pending = pending_flags_;
  st.exited = exited_;
  return st;
}

void Compiler::Restore(const RegState& st) {
  std::copy(std::begin(st.slot_host), std::end(st.slot_host), std::begin(slot_host_));
  std::copy(std::begin(st.host_slot), std::end(st.host_slot), std::begin(host_slot_));
  std::copy(std::begin(st.dirty), std::end(st.dirty), std::begin(dirty_));
  std::copy(std::begin(st.stamp), std::end(st.stamp), std::begin(stamp_));
  pending_flags_ = st.pending;
  exited_ = st.exited;
}

void Compiler::JumpToEpilogue() {
  epilogue_jumps_.push_back(a_.JmpAbsPlaceholder());
  exited_ = true;
}

void Compiler::JumpToCompiled(const Mem& entry, Asm::Label& out, Asm::Label& poll) {
  a_.Load64(RAX, entry);
  a_.TestRR(RAX, RAX, true);
  a_.Jcc(kE, out);  // not compiled (yet): the run loop takes it
  a_.JmpR(RAX);
  a_.Bind(poll);
  a_.StoreImm32(Mem{RBX, kOffPollCountdown}, 1, false);  // the run loop polls next
  a_.Bind(out);
}

void Compiler::ChainChecks(Asm::Label& out, Asm::Label& poll) {
  a_.CmpM8I(Mem{RBX, kOffExitRequested}, 0);
  a_.Jcc(kNE, out);
  // A memory-map change or broadcast TLBI since the run loop last looked.
  a_.MovImm(RAX, reinterpret_cast<uint64_t>(c_.vm->changes_addr()));
  a_.Load64(RAX, Mem{RAX});
  a_.AluRM(kCmp, RAX, Mem{RBX, kOffChangesSeen}, true);
  a_.Jcc(kNE, out);
  // No interrupt check: compiled code cannot unmask one (MSR and ERET end
  // blocks; exceptions return to the run loop), and the lines are sampled
  // once per run.
  a_.IncDecM32(Mem{RBX, kOffPollCountdown}, true);
  a_.Jcc(kE, poll);
}

void Compiler::SetHeadState() {
  std::copy(std::begin(head_host_), std::end(head_host_), std::begin(slot_host_));
  std::fill(std::begin(host_slot_), std::end(host_slot_), -1);
  std::fill(std::begin(dirty_), std::end(dirty_), false);
  for (int slot : preload_) {
    host_slot_[head_host_[slot]] = slot;
    dirty_[slot] = head_dirty_[slot];
  }
}

void Compiler::ContinueAfterHandler(int next) {
  handler_tail_ = true;
  // A block-ending instruction run by its handler (MRS, MSR, SYS, ISB...)
  // that completed normally left c.pc at the next instruction: chain to its
  // compiled code as a branch would, unless the handler stopped the run,
  // went elsewhere (branch, exception: an exception from EL0 changes the
  // translation regime, hence the EL check against the trace entry's, kept
  // in the frame's spare slot) or unmasked a pending interrupt.
  Asm::Label out, poll;
  a_.CmpM8I(Mem{RBX, kOffStop}, 0);
  a_.Jcc(kNE, out);
  a_.Lea(RCX, Mem{R12, 4 * next});
  a_.AluRM(kCmp, RCX, Mem{RBX, kOffPc}, true);
  a_.Jcc(kNE, out);
  a_.Load64(RAX, Mem{RBX, kOffEl0Tag});
  a_.AluRM(kCmp, RAX, Mem{RSP}, true);
  a_.Jcc(kNE, out);
  a_.Load32(RAX, Mem{RBX, kOffDaif});
  a_.Not(RAX, false);
  a_.AluRM(kAnd, RAX, Mem{RBX, kOffIrqLines}, false);
  a_.Jcc(kNE, out);
  ChainChecks(out, poll);
  a_.MovImm(RAX, reinterpret_cast<uint64_t>(&jp_.entry[next]));
  JumpToCompiled(Mem{RAX}, out, poll);
}

void Compiler::BackEdge() {
  MaterializeFlags();
  CountRetired(k_);
  // Back to the loop head's state: the head's registers in their host
  // registers (reloaded from memory if they moved), dirty only those the
  // loop writes; everything else written back.
  for (int h : kPool) {
    const int slot = host_slot_[h];
    if (slot >= 0 && dirty_[slot] && head_host_[slot] != h) a_.Store64(SlotMem(slot), h);
  }
  for (int slot : preload_) {
    if (slot_host_[slot] != head_host_[slot]) a_.Load64(head_host_[slot], SlotMem(slot));
  }
  SetHeadState();
  // Leave for the run loop on an exit request and every kTimerPollBlocks
  // iterations (it then checks epochs, the timer and interrupts).
  Asm::Label out;
  a_.CmpM8I(Mem{RBX, kOffExitRequested}, 0);
  a_.Jcc(kNE, out);
  a_.IncDecM32(Mem{RBX, kOffPollCountdown}, true);
  a_.Jcc(kNE, head_);
  a_.StoreImm32(Mem{RBX, kOffPollCountdown}, 1, false);
  a_.Bind(out);
  WriteBackAll();
  a_.Lea(RAX, Mem{R12, 4 * idx_});
  a_.Store64(Mem{RBX, kOffPc}, RAX);
  JumpToEpilogue();
}

void Compiler::ExitToOffset(int64_t off) {
  if (off == 4 * idx_ && !preload_.empty()) {
    BackEdge();
    return;
  }
  self_loop_ = self_loop_ || off == 4 * idx_;
  MaterializeFlags();
  CountRetired(k_);
  WriteBackAll();
  a_.Lea(RAX, Mem{R12, static_cast<int32_t>(off)});
  a_.Store64(Mem{RBX, kOffPc}, RAX);
  if (off < 0 || off >= static_cast<int64_t>(kPageSize)) {
    JumpToEpilogue();
    return;
  }
  // The target is in this page (same translation): chain to its compiled
  // code unless the run loop has something to do at this boundary.
  Asm::Label out, poll;
  ChainChecks(out, poll);
  a_.MovImm(RAX, reinterpret_cast<uint64_t>(&jp_.entry[off / 4]));
  JumpToCompiled(Mem{RAX}, out, poll);
  JumpToEpilogue();
}

void Compiler::ExitToReg(int reg) {
  MaterializeFlags();
  CountRetired(k_);
  a_.Store64(Mem{RBX, kOffPc}, reg);
  WriteBackAll();
  if (reg != RCX) a_.MovRR(RCX, reg, true);
  // A target in this page (same translation) with compiled code: go on there.
  Asm::Label out, poll;
  a_.MovRR(RDX, RCX, true);
  a_.AluRI(kAnd, RDX, -static_cast<int32_t>(kPageSize) + 3, true);
  a_.AluRR(kCmp, RDX, R12, true);
  a_.Jcc(kNE, out);  // another page, or not 4-aligned
  ChainChecks(out, poll);
  a_.MovRR(RDX, RCX, false);
  a_.ShiftRI(kShr, RDX, 2, false);
  a_.AluRI(kAnd, RDX, kInsnsPerPage - 1, false);
  a_.MovImm(RAX, reinterpret_cast<uint64_t>(&jp_.entry[0]));
  JumpToCompiled(Mem{RAX, 0, RDX, 8}, out, poll);
  JumpToEpilogue();
}

void Compiler::CondToCarry(int cond) {
  // NZCV is bits 31:28: read the byte MaterializeFlags stores, as a byte
  // (a wider load right after a byte store would stall store forwarding).
  a_.LoadZx8(RAX, Mem{RBX, kOffNzcv + 3});
  a_.ShiftRI(kShr, RAX, 4, false);
  a_.MovImm(RDX, kCondMask[cond]);
  a_.BtRR(RDX, RAX, false);
}

void Compiler::MaterializeFlags() {
  if (pending_flags_ == FlagsFrom::kNone) return;
  // NZC from LAHF's AH through the table, V from SETO, into NZCV's top byte
  // (bits 27:0 of c.nzcv are always zero).
  a_.Lahf();
  a_.Setcc(kO, RAX);  // seto al
  a_.MovzxEcxAh();
  const int32_t table = kOffFlagTable + (pending_flags_ == FlagsFrom::kSub ? 256 : 0);
  a_.LoadZx8(RCX, Mem{RBX, table, RCX, 1});
  a_.OpRR({0xC0}, 4, RAX, false, true);         // shl al, 4
  a_.Byte(4);
  a_.OpRR({0x08}, RAX, RCX, false, true);       // or cl, al
  a_.Store8(Mem{RBX, kOffNzcv + 3}, RCX);
  pending_flags_ = FlagsFrom::kNone;
}

int Compiler::X86Cond(int cond, FlagsFrom from) {
  if (from == FlagsFrom::kNone) return -1;
  const bool sub = from == FlagsFrom::kSub;
  int x;
  switch (cond >> 1) {
    case 0: x = kE; break;
    case 1: x = sub ? kAE : kB; break;
    case 2: x = kS; break;
    case 3: x = kO; break;
    case 4:
      if (!sub) return -1;
      x = kA;
      break;
    case 5: x = kGE; break;
    case 6: x = kG; break;
    default: return -1;
  }
  return (cond & 1) ? (x ^ 1) : x;
}

const Insn* Compiler::SoloCopy(const Insn& in, int pos) {
  Insn* pair = &solo_[2 * pos];
  pair[0] = in;
  pair[1] = Insn{};
  pair[1].fn = ReturnToCompiledCode;
  pair[1].slot = static_cast<uint16_t>(in.slot + 1);
  return pair;
}

void Compiler::CallHandler(const Insn& in, int pos) {
  a_.MovRR(RDI, RBX);
  a_.MovImm(RSI, reinterpret_cast<uint64_t>(SoloCopy(in, pos)));
  a_.MovImm(RAX, reinterpret_cast<uint64_t>(in.fn));
  a_.CallR(RAX);
  a_.OpRR({0x84}, RAX, RAX, false);  // test al, al: a bool's upper bits are undefined
}

void Compiler::Fallback(const Insn& in, bool last) {
  MaterializeFlags();
  NoteStore();  // it may write memory
  WriteBackAll();
  CallHandler(in, RetiredThrough(k_) - 1);
  DropAll();  // the handler may have changed any register
  if (last) {
    CountRetired(k_);
    if (k_ + 1 < kInsnsPerPage) ContinueAfterHandler(k_ + 1);
    JumpToEpilogue();
    return;
  }
  Asm::Label go_on;
  a_.Jcc(kNE, go_on);
  CountRetired(k_);
  JumpToEpilogue();
  exited_ = false;  // only the handler's "block over" side left; the trace goes on
  a_.Bind(go_on);
}

Asm::Label& Compiler::SlowLabel() {
  auto stub = std::make_unique<Stub>();
  stub->k = k_;
  stub->pos = RetiredThrough(k_) - 1;
  stub->dirty = 0;
  for (int h = 0; h < 16; ++h) {
    stub->owner[h] = host_slot_[h];
    if (host_slot_[h] >= 0 && dirty_[host_slot_[h]]) stub->dirty |= static_cast<uint16_t>(1u << h);
  }
  stubs_.push_back(std::move(stub));
  return stubs_.back()->slow;
}

void Compiler::JoinSlow() { a_.Bind(stubs_.back()->join); }

bool IsCondBranch(const Insn& in) {
  return in.fn != ExecUndefined &&
         ((in.raw & 0xFF000010) == 0x54000000 || (in.raw & 0x7C000000) == 0x34000000);
}

// The page offset a direct conditional branch jumps to (-1 if none).
int64_t BranchTarget(const Insn& in) {
  const int64_t pc = 4 * static_cast<int64_t>(in.slot);
  if ((in.raw & 0xFF000010) == 0x54000000 || (in.raw & 0x7E000000) == 0x34000000) {
    return pc + SignExtend(Bits(in.raw, 23, 5), 19) * 4;
  }
  if ((in.raw & 0x7E000000) == 0x36000000) return pc + SignExtend(Bits(in.raw, 18, 5), 14) * 4;
  return -1;
}

// Longest trace the compiler makes (instructions).
constexpr int kMaxTrace = 256;
// Trace length up to which runs with their own compiled code are copied.
constexpr int kCopyCompiledRuns = 32;

bool Compiler::RunStartsAt(int k, int seg_start) const {
  return k == seg_start || page_.insns[k - 1].ends;
}

int Compiler::RunEnd(int k, int words_end) const {
  while (k < words_end && !page_.insns[k].ends) ++k;
  return std::min(k + 1, words_end);
}

void Compiler::EmitWordCheck(int from, int to, Asm::Label& fail) {
  a_.MovImm(RAX, reinterpret_cast<uint64_t>(page_.host + 4 * from));
  for (int k = from; k < to;) {
    const int32_t disp = 4 * (k - from);
    if (k + 1 < to) {
      const uint64_t two = page_.insns[k].raw | static_cast<uint64_t>(page_.insns[k + 1].raw) << 32;
      a_.MovImm(RCX, two);
      a_.AluRM(kCmp, RCX, Mem{RAX, disp}, true);
      k += 2;
    } else {
      a_.OpRM({0x81}, kCmp, Mem{RAX, disp}, false);
      a_.U32(page_.insns[k].raw);
      k += 1;
    }
    a_.Jcc(kNE, fail);
  }
}

// Segments a trace may have (direct B/BL it follows, plus one).
constexpr int kMaxSegments = 8;

// The slot a direct B or BL jumps to in this page (-1 if none).
int DirectJumpSlot(const Insn& in) {
  if (in.fn == ExecUndefined || (in.raw & 0x7C000000) != 0x14000000) return -1;
  const int64_t off = 4 * static_cast<int64_t>(in.slot) + SignExtend(Bits(in.raw, 25, 0), 26) * 4;
  return off >= 0 && off < static_cast<int64_t>(kPageSize) ? static_cast<int>(off / 4) : -1;
}

bool Compiler::CanFollow(int t, int start, int end, int total) const {
  // Not the trace's start (a loop: the back edge handles it), nothing the
  // trace already holds, and only while the trace is short or the target has
  // no compiled code of its own to chain to.
  if (t < 0 || t == idx_ || static_cast<int>(segs_.size()) + 2 > kMaxSegments) return false;
  if (total + (end - start) + 1 >= kMaxTrace) return false;
  if (total + (end - start) >= kCopyCompiledRuns && jp_.entry[t] != nullptr) return false;
  if (t >= start && t < end) return false;
  for (const Segment& seg : segs_) {
    if (t >= seg.start && t < seg.end) return false;
  }
  const Insn& in = page_.insns[t];
  if (in.fn == nullptr && !DecodeRun(page_, t)) return false;
  uint32_t word;
  std::memcpy(&word, page_.host + 4 * t, 4);
  return in.raw == word;
}

void Compiler::BuildTrace() {
  // The trace: the decoded run at idx and, past conditional branches (their
  // taken side leaves the trace), the runs that follow, up to the first other
  // block end, a word that no longer matches its decoding, or the page end.
  // A direct B or BL to elsewhere in the page does not end it: the trace goes
  // on at the target as a new segment (an interpreter's dispatch then sits in
  // each case's trace instead of being a trace of its own).
  segs_.clear();
  int start = idx_, end = idx_, total = 0;
  for (;;) {
    if (end == kInsnsPerPage) {
      ++end;  // the page-end sentinel
      break;
    }
    if (total + end - start >= kMaxTrace) break;
    // A run that has compiled code of its own is chained to, not copied,
    // once the trace is long enough that copying it would mostly duplicate
    // code (short traces copy it: a small loop stays one trace).
    if (end > start && total + end - start >= kCopyCompiledRuns && jp_.entry[end] != nullptr) break;
    const Insn& in = page_.insns[end];
    if (in.fn == nullptr && !DecodeRun(page_, end)) break;
    uint32_t word;
    std::memcpy(&word, page_.host + 4 * end, 4);
    if (in.raw != word) break;
    ++end;
    if (in.ends && !IsCondBranch(in)) {
      const int t = DirectJumpSlot(in);
      if (!CanFollow(t, start, end, total)) break;
      segs_.push_back({start, end});
      total += end - start;
      start = end = t;
      continue;
    }
    // A conditional branch back to the start closes a loop: stop there, so
    // the loop's code is all the trace holds (what follows is chained to).
    if (in.ends && BranchTarget(in) == 4 * idx_) break;
  }
  segs_.push_back({start, end});
}

bool Compiler::Emit() {
  if (page_.insns[idx_].run_len <= 0) return false;
  BuildTrace();
  int slots = 0;
  for (const Segment& seg : segs_) slots += seg.end - seg.start;
  solo_ = std::make_unique<Insn[]>(2 * static_cast<size_t>(slots) + 2);
  seg_start_ = idx_;
  retired_before_ = 0;

  a_.Load64(R12, Mem{RBX, kOffPc});
  a_.AluRI(kAnd, R12, -static_cast<int32_t>(kPageSize), true);
  // The EL this trace was entered at, in the frame's spare slot, for a
  // trace that ends in a handler call (see ContinueAfterHandler).
  if (first_ == nullptr || first_->handler_tail_) {
    a_.Load64(RAX, Mem{RBX, kOffEl0Tag});
    a_.Store64(Mem{RSP}, RAX);
  }
  // A block that branches back to itself keeps guest registers in host
  // registers across iterations: load the ones it uses first (the first
  // pass's list); the head of the loop has them clean in these registers.
  preloading_ = true;
  for (int slot : preload_) Get(slot);
  preloading_ = false;
  // At the head the registers the loop writes count as dirty (the back edge
  // need not store them), the others are clean.
  for (int slot : preload_) {
    head_dirty_[slot] = first_ != nullptr && first_->defined_[slot];
    dirty_[slot] = head_dirty_[slot];
  }  std::copy(std::begin(slot_host_), std::end(slot_host_), std::begin(head_host_));
  // The block's words must still be what it was compiled from: checked on
  // entry, and on every iteration of a loop that writes memory (its own
  // stores may change it). Others' writes are seen when the loop leaves
  // for the run loop's poll and comes back in here.
  // (A loop validates on every iteration when it writes memory.)
  const bool loop_validates = first_ == nullptr || first_->writes_memory_;
  if (loop_validates) a_.Bind(head_);
  // Runs the trace reaches before its first write to memory (all of them if
  // it has none, per the first pass) are checked here, at once: nothing in
  // the trace can change them before they run. Later runs are checked just
  // before they run. The first pass checks only the first run here.
  entry_checked_until_ = first_ == nullptr ? 0 : first_->writes_memory_ ? first_->first_write_pos_ : slots;
  {
    int before = 0;
    for (const Segment& seg : segs_) {
      const int words_end = std::min(seg.end, kInsnsPerPage);
      for (int k = seg.start; k < words_end; ++k) {
        if (!RunStartsAt(k, seg.start)) continue;
        if (k != idx_ && before + (k - seg.start) > entry_checked_until_) break;
        EmitWordCheck(k, RunEnd(k, words_end), stale_);
      }
      before += words_end - seg.start;
    }
  }
  if (!loop_validates) a_.Bind(head_);
  a_.AluMI(kAdd, Mem{RBX, kOffBlocks}, 1, true);

  for (size_t n = 0; n < segs_.size(); ++n) {
    seg_start_ = segs_[n].start;
    const int end = segs_[n].end;
    const int words_end = std::min(end, kInsnsPerPage);
    const bool final_segment = n + 1 == segs_.size();
    for (k_ = seg_start_; k_ < end; ++k_) {
      const bool last = final_segment && k_ == end - 1;
      if (k_ == kInsnsPerPage) {  // the page-end sentinel: go on in the next page
        ExitToOffset(kPageSize);
        break;
      }
      const Insn& in = page_.insns[k_];
      exited_ = false;
      insn_clock_ = clock_;
      // (The trace's first run, at position 0, is always checked on entry.)
      if (RunStartsAt(k_, seg_start_) && RetiredThrough(k_) - 1 > entry_checked_until_) {
        // A run after a conditional branch or a followed B: check its words
        // just before it runs (a trace's entry checks only its first run).
        // Changed code ends the trace here; the run loop takes it from this PC.
        MaterializeFlags();
        auto exit = std::make_unique<CheckExit>();
        exit->k = k_;
        exit->retired = RetiredThrough(k_) - 1;
        for (int h = 0; h < 16; ++h) {
          exit->owner[h] = host_slot_[h];
          exit->dirty[h] = host_slot_[h] >= 0 && dirty_[host_slot_[h]];
        }
        EmitWordCheck(k_, RunEnd(k_, words_end), exit->fail);
        check_exits_.push_back(std::move(exit));
      }
      // Flags left in x86 form by the previous instruction are stored first,
      // unless a B.cond is to branch on them.
      if ((in.raw & 0xFF000010) != 0x54000000 || in.fn == ExecUndefined) MaterializeFlags();
      if (!final_segment && k_ == end - 1) {
        // The B or BL this segment ends in: the trace goes on at its target.
        if (Bit(in.raw, 31)) a_.Lea(Def(30), Mem{R12, 4 * (k_ + 1)});
        continue;
      }
      if (in.fn == ExecUndefined || !Translate(*this, a_, in, last)) {
        Fallback(in, last && in.ends);  // a trace cut short after it: go on below
      }
      // A native translation that ends a block always exits; should the decoder
      // end a block at an instruction translated as straight-line code, leave
      // to the next instruction.
      if (last && !exited_) ExitToOffset(4 * (k_ + 1));
    }
    retired_before_ += std::min(end, kInsnsPerPage) - seg_start_;
  }

  // Code changed: write back what is dirty at the head, let the run loop redo it.
  a_.Bind(stale_);
  for (int slot : preload_) {
    if (head_dirty_[slot]) a_.Store64(SlotMem(slot), head_host_[slot]);
  }
  a_.StoreImm8(Mem{RBX, kOffJitStale}, 1);
  JumpToEpilogue();

  // Changed code in a later run of the trace: leave at its start.
  for (auto& exit : check_exits_) {
    a_.Bind(exit->fail);
    for (int h = 0; h < 16; ++h) {
      if (exit->dirty[h]) a_.Store64(SlotMem(exit->owner[h]), h);
    }
    CountRetiredN(exit->retired);
    a_.Lea(RAX, Mem{R12, 4 * exit->k});
    a_.Store64(Mem{RBX, kOffPc}, RAX);
    JumpToEpilogue();
  }

  // Out-of-line slow paths: write back what was dirty at the jump, run the
  // instruction's handler, reload the cached registers and rejoin.
  for (auto& stub : stubs_) {
    a_.Bind(stub->slow);
    for (int h = 0; h < 16; ++h) {
      if (stub->dirty & (1u << h)) a_.Store64(SlotMem(stub->owner[h]), h);
    }
    CallHandler(page_.insns[stub->k], stub->pos);
    Asm::Label go_on;
    a_.Jcc(kNE, go_on);
    CountRetiredN(stub->pos + 1);
    JumpToEpilogue();
    a_.Bind(go_on);
    for (int h = 0; h < 16; ++h) {
      if (stub->owner[h] >= 0) a_.Load64(h, SlotMem(stub->owner[h]));
    }
    a_.Jmp(stub->join);
  }
  jp_.solo.push_back(std::move(solo_));
  return true;
}

}  // namespace jit

}  // namespace vmd::hvsoft
