// The verbs of vmctl, each one or a few vmd.v1 calls plus output. cli.cc parses
// the command line into these calls; tests drive them (through RunVmctl)
// against an in-process fake vmd. Every verb returns the process exit status.
#ifndef VMD_CLIENT_VMCTL_COMMANDS_H_
#define VMD_CLIENT_VMCTL_COMMANDS_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "vmd/v1/vmd.grpc.pb.h"

namespace vmd::vmctl {

// Where a verb reads and writes. Console verbs read `in_fd` with poll(2) and
// put it in raw mode when it is a terminal.
struct Io {
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  int in_fd = 0;
};

struct AttachOptions {
  std::string detach_keys = "\x1d";  // Ctrl-]
  std::string detach_keys_text = "ctrl-]";  // as the user wrote it, for messages
  bool read_only = false;
};

class Commands {
 public:
  Commands(std::unique_ptr<v1::Vmd::StubInterface> stub, const Io& io, bool json,
           std::string host_display)
      : stub_(std::move(stub)), io_(io), json_(json), host_display_(std::move(host_display)) {}

  int Create(const v1::CreateVmRequest& request);
  int Start(const std::string& vm, bool paused, bool attach, const AttachOptions& attach_options);
  int Stop(const std::string& vm, std::optional<absl::Duration> timeout, bool no_wait);
  int Kill(const std::string& vm);
  int Pause(const std::string& vm);
  int Resume(const std::string& vm);
  int Reset(const std::string& vm);
  int Remove(const std::string& vm, bool force);
  int List(const v1::ListVmsRequest& request, bool quiet);
  int Inspect(const std::string& vm);
  int Registers(const std::string& vm, std::optional<uint32_t> vcpu, bool sysregs);
  int Attach(const std::string& vm, const AttachOptions& options);
  int Logs(const std::string& vm, bool follow, std::optional<uint32_t> tail_lines);
  int Events(std::optional<uint64_t> since, const std::vector<std::string>& vms);
  int Wait(const std::string& vm, const std::vector<v1::VmState>& states,
           std::optional<absl::Duration> timeout);
  // create + start (paused) + attach + resume; after the VM stops, exits with
  // how it ended and deletes it with `remove`.
  int Run(const v1::CreateVmRequest& request, bool remove, const AttachOptions& options);
  int Info();
  int Version();
  // With `bytes`: SetBalloon, then print the memory statistics it returns;
  // without: GetMemoryStats.
  int Balloon(const std::string& vm, std::optional<uint64_t> bytes);

 private:
  // Prints "vmctl: <message>" for a failed RPC and returns its exit status.
  int Fail(const grpc::Status& status, const std::string& vm);
  int FailText(int code, const std::string& message);
  // Prints a lifecycle verb's resulting VM: JSON, or "<name>: <state>".
  int PrintVm(const v1::Vm& vm);
  // The attach loop shared by attach, start --attach and run. Sets *detached
  // when the user typed the detach keys. `on_attached` runs once the attach
  // request is sent (run resumes the VM there).
  grpc::Status AttachLoop(const std::string& vm, const AttachOptions& options, bool* detached,
                          const std::function<void()>& on_attached);
  // Unary-call deadline: long enough for any daemon work, bounded so a hung
  // daemon does not hang scripts forever.
  void SetDeadline(grpc::ClientContext* ctx, absl::Duration extra = absl::ZeroDuration());

  std::unique_ptr<v1::Vmd::StubInterface> stub_;
  Io io_;
  bool json_;
  std::string host_display_;
};

// The human "inspect" text of a VM: one "Key: value" per line.
std::string DescribeVm(const v1::Vm& vm);
// The `ls` table (header + one row per VM).
std::string VmTable(const v1::ListVmsResponse& list);
// One human line per event: "SEQ TIME VM TYPE STATE [reason] [detail]".
std::string EventLine(const v1::Event& event);
// The balloon and the guest's memory statistics, one "Key: value" per line.
std::string MemoryStatsText(const v1::MemoryStats& stats);
// Registers as text; `sysregs` adds the system registers.
std::string RegistersText(const v1::GetRegistersResponse& regs, bool sysregs);

}  // namespace vmd::vmctl

#endif  // VMD_CLIENT_VMCTL_COMMANDS_H_
