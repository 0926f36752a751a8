// DecoderCoverage when the backend is not hv/soft: no table to report on.
#include "tests/difftest/coverage.h"

namespace vmd::difftest {

DecoderCoverage::DecoderCoverage(bool, bool) {}
void DecoderCoverage::Add(uint32_t) {}
int DecoderCoverage::Print(FILE* out, bool) const {
  std::fprintf(out, "decoder coverage: not available for this hypervisor backend\n");
  return 0;
}

}  // namespace vmd::difftest
