// vmctl end to end against an in-process fake vmd (fake_vmd.h): each test runs
// a command line through RunVmctl (the same entry main() uses) and checks the
// request the daemon received, what vmctl printed and its exit status.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "client/vmctl/cli.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/grpcpp.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/e2e/vmctl/fake_vmd.h"

namespace vmd::vmctl {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

struct Result {
  int code;
  std::string out, err;
};

class VmctlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::ServerBuilder builder;
    builder.RegisterService(&fake_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
  }
  void TearDown() override { server_->Shutdown(); }

  // Runs vmctl with `input` on its console input (a pipe, closed after it).
  Result Run(std::vector<std::string> args, const std::string& input = "") {
    int fds[2];
    EXPECT_EQ(pipe(fds), 0);
    EXPECT_EQ(write(fds[1], input.data(), input.size()), static_cast<ssize_t>(input.size()));
    close(fds[1]);
    std::ostringstream out, err;
    Io io;
    io.out = &out;
    io.err = &err;
    io.in_fd = fds[0];
    args.insert(args.begin(), {"--host", "unix:///fake/vmd.sock"});
    int code = RunVmctl(args, io, [this](const HostAddress& host, const TlsFiles&) {
      EXPECT_EQ(host.path, "/fake/vmd.sock");
      return absl::StatusOr<std::shared_ptr<grpc::Channel>>(
          server_->InProcessChannel(grpc::ChannelArguments()));
    });
    close(fds[0]);
    return {code, out.str(), err.str()};
  }

  // Puts a VM straight into the fake's registry.
  void AddVm(const std::string& name, const std::string& id, v1::VmState state,
             uint32_t vcpus = 0, uint64_t memory = 0,
             v1::StopReason reason = v1::STOP_REASON_UNSPECIFIED) {
    absl::MutexLock lock(&fake_.mu);
    v1::Vm vm;
    vm.set_name(name);
    vm.set_id(id);
    vm.set_state(state);
    vm.mutable_spec()->set_name(name);
    vm.mutable_spec()->set_vcpus(vcpus);
    vm.mutable_spec()->set_memory_bytes(memory);
    if (state == v1::VM_STATE_RUNNING) vm.mutable_uptime()->set_seconds(125);
    if (reason != v1::STOP_REASON_UNSPECIFIED) vm.mutable_last_stop()->set_reason(reason);
    fake_.vms[name] = vm;
  }

  std::vector<std::string> Calls() {
    absl::MutexLock lock(&fake_.mu);
    return fake_.calls;
  }

  fake::FakeVmd fake_;
  std::unique_ptr<grpc::Server> server_;
};

