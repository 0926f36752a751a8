// libFuzzer target: virtio-console transmit and receive handling.
#include "engine/virtio/console.h"
#include "tests/fuzz/device_fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static vmd::VirtioConsole* console = new vmd::VirtioConsole([](const uint8_t*, size_t) {}, 4096);
  console->Receive(data, std::min<size_t>(size, 300));
  vmd::fuzz::RunDeviceInput(*console, 0, data, size);
  return 0;
}
