/* A guest that keeps running until asked to stop, for the daemon's end-to-end
 * tests (pause, registers, console, graceful stop): prints a banner, echoes
 * every byte received on the PL011 UART, sleeps in WFI between polls (the
 * virtual timer wakes it every 5 ms), and when the power button is pressed
 * (PL061 GPIO line 3, platform.md; GPIODATA read through the all-bits address
 * mask at offset 0x3fc, PL061 TRM) prints a line and returns, so the runtime
 * powers off with PSCI SYSTEM_OFF. */
#include "sysreg.h"
#include "test.h"
#include "uart.h"

#define GPIO_BASE 0x09030000ul
#define GPIODATA_ALL 0x3fc
#define POWER_LINE 3

static inline uint32_t gpio_data(void) {
  return *(volatile uint32_t*)(GPIO_BASE + GPIODATA_ALL);
}

/* Sleep until the virtual timer condition is met (about `ms` from now). The
 * interrupt stays masked by PSTATE.I: WFI wakes on it all the same and
 * execution continues after the WFI, no handler needed. */
static void nap(uint64_t freq, unsigned ms) {
  write_sysreg(read_cntvct() + freq / 1000 * ms, cntv_cval_el0);
  write_sysreg(1ul, cntv_ctl_el0); /* ENABLE, IMASK clear */
  isb();
  wfi();
  write_sysreg(0ul, cntv_ctl_el0); /* disabled: the timer output goes low */
  isb();
}

int main(uint64_t dtb) {
  (void)dtb;
  uint64_t freq = read_sysreg(cntfrq_el0);
  uint64_t ticks = 0;
  printf("idle_echo: ready\n");
  for (;;) {
    int c;
    while ((c = uart_getc()) >= 0) uart_putc((char)c);
    if (gpio_data() & (1u << POWER_LINE)) {
      printf("idle_echo: power button after %lu naps\n", ticks);
      return 0;
    }
    nap(freq, 5);
    ticks++;
  }
}