TEST_F(VmctlTest, CreateSendsEveryFlagAsSpecField) {
  Result r = Run({"create", "web", "--cpus", "2", "--memory", "1G", "--kernel", "/k/Image",
                  "--initrd", "/k/initrd", "--cmdline", "console=ttyAMA0 quiet", "--disk",
                  "/d/root.img,ro,serial=root", "--disk", "/d/data.img", "--mac",
                  "02:00:00:00:00:01", "--forward", "tcp:8080:80", "--forward",
                  "udp:127.0.0.1:5353:53", "--console", "virtio", "--on-reboot", "stop",
                  "--label", "team=ci", "--label", "tier=web", "--balloon", "--request-id",
                  "req-1"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "web: created (id a00000000001)\n");
  absl::MutexLock lock(&fake_.mu);
  const v1::CreateVmRequest& req = fake_.last_create;
  const v1::VmSpec& s = req.spec();
  EXPECT_EQ(s.name(), "web");
  EXPECT_EQ(s.vcpus(), 2u);
  EXPECT_EQ(s.memory_bytes(), uint64_t{1} << 30);
  EXPECT_EQ(s.boot().linux().kernel_path(), "/k/Image");
  EXPECT_EQ(s.boot().linux().initrd_path(), "/k/initrd");
  EXPECT_EQ(s.boot().linux().command_line(), "console=ttyAMA0 quiet");
  ASSERT_EQ(s.disks_size(), 2);
  EXPECT_EQ(s.disks(0).path(), "/d/root.img");
  EXPECT_TRUE(s.disks(0).read_only());
  EXPECT_EQ(s.disks(0).serial(), "root");
  EXPECT_FALSE(s.disks(1).read_only());
  ASSERT_TRUE(s.has_network());
  EXPECT_EQ(s.network().mac(), "02:00:00:00:00:01");
  ASSERT_EQ(s.network().port_forwards_size(), 2);
  EXPECT_EQ(s.network().port_forwards(0).host_port(), 8080u);
  EXPECT_EQ(s.network().port_forwards(1).protocol(), v1::PROTOCOL_UDP);
  EXPECT_EQ(s.console(), v1::CONSOLE_DEVICE_VIRTIO_CONSOLE);
  EXPECT_EQ(s.on_reboot(), v1::ON_REBOOT_STOP);
  EXPECT_EQ(s.labels().at("team"), "ci");
  EXPECT_EQ(s.labels().at("tier"), "web");
  EXPECT_TRUE(s.has_balloon());
  EXPECT_EQ(req.request_id(), "req-1");
  EXPECT_FALSE(req.start());
}

TEST_F(VmctlTest, CreateFromJsonSpecWithFlagOverrides) {
  std::string path = ::testing::TempDir() + "/vmctl-spec.json";
  std::ofstream(path) << R"({"name": "base", "vcpus": 4, "boot": {"raw": {"path": "/p.bin"}},
                             "labels": {"from": "json"}})";
  Result r = Run({"create", "--from", path, "--memory", "256M", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  v1::Vm vm;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(r.out, &vm).ok()) << r.out;
  EXPECT_EQ(vm.name(), "base");
  EXPECT_EQ(vm.state(), v1::VM_STATE_CREATED);
  EXPECT_EQ(vm.spec().vcpus(), 4u);
  EXPECT_EQ(vm.spec().memory_bytes(), uint64_t{256} << 20);
  EXPECT_EQ(vm.spec().boot().raw().path(), "/p.bin");
  EXPECT_EQ(vm.spec().labels().at("from"), "json");
}

