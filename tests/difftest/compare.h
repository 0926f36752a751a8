// Runs cases on both sides and judges them: the verdict per case, the run's
// tally, mismatch reports and the shrinking of a mismatching case to the
// instructions that matter. Used by difftest_main.cc.
#ifndef VMD_TESTS_DIFFTEST_COMPARE_H_
#define VMD_TESTS_DIFFTEST_COMPARE_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "tests/difftest/case_format.h"
#include "tests/difftest/runners.h"

namespace vmd::difftest {

struct Verdict {
  bool match = false;
  bool both_faulted = false;  // counted as a match: nothing to compare
  DtResult ref{};
  DtResult hv{};
  std::string hv_detail;
  std::vector<std::string> diffs;  // one line per differing item
};

// Compares one case's results (hv may be null: reference-only run).
Verdict Judge(const DtCase& c, const DtResult& ref, const DtResult* hv, const std::string& detail);

struct Tally {
  uint64_t cases = 0, mismatches = 0, both_faulted = 0;
  void Add(const Verdict& v);
  void Print(FILE* out, uint64_t seed) const;
};

// FPCR's compared fields ("RMode=1 FZ DN AHP") and FPSR's flags by name
// ("IOC|IXC", "-" for none), for reports.
std::string DescribeFpcr(uint64_t fpcr);
std::string DescribeFpsr(uint64_t fpsr);

void PrintCase(FILE* out, uint64_t index, const DtCase& c, const std::vector<std::string>& names);
void PrintMismatch(FILE* out, const DtCase& c, const Verdict& v);

class Comparer {
 public:
  // `hv` null: reference-only (checks that generated code runs cleanly).
  Comparer(std::string qemu, std::string ref, std::string work_dir, HvRunner* hv)
      : ref_(std::move(qemu), std::move(ref), std::move(work_dir)), hv_(hv) {}

  absl::Status RunBatch(const std::vector<DtCase>& cases, std::vector<Verdict>* verdicts);
  // Replaces instructions by NOPs while the case still mismatches the same
  // way (same outcome on each side as `original`) and prints the smallest
  // form found.
  void Shrink(FILE* out, const DtCase& c, const Verdict& original);

 private:
  RefRunner ref_;
  HvRunner* hv_;
};

}  // namespace vmd::difftest

#endif  // VMD_TESTS_DIFFTEST_COMPARE_H_
