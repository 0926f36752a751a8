// macOS: LOCAL_PEERCRED returns a struct xucred with the uid and the group
// list (cr_groups[0] is the effective gid); getpeereid is the fallback when
// only uid and gid are available. LOCAL_PEERPID gives the pid.
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/ucred.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "absl/strings/str_cat.h"
#include "daemon/atomic_file.h"
#include "daemon/peer_cred.h"

namespace vmd::daemon {

bool PeerCred::InGroup(gid_t g) const {
  return g == gid || std::find(groups.begin(), groups.end(), g) != groups.end();
}

absl::StatusOr<PeerCred> GetPeerCred(int fd) {
  PeerCred out;
  uid_t uid;
  gid_t gid;
  if (::getpeereid(fd, &uid, &gid) != 0) {
    return ErrnoStatus(errno, "getpeereid", absl::StrCat("fd ", fd));
  }
  out.uid = uid;
  out.gid = gid;
  struct xucred xu = {};
  socklen_t len = sizeof(xu);
  if (::getsockopt(fd, SOL_LOCAL, LOCAL_PEERCRED, &xu, &len) == 0 && xu.cr_version == XUCRED_VERSION) {
    for (int i = 0; i < xu.cr_ngroups; ++i) out.groups.push_back(xu.cr_groups[i]);
  }
  pid_t pid = 0;
  len = sizeof(pid);
  if (::getsockopt(fd, SOL_LOCAL, LOCAL_PEERPID, &pid, &len) == 0) out.pid = pid;
  return out;
}

}  // namespace vmd::daemon
