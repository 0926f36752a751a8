// Who is on the other end of a local (unix socket) connection: uid, primary
// gid and supplementary groups. The unix listener reads it at accept time and
// the access checks use it. One implementation per platform: SO_PEERCRED +
// /proc on Linux (peer_cred_linux.cc), getpeereid + LOCAL_PEERCRED on macOS.
#ifndef VMD_DAEMON_PEER_CRED_H_
#define VMD_DAEMON_PEER_CRED_H_

#include <sys/types.h>

#include <vector>

#include "absl/status/statusor.h"

namespace vmd::daemon {

struct PeerCred {
  uid_t uid = static_cast<uid_t>(-1);
  gid_t gid = static_cast<gid_t>(-1);
  std::vector<gid_t> groups;  // supplementary groups (may include gid)
  pid_t pid = 0;              // 0 where the platform does not say

  bool InGroup(gid_t g) const;
};

// The credentials of the process connected to the unix socket `fd`.
absl::StatusOr<PeerCred> GetPeerCred(int fd);

}  // namespace vmd::daemon

#endif  // VMD_DAEMON_PEER_CRED_H_
