#include "engine/vm/console_ring.h"

#include <algorithm>

#include "engine/base/check.h"

namespace vmd {

ConsoleRing::ConsoleRing(size_t capacity) : capacity_(capacity), buf_(capacity) {
  CHECK(capacity > 0);
}

void ConsoleRing::Append(const uint8_t* data, size_t len) {
  absl::MutexLock lock(&mu_);
  if (len > capacity_) {  // only the newest capacity_ bytes can be kept
    end_ += len - capacity_;
    data += len - capacity_;
    len = capacity_;
  }
  size_t pos = end_ % capacity_;
  const size_t first = std::min(len, capacity_ - pos);
  std::copy(data, data + first, buf_.begin() + pos);
  std::copy(data + first, data + len, buf_.begin());
  end_ += len;
}

uint64_t ConsoleRing::begin() const {
  absl::MutexLock lock(&mu_);
  return end_ > capacity_ ? end_ - capacity_ : 0;
}

uint64_t ConsoleRing::end() const {
  absl::MutexLock lock(&mu_);
  return end_;
}

uint64_t ConsoleRing::ReadFrom(uint64_t from, size_t max, std::string* out) const {
  absl::MutexLock lock(&mu_);
  const uint64_t oldest = end_ > capacity_ ? end_ - capacity_ : 0;
  from = std::clamp(from, oldest, end_);
  const size_t len = static_cast<size_t>(std::min<uint64_t>(end_ - from, max));
  const size_t pos = from % capacity_;
  const size_t first = std::min(len, capacity_ - pos);
  out->append(reinterpret_cast<const char*>(buf_.data()) + pos, first);
  out->append(reinterpret_cast<const char*>(buf_.data()), len - first);
  return from + len;
}

uint64_t ConsoleRing::HistoryStart(uint64_t history_bytes) const {
  absl::MutexLock lock(&mu_);
  const uint64_t oldest = end_ > capacity_ ? end_ - capacity_ : 0;
  return std::max(oldest, end_ > history_bytes ? end_ - history_bytes : 0);
}

bool ConsoleRing::WaitForData(uint64_t from, absl::Duration timeout) const {
  absl::MutexLock lock(&mu_);
  auto ready = [this, from]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return closed_ || end_ > from; };
  mu_.AwaitWithTimeout(absl::Condition(&ready), timeout);
  return end_ > from;
}

void ConsoleRing::Close() {
  absl::MutexLock lock(&mu_);
  closed_ = true;
}

bool ConsoleRing::closed() const {
  absl::MutexLock lock(&mu_);
  return closed_;
}

}  // namespace vmd
