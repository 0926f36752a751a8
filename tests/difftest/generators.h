// The generator groups, one function per source file, concatenated by
// generators.cc into AllGenerators(). Each group's generators are named after
// the decoder-table line (or encoding group) they cover.
#ifndef VMD_TESTS_DIFFTEST_GENERATORS_H_
#define VMD_TESTS_DIFFTEST_GENERATORS_H_

#include <vector>

#include "tests/difftest/case_builder.h"

namespace vmd::difftest {

void AddDataProcessingGenerators(std::vector<Generator>* out);  // gen_dp.cc
void AddLoadStoreGenerators(std::vector<Generator>* out);       // gen_ldst.cc
void AddBranchSystemGenerators(std::vector<Generator>* out);    // gen_branch.cc
void AddExtensionGenerators(std::vector<Generator>* out);       // gen_ext.cc

}  // namespace vmd::difftest

#endif  // VMD_TESTS_DIFFTEST_GENERATORS_H_
