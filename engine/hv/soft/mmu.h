// Stage-1 address translation for the soft CPU: the ARMv8.0-A AArch64 EL1&0
// translation table walk (ARM ARM chapter D5). The CPU calls Translate on a TLB
// miss and for AT S1E*; MakePar/FaultStatusCode turn a result into PAR_EL1/ESR.
#ifndef VMD_ENGINE_HV_SOFT_MMU_H_
#define VMD_ENGINE_HV_SOFT_MMU_H_

#include <cstdint>

namespace vmd::hvsoft {

// The default implemented physical address size: 48 bits, which
// ID_AA64MMFR0_EL1.PARange reports as 0b0101.
inline constexpr int kPaRangeBits = 48;

// The system registers the EL1&0 regime reads. Callers pass raw values.
struct TranslationRegs {
  uint64_t sctlr, tcr, ttbr0, ttbr1, mair;
  // The PA size ID_AA64MMFR0_EL1.PARange advertises (32, 36, 40, 42, 44 or
  // 48). TCR_EL1.IPS above it, or reserved, acts as this size; with the MMU
  // off a VA wider than it is an address size fault.
  int pa_range_bits = kPaRangeBits;
};

enum class AccessType { kRead, kWrite, kExec };

enum class FaultType {
  kNone,
  kAddressSize,
  kTranslation,
  kAccessFlag,
  kPermission,
  kExternalAbortOnWalk,
};

// The outcome of one translation. On kNone every field is valid. On
// kPermission the mapping itself exists, so pa, block_size, the permission
// bits and the attributes are valid too (a TLB may cache the entry and check
// permissions itself). On the other faults only fault and level mean anything.
struct WalkResult {
  FaultType fault = FaultType::kNone;
  int level = 0;            // level where the fault arose (or the leaf level)
  uint64_t pa = 0;          // output address of the VA
  uint64_t block_size = 0;  // size of the page/block that maps it (for a TLB)
  bool r_el1 = false, w_el1 = false, x_el1 = false;
  bool r_el0 = false, w_el0 = false, x_el0 = false;
  // global: nG was 0. asid: the ASID current at walk time (TTBR0 or TTBR1
  // per TCR.A1; 8 bits unless TCR.AS=1), filled in for global entries too.
  bool global = false;
  uint16_t asid = 0;
  uint8_t mair_attr = 0;  // the MAIR_EL1 byte AttrIndx selected
  uint8_t sh = 0;         // descriptor SH[1:0] (0b10 when the MMU is off)
  bool ttbr1 = false;     // the walk started from TTBR1 (upper VA range)
};

// Reads one little-endian 64-bit descriptor at guest-physical pa. Returns
// false when nothing backs pa: the walk then reports kExternalAbortOnWalk.
using ReadPhys64 = bool (*)(void* ctx, uint64_t pa, uint64_t* out);

// Translates va for an access at EL0 (el0) or EL1. SCTLR_EL1.M=0 gives the
// identity map with full permissions and block_size 4 KiB (an address size
// fault at level 0 if va is wider than pa_range_bits after top-byte-ignore).
WalkResult Translate(const TranslationRegs& regs, uint64_t va, AccessType access, bool el0,
                     ReadPhys64 read, void* ctx);

// True when a mapping with r's permissions allows this access (what Translate
// checks; exposed so a TLB hit can re-check without walking).
bool AccessAllowed(const WalkResult& r, AccessType access, bool el0);

// The 6-bit DFSC/IFSC for ESR_EL1/ESR_EL2 (0 for kNone): address size 0b0000nn,
// translation 0b0001nn, access flag 0b0010nn, permission 0b0011nn, synchronous
// external abort on walk 0b0101nn, where nn is the level.
uint32_t FaultStatusCode(const WalkResult& r);

// PAR_EL1 in the 64-bit format after AT S1E0*/S1E1*: success gives ATTR[63:56],
// PA[47:12], SH[8:7] (0b10 for Device and Normal Non-cacheable memory), RES1
// bit 11, F=0; a fault gives FST[6:1], S=0, PTW=0, RES1 bit 11, F=1.
// kExternalAbortOnWalk is the exception: the ARM ARM has AT take a synchronous
// Data Abort for it (DFSC from FaultStatusCode, ISS.CM=1) instead of writing
// PAR_EL1, so the CPU must not call MakePar for it (it would still encode FST).
uint64_t MakePar(const WalkResult& r);

}  // namespace vmd::hvsoft

#endif  // VMD_ENGINE_HV_SOFT_MMU_H_