TEST_F(VmctlTest, CommandLineMistakesAreUsageErrorsWithoutAnyCall) {
  Result no_boot = Run({"create", "web"});
  EXPECT_EQ(no_boot.code, 2);
  EXPECT_EQ(no_boot.err, "vmctl: --kernel or --payload is required\n");
  Result bad_size = Run({"create", "web", "--payload", "/p", "--memory", "1.5G"});
  EXPECT_EQ(bad_size.code, 2);
  EXPECT_THAT(bad_size.err, HasSubstr("vmctl: --memory: size \"1.5G\""));
  Result both = Run({"create", "web", "--payload", "/p", "--kernel", "/k"});
  EXPECT_EQ(both.code, 2);
  Result unknown = Run({"ls", "--bogus"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("vmctl: "));
  Result bad_verb = Run({"lst"});
  EXPECT_EQ(bad_verb.code, 2);
  EXPECT_EQ(bad_verb.err, "vmctl: unknown verb \"lst\" (see vmctl --help)\n");
  EXPECT_EQ(Run({"list"}).code, 0);  // the alias of ls
  Result no_verb = Run({});
  EXPECT_EQ(no_verb.code, 2);
  EXPECT_EQ(Run({"stop", "web", "--timeout", "soon"}).code, 2);
  EXPECT_EQ(Run({"attach", "web", "--detach-keys", "ctrl-1"}).code, 2);
  EXPECT_EQ(Calls(), std::vector<std::string>{"ListVms"});  // only the valid `list`
}

TEST_F(VmctlTest, HelpOnEveryVerbHasExamples) {
  for (const char* verb : {"create", "start", "stop", "kill", "pause", "resume", "reset", "rm",
                           "ls", "inspect", "regs", "attach", "logs", "events", "wait", "run",
                           "info", "version"}) {
    Result r = Run({verb, "--help"});
    EXPECT_EQ(r.code, 0) << verb;
    EXPECT_THAT(r.out, HasSubstr("Examples:")) << verb;
    EXPECT_THAT(r.out, HasSubstr(absl::StrCat("vmctl ", verb))) << verb;
  }
  EXPECT_TRUE(Calls().empty());
}

TEST_F(VmctlTest, LsPrintsAnAlignedTableOfAllVms) {
  AddVm("web", "0000000000e1", v1::VM_STATE_RUNNING, 2, uint64_t{1} << 30);
  AddVm("db", "0000000000d1", v1::VM_STATE_CREATED);
  Result r = Run({"ls"});
  ASSERT_EQ(r.code, 0) << r.err;
  // Unset vCPUs/memory show the documented defaults (1, 512M); uptime 125 s.
  EXPECT_EQ(r.out,
            "NAME  ID            STATE    VCPUS  MEMORY  UPTIME\n"
            "db    0000000000d1  created  1      512M    -\n"
            "web   0000000000e1  running  2      1G      2m05s\n");
  Result q = Run({"ls", "-q"});
  EXPECT_EQ(q.out, "db\nweb\n");
}

TEST_F(VmctlTest, LsFiltersAndJson) {
  AddVm("web", "0000000000e1", v1::VM_STATE_RUNNING);
  Result r = Run({"ls", "--state", "running", "--state", "paused", "--label", "team=ci", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  {
    absl::MutexLock lock(&fake_.mu);
    EXPECT_THAT(fake_.last_list.states(),
                ElementsAre(v1::VM_STATE_RUNNING, v1::VM_STATE_PAUSED));
    EXPECT_EQ(fake_.last_list.labels().at("team"), "ci");
  }
  v1::ListVmsResponse list;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(r.out, &list).ok()) << r.out;
  EXPECT_EQ(list.vms_size(), 0);  // web has no team=ci label
  EXPECT_EQ(list.event_sequence(), 7u);
  EXPECT_THAT(r.out, HasSubstr("\"vms\": []"));  // keys present even when empty
}

TEST_F(VmctlTest, MissingVmIsNotFoundNamingIt) {
  for (const char* verb : {"inspect", "start", "stop", "kill", "pause", "rm", "logs"}) {
    Result r = Run({verb, "nosuch"});
    EXPECT_EQ(r.code, 3) << verb;
    EXPECT_EQ(r.err, "vmctl: vm \"nosuch\": not found\n") << verb;
    EXPECT_EQ(r.out, "") << verb;
  }
}

TEST_F(VmctlTest, LifecycleVerbsPrintTheResultingState) {
  AddVm("web", "0000000000e1", v1::VM_STATE_CREATED);
  EXPECT_EQ(Run({"start", "web"}).out, "web: running\n");
  EXPECT_EQ(Run({"pause", "web"}).out, "web: paused\n");
  EXPECT_EQ(Run({"resume", "web"}).out, "web: running\n");
  Result reset = Run({"reset", "web", "--json"});
  v1::Vm vm;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(reset.out, &vm).ok()) << reset.out;
  EXPECT_EQ(vm.reset_count(), 1u);
  Result stop = Run({"stop", "--timeout", "1m5s", "web"});
  EXPECT_EQ(stop.out, "web: stopped (stop requested)\n");
  {
    absl::MutexLock lock(&fake_.mu);
    EXPECT_EQ(fake_.last_stop.timeout().seconds(), 65);
    EXPECT_FALSE(fake_.last_stop.no_wait());
  }
  Result paused = Run({"pause", "web"});
  EXPECT_EQ(paused.code, 5);
  EXPECT_EQ(paused.err, "vmctl: vm \"web\": not running (state VM_STATE_STOPPED)\n");
  EXPECT_EQ(Run({"start", "--paused", "web"}).out, "web: paused\n");
  EXPECT_EQ(Run({"kill", "web"}).out, "web: stopped (killed)\n");
}

TEST_F(VmctlTest, StopForceMeansNoGraceAndNoWaitReturnsStopping) {
  AddVm("a", "00000000000a", v1::VM_STATE_RUNNING);
  AddVm("b", "00000000000b", v1::VM_STATE_RUNNING);
  EXPECT_EQ(Run({"stop", "--force", "a"}).out, "a: stopped (stop forced)\n");
  {
    absl::MutexLock lock(&fake_.mu);
    EXPECT_TRUE(fake_.last_stop.has_timeout());
    EXPECT_EQ(fake_.last_stop.timeout().seconds(), 0);
  }
  EXPECT_EQ(Run({"stop", "--no-wait", "b"}).out, "b: stopping\n");
  absl::MutexLock lock(&fake_.mu);
  EXPECT_TRUE(fake_.last_stop.no_wait());
  EXPECT_FALSE(fake_.last_stop.has_timeout());  // unset = the daemon's 30 s
}

TEST_F(VmctlTest, RmRefusesRunningVmUnlessForced) {
  AddVm("web", "0000000000e1", v1::VM_STATE_RUNNING);
  Result refused = Run({"rm", "web"});
  EXPECT_EQ(refused.code, 5);
  EXPECT_THAT(refused.err, HasSubstr("vmctl: vm \"web\": has a worker"));
  Result forced = Run({"rm", "-f", "web"});
  ASSERT_EQ(forced.code, 0) << forced.err;
  EXPECT_EQ(forced.out, "web: deleted (id 0000000000e1)\n");
  absl::MutexLock lock(&fake_.mu);
  EXPECT_TRUE(fake_.last_delete.force());
  EXPECT_TRUE(fake_.vms.empty());
}

TEST_F(VmctlTest, InspectShowsSpecAndStatus) {
  Run({"create", "web", "--payload", "/p.bin", "--cpus", "2", "--disk", "/d.img,ro",
       "--forward", "2222:22", "--label", "team=ci"});
  Result r = Run({"inspect", "web"});
  ASSERT_EQ(r.code, 0) << r.err;
  // Values start two columns after the widest key shown, "On reboot:".
  EXPECT_THAT(r.out, HasSubstr("Name:       web\n"));
  EXPECT_THAT(r.out, HasSubstr("State:      created\n"));
  EXPECT_THAT(r.out, HasSubstr("vCPUs:      2\n"));
  EXPECT_THAT(r.out, HasSubstr("Memory:     512M\n"));
  EXPECT_THAT(r.out, HasSubstr("Payload:    /p.bin\n"));
  EXPECT_THAT(r.out, HasSubstr("Disk vda:   /d.img,ro\n"));
  EXPECT_THAT(r.out, HasSubstr("Forward:    tcp:127.0.0.1:2222 -> guest 22\n"));
  EXPECT_THAT(r.out, HasSubstr("Labels:     team=ci\n"));
  EXPECT_THAT(r.out, HasSubstr("Created:    2026-01-01T00:00:00Z\n"));
}

TEST_F(VmctlTest, WaitExitStatusSaysHowTheVmEnded) {
  AddVm("off", "000000000001", v1::VM_STATE_STOPPED, 0, 0, v1::STOP_REASON_GUEST_POWER_OFF);
  AddVm("killed", "000000000002", v1::VM_STATE_STOPPED, 0, 0, v1::STOP_REASON_KILLED);
  AddVm("crashed", "000000000003", v1::VM_STATE_STOPPED, 0, 0,
        v1::STOP_REASON_WORKER_CRASHED);
  AddVm("failed", "000000000004", v1::VM_STATE_STOPPED, 0, 0, v1::STOP_REASON_GUEST_ERROR);
  Result off = Run({"wait", "off"});
  EXPECT_EQ(off.code, 0);
  EXPECT_EQ(off.out, "off: stopped (guest power off)\n");
  EXPECT_EQ(Run({"wait", "killed"}).code, 22);
  EXPECT_EQ(Run({"wait", "crashed"}).code, 23);
  EXPECT_EQ(Run({"wait", "failed"}).code, 25);
}

TEST_F(VmctlTest, WaitForAStateAndTimeout) {
  AddVm("web", "0000000000e1", v1::VM_STATE_CREATED);
  Result r = Run({"wait", "--state", "running", "--timeout", "1s", "web"});
  EXPECT_EQ(r.code, 9);
  EXPECT_EQ(r.err, "vmctl: vm \"web\": still not in the state after 1s\n");
  {
    absl::MutexLock lock(&fake_.mu);
    EXPECT_THAT(fake_.last_wait.states(), ElementsAre(v1::VM_STATE_RUNNING));
    EXPECT_EQ(fake_.last_wait.timeout().seconds(), 1);
  }
  Result created = Run({"wait", "--state", "created", "--state", "running", "web"});
  EXPECT_EQ(created.code, 0);
  EXPECT_EQ(created.out, "web: created\n");
}

TEST_F(VmctlTest, AttachReplaysHistorySendsInputAndDetaches) {
  AddVm("web", "0000000000e1", v1::VM_STATE_RUNNING);
  // Ctrl-] (0x1d) after the typed line detaches; the bytes before it reach
  // the guest, which echoes them.
  Result r = Run({"attach", "web"}, "uname\n\x1dignored");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "boot ok\r\necho:uname\n");
  absl::MutexLock lock(&fake_.mu);
  EXPECT_EQ(fake_.console_input, "uname\n");
  EXPECT_EQ(fake_.vms["web"].state(), v1::VM_STATE_RUNNING);  // detaching leaves it running
}

