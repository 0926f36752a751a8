// DecoderCoverage against hv/soft's decoder table (engine/hv/soft/decode.h).
// The one place difftest looks inside hv/soft, and only to name table lines:
// every instruction still runs through the public hv API.
#include <span>
#include <vector>

#include "engine/hv/soft/decode.h"
#include "tests/difftest/coverage.h"

namespace vmd::difftest {

DecoderCoverage::DecoderCoverage(bool integer_tables, bool fp_tables) {
  struct Table {
    const char* name;
    std::span<const hvsoft::DecodeLine> lines;
  };
  std::vector<Table> tables;
  if (integer_tables) {
    tables.insert(tables.end(), {{"DataProcessingTable", hvsoft::DataProcessingTable()},
                                 {"LoadStoreTable", hvsoft::LoadStoreTable()},
                                 {"SystemTable", hvsoft::SystemTable()}});
  }
  if (fp_tables) {
    tables.insert(tables.end(), {{"FpTable", hvsoft::FpTable()},
                                 {"SimdLoadStoreTable", hvsoft::SimdLoadStoreTable()},
                                 {"SimdMoveTable", hvsoft::SimdMoveTable()},
                                 {"SimdThreeTable", hvsoft::SimdThreeTable()},
                                 {"SimdMiscTable", hvsoft::SimdMiscTable()}});
  }
  for (const Table& table : tables) {
    for (const hvsoft::DecodeLine& line : table.lines) {
      if (counts_.emplace(line.name, 0).second) lines_.push_back({table.name, line.name});
    }
  }
}

void DecoderCoverage::Add(uint32_t insn) { ++counts_[hvsoft::DecodeName(insn)]; }

int DecoderCoverage::Print(FILE* out, bool all_lines) const {
  int untested = 0;
  struct TableSummary {
    const char* name;
    int lines = 0, untested = 0;
    std::string missing;  // the untested lines' names
  };
  std::vector<TableSummary> tables;
  for (const Line& line : lines_) {
    if (tables.empty() || tables.back().name != line.table)
      tables.push_back({line.table, 0, 0, {}});
    TableSummary& t = tables.back();
    ++t.lines;
    uint64_t n = counts_.at(line.name);
    if (n == 0) {
      ++untested;
      ++t.untested;
      t.missing += (t.missing.empty() ? "" : "; ") + line.name;
    }
    if (all_lines) {
      std::fprintf(out, "  %-44s %10llu%s\n", line.name.c_str(), static_cast<unsigned long long>(n),
                   n == 0 ? "  UNTESTED" : "");
    }
  }
  auto undefined = counts_.find("undefined");
  std::fprintf(out, "decoder lines: %zu, untested: %d; undefined-decoding instructions: %llu\n",
               lines_.size(), untested,
               static_cast<unsigned long long>(undefined == counts_.end() ? 0 : undefined->second));
  for (const TableSummary& t : tables) {
    std::fprintf(
        out, "  %-20s %4d lines, %4d untested%s%s%s\n", t.name, t.lines, t.untested,
        t.untested == 0 ? "" : " (",
        t.untested == 0 ? "" : (t.untested > 12 ? "--coverage lists them" : t.missing.c_str()),
        t.untested == 0 ? "" : ")");
  }
  return untested;
}

}  // namespace vmd::difftest
