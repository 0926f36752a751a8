// What a VM is made of: the spec `vmm` builds from its flags and the daemon's
// worker builds from a vmd.v1 VmSpec. Plain data; validated by Vm::Create.
#ifndef VMD_ENGINE_VM_VM_SPEC_H_
#define VMD_ENGINE_VM_VM_SPEC_H_

#include <cstdint>
#include <string>

namespace vmd {

enum class ConsoleDevice { kPl011, kVirtio };
enum class OnReboot { kRestart, kStop };

struct VmSpec {
  int cpus = 1;
  uint64_t memory_bytes = 512ull << 20;
  std::string kernel;   // arm64 Image, Image.gz or a raw payload
  std::string initrd;   // optional
  std::string cmdline;
  ConsoleDevice console = ConsoleDevice::kPl011;
  OnReboot on_reboot = OnReboot::kRestart;
  std::string dump_dtb;  // when set, the generated device tree is written here
};

// Why a VM stopped (DECISIONS.md "VM lifecycle").
enum class StopReason {
  kGuestPowerOff,   // PSCI SYSTEM_OFF
  kGuestReset,      // SYSTEM_RESET with on_reboot = STOP
  kGuestFailure,    // the guest did something the VMM cannot go on from
  kStopRequest,     // the host asked (kill / forced stop)
  kInternalError,   // the VMM failed
};

const char* StopReasonName(StopReason reason);

struct VmExitInfo {
  StopReason reason = StopReason::kStopRequest;
  std::string detail;
};

}  // namespace vmd

#endif  // VMD_ENGINE_VM_VM_SPEC_H_
