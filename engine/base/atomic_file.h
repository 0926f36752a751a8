// Crash-safe file writes for the daemon's state directory (spec.json,
// state.json, events.log compaction) and the worker's exit.json: a reader sees the old or the new
// contents, never a mix. Used by the registry, the event journal and vmm's worker mode.
#ifndef VMD_ENGINE_BASE_ATOMIC_FILE_H_
#define VMD_ENGINE_BASE_ATOMIC_FILE_H_

#include <sys/types.h>

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace vmd {

// Writes `contents` to a temporary file in the same directory as `path`,
// fsyncs it, renames it over `path` and fsyncs the directory, so the new
// contents survive a crash or power loss once this returns OK. The temporary
// file is removed on failure.
absl::Status WriteFileAtomically(const std::string& path, std::string_view contents,
                                 mode_t mode = 0644);

// The whole file. NOT_FOUND if it does not exist.
absl::StatusOr<std::string> ReadFileToString(const std::string& path);

// fsync on a directory, making renames and creations inside it durable.
absl::Status FsyncDirectory(const std::string& dir);

// The directory part of `path` ("." if none).
std::string DirName(const std::string& path);

// A Status for a failed syscall: "<what> <path>: <strerror>", with the code
// that best matches errno (NOT_FOUND, PERMISSION_DENIED, ...).
absl::Status ErrnoStatus(int err, std::string_view what, std::string_view path);

}  // namespace vmd

#endif  // VMD_ENGINE_BASE_ATOMIC_FILE_H_
