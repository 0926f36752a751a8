/* System-register access, barriers and CPU identity for bare-metal payloads.
 * Included by every runtime file and payload that touches the CPU directly. */
#ifndef VMD_GUESTS_SYSREG_H_
#define VMD_GUESTS_SYSREG_H_

#include <stdint.h>

#define read_sysreg(reg)                                       \
  ({                                                           \
    uint64_t __val;                                            \
    __asm__ volatile("mrs %0, " #reg : "=r"(__val)::"memory"); \
    __val;                                                     \
  })

#define write_sysreg(val, reg) \
  __asm__ volatile("msr " #reg ", %x0" ::"rZ"((uint64_t)(val)) : "memory")

#define isb() __asm__ volatile("isb" ::: "memory")
#define dsb(opt) __asm__ volatile("dsb " #opt ::: "memory")
#define dmb(opt) __asm__ volatile("dmb " #opt ::: "memory")
#define wfi() __asm__ volatile("wfi" ::: "memory")
#define cpu_relax() __asm__ volatile("yield" ::: "memory")

/* MPIDR_EL1.Aff0: on vmd (and QEMU virt with up to 16 CPUs) the CPU index. */
static inline unsigned cpu_id(void) { return (unsigned)(read_sysreg(mpidr_el1) & 0xff); }

/* The virtual counter; the ISB keeps the read from being hoisted above earlier code. */
static inline uint64_t read_cntvct(void) {
  isb();
  return read_sysreg(cntvct_el0);
}

/* CurrentEL[3:2]. */
static inline unsigned current_el(void) { return (unsigned)((read_sysreg(CurrentEL) >> 2) & 3); }

/* 1 on the QEMU test oracle's CPU model (-cpu cortex-a57: MIDR implementer 0x41,
 * part 0xD07). QEMU 7.2 deviates from the architecture in two places payloads
 * test (ISTATUS updated lazily, CPU_ON racing with a pending CPU_ON may succeed
 * twice); only there are those checks reported instead of enforced. vmd's CPUs
 * (implementer 0x00 soft, Apple under HVF) always get the strict checks. */
static inline int running_on_qemu_oracle(void) {
  uint64_t midr = read_sysreg(midr_el1);
  return ((midr >> 24) & 0xff) == 0x41 && ((midr >> 4) & 0xfff) == 0xd07;
}

#endif  // VMD_GUESTS_SYSREG_H_
