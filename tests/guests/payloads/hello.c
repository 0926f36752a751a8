/* The first payload any runner must pass: a greeting, then checks of the boot
 * state platform.md promises (loaded at 0x4008_0000, EL1h, DAIF masked, MMU off,
 * X0 = a device tree). */
#include "fdt.h"
#include "sysreg.h"
#include "test.h"

extern char _start[];
extern volatile uint64_t boot_load_address;
extern volatile uint64_t boot_entry_daif;
extern volatile uint64_t boot_entry_spsel;

int main(uint64_t dtb) {
  printf("Hello from vmd guest\n");

  // adr gave the address we run at; a literal pool load gives the link address.
  uint64_t linked;
  __asm__("ldr %0, =_start" : "=r"(linked));
  printf("entry at 0x%lx (linked at 0x%lx), dtb at 0x%lx\n", boot_load_address, linked, dtb);
  EXPECT_EQ(boot_load_address, 0x40080000);
  EXPECT_EQ(linked, 0x40080000);

  EXPECT_EQ(current_el(), 1);
  // All as the loader left them (start.S records them before changing anything).
  EXPECT_EQ(boot_entry_spsel, 1);             // EL1h: SP_EL1
  EXPECT_EQ(boot_entry_daif & 0x3c0, 0x3c0);  // D, A, I, F all masked
  EXPECT_EQ(read_sysreg(sctlr_el1) & 1, 0);   // MMU off

  // The DTB is 8-byte aligned in RAM (platform.md boot protocol) with a valid header.
  EXPECT_EQ(dtb & 7, 0);
  EXPECT_GE(dtb, 0x40000000);
  EXPECT_TRUE(fdt_valid((const void*)dtb));
  return 0;
}
