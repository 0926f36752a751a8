// The identification registers every ARM PrimeCell peripheral has at
// 0xFE0–0xFFC (PeriphID0–3, then PCellID0–3), shared by the PL011, PL031 and
// PL061 models. Linux's AMBA bus reads them to match drivers.
#ifndef VMD_ENGINE_DEVICES_PRIMECELL_H_
#define VMD_ENGINE_DEVICES_PRIMECELL_H_

#include <cstdint>
#include <optional>

namespace vmd {

inline constexpr uint64_t kPrimeCellIdBase = 0xfe0;
// PCellID0..3 read 0x0D, 0xF0, 0x05, 0xB1: the fixed PrimeCell preamble.
inline constexpr uint32_t kPrimeCellId = 0xb105f00d;

// The 32-bit register at word-aligned `offset` if it is one of the eight ID
// registers; each holds one byte of `periph_id` or of the PrimeCell ID.
inline std::optional<uint32_t> PrimeCellIdRegister(uint64_t offset, uint32_t periph_id) {
  if (offset < kPrimeCellIdBase || offset > 0xffc) return std::nullopt;
  const uint64_t index = (offset - kPrimeCellIdBase) / 4;
  const uint32_t id = index < 4 ? periph_id : kPrimeCellId;
  return (id >> (8 * (index % 4))) & 0xff;
}

}  // namespace vmd

#endif  // VMD_ENGINE_DEVICES_PRIMECELL_H_
