// Hypervisor.framework's C API (engine/hv/hypervisor.h) on the soft CPU:
// argument checking, vCPU ownership by thread, and the one VM per process.
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "engine/hv/hypervisor.h"
#include "engine/hv/soft/cpu.h"
#include "engine/hv/soft/soft_ext.h"
#include "engine/hv/soft/vm.h"

namespace vmd::hvsoft {
namespace {

// The process's VM: Apple's API is process-global, so this is too.
std::mutex g_vm_mu;
std::unique_ptr<Vm> g_vm;

// The vCPU `id` if the calling thread owns it (Apple: a vCPU is bound to
// the thread that created it).
Cpu* Owned(hv_vcpu_t id) {
  Vm* vm = CurrentVm();
  if (vm == nullptr) return nullptr;
  Cpu* c = vm->FindVcpu(id);
  if (c == nullptr || c->owner != std::this_thread::get_id()) return nullptr;
  return c;
}

// VMD_SOFT_STATS=SECONDS: every vCPU prints its counters' growth over each
// period to stderr (at its next exit after the period ends), for finding out
// what a guest keeps the soft CPU doing, e.g. while it idles.
int64_t StatsPeriodNs() {
  static const int64_t period = [] {
    const char* v = std::getenv("VMD_SOFT_STATS");
    const double s = v != nullptr ? std::strtod(v, nullptr) : 0;
    return s > 0 ? static_cast<int64_t>(s * 1e9) : int64_t{0};
  }();
  return period;
}

hv_soft_vcpu_stats_t StatsOf(const Cpu& c) {
  return {c.insns_retired, c.blocks, c.tlb_refills, c.decoded_runs, c.jit_compiles, c.jit_flushes};
}

struct StatsReport {
  int64_t start_ns = 0;
  hv_soft_vcpu_stats_t base = {};  // the counters when the period began
  uint64_t base_exec_ns = 0;
  uint64_t runs = 0;
  // Exits by kind: canceled, vtimer, WFI/WFE, data abort (MMIO), system
  // register, HVC/SMC, anything else.
  uint64_t canceled = 0, vtimer = 0, wfx = 0, mmio = 0, sysreg = 0, call = 0, other = 0;
};

void CountExit(StatsReport& r, const hv_vcpu_exit_t& e) {
  if (e.reason == HV_EXIT_REASON_CANCELED) {
    ++r.canceled;
  } else if (e.reason == HV_EXIT_REASON_VTIMER_ACTIVATED) {
    ++r.vtimer;
  } else {
    switch (e.exception.syndrome >> 26) {
      case 0x01: ++r.wfx; break;
      case 0x24: ++r.mmio; break;
      case 0x18: ++r.sysreg; break;
      case 0x16: case 0x17: ++r.call; break;
      default: ++r.other; break;
    }
  }
}

void MaybeReportStats(const Cpu& c, int64_t now_ns) {
  static thread_local StatsReport last;
  ++last.runs;
  CountExit(last, c.exit_info);
  if (last.start_ns == 0) last.start_ns = now_ns;
  const int64_t elapsed = now_ns - last.start_ns;
  if (elapsed < StatsPeriodNs()) return;
  std::fprintf(stderr,
               "hv/soft vcpu%" PRIu64 ": %.1f s: %" PRIu64 " runs, %" PRIu64 " insns, %" PRIu64 " blocks, %" PRIu64
               " TLB refills, %" PRIu64 " decodes, %" PRIu64 " compiles, %.1f ms in hv_vcpu_run; exits: %" PRIu64
               " canceled, %" PRIu64 " vtimer, %" PRIu64 " WFx, %" PRIu64 " MMIO, %" PRIu64 " sysreg, %" PRIu64
               " HVC/SMC, %" PRIu64 " other\n",
               static_cast<uint64_t>(c.id), static_cast<double>(elapsed) / 1e9, last.runs,
               c.insns_retired - last.base.insns_retired, c.blocks - last.base.blocks,
               c.tlb_refills - last.base.tlb_refills, c.decoded_runs - last.base.decoded_runs,
               c.jit_compiles - last.base.jit_compiles, static_cast<double>(c.exec_time_ns - last.base_exec_ns) / 1e6,
               last.canceled, last.vtimer, last.wfx, last.mmio, last.sysreg, last.call, last.other);
  last = StatsReport{now_ns, StatsOf(c), c.exec_time_ns};
}

}  // namespace

Vm* CurrentVm() {
  std::lock_guard<std::mutex> lock(g_vm_mu);
  return g_vm.get();
}

}  // namespace vmd::hvsoft

