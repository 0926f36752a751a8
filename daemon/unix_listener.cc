#include "daemon/unix_listener.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "daemon/atomic_file.h"
#include "engine/base/logging.h"
#include "grpcpp/server_posix.h"

namespace vmd::daemon {
namespace {

std::shared_ptr<spdlog::logger> Log() { return vmd::Logger("api"); }

}  // namespace

UnixListener::UnixListener(std::string path, int fd, std::optional<gid_t> group)
    : path_(std::move(path)), fd_(fd), group_(group) {}

UnixListener::~UnixListener() {
  Stop();
  ::close(fd_);
}

absl::StatusOr<std::unique_ptr<UnixListener>> UnixListener::Create(const std::string& path,
                                                                   std::optional<gid_t> group) {
  struct sockaddr_un addr = {};
  addr.sun_family = AF_UNIX;
  if (path.size() >= sizeof(addr.sun_path)) {
    return absl::InvalidArgumentError(
        absl::StrCat("socket path ", path, ": longer than ", sizeof(addr.sun_path) - 1, " bytes"));
  }
  std::memcpy(addr.sun_path, path.data(), path.size());
  int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return ErrnoStatus(errno, "socket for", path);
  // A socket file left by a vmd that died: nobody listens there any more.
  struct stat st;
  if (::lstat(path.c_str(), &st) == 0 && S_ISSOCK(st.st_mode)) ::unlink(path.c_str());
  // Created with no access at all, then opened up to exactly what is wanted,
  // so there is no window where the mode is wider.
  mode_t old_umask = ::umask(0777);
  int rc = ::bind(fd, reinterpret_cast<struct sockaddr*>(&addr), sizeof(addr));
  int bind_errno = errno;
  ::umask(old_umask);
  if (rc != 0) {
    ::close(fd);
    return ErrnoStatus(bind_errno, "bind", path);
  }
  if (group.has_value() && ::chown(path.c_str(), static_cast<uid_t>(-1), *group) != 0) {
    int err = errno;
    ::close(fd);
    return ErrnoStatus(err, "chown (socket group)", path);
  }
  if (::chmod(path.c_str(), group.has_value() ? 0660 : 0600) != 0 || ::listen(fd, 128) != 0) {
    int err = errno;
    ::close(fd);
    return ErrnoStatus(err, "listen", path);
  }
  return std::unique_ptr<UnixListener>(new UnixListener(path, fd, group));
}

bool UnixListener::Admits(const PeerCred& cred) const {
  if (cred.uid == 0 || cred.uid == ::geteuid()) return true;
  return group_.has_value() && cred.InGroup(*group_);
}

void UnixListener::Start(grpc::Server* server) {
  thread_ = std::thread([this, server] { AcceptLoop(server); });
}

void UnixListener::Stop() {
  if (stop_.exchange(true)) return;
  if (thread_.joinable()) thread_.join();
  ::unlink(path_.c_str());
}

void UnixListener::AcceptLoop(grpc::Server* server) {
  while (!stop_.load()) {
    struct pollfd pfd = {fd_, POLLIN, 0};
    int n = ::poll(&pfd, 1, 200);
    if (n <= 0) continue;
    // gRPC expects a non-blocking fd.
    int conn = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
    if (conn < 0) {
      if (errno != EINTR && errno != EAGAIN) Log()->warn("accept on {}: {}", path_, std::strerror(errno));
      continue;
    }
    absl::StatusOr<PeerCred> cred = GetPeerCred(conn);
    if (!cred.ok() || !Admits(*cred)) {
      Log()->warn("{}: connection refused ({})", path_,
                  cred.ok() ? absl::StrCat("uid ", cred->uid, " not allowed") : cred.status().ToString());
      ::close(conn);
      continue;
    }
    {
      // Recorded before gRPC sees the fd; a reused fd number overwrites the
      // entry of a connection that is closed by now.
      absl::MutexLock lock(&mu_);
      peers_[conn] = *cred;
    }
    // gRPC takes the fd over (and closes it when the connection ends).
    grpc::AddInsecureChannelFromFd(server, conn);
  }
}

std::optional<PeerCred> UnixListener::Lookup(const std::string& peer) const {
  // gRPC names fd-based connections "fd:<n>".
  if (!peer.starts_with("fd:")) return std::nullopt;
  int fd = 0;
  if (!absl::SimpleAtoi(peer.substr(3), &fd)) return std::nullopt;
  absl::MutexLock lock(&mu_);
  auto it = peers_.find(fd);
  if (it == peers_.end()) return std::nullopt;
  return it->second;
}

}  // namespace vmd::daemon
