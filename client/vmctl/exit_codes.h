// vmctl's exit statuses: one per class of failure (gRPC code) and, for `wait`
// and `run`, one per way a VM can end. Scripts rely on these numbers; they are
// documented in docs/vmctl.md and never renumbered.
#ifndef VMD_CLIENT_VMCTL_EXIT_CODES_H_
#define VMD_CLIENT_VMCTL_EXIT_CODES_H_

#include <string>

#include "grpcpp/support/status.h"
#include "vmd/v1/vmd.pb.h"

namespace vmd::vmctl {

enum ExitCode : int {
  kExitOk = 0,
  kExitError = 1,               // anything not listed below (INTERNAL, UNKNOWN, ...)
  kExitUsage = 2,               // bad command line
  kExitNotFound = 3,            // NOT_FOUND
  kExitAlreadyExists = 4,       // ALREADY_EXISTS
  kExitFailedPrecondition = 5,  // FAILED_PRECONDITION (wrong state for the verb)
  kExitInvalidArgument = 6,     // INVALID_ARGUMENT (the daemon refused a value)
  kExitPermissionDenied = 7,    // PERMISSION_DENIED, UNAUTHENTICATED
  kExitResourceExhausted = 8,   // RESOURCE_EXHAUSTED (host limits)
  kExitTimeout = 9,             // DEADLINE_EXCEEDED (e.g. wait --timeout)
  kExitUnavailable = 10,        // UNAVAILABLE: the daemon cannot be reached
  kExitOutOfRange = 11,         // OUT_OF_RANGE (events --since too old)
  kExitCancelled = 12,          // CANCELLED
  // How a VM ended (wait, run). GUEST_POWER_OFF and STOP_REQUESTED are 0.
  kExitVmGuestReset = 20,       // guest reset with --on-reboot stop
  kExitVmStopForced = 21,       // stop timed out and the VM was killed
  kExitVmKilled = 22,           // kill, or rm --force
  kExitVmWorkerCrashed = 23,    // the worker process died
  kExitVmStartFailed = 24,      // the machine could not be built
  kExitVmGuestError = 25,       // the VM failed (e.g. an unhandled exit)
  kExitVmUnknown = 26,          // stopped without a known reason
};

int ExitCodeForStatus(const grpc::Status& status);
int ExitCodeForStop(v1::StopReason reason);

// The one-line message (without the "vmctl: " prefix) for a failed RPC.
// `vm` is the VM the verb named ("" if none); `host_display` the daemon
// address, for UNAVAILABLE.
std::string MessageForStatus(const grpc::Status& status, const std::string& vm,
                             const std::string& host_display);

}  // namespace vmd::vmctl

#endif  // VMD_CLIENT_VMCTL_EXIT_CODES_H_
