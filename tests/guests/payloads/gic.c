/* The host GICv3 as a guest sees it (ARM GICv3 architecture specification),
 * with the interrupt sources of platform.md. Run with 2 CPUs and the UART
 * input "g" (tests/guests/CMakeLists.txt):
 * - SGI to self, polled: HPPIR, IAR, running priority, active state, EOI,
 *   spurious 1023 when nothing is pending;
 * - priority order, preemption by a higher priority, the priority mask;
 * - active and pending at once; EOImode split (EOIR drops priority, DIR
 *   deactivates);
 * - software-pended SPIs (edge and level) routed by IROUTER;
 * - interrupts taken through the vector: virtual timer (PPI 27) and physical
 *   timer (PPI 30) waking WFI, the UART's receive interrupt (SPI 1) as a level
 *   interrupt that drops once the FIFO is read;
 * - SGI ping-pong between two CPUs (the partner sleeps in WFI: each SGI must
 *   wake it), and SGI broadcast with IRM;
 * - on vmd only: a load/store pair to a device (ISV=0) and a load from an
 *   address with no device give the guest a synchronous external abort and
 *   the guest carries on (QEMU emulates such accesses instead). */
#include "exceptions.h"
#include "gic.h"
#include "psci.h"
#include "sysreg.h"
#include "test.h"

#define PL011_IMSC 0x038
#define PL011_RXIM (1u << 4)

static uint64_t ms_ticks(uint64_t ms) { return read_sysreg(cntfrq_el0) / 1000 * ms; }

/* Waits (bounded) until *v >= want; 1 if it got there. WFI: any interrupt
 * wakes us; the timer below guarantees progress even if none comes. */
static int wait_count(volatile uint64_t* v, uint64_t want, uint64_t ms, int use_wfi) {
  uint64_t deadline = read_cntvct() + ms_ticks(ms);
  while (*v < want) {
    if (read_cntvct() > deadline) return 0;
    if (use_wfi) {
      wfi();
    } else {
      cpu_relax();
    }
  }
  return 1;
}

static int wait_pending(uint32_t intid) {
  uint64_t deadline = read_cntvct() + ms_ticks(2000);
  while (!gic_is_pending(intid)) {
    if (read_cntvct() > deadline) return 0;
    cpu_relax();
  }
  return 1;
}

/* ---- polled CPU-interface tests (IRQs masked in PSTATE) ------------------- */

static void test_sgi_self(void) {
  gic_set_priority(1, 0x80);
  gic_enable(1);
  gic_send_sgi(1, (uint16_t)(1u << cpu_id()), 0);
  EXPECT_TRUE(wait_pending(1));
  EXPECT_EQ(gic_highest_pending(), 1);
  EXPECT_EQ(gic_ack(), 1);
  EXPECT_EQ(gic_running_priority(), 0x80);
  EXPECT_TRUE(gic_is_active(1));
  EXPECT_FALSE(gic_is_pending(1));
  gic_eoi(1);
  EXPECT_EQ(gic_running_priority(), 0xff);
  EXPECT_FALSE(gic_is_active(1));
  EXPECT_EQ(gic_ack(), INTID_SPURIOUS);
}

static void test_priority_and_preemption(void) {
  gic_set_priority(2, 0x80);
  gic_set_priority(3, 0x40);
  gic_enable(2);
  gic_enable(3);
  // Both pending: the higher priority (lower value) comes first, and while it
  // runs the lower one cannot be acknowledged.
  gic_set_pending(2);
  gic_set_pending(3);
  EXPECT_EQ(gic_ack(), 3);
  EXPECT_EQ(gic_running_priority(), 0x40);
  EXPECT_EQ(gic_ack(), INTID_SPURIOUS);
  gic_eoi(3);
  EXPECT_EQ(gic_ack(), 2);
  EXPECT_EQ(gic_running_priority(), 0x80);
  // Preemption: a higher priority arriving while 2 is active is taken.
  gic_set_pending(3);
  EXPECT_EQ(gic_ack(), 3);
  EXPECT_EQ(gic_running_priority(), 0x40);
  gic_eoi(3);
  EXPECT_EQ(gic_running_priority(), 0x80);
  gic_eoi(2);
  EXPECT_EQ(gic_running_priority(), 0xff);
  // The priority mask: only priorities above (lower than) PMR are signalled.
  gic_set_pmr(0x60);
  gic_set_pending(2);
  EXPECT_EQ(gic_ack(), INTID_SPURIOUS);
  gic_set_pmr(0xff);
  EXPECT_EQ(gic_ack(), 2);
  gic_eoi(2);
}

