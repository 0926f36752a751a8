// Flag-value parsers for vmctl; see parse.h.
#include "client/vmctl/parse.h"

#include <cctype>
#include <limits>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace vmd::vmctl {
namespace {

absl::StatusOr<uint32_t> ParsePort(const std::string& text, const std::string& what) {
  uint32_t port = 0;
  if (!absl::SimpleAtoi(text, &port) || port < 1 || port > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat(what, " \"", text, "\": not a port number (1..65535)"));
  }
  return port;
}

}  // namespace

absl::StatusOr<uint64_t> ParseSize(const std::string& text) {
  std::string t = absl::AsciiStrToLower(text);
  size_t digits = 0;
  while (digits < t.size() && std::isdigit(static_cast<unsigned char>(t[digits]))) ++digits;
  if (digits == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("size \"", text, "\": expected a whole number with an optional K/M/G/T suffix"));
  }
  uint64_t value = 0;
  if (!absl::SimpleAtoi(t.substr(0, digits), &value)) {
    return absl::InvalidArgumentError(absl::StrCat("size \"", text, "\": number too large"));
  }
  std::string suffix = t.substr(digits);
  int shift = -1;
  if (suffix.empty() || suffix == "b") shift = 0;
  else if (suffix == "k" || suffix == "kb" || suffix == "kib") shift = 10;
  else if (suffix == "m" || suffix == "mb" || suffix == "mib") shift = 20;
  else if (suffix == "g" || suffix == "gb" || suffix == "gib") shift = 30;
  else if (suffix == "t" || suffix == "tb" || suffix == "tib") shift = 40;
  if (shift < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("size \"", text, "\": unknown suffix \"", suffix, "\" (use K, M, G or T)"));
  }
  if (shift > 0 && value > (std::numeric_limits<uint64_t>::max() >> shift)) {
    return absl::InvalidArgumentError(absl::StrCat("size \"", text, "\": too large"));
  }
  return value << shift;
}

absl::StatusOr<absl::Duration> ParseDuration(const std::string& text) {
  absl::Duration d;
  int64_t seconds = 0;
  if (absl::SimpleAtoi(text, &seconds)) {
    d = absl::Seconds(seconds);
  } else if (!absl::ParseDuration(text, &d) || d == absl::InfiniteDuration()) {
    return absl::InvalidArgumentError(
        absl::StrCat("duration \"", text, "\": expected e.g. 30s, 1m30s, 500ms or 2h"));
  }
  if (d < absl::ZeroDuration()) {
    return absl::InvalidArgumentError(absl::StrCat("duration \"", text, "\": negative"));
  }
  return d;
}

absl::StatusOr<v1::Disk> ParseDisk(const std::string& text) {
  std::vector<std::string> parts = absl::StrSplit(text, ',');
  v1::Disk disk;
  if (parts.empty() || parts[0].empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("disk \"", text, "\": expected PATH[,ro][,serial=S]"));
  }
  disk.set_path(parts[0]);
  for (size_t i = 1; i < parts.size(); ++i) {
    const std::string& p = parts[i];
    if (p == "ro") {
      disk.set_read_only(true);
    } else if (p == "rw") {
      disk.set_read_only(false);
    } else if (absl::StartsWith(p, "serial=")) {
      disk.set_serial(p.substr(7));
    } else {
      return absl::InvalidArgumentError(absl::StrCat(
          "disk \"", text, "\": unknown option \"", p, "\" (known: ro, rw, serial=S)"));
    }
  }
  return disk;
}

absl::StatusOr<v1::PortForward> ParseForward(const std::string& text) {
  std::vector<std::string> parts = absl::StrSplit(text, ':');
  v1::PortForward fwd;
  fwd.set_protocol(v1::PROTOCOL_TCP);
  size_t i = 0;
  if (!parts.empty() && (parts[0] == "tcp" || parts[0] == "udp")) {
    fwd.set_protocol(parts[0] == "udp" ? v1::PROTOCOL_UDP : v1::PROTOCOL_TCP);
    i = 1;
  }
  size_t left = parts.size() - i;
  if (left != 2 && left != 3) {
    return absl::InvalidArgumentError(absl::StrCat(
        "forward \"", text, "\": expected [tcp:|udp:][ADDR:]HOSTPORT:GUESTPORT"));
  }
  if (left == 3) {
    if (parts[i].empty()) {
      return absl::InvalidArgumentError(absl::StrCat("forward \"", text, "\": empty address"));
    }
    fwd.set_host_address(parts[i++]);
  }
  absl::StatusOr<uint32_t> host_port = ParsePort(parts[i], "forward host port");
  if (!host_port.ok()) return host_port.status();
  absl::StatusOr<uint32_t> guest_port = ParsePort(parts[i + 1], "forward guest port");
  if (!guest_port.ok()) return guest_port.status();
  fwd.set_host_port(*host_port);
  fwd.set_guest_port(*guest_port);
  return fwd;
}

