// Named spdlog loggers, one per subsystem ("vcpu", "gic", "api", ...), and the
// process-wide level taken from a flag or the VMD_LOG environment variable.
#ifndef VMD_ENGINE_BASE_LOGGING_H_
#define VMD_ENGINE_BASE_LOGGING_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "spdlog/spdlog.h"

namespace vmd {

// Returns the logger called `name`, creating it (stderr sink, current level) on
// first use. Safe from any thread.
std::shared_ptr<spdlog::logger> Logger(std::string_view name);

// Parses "trace|debug|info|warn|error|off", optionally followed by per-logger
// overrides: "info,gic=debug,vcpu=trace".
absl::Status SetLogLevels(std::string_view spec);

// Applies $VMD_LOG if set (then `flag_spec` if non-empty, which wins).
absl::Status InitLogging(std::string_view flag_spec = {});

}  // namespace vmd

#endif  // VMD_ENGINE_BASE_LOGGING_H_