using vmd::hvsoft::Cpu;
using vmd::hvsoft::CurrentVm;
using vmd::hvsoft::Owned;

extern "C" {

hv_return_t hv_vm_create(hv_vm_config_t config) {
  if (config != nullptr) return HV_UNSUPPORTED;
  std::lock_guard<std::mutex> lock(vmd::hvsoft::g_vm_mu);
  if (vmd::hvsoft::g_vm != nullptr) return HV_BUSY;
  vmd::hvsoft::g_vm = std::make_unique<vmd::hvsoft::Vm>();
  return HV_SUCCESS;
}

hv_return_t hv_vm_destroy(void) {
  std::lock_guard<std::mutex> lock(vmd::hvsoft::g_vm_mu);
  if (vmd::hvsoft::g_vm == nullptr) return HV_BAD_ARGUMENT;
  vmd::hvsoft::g_vm.reset();
  return HV_SUCCESS;
}

hv_return_t hv_vm_map(void* addr, hv_ipa_t ipa, size_t size, hv_memory_flags_t flags) {
  vmd::hvsoft::Vm* vm = CurrentVm();
  if (vm == nullptr) return HV_BAD_ARGUMENT;
  return vm->Map(static_cast<uint8_t*>(addr), ipa, size, flags);
}

hv_return_t hv_vm_unmap(hv_ipa_t ipa, size_t size) {
  vmd::hvsoft::Vm* vm = CurrentVm();
  if (vm == nullptr) return HV_BAD_ARGUMENT;
  return vm->Unmap(ipa, size);
}

hv_return_t hv_vm_protect(hv_ipa_t ipa, size_t size, hv_memory_flags_t flags) {
  vmd::hvsoft::Vm* vm = CurrentVm();
  if (vm == nullptr) return HV_BAD_ARGUMENT;
  return vm->Protect(ipa, size, flags);
}

hv_return_t hv_vm_get_max_vcpu_count(uint32_t* max_vcpu_count) {
  if (max_vcpu_count == nullptr) return HV_BAD_ARGUMENT;
  *max_vcpu_count = vmd::hvsoft::kMaxVcpus;
  return HV_SUCCESS;
}

hv_return_t hv_vcpu_create(hv_vcpu_t* vcpu, hv_vcpu_exit_t** exit, hv_vcpu_config_t config) {
  if (vcpu == nullptr || exit == nullptr || config != nullptr) return HV_BAD_ARGUMENT;
  vmd::hvsoft::Vm* vm = CurrentVm();
  if (vm == nullptr) return HV_BAD_ARGUMENT;
  auto cpu = std::make_unique<Cpu>();
  cpu->vm = vm;
  cpu->owner = std::this_thread::get_id();
  cpu->changes_seen = vm->changes();  // read first: the epochs are at least as new
  cpu->map_epoch = vm->epoch();
  cpu->tlb_epoch = vm->tlb_epoch();
  Cpu* raw = cpu.get();
  const hv_return_t r = vm->AddVcpu(std::move(cpu), vcpu);
  if (r != HV_SUCCESS) return r;
  vmd::hvsoft::ResetCpu(*raw);
  vmd::hvsoft::InitIdRegs(*raw);
  *exit = &raw->exit_info;
  return HV_SUCCESS;
}

hv_return_t hv_vcpu_destroy(hv_vcpu_t vcpu) {
  if (Owned(vcpu) == nullptr) return HV_BAD_ARGUMENT;
  return CurrentVm()->RemoveVcpu(vcpu);
}

hv_return_t hv_vcpu_run(hv_vcpu_t vcpu) {
  Cpu* c = Owned(vcpu);
  if (c == nullptr) return HV_BAD_ARGUMENT;
  const auto start = std::chrono::steady_clock::now();
  vmd::hvsoft::RunCpu(*c);
  const auto end = std::chrono::steady_clock::now();
  c->exec_time_ns += static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(end - start).count());
  if (vmd::hvsoft::StatsPeriodNs() != 0) {
    vmd::hvsoft::MaybeReportStats(
        *c, std::chrono::duration_cast<std::chrono::nanoseconds>(end.time_since_epoch()).count());
  }
  return HV_SUCCESS;
}

