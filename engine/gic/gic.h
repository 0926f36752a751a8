// The guest's GICv3, emulated in the host because Hypervisor.framework has none.
// The VM owns one Gic: vCPU threads ask it what to inject and forward ICC_* traps,
// the MMIO bus forwards the distributor/redistributor windows, devices raise SPIs.
#ifndef VMD_ENGINE_GIC_GIC_H_
#define VMD_ENGINE_GIC_GIC_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "engine/bus/irq.h"
#include "engine/bus/mmio_device.h"
#include "spdlog/spdlog.h"

namespace vmd {

// One GICv3 with a single security state (GICD_CTLR.DS = 1), affinity routing
// always on (ARE = 1), 5 bits of priority, no LPIs/ITS. vCPU i has MPIDR Aff0 = i.
//
// Threading: every method may be called from any thread. All state sits behind
// one mutex; IrqPending/FiqPending only read a per-vCPU atomic recomputed on every
// state change, so the vCPU loop can poll them before each run for free. The kick
// callback is invoked after the mutex is released, only when a vCPU goes from
// "nothing to signal" to "IRQ or FIQ to signal", and never for the vCPU whose
// own ICC_* access caused it (its thread re-checks IrqPending before running).
// It may run on any thread, including another vCPU's or a device's.
class Gic : public InterruptSink {
 public:
  using KickFn = std::function<void(int vcpu)>;

  static constexpr uint64_t kDistributorSize = 0x10000;
  static constexpr uint64_t kRedistributorStride = 0x20000;
  static constexpr int kMaxVcpus = 16;
  // GICD_TYPER.ITLinesNumber = 7: INTIDs 0..255, i.e. SPIs 32..255.
  static constexpr uint32_t kNumIntids = 256;

  Gic(int num_vcpus, KickFn kick);
  Gic(const Gic&) = delete;
  Gic& operator=(const Gic&) = delete;
  ~Gic() override;

  int num_vcpus() const { return num_vcpus_; }

  // The 64 KiB distributor window (guest base 0x0800_0000).
  MmioDevice* distributor() { return &distributor_; }
  // All redistributors, kRedistributorStride each, vCPU order (base 0x080A_0000).
  MmioDevice* redistributors() { return &redistributors_; }
  uint64_t redistributors_size() const { return kRedistributorStride * num_vcpus_; }

  // ICC_*_EL1 access from `vcpu`'s own thread; `enc` as in gic_regs.h. Return
  // false if `enc` is not a GIC CPU-interface register (the caller handles it).
  bool ReadSysReg(int vcpu, uint16_t enc, uint64_t* value);
  bool WriteSysReg(int vcpu, uint16_t enc, uint64_t value);

  // Whether `vcpu` should see its IRQ (group 1) / FIQ (group 0) line asserted.
  bool IrqPending(int vcpu) const;
  bool FiqPending(int vcpu) const;

  // Private peripheral interrupt line of `vcpu` (INTID 16..31), e.g. the vtimer (27).
  void SetPpiLevel(int vcpu, uint32_t intid, bool level);
  // Shared peripheral interrupt line (INTID 32..kNumIntids-1).
  void SetSpiLevel(uint32_t intid, bool level) override;

  // Back to the power-on state (VM reset). Does not kick.
  void Reset();

 private:
  // One interrupt's state, as the distributor or a redistributor holds it.
  struct Irq {
    uint8_t priority = 0;  // low 3 bits always 0 (5 priority bits)
    bool group1 = false;   // GICD_IGROUPR / GICR_IGROUPR0
    bool edge = false;     // ICFGR: edge-triggered
    bool enabled = false;
    bool pending_latch = false;  // edge seen, or set by ISPENDR / SGI
    bool line = false;           // input level from the device / timer
    bool active = false;
    // A level-sensitive interrupt is pending while its input is high.
    bool Pending() const { return pending_latch || (!edge && line); }
    // Could be signalled, group enables and priorities aside.
    bool Eligible() const { return enabled && !active && Pending(); }
  };

  // Per-vCPU state: its banked SGIs/PPIs, redistributor and CPU interface.
  struct Cpu {
    Irq priv[32];
    uint32_t candidates = 0;      // bit n: priv[n].Eligible()
    bool processor_sleep = true;  // GICR_WAKER.ProcessorSleep
    uint8_t pmr = 0;
    uint8_t bpr0 = 0;
    uint8_t bpr1 = 0;
    bool cbpr = false;
    bool eoi_mode = false;  // ICC_CTLR_EL1.EOImode: EOI only drops priority
    bool igrpen0 = false;
    bool igrpen1 = false;
    uint32_t ap0r = 0;  // active priorities, one bit per group priority >> 3
    uint32_t ap1r = 0;
  };

  // The highest-priority pending interrupt a vCPU could be told about.
  struct Candidate {
    uint32_t intid = 1023;
    uint8_t priority = 0xFF;
    bool group1 = false;
    bool valid() const { return intid < 1020; }
  };

