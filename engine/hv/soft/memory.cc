// Guest memory access slow paths: soft TLB refill through the stage-1 walker
// (mmu.h) and the VM's hv_vm_map table (our stage 2), page-crossing and
// faulting accesses, and the syndromes for guest aborts and host exits.
#include <algorithm>

#include "engine/hv/soft/decode.h"
#include "engine/hv/soft/mmu.h"
#include "engine/hv/soft/vm.h"

namespace vmd::hvsoft {
namespace {

constexpr uint32_t kFscAlignment = 0x21;

// Host address and HV_MEMORY_* flags of guest-physical ipa.
bool LookupIpa(Cpu& c, uint64_t ipa, uint8_t** host, uint64_t* flags) {
  const uint64_t epoch = c.vm->epoch();
  if (c.region_epoch != epoch || ipa < c.region_ipa || ipa - c.region_ipa >= c.region_size) {
    Region r;
    if (!c.vm->Lookup(ipa, &r)) return false;
    c.region_ipa = r.ipa;
    c.region_size = r.size;
    c.region_host = r.host;
    c.region_flags = r.flags;
    c.region_epoch = epoch;
  }
  *host = c.region_host + (ipa - c.region_ipa);
  *flags = c.region_flags;
  return true;
}

bool ReadPhys(void* ctx, uint64_t pa, uint64_t* out) {
  Cpu* c = static_cast<Cpu*>(ctx);
  uint8_t* host;
  uint64_t flags;
  if ((pa & 7) != 0 || !LookupIpa(*c, pa, &host, &flags) || !(flags & HV_MEMORY_READ)) {
    return false;
  }
  *out = __atomic_load_n(reinterpret_cast<uint64_t*>(host), __ATOMIC_RELAXED);
  return true;
}

AccessType ToWalk(Access acc) {
  switch (acc) {
    case Access::kRead: return AccessType::kRead;
    case Access::kWrite: return AccessType::kWrite;
    default: return AccessType::kExec;
  }
}

// A fault the guest's EL1 handles: data abort (EC 0x24/0x25) or instruction
// abort (EC 0x20/0x21) with the fault status code.
void GuestAbort(Cpu& c, Access acc, uint64_t va, uint64_t insn_pc, uint32_t fsc) {
  const bool lower = c.el == 0;
  if (acc == Access::kExec) {
    TakeException(c, lower ? 0x20 : 0x21, fsc, insn_pc, va, true);
  } else {
    const uint32_t wnr = acc == Access::kWrite ? 1u << 6 : 0;
    TakeException(c, lower ? 0x24 : 0x25, wnr | fsc, insn_pc, va, true);
  }
}

}  // namespace

WalkResult TranslateForCpu(Cpu& c, uint64_t va, Access acc, bool el0) {
  const TranslationRegs regs{c.sctlr, c.tcr, c.ttbr0, c.ttbr1, c.mair};
  return Translate(regs, va, ToWalk(acc), el0, ReadPhys, &c);
}

TlbEntry* TlbFill(Cpu& c, uint64_t va, Access acc, uint64_t insn_pc, uint32_t raw) {
  const bool el0 = c.el0_tag != 0;
  ++c.tlb_refills;
  const WalkResult w = TranslateForCpu(c, va, acc, el0);
  if (w.fault != FaultType::kNone) {
    GuestAbort(c, acc, va, insn_pc, FaultStatusCode(w));
    return nullptr;
  }
  const uint64_t pa = (w.pa & kPageMask) | (va & ~kPageMask);
  uint8_t* host = nullptr;
  uint64_t flags = 0;
  const bool mapped = LookupIpa(c, pa & kPageMask, &host, &flags);
  const uint64_t need = acc == Access::kRead    ? HV_MEMORY_READ
                        : acc == Access::kWrite ? HV_MEMORY_WRITE
                                                : HV_MEMORY_EXEC;
  if (!mapped || !(flags & need)) {
    // Stage-2 fault: the host emulates (MMIO) or decides. Level 3
    // translation fault when nothing is mapped, permission fault otherwise.
    const uint32_t fsc = mapped ? 0x0f : 0x07;
    if (acc == Access::kExec) {
      ExitToHost(c, 0x20, fsc, insn_pc, va, pa);
    } else {
      ExitToHost(c, 0x24, DataAbortIss(raw, acc == Access::kWrite) | fsc, insn_pc, va, pa);
    }
    return nullptr;
  }
  TlbEntry& e = TlbSlot(c, va);
  const uint64_t tag = (va & kPageMask) | c.el0_tag;
  const bool r = el0 ? w.r_el0 : w.r_el1;
  const bool wr = el0 ? w.w_el0 : w.w_el1;
  const bool x = el0 ? w.x_el0 : w.x_el1;
  e.tag_r = (r && (flags & HV_MEMORY_READ)) ? tag : ~0ull;
  e.tag_w = (wr && (flags & HV_MEMORY_WRITE)) ? tag : ~0ull;
  e.tag_x = (x && (flags & HV_MEMORY_EXEC)) ? tag : ~0ull;
  e.addend = reinterpret_cast<uintptr_t>(host) - (va & kPageMask);
  e.pa_page = pa & kPageMask;
  TlbMeta& m = c.tlb_meta[&e - c.tlb];
  m.va_page = va & kPageMask;
  m.block_mask = w.block_size - 1;
  m.asid = w.asid;
  m.global = w.global;
  m.ttbr1 = w.ttbr1;
  return &e;
}

namespace {

// Copies size bytes between guest va and buf, page by page.
bool AccessBytes(Cpu& c, const Insn& i, uint64_t va, int size, uint8_t* buf, bool write) {
  if ((va & (size - 1) & c.align_check) != 0) {
    GuestAbort(c, write ? Access::kWrite : Access::kRead, va, PcOf(c, i), kFscAlignment);
    return false;
  }
  int done = 0;
  while (done < size) {
    const uint64_t cur = va + done;
    const int n = static_cast<int>(std::min<uint64_t>(size - done, kPageSize - (cur & ~kPageMask)));
    TlbEntry* e = &TlbSlot(c, cur);
    const uint64_t tag = (cur & kPageMask) | c.el0_tag;
    if ((write ? e->tag_w : e->tag_r) != tag) {
      e = TlbFill(c, cur, write ? Access::kWrite : Access::kRead, PcOf(c, i), i.raw);
      if (e == nullptr) return false;
    }
    uint8_t* host = reinterpret_cast<uint8_t*>(cur + e->addend);
    if (write) {
      std::memcpy(host, buf + done, n);
    } else {
      std::memcpy(buf + done, host, n);
    }
    done += n;
  }
  return true;
}

}  // namespace

bool ReadSlow(Cpu& c, const Insn& i, uint64_t va, int size, uint64_t* out) {
  uint8_t buf[8] = {};
  if (!AccessBytes(c, i, va, size, buf, false)) return false;
  uint64_t v = 0;
  std::memcpy(&v, buf, size);
  *out = v;
  return true;
}

bool WriteSlow(Cpu& c, const Insn& i, uint64_t va, int size, uint64_t value) {
  uint8_t buf[8];
  std::memcpy(buf, &value, 8);
  return AccessBytes(c, i, va, size, buf, true);
}

uint8_t* HostForAtomic(Cpu& c, const Insn& i, uint64_t va, int size, Access acc) {
  if ((va & (size - 1)) != 0) {
    GuestAbort(c, acc, va, PcOf(c, i), kFscAlignment);
    return nullptr;
  }
  TlbEntry* e = &TlbSlot(c, va);
  const uint64_t tag = (va & kPageMask) | c.el0_tag;
  if ((acc == Access::kWrite ? e->tag_w : e->tag_r) != tag) {
    e = TlbFill(c, va, acc, PcOf(c, i), i.raw);
    if (e == nullptr) return nullptr;
  }
  return reinterpret_cast<uint8_t*>(va + e->addend);
}

}  // namespace vmd::hvsoft
