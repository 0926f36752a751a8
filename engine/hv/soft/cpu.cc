// The run loop, exception entry and PSTATE handling of the soft vCPU.
// Memory slow paths (TLB refill, stage 2, faults) are in memory.cc.
#include <time.h>

#include <algorithm>
#include <atomic>
#include <memory>

#include "engine/hv/soft/decode.h"
#include "engine/hv/soft/vm.h"

namespace vmd::hvsoft {
namespace {

// Blocks between looks at the clock (the vtimer deadline). A block is at most
// one page of instructions, so the timer is noticed within a bounded number
// of instructions; exit requests and interrupts are checked at every block.
constexpr uint32_t kTimerPollBlocks = 256;

// Decoded pages kept per vCPU (~33 KiB each, so about 64 MiB).
constexpr size_t kMaxCodePages = 2048;

constexpr uint32_t kDaifI = 1u << 7, kDaifF = 1u << 6;

// Blocks a run must have interpreted before it compiles any: an idle
// guest's short wake-ups stay interpreted (compiling their code costs more
// than it saves), busy runs compile what is hot.
constexpr uint64_t kJitBusyBlocks = 4096;

// CodePage::heat value of a block the JIT declined: no more attempts.
constexpr uint8_t kNotCompilable = 0xff;

// Bumped whenever a decoded page may be freed or reset, or a translation may
// change (TLB flush): every vCPU's block cache (RunCpu) is then stale. One
// counter for the process (one VM): a flush on one vCPU costs the others a
// few cache refills, never a wrong hit. Relaxed: only the owning thread acts
// on its own bumps; other threads' bumps merely over-invalidate.
std::atomic<uint64_t> g_code_gen{1};
void BumpCodeGen() { g_code_gen.fetch_add(1, std::memory_order_relaxed); }

// RunCpu's block cache: guest PC (| EL0 bit) -> the decoded page, valid while
// g_code_gen is unchanged. It skips the per-block ITLB compare and the
// decoded-page lookup; the memory compare (RunValid) still runs. One per host
// thread (a vCPU runs only on its owner thread); a new vCPU at a freed one's
// address is covered by ResetCpu's TLB flush bumping the generation.
constexpr int kBlockCacheBits = 10;
struct BlockCacheEntry {
  uint64_t key = ~0ull;  // pc | el0_tag (pc is 4-aligned here)
  uint64_t gen = 0;
  CodePage* page = nullptr;
  void* jit = nullptr;   // the block's compiled code, once known (one cache line for both)
};
struct BlockCache {
  const Cpu* owner = nullptr;
  BlockCacheEntry entries[1 << kBlockCacheBits];
};
thread_local std::unique_ptr<BlockCache> t_block_cache;  // made by the first run

bool PageEnd(Cpu& c, const Insn& i) {
  c.pc = PcOf(c, i);
  return false;
}

CodePage* FindCodePage(Cpu& c, uint64_t pa_page, const uint8_t* host_page) {
  Cpu::CodeSlot& slot = c.code_slots[(pa_page >> kPageBits) & 63];
  if (slot.pa == pa_page && slot.page->host == host_page) return slot.page;
  // Bound the cache (a CodePage is ~33 KiB): past the limit start afresh.
  // Safe here: FindCodePage runs only at block boundaries.
  if (c.code.size() >= kMaxCodePages && !c.code.contains(pa_page)) DropDecodedCode(c);
  auto& owned = c.code[pa_page];
  if (owned == nullptr || owned->host != host_page) {
    if (owned != nullptr) BumpCodeGen();
    owned = std::make_unique<CodePage>();
    owned->pa = pa_page;
    owned->host = host_page;
    owned->insns[kInsnsPerPage].fn = PageEnd;
    owned->insns[kInsnsPerPage].ends = 1;
    owned->insns[kInsnsPerPage].run_len = 1;
    owned->insns[kInsnsPerPage].slot = kInsnsPerPage;
  }
  slot.pa = pa_page;
  slot.page = owned.get();
  return slot.page;
}

// Decodes the straight-line run starting at slot idx, up to and including
// the first instruction that ends a block (or the page-end sentinel). Slots
// already decoded by other runs are reused. Returns false, decoding nothing,
// if one of them no longer matches memory: the caller then resets the page,
// so no run ever mixes old and new decodings.
bool DecodeRunImpl(CodePage& page, int idx) {
  const uint8_t* host = page.host;
  int k = idx;
  for (; k < kInsnsPerPage; ++k) {
    uint32_t w;
    std::memcpy(&w, host + k * 4, 4);
    Insn& in = page.insns[k];
    if (in.fn == nullptr) {
      in.ends = Decode(w, in) ? 1 : 0;
      in.slot = static_cast<uint16_t>(k);
    } else if (in.raw != w) {
      return false;
    }
    if (in.ends) break;
  }
  page.insns[idx].run_len = static_cast<uint16_t>(k - idx + 1);
  return true;
}

void ResetPage(CodePage& page) {
  BumpCodeGen();
  for (int k = 0; k < kInsnsPerPage; ++k) page.insns[k] = Insn{};
  std::fill(std::begin(page.heat), std::end(page.heat), 0);
  page.jit.reset();
}

// True when guest memory still holds the words the run was decoded from.
// This is how host-side writes (loader, device DMA) and guest stores to code
// are noticed: one compare per instruction per block entry, no page tracking.
bool RunValid(const CodePage& page, int idx) {
  const int len = page.insns[idx].run_len;
  const int last = std::min(idx + len, kInsnsPerPage);
  const uint8_t* host = page.host;
  // One branch at the end, not one per word.
  uint32_t diff = 0;
  for (int k = idx; k < last; ++k) {
    uint32_t w;
    std::memcpy(&w, host + k * 4, 4);
    diff |= w ^ page.insns[k].raw;
  }
  return diff == 0;
}

bool TimerFires(const Cpu& c) {
  if ((c.cntv_ctl & 3) != 1 || c.vtimer_masked) return false;
  return VirtualCounter(c) >= c.cntv_cval;
}

void TakeInterrupt(Cpu& c, uint32_t offset) {
  const uint64_t spsr = GetCpsr(c);
  const uint64_t vector = c.el == 0 ? 0x400 : (c.spsel ? 0x200 : 0);
  c.spsr = spsr;
  c.elr = c.pc;
  SetElSp(c, 1, 1);
  c.daif = 0x3c0;
  c.excl_valid = false;
  c.pc = c.vbar + vector + offset;
}

void Exit(Cpu& c, hv_exit_reason_t reason) {
  c.exit_info = hv_vcpu_exit_t{};
  c.exit_info.reason = reason;
  c.stop = true;
}

}  // namespace

bool DecodeRun(CodePage& page, int idx) { return DecodeRunImpl(page, idx); }
void BumpCodeGenForJit() { BumpCodeGen(); }

uint64_t HostCounter() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  const unsigned __int128 ns = static_cast<unsigned __int128>(ts.tv_sec) * 1000000000u + ts.tv_nsec;
  return static_cast<uint64_t>(ns * 3 / 125);  // 24 MHz = ns * 24 / 1000
}