TEST_F(VmctlTest, AttachCustomDetachKeysPassPartialMatchesThrough) {
  AddVm("web", "0000000000e1", v1::VM_STATE_RUNNING);
  // ctrl-p alone is ordinary input; ctrl-p ctrl-q detaches; the default
  // Ctrl-] is ordinary input now.
  Result r = Run({"attach", "--detach-keys", "ctrl-p,ctrl-q", "web"},
                 std::string("a\x10" "b\x1d\x10\x11" "c"));
  ASSERT_EQ(r.code, 0) << r.err;
  absl::MutexLock lock(&fake_.mu);
  EXPECT_EQ(fake_.console_input, "a\x10" "b\x1d");
}

TEST_F(VmctlTest, AttachEndsWhenTheVmStops) {
  AddVm("web", "0000000000e1", v1::VM_STATE_RUNNING);
  Result r = Run({"attach", "web"}, "poweroff\n");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "boot ok\r\necho:poweroff\n");
  absl::MutexLock lock(&fake_.mu);
  EXPECT_EQ(fake_.vms["web"].last_stop().reason(), v1::STOP_REASON_GUEST_POWER_OFF);
}

TEST_F(VmctlTest, AttachReadOnlySendsNothing) {
  AddVm("web", "0000000000e1", v1::VM_STATE_RUNNING);
  Result r = Run({"attach", "--read-only", "web"}, "rm -rf /\n\x1d");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "boot ok\r\n");
  absl::MutexLock lock(&fake_.mu);
  EXPECT_TRUE(fake_.attach_read_only);
  EXPECT_EQ(fake_.console_input, "");
}

