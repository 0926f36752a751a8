#include "daemon/event_journal.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"
#include "daemon/atomic_file.h"
#include "engine/base/logging.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/time_util.h"

namespace vmd::daemon {
namespace {

std::shared_ptr<spdlog::logger> Log() { return vmd::Logger("events"); }

absl::StatusOr<std::string> EventLine(const v1::Event& event) {
  std::string json;
  auto status = google::protobuf::util::MessageToJsonString(event, &json);
  if (!status.ok()) {
    return absl::InternalError(
        absl::StrCat("event ", event.sequence(), ": to JSON: ", status.ToString()));
  }
  json.push_back('\n');
  return json;
}

}  // namespace

EventJournal::EventJournal(std::string path, JournalOptions options)
    : path_(std::move(path)), options_(options) {}

EventJournal::~EventJournal() {
  absl::MutexLock lock(&append_mu_);
  if (fd_ >= 0) ::close(fd_);
}

absl::StatusOr<std::unique_ptr<EventJournal>> EventJournal::Open(std::string path,
                                                                 JournalOptions options) {
  if (options.max_events == 0) options.max_events = 1;
  std::unique_ptr<EventJournal> journal(new EventJournal(std::move(path), options));
  absl::Status status = journal->Load();
  if (!status.ok()) return status;
  return journal;
}

absl::Status EventJournal::Load() {
  absl::MutexLock append_lock(&append_mu_);
  absl::MutexLock lock(&mu_);
  std::string data;
  absl::StatusOr<std::string> read = ReadFileToString(path_);
  if (read.ok()) {
    data = std::move(read).value();
  } else if (!absl::IsNotFound(read.status())) {
    return read.status();
  }

  bool needs_rewrite = false;
  size_t pos = 0;
  size_t line_no = 0;
  google::protobuf::util::JsonParseOptions parse_options;
  parse_options.ignore_unknown_fields = true;  // written by a newer vmd
  while (pos < data.size()) {
    size_t end = data.find('\n', pos);
    ++line_no;
    if (end == std::string::npos) {
      Log()->warn("{}: dropping a torn last line ({} bytes) at line {}", path_,
                  data.size() - pos, line_no);
      needs_rewrite = true;
      break;
    }
    std::string line = data.substr(pos, end - pos);
    pos = end + 1;
    v1::Event event;
    auto parsed = google::protobuf::util::JsonStringToMessage(line, &event, parse_options);
    if (!parsed.ok() || event.sequence() == 0) {
      Log()->warn("{}: skipping corrupt line {}: {}", path_, line_no,
                  parsed.ok() ? std::string("no sequence") : parsed.ToString());
      needs_rewrite = true;
      continue;
    }
    if (event.sequence() <= last_sequence_) {
      Log()->warn("{}: skipping line {}: sequence {} does not follow {}", path_, line_no,
                  event.sequence(), last_sequence_);
      needs_rewrite = true;
      continue;
    }
    last_sequence_ = event.sequence();
    line.push_back('\n');
    kept_bytes_ += line.size();
    entries_.push_back(Entry{std::move(event), std::move(line)});
  }
  file_events_ = entries_.size();
  file_bytes_ = kept_bytes_;
  TrimLocked();
  if (needs_rewrite || file_events_ != entries_.size()) return CompactLocked();
  return OpenForAppendLocked();
}

absl::Status EventJournal::OpenForAppendLocked() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd_ < 0) return ErrnoStatus(errno, "open journal", path_);
  return absl::OkStatus();
}

void EventJournal::TrimLocked() {
  while (entries_.size() > 1 &&
         (entries_.size() > options_.max_events || kept_bytes_ > options_.max_bytes)) {
    kept_bytes_ -= entries_.front().line.size();
    entries_.pop_front();
  }
}

absl::Status EventJournal::CompactLocked() {
  std::string contents;
  contents.reserve(kept_bytes_);
  for (const Entry& entry : entries_) contents += entry.line;
  absl::Status status = WriteFileAtomically(path_, contents, 0600);
  if (!status.ok()) return status;
  file_events_ = entries_.size();
  file_bytes_ = contents.size();
  return OpenForAppendLocked();
}

