// The one soft VM of the process: the guest-physical memory map that
// hv_vm_map builds (our "stage 2") and the registry of vCPUs. api.cc owns the
// instance; the CPU's TLB refill (cpu.cc) looks regions up here.
#ifndef VMD_ENGINE_HV_SOFT_VM_H_
#define VMD_ENGINE_HV_SOFT_VM_H_

#include <atomic>
#include <cstdint>
#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/synchronization/mutex.h"
#include "engine/hv/hypervisor.h"
#include "engine/hv/soft/cpu.h"

namespace vmd::hvsoft {

// A guest-physical range backed by host memory, with HV_MEMORY_* flags.
struct Region {
  uint64_t ipa = 0;
  uint64_t size = 0;
  uint8_t* host = nullptr;
  uint64_t flags = 0;
};

// The IPA size the default configuration gives (hv-api.md: 36 bits).
inline constexpr int kIpaBits = 36;
inline constexpr uint32_t kMaxVcpus = 64;

class Vm {
 public:
  // Memory map. Changes bump the epoch so every vCPU drops its TLB and
  // decoded code at its next block boundary.
  hv_return_t Map(uint8_t* host, uint64_t ipa, uint64_t size, uint64_t flags);
  hv_return_t Unmap(uint64_t ipa, uint64_t size);
  hv_return_t Protect(uint64_t ipa, uint64_t size, uint64_t flags);

  // Finds the region holding ipa, or false when nothing is mapped there.
  // Called on TLB refill (behind a per-vCPU one-region cache) and page walks.
  bool Lookup(uint64_t ipa, Region* out);

  // vCPU registry. Ids are small integers; destroyed slots are reused.
  hv_return_t AddVcpu(std::unique_ptr<Cpu> cpu, hv_vcpu_t* id);
  Cpu* FindVcpu(hv_vcpu_t id);
  hv_return_t RemoveVcpu(hv_vcpu_t id);

  // Asks every vCPU to drop its TLB (and decoded code) before its next block:
  // hv_vm_unmap/protect and broadcast TLBI.
  void InvalidateAll() {
    epoch_.fetch_add(1, std::memory_order_acq_rel);
    changes_.fetch_add(1, std::memory_order_acq_rel);
  }
  uint64_t epoch() const { return epoch_.load(std::memory_order_acquire); }
  // Broadcast TLB maintenance (TLBI ...IS): TLBs only, decoded code stays.
  // The op goes into a short log that every vCPU replays at its next block
  // boundary (TlbOpsSince); tlb_epoch() counts the ops ever logged.
  void BroadcastTlbOp(const TlbOp& op);
  uint64_t tlb_epoch() const { return tlb_epoch_.load(std::memory_order_acquire); }
  // Calls apply for each op logged after the first `seen` ones, oldest
  // first, and returns how many were logged in all; nullopt (nothing
  // applied) when some of them have left the log: drop the whole TLB then.
  std::optional<uint64_t> TlbOpsSince(uint64_t seen, absl::FunctionRef<void(const TlbOp&)> apply);
  // Bumped after either epoch: one load tells a vCPU whether to look at
  // them (the run loop every block, compiled code at every chained jump).
  uint64_t changes() const { return changes_.load(std::memory_order_acquire); }
  const std::atomic<uint64_t>* changes_addr() const { return &changes_; }

 private:
  absl::Mutex mu_;
  std::map<uint64_t, Region> regions_ ABSL_GUARDED_BY(mu_);  // by ipa
  std::unique_ptr<Cpu> vcpus_[kMaxVcpus] ABSL_GUARDED_BY(mu_);
  std::atomic<uint64_t> epoch_{0};
  std::atomic<uint64_t> tlb_epoch_{0};  // written under tlb_mu_
  static constexpr int kTlbLog = 64;
  absl::Mutex tlb_mu_;
  TlbOp tlb_log_[kTlbLog] ABSL_GUARDED_BY(tlb_mu_);
  std::atomic<uint64_t> changes_{0};
};

// The process's VM, or nullptr before hv_vm_create / after hv_vm_destroy.
Vm* CurrentVm();

}  // namespace vmd::hvsoft

#endif  // VMD_ENGINE_HV_SOFT_VM_H_
