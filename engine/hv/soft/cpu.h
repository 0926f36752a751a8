// The soft AArch64 vCPU: architectural state, the decoded-instruction record,
// the per-vCPU soft TLB and the inline fast paths for guest loads and stores.
// Used by the instruction handlers (exec_*.cc), the run loop (cpu.cc) and api.cc.
#ifndef VMD_ENGINE_HV_SOFT_CPU_H_
#define VMD_ENGINE_HV_SOFT_CPU_H_

#include <atomic>
#include <cstdint>
#include <cstring>
#include <memory>
#include <thread>

#include "absl/container/flat_hash_map.h"
#include "engine/hv/hypervisor.h"
#include "engine/hv/soft/jit.h"
#include "engine/hv/soft/mmu.h"

namespace vmd::hvsoft {

class Vm;
struct Cpu;
struct Insn;

// A handler executes one decoded instruction. When execution continues with
// the next instruction it tail-calls it (Next); it returns false once the
// block is over: it has set c.pc (branch, exception) or c.stop.
using Handler = bool (*)(Cpu& c, const Insn& i);

// Register slots: 0..30 general registers, 31 the current stack pointer,
// kZr always reads zero, kSink swallows writes to XZR. The decoder maps
// register fields to slots, so handlers never test for register 31.
inline constexpr int kSp = 31;
inline constexpr int kZr = 32;
inline constexpr int kSink = 33;

// One pre-decoded instruction. 32 bytes; an array per guest-physical page.
struct Insn {
  Handler fn;
  uint32_t raw;
  uint16_t run_len;  // if a block starts here: instructions until its end
  uint16_t slot;     // index in its page (the PC is the page VA + 4 * slot)
  uint8_t rd, rn, rm, ra;
  uint8_t a, b;      // small per-format fields (shift type, cond, sizes)
  uint8_t ends;      // this instruction ends a block (decoder table flag)
  uint8_t pad;
  uint64_t imm;
};
static_assert(sizeof(Insn) == 32);

inline constexpr int kPageBits = 12;
inline constexpr uint64_t kPageSize = 1ull << kPageBits;
inline constexpr uint64_t kPageMask = ~(kPageSize - 1);
inline constexpr int kInsnsPerPage = kPageSize / 4;

// Decoded code of one 4 KiB guest-physical page; slot kInsnsPerPage is a
// sentinel that moves the PC to the next page.
struct CodePage {
  uint64_t pa = 0;
  const uint8_t* host = nullptr;
  Insn insns[kInsnsPerPage + 1];
  uint8_t heat[kInsnsPerPage] = {};  // block entries counted towards the JIT threshold
  std::unique_ptr<JitPage> jit;      // compiled blocks (jit.h), if any
};

// Soft TLB entry: one guest VA page at one privilege. A tag equals
// (va page | el0 bit) when that access is allowed at full speed.
struct TlbEntry {
  uint64_t tag_r = ~0ull, tag_w = ~0ull, tag_x = ~0ull;
  uintptr_t addend = 0;  // host address = va + addend
  uint64_t pa_page = 0;
};
inline constexpr int kTlbBits = 8;
inline constexpr int kTlbSize = 1 << kTlbBits;

// What selective invalidation needs to know of a TLB entry (kept apart from
// TlbEntry, whose layout the JIT's load/store paths use).
struct TlbMeta {
  uint64_t va_page = 0;     // the VA page the entry translates
  uint64_t block_mask = 0;  // size - 1 of the page or block that maps it
  uint16_t asid = 0;        // the ASID current when it was walked
  bool global = true;       // nG was 0 (or the MMU was off)
  bool ttbr1 = false;       // walked from TTBR1 (the upper VA range)
};

// A TLB invalidation (a TLBI, or one a TTBR write implies).
struct TlbOp {
  enum class Kind : uint8_t {
    kAll,          // VMALLE1
    kVa,           // VAE1/VALE1: va, global entries and those of asid
    kVaAllAsids,   // VAAE1/VAALE1: va, any ASID
    kAsid,         // ASIDE1: the non-global entries of asid
    kNonGlobal,    // a TTBR's ASID changed: every non-global entry
    kTtbr0Range,   // TTBR0's tables changed: the lower range and the non-global
    kTtbr1Range,   // TTBR1's tables changed: the upper range and the non-global
  };
  Kind kind = Kind::kAll;
  uint16_t asid = 0;
  uint64_t va = 0;  // VA[55:12] of the by-VA forms
};

enum class Access { kRead, kWrite, kExec };

struct Cpu {
  // Hot state first.
  uint64_t x[34] = {};
  uint64_t pc = 0;
  uint32_t nzcv = 0;       // PSTATE.NZCV in bits 31:28
  uint32_t el = 0;         // 0 or 1
  uint32_t spsel = 0;
  uint32_t daif = 0;       // PSTATE.DAIF in bits 9:6
  uint64_t el0_tag = 1;    // 1 at EL0, 0 at EL1: the low bit of TLB tags
  uint64_t align_check = 0;  // all-ones when SCTLR_EL1.A=1
  bool stop = false;       // leave the run loop (exit_info is filled in)
  bool jit_stale = false;  // a compiled block found its code changed (jit.h)
  TlbEntry tlb[kTlbSize];

