// Human and JSON rendering for vmctl; see format.h.
#include "client/vmctl/format.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/time/time.h"
#include "google/protobuf/util/json_util.h"

namespace vmd::vmctl {
namespace {

// "VM_STATE_RUNNING" minus the prefix, lowercased, underscores as `sep`.
std::string EnumWords(const std::string& full, const std::string& prefix, const char* sep) {
  std::string s = full.substr(std::min(prefix.size(), full.size()));
  s = absl::AsciiStrToLower(s);
  return absl::StrReplaceAll(s, {{"_", sep}});
}

}  // namespace

std::string FormatTable(const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> widths;
  for (const auto& row : rows) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - row[i].size() + 2, ' ');
    }
    // A trailing empty cell would otherwise leave blanks at the end.
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  }
  return out;
}

std::string FormatSize(uint64_t bytes) {
  static constexpr struct {
    int shift;
    const char* suffix;
  } kUnits[] = {{40, "T"}, {30, "G"}, {20, "M"}, {10, "K"}};
  if (bytes != 0) {
    for (const auto& u : kUnits) {
      uint64_t unit = uint64_t{1} << u.shift;
      if (bytes % unit == 0) return absl::StrCat(bytes / unit, u.suffix);
    }
  }
  return absl::StrCat(bytes);
}

std::string FormatSeconds(int64_t s) {
  if (s < 0) s = 0;
  if (s < 60) return absl::StrFormat("%ds", s);
  if (s < 3600) return absl::StrFormat("%dm%02ds", s / 60, s % 60);
  if (s < 86400) return absl::StrFormat("%dh%02dm", s / 3600, (s % 3600) / 60);
  return absl::StrFormat("%dd%02dh", s / 86400, (s % 86400) / 3600);
}

std::string StateName(v1::VmState state) {
  return EnumWords(v1::VmState_Name(state), "VM_STATE_", "_");
}

std::string StopReasonName(v1::StopReason reason) {
  return EnumWords(v1::StopReason_Name(reason), "STOP_REASON_", " ");
}

std::string EventTypeName(v1::EventType type) {
  return EnumWords(v1::EventType_Name(type), "EVENT_TYPE_", "_");
}

std::string FormatTimestamp(const google::protobuf::Timestamp& t) {
  if (t.seconds() == 0 && t.nanos() == 0) return "-";
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", absl::FromUnixSeconds(t.seconds()),
                          absl::UTCTimeZone());
}

std::string ToJson(const google::protobuf::Message& message, bool pretty) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = pretty;
  options.always_print_primitive_fields = true;
  std::string out;
  if (!google::protobuf::util::MessageToJsonString(message, &out, options).ok()) {
    // Only a message with an invalid Any or similar fails; the API has none.
    return "{}";
  }
  if (pretty && !out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace vmd::vmctl
