// What a VM is made of: the spec `vmm` builds from its flags and the daemon's
// worker builds from a vmd.v1 VmSpec. Plain data; validated by Vm::Create.
#ifndef VMD_ENGINE_VM_VM_SPEC_H_
#define VMD_ENGINE_VM_VM_SPEC_H_

#include <cstdint>
#include <optional>
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

// Host -> guest port forward of the user-mode network.
struct NetForwardSpec {
  bool udp = false;
  std::string host_addr = "127.0.0.1";  // dotted IPv4
  uint16_t host_port = 0;               // 1..65535
  uint16_t guest_port = 0;              // 1..65535
};

// One virtio-net device on user-mode NAT (libslirp; engine/net/slirp_backend.h
// has the addresses: guest 10.0.2.15, gateway/host 10.0.2.2, DNS 10.0.2.3).
struct NetworkSpec {
  std::string mac;       // "xx:xx:xx:xx:xx:xx"; empty = derived from mac_seed
  std::string mac_seed;  // e.g. the VM id, so the derived MAC is stable
  std::vector<NetForwardSpec> forwards;
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
  std::optional<NetworkSpec> network;
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
