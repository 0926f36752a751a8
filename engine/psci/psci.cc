// PSCI 1.1 / SMCCC 1.1 dispatch and the per-vCPU power states.
#include "engine/psci/psci.h"

#include "engine/base/check.h"
#include "engine/base/logging.h"

namespace vmd {

using psci::PowerState;

namespace {
// Affinity fields of an MPIDR: Aff3 [39:32], Aff2 [23:16], Aff1 [15:8], Aff0 [7:0].
constexpr uint64_t kAffinityMask = 0xFF'00FF'FFFFull;

uint64_t Ret(int64_t code) { return static_cast<uint64_t>(code); }
}  // namespace

Psci::Psci(int num_vcpus, PsciHost* host)
    : num_vcpus_(num_vcpus),
      host_(host),
      state_(new std::atomic<PowerState>[num_vcpus > 0 ? num_vcpus : 1]) {
  CHECK_MSG(num_vcpus >= 1 && num_vcpus <= 256, "Psci: num_vcpus must be 1..256");
  CHECK(host != nullptr);
  Reset();
}

void Psci::Reset() {
  for (int i = 0; i < num_vcpus_; ++i) {
    state_[i].store(i == 0 ? PowerState::kOn : PowerState::kOff, std::memory_order_release);
  }
}

PowerState Psci::state(int vcpu) const {
  if (vcpu < 0 || vcpu >= num_vcpus_) return PowerState::kOff;
  return state_[vcpu].load(std::memory_order_acquire);
}

void Psci::MarkOn(int vcpu) {
  if (vcpu < 0 || vcpu >= num_vcpus_) return;
  PowerState expected = PowerState::kOnPending;
  state_[vcpu].compare_exchange_strong(expected, PowerState::kOn, std::memory_order_acq_rel);
}

int Psci::VcpuForMpidr(uint64_t mpidr) const {
  mpidr &= kAffinityMask;
  // Every vCPU sits at Aff3.Aff2.Aff1 = 0.0.0 with Aff0 = its index.
  if (mpidr >= static_cast<uint64_t>(num_vcpus_) || mpidr > 0xFF) return -1;
  return static_cast<int>(mpidr);
}

int64_t Psci::CpuOn(uint64_t mpidr, uint64_t entry, uint64_t context_id) {
  int target = VcpuForMpidr(mpidr);
  if (target < 0) return psci::kInvalidParameters;
  // A64 instructions are word aligned; anything else cannot be an entry point.
  if (entry & 3) return psci::kInvalidAddress;
  PowerState expected = PowerState::kOff;
  if (!state_[target].compare_exchange_strong(expected, PowerState::kOnPending,
                                              std::memory_order_acq_rel)) {
    return expected == PowerState::kOnPending ? psci::kOnPending : psci::kAlreadyOn;
  }
  host_->StartVcpu(target, entry, context_id);
  return psci::kSuccess;
}

int64_t Psci::CpuOff(int vcpu) {
  // OFF first: the host may park this thread inside StopCurrentVcpu, and the
  // vCPU must then be startable again.
  state_[vcpu].store(PowerState::kOff, std::memory_order_release);
  host_->StopCurrentVcpu(vcpu);
  return psci::kSuccess;  // reaches the guest only if the VM lets it run on
}

int64_t Psci::AffinityInfo(uint64_t mpidr, uint64_t level) const {
  if (level != 0) return psci::kInvalidParameters;
  int target = VcpuForMpidr(mpidr);
  if (target < 0) return psci::kInvalidParameters;
  return static_cast<int64_t>(state_[target].load(std::memory_order_acquire));
}

int64_t Psci::Features(uint32_t fid) {
  switch (fid) {
    case psci::kPsciVersion:
    case psci::kCpuSuspend:
    case psci::kCpuSuspend | psci::kSmc64:
    case psci::kCpuOff:
    case psci::kCpuOn:
    case psci::kCpuOn | psci::kSmc64:
    case psci::kAffinityInfo:
    case psci::kAffinityInfo | psci::kSmc64:
    case psci::kMigrateInfoType:
    case psci::kSystemOff:
    case psci::kSystemReset:
    case psci::kPsciFeatures:
    case psci::kSystemReset2:
    case psci::kSystemReset2 | psci::kSmc64:
    case psci::kSmcccVersion:
      // For CPU_SUSPEND: bit 1 = 0 (original power_state format), bit 0 = 0
      // (no OS-initiated mode).
      return psci::kSuccess;
    default:
      return psci::kNotSupported;
  }
}

int64_t Psci::ArchFeatures(uint32_t fid) {
  switch (fid) {
    case psci::kSmcccVersion:
    case psci::kSmcccArchFeatures:
      return psci::kSuccess;
    default:
      // Includes SMCCC_ARCH_WORKAROUND_1/2/3: we implement none.
      return psci::kNotSupported;
  }
}

uint64_t Psci::Call(int vcpu, uint64_t x0, uint64_t x1, uint64_t x2, uint64_t x3) {
  if (vcpu < 0 || vcpu >= num_vcpus_) {
    Logger("psci")->error("call from unknown vCPU {}", vcpu);
    return Ret(psci::kInternalFailure);
  }
  // The function id is W0; SMC32 functions take their arguments from W1..W3.
  uint32_t fid = static_cast<uint32_t>(x0);
  if (!(fid & psci::kSmc64)) {
    x1 &= 0xFFFFFFFF;
    x2 &= 0xFFFFFFFF;
    x3 &= 0xFFFFFFFF;
  }
  switch (fid) {
    case psci::kPsciVersion:
      return psci::kPsciVersion11;
    case psci::kCpuSuspend:
    case psci::kCpuSuspend | psci::kSmc64:
      // Standby-like: the guest follows with WFI or simply resumes; either is
      // a legal outcome of a power-down request that woke at once.
      return Ret(psci::kSuccess);
    case psci::kCpuOff:
      return Ret(CpuOff(vcpu));
    case psci::kCpuOn:
    case psci::kCpuOn | psci::kSmc64:
      return Ret(CpuOn(x1, x2, x3));
    case psci::kAffinityInfo:
    case psci::kAffinityInfo | psci::kSmc64:
      return Ret(AffinityInfo(x1, x2));
    case psci::kMigrateInfoType:
      return psci::kMigrateNotRequired;
    case psci::kSystemOff:
      host_->SystemOff();
      return Ret(psci::kSuccess);
    case psci::kSystemReset:
      host_->SystemReset(false, 0, 0);
      return Ret(psci::kSuccess);
    case psci::kSystemReset2:
    case psci::kSystemReset2 | psci::kSmc64: {
      uint32_t type = static_cast<uint32_t>(x1);
      // Architectural types (bit 31 clear): only SYSTEM_WARM_RESET (0) exists.
      // Vendor types (bit 31 set) are passed to the VM to decide.
      if (!(type & 0x8000'0000u) && type != 0) return Ret(psci::kInvalidParameters);
      host_->SystemReset(true, type, x2);
      return Ret(psci::kSuccess);
    }
    case psci::kPsciFeatures:
      return Ret(Features(static_cast<uint32_t>(x1)));
    case psci::kSmcccVersion:
      return psci::kSmcccVersion11;
    case psci::kSmcccArchFeatures:
      return Ret(ArchFeatures(static_cast<uint32_t>(x1)));
    default:
      Logger("psci")->debug("vCPU {}: unsupported function {:#x}", vcpu, fid);
      return Ret(psci::kNotSupported);
  }
}

}  // namespace vmd
