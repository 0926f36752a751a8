/* Stage-1 MMU with the 4 KiB translation granule (TG0/TG1), identity map plus
 * a TTBR1 test window; the checks live in mmu_payload.h. */
#define MMU_GRANULE_BITS 12
#include "mmu_payload.h"
