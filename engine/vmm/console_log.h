// console.log in the VM's directory: everything the guest printed, so `vmctl
// logs` works after the worker is gone. Rotated at a size limit (one previous
// file, console.log.1) so a chatty guest cannot fill the disk.
#ifndef VMD_ENGINE_VMM_CONSOLE_LOG_H_
#define VMD_ENGINE_VMM_CONSOLE_LOG_H_

#include <cstdint>
#include <cstdio>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace vmd {

class ConsoleLog {
 public:
  static constexpr uint64_t kDefaultRotateBytes = 8ull << 20;
  explicit ConsoleLog(std::string path, uint64_t rotate_bytes = kDefaultRotateBytes);
  ~ConsoleLog();
  ConsoleLog(const ConsoleLog&) = delete;
  ConsoleLog& operator=(const ConsoleLog&) = delete;

  void Append(const uint8_t* data, size_t len);
  void Flush();

 private:
  void OpenLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const std::string path_;
  const uint64_t rotate_bytes_;
  absl::Mutex mu_;
  FILE* file_ ABSL_GUARDED_BY(mu_) = nullptr;
  uint64_t size_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace vmd

#endif  // VMD_ENGINE_VMM_CONSOLE_LOG_H_
