// Unit tests for vmctl's pure parts: flag-value parsing, table/size/duration
// formatting, JSON output, and the gRPC-code / stop-reason -> exit status map.
#include <string>

#include "client/vmctl/exit_codes.h"
#include "client/vmctl/format.h"
#include "client/vmctl/parse.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"

namespace vmd::vmctl {
namespace {

TEST(ParseSize, BinarySuffixes) {
  EXPECT_EQ(*ParseSize("512M"), 536870912u);
  EXPECT_EQ(*ParseSize("2G"), 2147483648u);
  EXPECT_EQ(*ParseSize("1k"), 1024u);
  EXPECT_EQ(*ParseSize("4KiB"), 4096u);
  EXPECT_EQ(*ParseSize("1T"), uint64_t{1} << 40);
  EXPECT_EQ(*ParseSize("65536"), 65536u);
}

TEST(ParseSize, RefusesFractionsUnknownSuffixesAndOverflow) {
  EXPECT_FALSE(ParseSize("1.5G").ok());
  EXPECT_FALSE(ParseSize("12X").ok());
  EXPECT_FALSE(ParseSize("").ok());
  EXPECT_FALSE(ParseSize("G").ok());
  EXPECT_FALSE(ParseSize("20000000000T").ok());  // > 2^64
}

TEST(ParseDuration, GoStyleAndBareSeconds) {
  EXPECT_EQ(*ParseDuration("30s"), absl::Seconds(30));
  EXPECT_EQ(*ParseDuration("1m30s"), absl::Seconds(90));
  EXPECT_EQ(*ParseDuration("500ms"), absl::Milliseconds(500));
  EXPECT_EQ(*ParseDuration("2h"), absl::Hours(2));
  EXPECT_EQ(*ParseDuration("45"), absl::Seconds(45));
  EXPECT_EQ(*ParseDuration("0"), absl::ZeroDuration());
  EXPECT_FALSE(ParseDuration("-5s").ok());
  EXPECT_FALSE(ParseDuration("soon").ok());
  EXPECT_FALSE(ParseDuration("inf").ok());
}

TEST(ParseDisk, PathAndOptions) {
  v1::Disk d = *ParseDisk("/img/root.raw,ro,serial=root");
  EXPECT_EQ(d.path(), "/img/root.raw");
  EXPECT_TRUE(d.read_only());
  EXPECT_EQ(d.serial(), "root");
  v1::Disk plain = *ParseDisk("data.img");
  EXPECT_EQ(plain.path(), "data.img");
  EXPECT_FALSE(plain.read_only());
  EXPECT_FALSE(ParseDisk("a.img,bogus").ok());
  EXPECT_FALSE(ParseDisk(",ro").ok());
}

TEST(ParseForward, ProtocolAddressAndPorts) {
  v1::PortForward f = *ParseForward("tcp:8080:80");
  EXPECT_EQ(f.protocol(), v1::PROTOCOL_TCP);
  EXPECT_EQ(f.host_address(), "");
  EXPECT_EQ(f.host_port(), 8080u);
  EXPECT_EQ(f.guest_port(), 80u);
  v1::PortForward u = *ParseForward("udp:0.0.0.0:5353:53");
  EXPECT_EQ(u.protocol(), v1::PROTOCOL_UDP);
  EXPECT_EQ(u.host_address(), "0.0.0.0");
  EXPECT_EQ(u.host_port(), 5353u);
  EXPECT_EQ(u.guest_port(), 53u);
  EXPECT_EQ(ParseForward("2222:22")->protocol(), v1::PROTOCOL_TCP);
  EXPECT_FALSE(ParseForward("tcp:0:80").ok());
  EXPECT_FALSE(ParseForward("tcp:80").ok());
  EXPECT_FALSE(ParseForward("tcp:70000:1").ok());
  EXPECT_FALSE(ParseForward("tcp:a:b:c:d").ok());
}

TEST(ParseLabel, KeyValue) {
  EXPECT_EQ(*ParseLabel("team=ci"), std::make_pair(std::string("team"), std::string("ci")));
  EXPECT_EQ(ParseLabel("k=")->second, "");
  EXPECT_EQ(ParseLabel("url=a=b")->second, "a=b");
  EXPECT_FALSE(ParseLabel("=v").ok());
  EXPECT_FALSE(ParseLabel("kv").ok());
}

TEST(ParseState, NamesAnyCase) {
  EXPECT_EQ(*ParseState("running"), v1::VM_STATE_RUNNING);
  EXPECT_EQ(*ParseState("STOPPED"), v1::VM_STATE_STOPPED);
  EXPECT_FALSE(ParseState("unspecified").ok());
  EXPECT_FALSE(ParseState("bogus").ok());
  EXPECT_FALSE(ParseState("").ok());
}

TEST(ParseDetachKeys, ControlCodesAsAsciiDefines) {
  // Ctrl-X is the character with code X & 0x1f: ']' (0x5d) -> GS (0x1d).
  EXPECT_EQ(*ParseDetachKeys("ctrl-]"), "\x1d");
  EXPECT_EQ(*ParseDetachKeys("ctrl-p,ctrl-q"), "\x10\x11");
  EXPECT_EQ(*ParseDetachKeys("ctrl-a"), "\x01");
  EXPECT_EQ(*ParseDetachKeys("ctrl-@"), std::string(1, '\0'));
  EXPECT_EQ(*ParseDetachKeys("ctrl-_"), "\x1f");
  EXPECT_EQ(*ParseDetachKeys("ctrl-\\"), "\x1c");
  EXPECT_EQ(*ParseDetachKeys("ctrl-x,q"), "\x18q");
  EXPECT_FALSE(ParseDetachKeys("ctrl-1").ok());
  EXPECT_FALSE(ParseDetachKeys("").ok());
  EXPECT_FALSE(ParseDetachKeys("ab").ok());
}

TEST(ParseHost, UnixSocketsAndTcp) {
  HostAddress a = *ParseHost("unix:///run/vmd/vmd.sock");
  EXPECT_TRUE(a.is_unix);
  EXPECT_EQ(a.path, "/run/vmd/vmd.sock");
  EXPECT_EQ(a.target, "unix:///run/vmd/vmd.sock");
  EXPECT_EQ(ParseHost("unix:/x/vmd.sock")->path, "/x/vmd.sock");
  EXPECT_EQ(ParseHost("/x/vmd.sock")->display, "unix:///x/vmd.sock");
  HostAddress t = *ParseHost("vmhost.example:7443");
  EXPECT_FALSE(t.is_unix);
  EXPECT_EQ(t.target, "vmhost.example:7443");
  EXPECT_TRUE(ParseHost("[::1]:7443").ok());
  EXPECT_FALSE(ParseHost("unix:relative.sock").ok());
  EXPECT_FALSE(ParseHost("vmhost.example").ok());
  EXPECT_FALSE(ParseHost("vmhost:0").ok());
}

TEST(DefaultHost, EnvThenRootThenUser) {
  EXPECT_EQ(DefaultHost("unix:///a/vmd.sock", 1000, "/home/u"), "unix:///a/vmd.sock");
  EXPECT_EQ(DefaultHost(nullptr, 0, "/root"), "unix:///var/lib/vmd/vmd.sock");
  EXPECT_EQ(DefaultHost("", 1000, "/home/u"), "unix:///home/u/.local/state/vmd/vmd.sock");
}

TEST(FormatTable, AlignsColumnsWithoutTrailingBlanks) {
  EXPECT_EQ(FormatTable({{"NAME", "STATE"}, {"web", "running"}, {"database", "stopped"}}),
            "NAME      STATE\n"
            "web       running\n"
            "database  stopped\n");
  EXPECT_EQ(FormatTable({{"a", ""}, {"bb", "c"}}), "a\nbb  c\n");
}

TEST(FormatSize, LargestExactBinaryUnit) {
  EXPECT_EQ(FormatSize(uint64_t{512} << 20), "512M");
  EXPECT_EQ(FormatSize(uint64_t{2} << 30), "2G");
  EXPECT_EQ(FormatSize(uint64_t{1536} << 20), "1536M");
  EXPECT_EQ(FormatSize(uint64_t{1} << 40), "1T");
  EXPECT_EQ(FormatSize(4096), "4K");
  EXPECT_EQ(FormatSize(1536), "1536");
  EXPECT_EQ(FormatSize(0), "0");
  // What FormatSize prints, ParseSize reads back.
  for (uint64_t v : {uint64_t{3} << 30, uint64_t{1536} << 20, uint64_t{1000}}) {
    EXPECT_EQ(*ParseSize(FormatSize(v)), v);
  }
}

TEST(FormatSeconds, TwoMostSignificantUnits) {
  EXPECT_EQ(FormatSeconds(45), "45s");
  EXPECT_EQ(FormatSeconds(192), "3m12s");
  EXPECT_EQ(FormatSeconds(2 * 3600 + 5 * 60 + 59), "2h05m");
  EXPECT_EQ(FormatSeconds(3 * 86400 + 4 * 3600), "3d04h");
  EXPECT_EQ(FormatSeconds(-3), "0s");
}

TEST(Names, EnumsInLowercaseWords) {
  EXPECT_EQ(StateName(v1::VM_STATE_RUNNING), "running");
  EXPECT_EQ(StopReasonName(v1::STOP_REASON_GUEST_POWER_OFF), "guest power off");
  EXPECT_EQ(EventTypeName(v1::EVENT_TYPE_STOPPED), "stopped");
  google::protobuf::Timestamp t;
  EXPECT_EQ(FormatTimestamp(t), "-");
  t.set_seconds(1767225600);  // 56 years * 365 + 14 leap days = 20454 days
  EXPECT_EQ(FormatTimestamp(t), "2026-01-01T00:00:00Z");
}

TEST(ToJson, ProtobufJsonWithEveryFieldAndRoundTrips) {
  v1::Vm vm;
  vm.set_name("web");
  vm.set_state(v1::VM_STATE_RUNNING);
  std::string compact = ToJson(vm, false);
  EXPECT_NE(compact.find("\"name\":\"web\""), std::string::npos) << compact;
  EXPECT_NE(compact.find("\"state\":\"VM_STATE_RUNNING\""), std::string::npos);
  EXPECT_NE(compact.find("\"workerPid\":0"), std::string::npos);   // default still printed
  EXPECT_NE(compact.find("\"eventSequence\":\"0\""), std::string::npos);  // 64-bit: string
  EXPECT_EQ(compact.find('\n'), std::string::npos);
  EXPECT_NE(ToJson(vm, true).find('\n'), std::string::npos);
  v1::Vm back;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(ToJson(vm, true), &back).ok());
  EXPECT_EQ(back.name(), "web");
  EXPECT_EQ(back.state(), v1::VM_STATE_RUNNING);
}

TEST(ExitCodes, OnePerGrpcCode) {
  EXPECT_EQ(ExitCodeForStatus(grpc::Status::OK), 0);
  EXPECT_EQ(ExitCodeForStatus(grpc::Status(grpc::StatusCode::NOT_FOUND, "")), 3);
  EXPECT_EQ(ExitCodeForStatus(grpc::Status(grpc::StatusCode::ALREADY_EXISTS, "")), 4);
  EXPECT_EQ(ExitCodeForStatus(grpc::Status(grpc::StatusCode::FAILED_PRECONDITION, "")), 5);
  EXPECT_EQ(ExitCodeForStatus(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "")), 6);
  EXPECT_EQ(ExitCodeForStatus(grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "")), 7);
  EXPECT_EQ(ExitCodeForStatus(grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED, "")), 8);
  EXPECT_EQ(ExitCodeForStatus(grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, "")), 9);
  EXPECT_EQ(ExitCodeForStatus(grpc::Status(grpc::StatusCode::UNAVAILABLE, "")), 10);
  EXPECT_EQ(ExitCodeForStatus(grpc::Status(grpc::StatusCode::OUT_OF_RANGE, "")), 11);
  EXPECT_EQ(ExitCodeForStatus(grpc::Status(grpc::StatusCode::INTERNAL, "")), 1);
}

