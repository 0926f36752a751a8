// gRPC status and stop reason -> exit status and message; see exit_codes.h.
#include "client/vmctl/exit_codes.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace vmd::vmctl {

int ExitCodeForStatus(const grpc::Status& status) {
  switch (status.error_code()) {
    case grpc::StatusCode::OK: return kExitOk;
    case grpc::StatusCode::NOT_FOUND: return kExitNotFound;
    case grpc::StatusCode::ALREADY_EXISTS: return kExitAlreadyExists;
    case grpc::StatusCode::FAILED_PRECONDITION: return kExitFailedPrecondition;
    case grpc::StatusCode::INVALID_ARGUMENT: return kExitInvalidArgument;
    case grpc::StatusCode::PERMISSION_DENIED:
    case grpc::StatusCode::UNAUTHENTICATED: return kExitPermissionDenied;
    case grpc::StatusCode::RESOURCE_EXHAUSTED: return kExitResourceExhausted;
    case grpc::StatusCode::DEADLINE_EXCEEDED: return kExitTimeout;
    case grpc::StatusCode::UNAVAILABLE: return kExitUnavailable;
    case grpc::StatusCode::OUT_OF_RANGE: return kExitOutOfRange;
    case grpc::StatusCode::CANCELLED: return kExitCancelled;
    default: return kExitError;
  }
}

int ExitCodeForStop(v1::StopReason reason) {
  switch (reason) {
    case v1::STOP_REASON_GUEST_POWER_OFF:
    case v1::STOP_REASON_STOP_REQUESTED: return kExitOk;
    case v1::STOP_REASON_GUEST_RESET: return kExitVmGuestReset;
    case v1::STOP_REASON_STOP_FORCED: return kExitVmStopForced;
    case v1::STOP_REASON_KILLED: return kExitVmKilled;
    case v1::STOP_REASON_WORKER_CRASHED: return kExitVmWorkerCrashed;
    case v1::STOP_REASON_START_FAILED: return kExitVmStartFailed;
    case v1::STOP_REASON_GUEST_ERROR: return kExitVmGuestError;
    default: return kExitVmUnknown;
  }
}

std::string MessageForStatus(const grpc::Status& status, const std::string& vm,
                             const std::string& host_display) {
  const std::string& detail = status.error_message();
  switch (status.error_code()) {
    case grpc::StatusCode::UNAVAILABLE: {
      std::string hint;
      if (absl::StartsWith(host_display, "unix://")) {
        std::string path = host_display.substr(7);
        std::string dir = path.substr(0, path.rfind('/'));
        hint = absl::StrCat(": is it running? start it with `vmd --state-dir ", dir,
                            "` or `systemctl start vmd`");
      } else {
        hint = absl::StrCat(": is it running and listening there? (", detail, ")");
      }
      return absl::StrCat("cannot reach vmd at ", host_display, hint);
    }
    case grpc::StatusCode::NOT_FOUND:
      if (!vm.empty()) return absl::StrCat("vm \"", vm, "\": not found");
      break;
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      if (detail.empty() || detail == "Deadline Exceeded") {
        return vm.empty() ? "timed out" : absl::StrCat("vm \"", vm, "\": timed out");
      }
      break;
    case grpc::StatusCode::UNAUTHENTICATED:
    case grpc::StatusCode::PERMISSION_DENIED:
      return absl::StrCat("permission denied by vmd at ", host_display,
                          detail.empty() ? "" : ": ", detail);
    default:
      break;
  }
  std::string text = detail.empty() ? absl::StrCat("error code ", static_cast<int>(status.error_code())) : detail;
  // Daemon messages usually name the VM already ("vm \"web\": ..."); say it
  // once only.
  if (!vm.empty() && !absl::StrContains(text, absl::StrCat("\"", vm, "\""))) {
    return absl::StrCat("vm \"", vm, "\": ", text);
  }
  return text;
}

}  // namespace vmd::vmctl
