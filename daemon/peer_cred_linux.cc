// Linux: SO_PEERCRED gives uid, gid and pid; the supplementary groups come
// from /proc/<pid>/status ("Groups:"), read right after accept while the
// connecting process is still there.
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "daemon/atomic_file.h"
#include "daemon/peer_cred.h"

namespace vmd::daemon {

bool PeerCred::InGroup(gid_t g) const {
  return g == gid || std::find(groups.begin(), groups.end(), g) != groups.end();
}

absl::StatusOr<PeerCred> GetPeerCred(int fd) {
  struct ucred cred = {};
  socklen_t len = sizeof(cred);
  if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0) {
    return ErrnoStatus(errno, "getsockopt SO_PEERCRED", absl::StrCat("fd ", fd));
  }
  PeerCred out;
  out.uid = cred.uid;
  out.gid = cred.gid;
  out.pid = cred.pid;
  // Without the groups the checks fall back to uid + primary gid: stricter,
  // never looser.
  std::ifstream status(absl::StrCat("/proc/", cred.pid, "/status"));
  std::string line;
  while (std::getline(status, line)) {
    if (!line.starts_with("Groups:")) continue;
    std::istringstream groups(line.substr(7));
    unsigned long g;
    while (groups >> g) out.groups.push_back(static_cast<gid_t>(g));
    break;
  }
  return out;
}

}  // namespace vmd::daemon
