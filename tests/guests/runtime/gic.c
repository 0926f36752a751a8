/* The payloads' GICv3 driver (gic.h): register offsets from the ARM GICv3
 * architecture specification (GICD_*, GICR_* in the RD and SGI frames). */
#include "gic.h"

#define GICD_CTLR 0x0000
#define GICD_IGROUPR 0x0080
#define GICD_ISENABLER 0x0100
#define GICD_ICENABLER 0x0180
#define GICD_ISPENDR 0x0200
#define GICD_ICPENDR 0x0280
#define GICD_ISACTIVER 0x0300
#define GICD_IPRIORITYR 0x0400
#define GICD_ICFGR 0x0C00
#define GICD_IROUTER 0x6000

#define GICR_WAKER 0x0014
/* In the SGI frame, the same offsets as the distributor's banked registers. */

#define rd32 mmio_read32
#define wr32 mmio_write32
#define wr64 mmio_write64

static uint64_t rd_base(void) { return GICR_BASE + cpu_id() * GICR_STRIDE; }

/* The frame holding intid's registers: the caller's SGI frame or the distributor. */
static uint64_t frame(uint32_t intid) {
  return intid < 32 ? rd_base() + GICR_SGI_OFFSET : GICD_BASE;
}

void gic_dist_init(void) {
  wr32(GICD_BASE + GICD_CTLR, 0);
  dsb(sy);
  /* Every SPI: group 1, disabled, priority 0xa0, level. */
  for (uint32_t n = 32; n < 128; n += 32) {
    wr32(GICD_BASE + GICD_IGROUPR + n / 8, 0xffffffffu);
    wr32(GICD_BASE + GICD_ICENABLER + n / 8, 0xffffffffu);
    wr32(GICD_BASE + GICD_ICPENDR + n / 8, 0xffffffffu);
  }
  for (uint32_t n = 32; n < 128; n += 4) wr32(GICD_BASE + GICD_IPRIORITYR + n, 0xa0a0a0a0u);
  /* ARE (bit 4), EnableGrp1 (bit 1), EnableGrp0 (bit 0); single security state. */
  wr32(GICD_BASE + GICD_CTLR, (1u << 4) | (1u << 1) | 1u);
  dsb(sy);
}

void gic_cpu_init(void) {
  const uint64_t rd = rd_base();
  /* Wake the redistributor: clear ProcessorSleep, wait for ChildrenAsleep to clear. */
  wr32(rd + GICR_WAKER, rd32(rd + GICR_WAKER) & ~(1u << 1));
  dsb(sy);
  for (int i = 0; i < 1000000 && (rd32(rd + GICR_WAKER) & (1u << 2)); i++) cpu_relax();
  const uint64_t sgi = rd + GICR_SGI_OFFSET;
  wr32(sgi + GICD_IGROUPR, 0xffffffffu);
  wr32(sgi + GICD_ICENABLER, 0xffffffffu);
  wr32(sgi + GICD_ICPENDR, 0xffffffffu);
  for (uint32_t n = 0; n < 32; n += 4) wr32(sgi + GICD_IPRIORITYR + n, 0xa0a0a0a0u);
  dsb(sy);
  write_sysreg(read_sysreg(ICC_SRE_EL1) | 1, ICC_SRE_EL1);
  isb();
  write_sysreg(0xff, ICC_PMR_EL1);
  write_sysreg(0, ICC_BPR1_EL1);
  write_sysreg(read_sysreg(ICC_CTLR_EL1) & ~2ul, ICC_CTLR_EL1);
  write_sysreg(1, ICC_IGRPEN1_EL1);
  isb();
}

void gic_set_priority(uint32_t intid, uint8_t prio) {
  const uint64_t r = frame(intid) + GICD_IPRIORITYR + (intid & ~3u);
  const uint32_t shift = (intid & 3) * 8;
  wr32(r, (rd32(r) & ~(0xffu << shift)) | ((uint32_t)prio << shift));
  dsb(sy);
}

static void set_bit_reg(uint32_t offset, uint32_t intid) {
  wr32(frame(intid) + offset + (intid / 32) * 4, 1u << (intid % 32));
  dsb(sy);
}

void gic_enable(uint32_t intid) { set_bit_reg(GICD_ISENABLER, intid); }
void gic_disable(uint32_t intid) { set_bit_reg(GICD_ICENABLER, intid); }
void gic_set_pending(uint32_t intid) { set_bit_reg(GICD_ISPENDR, intid); }
void gic_clear_pending(uint32_t intid) { set_bit_reg(GICD_ICPENDR, intid); }

int gic_is_pending(uint32_t intid) {
  return (rd32(frame(intid) + GICD_ISPENDR + (intid / 32) * 4) >> (intid % 32)) & 1;
}
int gic_is_active(uint32_t intid) {
  return (rd32(frame(intid) + GICD_ISACTIVER + (intid / 32) * 4) >> (intid % 32)) & 1;
}

void gic_set_edge(uint32_t intid, int edge) {
  const uint64_t r = frame(intid) + GICD_ICFGR + (intid / 16) * 4;
  const uint32_t bit = 1u << ((intid % 16) * 2 + 1);
  wr32(r, edge ? (rd32(r) | bit) : (rd32(r) & ~bit));
  dsb(sy);
}

void gic_route_spi(uint32_t intid, uint64_t mpidr_aff) {
  wr64(GICD_BASE + GICD_IROUTER + 8ul * intid, mpidr_aff & 0xff00ffffffull);
  dsb(sy);
}
