#include "engine/vm/vm.h"

#include <random>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/base/logging.h"
#include "engine/base/status_macros.h"
#include "engine/boot/boot.h"
#include "engine/boot/memory_map.h"
#include "engine/bus/mmio_bus.h"
#include "engine/devices/pl011.h"
#include "engine/devices/pl031.h"
#include "engine/devices/pl061.h"
#include "engine/gic/gic.h"
#include "engine/hv/hv.h"
#include "engine/memory/guest_memory.h"
#include "engine/virtio/balloon.h"
#include "engine/virtio/blk.h"
#include "engine/virtio/console.h"
#include "engine/virtio/net.h"
#include "engine/virtio/rng.h"
#include "engine/virtio/virtio_mmio.h"
#include "engine/vm/timer_kicker.h"
#ifdef VMD_HAVE_SLIRP
#include "engine/net/slirp_backend.h"
#endif

namespace vmd {

using namespace machine;  // NOLINT: the platform's addresses read best unqualified here

namespace {

constexpr uint64_t kMinRamBytes = 16ull << 20;
// RAM ends inside the framework's default 36-bit IPA space.
constexpr uint64_t kMaxRamBytes = (1ull << 36) - kRamBase;

std::shared_ptr<spdlog::logger> Log() {
  static auto* log = new std::shared_ptr<spdlog::logger>(Logger("vm"));
  return *log;
}

absl::Status HvStatus(hv_return_t r, const char* what) {
  if (r == HV_SUCCESS) return absl::OkStatus();
  return absl::InternalError(absl::StrFormat("%s: hypervisor error %#x", what, static_cast<uint32_t>(r)));
}

absl::Status ValidateSpec(const VmSpec& spec) {
  uint32_t max_vcpus = 0;
  if (hv_vm_get_max_vcpu_count(&max_vcpus) != HV_SUCCESS) max_vcpus = kMaxCpus;
  max_vcpus = std::min<uint32_t>(max_vcpus, kMaxCpus);
  if (spec.cpus < 1 || static_cast<uint32_t>(spec.cpus) > max_vcpus) {
    return absl::InvalidArgumentError(
        absl::StrFormat("cpus: %d is out of range (1..%u)", spec.cpus, max_vcpus));
  }
  if (spec.memory_bytes < kMinRamBytes || spec.memory_bytes > kMaxRamBytes ||
      spec.memory_bytes % GuestMemory::kPageSize != 0) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "memory: %u bytes is not a multiple of 16 KiB between %u MiB and %u GiB", spec.memory_bytes,
        kMinRamBytes >> 20, kMaxRamBytes >> 30));
  }
  if (spec.kernel.empty()) return absl::InvalidArgumentError("kernel: no kernel or payload given");
  for (size_t i = 0; i < spec.disks.size(); ++i) {
    if (spec.disks[i].path.empty()) {
      return absl::InvalidArgumentError(absl::StrFormat("disks[%u]: no image path", i));
    }
    if (spec.disks[i].serial.size() > kVirtioBlkIdBytes) {
      return absl::InvalidArgumentError(
          absl::StrFormat("disks[%u]: serial \"%s\" is longer than %u bytes", i,
                          spec.disks[i].serial, kVirtioBlkIdBytes));
    }
  }
  if (spec.network.has_value()) {
#ifndef VMD_HAVE_SLIRP
    return absl::FailedPreconditionError("network: this vmm was built without libslirp");
#endif
    if (!spec.network->mac.empty()) {
      absl::StatusOr<MacAddress> mac = ParseMacAddress(spec.network->mac);
      if (!mac.ok()) {
        return absl::InvalidArgumentError(absl::StrCat("network.mac: ", mac.status().message()));
      }
    }
    for (size_t i = 0; i < spec.network->forwards.size(); ++i) {
      const NetForwardSpec& f = spec.network->forwards[i];
      if (f.host_port == 0 || f.guest_port == 0) {
        return absl::InvalidArgumentError(
            absl::StrFormat("network.forwards[%u]: ports must be 1..65535", i));
      }
    }
  }
  const size_t devices = spec.disks.size() + (spec.network.has_value() ? 1 : 0) +
                         (spec.console == ConsoleDevice::kVirtio ? 1 : 0) + (spec.rng ? 1 : 0) +
                         (spec.balloon ? 1 : 0);
  if (devices > kVirtioMmioSlots) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%u virtio devices, but the machine has %u slots", devices, kVirtioMmioSlots));
  }
  return absl::OkStatus();
}

