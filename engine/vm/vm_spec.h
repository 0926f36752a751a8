// What a VM is made of: the spec `vmm` builds from its flags and the daemon's
// worker builds from a vmd.v1 VmSpec. Plain data; validated by Vm::Create.
#ifndef VMD_ENGINE_VM_VM_SPEC_H_
#define VMD_ENGINE_VM_VM_SPEC_H_

#include <cstdint>
#include <string>
#include <vector>

namespace vmd {

enum class ConsoleDevice { kPl011, kVirtio };
enum class OnReboot { kRestart, kStop };

// One virtio-blk device backed by a raw image file.
struct DiskSpec {
  std::string path;
  bool read_only = false;
  std::string serial;  // GET_ID answer, at most 20 bytes (longer is cut)
};

// The virtio-balloon device.
struct BalloonSpec {
  // How often the host asks the guest for fresh memory statistics; 0 = never
  // (statistics then arrive only when the driver starts and when asked).
  uint32_t stats_period_ms = 10'000;
  // VIRTIO_BALLOON_F_DEFLATE_ON_OOM offered to the guest.
  bool deflate_on_oom = false;
};

struct VmSpec {
  int cpus = 1;
  uint64_t memory_bytes = 512ull << 20;
  std::string kernel;   // arm64 Image, Image.gz or a raw payload
  std::string initrd;   // optional
  std::string cmdline;
  // kVirtio: the VM's console stream is hvc0 (virtio-console); the PL011
  // stays in the machine for earlycon and its output goes to the log.
  ConsoleDevice console = ConsoleDevice::kPl011;
  OnReboot on_reboot = OnReboot::kRestart;
  // virtio devices; their slots follow docs/virtio.md (disks first, in this
  // order: vda, vdb, ...; then network, console, rng, balloon).
  std::vector<DiskSpec> disks;
  bool rng = true;
  bool balloon = false;
  BalloonSpec balloon_options;
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