TEST(ExitCodes, HowTheVmEnded) {
  EXPECT_EQ(ExitCodeForStop(v1::STOP_REASON_GUEST_POWER_OFF), 0);
  EXPECT_EQ(ExitCodeForStop(v1::STOP_REASON_STOP_REQUESTED), 0);
  EXPECT_EQ(ExitCodeForStop(v1::STOP_REASON_GUEST_RESET), 20);
  EXPECT_EQ(ExitCodeForStop(v1::STOP_REASON_STOP_FORCED), 21);
  EXPECT_EQ(ExitCodeForStop(v1::STOP_REASON_KILLED), 22);
  EXPECT_EQ(ExitCodeForStop(v1::STOP_REASON_WORKER_CRASHED), 23);
  EXPECT_EQ(ExitCodeForStop(v1::STOP_REASON_START_FAILED), 24);
  EXPECT_EQ(ExitCodeForStop(v1::STOP_REASON_GUEST_ERROR), 25);
  EXPECT_EQ(ExitCodeForStop(v1::STOP_REASON_UNSPECIFIED), 26);
}

TEST(MessageForStatus, NamesTheVmOnceAndExplainsUnreachableDaemon) {
  EXPECT_EQ(MessageForStatus(grpc::Status(grpc::StatusCode::NOT_FOUND, "no such vm"), "web", ""),
            "vm \"web\": not found");
  EXPECT_EQ(MessageForStatus(grpc::Status(grpc::StatusCode::FAILED_PRECONDITION, "not running"),
                             "web", ""),
            "vm \"web\": not running");
  EXPECT_EQ(MessageForStatus(
                grpc::Status(grpc::StatusCode::FAILED_PRECONDITION, "vm \"web\": not running"),
                "web", ""),
            "vm \"web\": not running");
  EXPECT_EQ(MessageForStatus(grpc::Status(grpc::StatusCode::UNAVAILABLE, "failed to connect"), "",
                             "unix:///var/lib/vmd/vmd.sock"),
            "cannot reach vmd at unix:///var/lib/vmd/vmd.sock: is it running? start it with "
            "`vmd --state-dir /var/lib/vmd` or `systemctl start vmd`");
}

}  // namespace
}  // namespace vmd::vmctl