bool HasConsoleArg(std::string_view cmdline) {
  for (size_t pos = 0; pos < cmdline.size();) {
    const size_t end = std::min(cmdline.find(' ', pos), cmdline.size());
    if (cmdline.substr(pos, end - pos).starts_with("console=")) return true;
    pos = end + 1;
  }
  return false;
}

// Where the PL011's output goes when it is not the console (console = virtio):
// the log, one line at a time, so earlycon output stays available.
class UartLogSink {
 public:
  void Write(const uint8_t* data, size_t len) {
    absl::MutexLock lock(&mu_);
    for (size_t i = 0; i < len; ++i) {
      const char c = static_cast<char>(data[i]);
      if (c == '\n' || line_.size() >= 1024) {
        Log()->info("pl011: {}", line_);
        line_.clear();
        if (c == '\n') continue;
      }
      if (c != '\r') line_.push_back(c);
    }
  }

 private:
  absl::Mutex mu_;
  std::string line_ ABSL_GUARDED_BY(mu_);
};

}  // namespace

const char* StopReasonName(StopReason reason) {
  switch (reason) {
    case StopReason::kGuestPowerOff:
      return "guest power-off";
    case StopReason::kGuestReset:
      return "guest reset";
    case StopReason::kGuestFailure:
      return "guest failure";
    case StopReason::kStopRequest:
      return "stop request";
    case StopReason::kInternalError:
      return "internal error";
  }
  return "unknown";
}

Vm::Vm(const VmSpec& spec, ConsoleOutput console) : spec_(spec), console_(std::move(console)) {}

absl::StatusOr<std::unique_ptr<Vm>> Vm::Create(const VmSpec& spec, ConsoleOutput console) {
  RETURN_IF_ERROR(ValidateSpec(spec));
  std::unique_ptr<Vm> vm(new Vm(spec, std::move(console)));
  RETURN_IF_ERROR(vm->Build());
  return vm;
}

absl::Status Vm::Build() {
  hv_return_t r = hv_vm_create(nullptr);
  if (r == HV_BUSY) return absl::FailedPreconditionError("this process already runs a VM");
  RETURN_IF_ERROR(HvStatus(r, "hv_vm_create"));
  hv_created_ = true;

  ASSIGN_OR_RETURN(memory_, GuestMemory::Create(kRamBase, spec_.memory_bytes));
  RETURN_IF_ERROR(HvStatus(hv_vm_map(memory_->host_base(), kRamBase, memory_->size(),
                                     HV_MEMORY_READ | HV_MEMORY_WRITE | HV_MEMORY_EXEC),
                           "hv_vm_map(RAM)"));
  ram_mapped_ = true;

  bus_ = std::make_unique<MmioBus>();
  gic_ = std::make_unique<Gic>(spec_.cpus, [this](int vcpu) {
    if (vcpu >= 0 && static_cast<size_t>(vcpu) < vcpus_.size()) vcpus_[vcpu]->Kick();
  });
  psci_ = std::make_unique<Psci>(spec_.cpus, this);
  if (spec_.console == ConsoleDevice::kVirtio) {
    auto sink = std::make_shared<UartLogSink>();
    uart_ = std::make_unique<Pl011>(
        IrqLine(gic_.get(), SpiIntid(kPl011Spi)),
        [sink](const uint8_t* data, size_t len) { sink->Write(data, len); });
  } else {
    uart_ = std::make_unique<Pl011>(IrqLine(gic_.get(), SpiIntid(kPl011Spi)),
                                    [this](const uint8_t* data, size_t len) {
                                      if (console_) console_(data, len);
                                    });
  }
  rtc_ = std::make_unique<Pl031>(IrqLine(gic_.get(), SpiIntid(kPl031Spi)));
  gpio_ = std::make_unique<Pl061>(IrqLine(gic_.get(), SpiIntid(kPl061Spi)));
  RETURN_IF_ERROR(bus_->Register(kGicDistBase, kGicDistSize, gic_->distributor()));
  RETURN_IF_ERROR(bus_->Register(kGicRedistBase, gic_->redistributors_size(), gic_->redistributors()));
  RETURN_IF_ERROR(bus_->Register(kPl011Base, kPrimeCellSize, uart_.get()));
  RETURN_IF_ERROR(bus_->Register(kPl031Base, kPrimeCellSize, rtc_.get()));
  RETURN_IF_ERROR(bus_->Register(kPl061Base, kPrimeCellSize, gpio_.get()));
  RETURN_IF_ERROR(BuildVirtio());

  timer_kicker_ = std::make_unique<TimerKicker>(spec_.cpus, [this](int vcpu) {
    if (vcpu >= 0 && static_cast<size_t>(vcpu) < vcpus_.size()) vcpus_[vcpu]->Kick();
  });
  for (int i = 0; i < spec_.cpus; ++i) vcpus_.push_back(std::make_unique<Vcpu>(i, this));
  return LoadImages();
}

