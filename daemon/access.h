// Who is calling and which files they may name. The API service builds a
// Caller for every request (from the unix peer credentials, or the TLS peer)
// and runs every path in a spec through CheckPathAccess before the registry
// stores it (DECISIONS.md "Access").
#ifndef VMD_DAEMON_ACCESS_H_
#define VMD_DAEMON_ACCESS_H_

#include <sys/stat.h>

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "daemon/peer_cred.h"
#include "vmd/v1/vmd.pb.h"

namespace vmd::daemon {

struct Caller {
  enum class Kind {
    kLocal,   // unix socket; `cred` holds the peer's identity
    kRemote,  // TCP + mutual TLS; only paths under the image directories
  };
  Kind kind = Kind::kLocal;
  PeerCred cred;
  std::string description;  // for logs: "uid 1000 pid 42" or "ipv4:10.0.0.2:5555 CN=x"
};

// Whether the owner/group/other bits of `st` let `cred` read (and write, if
// `write`) the file. Root (uid 0) may do anything, as the kernel allows it.
bool ModeAllows(const struct stat& st, const PeerCred& cred, bool write);

// `path` as a file the caller may use as `field` (e.g. "spec.disks[0].path"):
// - local: opened by vmd with O_NOFOLLOW (a symbolic link as the last component
//   is refused), must be a regular file (or a block device when `allow_block`),
//   and the opened file's mode bits must allow the peer to read it (and write
//   it when `write`); every parent directory must be searchable by the peer.
// - remote: the resolved path must lie under one of `image_dirs`, then the same
//   open and type checks.
// INVALID_ARGUMENT for a missing file or a wrong type; PERMISSION_DENIED when
// the caller may not use it. Messages start with the field.
absl::Status CheckPathAccess(const Caller& caller, std::string_view field, const std::string& path,
                             bool write, bool allow_block, const std::vector<std::string>& image_dirs);

// Every path of `spec` through CheckPathAccess (kernel, initrd, raw payload, disks).
absl::Status CheckSpecAccess(const Caller& caller, const v1::VmSpec& spec,
                             const std::vector<std::string>& image_dirs);

}  // namespace vmd::daemon

#endif  // VMD_DAEMON_ACCESS_H_