uint64_t GetCpsr(const Cpu& c) {
  const uint64_t m = c.el == 0 ? 0 : (c.spsel ? 5 : 4);
  return c.nzcv | c.daif | m;
}

void SetElSp(Cpu& c, uint32_t el, uint32_t spsel) {
  // Save the active stack pointer to its bank, then load the new one.
  if (c.el == 0 || c.spsel == 0) {
    c.sp_el0 = c.x[kSp];
  } else {
    c.sp_el1 = c.x[kSp];
  }
  c.el = el;
  c.spsel = spsel;
  c.x[kSp] = (el == 0 || spsel == 0) ? c.sp_el0 : c.sp_el1;
  c.el0_tag = el == 0 ? 1 : 0;
}

void SetCpsr(Cpu& c, uint64_t v) {
  c.nzcv = static_cast<uint32_t>(v & 0xf0000000u);
  c.daif = static_cast<uint32_t>(v & 0x3c0u);
  const uint32_t m = v & 0x1f;
  // EL0t, EL1t, EL1h. Anything else (AArch32, EL2/EL3) is not implemented:
  // treat it as EL1h, as an illegal return would leave the PE at EL1.
  if (m == 0) {
    SetElSp(c, 0, c.spsel);
  } else if (m == 4) {
    SetElSp(c, 1, 0);
  } else {
    SetElSp(c, 1, 1);
  }
}

void TakeException(Cpu& c, uint32_t ec, uint32_t iss, uint64_t pc, uint64_t far, bool far_valid) {
  const uint64_t spsr = GetCpsr(c);
  const uint64_t vector = c.el == 0 ? 0x400 : (c.spsel ? 0x200 : 0);
  c.spsr = spsr;
  c.elr = pc;
  c.esr = static_cast<uint64_t>(ec) << 26 | 1u << 25 | iss;
  if (far_valid) c.far = far;
  SetElSp(c, 1, 1);
  c.daif = 0x3c0;
  c.excl_valid = false;
  c.pc = c.vbar + vector;
}

void Undefined(Cpu& c, const Insn& i) { TakeException(c, 0x00, 0, PcOf(c, i), 0, false); }

