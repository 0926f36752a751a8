/* PSCI SYSTEM_RESET restarts the machine from scratch (DECISIONS.md "VM
 * lifecycle": on_reboot RESTART): fresh RAM, the payload loaded again, the
 * boot CPU at the entry point. The runner types "r" then "o": each boot reads
 * one byte; "r" asks for SYSTEM_RESET (which must not return), "o" passes. The
 * console therefore shows two boots; a boot that sees the second byte must be
 * a fresh one (the marker below is zero in a freshly loaded image). */
#include "psci.h"
#include "sysreg.h"
#include "test.h"

static volatile uint64_t dirty;  // .bss: zero after every (re)load

int main(uint64_t dtb) {
  (void)dtb;
  printf("reset: boot (marker %lu)\n", dirty);
  EXPECT_EQ(dirty, 0);
  dirty = 1;
  const uint64_t deadline = read_cntvct() + read_sysreg(cntfrq_el0) * 20;
  int c;
  while ((c = uart_getc()) < 0) {
    if (read_cntvct() > deadline) {
      printf("reset: no input\n");
      return 1;
    }
    cpu_relax();
  }
  if (c == 'r') {
    printf("reset: asking for SYSTEM_RESET\n");
    psci_call(PSCI_SYSTEM_RESET, 0, 0, 0);
    printf("reset: SYSTEM_RESET returned\n");
    return 2;
  }
  printf("reset: second boot got '%c'\n", c);
  return c == 'o' ? 0 : 3;
}
