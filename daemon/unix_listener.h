// The public API's unix socket ($STATE/vmd.sock). vmd accepts connections
// itself so it can read each peer's credentials (peer_cred.h) before handing
// the connection to the gRPC server; calls then find their caller by the
// connection's peer name ("fd:N"). main.cc creates it; the API service asks it
// who is calling.
#ifndef VMD_DAEMON_UNIX_LISTENER_H_
#define VMD_DAEMON_UNIX_LISTENER_H_

#include <sys/types.h>

#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "daemon/peer_cred.h"
#include "grpcpp/server.h"

namespace vmd::daemon {

class UnixListener {
 public:
  // Binds `path` (a stale socket there is replaced) with mode 0600, or 0660
  // and group `group` when given. Connections are accepted from root, vmd's
  // own user and (with `group`) members of that group; others are closed.
  static absl::StatusOr<std::unique_ptr<UnixListener>> Create(const std::string& path,
                                                              std::optional<gid_t> group);
  ~UnixListener();

  // Starts accepting; each connection becomes a gRPC channel of `server`.
  void Start(grpc::Server* server);
  // Stops accepting and removes the socket file (existing connections stay).
  void Stop();

  // The credentials of the connection a call's peer string names.
  std::optional<PeerCred> Lookup(const std::string& peer) const;

  // Whether a peer may connect at all (the socket mode says the same; this
  // also holds if someone loosens the mode by hand).
  bool Admits(const PeerCred& cred) const;

  const std::string& path() const { return path_; }

 private:
  UnixListener(std::string path, int fd, std::optional<gid_t> group);
  void AcceptLoop(grpc::Server* server);

  const std::string path_;
  const int fd_;
  const std::optional<gid_t> group_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  mutable absl::Mutex mu_;
  std::map<int, PeerCred> peers_ ABSL_GUARDED_BY(mu_);  // by connection fd
};

}  // namespace vmd::daemon

#endif  // VMD_DAEMON_UNIX_LISTENER_H_
