// The few host calls virtio devices need that differ between Linux and macOS:
// entropy, hole punching and data sync. One implementation file per OS,
// chosen by CMake, so the device code has no #ifdefs.
#ifndef VMD_ENGINE_VIRTIO_SYS_PLATFORM_H_
#define VMD_ENGINE_VIRTIO_SYS_PLATFORM_H_

#include <cstddef>
#include <cstdint>

#include "absl/status/status.h"

namespace vmd::sys {

// Fills `len` bytes from the kernel's CSPRNG (getrandom / getentropy).
absl::Status FillRandom(void* dst, size_t len);

// Deallocates [offset, offset+len) of a regular file, keeping its size; the
// range reads as zero afterwards (fallocate PUNCH_HOLE / F_PUNCHHOLE).
absl::Status PunchHole(int fd, uint64_t offset, uint64_t len);

// Makes completed writes to `fd` durable (fdatasync / F_FULLFSYNC).
absl::Status SyncData(int fd);

}  // namespace vmd::sys

#endif  // VMD_ENGINE_VIRTIO_SYS_PLATFORM_H_
