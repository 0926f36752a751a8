// virtio-console (device ID 3), a single port without MULTIPORT: the guest's
// hvc0. Output goes to a host callback (like the PL011's sink); host input is
// buffered (bounded) until the guest offers receive buffers. vm/ wires both
// ends to the VM's console stream.
#ifndef VMD_ENGINE_VIRTIO_CONSOLE_H_
#define VMD_ENGINE_VIRTIO_CONSOLE_H_

#include <deque>
#include <functional>
#include <string_view>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "engine/virtio/virtio_device.h"

namespace vmd {

class VirtioConsole final : public VirtioDevice {
 public:
  static constexpr uint32_t kDeviceId = 3;
  static constexpr size_t kReceiveQueue = 0;
  static constexpr size_t kTransmitQueue = 1;
  // Host input waiting for the guest beyond this is dropped (a guest that
  // never reads must not grow host memory without bound).
  static constexpr size_t kDefaultInputLimit = 64 * 1024;

  // Same shape as Pl011::OutputSink. Called on the device's worker thread with
  // each chunk the guest wrote; must not call back into the device.
  using OutputSink = std::function<void(const uint8_t* data, size_t len)>;
  explicit VirtioConsole(OutputSink sink, size_t input_limit = kDefaultInputLimit);
  ~VirtioConsole() override;

  // Queues host input for the guest; returns how many bytes were accepted
  // (the rest is dropped, with a warning, only when the buffer is full). Any
  // thread.
  size_t Receive(const uint8_t* data, size_t len);
  size_t Receive(std::string_view s) {
    return Receive(reinterpret_cast<const uint8_t*>(s.data()), s.size());
  }
  // Bytes accepted by Receive that the guest has not read yet.
  size_t PendingInput() const;

  uint64_t DeviceFeatures() const override { return 0; }
  void ReadConfig(uint64_t offset, uint8_t* dst, size_t len) override;

 private:
  absl::Status ProcessQueue(size_t index, Virtqueue& queue) override;
  absl::Status Transmit(Virtqueue& queue);
  absl::Status DeliverInput(Virtqueue& queue);

  const OutputSink sink_;
  const size_t input_limit_;
  mutable absl::Mutex mu_;
  std::deque<uint8_t> input_ ABSL_GUARDED_BY(mu_);
};

}  // namespace vmd

#endif  // VMD_ENGINE_VIRTIO_CONSOLE_H_
