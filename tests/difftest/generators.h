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
// FP/SIMD (Generator::fp set):
void AddFpGenerators(std::vector<Generator>* out);              // gen_fp.cc
void AddSimdLoadStoreGenerators(std::vector<Generator>* out);   // gen_simd_ldst.cc
void AddSimdMoveGenerators(std::vector<Generator>* out);        // gen_simd_move.cc
void AddSimdThreeGenerators(std::vector<Generator>* out);       // gen_simd_three.cc
void AddSimdMiscGenerators(std::vector<Generator>* out);        // gen_simd_misc.cc

}  // namespace vmd::difftest

#endif  // VMD_TESTS_DIFFTEST_GENERATORS_H_
