// Vm: builds the machine of platform.md from a VmSpec — guest RAM mapped with
// hv_vm_map, the MMIO bus, the GICv3, PSCI, PL011/PL031/PL061, the virtio-mmio
// devices (disks, network, console, rng, balloon; slots in docs/virtio.md), the boot
// images and device tree — and runs one thread per vCPU. Used by the vmm program
// (standalone and as the daemon's worker). One Vm per process (the framework's rule).
#ifndef VMD_ENGINE_VM_VM_H_
#define VMD_ENGINE_VM_VM_H_

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "engine/psci/psci.h"
#include "engine/vm/registers.h"
#include "engine/vm/vcpu.h"
#include "engine/vm/vm_spec.h"

namespace vmd {

class GuestMemory;
class MmioBus;
class Gic;
class Pl011;
class Pl031;
class Pl061;
class TimerKicker;
class VirtioMmio;
class VirtioConsole;
class VirtioBalloon;
class VirtioBlk;
class NetBackend;
class VirtioDevice;

// The balloon as the host sees it (Vm::Balloon()).
struct BalloonInfo {
  uint64_t target_bytes = 0;  // as last set
  uint64_t actual_bytes = 0;  // what the driver reports holding
  // The guest's last statistics by virtio tag (VIRTIO_BALLOON_S_*), and when
  // they arrived (unset: never).
  std::map<uint16_t, uint64_t> stats;
  std::optional<absl::Time> stats_time;
};

// One virtio-mmio slot in use: where it is and what it holds.
struct VirtioSlotInfo {
  uint32_t slot = 0;
  uint64_t base = 0;
  uint32_t spi = 0;
  uint32_t device_id = 0;
  std::string name;
};

class Vm : public VcpuHost, public PsciHost {
 public:
  using ConsoleOutput = std::function<void(const uint8_t* data, size_t len)>;

  // Validates the spec, creates the hypervisor VM, maps RAM, builds devices and
  // loads the kernel, initrd and device tree. Nothing runs yet.
  static absl::StatusOr<std::unique_ptr<Vm>> Create(const VmSpec& spec, ConsoleOutput console);
  ~Vm() override;

  // Starts the vCPU threads; vCPU 0 begins at the kernel entry. With `paused`
  // the vCPUs stay parked at their reset state until Resume().
  absl::Status Start(bool paused = false);
  // Called (on the thread in Wait) after every in-place reset of the machine.
  void SetResetObserver(std::function<void()> observer) { reset_observer_ = std::move(observer); }
  // Blocks until the VM stops; performs in-place resets (on_reboot = RESTART).
  VmExitInfo Wait();
  // Ends the VM now (vCPUs stop at an instruction boundary). Any thread.
  void RequestStop(StopReason reason, const std::string& detail);

  void PressPowerButton();
  // Host keystrokes for the console device the spec chose (PL011 or hvc0).
  void SendConsoleInput(const uint8_t* data, size_t len);
  // The virtio-balloon target: the guest is asked to give back `bytes`
  // (rounded down to 4 KiB pages). FailedPrecondition without a balloon.
  absl::Status SetBalloonTarget(uint64_t bytes);
  // Target, actual size and the latest statistics; first asks the guest for
  // fresh statistics and waits up to `fresh_wait` for them.
  absl::StatusOr<BalloonInfo> Balloon(absl::Duration fresh_wait = absl::ZeroDuration());
  const std::vector<VirtioSlotInfo>& virtio_slots() const { return slot_info_; }
  absl::Status Pause();
  absl::Status Resume();
  bool paused() const;
  // Guest-visible reset, as if the guest had called SYSTEM_RESET.
  void RequestReset();
  // A consistent snapshot: every vCPU stops at an instruction boundary, its own
  // thread reads its registers, then all go on (the VM stays paused if it was).
  absl::StatusOr<std::vector<VcpuRegisters>> Registers();

  const std::vector<uint8_t>& device_tree() const { return dtb_; }
  uint64_t memory_bytes() const { return spec_.memory_bytes; }
  uint64_t reset_count() const;

