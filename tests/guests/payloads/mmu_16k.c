/* Stage-1 MMU with the 16 KiB translation granule (TG0/TG1), identity map plus
 * a TTBR1 test window; the checks live in mmu_payload.h. */
#define MMU_GRANULE_BITS 14
#include "mmu_payload.h"
