// hv/soft extensions beyond Apple's API (hv-api.md "What hv/soft adds"):
// per-vCPU counters for tests and benchmarks. The engine never calls these;
// they exist only when linking hv/soft (never on the real framework).
#ifndef VMD_ENGINE_HV_SOFT_SOFT_EXT_H_
#define VMD_ENGINE_HV_SOFT_SOFT_EXT_H_

#include "engine/hv/hypervisor.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  uint64_t insns_retired;  // guest instructions run (whole blocks; approximate on faults)
  uint64_t blocks;         // blocks entered
  uint64_t tlb_refills;    // soft TLB misses that walked
  uint64_t decoded_runs;   // straight-line runs decoded (decode-cache misses)
  uint64_t jit_compiles;   // traces compiled by the JIT
  uint64_t jit_flushes;    // times the JIT's code arena filled up and was emptied
} hv_soft_vcpu_stats_t;

// Counters of `vcpu` since creation. Same ownership rule as the other
// hv_vcpu_* calls: only the creating thread may ask.
hv_return_t hv_soft_vcpu_get_stats(hv_vcpu_t vcpu, hv_soft_vcpu_stats_t* stats);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // VMD_ENGINE_HV_SOFT_SOFT_EXT_H_
