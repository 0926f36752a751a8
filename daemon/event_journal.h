// The event journal ($STATE/events.log): every VM state change as a
// vmd.v1.Event with a sequence number that grows strictly, also across daemon
// restarts. The API service appends to it and serves WatchEvents from it.
#ifndef VMD_DAEMON_EVENT_JOURNAL_H_
#define VMD_DAEMON_EVENT_JOURNAL_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "vmd/v1/vmd.pb.h"

namespace vmd::daemon {

struct JournalOptions {
  // Retention: the newest events that fit both bounds are kept (the newest
  // one always is). The file on disk is compacted once it holds 25 % more
  // than either bound, so it stays under 1.25x of them.
  size_t max_events = 10000;
  size_t max_bytes = 4 << 20;
  // fsync after every append, so a sequence a watcher has seen is never
  // handed out again after a power loss. Tests may turn it off.
  bool sync_each_append = true;
};

// File format: one event per line, protobuf JSON of vmd.v1.Event (JSON never
// contains a raw newline). A last line without its newline is a torn write and
// is dropped at open; a corrupt line elsewhere is skipped with a warning.
// Thread-safe.
class EventJournal {
 public:
  static absl::StatusOr<std::unique_ptr<EventJournal>> Open(std::string path,
                                                            JournalOptions options = {});
  ~EventJournal();
  EventJournal(const EventJournal&) = delete;
  EventJournal& operator=(const EventJournal&) = delete;

  // Assigns the next sequence (and the time, if unset), writes the event and
  // tells subscribers. Returns the event as stored.
  absl::StatusOr<v1::Event> Append(v1::Event event);

  // Kept events with sequence > `after`, oldest first. OUT_OF_RANGE naming
  // the oldest kept sequence if events after `after` were already dropped;
  // INVALID_ARGUMENT if `after` is beyond the last sequence.
  absl::StatusOr<std::vector<v1::Event>> Since(uint64_t after) const;

  // Blocks until an event with sequence > `after` exists (true), `deadline`
  // passes or the journal is shut down (false).
  bool WaitForEventsAfter(uint64_t after, absl::Time deadline) const;

  // Wakes every waiter for good (daemon shutdown); later waits return at once.
  void Shutdown();

  // Callbacks run on the appending thread, in sequence order, after the event
  // is written. They must be quick and must not call Append,
  // Subscribe or Unsubscribe.
  using Callback = std::function<void(const v1::Event&)>;
  int Subscribe(Callback callback);
  void Unsubscribe(int id);

  uint64_t last_sequence() const;
  // 0 when nothing is kept yet.
  uint64_t oldest_sequence() const;
  size_t kept_events() const;
  size_t kept_bytes() const;
  const std::string& path() const { return path_; }

 private:
  struct Entry {
    v1::Event event;
    // The line as written, newline included: compaction copies it instead of
    // serialising again, and keeps fields a newer vmd wrote.
    std::string line;
  };

  EventJournal(std::string path, JournalOptions options);
  absl::Status Load();
  // Drops the oldest entries until both bounds hold (keeps at least one).
  void TrimLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Rewrites the file with just the kept entries and reopens it for append.
  absl::Status CompactLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(append_mu_, mu_);
  absl::Status OpenForAppendLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(append_mu_);

  const std::string path_;
  const JournalOptions options_;

  // Serialises appends end to end (file write + callbacks), so subscribers
  // see events in sequence order, and owns the file. Taken before mu_.
  absl::Mutex append_mu_ ABSL_ACQUIRED_BEFORE(mu_);
  std::map<int, Callback> callbacks_ ABSL_GUARDED_BY(append_mu_);
  int next_callback_id_ ABSL_GUARDED_BY(append_mu_) = 1;
  int fd_ ABSL_GUARDED_BY(append_mu_) = -1;
  // What the file holds (kept entries plus trimmed ones not yet compacted).
  size_t file_events_ ABSL_GUARDED_BY(append_mu_) = 0;
  size_t file_bytes_ ABSL_GUARDED_BY(append_mu_) = 0;

  // Guards what readers see; held only briefly by appenders.
  mutable absl::Mutex mu_;
  std::deque<Entry> entries_ ABSL_GUARDED_BY(mu_);
  size_t kept_bytes_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t last_sequence_ ABSL_GUARDED_BY(mu_) = 0;
  bool shutdown_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace vmd::daemon

#endif  // VMD_DAEMON_EVENT_JOURNAL_H_
