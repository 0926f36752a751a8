/* PSCI calls over HVC, and the C side of secondary CPU start-up (start.S's
 * secondary_entry lands in runtime_secondary_main with the context id). */
#include "psci.h"

#include "sysreg.h"
#include "uart.h"

#define MAX_CPUS 16

extern char secondary_entry[];

/* The function each CPU runs when started with psci_cpu_on_fn, indexed by Aff0. */
static secondary_fn_t volatile secondary_fns[MAX_CPUS];

int64_t psci_call(uint32_t fn, uint64_t a1, uint64_t a2, uint64_t a3) {
  register uint64_t x0 __asm__("x0") = fn;
  register uint64_t x1 __asm__("x1") = a1;
  register uint64_t x2 __asm__("x2") = a2;
  register uint64_t x3 __asm__("x3") = a3;
  // SMCCC 1.0 lets the callee clobber x4-x17; only x0 carries a result here.
  __asm__ volatile("hvc #0"
                   : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
                   :
                   : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15",
                     "x16", "x17", "memory");
  return (int64_t)x0;
}

int64_t psci_cpu_on(uint64_t target_mpidr, uint64_t entry, uint64_t context_id) {
  return psci_call(PSCI_CPU_ON_64, target_mpidr, entry, context_id);
}

int64_t psci_cpu_on_fn(uint64_t target_mpidr, secondary_fn_t fn, uint64_t arg) {
  unsigned index = (unsigned)(target_mpidr & 0xff);
  if (index < MAX_CPUS) {
    secondary_fns[index] = fn;
    dsb(sy);  // visible before the target can run
  }
  return psci_cpu_on(target_mpidr, (uint64_t)secondary_entry, arg);
}

int64_t psci_affinity_info(uint64_t target_mpidr) {
  return psci_call(PSCI_AFFINITY_INFO_64, target_mpidr, 0, 0);
}

void psci_cpu_off(void) { psci_call(PSCI_CPU_OFF, 0, 0, 0); }

void psci_system_off(void) {
  psci_call(PSCI_SYSTEM_OFF, 0, 0, 0);
  uart_puts("psci: SYSTEM_OFF returned\n");
  for (;;) wfi();
}

void psci_system_reset(void) {
  psci_call(PSCI_SYSTEM_RESET, 0, 0, 0);
  uart_puts("psci: SYSTEM_RESET returned\n");
  for (;;) wfi();
}

/* Called by start.S on a CPU started through psci_cpu_on_fn. */
void runtime_secondary_main(uint64_t context_id) {
  unsigned me = cpu_id();
  secondary_fn_t fn = secondary_fns[me];
  if (fn) {
    fn(context_id);
  } else {
    printf("cpu%u: started with no function (raw CPU_ON to secondary_entry?)\n", me);
  }
  psci_cpu_off();
  printf("cpu%u: CPU_OFF returned\n", me);
  for (;;) wfi();
}
