// The long-lived RPCs of vmd.v1.Vmd: WaitVm, AttachConsole (a reactor in
// console_proxy.cc proxying the worker's Console stream), GetConsoleLog (console.log on disk) and
// WatchEvents (the journal). Each polls with a short timeout and checks
// IsCancelled, so a departed client frees its thread promptly.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "daemon/atomic_file.h"
#include "daemon/console_proxy.h"
#include "daemon/vmd_service.h"
#include "engine/base/logging.h"

namespace vmd::daemon {
namespace {

constexpr uint64_t kDefaultAttachHistory = 64 * 1024;
constexpr size_t kChunk = 64 * 1024;
constexpr absl::Duration kPoll = absl::Milliseconds(200);

absl::Time CallDeadline(grpc::ServerContext* ctx) {
  auto d = ctx->deadline();
  if (d == std::chrono::system_clock::time_point::max()) return absl::InfiniteFuture();
  return absl::FromChrono(d);
}

// Reads `path` from `offset` to its end (empty if it does not exist).
std::string ReadFrom(const std::string& path, uint64_t offset) {
  std::string out;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return out;
  char buf[kChunk];
  for (;;) {
    ssize_t n = ::pread(fd, buf, sizeof(buf), static_cast<off_t>(offset));
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
    offset += static_cast<uint64_t>(n);
  }
  ::close(fd);
  return out;
}

bool WriteChunks(grpc::ServerWriter<v1::ConsoleOutput>* writer, const std::string& data,
                 bool history) {
  for (size_t pos = 0; pos < data.size(); pos += kChunk) {
    v1::ConsoleOutput out;
    out.set_data(data.substr(pos, kChunk));
    out.set_history(history);
    if (!writer->Write(out)) return false;
  }
  return true;
}

}  // namespace

grpc::Status VmdService::WaitVm(grpc::ServerContext* ctx, const v1::WaitVmRequest* req,
                                v1::WaitVmResponse* resp) {
  std::set<int> states(req->states().begin(), req->states().end());
  for (int s : states) {
    if (!v1::VmState_IsValid(s) || s == v1::VM_STATE_UNSPECIFIED) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, absl::StrCat("states: unknown state ", s));
    }
  }
  if (states.empty()) states.insert(v1::VM_STATE_STOPPED);
  absl::Time deadline = CallDeadline(ctx);
  if (req->has_timeout()) {
    const auto& t = req->timeout();
    if (t.seconds() < 0 || t.nanos() < 0) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "timeout: must not be negative");
    }
    if (t.seconds() > 0 || t.nanos() > 0) {
      deadline = std::min(deadline, absl::Now() + absl::Seconds(t.seconds()) + absl::Nanoseconds(t.nanos()));
    }
  }
  absl::StatusOr<v1::Vm> vm = Find(req->vm());
  if (!vm.ok()) return ToGrpc(vm.status());
  absl::StatusOr<bool> reached = supervisor_->WaitFor(
      vm->id(), [&](const v1::Vm& v) { return states.contains(v.state()); }, deadline,
      [ctx] { return ctx->IsCancelled(); });
  if (!reached.ok()) {
    return grpc::Status(grpc::StatusCode::NOT_FOUND,
                        absl::StrCat("vm \"", req->vm(), "\": deleted while waiting"));
  }
  if (!*reached) {
    if (ctx->IsCancelled()) return grpc::Status::CANCELLED;
    return grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED,
                        absl::StrCat("vm \"", req->vm(), "\": not in the wanted state in time"));
  }
  vm = Find(vm->id());
  if (!vm.ok()) return ToGrpc(vm.status());
  *resp->mutable_vm() = *vm;
  return grpc::Status::OK;
}

grpc::ServerBidiReactor<v1::AttachConsoleRequest, v1::ConsoleOutput>* VmdService::AttachConsole(
    grpc::CallbackServerContext*) {
  return StartConsoleProxy([this](const v1::ConsoleAttach& attach) {
    ConsoleTarget target;
    absl::StatusOr<v1::Vm> vm = Find(attach.vm());
    if (!vm.ok()) {
      target.status = ToGrpc(vm.status());
      return target;
    }
    absl::StatusOr<std::shared_ptr<worker::Worker::Stub>> stub = supervisor_->Stub(vm->id());
    if (!stub.ok() || !HasWorker(vm->state())) {
      target.status =
          grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                       absl::StrCat("vm \"", attach.vm(), "\": has no worker; use GetConsoleLog"));
      return target;
    }
    target.stub = *stub;
    target.history_bytes = std::min<uint64_t>(
        attach.has_history_bytes() ? attach.history_bytes() : kDefaultAttachHistory,
        vm->spec().console_ring_bytes());
    return target;
  });
}