void ExitToHost(Cpu& c, uint32_t ec, uint32_t iss, uint64_t pc, uint64_t va, uint64_t ipa) {
  c.exit_info = hv_vcpu_exit_t{};
  c.exit_info.reason = HV_EXIT_REASON_EXCEPTION;
  c.exit_info.exception.syndrome = static_cast<uint64_t>(ec) << 26 | 1u << 25 | iss;
  c.exit_info.exception.virtual_address = va;
  c.exit_info.exception.physical_address = ipa;
  c.pc = pc;
  c.stop = true;
}

void ResetCpu(Cpu& c) {
  std::fill(std::begin(c.x), std::end(c.x), 0);
  c.pc = 0;
  c.nzcv = 0;
  c.el = 0;
  c.spsel = 0;
  c.daif = 0;
  c.el0_tag = 1;
  c.sp_el0 = c.sp_el1 = 0;
  FlushTlb(c);
}

void FlushTlb(Cpu& c) {
  BumpCodeGen();
  for (TlbEntry& e : c.tlb) e = TlbEntry{};
}

namespace {

// VA[55:12]: what a TLBI by VA names (bits 63:56 are a tag or the sign).
constexpr uint64_t kTlbiVaBits = 0x00fffffffffff000ull;

bool Covers(const TlbMeta& m, const TlbOp& op) {
  using Kind = TlbOp::Kind;
  switch (op.kind) {
    case Kind::kAll:
      return true;
    case Kind::kVa:
    case Kind::kVaAllAsids:
      // The whole page or block holding va goes (a block is cached as one
      // entry per 4 KiB page it was used at).
      if (((m.va_page ^ op.va) & kTlbiVaBits & ~m.block_mask) != 0) return false;
      return op.kind == Kind::kVaAllAsids || m.global || m.asid == op.asid;
    case Kind::kAsid:
      return !m.global && m.asid == op.asid;
    case Kind::kNonGlobal:
      return !m.global;
    case Kind::kTtbr0Range:
      return !m.global || !m.ttbr1;
    case Kind::kTtbr1Range:
      return !m.global || m.ttbr1;
  }
  return true;
}

}  // namespace

void InvalidateTlb(Cpu& c, const TlbOp& op) {
  if (op.kind == TlbOp::Kind::kAll) {
    FlushTlb(c);
    return;
  }
  bool dropped = false;
  for (int k = 0; k < kTlbSize; ++k) {
    TlbEntry& e = c.tlb[k];
    if ((e.tag_r & e.tag_w & e.tag_x) == ~0ull) continue;  // empty
    if (!Covers(c.tlb_meta[k], op)) continue;
    e = TlbEntry{};
    dropped = true;
  }
  // The run loop's block cache skips the ITLB: it must look again.
  if (dropped) BumpCodeGen();
}

void DropDecodedCode(Cpu& c) {
  BumpCodeGen();
  c.code.clear();
  for (Cpu::CodeSlot& s : c.code_slots) s = Cpu::CodeSlot{};
}

void DropDecodedPage(Cpu& c, uint64_t pa_page) {
  BumpCodeGen();
  Cpu::CodeSlot& slot = c.code_slots[(pa_page >> kPageBits) & 63];
  if (slot.pa == pa_page) slot = Cpu::CodeSlot{};
  c.code.erase(pa_page);
}

