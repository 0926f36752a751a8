// One call that puts a bootable machine image into guest RAM: kernel, initrd
// and device tree, placed per the arm64 boot protocol (PlanBoot). The VM calls
// it at start and on every guest reset, then starts vCPU 0 at `entry` with
// X0 = `dtb_addr`.
#ifndef VMD_ENGINE_BOOT_BOOT_H_
#define VMD_ENGINE_BOOT_BOOT_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "engine/boot/boot_layout.h"
#include "engine/boot/device_tree.h"
#include "engine/boot/kernel_loader.h"
#include "engine/memory/guest_memory.h"

namespace vmd {

struct BootInfo {
  LoadedImage kernel;
  BootLayout layout;
  uint64_t entry = 0;     // PC for the boot vCPU
  uint64_t dtb_addr = 0;  // X0 for the boot vCPU
  uint64_t dtb_size = 0;
};

// Loads `kernel_path` (Image, Image.gz or raw payload) and, unless
// `initrd_path` is empty, the initrd; builds the device tree from `fdt` with
// RAM and initrd fields filled in from `mem` and the layout; writes it.
absl::StatusOr<BootInfo> PrepareBoot(GuestMemory& mem, const std::string& kernel_path,
                                     const std::string& initrd_path, FdtConfig fdt);

}  // namespace vmd

#endif  // VMD_ENGINE_BOOT_BOOT_H_
