// The MMIO bus: guest-physical address range → device. The VM registers every
// device before the vCPUs start; afterwards the data-abort path looks devices up
// here without taking a lock (ARCHITECTURE.md: the only way exits reach devices).
#ifndef VMD_ENGINE_BUS_MMIO_BUS_H_
#define VMD_ENGINE_BUS_MMIO_BUS_H_

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "engine/bus/mmio_device.h"

namespace vmd {

class MmioBus {
 public:
  // Not thread-safe: call only before vCPUs run. Empty, wrapping or
  // overlapping ranges and null devices are InvalidArgument.
  absl::Status Register(uint64_t base, uint64_t size, MmioDevice* device);

  // Dispatch an access of `size` bytes (1, 2, 4 or 8) to the device whose range
  // holds all of [addr, addr+size), with the offset from that device's base.
  // False when no single device covers it (or size is not 1/2/4/8): the caller
  // then answers the guest as unmapped memory would (an external abort).
  bool Read(uint64_t addr, unsigned size, uint64_t* value) const;
  bool Write(uint64_t addr, unsigned size, uint64_t value) const;

  // The device whose range holds `addr`, or nullptr.
  const MmioDevice* Find(uint64_t addr) const;

 private:
  struct Range {
    uint64_t base;
    uint64_t size;
    MmioDevice* device;
  };
  // Range covering [addr, addr+size), or nullptr.
  const Range* Lookup(uint64_t addr, uint64_t size) const;

  std::vector<Range> ranges_;  // sorted by base, never overlapping
};

}  // namespace vmd

#endif  // VMD_ENGINE_BUS_MMIO_BUS_H_
