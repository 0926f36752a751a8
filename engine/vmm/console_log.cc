#include "engine/vmm/console_log.h"

#include <cstdio>

namespace vmd {

ConsoleLog::ConsoleLog(std::string path, uint64_t rotate_bytes)
    : path_(std::move(path)), rotate_bytes_(rotate_bytes) {
  absl::MutexLock lock(&mu_);
  OpenLocked();
}

ConsoleLog::~ConsoleLog() {
  absl::MutexLock lock(&mu_);
  if (file_ != nullptr) std::fclose(file_);
}

void ConsoleLog::OpenLocked() {
  file_ = std::fopen(path_.c_str(), "ab");
  size_ = 0;
  if (file_ != nullptr) {
    std::fseek(file_, 0, SEEK_END);
    long pos = std::ftell(file_);
    size_ = pos > 0 ? static_cast<uint64_t>(pos) : 0;
  }
}

void ConsoleLog::Append(const uint8_t* data, size_t len) {
  absl::MutexLock lock(&mu_);
  if (file_ == nullptr) return;  // the log is best effort; the ring still has the output
  if (size_ + len > rotate_bytes_ && size_ > 0) {
    std::fclose(file_);
    std::rename(path_.c_str(), (path_ + ".1").c_str());
    OpenLocked();
    if (file_ == nullptr) return;
  }
  size_ += std::fwrite(data, 1, len, file_);
  // Line-at-a-time flushing keeps `vmctl logs -f` current without a syscall per byte.
  for (size_t i = 0; i < len; ++i) {
    if (data[i] == '\n') {
      std::fflush(file_);
      break;
    }
  }
}

void ConsoleLog::Flush() {
  absl::MutexLock lock(&mu_);
  if (file_ != nullptr) std::fflush(file_);
}

}  // namespace vmd