  Vm* vm = nullptr;
  hv_vcpu_t id = 0;
  std::thread::id owner;
  hv_vcpu_exit_t exit_info = {};
  std::atomic<bool> exit_requested{false};
  std::atomic<bool> cancel_pending{false};
  uint64_t map_epoch = 0;  // last VM memory-map change seen
  uint64_t tlb_epoch = 0;  // last broadcast TLBI seen
  TlbMeta tlb_meta[kTlbSize];
  uint64_t changes_seen = 0;  // Vm::changes() when both were last compared
  uint64_t insns_retired = 0;
  uint64_t blocks = 0, tlb_refills = 0, decoded_runs = 0, jit_compiles = 0, jit_flushes = 0;
  uint64_t exec_time_ns = 0;

  // The last guest-physical region a TLB refill used (with the VM map epoch
  // it was read at), so refills rarely touch the VM's lock.
  uint64_t region_ipa = 0, region_size = 0, region_flags = 0, region_epoch = ~0ull;
  uint8_t* region_host = nullptr;

  // Banked stack pointers (the active one lives in x[kSp]).
  uint64_t sp_el0 = 0, sp_el1 = 0;

  // EL1 system registers the CPU implements.
  uint64_t sctlr = 0x30d00800, cpacr = 0, ttbr0 = 0, ttbr1 = 0, tcr = 0, mair = 0, amair = 0;
  uint64_t spsr = 0, elr = 0, esr = 0, far = 0, par = 0, vbar = 0;
  uint64_t contextidr = 0, tpidr_el1 = 0, tpidr_el0 = 0, tpidrro_el0 = 0;
  uint64_t cntkctl = 0, csselr = 0, afsr0 = 0, afsr1 = 0, mdscr = 0, mdccint = 0;
  uint64_t cntv_ctl = 0, cntv_cval = 0;
  uint32_t irq_lines = 0;  // pending IRQ (bit 7) / FIQ (bit 6), as DAIF bits
  uint32_t poll_countdown = 1;
  uint64_t midr = 0, mpidr = 0;
  uint64_t id_pfr0 = 0, id_pfr1 = 0, id_dfr0 = 0, id_dfr1 = 0, id_isar0 = 0, id_isar1 = 0;
  uint64_t id_mmfr0 = 0, id_mmfr1 = 0, id_mmfr2 = 0;
  uint64_t dbg[16][4] = {};  // BVR, BCR, WVR, WCR
  uint64_t apkeys[10] = {};
  uint64_t fpcr = 0, fpsr = 0;
  unsigned __int128 q[32] = {};

  // Timer and interrupt inputs (hv API state).
  uint64_t vtimer_offset = 0;
  bool vtimer_masked = false;
  bool pending_irq = false, pending_fiq = false;
  bool trap_debug_exceptions = false, trap_debug_reg_accesses = false;

  // Exclusive monitor (DECISIONS.md: per vCPU, checked with a host CAS).
  bool excl_valid = false;
  uint8_t* excl_host = nullptr;
  int excl_size = 0;
  uint64_t excl_value[2] = {};

