// An emulated device's register window as the MMIO bus sees it. Exits reach
// devices only through the bus (ARCHITECTURE.md); several vCPU threads may call
// one device at once, so each device locks its own state.
#ifndef VMD_ENGINE_BUS_MMIO_DEVICE_H_
#define VMD_ENGINE_BUS_MMIO_DEVICE_H_

#include <cstdint>
#include <string_view>

namespace vmd {

class MmioDevice {
 public:
  virtual ~MmioDevice() = default;
  virtual std::string_view name() const = 0;
  // `offset` is relative to the device's base; `size` is 1, 2, 4 or 8 bytes.
  // Guest mistakes (bad offsets, sizes) are answered as hardware would
  // (RAZ/WI), never with a crash.
  virtual uint64_t Read(uint64_t offset, unsigned size) = 0;
  virtual void Write(uint64_t offset, unsigned size, uint64_t value) = 0;
};

}  // namespace vmd

#endif  // VMD_ENGINE_BUS_MMIO_DEVICE_H_
