#include "engine/vmm/size_flag.h"

#include <cctype>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace vmd {

absl::StatusOr<uint64_t> ParseSize(const std::string& text) {
  std::string digits = text;
  int shift = 0;
  if (!digits.empty()) {
    const char unit = static_cast<char>(std::toupper(static_cast<unsigned char>(digits.back())));
    const std::string units = "KMGT";
    if (size_t pos = units.find(unit); pos != std::string::npos) {
      shift = 10 * static_cast<int>(pos + 1);
      digits.pop_back();
    } else if (unit == 'B') {
      digits.pop_back();
    }
  }
  uint64_t value = 0;
  if (digits.empty() || !absl::SimpleAtoi(digits, &value)) {
    return absl::InvalidArgumentError(absl::StrCat("\"", text, "\" is not a size (e.g. 512M, 2G)"));
  }
  if (shift > 0 && value > (~0ull >> shift)) {
    return absl::InvalidArgumentError(absl::StrCat("\"", text, "\" is too large"));
  }
  return value << shift;
}

}  // namespace vmd
