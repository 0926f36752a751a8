// Pure decisions of the supervisor, kept apart so they test without
// processes: how a worker's exit (record, daemon intent, waitpid status)
// becomes the VM's StopInfo, and which journal events a worker StateChange
// produces (DECISIONS.md "Daemon and workers", worker.proto ExitRecord).
#ifndef VMD_DAEMON_STOP_INFO_H_
#define VMD_DAEMON_STOP_INFO_H_

#include <optional>
#include <vector>

#include "vmd/v1/vmd.pb.h"
#include "vmd/worker/worker.pb.h"

namespace vmd::daemon {

// What the daemon itself asked of the worker before it ended.
enum class StopIntent {
  kNone,
  kPowerButton,  // StopVm pressed the button (a guest power-off is STOP_REQUESTED)
  kForced,       // StopVm's timeout passed (Shutdown STOP_FORCED, maybe SIGKILL)
  kKilled,       // KillVm / DeleteVm force
};

struct WorkerEnd {
  std::optional<worker::ExitRecord> record;  // from WatchState or exit.json
  StopIntent intent = StopIntent::kNone;
  bool sigkilled_by_us = false;
  std::optional<int> wait_status;  // waitpid status when the worker was our child
};

v1::StopInfo DecideStopInfo(const WorkerEnd& end);

// Events (type, state, reset source, detail; no ids) for `change` while the
// VM is in `current`. STOPPED is not handled here (the supervisor finishes
// the worker); a change to the current state yields nothing.
std::vector<v1::Event> EventsForChange(v1::VmState current, const worker::StateChange& change);

}  // namespace vmd::daemon

#endif  // VMD_DAEMON_STOP_INFO_H_