  // VcpuHost
  MmioBus& bus() override { return *bus_; }
  Gic& gic() override { return *gic_; }
  Psci& psci() override { return *psci_; }
  void GuestFailed(int vcpu, const std::string& detail) override;
  void ArmTimerKick(int vcpu, absl::Time deadline) override;

  // PsciHost
  void StartVcpu(int vcpu, uint64_t entry, uint64_t context_id) override;
  void StopCurrentVcpu(int vcpu) override;
  void SystemOff() override;
  void SystemReset(bool reset2, uint32_t reset_type, uint64_t cookie) override;

 private:
  explicit Vm(const VmSpec& spec, ConsoleOutput console);
  absl::Status Build();
  absl::Status LoadImages();  // kernel, initrd, device tree into RAM; sets entry_ and dtb_addr_
  // Starts every vCPU thread, parked if the VM is paused (paused_).
  absl::Status StartVcpus();
  void StopVcpus();
  absl::Status ResetInPlace();
  absl::Status BuildVirtio();
  absl::Status BuildNetwork(const std::function<absl::Status(std::unique_ptr<VirtioDevice>)>& add);
  // Device reset of every virtio transport: joins their worker threads, so no
  // device touches guest RAM or raises an interrupt afterwards.
  void ResetVirtio();
  void BalloonStatsLoop();
  void PollBalloonStats() ABSL_EXCLUSIVE_LOCKS_REQUIRED(balloon_mu_);

  const VmSpec spec_;
  ConsoleOutput console_;
  bool hv_created_ = false;
  bool ram_mapped_ = false;
  std::unique_ptr<GuestMemory> memory_;
  std::unique_ptr<MmioBus> bus_;
  std::unique_ptr<Gic> gic_;
  std::unique_ptr<Psci> psci_;
  std::unique_ptr<Pl011> uart_;
  std::unique_ptr<Pl031> rtc_;
  std::unique_ptr<Pl061> gpio_;
  std::unique_ptr<TimerKicker> timer_kicker_;
  // The network device's host side; outlives the devices in virtio_.
  std::unique_ptr<NetBackend> net_backend_;
  // In slot order; the bus holds raw pointers to them.
  std::vector<std::unique_ptr<VirtioMmio>> virtio_;
  std::vector<VirtioSlotInfo> slot_info_;
  VirtioConsole* virtio_console_ = nullptr;  // owned by virtio_
  std::vector<VirtioBlk*> disks_;            // owned by virtio_
  VirtioBalloon* balloon_ = nullptr;         // owned by virtio_
  // Asks the guest for balloon statistics every stats period.
  std::thread balloon_thread_;
  absl::Mutex balloon_mu_ ABSL_ACQUIRED_AFTER(mu_);
  bool balloon_stop_ ABSL_GUARDED_BY(balloon_mu_) = false;
  uint64_t balloon_updates_seen_ ABSL_GUARDED_BY(balloon_mu_) = 0;
  std::optional<absl::Time> balloon_stats_time_ ABSL_GUARDED_BY(balloon_mu_);
  // Built once in Build() and never resized, so any thread may index it.
  std::vector<std::unique_ptr<Vcpu>> vcpus_;
  std::vector<uint8_t> dtb_;
  uint64_t entry_ = 0;
  uint64_t dtb_addr_ = 0;
  std::function<void()> reset_observer_;

  // Held by Pause, Resume and StartVcpus, so a pause cannot slip between a
  // reset's reading of paused_ and the start of its new vCPU threads. Nothing a
  // vCPU thread does takes it (Pause waits for vCPU threads while holding it).
  absl::Mutex pause_mu_ ABSL_ACQUIRED_BEFORE(mu_);
  mutable absl::Mutex mu_;
  std::optional<VmExitInfo> exit_ ABSL_GUARDED_BY(mu_);
  bool reset_requested_ ABSL_GUARDED_BY(mu_) = false;
  bool paused_ ABSL_GUARDED_BY(mu_) = false;
  uint64_t resets_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace vmd

#endif  // VMD_ENGINE_VM_VM_H_