hv_return_t hv_vcpus_exit(hv_vcpu_t* vcpus, uint32_t vcpu_count) {
  vmd::hvsoft::Vm* vm = CurrentVm();
  if (vm == nullptr || (vcpus == nullptr && vcpu_count != 0)) return HV_BAD_ARGUMENT;
  for (uint32_t k = 0; k < vcpu_count; ++k) {
    Cpu* c = vm->FindVcpu(vcpus[k]);
    if (c == nullptr) return HV_BAD_ARGUMENT;
    c->exit_requested.store(true, std::memory_order_release);
  }
  return HV_SUCCESS;
}

hv_return_t hv_vcpu_get_reg(hv_vcpu_t vcpu, hv_reg_t reg, uint64_t* value) {
  Cpu* c = Owned(vcpu);
  if (c == nullptr || value == nullptr) return HV_BAD_ARGUMENT;
  if (reg <= HV_REG_X30) {
    *value = c->x[reg];
  } else if (reg == HV_REG_PC) {
    *value = c->pc;
  } else if (reg == HV_REG_FPCR) {
    *value = c->fpcr;
  } else if (reg == HV_REG_FPSR) {
    *value = c->fpsr;
  } else if (reg == HV_REG_CPSR) {
    *value = vmd::hvsoft::GetCpsr(*c);
  } else {
    return HV_BAD_ARGUMENT;
  }
  return HV_SUCCESS;
}

hv_return_t hv_vcpu_set_reg(hv_vcpu_t vcpu, hv_reg_t reg, uint64_t value) {
  Cpu* c = Owned(vcpu);
  if (c == nullptr) return HV_BAD_ARGUMENT;
  if (reg <= HV_REG_X30) {
    c->x[reg] = value;
  } else if (reg == HV_REG_PC) {
    c->pc = value;
  } else if (reg == HV_REG_FPCR) {
    c->fpcr = value;
  } else if (reg == HV_REG_FPSR) {
    c->fpsr = value;
  } else if (reg == HV_REG_CPSR) {
    vmd::hvsoft::SetCpsr(*c, value);
  } else {
    return HV_BAD_ARGUMENT;
  }
  return HV_SUCCESS;
}

hv_return_t hv_vcpu_get_simd_fp_reg(hv_vcpu_t vcpu, hv_simd_fp_reg_t reg,
                                    hv_simd_fp_uchar16_t* value) {
  Cpu* c = Owned(vcpu);
  if (c == nullptr || value == nullptr || reg > HV_SIMD_FP_REG_Q31) return HV_BAD_ARGUMENT;
  std::memcpy(value, &c->q[reg], 16);
  return HV_SUCCESS;
}

hv_return_t hv_vcpu_set_simd_fp_reg(hv_vcpu_t vcpu, hv_simd_fp_reg_t reg,
                                    hv_simd_fp_uchar16_t value) {
  Cpu* c = Owned(vcpu);
  if (c == nullptr || reg > HV_SIMD_FP_REG_Q31) return HV_BAD_ARGUMENT;
  std::memcpy(&c->q[reg], &value, 16);
  return HV_SUCCESS;
}

hv_return_t hv_vcpu_get_sys_reg(hv_vcpu_t vcpu, hv_sys_reg_t reg, uint64_t* value) {
  Cpu* c = Owned(vcpu);
  if (c == nullptr || value == nullptr) return HV_BAD_ARGUMENT;
  return vmd::hvsoft::ApiSysRegGet(*c, reg, value) ? HV_SUCCESS : HV_BAD_ARGUMENT;
}

hv_return_t hv_vcpu_set_sys_reg(hv_vcpu_t vcpu, hv_sys_reg_t reg, uint64_t value) {
  Cpu* c = Owned(vcpu);
  if (c == nullptr) return HV_BAD_ARGUMENT;
  return vmd::hvsoft::ApiSysRegSet(*c, reg, value) ? HV_SUCCESS : HV_BAD_ARGUMENT;
}

