// An in-process stand-in for the vmd daemon that implements vmd.v1.Vmd with
// small, documented canned behaviour, and records what vmctl asked for. Used
// by cli_test.cc to check vmctl's requests, output and exit statuses without a
// real daemon. Behaviour follows the proto's comments (states, error codes).
#ifndef VMD_TESTS_E2E_VMCTL_FAKE_VMD_H_
#define VMD_TESTS_E2E_VMCTL_FAKE_VMD_H_

#include <map>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "vmd/v1/vmd.grpc.pb.h"

namespace vmd::vmctl::fake {

// Console behaviour of a VM, chosen by its label "fake/console":
// - "echo" (default): each input chunk comes back as "echo:<chunk>"; input
//   containing "poweroff" stops the VM (GUEST_POWER_OFF), "crash" stops it
//   with GUEST_ERROR; either ends the attach stream.
// - "exit:<reason>" (e.g. "exit:guest_power_off"): once RUNNING the guest
//   prints "hello from guest\r\n" and stops with that reason by itself.
// - "instant": the guest powers off as soon as StartVm boots it, so the VM is
//   STOPPED before anyone can attach.
// History replayed at attach: "boot ok\r\n".
class FakeVmd final : public v1::Vmd::Service {
 public:
  grpc::Status CreateVm(grpc::ServerContext*, const v1::CreateVmRequest*,
                        v1::CreateVmResponse*) override;
  grpc::Status GetVm(grpc::ServerContext*, const v1::GetVmRequest*, v1::GetVmResponse*) override;
  grpc::Status ListVms(grpc::ServerContext*, const v1::ListVmsRequest*,
                       v1::ListVmsResponse*) override;
  grpc::Status DeleteVm(grpc::ServerContext*, const v1::DeleteVmRequest*,
                        v1::DeleteVmResponse*) override;
  grpc::Status StartVm(grpc::ServerContext*, const v1::StartVmRequest*,
                       v1::StartVmResponse*) override;
  grpc::Status StopVm(grpc::ServerContext*, const v1::StopVmRequest*,
                      v1::StopVmResponse*) override;
  grpc::Status KillVm(grpc::ServerContext*, const v1::KillVmRequest*,
                      v1::KillVmResponse*) override;
  grpc::Status PauseVm(grpc::ServerContext*, const v1::PauseVmRequest*,
                       v1::PauseVmResponse*) override;
  grpc::Status ResumeVm(grpc::ServerContext*, const v1::ResumeVmRequest*,
                        v1::ResumeVmResponse*) override;
  grpc::Status ResetVm(grpc::ServerContext*, const v1::ResetVmRequest*,
                       v1::ResetVmResponse*) override;
  grpc::Status WaitVm(grpc::ServerContext*, const v1::WaitVmRequest*,
                      v1::WaitVmResponse*) override;
  grpc::Status GetRegisters(grpc::ServerContext*, const v1::GetRegistersRequest*,
                            v1::GetRegistersResponse*) override;
  grpc::Status AttachConsole(
      grpc::ServerContext*,
      grpc::ServerReaderWriter<v1::ConsoleOutput, v1::AttachConsoleRequest>* stream) override;
  grpc::Status GetConsoleLog(grpc::ServerContext*, const v1::GetConsoleLogRequest*,
                             grpc::ServerWriter<v1::ConsoleOutput>*) override;
  grpc::Status WatchEvents(grpc::ServerContext*, const v1::WatchEventsRequest*,
                           grpc::ServerWriter<v1::Event>*) override;
  grpc::Status GetInfo(grpc::ServerContext*, const v1::GetInfoRequest*,
                       v1::GetInfoResponse*) override;
  // A 512 MiB guest whose balloon reaches any target at once; the guest
  // reports 400 MiB total and 100 MiB free.
  grpc::Status SetBalloon(grpc::ServerContext*, const v1::SetBalloonRequest*,
                          v1::SetBalloonResponse*) override;
  grpc::Status GetMemoryStats(grpc::ServerContext*, const v1::GetMemoryStatsRequest*,
                              v1::GetMemoryStatsResponse*) override;

  // The console log GetConsoleLog serves (three lines).
  static constexpr const char* kConsoleLog = "first line\nsecond line\nthird line\n";
  // Kept events are sequences 5, 6, 7; older ones are "dropped".
  static constexpr uint64_t kOldestKeptSequence = 5;

  // Test access (all under mu).
  absl::Mutex mu;
  std::map<std::string, v1::Vm> vms ABSL_GUARDED_BY(mu);  // by name
  std::vector<std::string> calls ABSL_GUARDED_BY(mu);     // RPC names, in order
  std::string console_input ABSL_GUARDED_BY(mu);          // every input byte received
  bool attach_read_only ABSL_GUARDED_BY(mu) = false;
  v1::CreateVmRequest last_create ABSL_GUARDED_BY(mu);
  uint64_t balloon_bytes ABSL_GUARDED_BY(mu) = 0;
  v1::StopVmRequest last_stop ABSL_GUARDED_BY(mu);
  v1::ListVmsRequest last_list ABSL_GUARDED_BY(mu);
  v1::DeleteVmRequest last_delete ABSL_GUARDED_BY(mu);
  v1::WaitVmRequest last_wait ABSL_GUARDED_BY(mu);
  v1::GetConsoleLogRequest last_log ABSL_GUARDED_BY(mu);
  v1::WatchEventsRequest last_watch ABSL_GUARDED_BY(mu);
  v1::GetRegistersRequest last_regs ABSL_GUARDED_BY(mu);

 private:
  v1::Vm* Find(const std::string& name_or_id) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu);
  void StopLocked(v1::Vm* vm, v1::StopReason reason) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu);
  int next_id_ ABSL_GUARDED_BY(mu) = 1;
};

}  // namespace vmd::vmctl::fake

#endif  // VMD_TESTS_E2E_VMCTL_FAKE_VMD_H_