static void test_active_and_pending(void) {
  gic_send_sgi(1, (uint16_t)(1u << cpu_id()), 0);
  EXPECT_TRUE(wait_pending(1));
  EXPECT_EQ(gic_ack(), 1);
  gic_send_sgi(1, (uint16_t)(1u << cpu_id()), 0);
  EXPECT_TRUE(wait_pending(1));
  EXPECT_TRUE(gic_is_active(1));  // active and pending
  gic_eoi(1);
  EXPECT_FALSE(gic_is_active(1));
  EXPECT_EQ(gic_ack(), 1);        // the pending one comes next
  gic_eoi(1);
  EXPECT_EQ(gic_ack(), INTID_SPURIOUS);
}

static void test_eoimode_split(void) {
  gic_set_eoimode(1);
  gic_set_pending(2);
  EXPECT_EQ(gic_ack(), 2);
  gic_eoi(2);  // priority drop only
  EXPECT_EQ(gic_running_priority(), 0xff);
  EXPECT_TRUE(gic_is_active(2));
  gic_deactivate(2);
  EXPECT_FALSE(gic_is_active(2));
  gic_set_eoimode(0);
  EXPECT_EQ(gic_ack(), INTID_SPURIOUS);
}

static void test_spi_software(void) {
  const uint64_t self = read_sysreg(mpidr_el1);
  for (int edge = 0; edge <= 1; edge++) {
    const uint32_t spi = 32 + 40 + (uint32_t)edge;
    gic_set_edge(spi, edge);
    gic_set_priority(spi, 0x80);
    gic_route_spi(spi, self);
    gic_enable(spi);
    gic_set_pending(spi);
    EXPECT_TRUE(gic_is_pending(spi));
    EXPECT_EQ(gic_ack(), spi);
    EXPECT_FALSE(gic_is_pending(spi));
    gic_eoi(spi);
    EXPECT_FALSE(gic_is_active(spi));
    gic_disable(spi);
  }
}

/* ---- interrupts through the vector ---------------------------------------- */

static volatile uint64_t seen_vtimer, seen_ptimer, seen_uart, uart_bytes, seen_other;
static volatile uint64_t pong_count[2], broadcast_seen;
static volatile uint64_t ping_rounds_wanted;
static volatile uint64_t secondary_ready, secondary_stop;

static void irq_handler(unsigned vector, struct exc_frame* frame, uint64_t esr) {
  (void)vector;
  (void)frame;
  (void)esr;
  for (;;) {
    uint32_t id = gic_ack();
    if (id >= 1020) return;
    const unsigned me = cpu_id();
    if (id == INTID_VTIMER) {
      write_sysreg(3, cntv_ctl_el0);  // ENABLE | IMASK: the output drops
      seen_vtimer++;
    } else if (id == INTID_PTIMER) {
      write_sysreg(3, cntp_ctl_el0);
      seen_ptimer++;
    } else if (id == INTID_UART) {
      while (!(mmio_read32(PL011_BASE + PL011_FR) & PL011_FR_RXFE)) {
        (void)mmio_read32(PL011_BASE + PL011_DR);
        uart_bytes++;
      }
      seen_uart++;
    } else if (id == 5 && me == 1) {  // ping: answer with a pong
      pong_count[1]++;
      gic_send_sgi(6, 1u << 0, 0);
    } else if (id == 6 && me == 0) {  // pong: ping again until done
      pong_count[0]++;
      if (pong_count[0] < ping_rounds_wanted) gic_send_sgi(5, 1u << 1, 0);
    } else if (id == 7) {
      broadcast_seen |= 1ul << me;
    } else {
      seen_other++;
    }
    isb();
    gic_eoi(id);
  }
}

static void test_timers(void) {
  gic_set_priority(INTID_VTIMER, 0x80);
  gic_set_priority(INTID_PTIMER, 0x80);
  gic_enable(INTID_VTIMER);
  gic_enable(INTID_PTIMER);
  irq_enable();
  write_sysreg(ms_ticks(2), cntv_tval_el0);
  write_sysreg(1, cntv_ctl_el0);
  isb();
  EXPECT_TRUE(wait_count(&seen_vtimer, 1, 2000, 1));
  write_sysreg(ms_ticks(2), cntp_tval_el0);
  write_sysreg(1, cntp_ctl_el0);
  isb();
  EXPECT_TRUE(wait_count(&seen_ptimer, 1, 2000, 1));
  irq_disable();
  write_sysreg(0, cntv_ctl_el0);
  write_sysreg(0, cntp_ctl_el0);
  EXPECT_EQ(seen_vtimer, 1);
  EXPECT_EQ(seen_ptimer, 1);
}