TEST_F(VmctlTest, AttachToStoppedVmFailsWithTheReason) {
  AddVm("web", "0000000000e1", v1::VM_STATE_STOPPED);
  Result r = Run({"attach", "web"});
  EXPECT_EQ(r.code, 5);
  EXPECT_EQ(r.err, "vmctl: vm \"web\": has no worker; use GetConsoleLog (state VM_STATE_STOPPED)\n");
}

TEST_F(VmctlTest, StartAttachShowsTheConsoleOrTheLogOfAShortGuest) {
  AddVm("web", "0000000000e1", v1::VM_STATE_CREATED);
  Result r = Run({"start", "--attach", "web"}, "poweroff\n");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "boot ok\r\necho:poweroff\n");
  // A guest that is already off by the time vmctl attaches: its console log
  // is printed instead.
  Run({"create", "short", "--payload", "/p.bin", "--label", "fake/console=instant"});
  Result short_run = Run({"start", "--attach", "short"});
  EXPECT_EQ(short_run.code, 0) << short_run.err;
  EXPECT_EQ(short_run.out, fake::FakeVmd::kConsoleLog);
}

TEST_F(VmctlTest, RunBootsPausedAttachesResumesAndRemoves) {
  Result r = Run({"run", "--rm", "ci-1", "--payload", "/p.bin", "--label",
                  "fake/console=exit:guest_power_off"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "boot ok\r\nhello from guest\r\n");
  std::vector<std::string> calls = Calls();
  EXPECT_THAT(calls, ElementsAre("CreateVm", "StartVm(paused)", "AttachConsole", "ResumeVm",
                                 "WaitVm", "DeleteVm"));
  absl::MutexLock lock(&fake_.mu);
  EXPECT_TRUE(fake_.vms.empty());
}

TEST_F(VmctlTest, RunExitStatusReflectsAGuestFailure) {
  Result r = Run({"run", "ci-2", "--payload", "/p.bin", "--label",
                  "fake/console=exit:guest_error"});
  EXPECT_EQ(r.code, 25);
  EXPECT_EQ(r.err, "vmctl: vm \"ci-2\": guest error\n");
  absl::MutexLock lock(&fake_.mu);
  EXPECT_EQ(fake_.vms.count("ci-2"), 1u);  // no --rm: kept for inspection
}

TEST_F(VmctlTest, RunWithInputAndJsonPrintsTheFinalVm) {
  Result r = Run({"run", "ci-3", "--payload", "/p.bin", "--json"}, "crash\n");
  EXPECT_EQ(r.code, 25);
  std::vector<std::string> parts = absl::StrSplit(r.out, absl::MaxSplits("echo:crash\n", 1));
  ASSERT_EQ(parts.size(), 2u) << r.out;
  v1::Vm vm;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(parts[1], &vm).ok()) << parts[1];
  EXPECT_EQ(vm.last_stop().reason(), v1::STOP_REASON_GUEST_ERROR);
}

