// ESR (exception syndrome) decoding for the exits Hypervisor.framework returns,
// and the syndromes the VMM builds when it injects an exception into the guest.
// Pure functions: the exit dispatcher (exits.cc) and its tests use them.
#ifndef VMD_ENGINE_VM_ESR_H_
#define VMD_ENGINE_VM_ESR_H_

#include <cstdint>

namespace vmd {

// Exception classes (ESR.EC, bits [31:26]) the VMM handles.
enum class ExceptionClass : uint8_t {
  kUnknown = 0x00,
  kWfiWfe = 0x01,
  kHvc64 = 0x16,
  kSmc64 = 0x17,
  kSysReg = 0x18,
  kInstructionAbortLowerEl = 0x20,
  kInstructionAbortSameEl = 0x21,
  kDataAbortLowerEl = 0x24,
  kDataAbortSameEl = 0x25,
  kBrk64 = 0x3c,
};

constexpr uint32_t EsrClass(uint64_t esr) { return static_cast<uint32_t>((esr >> 26) & 0x3f); }
constexpr uint32_t EsrIss(uint64_t esr) { return static_cast<uint32_t>(esr & 0x1ffffff); }

// A data abort's instruction syndrome (valid only when isv).
struct DataAbort {
  bool isv = false;       // ISS[24]: the fields below are valid
  unsigned size = 0;      // access size in bytes, from SAS ISS[23:22]
  bool sign_extend = false;  // SSE ISS[21]
  unsigned reg = 0;       // SRT ISS[20:16]; 31 means XZR
  bool sixty_four = false;   // SF ISS[15]: the register is 64-bit
  bool write = false;     // WnR ISS[6]
};
DataAbort DecodeDataAbort(uint64_t esr);

// A trapped MSR/MRS (EC 0x18).
struct SysRegAccess {
  uint16_t encoding = 0;  // op0<<14 | op1<<11 | CRn<<7 | CRm<<3 | op2 (hv_sys_reg_t form)
  unsigned reg = 0;       // Rt; 31 means XZR
  bool read = false;      // ISS[0]: 1 = MRS (read)
};
SysRegAccess DecodeSysReg(uint64_t esr);

constexpr uint16_t SysRegEncoding(unsigned op0, unsigned op1, unsigned crn, unsigned crm,
                                  unsigned op2) {
  return static_cast<uint16_t>(op0 << 14 | op1 << 11 | crn << 7 | crm << 3 | op2);
}

// Sign- or zero-extends a value read from a device per the data abort's syndrome.
uint64_t ExtendLoad(const DataAbort& abort, uint64_t value);

// ESR_EL1 for a synchronous external abort on a data access the VMM could not
// emulate, taken from the given EL (0 or 1).
uint64_t SyncExternalAbortEsr(bool from_el0, bool write);

// ESR_EL1 for an undefined-instruction exception (EC 0).
constexpr uint64_t UndefinedEsr() { return 1ull << 25; /* IL */ }

}  // namespace vmd

#endif  // VMD_ENGINE_VM_ESR_H_
