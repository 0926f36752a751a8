// Parses sizes as people write them on command lines: "512M", "2G", "65536",
// "1.5G" is refused (whole numbers only). Used by vmm (and vmctl's twin flags).
#ifndef VMD_ENGINE_VMM_SIZE_FLAG_H_
#define VMD_ENGINE_VMM_SIZE_FLAG_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"

namespace vmd {

absl::StatusOr<uint64_t> ParseSize(const std::string& text);

}  // namespace vmd

#endif  // VMD_ENGINE_VMM_SIZE_FLAG_H_
