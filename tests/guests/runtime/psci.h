/* PSCI 1.1 calls over the HVC conduit (platform.md), for payloads: power-off at the
 * end of every test, CPU_ON/AFFINITY_INFO for SMP tests. */
#ifndef VMD_GUESTS_PSCI_H_
#define VMD_GUESTS_PSCI_H_

#include <stdint.h>

#define PSCI_VERSION 0x84000000u
#define PSCI_CPU_OFF 0x84000002u
#define PSCI_CPU_ON_64 0xC4000003u
#define PSCI_AFFINITY_INFO_64 0xC4000004u
#define PSCI_SYSTEM_OFF 0x84000008u
#define PSCI_SYSTEM_RESET 0x84000009u
#define PSCI_FEATURES 0x8400000Au

#define PSCI_SUCCESS 0
#define PSCI_NOT_SUPPORTED (-1)
#define PSCI_INVALID_PARAMETERS (-2)
#define PSCI_DENIED (-3)
#define PSCI_ALREADY_ON (-4)
#define PSCI_ON_PENDING (-5)
#define PSCI_INTERNAL_FAILURE (-6)
#define PSCI_NOT_PRESENT (-7)
#define PSCI_DISABLED (-8)
#define PSCI_INVALID_ADDRESS (-9)

/* AFFINITY_INFO results. */
#define PSCI_AFFINITY_ON 0
#define PSCI_AFFINITY_OFF 1
#define PSCI_AFFINITY_ON_PENDING 2

/* SMCCC call through HVC #0; returns X0. */
int64_t psci_call(uint32_t fn, uint64_t a1, uint64_t a2, uint64_t a3);

static inline int64_t psci_version(void) { return psci_call(PSCI_VERSION, 0, 0, 0); }

/* Raw CPU_ON: the target starts at entry (a physical address) with X0 = context_id. */
int64_t psci_cpu_on(uint64_t target_mpidr, uint64_t entry, uint64_t context_id);

/* CPU_ON through the runtime: the target gets a stack and vectors, then runs
 * fn(arg); when fn returns the CPU turns itself off with CPU_OFF. */
typedef void (*secondary_fn_t)(uint64_t arg);
int64_t psci_cpu_on_fn(uint64_t target_mpidr, secondary_fn_t fn, uint64_t arg);

int64_t psci_affinity_info(uint64_t target_mpidr);
void psci_cpu_off(void); /* returns only if CPU_OFF failed */
void psci_system_off(void) __attribute__((noreturn));
void psci_system_reset(void) __attribute__((noreturn));

#endif  // VMD_GUESTS_PSCI_H_
