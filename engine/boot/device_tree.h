// Builds the flattened device tree that describes the machine to the guest
// (platform.md: memory map, CPUs, PSCI, GICv3, timer, PL011/PL031/PL061, the
// power button, virtio-mmio slots, /chosen), and writes it into guest RAM.
// The VM fills FdtConfig from the VM spec at every boot.
#ifndef VMD_ENGINE_BOOT_DEVICE_TREE_H_
#define VMD_ENGINE_BOOT_DEVICE_TREE_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "engine/boot/memory_map.h"
#include "engine/memory/guest_memory.h"

namespace vmd {

// Phandles are fixed so tests and later nodes can refer to them.
inline constexpr uint32_t kGicPhandle = 1;
inline constexpr uint32_t kApbClockPhandle = 2;
inline constexpr uint32_t kGpioPhandle = 3;

// GIC interrupt specifier cells (arm,gic-v3 binding): type, number, flags.
inline constexpr uint32_t kFdtIrqSpi = 0;
inline constexpr uint32_t kFdtIrqPpi = 1;
inline constexpr uint32_t kFdtIrqEdgeRising = 1;
inline constexpr uint32_t kFdtIrqLevelHigh = 4;

inline constexpr char kUartStdoutPath[] = "/pl011@9000000";

struct VirtioMmioSlot {
  uint64_t base = 0;
  uint64_t size = machine::kVirtioMmioSlotSize;
  uint32_t spi = 0;  // SPI number (INTID − 32)
};

struct FdtConfig {
  uint32_t num_cpus = 1;  // 1 .. machine::kMaxCpus; cpu@N has MPIDR Aff0 = N
  uint64_t ram_base = machine::kRamBase;
  uint64_t ram_size = 0;
  std::string cmdline;
  uint64_t initrd_start = 0;  // both 0: no initrd
  uint64_t initrd_end = 0;
  // Console the kernel should use before the command line is parsed; empty
  // for none (e.g. when the console is virtio "hvc0", which is not in the DT).
  std::string stdout_path = kUartStdoutPath;
  std::array<uint8_t, 64> rng_seed{};
  std::optional<uint64_t> kaslr_seed;
  uint64_t gic_dist_base = machine::kGicDistBase;
  uint64_t gic_redist_base = machine::kGicRedistBase;  // kGicRedistStride per vCPU
  std::vector<VirtioMmioSlot> virtio_mmio;
};

// The DTB, at most kMaxDtbSize bytes. InvalidArgument for a config that cannot
// describe a valid machine (no CPUs, no RAM, initrd end before start, ...).
absl::StatusOr<std::vector<uint8_t>> BuildDeviceTree(const FdtConfig& config);

// Copies the DTB to `addr`: 8-byte aligned, within RAM, at most 2 MiB and not
// crossing a 2 MiB boundary, as the boot protocol requires.
absl::Status WriteDeviceTree(GuestMemory& mem, uint64_t addr, const std::vector<uint8_t>& dtb);

}  // namespace vmd

#endif  // VMD_ENGINE_BOOT_DEVICE_TREE_H_
