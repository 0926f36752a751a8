// PSCI 1.1 and SMCCC 1.1 as the guest's firmware interface (HVC or SMC conduit).
// The vCPU exit code hands every HVC/SMC here; power actions go back to the VM
// through PsciHost. Function ids and return codes follow platform.md.
#ifndef VMD_ENGINE_PSCI_PSCI_H_
#define VMD_ENGINE_PSCI_PSCI_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace vmd {

namespace psci {
// Function ids (SMC32; the SMC64 variant has bit 30 set).
inline constexpr uint32_t kPsciVersion = 0x8400'0000;
inline constexpr uint32_t kCpuSuspend = 0x8400'0001;
inline constexpr uint32_t kCpuOff = 0x8400'0002;
inline constexpr uint32_t kCpuOn = 0x8400'0003;
inline constexpr uint32_t kAffinityInfo = 0x8400'0004;
inline constexpr uint32_t kMigrate = 0x8400'0005;
inline constexpr uint32_t kMigrateInfoType = 0x8400'0006;
inline constexpr uint32_t kMigrateInfoUpCpu = 0x8400'0007;
inline constexpr uint32_t kSystemOff = 0x8400'0008;
inline constexpr uint32_t kSystemReset = 0x8400'0009;
inline constexpr uint32_t kPsciFeatures = 0x8400'000A;
inline constexpr uint32_t kSystemReset2 = 0x8400'0012;
inline constexpr uint32_t kSmc64 = 0x4000'0000;  // OR into an SMC32 id
inline constexpr uint32_t kSmcccVersion = 0x8000'0000;
inline constexpr uint32_t kSmcccArchFeatures = 0x8000'0001;

inline constexpr uint32_t kPsciVersion11 = 0x0001'0001;
inline constexpr uint32_t kSmcccVersion11 = 0x0001'0001;
// MIGRATE_INFO_TYPE: the trusted OS needs no migration.
inline constexpr uint32_t kMigrateNotRequired = 2;

// Return codes (as signed 32-bit values, sign-extended into x0).
inline constexpr int64_t kSuccess = 0;
inline constexpr int64_t kNotSupported = -1;
inline constexpr int64_t kInvalidParameters = -2;
inline constexpr int64_t kDenied = -3;
inline constexpr int64_t kAlreadyOn = -4;
inline constexpr int64_t kOnPending = -5;
inline constexpr int64_t kInternalFailure = -6;
inline constexpr int64_t kNotPresent = -7;
inline constexpr int64_t kDisabled = -8;
inline constexpr int64_t kInvalidAddress = -9;

// AFFINITY_INFO results, also the per-vCPU power state.
enum class PowerState : uint8_t { kOn = 0, kOff = 1, kOnPending = 2 };
}  // namespace psci

// What PSCI asks of the VM. Calls arrive on the calling vCPU's thread.
class PsciHost {
 public:
  virtual ~PsciHost() = default;
  // Power `vcpu` on at EL1h, MMU off, PC = entry, X0 = context_id. Called once
  // per successful CPU_ON; the VM calls Psci::MarkOn when the vCPU runs. The
  // target's thread may still be winding down from its own CPU_OFF.
  virtual void StartVcpu(int vcpu, uint64_t entry, uint64_t context_id) = 0;
  // CPU_OFF from `vcpu` itself: it must not run guest code again until started.
  // Its state already reads OFF when this is called.
  virtual void StopCurrentVcpu(int vcpu) = 0;
  virtual void SystemOff() = 0;
  virtual void SystemReset(bool reset2, uint32_t reset_type, uint64_t cookie) = 0;
};

// The power-state table and the call dispatcher. Thread-safe: every vCPU thread
// may call at once; each vCPU's state is one atomic changed by compare-exchange.
class Psci {
 public:
  Psci(int num_vcpus, PsciHost* host);  // vCPU 0 starts ON, the rest OFF
  Psci(const Psci&) = delete;
  Psci& operator=(const Psci&) = delete;

  // Handles one call from `vcpu` (x0 = function id, x1..x3 arguments) and
  // returns the value for x0. SMC32 ids see only the low 32 bits of arguments.
  uint64_t Call(int vcpu, uint64_t x0, uint64_t x1, uint64_t x2, uint64_t x3);

  // ON_PENDING → ON once a started vCPU actually runs.
  void MarkOn(int vcpu);
  psci::PowerState state(int vcpu) const;
  void Reset();

 private:
  // MPIDR affinity (x1 of CPU_ON / AFFINITY_INFO) → vCPU index, or -1.
  int VcpuForMpidr(uint64_t mpidr) const;
  int64_t CpuOn(uint64_t mpidr, uint64_t entry, uint64_t context_id);
  int64_t CpuOff(int vcpu);
  int64_t AffinityInfo(uint64_t mpidr, uint64_t level) const;
  static int64_t Features(uint32_t fid);
  static int64_t ArchFeatures(uint32_t fid);

  const int num_vcpus_;
  PsciHost* const host_;
  std::unique_ptr<std::atomic<psci::PowerState>[]> state_;
};

}  // namespace vmd

#endif  // VMD_ENGINE_PSCI_PSCI_H_
