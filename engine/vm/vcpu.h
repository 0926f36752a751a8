// One vCPU: a host thread that owns a hypervisor vCPU and runs the loop of
// ARCHITECTURE.md ("One vCPU thread"): inject pending interrupts, run, dispatch
// the exit. Other threads talk to it only through requests, kicks and flags.
// Created and owned by Vm.
#ifndef VMD_ENGINE_VM_VCPU_H_
#define VMD_ENGINE_VM_VCPU_H_

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "engine/hv/hv.h"
#include "engine/vm/registers.h"

namespace vmd {

class MmioBus;
class Gic;
class Psci;

// What a vCPU needs from its machine. Implemented by Vm.
class VcpuHost {
 public:
  virtual ~VcpuHost() = default;
  virtual MmioBus& bus() = 0;
  virtual Gic& gic() = 0;
  virtual Psci& psci() = 0;
  // The guest did something the VMM cannot go on from; the VM stops.
  virtual void GuestFailed(int vcpu, const std::string& detail) = 0;
  // Asks for Kick() of this vCPU at `deadline` (the emulated physical timer).
  virtual void ArmTimerKick(int vcpu, absl::Time deadline) = 0;
};

class Vcpu {
 public:
  Vcpu(int index, VcpuHost* host);
  ~Vcpu();
  Vcpu(const Vcpu&) = delete;
  Vcpu& operator=(const Vcpu&) = delete;

  int index() const { return index_; }

  // Starts the thread (named vcpuN), which creates the hypervisor vCPU and waits
  // until it is powered on, parked if `paused`. Returns once the hypervisor vCPU
  // exists, or at once if a Halt raced with the start (the thread then ends
  // without running guest code). Fails only when hv_vcpu_create fails.
  absl::Status Start(bool paused = false);
  // Ends the thread at the next instruction boundary and joins it. Start may
  // be called again afterwards (a VM reset reuses its vCPUs).
  void Stop();
  // Like Stop without waiting: the vCPU stops running guest code promptly. Safe
  // from the vCPU's own thread (e.g. while handling SYSTEM_OFF).
  void Halt();

  // PSCI CPU_ON / boot: start at `entry` in EL1h, MMU off, X0 = `context`.
  void PowerOn(uint64_t entry, uint64_t context);
  // PSCI CPU_OFF, from this vCPU's own thread while handling the call.
  void PowerOffSelf();

  // Makes the vCPU re-evaluate its state promptly: leaves hv_vcpu_run (or the
  // next one) and wakes it from WFI. Any thread.
  void Kick();

  // Pause: the vCPU stops at an instruction boundary and stays there; Pause
  // returns when it is parked. Resume lets it go on.
  void Pause();
  void Resume();

  // Runs on the vCPU's thread at an instruction boundary and returns its registers.
  absl::StatusOr<VcpuRegisters> Snapshot(absl::Duration timeout);

  // Exits seen so far, for diagnostics and benchmarks.
  uint64_t exit_count() const { return exit_count_.load(std::memory_order_relaxed); }

 private:
  void ThreadMain();
  bool WaitUntilRunnable();  // false when the thread should end
  void ServeRequestsLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void ApplyPowerOn(uint64_t entry, uint64_t context);
  void RunOnce();
  void HandleException();
  void HandleDataAbort(uint64_t esr);
  void HandleSysReg(uint64_t esr);
  void HandleHypercall(bool smc);
  void WaitForInterrupt();
  void UpdateTimers();
  bool PhysTimerAccess(uint16_t enc, bool read, uint64_t* value);
  void InjectSyncException(uint64_t esr, uint64_t far);
  uint64_t GetX(unsigned reg);
  void SetX(unsigned reg, uint64_t value);
  void AdvancePc();
  uint64_t VtimerDeadlineTicks();  // 0 when the virtual timer cannot fire
  // The virtual timer's condition holds: enabled, not masked, CVAL reached.
  bool VtimerConditionMet();
  uint64_t PtimerDeadlineTicks();

  const int index_;
  VcpuHost* const host_;
  std::thread thread_;
  hv_vcpu_t vcpu_ = 0;
  hv_vcpu_exit_t* exit_ = nullptr;
  std::atomic<bool> created_{false};
  std::atomic<uint64_t> exit_count_{0};

  // Owned by the vCPU thread.
  bool vtimer_masked_ = false;  // we hold INTID 27 high until the guest handles it
  bool off_requested_ = false;
  uint64_t ptimer_ctl_ = 0;
  uint64_t ptimer_cval_ = 0;

  absl::Mutex mu_;
  absl::CondVar cv_;
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  bool powered_on_ ABSL_GUARDED_BY(mu_) = false;
  bool start_pending_ ABSL_GUARDED_BY(mu_) = false;
  uint64_t start_entry_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t start_context_ ABSL_GUARDED_BY(mu_) = 0;
  bool paused_ ABSL_GUARDED_BY(mu_) = false;
  bool parked_ ABSL_GUARDED_BY(mu_) = false;
  bool thread_done_ ABSL_GUARDED_BY(mu_) = false;
  hv_return_t create_result_ ABSL_GUARDED_BY(mu_) = HV_SUCCESS;
  std::deque<std::function<void()>> requests_ ABSL_GUARDED_BY(mu_);
};

}  // namespace vmd

#endif  // VMD_ENGINE_VM_VCPU_H_
