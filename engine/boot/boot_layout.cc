#include "engine/boot/boot_layout.h"

#include "absl/status/status.h"
#include "absl/strings/str_format.h"

namespace vmd {
namespace {

// Rounds up `value` to a multiple of `align` (a power of two); false on overflow.
bool AlignUp(uint64_t value, uint64_t align, uint64_t* out) {
  if (value > UINT64_MAX - (align - 1)) return false;
  *out = (value + align - 1) & ~(align - 1);
  return true;
}

}  // namespace

absl::StatusOr<BootLayout> PlanBoot(uint64_t ram_base, uint64_t ram_size, uint64_t text_offset,
                                    uint64_t image_size, uint64_t dtb_size, uint64_t initrd_size) {
  if (ram_base % k2MiB != 0) {
    return absl::InvalidArgumentError(
        absl::StrFormat("boot layout: RAM base %#x is not 2 MiB aligned", ram_base));
  }
  if (ram_size == 0 || ram_base > UINT64_MAX - ram_size) {
    return absl::InvalidArgumentError(
        absl::StrFormat("boot layout: bad RAM range [%#x, +%#x)", ram_base, ram_size));
  }
  if (dtb_size == 0 || dtb_size > kMaxDtbSize) {
    return absl::InvalidArgumentError(
        absl::StrFormat("boot layout: device tree of %u bytes (must be 1 .. 2 MiB)", dtb_size));
  }
  if (image_size == 0) {
    return absl::InvalidArgumentError("boot layout: kernel image size is 0");
  }
  const uint64_t ram_end = ram_base + ram_size;
  // Each region is checked against what is left of RAM, so no sum can wrap.
  auto fits = [&](uint64_t addr, uint64_t size) {
    return addr <= ram_end && size <= ram_end - addr;
  };

  BootLayout l;
  if (text_offset >= ram_size || !fits(ram_base + text_offset, image_size)) {
    return absl::OutOfRangeError(absl::StrFormat(
        "boot layout: kernel (text_offset %#x, image_size %#x) does not fit in %u MiB of RAM",
        text_offset, image_size, ram_size >> 20));
  }
  l.kernel_addr = ram_base + text_offset;
  l.kernel_end = l.kernel_addr + image_size;

  if (!AlignUp(l.kernel_end, k2MiB, &l.dtb_addr) || !fits(l.dtb_addr, dtb_size)) {
    return absl::OutOfRangeError(absl::StrFormat(
        "boot layout: no room for the %u-byte device tree above the kernel (ends at %#x, RAM "
        "ends at %#x)",
        dtb_size, l.kernel_end, ram_end));
  }
  l.dtb_end = l.dtb_addr + dtb_size;

  if (initrd_size > 0) {
    if (!AlignUp(l.dtb_end, kInitrdAlign, &l.initrd_addr) || !fits(l.initrd_addr, initrd_size)) {
      return absl::OutOfRangeError(absl::StrFormat(
          "boot layout: initrd of %u bytes does not fit above the device tree (free from %#x, "
          "RAM ends at %#x)",
          initrd_size, l.dtb_end, ram_end));
    }
    l.initrd_end = l.initrd_addr + initrd_size;
  }
  return l;
}

}  // namespace vmd