absl::StatusOr<std::pair<std::string, std::string>> ParseLabel(const std::string& text) {
  size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    return absl::InvalidArgumentError(absl::StrCat("label \"", text, "\": expected KEY=VALUE"));
  }
  return std::make_pair(text.substr(0, eq), text.substr(eq + 1));
}

absl::StatusOr<v1::VmState> ParseState(const std::string& text) {
  std::string name = absl::StrCat("VM_STATE_", absl::AsciiStrToUpper(text));
  v1::VmState state;
  if (text.empty() || !v1::VmState_Parse(name, &state) || state == v1::VM_STATE_UNSPECIFIED) {
    return absl::InvalidArgumentError(absl::StrCat(
        "state \"", text,
        "\": unknown (known: created, starting, running, paused, stopping, stopped)"));
  }
  return state;
}

absl::StatusOr<std::string> ParseDetachKeys(const std::string& text) {
  std::string keys;
  for (const std::string& item : std::vector<std::string>(absl::StrSplit(text, ','))) {
    std::string lower = absl::AsciiStrToLower(item);
    if (lower.size() == 6 && absl::StartsWith(lower, "ctrl-")) {
      char c = lower[5];
      if (c >= 'a' && c <= 'z') {
        keys.push_back(static_cast<char>(c - 'a' + 1));
        continue;
      }
      // Control codes 0x00 and 0x1b..0x1f: ctrl-@ ctrl-[ ctrl-\ ctrl-] ctrl-^ ctrl-_
      static constexpr char kPunct[] = "@[\\]^_";
      const char* p = std::char_traits<char>::find(kPunct, 6, c);
      if (p != nullptr) {
        keys.push_back(p == kPunct ? '\0' : static_cast<char>(0x1a + (p - kPunct)));
        continue;
      }
    } else if (item.size() == 1 && std::isprint(static_cast<unsigned char>(item[0]))) {
      keys.push_back(item[0]);
      continue;
    }
    return absl::InvalidArgumentError(absl::StrCat(
        "detach keys \"", text, "\": \"", item,
        "\" is not ctrl-<a-z@[\\]^_> or a single character"));
  }
  if (keys.empty()) {
    return absl::InvalidArgumentError("detach keys: empty");
  }
  return keys;
}

absl::StatusOr<HostAddress> ParseHost(const std::string& text) {
  HostAddress host;
  std::string path;
  if (absl::StartsWith(text, "unix://")) {
    path = text.substr(7);
  } else if (absl::StartsWith(text, "unix:")) {
    path = text.substr(5);
  } else if (absl::StartsWith(text, "/")) {
    path = text;
  } else {
    size_t colon = text.rfind(':');
    uint32_t port = 0;
    if (colon == std::string::npos || colon == 0 ||
        !absl::SimpleAtoi(text.substr(colon + 1), &port) || port < 1 || port > 65535) {
      return absl::InvalidArgumentError(absl::StrCat(
          "host \"", text, "\": expected unix:///path/vmd.sock or HOST:PORT"));
    }
    host.is_unix = false;
    host.target = text;
    host.display = text;
    return host;
  }
  if (path.empty() || path[0] != '/') {
    return absl::InvalidArgumentError(
        absl::StrCat("host \"", text, "\": the socket path must be absolute"));
  }
  host.path = path;
  host.target = absl::StrCat("unix://", path);
  host.display = host.target;
  return host;
}

std::string DefaultHost(const char* env_host, unsigned euid, const char* home) {
  if (env_host != nullptr && env_host[0] != '\0') return env_host;
  if (euid == 0 || home == nullptr || home[0] == '\0') return "unix:///var/lib/vmd/vmd.sock";
  return absl::StrCat("unix://", home, "/.local/state/vmd/vmd.sock");
}

}  // namespace vmd::vmctl
