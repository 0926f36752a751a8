// Private to the supervisor (supervisor.cc, supervisor_stop.cc): the record
// of one worker process and small helpers both files use.
#ifndef VMD_DAEMON_SUPERVISOR_HANDLE_H_
#define VMD_DAEMON_SUPERVISOR_HANDLE_H_

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "daemon/stop_info.h"
#include "daemon/supervisor.h"
#include "grpcpp/grpcpp.h"

namespace vmd::daemon {

inline std::chrono::system_clock::time_point Deadline(absl::Duration d) {
  return absl::ToChronoTime(absl::Now() + d);
}

inline std::string Dur(absl::Duration d) { return absl::FormatDuration(d); }

// One worker process, from spawn (or re-attach) to its end.
struct Supervisor::Handle {
  std::string id;
  pid_t pid = 0;
  bool is_child = false;  // spawned by this vmd: waitpid works
  std::shared_ptr<grpc::Channel> channel;
  std::shared_ptr<worker::Worker::Stub> stub;

  absl::Mutex mu;
  StopIntent intent ABSL_GUARDED_BY(mu) = StopIntent::kNone;
  bool sigkilled ABSL_GUARDED_BY(mu) = false;
  bool reaped ABSL_GUARDED_BY(mu) = false;
  std::optional<int> wait_status ABSL_GUARDED_BY(mu);
  grpc::ClientContext* watch_ctx ABSL_GUARDED_BY(mu) = nullptr;
  bool detached ABSL_GUARDED_BY(mu) = false;

  absl::Notification finished;        // STOPPED recorded
  absl::Notification watcher_exited;  // the watcher thread is done with `this`
  std::atomic<bool> finishing{false};
};

}  // namespace vmd::daemon

#endif  // VMD_DAEMON_SUPERVISOR_HANDLE_H_
