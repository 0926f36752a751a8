// libFuzzer target: virtio-net transmit (header validation, frame bounds) and
// receive (frames from the backend into guest buffers) parsing. The input
// doubles as a frame from the backend and as the guest's rings and buffers.
#include "engine/net/net_backend.h"
#include "engine/virtio/net.h"
#include "tests/fuzz/device_fuzz_harness.h"

namespace {

// Checks what reaches a backend: whole frames within Ethernet bounds.
class CheckingBackend : public vmd::NetBackend {
 public:
  void SetReceiver(vmd::NetFrameReceiver*) override {}
  bool Send(const uint8_t* frame, size_t len) override {
    if (len < vmd::kEthHeaderSize || len > vmd::kMaxEthFrameSize) __builtin_trap();
    volatile uint8_t sink = frame[0] ^ frame[len - 1];  // touch both ends for ASan
    (void)sink;
    return (len & 1) == 0;  // refuse some, as a congested backend would
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static CheckingBackend* backend = new CheckingBackend;
  static vmd::VirtioNet* net =
      new vmd::VirtioNet(backend, {0x02, 0, 0, 0, 0, 1}, 256, /*rx_backlog=*/8);
  // Two frames for the receive path, cut from the input at sizes the input
  // chooses (some out of bounds, to check they are refused).
  if (size >= 2) {
    const size_t a = std::min<size_t>(size, (data[0] << 3) | (data[1] & 7));
    net->ReceiveFrame(data, a);
    net->ReceiveFrame(data + size / 2, std::min<size_t>(size - size / 2, 1600));
  }
  vmd::fuzz::RunDeviceInput(
      *net, vmd::kVirtioNetFMac | vmd::kVirtioNetFStatus | vmd::kVirtioNetFMtu, data, size);
  // The backlog must stay bounded however the input goes.
  if (net->PendingRx() > 8) __builtin_trap();
  return 0;
}
