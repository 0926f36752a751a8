#include "daemon/stop_info.h"

#include <sys/wait.h>

#include <cstring>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "google/protobuf/util/time_util.h"

namespace vmd::daemon {

v1::StopInfo DecideStopInfo(const WorkerEnd& end) {
  v1::StopInfo info;
  if (end.record.has_value() && end.record->reason() != v1::STOP_REASON_UNSPECIFIED) {
    info.set_reason(end.record->reason());
    info.set_detail(end.record->detail());
    if (end.record->has_time()) *info.mutable_time() = end.record->time();
    // The guest answered our power button in time.
    if (end.record->reason() == v1::STOP_REASON_GUEST_POWER_OFF &&
        end.intent == StopIntent::kPowerButton) {
      info.set_reason(v1::STOP_REASON_STOP_REQUESTED);
      if (info.detail().empty()) info.set_detail("the guest powered off after the power button");
    }
  } else if (end.sigkilled_by_us && end.intent == StopIntent::kForced) {
    info.set_reason(v1::STOP_REASON_STOP_FORCED);
    info.set_detail("the worker did not exit after Shutdown; killed with SIGKILL");
  } else if (end.sigkilled_by_us && end.intent == StopIntent::kKilled) {
    info.set_reason(v1::STOP_REASON_KILLED);
    info.set_detail("killed with SIGKILL");
  } else {
    info.set_reason(v1::STOP_REASON_WORKER_CRASHED);
    if (!end.wait_status.has_value()) {
      info.set_detail("worker crashed (exit status unknown)");
    } else if (WIFSIGNALED(*end.wait_status)) {
      int sig = WTERMSIG(*end.wait_status);
      info.set_signal(sig);
      info.set_detail(absl::StrCat("worker crashed (killed by signal ", sig, ", ",
                                   ::strsignal(sig), ")"));
    } else if (WIFEXITED(*end.wait_status)) {
      int code = WEXITSTATUS(*end.wait_status);
      info.set_exit_status(code);
      info.set_detail(absl::StrCat("worker crashed (exit status ", code, ", no exit record)"));
    } else {
      info.set_detail("worker crashed (exit status unknown)");
    }
  }
  if (!info.has_time()) {
    *info.mutable_time() =
        google::protobuf::util::TimeUtil::NanosecondsToTimestamp(absl::GetCurrentTimeNanos());
  }
  return info;
}

std::vector<v1::Event> EventsForChange(v1::VmState current, const worker::StateChange& change) {
  std::vector<v1::Event> out;
  if (change.reset_source() != v1::RESET_SOURCE_UNSPECIFIED) {
    v1::Event e;
    e.set_type(v1::EVENT_TYPE_RESET);
    e.set_state(current);
    e.set_reset_source(change.reset_source());
    e.set_detail(change.detail());
    out.push_back(std::move(e));
    return out;
  }
  if (change.state() == current || change.state() == v1::VM_STATE_STOPPED ||
      change.state() == v1::VM_STATE_UNSPECIFIED) {
    return out;
  }
  v1::Event e;
  e.set_state(change.state());
  e.set_detail(change.detail());
  switch (change.state()) {
    case v1::VM_STATE_STARTING:
      e.set_type(v1::EVENT_TYPE_STARTING);
      break;
    case v1::VM_STATE_RUNNING:
      e.set_type(current == v1::VM_STATE_PAUSED ? v1::EVENT_TYPE_RESUMED : v1::EVENT_TYPE_RUNNING);
      break;
    case v1::VM_STATE_PAUSED:
      e.set_type(v1::EVENT_TYPE_PAUSED);
      break;
    case v1::VM_STATE_STOPPING:
      e.set_type(v1::EVENT_TYPE_STOPPING);
      break;
    default:
      return out;
  }
  out.push_back(std::move(e));
  return out;
}

}  // namespace vmd::daemon
