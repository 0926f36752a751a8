#include "engine/virtio/rng.h"

#include <cstring>

#include "absl/strings/str_format.h"
#include "engine/base/status_macros.h"
#include "engine/virtio/sys/platform.h"

namespace vmd {
namespace {
// Bound per request so one huge buffer cannot stall the worker for long; the
// driver asks again for more (5.4.6: the device may fill less than offered).
constexpr size_t kMaxPerRequest = 64 * 1024;
}  // namespace

VirtioRng::VirtioRng() : VirtioDevice("virtio-rng", kDeviceId, {256}) {}
VirtioRng::~VirtioRng() { StopWorker(); }

void VirtioRng::ReadConfig(uint64_t, uint8_t* dst, size_t len) {
  std::memset(dst, 0, len);  // no config space
}

absl::Status VirtioRng::ProcessQueue(size_t, Virtqueue& queue) {
  uint8_t buf[4096];
  for (;;) {
    ASSIGN_OR_RETURN(std::optional<DescriptorChain> chain, queue.Pop());
    if (!chain) return absl::OkStatus();
    if (chain->readable_bytes > 0) {
      return absl::DataLossError(
          absl::StrFormat("rng: request %u has device-readable buffers", chain->head));
    }
    ChainWriter writer(memory(), *chain);
    size_t budget = kMaxPerRequest;
    while (writer.remaining() > 0 && budget > 0) {
      const size_t n = std::min<uint64_t>({writer.remaining(), sizeof(buf), budget});
      absl::Status s = sys::FillRandom(buf, n);
      if (!s.ok()) {
        // A host failure, not the guest's: give back what we have.
        if (WarnAllowed()) log().error("entropy source failed: {}", std::string(s.message()));
        break;
      }
      writer.Write(buf, n);
      budget -= n;
    }
    queue.Push(chain->head, static_cast<uint32_t>(writer.written()));
  }
}

}  // namespace vmd