grpc::Status VmdService::GetConsoleLog(grpc::ServerContext* ctx, const v1::GetConsoleLogRequest* req,
                                       grpc::ServerWriter<v1::ConsoleOutput>* writer) {
  if (req->has_tail_bytes() && req->has_tail_lines()) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "tail_bytes, tail_lines: at most one of the two");
  }
  absl::StatusOr<v1::Vm> vm = Find(req->vm());
  if (!vm.ok()) return ToGrpc(vm.status());
  const std::string path = registry_->VmDir(vm->id()) + "/console.log";
  struct stat st = {};
  bool have = ::stat(path.c_str(), &st) == 0;
  uint64_t offset = have ? static_cast<uint64_t>(st.st_size) : 0;
  ino_t inode = have ? st.st_ino : 0;
  std::string data = ReadFrom(path + ".1", 0) + ReadFrom(path, 0).substr(0, offset);
  if (req->has_tail_bytes() && data.size() > req->tail_bytes()) {
    data.erase(0, data.size() - req->tail_bytes());
  } else if (req->has_tail_lines()) {
    // The last N lines; a final line without its newline counts as one.
    size_t pos = data.size();
    uint32_t lines = 0;
    if (pos > 0 && data[pos - 1] == '\n') --pos;
    while (pos > 0 && lines < req->tail_lines()) {
      size_t nl = data.rfind('\n', pos - 1);
      ++lines;
      if (nl == std::string::npos) {
        pos = 0;
        break;
      }
      if (lines == req->tail_lines()) {
        pos = nl + 1;
        break;
      }
      pos = nl;
    }
    if (req->tail_lines() == 0) pos = data.size();
    data.erase(0, pos);
  }
  if (!WriteChunks(writer, data, true)) return grpc::Status::OK;
  if (!req->follow()) return grpc::Status::OK;

  for (;;) {
    absl::StatusOr<v1::Vm> now = Find(vm->id());
    bool running = now.ok() && HasWorker(now->state());
    if (::stat(path.c_str(), &st) == 0) {
      if (st.st_ino != inode) {  // rotated: the rest of the old file, then the new one
        if (!WriteChunks(writer, ReadFrom(path + ".1", offset), false)) return grpc::Status::OK;
        inode = st.st_ino;
        offset = 0;
      }
      if (static_cast<uint64_t>(st.st_size) > offset) {
        std::string more = ReadFrom(path, offset);
        offset += more.size();
        if (!WriteChunks(writer, more, false)) return grpc::Status::OK;
      }
    }
    if (!running || ctx->IsCancelled()) return grpc::Status::OK;
    absl::SleepFor(absl::Milliseconds(100));
  }
}

grpc::Status VmdService::WatchEvents(grpc::ServerContext* ctx, const v1::WatchEventsRequest* req,
                                     grpc::ServerWriter<v1::Event>* writer) {
  std::set<std::string> vms;
  for (const std::string& v : req->vms()) {
    absl::StatusOr<v1::Vm> vm = Find(v);
    vms.insert(vm.ok() ? vm->id() : v);  // an unknown id may still be one of a VM deleted
  }
  std::set<int> types(req->types().begin(), req->types().end());
  for (int t : types) {
    if (!v1::EventType_IsValid(t)) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, absl::StrCat("types: unknown type ", t));
    }
  }
  auto out_of_range = [&](const absl::Status& s) {
    ctx->AddTrailingMetadata("vmd-oldest-sequence", std::to_string(journal_->oldest_sequence()));
    return ToGrpc(s);
  };
  uint64_t after = req->has_since_sequence() ? req->since_sequence() : journal_->last_sequence();
  for (;;) {
    absl::StatusOr<std::vector<v1::Event>> events = journal_->Since(after);
    if (!events.ok()) {
      if (absl::IsOutOfRange(events.status())) return out_of_range(events.status());
      return ToGrpc(events.status());
    }
    for (const v1::Event& e : *events) {
      after = e.sequence();
      if (!vms.empty() && !vms.contains(e.vm_id())) continue;
      if (!types.empty() && !types.contains(e.type())) continue;
      if (!writer->Write(e)) return grpc::Status::OK;
    }
    if (ctx->IsCancelled()) return grpc::Status::CANCELLED;
    journal_->WaitForEventsAfter(after, absl::Now() + kPoll);
  }
}

}  // namespace vmd::daemon
