// vmm: runs one VM. Standalone (`vmm --kernel Image --initrd ... --cpus 2`) with
// the console on stdio, and later as vmd's per-VM worker. The machine itself is
// engine/vm; this file only turns flags and signals into calls on it.
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <thread>

#include "CLI/CLI.hpp"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "engine/base/logging.h"
#include "engine/hv/hv.h"
#include "engine/vm/vm.h"
#include "engine/vmm/console_tty.h"
#include "engine/vmm/device_flags.h"
#include "engine/vmm/size_flag.h"
#include "engine/vmm/worker.h"

namespace vmd {
namespace {

int ExitStatusFor(const VmExitInfo& info) {
  switch (info.reason) {
    case StopReason::kGuestPowerOff:
    case StopReason::kGuestReset:
      return 0;
    case StopReason::kStopRequest:
      return 130;
    case StopReason::kGuestFailure:
    case StopReason::kInternalError:
      return 1;
  }
  return 1;
}

int Main(int argc, char** argv) {
  CLI::App app{"vmm: run one arm64 virtual machine (console on stdio; Ctrl-] quits)"};
  VmSpec spec;
  std::string memory = "512M", console = "pl011", on_reboot = "restart", log_level;
  bool version = false;
  std::vector<std::string> disks, forwards;
  std::string mac;
  bool net = false;
  WorkerOptions worker;
  app.add_option("--kernel", spec.kernel, "arm64 Image, Image.gz or raw bare-metal payload")
      ->check(CLI::ExistingFile);
  app.add_option("--initrd", spec.initrd, "initial ramdisk")->check(CLI::ExistingFile);
  app.add_option("--cmdline", spec.cmdline, "kernel command line");
  app.add_option("--cpus", spec.cpus, "number of vCPUs")->capture_default_str();
  app.add_option("--memory", memory, "guest RAM (bytes, or with K/M/G suffix)")->capture_default_str();
  app.add_option("--console", console, "console device: pl011 or virtio")
      ->check(CLI::IsMember({"pl011", "virtio"}))
      ->capture_default_str();
  app.add_option("--disk", disks,
                 "virtio-blk disk: PATH[,ro][,serial=ID]; repeat for vdb, vdc, ...");
  app.add_flag("--net", net, "virtio-net on user-mode NAT (guest 10.0.2.15, host 10.0.2.2)");
  app.add_option("--mac", mac, "MAC address of the network device (implies --net)");
  app.add_option("--net-forward", forwards,
                 "[tcp:|udp:][ADDR:]HOSTPORT:GUESTPORT host->guest forward (implies --net); "
                 "repeatable");
  app.add_flag("--rng,!--no-rng", spec.rng, "virtio-rng device (default on)");
  app.add_flag("--balloon", spec.balloon, "virtio-balloon device");
  app.add_option("--on-reboot", on_reboot, "what a guest reboot does: restart or stop")
      ->check(CLI::IsMember({"restart", "stop"}))
      ->capture_default_str();
  app.add_option("--dump-dtb", spec.dump_dtb, "write the generated device tree to this file");
  app.add_option("--log", log_level, "log levels, e.g. info or warn,vcpu=debug (also $VMD_LOG)");
  app.add_flag("--version", version, "print the version and hypervisor backend");
  app.add_option("--state-dir", worker.vm_dir,
                 "worker mode (used by vmd): run the VM described by DIR/spec.json and serve "
                 "its control socket DIR/vmm.sock")
      ->check(CLI::ExistingDirectory);
  app.add_flag("--paused", worker.start_paused, "worker mode: start with the vCPUs paused");
  CLI11_PARSE(app, argc, argv);

  if (version) {
    std::printf("vmm %s (hypervisor backend: %s)\n", VMD_VERSION, VMD_HV_BACKEND_NAME);
    return 0;
  }
  if (absl::Status s = InitLogging(log_level); !s.ok()) {
    std::fprintf(stderr, "vmm: %s\n", std::string(s.message()).c_str());
    return 2;
  }
  if (!worker.vm_dir.empty()) {
    // Its own session, so stopping vmd's service never stops this VM (DECISIONS.md).
    setsid();
    return RunWorker(worker);
  }
  if (spec.kernel.empty()) {
    std::fprintf(stderr, "vmm: --kernel is required (an arm64 Image, Image.gz or raw payload)\n");
    return 2;
  }
  absl::StatusOr<uint64_t> mem = ParseSize(memory);
  if (!mem.ok()) {
    std::fprintf(stderr, "vmm: --memory: %s\n", std::string(mem.status().message()).c_str());
    return 2;
  }
  spec.memory_bytes = *mem;
  for (const std::string& text : disks) {
    absl::StatusOr<DiskSpec> disk = ParseDiskFlag(text);
    if (!disk.ok()) {
      std::fprintf(stderr, "vmm: %s\n", std::string(disk.status().message()).c_str());
      return 2;
    }
    spec.disks.push_back(*std::move(disk));
  }
  if (net || !mac.empty() || !forwards.empty()) {
    NetworkSpec network;
    network.mac = mac;
    // No VM id here: the derived MAC is the same for every standalone vmm.
    network.mac_seed = "vmm";
    for (const std::string& text : forwards) {
      absl::StatusOr<NetForwardSpec> fwd = ParseForwardFlag(text);
      if (!fwd.ok()) {
        std::fprintf(stderr, "vmm: %s\n", std::string(fwd.status().message()).c_str());
        return 2;
      }
      network.forwards.push_back(*std::move(fwd));
    }
    spec.network = std::move(network);
  }
  spec.console = console == "virtio" ? ConsoleDevice::kVirtio : ConsoleDevice::kPl011;
  spec.on_reboot = on_reboot == "stop" ? OnReboot::kStop : OnReboot::kRestart;

  // Signals are taken by one thread with sigwait: SIGTERM/SIGINT press the power
  // button (graceful shutdown), a second one ends the VM at once; SIGUSR1 only
  // presses the power button.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGHUP);
  sigaddset(&signals, SIGUSR1);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  absl::StatusOr<std::unique_ptr<Vm>> vm = Vm::Create(spec, &StdioConsole::Write);
  if (!vm.ok()) {
    std::fprintf(stderr, "vmm: %s\n", std::string(vm.status().message()).c_str());
    return 1;
  }
  if (!spec.dump_dtb.empty()) {
    std::ofstream out(spec.dump_dtb, std::ios::binary);
    out.write(reinterpret_cast<const char*>((*vm)->device_tree().data()),
              static_cast<std::streamsize>((*vm)->device_tree().size()));
    if (!out) {
      std::fprintf(stderr, "vmm: --dump-dtb %s: write failed\n", spec.dump_dtb.c_str());
      return 1;
    }
  }
  Vm* machine = vm->get();
  StdioConsole stdio;
  stdio.Start([machine](const uint8_t* d, size_t n) { machine->SendConsoleInput(d, n); },
              [machine] { machine->RequestStop(StopReason::kStopRequest, "escape key"); });
  std::atomic<bool> finished{false};
  std::thread signal_thread([machine, signals, &finished] {
    int presses = 0;
    for (;;) {
      int sig = 0;
      if (sigwait(&signals, &sig) != 0 || finished.load()) return;
      if (sig == SIGUSR1) {
        machine->PressPowerButton();
      } else if (presses++ == 0) {
        machine->PressPowerButton();
      } else {
        machine->RequestStop(StopReason::kStopRequest, absl::StrFormat("signal %d", sig));
        return;
      }
    }
  });
  if (absl::Status s = machine->Start(); !s.ok()) {
    machine->RequestStop(StopReason::kInternalError, std::string(s.message()));
  }
  VmExitInfo info = machine->Wait();
  stdio.Stop();
  vm->reset();
  // Wake the signal thread so it can be joined.
  finished.store(true);
  pthread_kill(signal_thread.native_handle(), SIGHUP);
  signal_thread.join();
  if (ExitStatusFor(info) != 0 || !info.detail.empty()) {
    std::fprintf(stderr, "\nvmm: VM stopped: %s%s%s\n", StopReasonName(info.reason),
                 info.detail.empty() ? "" : ": ", info.detail.c_str());
  }
  return ExitStatusFor(info);
}

}  // namespace
}  // namespace vmd

int main(int argc, char** argv) { return vmd::Main(argc, argv); }