void RunCpu(Cpu& c) {
  c.stop = false;
  c.irq_lines = (c.pending_irq ? kDaifI : 0) | (c.pending_fiq ? kDaifF : 0);
  c.poll_countdown = 1;
  if (c.exit_requested.exchange(false)) {
    Exit(c, HV_EXIT_REASON_CANCELED);
    return;
  }
  uint64_t retired = 0, blocks = 0;
  if (t_block_cache == nullptr) t_block_cache = std::make_unique<BlockCache>();
  BlockCache& cache = *t_block_cache;
  if (cache.owner != &c) {
    for (BlockCacheEntry& e : cache.entries) e = BlockCacheEntry{};
    cache.owner = &c;
  }
  BlockCacheEntry* const block_cache = cache.entries;
  const bool jit_on = JitEnabled();
  const uint32_t jit_threshold = std::clamp<uint32_t>(JitThreshold(), 1, kNotCompilable - 1);
  // Threshold 1 (tests, for coverage) compiles every block at its first
  // entry, busy run or not.
  const uint64_t jit_busy_blocks = jit_threshold == 1 ? 0 : kJitBusyBlocks;
  for (;;) {
    // ---- block boundary: requests, invalidations, timer, interrupts ----
    if (__builtin_expect(c.exit_requested.load(std::memory_order_relaxed), 0)) {
      c.exit_requested.store(false);
      Exit(c, HV_EXIT_REASON_CANCELED);
      break;
    }
    const uint64_t changes = c.vm->changes();
    if (__builtin_expect(changes != c.changes_seen, 0)) {
      // Read before the epochs, so they are at least this new.
      c.changes_seen = changes;
      const uint64_t epoch = c.vm->epoch();
      if (epoch != c.map_epoch) {
        c.map_epoch = epoch;
        FlushTlb(c);
        DropDecodedCode(c);
      }
      if (c.vm->tlb_epoch() != c.tlb_epoch) {
        // Replay the broadcast TLBIs since the last look (this vCPU's own
        // too: harmless), or drop everything if the log has moved on.
        const std::optional<uint64_t> now =
            c.vm->TlbOpsSince(c.tlb_epoch, [&c](const TlbOp& op) { InvalidateTlb(c, op); });
        if (now.has_value()) {
          c.tlb_epoch = *now;
        } else {
          c.tlb_epoch = c.vm->tlb_epoch();  // read first: ops after it are replayed later
          FlushTlb(c);
        }
      }
    }
    if (__builtin_expect(--c.poll_countdown == 0, 0)) {
      c.poll_countdown = kTimerPollBlocks;
      if (TimerFires(c)) {
        c.vtimer_masked = true;
        Exit(c, HV_EXIT_REASON_VTIMER_ACTIVATED);
        break;
      }
    }
    if (__builtin_expect((c.irq_lines & ~c.daif) != 0, 0)) {
      // FIQ has priority over IRQ when both are deliverable.
      TakeInterrupt(c, (c.irq_lines & ~c.daif & kDaifF) ? 0x100 : 0x80);
    }
    // ---- fetch: the block cache, else ITLB + decoded page ----
    if (__builtin_expect(c.pc & 3, 0)) {
      TakeException(c, 0x22, 0, c.pc, c.pc, true);
      continue;
    }
    const uint64_t gen = g_code_gen.load(std::memory_order_relaxed);
    const uint64_t key = c.pc | c.el0_tag;
    BlockCacheEntry& bc = block_cache[(c.pc >> 2) & ((1 << kBlockCacheBits) - 1)];
    CodePage* page;
    const int idx = static_cast<int>((c.pc & ~kPageMask) >> 2);
    if (__builtin_expect(bc.key == key && bc.gen == gen, 1)) {
      page = bc.page;
    } else {
      TlbEntry* e = &TlbSlot(c, c.pc);
      if (__builtin_expect(e->tag_x != ((c.pc & kPageMask) | c.el0_tag), 0)) {
        e = TlbFill(c, c.pc, Access::kExec, c.pc, 0);
        if (e == nullptr) {
          if (c.stop) break;
          continue;
        }
      }
      const uint8_t* host_page = reinterpret_cast<const uint8_t*>((c.pc & kPageMask) + e->addend);
      page = FindCodePage(c, e->pa_page, host_page);
      // Read after the lookup: TlbFill and FindCodePage may bump it.
      bc.key = key;
      bc.gen = g_code_gen.load(std::memory_order_relaxed);
      bc.page = page;
      bc.jit = nullptr;
    }
    // ---- a compiled block checks its own words and runs on ----
    // The block cache keeps the entry once known (the generation covers it:
    // dropping compiled code bumps it), so a hit does not touch the page.
    if (bc.jit == nullptr && page->jit != nullptr) bc.jit = page->jit->entry[idx];
    if (bc.jit != nullptr) {
      JitRun(c, bc.jit);  // counts its blocks and instructions
      if (c.stop) break;
      if (c.jit_stale) {
        // A compiled block found words of its trace changed (on entry, where
        // it checks every run it reaches before its first store): drop the
        // page's decoding and compiled code, so the next lookup interprets
        // and decodes it afresh.
        c.jit_stale = false;
        ResetPage(*page);
      }
      continue;
    }
    // ---- interpreted: decode, or check the decoding still matches memory ----
    if (page->insns[idx].run_len == 0) {
      if (!DecodeRun(*page, idx)) {
        ResetPage(*page);
        DecodeRun(*page, idx);
      }
      ++c.decoded_runs;
    } else if (!RunValid(*page, idx)) {
      // The code changed under us: forget the whole page's decoding.
      ResetPage(*page);
      DecodeRun(*page, idx);
      ++c.decoded_runs;
    }
    if (jit_on && blocks >= jit_busy_blocks && page->heat[idx] != kNotCompilable && ++page->heat[idx] >= jit_threshold) {
      if (JitCompile(c, *page, idx)) continue;  // runs compiled from now on
      page->heat[idx] = kNotCompilable;
    }
    // ---- execute the block ----
    // Read what we need before running: IC IALLU inside the block may free
    // the page. Whole blocks are counted (an upper bound when one faults).
    const Insn& start = page->insns[idx];
    retired += start.run_len;
    ++blocks;
    start.fn(c, start);
    if (c.stop) break;
  }
  c.insns_retired += retired;
  c.blocks += blocks;
  // The pending-interrupt inputs last for one run (hv-api.md).
  c.pending_irq = c.pending_fiq = false;
}

}  // namespace vmd::hvsoft