  class DistributorDevice : public MmioDevice {
   public:
    explicit DistributorDevice(Gic* gic) : gic_(gic) {}
    std::string_view name() const override { return "gicv3-distributor"; }
    uint64_t Read(uint64_t offset, unsigned size) override;
    void Write(uint64_t offset, unsigned size, uint64_t value) override;

   private:
    Gic* gic_;
  };

  class RedistributorDevice : public MmioDevice {
   public:
    explicit RedistributorDevice(Gic* gic) : gic_(gic) {}
    std::string_view name() const override { return "gicv3-redistributors"; }
    uint64_t Read(uint64_t offset, unsigned size) override;
    void Write(uint64_t offset, unsigned size, uint64_t value) override;

   private:
    Gic* gic_;
  };

  // ---- common state (gic.cc) ----
  void ResetLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // The Irq for `intid` as seen by `cpu` (banked for < 32), or nullptr if none.
  Irq* Lookup(int cpu, uint32_t intid) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // vCPUs an SPI may currently be signalled to (all of them for 1-of-N).
  uint32_t SpiCpuMask(uint32_t intid) const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  uint32_t AllCpus() const { return (1u << num_vcpus_) - 1; }
  bool Participates(int cpu, bool group1) const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Picks a vCPU for every pending 1-of-N SPI that lacks one; true if any changed.
  bool AssignOneOfNTargets() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  Candidate HighestPending(int cpu) const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  uint8_t GroupPriority(int cpu, uint8_t priority, bool group1) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // 0x100 when nothing is active, so every priority beats it.
  unsigned RunningPriority(int cpu) const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  bool CanSignal(int cpu, const Candidate& c) const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Refreshes the deliverable flags of `cpus`; returns the vCPUs to kick.
  uint32_t Update(uint32_t cpus) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void Kick(uint32_t cpus);
  void SetLine(int cpu, uint32_t intid, bool level) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Re-derives the candidate bit of `intid` (banked to `cpu` if < 32) after
  // any change to its enable, pending, active, line or trigger state.
  void Refresh(int cpu, uint32_t intid) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  // Shared IGROUPR..ICFGR layout, used by the distributor (cpu = -1, SPIs) and
  // by each redistributor's SGI_base frame (cpu >= 0, SGIs and PPIs).
  uint64_t ReadIrqRegs(int cpu, uint64_t offset, unsigned size) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Returns the vCPUs whose view may have changed.
  uint32_t WriteIrqRegs(int cpu, uint64_t offset, unsigned size, uint64_t value)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  // ---- distributor (distributor.cc) ----
  uint64_t DistRead(uint64_t offset, unsigned size) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  uint32_t DistWrite(uint64_t offset, unsigned size, uint64_t value)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  // ---- redistributor (redistributor.cc) ----
  uint64_t RedistRead(int cpu, uint64_t offset, unsigned size) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  uint32_t RedistWrite(int cpu, uint64_t offset, unsigned size, uint64_t value)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  // ---- CPU interface (cpu_interface.cc) ----
  uint32_t Acknowledge(int cpu, bool group1, uint32_t* kick) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  uint32_t EndOfInterrupt(int cpu, uint32_t intid) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  uint32_t Deactivate(int cpu, uint32_t intid) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  uint32_t GenerateSgi(int cpu, uint64_t value, bool group0_only)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  // Guest oddities: the first few are logged, then one in 4096.
  template <typename... Args>
  void GuestWarn(spdlog::format_string_t<Args...> fmt, Args&&... args) {
    uint64_t n = warn_count_.fetch_add(1, std::memory_order_relaxed);
    if (n < 32 || n % 4096 == 0) log_->warn(fmt, std::forward<Args>(args)...);
  }

  const int num_vcpus_;
  const KickFn kick_;
  std::shared_ptr<spdlog::logger> log_;
  std::atomic<uint64_t> warn_count_{0};
  DistributorDevice distributor_{this};
  RedistributorDevice redistributors_{this};

  // Bit 0: IRQ deliverable, bit 1: FIQ deliverable. Written under mu_.
  std::vector<std::atomic<uint8_t>> deliverable_;

  mutable absl::Mutex mu_;
  bool enable_grp0_ ABSL_GUARDED_BY(mu_) = false;
  bool enable_grp1_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<Cpu> cpus_ ABSL_GUARDED_BY(mu_);
  std::vector<Irq> spis_ ABSL_GUARDED_BY(mu_);  // index = INTID - 32
  // Bit i of word i / 64: spis_[i].Eligible(), so scans skip idle SPIs.
  std::vector<uint64_t> spi_candidates_ ABSL_GUARDED_BY(mu_);
  std::vector<uint64_t> irouter_ ABSL_GUARDED_BY(mu_);     // index = INTID - 32
  std::vector<int> one_of_n_target_ ABSL_GUARDED_BY(mu_);  // -1: none chosen yet
  bool any_one_of_n_ ABSL_GUARDED_BY(mu_) = false;         // some IROUTER has IRM set
  int next_one_of_n_ ABSL_GUARDED_BY(mu_) = 0;             // round-robin start
};

}  // namespace vmd

#endif  // VMD_ENGINE_GIC_GIC_H_