absl::StatusOr<v1::Event> EventJournal::Append(v1::Event event) {
  absl::MutexLock append_lock(&append_mu_);
  if (fd_ < 0) return absl::FailedPreconditionError(absl::StrCat(path_, ": not open"));
  {
    // Only appenders change last_sequence_, and they are serialised by
    // append_mu_, so it cannot move before we publish below.
    absl::MutexLock lock(&mu_);
    event.set_sequence(last_sequence_ + 1);
  }
  if (!event.has_time()) {
    *event.mutable_time() = google::protobuf::util::TimeUtil::GetCurrentTime();
  }
  absl::StatusOr<std::string> line = EventLine(event);
  if (!line.ok()) return line.status();

  // The write and fsync happen without mu_, so Since() and waiters are not
  // held up by the disk.
  std::string_view rest = *line;
  while (!rest.empty()) {
    ssize_t n = ::write(fd_, rest.data(), rest.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      // Cut off a partial line so the next append starts a clean one.
      if (::ftruncate(fd_, static_cast<off_t>(file_bytes_)) != 0) {
        Log()->error("{}: truncate after failed write: {}", path_, std::strerror(errno));
      }
      return ErrnoStatus(err, "append to journal", path_);
    }
    rest.remove_prefix(static_cast<size_t>(n));
  }
  if (options_.sync_each_append && ::fdatasync(fd_) != 0) {
    return ErrnoStatus(errno, "fdatasync journal", path_);
  }
  file_bytes_ += line->size();
  ++file_events_;
  {
    absl::MutexLock lock(&mu_);
    last_sequence_ = event.sequence();
    kept_bytes_ += line->size();
    entries_.push_back(Entry{event, std::move(line).value()});
    TrimLocked();
    if (file_events_ > options_.max_events + options_.max_events / 4 ||
        file_bytes_ > options_.max_bytes + options_.max_bytes / 4) {
      absl::Status compacted = CompactLocked();
      if (!compacted.ok()) {
        // The event itself is stored; the file is just longer than wanted.
        Log()->warn("{}: compaction failed: {}", path_, compacted.ToString());
      }
    }
  }
  for (const auto& [id, callback] : callbacks_) callback(event);
  return event;
}

absl::StatusOr<std::vector<v1::Event>> EventJournal::Since(uint64_t after) const {
  absl::MutexLock lock(&mu_);
  if (after > last_sequence_) {
    return absl::InvalidArgumentError(absl::StrCat(
        "since_sequence ", after, " is beyond the last event sequence ", last_sequence_));
  }
  std::vector<v1::Event> out;
  if (entries_.empty()) return out;
  uint64_t oldest = entries_.front().event.sequence();
  if (after + 1 < oldest) {
    return absl::OutOfRangeError(absl::StrCat(
        "events after sequence ", after, " are no longer kept; the oldest kept sequence is ",
        oldest));
  }
  auto first = std::upper_bound(
      entries_.begin(), entries_.end(), after,
      [](uint64_t seq, const Entry& entry) { return seq < entry.event.sequence(); });
  out.reserve(static_cast<size_t>(entries_.end() - first));
  for (auto it = first; it != entries_.end(); ++it) out.push_back(it->event);
  return out;
}

bool EventJournal::WaitForEventsAfter(uint64_t after, absl::Time deadline) const {
  absl::MutexLock lock(&mu_);
  auto ready = [this, after]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return shutdown_ || last_sequence_ > after;
  };
  mu_.AwaitWithDeadline(absl::Condition(&ready), deadline);
  return !shutdown_ && last_sequence_ > after;
}

void EventJournal::Shutdown() {
  absl::MutexLock lock(&mu_);
  shutdown_ = true;
}

int EventJournal::Subscribe(Callback callback) {
  absl::MutexLock lock(&append_mu_);
  int id = next_callback_id_++;
  callbacks_.emplace(id, std::move(callback));
  return id;
}

void EventJournal::Unsubscribe(int id) {
  absl::MutexLock lock(&append_mu_);
  callbacks_.erase(id);
}

uint64_t EventJournal::last_sequence() const {
  absl::MutexLock lock(&mu_);
  return last_sequence_;
}

uint64_t EventJournal::oldest_sequence() const {
  absl::MutexLock lock(&mu_);
  return entries_.empty() ? 0 : entries_.front().event.sequence();
}

size_t EventJournal::kept_events() const {
  absl::MutexLock lock(&mu_);
  return entries_.size();
}

size_t EventJournal::kept_bytes() const {
  absl::MutexLock lock(&mu_);
  return kept_bytes_;
}

}  // namespace vmd::daemon