TEST_F(VmctlTest, LogsTailAndJson) {
  AddVm("web", "0000000000e1", v1::VM_STATE_STOPPED);
  Result r = Run({"logs", "--tail", "2", "web"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "second line\nthird line\n");
  {
    absl::MutexLock lock(&fake_.mu);
    EXPECT_EQ(fake_.last_log.tail_lines(), 2u);
    EXPECT_FALSE(fake_.last_log.follow());
  }
  Result all = Run({"logs", "-f", "web"});
  EXPECT_EQ(all.out, fake::FakeVmd::kConsoleLog);
  Result json = Run({"logs", "--json", "web"});
  std::vector<std::string> lines = absl::StrSplit(json.out, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 3u);
  v1::ConsoleOutput first;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(lines[0], &first).ok());
  EXPECT_EQ(first.data(), "first line\n");
  EXPECT_TRUE(first.history());
}

TEST_F(VmctlTest, EventsReplayFilterJsonAndTooOld) {
  Result r = Run({"events", "--since", "5", "--vm", "web"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "6  2026-01-01T00:00:00Z  web  running  running\n");
  Result json = Run({"events", "--since", "4", "--json"});
  std::vector<std::string> lines = absl::StrSplit(json.out, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 3u);
  v1::Event last;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(lines[2], &last).ok());
  EXPECT_EQ(last.sequence(), 7u);
  EXPECT_EQ(last.stop().reason(), v1::STOP_REASON_KILLED);
  Result human = Run({"events", "--since", "6"});
  EXPECT_EQ(human.out, "7  2026-01-01T00:00:00Z  db  stopped  stopped  reason=\"killed\"\n");
  Result old = Run({"events", "--since", "1"});
  EXPECT_EQ(old.code, 11);
  EXPECT_THAT(old.err, HasSubstr("oldest kept sequence is 5"));
}

TEST_F(VmctlTest, RegsShowsOneVcpuAndOptionallySystemRegisters) {
  AddVm("web", "0000000000e1", v1::VM_STATE_RUNNING, 2);
  Result r = Run({"regs", "--vcpu", "1", "web"});
  ASSERT_EQ(r.code, 0) << r.err;
  {
    absl::MutexLock lock(&fake_.mu);
    EXPECT_THAT(fake_.last_regs.vcpus(), ElementsAre(1u));
  }
  EXPECT_THAT(r.out, HasSubstr("vcpu 1 (off)\n"));
  EXPECT_THAT(r.out, HasSubstr("0000000000000101"));  // x1 of vCPU 1 in the fake
  EXPECT_THAT(r.out, HasSubstr("0000000040080004"));  // its pc
  EXPECT_THAT(r.out, Not(HasSubstr("sctlr_el1")));
  Result sys = Run({"regs", "--sysregs", "web"});
  EXPECT_THAT(sys.out, HasSubstr("vcpu 0\n"));
  EXPECT_THAT(sys.out, HasSubstr("sctlr_el1"));
  EXPECT_THAT(sys.out, HasSubstr("0000000030d00800"));
  Result bad = Run({"regs", "--vcpu", "5", "web"});
  EXPECT_EQ(bad.code, 6);
  EXPECT_THAT(bad.err, HasSubstr("index 5"));
}

