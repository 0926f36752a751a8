// libFuzzer target: virtio-balloon inflate/deflate frame lists and stats.
#include "engine/virtio/balloon.h"
#include "tests/fuzz/device_fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static vmd::VirtioBalloon* balloon = new vmd::VirtioBalloon();
  if (size > 0 && (data[0] & 0x20)) balloon->RequestStats();
  vmd::fuzz::RunDeviceInput(*balloon, vmd::kVirtioBalloonFStatsVq, data, size);
  return 0;
}