  // Decode cache: guest PA page -> decoded page, plus a small direct map.
  absl::flat_hash_map<uint64_t, std::unique_ptr<CodePage>> code;
  struct CodeSlot { uint64_t pa = ~0ull; CodePage* page = nullptr; };
  CodeSlot code_slots[64];
  std::unique_ptr<JitArena, JitArenaDeleter> jit_arena;
  // x86 flags (LAHF's AH) -> the top byte of NZCV without V, after an
  // add-like [0] or subtract-like [1] op (jit.cc fills it).
  uint8_t jit_flag_table[2][256] = {};
};

// ---- slow paths (cpu.cc) ---------------------------------------------------
// Translates va for `acc` and refills the TLB. On failure it has raised the
// guest exception or filled the host exit, set c.pc to the instruction and
// returns nullptr. `i` is the faulting instruction (for syndromes).
TlbEntry* TlbFill(Cpu& c, uint64_t va, Access acc, uint64_t insn_pc, uint32_t raw);
// Stage-1 walk with the vCPU's registers (no TLB, no stage 2): TLB refill and AT.
WalkResult TranslateForCpu(Cpu& c, uint64_t va, Access acc, bool el0);
bool ReadSlow(Cpu& c, const Insn& i, uint64_t va, int size, uint64_t* out);
bool WriteSlow(Cpu& c, const Insn& i, uint64_t va, int size, uint64_t value);
// Host pointer for an access of `size` bytes at va that must be aligned
// (exclusives); raises the alignment fault or abort and returns nullptr.
uint8_t* HostForAtomic(Cpu& c, const Insn& i, uint64_t va, int size, Access acc);
void FlushTlb(Cpu& c);
// Drops the entries `op` covers (every vCPU's own TLB; broadcasting is Vm's).
void InvalidateTlb(Cpu& c, const TlbOp& op);
// Decodes the straight-line run at slot idx of a decoded page (cpu.cc); false
// if an already decoded slot of it no longer matches memory.
bool DecodeRun(CodePage& page, int idx);
// Invalidates every run loop's block cache (jit.cc, when it drops compiled code).
void BumpCodeGenForJit();
void DropDecodedCode(Cpu& c);
void DropDecodedPage(Cpu& c, uint64_t pa_page);
// The ISS of a data abort for instruction word raw (ISV fields when the
// instruction is a single general-register load/store; exec_ldst.cc).
uint32_t DataAbortIss(uint32_t raw, bool write);

// PSTATE: the CPSR view and EL/SPSel changes (which bank the stack pointer).
uint64_t GetCpsr(const Cpu& c);
void SetCpsr(Cpu& c, uint64_t v);
void SetElSp(Cpu& c, uint32_t el, uint32_t spsel);
// CNTPCT at 24 MHz from CLOCK_MONOTONIC; CNTVCT = that - vtimer offset.
uint64_t HostCounter();
inline uint64_t VirtualCounter(const Cpu& c) { return HostCounter() - c.vtimer_offset; }
// Runs the vCPU until an exit; fills c.exit_info (cpu.cc).
void RunCpu(Cpu& c);
// Resets a vCPU to the architectural state hv_vcpu_create gives.
void ResetCpu(Cpu& c);

// System register access from MSR/MRS (sysreg.cc). enc is hv_sys_reg_t's
// encoding. kTrap: the access goes to the host as EC 0x18.
// kFpTrap: an FPCR/FPSR access while CPACR_EL1.FPEN disables FP (EC 0x07).
enum class SysResult { kOk, kUndefined, kTrap, kFpTrap };
SysResult SysRegRead(Cpu& c, uint32_t enc, uint64_t* value);
SysResult SysRegWrite(Cpu& c, uint32_t enc, uint64_t value);
// The hv API's view (hv_vcpu_get/set_sys_reg): only Apple's listed registers.
bool ApiSysRegGet(Cpu& c, uint16_t reg, uint64_t* value);
// The ID registers at vCPU creation (what the soft CPU implements).
void InitIdRegs(Cpu& c);
bool ApiSysRegSet(Cpu& c, uint16_t reg, uint64_t value);

// Exceptions taken to EL1. `pc` is the preferred return address.
void TakeException(Cpu& c, uint32_t ec, uint32_t iss, uint64_t pc, uint64_t far, bool far_valid);
void Undefined(Cpu& c, const Insn& i);
// Exit to the host with an exception syndrome; c.pc = pc.
void ExitToHost(Cpu& c, uint32_t ec, uint32_t iss, uint64_t pc, uint64_t va, uint64_t ipa);

// The PC of a decoded instruction: the page VA of the running block (c.pc
// holds the block's start) plus the instruction's slot in its page.
inline uint64_t PcOf(const Cpu& c, const Insn& i) {
  return (c.pc & kPageMask) + static_cast<uint64_t>(i.slot) * 4;
}

// Threaded dispatch: a handler that falls through tail-calls the handler of
// the next decoded instruction, so every handler ends in its own indirect
// branch (better predicted than one dispatch loop). A block always ends in
// an instruction whose handler returns false (or the page-end sentinel).
inline bool Next(Cpu& c, const Insn& i) {
  const Insn& n = (&i)[1];
  return n.fn(c, n);
}

inline TlbEntry& TlbSlot(Cpu& c, uint64_t va) {
  return c.tlb[(va >> kPageBits) & (kTlbSize - 1)];
}

// Guest loads and stores. Fast path: TLB hit, within one page, alignment
// allowed. Everything else (refill, page crossing, faults) goes slow.
template <typename T>
inline bool Read(Cpu& c, const Insn& i, uint64_t va, T* out) {
  TlbEntry& e = TlbSlot(c, va);
  if (__builtin_expect(e.tag_r == ((va & kPageMask) | c.el0_tag) &&
                           (va & ~kPageMask) <= kPageSize - sizeof(T) &&
                           (va & (sizeof(T) - 1) & c.align_check) == 0,
                       1)) {
    std::memcpy(out, reinterpret_cast<const void*>(va + e.addend), sizeof(T));
    return true;
  }
  uint64_t v = 0;
  if (!ReadSlow(c, i, va, sizeof(T), &v)) return false;
  *out = static_cast<T>(v);
  return true;
}

template <typename T>
inline bool Write(Cpu& c, const Insn& i, uint64_t va, T value) {
  TlbEntry& e = TlbSlot(c, va);
  if (__builtin_expect(e.tag_w == ((va & kPageMask) | c.el0_tag) &&
                           (va & ~kPageMask) <= kPageSize - sizeof(T) &&
                           (va & (sizeof(T) - 1) & c.align_check) == 0,
                       1)) {
    std::memcpy(reinterpret_cast<void*>(va + e.addend), &value, sizeof(T));
    return true;
  }
  return WriteSlow(c, i, va, sizeof(T), value);
}

}  // namespace vmd::hvsoft

#endif  // VMD_ENGINE_HV_SOFT_CPU_H_