hv_return_t hv_vcpu_get_pending_interrupt(hv_vcpu_t vcpu, hv_interrupt_type_t type,
                                          bool* pending) {
  Cpu* c = Owned(vcpu);
  if (c == nullptr || pending == nullptr || type > HV_INTERRUPT_TYPE_FIQ) return HV_BAD_ARGUMENT;
  *pending = type == HV_INTERRUPT_TYPE_IRQ ? c->pending_irq : c->pending_fiq;
  return HV_SUCCESS;
}

hv_return_t hv_vcpu_set_pending_interrupt(hv_vcpu_t vcpu, hv_interrupt_type_t type,
                                          bool pending) {
  Cpu* c = Owned(vcpu);
  if (c == nullptr || type > HV_INTERRUPT_TYPE_FIQ) return HV_BAD_ARGUMENT;
  (type == HV_INTERRUPT_TYPE_IRQ ? c->pending_irq : c->pending_fiq) = pending;
  return HV_SUCCESS;
}

hv_return_t hv_vcpu_get_vtimer_mask(hv_vcpu_t vcpu, bool* vtimer_is_masked) {
  Cpu* c = Owned(vcpu);
  if (c == nullptr || vtimer_is_masked == nullptr) return HV_BAD_ARGUMENT;
  *vtimer_is_masked = c->vtimer_masked;
  return HV_SUCCESS;
}

hv_return_t hv_vcpu_set_vtimer_mask(hv_vcpu_t vcpu, bool vtimer_is_masked) {
  Cpu* c = Owned(vcpu);
  if (c == nullptr) return HV_BAD_ARGUMENT;
  c->vtimer_masked = vtimer_is_masked;
  return HV_SUCCESS;
}

hv_return_t hv_vcpu_get_vtimer_offset(hv_vcpu_t vcpu, uint64_t* vtimer_offset) {
  Cpu* c = Owned(vcpu);
  if (c == nullptr || vtimer_offset == nullptr) return HV_BAD_ARGUMENT;
  *vtimer_offset = c->vtimer_offset;
  return HV_SUCCESS;
}

hv_return_t hv_vcpu_set_vtimer_offset(hv_vcpu_t vcpu, uint64_t vtimer_offset) {
  Cpu* c = Owned(vcpu);
  if (c == nullptr) return HV_BAD_ARGUMENT;
  c->vtimer_offset = vtimer_offset;
  return HV_SUCCESS;
}

hv_return_t hv_vcpu_get_trap_debug_exceptions(hv_vcpu_t vcpu, bool* value) {
  Cpu* c = Owned(vcpu);
  if (c == nullptr || value == nullptr) return HV_BAD_ARGUMENT;
  *value = c->trap_debug_exceptions;
  return HV_SUCCESS;
}

hv_return_t hv_vcpu_set_trap_debug_exceptions(hv_vcpu_t vcpu, bool value) {
  Cpu* c = Owned(vcpu);
  if (c == nullptr) return HV_BAD_ARGUMENT;
  c->trap_debug_exceptions = value;
  return HV_SUCCESS;
}

hv_return_t hv_vcpu_get_trap_debug_reg_accesses(hv_vcpu_t vcpu, bool* value) {
  Cpu* c = Owned(vcpu);
  if (c == nullptr || value == nullptr) return HV_BAD_ARGUMENT;
  *value = c->trap_debug_reg_accesses;
  return HV_SUCCESS;
}

hv_return_t hv_vcpu_set_trap_debug_reg_accesses(hv_vcpu_t vcpu, bool value) {
  Cpu* c = Owned(vcpu);
  if (c == nullptr) return HV_BAD_ARGUMENT;
  c->trap_debug_reg_accesses = value;
  return HV_SUCCESS;
}

hv_return_t hv_vcpu_get_exec_time(hv_vcpu_t vcpu, uint64_t* time) {
  Cpu* c = Owned(vcpu);
  if (c == nullptr || time == nullptr) return HV_BAD_ARGUMENT;
  *time = c->exec_time_ns;
  return HV_SUCCESS;
}

hv_return_t hv_soft_vcpu_get_stats(hv_vcpu_t vcpu, hv_soft_vcpu_stats_t* stats) {
  Cpu* c = Owned(vcpu);
  if (c == nullptr || stats == nullptr) return HV_BAD_ARGUMENT;
  *stats = vmd::hvsoft::StatsOf(*c);
  return HV_SUCCESS;
}

}  // extern "C"
