// The registry of every generator, in report order.
#include "tests/difftest/generators.h"

namespace vmd::difftest {

const std::vector<Generator>& AllGenerators() {
  static const std::vector<Generator>* all = [] {
    auto* v = new std::vector<Generator>;
    AddDataProcessingGenerators(v);
    AddLoadStoreGenerators(v);
    AddBranchSystemGenerators(v);
    AddExtensionGenerators(v);
    AddFpGenerators(v);
    AddSimdLoadStoreGenerators(v);
    AddSimdMoveGenerators(v);
    AddSimdThreeGenerators(v);
    AddSimdMiscGenerators(v);
    return v;
  }();
  return *all;
}

}  // namespace vmd::difftest