static void test_uart_interrupt(void) {
  const uint64_t imsc = PL011_BASE + PL011_IMSC;
  gic_set_edge(INTID_UART, 0);
  gic_set_priority(INTID_UART, 0x80);
  gic_route_spi(INTID_UART, read_sysreg(mpidr_el1));
  gic_enable(INTID_UART);
  mmio_write32(imsc, mmio_read32(imsc) | PL011_RXIM);
  irq_enable();
  // The runner types "g"; wait for its interrupt (a timer keeps WFI from
  // sleeping forever if it never comes).
  uint64_t deadline = read_cntvct() + ms_ticks(10000);
  while (!seen_uart && read_cntvct() < deadline) {
    write_sysreg(ms_ticks(50), cntv_tval_el0);
    write_sysreg(1, cntv_ctl_el0);
    wfi();
  }
  irq_disable();
  write_sysreg(0, cntv_ctl_el0);
  mmio_write32(imsc, mmio_read32(imsc) & ~PL011_RXIM);
  EXPECT_GE(seen_uart, 1);
  EXPECT_GE(uart_bytes, 1);
  EXPECT_FALSE(gic_is_pending(INTID_UART));  // level: low once the FIFO is empty
  gic_disable(INTID_UART);
}

static void partner(uint64_t arg) {
  (void)arg;
  gic_cpu_init();
  gic_set_priority(5, 0x80);
  gic_set_priority(7, 0x80);
  gic_enable(5);
  gic_enable(7);
  irq_enable();
  secondary_ready = 1;
  while (!secondary_stop) wfi();  // every ping must wake this CPU
  irq_disable();
}

static void test_sgi_ping_pong(void) {
  const uint64_t rounds = 1000;
  gic_set_priority(6, 0x80);
  gic_set_priority(7, 0x80);
  gic_enable(6);
  gic_enable(7);
  EXPECT_EQ(psci_cpu_on_fn(1, partner, 0), PSCI_SUCCESS);
  EXPECT_TRUE(wait_count(&secondary_ready, 1, 5000, 0));
  ping_rounds_wanted = rounds;
  irq_enable();
  gic_send_sgi(5, 1u << 1, 0);
  EXPECT_TRUE(wait_count(&pong_count[0], rounds, 20000, 1));
  EXPECT_EQ(pong_count[0], rounds);
  EXPECT_EQ(pong_count[1], rounds);
  // IRM: every CPU but the sender.
  gic_send_sgi(7, 0, 1);
  EXPECT_TRUE(wait_count(&broadcast_seen, 2, 5000, 0));
  EXPECT_EQ(broadcast_seen, 2);  // CPU 1 only
  irq_disable();
  printf("gic: %lu SGI round trips between CPU 0 and CPU 1\n", pong_count[0]);
  secondary_stop = 1;
  dsb(sy);
  gic_send_sgi(5, 1u << 1, 0);  // wake it to see the stop flag
}

/* ---- accesses the VMM cannot emulate -------------------------------------- */

static volatile uint64_t abort_esr, aborts;

static void sync_handler(unsigned vector, struct exc_frame* frame, uint64_t esr) {
  (void)vector;
  abort_esr = esr;
  aborts++;
  frame->elr += 4;  // skip the access
}

static void test_unemulated_accesses(void) {
  if (running_on_qemu_oracle()) {
    printf("gic: QEMU emulates any device access; external-abort checks skipped\n");
    return;
  }
  install_exception_handler(VEC_CUR_SPX_SYNC, sync_handler);
  uint64_t a, b;
  __asm__ volatile("ldp %0, %1, [%2]" : "=r"(a), "=r"(b) : "r"(PL011_BASE) : "memory");
  EXPECT_EQ(aborts, 1);
  EXPECT_EQ(ESR_EC(abort_esr), EC_DABT_CUR);
  EXPECT_EQ(abort_esr & 0x3f, 0x10);  // DFSC: synchronous external abort
  __asm__ volatile("ldr %w0, [%1]" : "=r"(a) : "r"(0x0c000000ul) : "memory");
  EXPECT_EQ(aborts, 2);
  EXPECT_EQ(ESR_EC(abort_esr), EC_DABT_CUR);
  EXPECT_EQ(abort_esr & 0x3f, 0x10);
  install_exception_handler(VEC_CUR_SPX_SYNC, 0);
  printf("gic: still running after %lu external aborts\n", aborts);
}

int main(uint64_t dtb) {
  (void)dtb;
  install_exception_handler(VEC_CUR_SPX_IRQ, irq_handler);
  gic_dist_init();
  gic_cpu_init();
  test_sgi_self();
  test_priority_and_preemption();
  test_active_and_pending();
  test_eoimode_split();
  test_spi_software();
  test_timers();
  test_uart_interrupt();
  test_sgi_ping_pong();
  test_unemulated_accesses();
  EXPECT_EQ(seen_other, 0);
  return 0;
}
