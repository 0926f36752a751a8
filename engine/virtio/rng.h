// virtio-rng (device ID 4): fills every buffer the driver offers with host
// entropy. Created by vm/ and wrapped in a VirtioMmio slot.
#ifndef VMD_ENGINE_VIRTIO_RNG_H_
#define VMD_ENGINE_VIRTIO_RNG_H_

#include "engine/virtio/virtio_device.h"

namespace vmd {

class VirtioRng final : public VirtioDevice {
 public:
  static constexpr uint32_t kDeviceId = 4;
  VirtioRng();
  ~VirtioRng() override;

  uint64_t DeviceFeatures() const override { return 0; }
  void ReadConfig(uint64_t offset, uint8_t* dst, size_t len) override;

 private:
  absl::Status ProcessQueue(size_t index, Virtqueue& queue) override;
};

}  // namespace vmd

#endif  // VMD_ENGINE_VIRTIO_RNG_H_