absl::Status Vm::BuildVirtio() {
  // The slot order of docs/virtio.md: disks in spec order, then network,
  // console, rng, balloon; each only when the spec has it. The same spec always gives the
  // same slots, so guest device names stay put across boots.
  auto add = [this](std::unique_ptr<VirtioDevice> device) -> absl::Status {
    const uint32_t slot = static_cast<uint32_t>(virtio_.size());
    if (slot >= kVirtioMmioSlots) return absl::InvalidArgumentError("out of virtio-mmio slots");
    VirtioSlotInfo info{slot, kVirtioMmioBase + slot * kVirtioMmioSlotSize,
                        kVirtioMmioFirstSpi + slot, device->device_id(),
                        std::string(device->name())};
    // Level-sensitive: the transport holds the line high while InterruptStatus
    // has a bit set and drops it on InterruptACK.
    auto transport = std::make_unique<VirtioMmio>(std::move(device), memory_.get(),
                                                  IrqLine(gic_.get(), SpiIntid(info.spi)));
    RETURN_IF_ERROR(bus_->Register(info.base, kVirtioMmioSlotSize, transport.get()));
    virtio_.push_back(std::move(transport));
    slot_info_.push_back(std::move(info));
    return absl::OkStatus();
  };
  for (size_t i = 0; i < spec_.disks.size(); ++i) {
    const DiskSpec& d = spec_.disks[i];
    VirtioBlkOptions options;
    options.path = d.path;
    options.read_only = d.read_only;
    options.serial = d.serial;
    absl::StatusOr<std::unique_ptr<VirtioBlk>> blk = VirtioBlk::Open(options);
    if (!blk.ok()) {
      return absl::Status(blk.status().code(),
                          absl::StrFormat("disks[%u]: %s", i, blk.status().message()));
    }
    if ((*blk)->capacity_sectors() == 0) {
      return absl::InvalidArgumentError(
          absl::StrFormat("disks[%u]: %s is smaller than one 512-byte sector", i, d.path));
    }
    disks_.push_back(blk->get());
    RETURN_IF_ERROR(add(*std::move(blk)));
  }
  if (spec_.network.has_value()) RETURN_IF_ERROR(BuildNetwork(add));
  if (spec_.console == ConsoleDevice::kVirtio) {
    auto console = std::make_unique<VirtioConsole>([this](const uint8_t* data, size_t len) {
      if (console_) console_(data, len);
    });
    virtio_console_ = console.get();
    RETURN_IF_ERROR(add(std::move(console)));
  }
  if (spec_.rng) RETURN_IF_ERROR(add(std::make_unique<VirtioRng>()));
  if (spec_.balloon) {
    auto balloon = std::make_unique<VirtioBalloon>(spec_.balloon_options.deflate_on_oom);
    balloon_ = balloon.get();
    RETURN_IF_ERROR(add(std::move(balloon)));
    if (spec_.balloon_options.stats_period_ms > 0) {
      balloon_thread_ = std::thread([this] { BalloonStatsLoop(); });
    }
  }
  for (const VirtioSlotInfo& s : slot_info_) {
    Log()->debug("virtio slot {}: {} at {:#x}, SPI {}", s.slot, s.name, s.base, s.spi);
  }
  return absl::OkStatus();
}

absl::Status Vm::BuildNetwork(
    const std::function<absl::Status(std::unique_ptr<VirtioDevice>)>& add) {
#ifdef VMD_HAVE_SLIRP
  const NetworkSpec& n = *spec_.network;
  NetConfig config;
  for (const NetForwardSpec& f : n.forwards) {
    PortForward fwd;
    fwd.protocol = f.udp ? PortForward::kUdp : PortForward::kTcp;
    fwd.host_addr = f.host_addr;
    fwd.host_port = f.host_port;
    fwd.guest_port = f.guest_port;
    config.port_forwards.push_back(std::move(fwd));
  }
  absl::StatusOr<std::unique_ptr<SlirpBackend>> backend = SlirpBackend::Create(config);
  if (!backend.ok()) {
    return absl::Status(backend.status().code(),
                        absl::StrCat("network: ", backend.status().message()));
  }
  MacAddress mac;
  if (n.mac.empty()) {
    mac = DeriveMacAddress(n.mac_seed);
  } else {
    ASSIGN_OR_RETURN(mac, ParseMacAddress(n.mac));
  }
  auto net = std::make_unique<VirtioNet>(backend->get(), mac);
  net_backend_ = *std::move(backend);
  Log()->info("network: user-mode NAT, MAC {}, {} port forward(s)", FormatMacAddress(mac),
              n.forwards.size());
  return add(std::move(net));
#else
  (void)add;
  return absl::FailedPreconditionError("network: this vmm was built without libslirp");
#endif
}

