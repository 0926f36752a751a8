// The console's recent output, kept in the worker so an attaching client gets
// history first and then live output, and several clients can follow at once
// without slowing the guest: the writer never blocks, slow readers skip ahead.
// Offsets are absolute (bytes since the VM started), so readers resume exactly.
#ifndef VMD_ENGINE_VM_CONSOLE_RING_H_
#define VMD_ENGINE_VM_CONSOLE_RING_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace vmd {

class ConsoleRing {
 public:
  explicit ConsoleRing(size_t capacity);

  // Appends output; the oldest bytes fall out when the ring is full.
  void Append(const uint8_t* data, size_t len);

  // Absolute offsets: [begin(), end()) is what the ring still holds.
  uint64_t begin() const;
  uint64_t end() const;

  // Copies up to `max` bytes starting at absolute offset `from` (moved up to
  // begin() if older bytes are gone) into `out`; returns the offset after them.
  uint64_t ReadFrom(uint64_t from, size_t max, std::string* out) const;

  // Offset at which the last `history_bytes` bytes start.
  uint64_t HistoryStart(uint64_t history_bytes) const;

  // Waits until data past `from` exists, the ring is closed, or `timeout`
  // passes. Returns true when data is available.
  bool WaitForData(uint64_t from, absl::Duration timeout) const;

  // Wakes every waiter for good (the VM is gone).
  void Close();
  bool closed() const;

 private:
  const size_t capacity_;
  mutable absl::Mutex mu_;
  std::vector<uint8_t> buf_ ABSL_GUARDED_BY(mu_);
  uint64_t end_ ABSL_GUARDED_BY(mu_) = 0;
  bool closed_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace vmd

#endif  // VMD_ENGINE_VM_CONSOLE_RING_H_
