// Loads what the guest boots: an arm64 Linux Image, the same gzip-compressed
// (Image.gz), or a raw payload (test binaries, firmware), plus the initrd. The
// VM calls these at boot and again on guest reset; every size and address is
// checked against guest RAM, so a bad file is an error, never a host crash.
#ifndef VMD_ENGINE_BOOT_KERNEL_LOADER_H_
#define VMD_ENGINE_BOOT_KERNEL_LOADER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/memory/guest_memory.h"

namespace vmd {

// Raw payloads, and Images whose header leaves text_offset unset, load here
// above the 2 MiB aligned RAM base.
inline constexpr uint64_t kDefaultTextOffset = 0x80000;
// Kernels before Linux 3.17 leave image_size 0; their BSS is not counted in the
// file, so this much is kept free above it.
inline constexpr uint64_t kOldKernelSlack = 4 * 1024 * 1024;

struct LoadedImage {
  enum class Kind { kLinuxImage, kRawPayload };
  Kind kind = Kind::kRawPayload;
  bool gzipped = false;
  uint64_t load_addr = 0;  // first byte in guest RAM; also the entry point
  uint64_t entry = 0;
  uint64_t file_size = 0;    // bytes written (after decompression)
  uint64_t text_offset = 0;  // load_addr − RAM base
  uint64_t image_size = 0;   // memory the kernel may use from load_addr (≥ file_size)
};

// Interprets `data` (already decompressed) and copies it into RAM. `what`
// names the source in error messages.
absl::StatusOr<LoadedImage> LoadKernelData(GuestMemory& mem, const std::vector<uint8_t>& data,
                                           const std::string& what);
// Reads `path`, inflates it if it is gzip, then as LoadKernelData.
absl::StatusOr<LoadedImage> LoadKernel(GuestMemory& mem, const std::string& path);

// Copies the initrd at `path` to `addr` (kInitrdAlign aligned, e.g. from
// PlanBoot); returns its size.
absl::StatusOr<uint64_t> LoadInitrd(GuestMemory& mem, const std::string& path, uint64_t addr);

// Reads a whole file of at most `max_size` bytes; errors name the path.
absl::StatusOr<std::vector<uint8_t>> ReadFileCapped(const std::string& path, uint64_t max_size);
// Inflates a gzip stream to at most `max_size` bytes; corrupt, truncated or
// oversized input is an error naming `what`.
absl::StatusOr<std::vector<uint8_t>> Gunzip(const std::vector<uint8_t>& gz, uint64_t max_size,
                                            const std::string& what);
bool IsGzip(const std::vector<uint8_t>& data);

}  // namespace vmd

#endif  // VMD_ENGINE_BOOT_KERNEL_LOADER_H_