void Vm::ResetVirtio() {
  // A driver's device reset (status 0): the device's worker is joined.
  for (auto& transport : virtio_) transport->Write(virtio_mmio::kStatus, 4, 0);
}

void Vm::BalloonStatsLoop() {
  const absl::Duration period = absl::Milliseconds(spec_.balloon_options.stats_period_ms);
  absl::MutexLock lock(&balloon_mu_);
  absl::Time next = absl::Now() + period;
  while (!balloon_stop_) {
    // Wakes every second to timestamp statistics soon after they arrive.
    balloon_mu_.AwaitWithTimeout(absl::Condition(&balloon_stop_), absl::Seconds(1));
    if (balloon_stop_) break;
    PollBalloonStats();
    if (absl::Now() >= next) {
      balloon_->RequestStats();  // ignored while the driver is not active
      next = absl::Now() + period;
    }
  }
}

void Vm::PollBalloonStats() {
  const uint64_t updates = balloon_->stats_updates();
  if (updates != balloon_updates_seen_) {
    balloon_updates_seen_ = updates;
    balloon_stats_time_ = absl::Now();
  }
}

absl::Status Vm::SetBalloonTarget(uint64_t bytes) {
  if (balloon_ == nullptr) return absl::FailedPreconditionError("this VM has no balloon device");
  if (bytes >= memory_->size()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("balloon target %u bytes is not below the guest's memory (%u bytes)", bytes,
                        memory_->size()));
  }
  balloon_->SetTargetPages(static_cast<uint32_t>(bytes / VirtioBalloon::kBalloonPageSize));
  Log()->info("balloon target {} MiB", bytes >> 20);
  return absl::OkStatus();
}

absl::StatusOr<BalloonInfo> Vm::Balloon(absl::Duration fresh_wait) {
  if (balloon_ == nullptr) return absl::FailedPreconditionError("this VM has no balloon device");
  if (fresh_wait > absl::ZeroDuration() && balloon_->active()) {
    const uint64_t before = balloon_->stats_updates();
    balloon_->RequestStats();
    const absl::Time deadline = absl::Now() + fresh_wait;
    while (balloon_->stats_updates() == before && absl::Now() < deadline) {
      absl::SleepFor(absl::Milliseconds(10));
    }
  }
  BalloonInfo info;
  info.target_bytes = uint64_t{balloon_->target_pages()} * VirtioBalloon::kBalloonPageSize;
  info.actual_bytes = uint64_t{balloon_->actual_pages()} * VirtioBalloon::kBalloonPageSize;
  info.stats = balloon_->stats();
  absl::MutexLock lock(&balloon_mu_);
  PollBalloonStats();
  info.stats_time = balloon_stats_time_;
  return info;
}

Vm::~Vm() {
  StopVcpus();
  if (balloon_thread_.joinable()) {
    {
      absl::MutexLock lock(&balloon_mu_);
      balloon_stop_ = true;
    }
    balloon_thread_.join();
  }
  // virtio workers raise interrupts whose kicks reach vcpus_, and touch guest
  // RAM: they stop (and go) before the vCPUs and the memory do.
  ResetVirtio();
  // Disk images are durable once the VM is gone (worker Shutdown's promise),
  // whether or not the guest flushed.
  for (VirtioBlk* disk : disks_) {
    absl::Status st = disk->Flush();
    if (!st.ok()) Log()->error("disk flush: {}", std::string(st.message()));
  }
  virtio_.clear();
  net_backend_.reset();  // after its device detached from it
  timer_kicker_.reset();
  // Devices with threads of their own (RTC match timer, power-button release)
  // may still raise interrupts, whose kicks reach vcpus_: they go first.
  gpio_.reset();
  rtc_.reset();
  uart_.reset();
  if (ram_mapped_) hv_vm_unmap(kRamBase, memory_->size());
  if (hv_created_) hv_vm_destroy();
}

