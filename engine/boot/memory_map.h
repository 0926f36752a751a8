// The guest-physical memory map and interrupt numbers of platform.md as the
// device tree describes them. In namespace vmd::machine so it can sit beside
// engine/vm/platform.h (same numbers, VM-side names) in one translation unit.
#ifndef VMD_ENGINE_BOOT_MEMORY_MAP_H_
#define VMD_ENGINE_BOOT_MEMORY_MAP_H_

#include <cstdint>

namespace vmd::machine {

inline constexpr uint64_t kGicDistBase = 0x0800'0000;
inline constexpr uint64_t kGicDistSize = 0x1'0000;
inline constexpr uint64_t kGicRedistBase = 0x080a'0000;
inline constexpr uint64_t kGicRedistStride = 0x2'0000;  // RD_base + SGI_base frames per vCPU
inline constexpr uint32_t kMaxCpus = 16;                // Aff0 only, one redistributor group

inline constexpr uint64_t kPl011Base = 0x0900'0000;
inline constexpr uint64_t kPl031Base = 0x0901'0000;
inline constexpr uint64_t kPl061Base = 0x0903'0000;
inline constexpr uint64_t kPrimeCellSize = 0x1000;

inline constexpr uint64_t kVirtioMmioBase = 0x0a00'0000;
inline constexpr uint64_t kVirtioMmioSlotSize = 0x200;
inline constexpr uint32_t kVirtioMmioSlots = 32;

inline constexpr uint64_t kRamBase = 0x4000'0000;

// SPI numbers (INTID = 32 + SPI).
inline constexpr uint32_t kPl011Spi = 1;
inline constexpr uint32_t kPl031Spi = 2;
inline constexpr uint32_t kPl061Spi = 7;
inline constexpr uint32_t kVirtioMmioFirstSpi = 16;
inline constexpr uint32_t SpiIntid(uint32_t spi) { return 32 + spi; }

// Timer PPIs (INTID = 16 + PPI), in the order arm,armv8-timer lists them.
inline constexpr uint32_t kTimerSecurePpi = 13;
inline constexpr uint32_t kTimerNonSecurePpi = 14;
inline constexpr uint32_t kTimerVirtualPpi = 11;
inline constexpr uint32_t kTimerHypervisorPpi = 10;

inline constexpr int kPowerButtonGpio = 3;
inline constexpr uint32_t kKeyPower = 116;  // linux,code for KEY_POWER

}  // namespace vmd::machine

#endif  // VMD_ENGINE_BOOT_MEMORY_MAP_H_
