/* A minimal read-only device tree walker for payloads (no libfdt in a freestanding
 * build): validates the header and lists the CPUs under /cpus. */
#ifndef VMD_GUESTS_FDT_H_
#define VMD_GUESTS_FDT_H_

#include <stdint.h>

#define FDT_MAGIC 0xd00dfeedu

/* 1 if a version-17-compatible device tree header is at dtb. */
int fdt_valid(const void* dtb);

/* Stores the `reg` (MPIDR affinity) of each /cpus/cpu@... node in mpidrs[] (at most
 * max) and returns how many there are; 0 if there is no /cpus node, -1 if the tree
 * is malformed. */
int fdt_cpu_mpidrs(const void* dtb, uint64_t* mpidrs, int max);

#endif  // VMD_GUESTS_FDT_H_
