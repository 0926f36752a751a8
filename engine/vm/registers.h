// A snapshot of one vCPU's registers, read by the vCPU's own thread through the
// hv API (only the owning thread may touch a vCPU's registers). Used by
// `vmctl regs`, the daemon's GetRegisters and failure reports.
#ifndef VMD_ENGINE_VM_REGISTERS_H_
#define VMD_ENGINE_VM_REGISTERS_H_

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/hv/hv.h"

namespace vmd {

struct VcpuRegisters {
  int index = 0;
  bool online = false;  // powered on (PSCI) at the time of the snapshot
  std::array<uint64_t, 31> x{};
  uint64_t pc = 0;
  uint64_t cpsr = 0;
  uint64_t sp_el0 = 0;
  uint64_t sp_el1 = 0;
  uint64_t fpcr = 0;
  uint64_t fpsr = 0;
  bool fp_present = false;
  std::array<std::array<uint8_t, 16>, 32> q{};
  // EL1 system registers that matter for debugging, by architectural name.
  std::vector<std::pair<std::string, uint64_t>> sys;
};

// Reads every register above from `vcpu`; must run on the vCPU's thread.
VcpuRegisters ReadVcpuRegisters(hv_vcpu_t vcpu, int index);

// One line per register group, for logs and `vmm` failure reports.
std::string FormatRegisters(const VcpuRegisters& regs);

}  // namespace vmd

#endif  // VMD_ENGINE_VM_REGISTERS_H_
