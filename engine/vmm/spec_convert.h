// Conversions between the public API's messages (vmd.v1) and the engine's
// plain types, used by vmm in worker mode: the spec vmd stored in spec.json
// becomes a VmSpec; register snapshots become vmd.v1.VcpuRegisters.
#ifndef VMD_ENGINE_VMM_SPEC_CONVERT_H_
#define VMD_ENGINE_VMM_SPEC_CONVERT_H_

#include "absl/status/statusor.h"
#include "engine/vm/registers.h"
#include "engine/vm/vm_spec.h"
#include "vmd/v1/vmd.pb.h"

namespace vmd {

// The daemon validated the spec; this checks again what the engine relies on.
// The network's MAC seed is left empty: the caller sets it to the VM id.
absl::StatusOr<VmSpec> VmSpecFromProto(const v1::VmSpec& spec);

void RegistersToProto(const VcpuRegisters& regs, v1::VcpuRegisters* out);

v1::StopReason StopReasonToProto(StopReason reason);

}  // namespace vmd

#endif  // VMD_ENGINE_VMM_SPEC_CONVERT_H_
