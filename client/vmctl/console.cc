// The streaming verbs of vmctl: attach (and start --attach, run), logs,
// events, plus regs' text rendering; see commands.h.
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "client/vmctl/commands.h"
#include "client/vmctl/exit_codes.h"
#include "client/vmctl/format.h"
#include "grpcpp/grpcpp.h"

namespace vmd::vmctl {
namespace {

// How long `run` waits for vmd to confirm an attach before resuming anyway.
constexpr absl::Duration kAttachConfirmWait = absl::Seconds(10);

// Puts a terminal in raw mode for the lifetime of the object, so every key
// (Ctrl-C included) goes to the guest; restores it on every exit path.
class RawTerminal {
 public:
  explicit RawTerminal(int fd) : fd_(fd) {
    if (!isatty(fd_) || tcgetattr(fd_, &saved_) != 0) return;
    termios raw = saved_;
    cfmakeraw(&raw);
    active_ = tcsetattr(fd_, TCSANOW, &raw) == 0;
  }
  ~RawTerminal() {
    if (active_) tcsetattr(fd_, TCSANOW, &saved_);
  }
  RawTerminal(const RawTerminal&) = delete;
  RawTerminal& operator=(const RawTerminal&) = delete;

 private:
  int fd_;
  termios saved_{};
  bool active_ = false;
};

class Pipe {
 public:
  Pipe() {
    if (pipe(fds_) != 0) fds_[0] = fds_[1] = -1;
  }
  ~Pipe() {
    for (int fd : fds_) {
      if (fd >= 0) close(fd);
    }
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  int read_fd() const { return fds_[0]; }
  void Signal() {
    char c = 1;
    [[maybe_unused]] ssize_t n = write(fds_[1], &c, 1);
  }

 private:
  int fds_[2];
};

}  // namespace

grpc::Status Commands::AttachLoop(const std::string& vm, const AttachOptions& options,
                                  bool* detached, const std::function<void()>& on_attached) {
  *detached = false;
  grpc::ClientContext ctx;
  std::unique_ptr<grpc::ClientReaderWriterInterface<v1::AttachConsoleRequest, v1::ConsoleOutput>>
      stream = stub_->AttachConsole(&ctx);
  v1::AttachConsoleRequest first;
  first.mutable_attach()->set_vm(vm);
  first.mutable_attach()->set_read_only(options.read_only);
  if (!stream->Write(first)) return stream->Finish();

  Pipe ended;
  // on_attached runs once the attach is live: vmd's first message (the
  // history, or an empty one) says so. A vmd that never sends one (older
  // than that rule) gets the call after kAttachConfirmWait anyway.
  absl::Notification live;
  const bool tty = isatty(io_.in_fd);
  if (tty) {
    *io_.err << "vmctl: attached to " << vm << "; detach with " << options.detach_keys_text
             << "\n";
    io_.err->flush();
  }
  RawTerminal raw(io_.in_fd);
  std::thread reader([&] {
    v1::ConsoleOutput output;
    while (stream->Read(&output)) {
      io_.out->write(output.data().data(), static_cast<std::streamsize>(output.data().size()));
      io_.out->flush();
      if (!live.HasBeenNotified()) live.Notify();
    }
    if (!live.HasBeenNotified()) live.Notify();
    ended.Signal();
  });
  if (on_attached) {
    live.WaitForNotificationWithTimeout(kAttachConfirmWait);
    on_attached();
  }

  const std::string& keys = options.detach_keys;
  size_t matched = 0;  // how many bytes of `keys` were just typed (held back)
  bool input_open = true;
  while (!*detached) {
    pollfd fds[2] = {{ended.read_fd(), POLLIN, 0}, {input_open ? io_.in_fd : -1, POLLIN, 0}};
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[0].revents != 0) break;  // the stream ended: the VM stopped
    if (fds[1].revents == 0) continue;
    char buf[4096];
    ssize_t n = read(io_.in_fd, buf, sizeof buf);
    if (n <= 0) {
      if (n < 0 && errno == EINTR) continue;
      // Input closed (e.g. stdin is /dev/null in CI): keep showing output
      // until the VM stops; half-closing would end the attach.
      input_open = false;
      continue;
    }
    std::string send;
    for (ssize_t i = 0; i < n && !*detached; ++i) {
      char c = buf[i];
      if (c == keys[matched]) {
        if (++matched == keys.size()) *detached = true;
        continue;
      }
      // Not the sequence after all: what was held back was ordinary input.
      send.append(keys, 0, matched);
      matched = 0;
      if (c == keys[0]) {  // keys.size() > 1 here, or it would have matched
        matched = 1;
        continue;
      }
      send.push_back(c);
    }
    if (!send.empty() && !options.read_only) {
      v1::AttachConsoleRequest input;
      input.set_input(send);
      stream->Write(input);  // false: the stream is ending; the reader sees it
    }
  }
  if (*detached) {
    // Half-close: the daemon ends the stream, after the input already sent.
    stream->WritesDone();
  }
  reader.join();
  grpc::Status status = stream->Finish();
  if (tty && *detached) {
    *io_.err << "\r\nvmctl: detached from " << vm << "; it keeps running\n";
    io_.err->flush();
  }
  return *detached ? grpc::Status::OK : status;
}

int Commands::Attach(const std::string& vm, const AttachOptions& options) {
  bool detached = false;
  grpc::Status s = AttachLoop(vm, options, &detached, nullptr);
  return s.ok() ? kExitOk : Fail(s, vm);
}

int Commands::Start(const std::string& vm, bool paused, bool attach,
                    const AttachOptions& attach_options) {
  v1::StartVmRequest request;
  request.set_vm(vm);
  request.set_paused(paused);
  grpc::ClientContext ctx;
  SetDeadline(&ctx);
  v1::StartVmResponse response;
  grpc::Status s = stub_->StartVm(&ctx, request, &response);
  if (!s.ok()) return Fail(s, vm);
  if (!attach) return PrintVm(response.vm());
  bool detached = false;
  s = AttachLoop(vm, attach_options, &detached, nullptr);
  if (s.error_code() == grpc::StatusCode::FAILED_PRECONDITION) {
    // A short guest already stopped: show what it printed instead.
    return Logs(vm, false, std::nullopt);
  }
  return s.ok() ? kExitOk : Fail(s, vm);
}

int Commands::Run(const v1::CreateVmRequest& request, bool remove, const AttachOptions& options) {
  v1::CreateVmRequest create = request;
  create.set_start(false);
  v1::CreateVmResponse created;
  {
    grpc::ClientContext ctx;
    SetDeadline(&ctx);
    grpc::Status s = stub_->CreateVm(&ctx, create, &created);
    if (!s.ok()) return Fail(s, request.spec().name());
  }
  const std::string id = created.vm().id();
  const std::string name = created.vm().name();
  auto remove_vm = [&] {
    if (!remove) return;
    v1::DeleteVmRequest del;
    del.set_vm(id);
    del.set_force(true);
    grpc::ClientContext ctx;
    SetDeadline(&ctx);
    v1::DeleteVmResponse resp;
    grpc::Status s = stub_->DeleteVm(&ctx, del, &resp);
    if (!s.ok()) Fail(s, name);
  };
  {
    // Paused first, so attaching before the first instruction loses nothing.
    v1::StartVmRequest start;
    start.set_vm(id);
    start.set_paused(true);
    grpc::ClientContext ctx;
    SetDeadline(&ctx);
    v1::StartVmResponse resp;
    grpc::Status s = stub_->StartVm(&ctx, start, &resp);
    if (!s.ok()) {
      int code = Fail(s, name);
      remove_vm();
      return code;
    }
  }
  grpc::Status resume_status;
  bool detached = false;
  grpc::Status s = AttachLoop(id, options, &detached, [&] {
    v1::ResumeVmRequest resume;
    resume.set_vm(id);
    grpc::ClientContext ctx;
    SetDeadline(&ctx);
    v1::ResumeVmResponse resp;
    resume_status = stub_->ResumeVm(&ctx, resume, &resp);
  });
  if (!resume_status.ok()) {
    // Already stopped (a very short guest) is fine; anything else is not.
    if (resume_status.error_code() != grpc::StatusCode::FAILED_PRECONDITION) {
      return Fail(resume_status, name);
    }
  }
  if (!s.ok()) {
    if (s.error_code() != grpc::StatusCode::FAILED_PRECONDITION) return Fail(s, name);
    // The VM stopped before the attach: print what it wrote from the log.
    Logs(id, false, std::nullopt);
  }
  if (detached) return kExitOk;
  v1::WaitVmRequest wait;
  wait.set_vm(id);
  grpc::ClientContext ctx;
  SetDeadline(&ctx);
  v1::WaitVmResponse waited;
  s = stub_->WaitVm(&ctx, wait, &waited);
  if (!s.ok()) return Fail(s, name);
  int code = ExitCodeForStop(waited.vm().last_stop().reason());
  if (json_) {
    *io_.out << ToJson(waited.vm(), true) << "\n";
  } else if (code != kExitOk) {
    const v1::StopInfo& stop = waited.vm().last_stop();
    *io_.err << "vmctl: vm \"" << name << "\": " << StopReasonName(stop.reason())
             << (stop.detail().empty() ? "" : ": ") << stop.detail() << "\n";
  }
  io_.out->flush();
  remove_vm();
  return code;
}

int Commands::Logs(const std::string& vm, bool follow, std::optional<uint32_t> tail_lines) {
  v1::GetConsoleLogRequest request;
  request.set_vm(vm);
  request.set_follow(follow);
  if (tail_lines) request.set_tail_lines(*tail_lines);
  grpc::ClientContext ctx;
  if (!follow) SetDeadline(&ctx);
  std::unique_ptr<grpc::ClientReaderInterface<v1::ConsoleOutput>> stream =
      stub_->GetConsoleLog(&ctx, request);
  v1::ConsoleOutput output;
  while (stream->Read(&output)) {
    if (json_) {
      *io_.out << ToJson(output, false) << "\n";
    } else {
      io_.out->write(output.data().data(), static_cast<std::streamsize>(output.data().size()));
    }
    io_.out->flush();
  }
  grpc::Status s = stream->Finish();
  return s.ok() ? kExitOk : Fail(s, vm);
}

std::string EventLine(const v1::Event& e) {
  std::string line = absl::StrCat(e.sequence(), "  ", FormatTimestamp(e.time()), "  ",
                                  e.vm_name().empty() ? e.vm_id() : e.vm_name(), "  ",
                                  EventTypeName(e.type()), "  ", StateName(e.state()));
  if (e.type() == v1::EVENT_TYPE_STOPPED && e.has_stop()) {
    absl::StrAppend(&line, "  reason=\"", StopReasonName(e.stop().reason()), "\"");
  }
  if (e.type() == v1::EVENT_TYPE_RESET) {
    absl::StrAppend(&line, "  source=",
                    e.reset_source() == v1::RESET_SOURCE_REQUEST ? "request" : "guest");
  }
  if (!e.detail().empty()) absl::StrAppend(&line, "  ", e.detail());
  return line;
}

int Commands::Events(std::optional<uint64_t> since, const std::vector<std::string>& vms) {
  v1::WatchEventsRequest request;
  if (since) request.set_since_sequence(*since);
  for (const std::string& vm : vms) request.add_vms(vm);
  grpc::ClientContext ctx;
  std::unique_ptr<grpc::ClientReaderInterface<v1::Event>> stream =
      stub_->WatchEvents(&ctx, request);
  v1::Event event;
  while (stream->Read(&event)) {
    *io_.out << (json_ ? ToJson(event, false) : EventLine(event)) << "\n";
    io_.out->flush();
  }
  grpc::Status s = stream->Finish();
  return s.ok() ? kExitOk : Fail(s, vms.size() == 1 ? vms[0] : "");
}

std::string RegistersText(const v1::GetRegistersResponse& regs, bool sysregs) {
  std::string out;
  for (const v1::VcpuRegisters& v : regs.vcpus()) {
    absl::StrAppend(&out, "vcpu ", v.index(), v.powered_on() ? "" : " (off)", "\n");
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    for (int i = 0; i < v.x_size(); ++i) {
      row.push_back(absl::StrFormat("x%d", i));
      row.push_back(absl::StrFormat("%016x", v.x(i)));
      if (row.size() == 8) rows.push_back(std::exchange(row, {}));
    }
    row.push_back("pc");
    row.push_back(absl::StrFormat("%016x", v.pc()));
    rows.push_back(std::exchange(row, {}));
    rows.push_back({"cpsr", absl::StrFormat("%016x", v.cpsr()), "sp_el0",
                    absl::StrFormat("%016x", v.sp_el0()), "sp_el1",
                    absl::StrFormat("%016x", v.sp_el1())});
    if (sysregs && v.has_sys()) {
      const google::protobuf::Reflection* r = v.sys().GetReflection();
      const google::protobuf::Descriptor* d = v.sys().GetDescriptor();
      for (int i = 0; i < d->field_count(); ++i) {
        row.push_back(d->field(i)->name());
        row.push_back(absl::StrFormat("%016x", r->GetUInt64(v.sys(), d->field(i))));
        if (row.size() == 6) rows.push_back(std::exchange(row, {}));
      }
      if (!row.empty()) rows.push_back(std::exchange(row, {}));
    }
    if (sysregs && v.has_fp()) {
      rows.push_back({"fpcr", absl::StrFormat("%016x", v.fp().fpcr()), "fpsr",
                      absl::StrFormat("%016x", v.fp().fpsr())});
    }
    for (const std::string& line : std::vector<std::string>(absl::StrSplit(FormatTable(rows), '\n'))) {
      if (!line.empty()) absl::StrAppend(&out, "  ", line, "\n");
    }
  }
  return out;
}

int Commands::Registers(const std::string& vm, std::optional<uint32_t> vcpu, bool sysregs) {
  v1::GetRegistersRequest request;
  request.set_vm(vm);
  if (vcpu) request.add_vcpus(*vcpu);
  grpc::ClientContext ctx;
  SetDeadline(&ctx);
  v1::GetRegistersResponse response;
  grpc::Status s = stub_->GetRegisters(&ctx, request, &response);
  if (!s.ok()) return Fail(s, vm);
  *io_.out << (json_ ? ToJson(response, true) + "\n" : RegistersText(response, sysregs));
  return kExitOk;
}

}  // namespace vmd::vmctl
