/* WFI after the virtual timer has already fired, with PSTATE.I set and the
 * GIC never set up (so INTID 27 is not forwarded): the timer's condition
 * still holds, which must end the wait as a passing deadline would, instead
 * of the vCPU sleeping forever. This is what idle_echo's 5 ms nap meets when
 * its vCPU thread is preempted (or the VM paused) between arming and WFI. */
#include "sysreg.h"
#include "test.h"

int main(uint64_t dtb) {
  (void)dtb;
  write_sysreg(0ul, cntv_cval_el0); /* long past */
  write_sysreg(1ul, cntv_ctl_el0);  /* ENABLE, IMASK clear: the condition holds */
  isb();
  /* Enough blocks for the timer to be noticed before the WFI. */
  for (volatile int i = 0; i < 100000; ++i) {
  }
  EXPECT_EQ(read_sysreg(cntv_ctl_el0) & 4, 4); /* ISTATUS */
  wfi();
  write_sysreg(0ul, cntv_ctl_el0);
  isb();
  printf("wfi_fired: woke\n");
  return 0;
}
