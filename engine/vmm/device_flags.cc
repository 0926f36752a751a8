#include "engine/vmm/device_flags.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace vmd {

absl::StatusOr<DiskSpec> ParseDiskFlag(const std::string& text) {
  std::vector<std::string> parts = absl::StrSplit(text, ',');
  DiskSpec disk;
  disk.path = parts[0];
  if (disk.path.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--disk \"", text, "\": expected PATH[,ro][,serial=ID]"));
  }
  for (size_t i = 1; i < parts.size(); ++i) {
    const std::string& p = parts[i];
    if (p == "ro") {
      disk.read_only = true;
    } else if (p == "rw") {
      disk.read_only = false;
    } else if (p.starts_with("serial=")) {
      disk.serial = p.substr(7);
      if (disk.serial.size() > 20) {
        return absl::InvalidArgumentError(
            absl::StrCat("--disk \"", text, "\": serial is longer than 20 bytes"));
      }
    } else {
      return absl::InvalidArgumentError(absl::StrCat(
          "--disk \"", text, "\": unknown option \"", p, "\" (known: ro, rw, serial=ID)"));
    }
  }
  return disk;
}

}  // namespace vmd
