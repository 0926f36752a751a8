// Parsers for vmctl's flag values: sizes ("512M"), durations ("30s"), disks,
// port forwards, labels, VM states, detach keys and the daemon address.
// Pure functions (no I/O), used by cli.cc and unit-tested on their own.
#ifndef VMD_CLIENT_VMCTL_PARSE_H_
#define VMD_CLIENT_VMCTL_PARSE_H_

#include <cstdint>
#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "vmd/v1/vmd.pb.h"

namespace vmd::vmctl {

// Bytes, or a whole number with a binary suffix K/M/G/T (also KiB, MB, ...;
// case-insensitive). "1.5G" is refused: whole numbers only, as vmm does.
absl::StatusOr<uint64_t> ParseSize(const std::string& text);

// "30s", "1m30s", "500ms", "2h" (Go-style), or a bare number of seconds.
// Negative durations are refused.
absl::StatusOr<absl::Duration> ParseDuration(const std::string& text);

// PATH[,ro][,rw][,serial=S]
absl::StatusOr<v1::Disk> ParseDisk(const std::string& text);

// [tcp:|udp:][ADDR:]HOSTPORT:GUESTPORT, e.g. "tcp:8080:80", "127.0.0.1:2222:22".
absl::StatusOr<v1::PortForward> ParseForward(const std::string& text);

// KEY=VALUE (the value may be empty, the key may not).
absl::StatusOr<std::pair<std::string, std::string>> ParseLabel(const std::string& text);

// "running", "stopped", ... (the enum name without VM_STATE_, any case).
absl::StatusOr<v1::VmState> ParseState(const std::string& text);

// Docker-style detach keys: a comma-separated list of "ctrl-X" (X in a-z,
// @ [ \ ] ^ _) or single printable characters. "ctrl-]" gives "\x1d".
absl::StatusOr<std::string> ParseDetachKeys(const std::string& text);

// Where the daemon is: a unix socket or a TCP address.
struct HostAddress {
  bool is_unix = true;
  std::string path;    // unix socket path (is_unix)
  std::string target;  // the gRPC target: "unix:///path" or "host:port"
  // For messages: "unix:///path" or "host:port".
  std::string display;
};

// "unix:///abs/path", "unix:/abs/path", "/abs/path" or "HOST:PORT".
absl::StatusOr<HostAddress> ParseHost(const std::string& text);

// $VMD_HOST, else /var/lib/vmd/vmd.sock for root, else
// ~/.local/state/vmd/vmd.sock: the same defaults vmd uses. `env_host`, `euid`
// and `home` are passed in so tests need not change the process.
std::string DefaultHost(const char* env_host, unsigned euid, const char* home);

}  // namespace vmd::vmctl

#endif  // VMD_CLIENT_VMCTL_PARSE_H_
