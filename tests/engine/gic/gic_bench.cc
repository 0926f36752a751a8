// Costs of the GIC's hot paths: the per-run IrqPending poll, a device raising
// and lowering an SPI, and a whole interrupt (raise, IAR1, EOIR1) at 4 and 16
// vCPUs. A benchmark binary, not a test: run it by hand.
#include <cstdint>

#include "benchmark/benchmark.h"
#include "tests/engine/gic/gic_guest.h"

namespace vmd {
namespace {

using namespace gic;  // NOLINT: register names in a benchmark

void BM_IrqPending(benchmark::State& state) {
  testing::GicGuest g(4);
  g.LinuxInit();
  for (auto _ : state) benchmark::DoNotOptimize(g.gic().IrqPending(1));
}
BENCHMARK(BM_IrqPending);

void BM_SpiRaiseLowerDisabled(benchmark::State& state) {
  testing::GicGuest g(static_cast<int>(state.range(0)));
  g.LinuxInit();
  for (auto _ : state) {
    g.gic().SetSpiLevel(40, true);
    g.gic().SetSpiLevel(40, false);
  }
}
BENCHMARK(BM_SpiRaiseLowerDisabled)->Arg(4)->Arg(16);

void BM_SpiFullCycle(benchmark::State& state) {
  testing::GicGuest g(static_cast<int>(state.range(0)));
  g.LinuxInit();
  g.Enable(0, 40);
  g.RouteSpi(40, 1);
  for (auto _ : state) {
    g.gic().SetSpiLevel(40, true);
    uint32_t intid = g.Ack1(1);
    g.gic().SetSpiLevel(40, false);
    g.Eoi1(1, intid);
  }
}
BENCHMARK(BM_SpiFullCycle)->Arg(4)->Arg(16);

void BM_SgiFullCycle(benchmark::State& state) {
  testing::GicGuest g(4);
  g.LinuxInit();
  for (auto _ : state) {
    g.SetIcc(0, kIccSgi1r, uint64_t{1} << 24 | 0b10);
    uint32_t intid = g.Ack1(1);
    g.Eoi1(1, intid);
  }
}
BENCHMARK(BM_SgiFullCycle);

}  // namespace
}  // namespace vmd

BENCHMARK_MAIN();
