// The daemon uses the atomic file helpers of engine/base (shared with vmm's
// worker mode, which writes exit.json); this keeps their daemon-side names.
#ifndef VMD_DAEMON_ATOMIC_FILE_H_
#define VMD_DAEMON_ATOMIC_FILE_H_

#include "engine/base/atomic_file.h"

namespace vmd::daemon {
using ::vmd::DirName;
using ::vmd::ErrnoStatus;
using ::vmd::FsyncDirectory;
using ::vmd::ReadFileToString;
using ::vmd::WriteFileAtomically;
}  // namespace vmd::daemon

#endif  // VMD_DAEMON_ATOMIC_FILE_H_