absl::Status Vm::Start(bool paused) {
  {
    absl::MutexLock lock(&mu_);
    paused_ = paused;
  }
  return StartVcpus();
}

absl::Status Vm::StartVcpus() {
  absl::MutexLock pause_lock(&pause_mu_);
  const bool paused = this->paused();
  for (auto& vcpu : vcpus_) RETURN_IF_ERROR(vcpu->Start(paused));
  // Logged before the guest runs, so the line never lands inside guest output
  // when a console shares the terminal with the log.
  Log()->info("starting {} vCPU(s), entry {:#x}, device tree at {:#x}", vcpus_.size(), entry_,
              dtb_addr_);
  // The boot vCPU starts at the kernel entry with X0 = the device tree (platform.md).
  vcpus_[0]->PowerOn(entry_, dtb_addr_);
  return absl::OkStatus();
}

void Vm::StopVcpus() {
  for (auto& vcpu : vcpus_) vcpu->Stop();
}

VmExitInfo Vm::Wait() {
  for (;;) {
    {
      absl::MutexLock lock(&mu_);
      mu_.Await(absl::Condition(
          +[](Vm* vm) ABSL_NO_THREAD_SAFETY_ANALYSIS { return vm->exit_.has_value() || vm->reset_requested_; },
          this));
      if (exit_.has_value()) break;
      reset_requested_ = false;
    }
    absl::Status s = ResetInPlace();
    if (!s.ok()) {
      RequestStop(StopReason::kInternalError, absl::StrCat("reset failed: ", s.ToString()));
    } else if (reset_observer_) {
      reset_observer_();
    }
  }
  StopVcpus();
  absl::MutexLock lock(&mu_);
  Log()->info("VM stopped: {}{}{}", StopReasonName(exit_->reason), exit_->detail.empty() ? "" : ": ",
              exit_->detail);
  return *exit_;
}

void Vm::RequestStop(StopReason reason, const std::string& detail) {
  {
    absl::MutexLock lock(&mu_);
    if (!exit_.has_value()) exit_ = VmExitInfo{reason, detail};
  }
  // No vCPU runs guest code after the VM has stopped (SYSTEM_OFF never returns).
  for (auto& vcpu : vcpus_) vcpu->Halt();
}

void Vm::GuestFailed(int vcpu, const std::string& detail) {
  Log()->error("vcpu{}: {}", vcpu, detail);
  RequestStop(StopReason::kGuestFailure, absl::StrFormat("vcpu%d: %s", vcpu, detail));
}

void Vm::ArmTimerKick(int vcpu, absl::Time deadline) { timer_kicker_->Arm(vcpu, deadline); }

void Vm::StartVcpu(int vcpu, uint64_t entry, uint64_t context_id) {
  if (vcpu >= 0 && static_cast<size_t>(vcpu) < vcpus_.size()) vcpus_[vcpu]->PowerOn(entry, context_id);
}

void Vm::StopCurrentVcpu(int vcpu) {
  if (vcpu >= 0 && static_cast<size_t>(vcpu) < vcpus_.size()) vcpus_[vcpu]->PowerOffSelf();
}

void Vm::SystemOff() { RequestStop(StopReason::kGuestPowerOff, ""); }

void Vm::SystemReset(bool reset2, uint32_t reset_type, uint64_t cookie) {
  const std::string detail =
      reset2 ? absl::StrFormat("SYSTEM_RESET2 type %#x cookie %#x", reset_type, cookie) : "";
  if (spec_.on_reboot == OnReboot::kStop) {
    RequestStop(StopReason::kGuestReset, detail);
    return;
  }
  RequestReset();
}

void Vm::RequestReset() {
  // SYSTEM_RESET never returns: no vCPU runs guest code again until the
  // machine is rebuilt (Wait() restarts them). The vCPUs are halted before
  // Wait() can see the request: a halt that came after would land on the
  // rebuilt machine's new vCPU threads and stop them. (A reset requested while
  // one is under way may still halt them; its flag then rebuilds once more.)
  for (auto& vcpu : vcpus_) vcpu->Halt();
  absl::MutexLock lock(&mu_);
  reset_requested_ = true;
}

uint64_t Vm::reset_count() const {
  absl::MutexLock lock(&mu_);
  return resets_;
}

