#include "daemon/access.h"

#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "engine/base/status_macros.h"

namespace vmd::daemon {
namespace {

absl::string_view Sv(std::string_view s) { return absl::string_view(s.data(), s.size()); }

absl::Status Denied(std::string_view field, const std::string& path, std::string_view why) {
  return absl::PermissionDeniedError(absl::StrCat(Sv(field), ": ", path, ": ", Sv(why)));
}
absl::Status Invalid(std::string_view field, const std::string& path, std::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat(Sv(field), ": ", path, ": ", Sv(why)));
}

// The permission class the kernel would pick: owner, else group, else other.
bool ClassAllows(const struct stat& st, const PeerCred& cred, mode_t owner_bit, mode_t group_bit,
                 mode_t other_bit) {
  if (cred.uid == st.st_uid) return (st.st_mode & owner_bit) != 0;
  if (cred.InGroup(st.st_gid)) return (st.st_mode & group_bit) != 0;
  return (st.st_mode & other_bit) != 0;
}

// Each directory above `path` must be searchable by the peer, as the kernel
// demands when the peer opens the path itself.
absl::Status CheckParents(const PeerCred& cred, std::string_view field, const std::string& path) {
  if (cred.uid == 0) return absl::OkStatus();
  for (size_t slash = path.find('/', 1); slash != std::string::npos; slash = path.find('/', slash + 1)) {
    std::string dir = path.substr(0, slash);
    struct stat st;
    if (::stat(dir.c_str(), &st) != 0) continue;  // the open below reports it
    if (!ClassAllows(st, cred, S_IXUSR, S_IXGRP, S_IXOTH)) {
      return Denied(field, path, absl::StrCat("directory ", dir, " is not searchable by the caller"));
    }
  }
  return absl::OkStatus();
}

bool UnderDirectory(const std::string& path, const std::string& dir) {
  if (dir == "/") return true;
  return path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/';
}

}  // namespace

bool ModeAllows(const struct stat& st, const PeerCred& cred, bool write) {
  if (cred.uid == 0) return true;
  if (!ClassAllows(st, cred, S_IRUSR, S_IRGRP, S_IROTH)) return false;
  return !write || ClassAllows(st, cred, S_IWUSR, S_IWGRP, S_IWOTH);
}

absl::Status CheckPathAccess(const Caller& caller, std::string_view field, const std::string& path,
                             bool write, bool allow_block, const std::vector<std::string>& image_dirs) {
  if (path.empty() || path[0] != '/') return Invalid(field, path, "must be an absolute path");
  if (caller.kind == Caller::Kind::kRemote) {
    char resolved[PATH_MAX];
    if (::realpath(path.c_str(), resolved) == nullptr) {
      if (errno == ENOENT || errno == ENOTDIR) return Invalid(field, path, "no such file");
      return Denied(field, path, "not under an image directory");
    }
    bool allowed = false;
    for (const std::string& dir : image_dirs) {
      char dir_resolved[PATH_MAX];
      if (::realpath(dir.c_str(), dir_resolved) == nullptr) continue;
      if (UnderDirectory(resolved, dir_resolved)) allowed = true;
    }
    if (!allowed) return Denied(field, path, "remote clients may only use files under --image-dir");
  } else {
    RETURN_IF_ERROR(CheckParents(caller.cred, field, path));
  }

  // O_NONBLOCK: a FIFO must not hang the request.
  int flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;
  int fd = ::open(path.c_str(), flags);
  if (fd < 0) {
    int err = errno;
    if (err == ENOENT || err == ENOTDIR) return Invalid(field, path, "no such file");
    if (err == ELOOP) return Denied(field, path, "is a symbolic link (not followed)");
    if (err == EACCES || err == EPERM) return Denied(field, path, "vmd itself cannot open it");
    return Invalid(field, path, absl::StrCat("open: ", std::strerror(err)));
  }
  struct stat st;
  int rc = ::fstat(fd, &st);
  ::close(fd);
  if (rc != 0) return Invalid(field, path, "fstat failed");
  if (!S_ISREG(st.st_mode) && !(allow_block && S_ISBLK(st.st_mode))) {
    return Invalid(field, path, allow_block ? "not a regular file or block device" : "not a regular file");
  }
  if (caller.kind == Caller::Kind::kLocal && !ModeAllows(st, caller.cred, write)) {
    return Denied(field, path, write ? "not readable and writable by the caller" : "not readable by the caller");
  }
  return absl::OkStatus();
}

absl::Status CheckSpecAccess(const Caller& caller, const v1::VmSpec& spec,
                             const std::vector<std::string>& image_dirs) {
  const v1::Boot& boot = spec.boot();
  if (boot.has_linux()) {
    RETURN_IF_ERROR(CheckPathAccess(caller, "spec.boot.linux.kernel_path", boot.linux().kernel_path(),
                                    false, false, image_dirs));
    if (!boot.linux().initrd_path().empty()) {
      RETURN_IF_ERROR(CheckPathAccess(caller, "spec.boot.linux.initrd_path",
                                      boot.linux().initrd_path(), false, false, image_dirs));
    }
  } else if (boot.has_raw()) {
    RETURN_IF_ERROR(
        CheckPathAccess(caller, "spec.boot.raw.path", boot.raw().path(), false, false, image_dirs));
  }
  for (int i = 0; i < spec.disks_size(); ++i) {
    const v1::Disk& disk = spec.disks(i);
    RETURN_IF_ERROR(CheckPathAccess(caller, absl::StrCat("spec.disks[", i, "].path"), disk.path(),
                                    !disk.read_only(), true, image_dirs));
  }
  return absl::OkStatus();
}

}  // namespace vmd::daemon
