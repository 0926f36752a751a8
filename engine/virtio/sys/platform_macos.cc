// macOS implementations of sys/platform.h.
#include <fcntl.h>
#include <sys/random.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "absl/strings/str_format.h"
#include "engine/virtio/sys/platform.h"

namespace vmd::sys {

absl::Status FillRandom(void* dst, size_t len) {
  auto* p = static_cast<uint8_t*>(dst);
  while (len > 0) {
    const size_t n = std::min<size_t>(len, 256);  // getentropy's limit per call
    if (getentropy(p, n) != 0) {
      return absl::InternalError(absl::StrFormat("getentropy: %s", std::strerror(errno)));
    }
    p += n;
    len -= n;
  }
  return absl::OkStatus();
}

absl::Status PunchHole(int fd, uint64_t offset, uint64_t len) {
  fpunchhole_t hole = {};
  hole.fp_offset = static_cast<off_t>(offset);
  hole.fp_length = static_cast<off_t>(len);
  if (fcntl(fd, F_PUNCHHOLE, &hole) != 0) {
    return absl::InternalError(absl::StrFormat("fcntl(F_PUNCHHOLE) at %#x +%#x: %s", offset, len,
                                               std::strerror(errno)));
  }
  return absl::OkStatus();
}

absl::Status SyncData(int fd) {
  // fsync on macOS does not reach stable storage; F_FULLFSYNC does. Some
  // filesystems refuse it, then fsync is the best available.
  if (fcntl(fd, F_FULLFSYNC) == 0) return absl::OkStatus();
  if (fsync(fd) != 0) {
    return absl::InternalError(absl::StrFormat("fsync: %s", std::strerror(errno)));
  }
  return absl::OkStatus();
}

}  // namespace vmd::sys
