// libFuzzer target: virtio-blk request parsing on a small scratch image.
#include <stdlib.h>
#include <unistd.h>

#include <string>

#include "engine/virtio/blk.h"
#include "tests/fuzz/device_fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static vmd::VirtioBlk* blk = [] {
    std::string path = std::string(getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp") + "/vmd-blk-fuzz-XXXXXX";
    const int fd = mkstemp(path.data());
    if (fd < 0 || ftruncate(fd, 64 * 1024) != 0) abort();
    close(fd);
    vmd::VirtioBlkOptions o;
    o.path = path;
    o.serial = "fuzz";
    auto dev = vmd::VirtioBlk::Open(o);
    unlink(path.c_str());  // the open descriptor keeps it alive
    if (!dev.ok()) abort();
    return dev->release();
  }();
  vmd::fuzz::RunDeviceInput(*blk, blk->DeviceFeatures(), data, size);
  return 0;
}
