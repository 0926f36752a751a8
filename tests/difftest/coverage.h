// Decoder-table coverage of a differential run: how many generated
// instructions fell on each line of hv/soft's A64 decoder table, so a line no
// generator reaches shows up (DECISIONS.md). Only meaningful with hv/soft;
// against another backend it reports that it is unavailable. Used by
// difftest_main.cc.
#ifndef VMD_TESTS_DIFFTEST_COVERAGE_H_
#define VMD_TESTS_DIFFTEST_COVERAGE_H_

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace vmd::difftest {

class DecoderCoverage {
 public:
  // Counts the lines of the integer tables (data processing, load/store,
  // system) and/or the FP/SIMD ones (FpTable, SimdLoadStoreTable,
  // SimdMoveTable, SimdThreeTable, SimdMiscTable).
  DecoderCoverage(bool integer_tables, bool fp_tables);
  bool available() const { return !lines_.empty(); }
  void Add(uint32_t insn);
  // A summary naming the lines never hit (one line per table), after (with
  // `all_lines`) one row per decoder line with its count. Returns how many
  // lines were never hit.
  int Print(FILE* out, bool all_lines) const;

 private:
  struct Line {
    const char* table;
    std::string name;
  };
  std::vector<Line> lines_;  // table order
  std::map<std::string, uint64_t> counts_;
};

}  // namespace vmd::difftest

#endif  // VMD_TESTS_DIFFTEST_COVERAGE_H_
