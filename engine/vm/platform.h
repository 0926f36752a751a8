// The guest platform's fixed numbers (shared/design/platform.md): where each
// device lives and which interrupt it raises. The device tree and Vm both use these.
#ifndef VMD_ENGINE_VM_PLATFORM_H_
#define VMD_ENGINE_VM_PLATFORM_H_

#include <cstdint>

namespace vmd {

inline constexpr uint64_t kGicDistBase = 0x0800'0000;
inline constexpr uint64_t kGicRedistBase = 0x080A'0000;
inline constexpr uint64_t kUartBase = 0x0900'0000, kUartSize = 0x1000;
inline constexpr uint64_t kRtcBase = 0x0901'0000, kRtcSize = 0x1000;
inline constexpr uint64_t kGpioBase = 0x0903'0000, kGpioSize = 0x1000;
inline constexpr uint64_t kVirtioBase = 0x0A00'0000, kVirtioSlotSize = 0x200;
inline constexpr int kVirtioSlots = 32;
inline constexpr uint64_t kRamBase = 0x4000'0000;

// SPI n is INTID 32 + n.
inline constexpr uint32_t kUartIntid = 32 + 1;
inline constexpr uint32_t kRtcIntid = 32 + 2;
inline constexpr uint32_t kGpioIntid = 32 + 7;
inline constexpr uint32_t kVirtioIntidBase = 32 + 16;

inline constexpr int kMaxVcpus = 16;  // Aff0 < 16: one redistributor group
inline constexpr uint64_t kMinRamBytes = 16ull << 20;
// Redistributors for 16 vCPUs end far below RAM; RAM ends inside the 36-bit IPA space.
inline constexpr uint64_t kMaxRamBytes = (1ull << 36) - kRamBase;

}  // namespace vmd

#endif  // VMD_ENGINE_VM_PLATFORM_H_
