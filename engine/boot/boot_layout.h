// Where the kernel, the device tree and the initrd go in guest RAM, following
// the arm64 Linux boot protocol (platform.md). A pure function so every
// constraint can be tested on its own; the VM calls it once per boot.
#ifndef VMD_ENGINE_BOOT_BOOT_LAYOUT_H_
#define VMD_ENGINE_BOOT_BOOT_LAYOUT_H_

#include <cstdint>

#include "absl/status/statusor.h"

namespace vmd {

inline constexpr uint64_t k2MiB = 2 * 1024 * 1024;
// The boot protocol caps the DTB at 2 MiB; passing this as dtb_size reserves
// the whole slot, so the initrd can be placed before the DTB is built.
inline constexpr uint64_t kMaxDtbSize = k2MiB;
// Initrd alignment: the host page size, also what Linux rounds to anyway.
inline constexpr uint64_t kInitrdAlign = 16 * 1024;

struct BootLayout {
  uint64_t kernel_addr = 0;  // RAM base + text_offset; also the entry point
  uint64_t kernel_end = 0;   // kernel_addr + image_size (includes BSS)
  uint64_t dtb_addr = 0;     // 2 MiB aligned, so the DTB never crosses a boundary
  uint64_t dtb_end = 0;
  uint64_t initrd_addr = 0;  // 0 when there is no initrd
  uint64_t initrd_end = 0;
};

// `ram_base` must be 2 MiB aligned. The kernel goes at ram_base + text_offset
// and covers image_size bytes; the DTB (1 ... 2 MiB bytes) at the first 2 MiB
// boundary at or above the kernel's end; the initrd (if initrd_size > 0) at
// the first kInitrdAlign boundary above the DTB. Everything must fit in RAM:
// otherwise InvalidArgument/OutOfRange naming what did not fit.
absl::StatusOr<BootLayout> PlanBoot(uint64_t ram_base, uint64_t ram_size, uint64_t text_offset,
                                    uint64_t image_size, uint64_t dtb_size, uint64_t initrd_size);

}  // namespace vmd

#endif  // VMD_ENGINE_BOOT_BOOT_LAYOUT_H_
