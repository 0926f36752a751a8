// Linux implementations of sys/platform.h.
#include <fcntl.h>
#include <linux/falloc.h>
#include <sys/random.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/str_format.h"
#include "engine/virtio/sys/platform.h"

namespace vmd::sys {

absl::Status FillRandom(void* dst, size_t len) {
  auto* p = static_cast<uint8_t*>(dst);
  while (len > 0) {
    const ssize_t n = getrandom(p, len, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return absl::InternalError(absl::StrFormat("getrandom: %s", std::strerror(errno)));
    }
    p += n;
    len -= static_cast<size_t>(n);
  }
  return absl::OkStatus();
}

absl::Status PunchHole(int fd, uint64_t offset, uint64_t len) {
  if (fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, static_cast<off_t>(offset),
                static_cast<off_t>(len)) != 0) {
    return absl::InternalError(absl::StrFormat("fallocate(PUNCH_HOLE) at %#x +%#x: %s", offset,
                                               len, std::strerror(errno)));
  }
  return absl::OkStatus();
}

absl::Status SyncData(int fd) {
  if (fdatasync(fd) != 0) {
    return absl::InternalError(absl::StrFormat("fdatasync: %s", std::strerror(errno)));
  }
  return absl::OkStatus();
}

}  // namespace vmd::sys