TEST_F(VmctlTest, InfoAndVersion) {
  Result info = Run({"info"});
  ASSERT_EQ(info.code, 0) << info.err;
  EXPECT_THAT(info.out, HasSubstr("Backend:            soft (software AArch64 CPU)\n"));
  EXPECT_THAT(info.out, HasSubstr("Max memory per VM:  16G\n"));
  Result version = Run({"version"});
  EXPECT_EQ(version.out, "vmctl 0.1.0\nvmd 0.1.0 at unix:///fake/vmd.sock (backend soft)\n");
  Result json = Run({"version", "--json"});
  EXPECT_THAT(json.out, HasSubstr("\"vmctl\": \"0.1.0\""));
  EXPECT_THAT(json.out, HasSubstr("\"backend\":\"BACKEND_SOFT\""));
}

TEST_F(VmctlTest, BalloonSetsAndShows) {
  ASSERT_EQ(Run({"create", "web", "--payload", "/p.bin", "--balloon"}).code, 0);
  Result set = Run({"balloon", "web", "256M"});
  ASSERT_EQ(set.code, 0) << set.err;
  EXPECT_THAT(set.out, HasSubstr("Balloon target:"));
  EXPECT_THAT(set.out, HasSubstr("256M"));
  EXPECT_THAT(set.out, HasSubstr("Guest free:"));
  {
    absl::MutexLock lock(&fake_.mu);
    EXPECT_EQ(fake_.balloon_bytes, uint64_t{256} << 20);
  }
  Result show = Run({"balloon", "web", "--json"});
  ASSERT_EQ(show.code, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr("\"actualBalloonBytes\": \"268435456\""));
  EXPECT_NE(Run({"balloon", "web", "lots"}).code, 0);
  EXPECT_NE(Run({"balloon", "nosuchvm"}).code, 0);
}

// Through the real channel maker: a daemon that is not there.
TEST(VmctlConnect, UnreachableDaemonSaysHowToStartIt) {
  std::ostringstream out, err;
  Io io;
  io.out = &out;
  io.err = &err;
  int code = RunVmctl({"--host", "unix:///nonexistent-vmctl-test/vmd.sock", "ls"}, io,
                      MakeChannel);
  EXPECT_EQ(code, 10);
  EXPECT_EQ(err.str(),
            "vmctl: cannot reach vmd at unix:///nonexistent-vmctl-test/vmd.sock: is it running? "
            "start it with `vmd --state-dir /nonexistent-vmctl-test` or `systemctl start vmd`\n");
}

TEST(VmctlConnect, TcpNeedsClientCertificate) {
  std::ostringstream out, err;
  Io io;
  io.out = &out;
  io.err = &err;
  int code = RunVmctl({"--host", "vmhost.example:7443", "ls"}, io, MakeChannel);
  EXPECT_EQ(code, 2);
  EXPECT_THAT(err.str(), HasSubstr("needs mutual TLS"));
}

// The real binary, over a real unix socket found through $VMD_HOST.
TEST(VmctlBinary, TalksToADaemonOnAUnixSocket) {
  std::string dir = ::testing::TempDir() + "/vmctl-sock-" + std::to_string(getpid());
  ASSERT_EQ(system(("mkdir -p " + dir).c_str()), 0);
  std::string sock = dir + "/vmd.sock";
  fake::FakeVmd fake;
  grpc::ServerBuilder builder;
  builder.AddListeningPort("unix://" + sock, grpc::InsecureServerCredentials());
  builder.RegisterService(&fake);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  ASSERT_NE(server, nullptr);
  std::string out = dir + "/out.txt";
  std::string cmd = absl::StrCat("VMD_HOST=unix://", sock, " ", VMCTL_BINARY,
                                 " create web --payload /p.bin > ", out, " 2>&1");
  EXPECT_EQ(system(cmd.c_str()), 0);
  std::stringstream text;
  text << std::ifstream(out).rdbuf();
  EXPECT_EQ(text.str(), "web: created (id a00000000001)\n");
  cmd = absl::StrCat("VMD_HOST=unix://", sock, " ", VMCTL_BINARY, " inspect nosuch >", out,
                     " 2>&1");
  int status = system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 3);
  server->Shutdown();
}

}  // namespace
}  // namespace vmd::vmctl
