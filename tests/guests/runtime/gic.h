/* A minimal GICv3 driver for payloads (platform.md addresses, which are also
 * QEMU virt's): distributor and per-CPU redistributor setup, interrupt
 * configuration, and the ICC_* CPU interface registers. The GIC tests
 * (payloads/gic.c) drive it; nothing else in the runtime uses interrupts. */
#ifndef VMD_GUESTS_GIC_H_
#define VMD_GUESTS_GIC_H_

#include <stdint.h>

#include "sysreg.h"

#define GICD_BASE 0x08000000ul
#define GICR_BASE 0x080A0000ul
#define GICR_STRIDE 0x20000ul /* RD frame + SGI frame */
#define GICR_SGI_OFFSET 0x10000ul

#define INTID_SPURIOUS 1023u
#define INTID_VTIMER 27u
#define INTID_PTIMER 30u
#define INTID_UART 33u /* SPI 1 */

/* CPU interface registers (ARM GIC architecture spec, ICC_*_EL1 encodings). */
#define ICC_PMR_EL1 S3_0_C4_C6_0
#define ICC_IAR1_EL1 S3_0_C12_C12_0
#define ICC_EOIR1_EL1 S3_0_C12_C12_1
#define ICC_HPPIR1_EL1 S3_0_C12_C12_2
#define ICC_BPR1_EL1 S3_0_C12_C12_3
#define ICC_CTLR_EL1 S3_0_C12_C12_4
#define ICC_SRE_EL1 S3_0_C12_C12_5
#define ICC_IGRPEN1_EL1 S3_0_C12_C12_7
#define ICC_DIR_EL1 S3_0_C12_C11_1
#define ICC_RPR_EL1 S3_0_C12_C11_3
#define ICC_SGI1R_EL1 S3_0_C12_C11_5

/* Device accesses as single plain LDR/STR (no pair, no writeback): a VMM can
 * only emulate accesses whose syndrome describes them (ISV=1), and the
 * compiler may merge or post-increment volatile accesses in loops. */
static inline uint32_t mmio_read32(uint64_t addr) {
  uint32_t v;
  __asm__ volatile("ldr %w0, [%1]" : "=r"(v) : "r"(addr) : "memory");
  return v;
}
static inline void mmio_write32(uint64_t addr, uint32_t v) {
  __asm__ volatile("str %w0, [%1]" ::"rZ"(v), "r"(addr) : "memory");
}
static inline void mmio_write64(uint64_t addr, uint64_t v) {
  __asm__ volatile("str %x0, [%1]" ::"rZ"(v), "r"(addr) : "memory");
}

/* Distributor on; ARE; group 1 enabled. Boot CPU only. */
void gic_dist_init(void);
/* This CPU's redistributor awake, SGIs/PPIs group 1 and disabled, priority
 * mask open (0xff), BPR1 0, group 1 enabled at the CPU interface. */
void gic_cpu_init(void);

/* Per-interrupt state for the calling CPU (SGI/PPI: its redistributor) or
 * the distributor (SPI). */
void gic_set_priority(uint32_t intid, uint8_t prio);
void gic_enable(uint32_t intid);
void gic_disable(uint32_t intid);
void gic_set_pending(uint32_t intid);
void gic_clear_pending(uint32_t intid);
int gic_is_pending(uint32_t intid);
int gic_is_active(uint32_t intid);
/* level (0) or edge (1) for PPIs and SPIs. */
void gic_set_edge(uint32_t intid, int edge);
/* SPI routing: IROUTER to one CPU by affinity. */
void gic_route_spi(uint32_t intid, uint64_t mpidr_aff);

/* SGI to CPUs in target_list (Aff0 bits, Aff1-3 = 0), or with irm to all others. */
static inline void gic_send_sgi(uint32_t intid, uint16_t target_list, int irm) {
  uint64_t v = ((uint64_t)(intid & 0xf) << 24) | target_list | ((uint64_t)(irm ? 1 : 0) << 40);
  write_sysreg(v, ICC_SGI1R_EL1);
  isb();
}
static inline uint32_t gic_ack(void) {
  uint32_t v = (uint32_t)read_sysreg(ICC_IAR1_EL1) & 0xffffff;
  dsb(sy);
  return v;
}
static inline void gic_eoi(uint32_t intid) {
  write_sysreg(intid, ICC_EOIR1_EL1);
  isb();
}
static inline void gic_deactivate(uint32_t intid) {
  write_sysreg(intid, ICC_DIR_EL1);
  isb();
}
static inline uint32_t gic_running_priority(void) { return (uint32_t)read_sysreg(ICC_RPR_EL1) & 0xff; }
static inline uint32_t gic_highest_pending(void) {
  return (uint32_t)read_sysreg(ICC_HPPIR1_EL1) & 0xffffff;
}
static inline void gic_set_pmr(uint32_t pmr) {
  write_sysreg(pmr, ICC_PMR_EL1);
  isb();
}
/* ICC_CTLR_EL1.EOImode: 0 = EOIR drops priority and deactivates, 1 = EOIR only
 * drops priority, DIR deactivates. */
static inline void gic_set_eoimode(int split) {
  uint64_t v = read_sysreg(ICC_CTLR_EL1);
  v = split ? (v | 2) : (v & ~2ul);
  write_sysreg(v, ICC_CTLR_EL1);
  isb();
}

static inline void irq_enable(void) { __asm__ volatile("msr daifclr, #2" ::: "memory"); }
static inline void irq_disable(void) { __asm__ volatile("msr daifset, #2" ::: "memory"); }

#endif  // VMD_GUESTS_GIC_H_
