// libFuzzer target: virtio-rng request handling.
#include "engine/virtio/rng.h"
#include "tests/fuzz/device_fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static vmd::VirtioRng* rng = new vmd::VirtioRng();
  vmd::fuzz::RunDeviceInput(*rng, 0, data, size);
  return 0;
}
