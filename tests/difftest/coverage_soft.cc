// DecoderCoverage against hv/soft's decoder table (engine/hv/soft/decode.h).
// The one place difftest looks inside hv/soft, and only to name table lines:
// every instruction still runs through the public hv API.
#include <span>
#include <vector>

#include "engine/hv/soft/decode.h"
#include "tests/difftest/coverage.h"

namespace vmd::difftest {

DecoderCoverage::DecoderCoverage(bool integer_tables, bool fp_tables) {
  std::vector<std::span<const hvsoft::DecodeLine>> tables;
  if (integer_tables) {
    tables.insert(tables.end(), {hvsoft::DataProcessingTable(), hvsoft::LoadStoreTable(),
                                 hvsoft::SystemTable()});
  }
  if (fp_tables) {
    tables.insert(tables.end(), {hvsoft::FpTable(), hvsoft::SimdLoadStoreTable(),
                                 hvsoft::SimdMoveTable(), hvsoft::SimdThreeTable(),
                                 hvsoft::SimdMiscTable()});
  }
  for (auto table : tables) {
    for (const hvsoft::DecodeLine& line : table) {
      if (counts_.emplace(line.name, 0).second) lines_.push_back(line.name);
    }
  }
}

void DecoderCoverage::Add(uint32_t insn) { ++counts_[hvsoft::DecodeName(insn)]; }

int DecoderCoverage::Print(FILE* out, bool all_lines) const {
  int untested = 0;
  std::string missing;
  for (const std::string& name : lines_) {
    uint64_t n = counts_.at(name);
    if (n == 0) {
      ++untested;
      missing += (missing.empty() ? "" : ", ") + name;
    }
    if (all_lines) {
      std::fprintf(out, "  %-28s %10llu%s\n", name.c_str(), static_cast<unsigned long long>(n),
                   n == 0 ? "  UNTESTED" : "");
    }
  }
  if (untested > 20) missing = "--coverage lists them";
  auto undefined = counts_.find("undefined");
  std::fprintf(out, "decoder lines: %zu, untested: %d%s%s%s; undefined-decoding instructions: %llu\n",
               lines_.size(), untested, missing.empty() ? "" : " (", missing.c_str(),
               missing.empty() ? "" : ")",
               static_cast<unsigned long long>(undefined == counts_.end() ? 0 : undefined->second));
  return untested;
}

}  // namespace vmd::difftest
