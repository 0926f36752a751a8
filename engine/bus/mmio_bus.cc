#include "engine/bus/mmio_bus.h"

#include <algorithm>

#include "absl/strings/str_format.h"

namespace vmd {

absl::Status MmioBus::Register(uint64_t base, uint64_t size, MmioDevice* device) {
  if (device == nullptr) {
    return absl::InvalidArgumentError(absl::StrFormat("mmio bus: null device at %#x", base));
  }
  const std::string name(device->name());
  if (size == 0 || base + size < base) {
    return absl::InvalidArgumentError(
        absl::StrFormat("mmio bus: %s: bad range [%#x, +%#x)", name, base, size));
  }
  auto it = std::upper_bound(ranges_.begin(), ranges_.end(), base,
                             [](uint64_t b, const Range& r) { return b < r.base; });
  // Only the neighbours on either side can overlap a sorted, disjoint list.
  if (it != ranges_.begin()) {
    const Range& prev = *(it - 1);
    if (base - prev.base < prev.size) {
      return absl::InvalidArgumentError(
          absl::StrFormat("mmio bus: %s at [%#x, +%#x) overlaps %s at [%#x, +%#x)", name, base,
                          size, std::string(prev.device->name()), prev.base, prev.size));
    }
  }
  if (it != ranges_.end() && it->base - base < size) {
    return absl::InvalidArgumentError(
        absl::StrFormat("mmio bus: %s at [%#x, +%#x) overlaps %s at [%#x, +%#x)", name, base, size,
                        std::string(it->device->name()), it->base, it->size));
  }
  ranges_.insert(it, Range{base, size, device});
  return absl::OkStatus();
}

namespace {
bool ValidAccessSize(unsigned size) { return size == 1 || size == 2 || size == 4 || size == 8; }
}  // namespace

const MmioBus::Range* MmioBus::Lookup(uint64_t addr, uint64_t size) const {
  auto it = std::upper_bound(ranges_.begin(), ranges_.end(), addr,
                             [](uint64_t a, const Range& r) { return a < r.base; });
  if (it == ranges_.begin()) return nullptr;
  const Range& r = *(it - 1);
  const uint64_t off = addr - r.base;
  if (off >= r.size || size > r.size - off) return nullptr;
  return &r;
}

bool MmioBus::Read(uint64_t addr, unsigned size, uint64_t* value) const {
  if (!ValidAccessSize(size)) return false;
  const Range* r = Lookup(addr, size);
  if (r == nullptr) return false;
  *value = r->device->Read(addr - r->base, size);
  return true;
}

bool MmioBus::Write(uint64_t addr, unsigned size, uint64_t value) const {
  if (!ValidAccessSize(size)) return false;
  const Range* r = Lookup(addr, size);
  if (r == nullptr) return false;
  r->device->Write(addr - r->base, size, value);
  return true;
}

const MmioDevice* MmioBus::Find(uint64_t addr) const {
  const Range* r = Lookup(addr, 1);
  return r == nullptr ? nullptr : r->device;
}

}  // namespace vmd
