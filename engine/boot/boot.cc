#include "engine/boot/boot.h"

#include <vector>

#include "engine/base/status_macros.h"

namespace vmd {

absl::StatusOr<BootInfo> PrepareBoot(GuestMemory& mem, const std::string& kernel_path,
                                     const std::string& initrd_path, FdtConfig fdt) {
  BootInfo info;
  ASSIGN_OR_RETURN(info.kernel, LoadKernel(mem, kernel_path));
  std::vector<uint8_t> initrd;
  if (!initrd_path.empty()) {
    ASSIGN_OR_RETURN(initrd, ReadFileCapped(initrd_path, mem.size()));
    if (initrd.empty()) {
      return absl::InvalidArgumentError(initrd_path + ": initrd is empty");
    }
  }
  // The DTB's final size depends on the initrd addresses it records, so the
  // whole 2 MiB slot is reserved and the initrd goes above it.
  ASSIGN_OR_RETURN(info.layout, PlanBoot(mem.base(), mem.size(), info.kernel.text_offset,
                                         info.kernel.image_size, kMaxDtbSize, initrd.size()));
  if (!initrd.empty()) {
    RETURN_IF_ERROR(mem.Write(info.layout.initrd_addr, initrd.data(), initrd.size()));
  }
  fdt.ram_base = mem.base();
  fdt.ram_size = mem.size();
  fdt.initrd_start = info.layout.initrd_addr;
  fdt.initrd_end = info.layout.initrd_end;
  ASSIGN_OR_RETURN(std::vector<uint8_t> dtb, BuildDeviceTree(fdt));
  RETURN_IF_ERROR(WriteDeviceTree(mem, info.layout.dtb_addr, dtb));
  info.entry = info.kernel.entry;
  info.dtb_addr = info.layout.dtb_addr;
  info.dtb_size = dtb.size();
  return info;
}

}  // namespace vmd