absl::Status Vm::ResetInPlace() {
  Log()->info("guest reset: rebuilding the machine in place");
  StopVcpus();
  timer_kicker_->CancelAll();
  // Devices first: no DMA may land in the RAM about to be replaced. The
  // rebooted guest's drivers set them up again from scratch.
  ResetVirtio();
  // Fresh RAM: unmapping drops everything the hypervisor cached about it.
  RETURN_IF_ERROR(HvStatus(hv_vm_unmap(kRamBase, memory_->size()), "hv_vm_unmap(RAM)"));
  ram_mapped_ = false;
  RETURN_IF_ERROR(memory_->Discard(kRamBase, memory_->size()));
  RETURN_IF_ERROR(HvStatus(hv_vm_map(memory_->host_base(), kRamBase, memory_->size(),
                                     HV_MEMORY_READ | HV_MEMORY_WRITE | HV_MEMORY_EXEC),
                           "hv_vm_map(RAM)"));
  ram_mapped_ = true;
  gic_->Reset();
  psci_->Reset();
  uart_->Reset();
  rtc_->Reset();
  gpio_->Reset();
  RETURN_IF_ERROR(LoadImages());
  {
    absl::MutexLock lock(&mu_);
    ++resets_;
  }
  return StartVcpus();  // a paused VM stays paused across a reset
}

absl::Status Vm::LoadImages() {
  FdtConfig fdt;
  fdt.num_cpus = static_cast<uint32_t>(spec_.cpus);
  fdt.ram_base = kRamBase;
  fdt.ram_size = memory_->size();
  fdt.cmdline = spec_.cmdline;
  // hvc0 has no device tree node of its own, so the kernel learns it from
  // console=; stdout-path keeps naming the PL011 so a bare `earlycon` works.
  if (spec_.console == ConsoleDevice::kVirtio && !HasConsoleArg(spec_.cmdline)) {
    fdt.cmdline += fdt.cmdline.empty() ? "console=hvc0" : " console=hvc0";
  }
  for (const VirtioSlotInfo& s : slot_info_) {
    fdt.virtio_mmio.push_back(VirtioMmioSlot{s.base, kVirtioMmioSlotSize, s.spi});
  }
  // 64 random bytes so the guest's RNG is ready at once (platform.md).
  std::random_device rd;
  for (size_t i = 0; i < fdt.rng_seed.size(); i += 4) {
    const uint32_t r = rd();
    for (size_t j = 0; j < 4 && i + j < fdt.rng_seed.size(); ++j) fdt.rng_seed[i + j] = (r >> (8 * j)) & 0xff;
  }
  ASSIGN_OR_RETURN(BootInfo boot, PrepareBoot(*memory_, spec_.kernel, spec_.initrd, fdt));
  entry_ = boot.entry;
  dtb_addr_ = boot.dtb_addr;
  dtb_.resize(boot.dtb_size);
  return memory_->Read(boot.dtb_addr, dtb_.data(), dtb_.size());
}

void Vm::PressPowerButton() { gpio_->PressPowerButton(); }

void Vm::SendConsoleInput(const uint8_t* data, size_t len) {
  if (virtio_console_ != nullptr) {
    virtio_console_->Receive(data, len);
  } else {
    uart_->Receive(data, len);
  }
}

absl::Status Vm::Pause() {
  absl::MutexLock pause_lock(&pause_mu_);
  for (auto& vcpu : vcpus_) vcpu->Pause();
  absl::MutexLock lock(&mu_);
  paused_ = true;
  return absl::OkStatus();
}

absl::Status Vm::Resume() {
  absl::MutexLock pause_lock(&pause_mu_);
  for (auto& vcpu : vcpus_) vcpu->Resume();
  absl::MutexLock lock(&mu_);
  paused_ = false;
  return absl::OkStatus();
}

bool Vm::paused() const {
  absl::MutexLock lock(&mu_);
  return paused_;
}

absl::StatusOr<std::vector<VcpuRegisters>> Vm::Registers() {
  const bool was_paused = paused();
  // Parking every vCPU first makes the snapshot consistent across vCPUs.
  if (!was_paused) RETURN_IF_ERROR(Pause());
  std::vector<VcpuRegisters> out;
  absl::Status status;
  for (auto& vcpu : vcpus_) {
    absl::StatusOr<VcpuRegisters> regs = vcpu->Snapshot(absl::Seconds(5));
    if (!regs.ok()) {
      status = regs.status();
      break;
    }
    out.push_back(*std::move(regs));
  }
  if (!was_paused) RETURN_IF_ERROR(Resume());
  if (!status.ok()) return status;
  return out;
}

}  // namespace vmd
