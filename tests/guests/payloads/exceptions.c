/* Synchronous exceptions at EL1 through the runtime's vectors (SVC, BRK, an
 * undefined instruction), each with the ESR_EL1 class, ISS, ELR_EL1 and SPSR_EL1
 * the ARM ARM specifies, then EL0 round trips: ERET to EL0, SVC back, and an EL0
 * access to an EL1 register trapping as UNDEFINED. */
#include "exceptions.h"
#include "sysreg.h"
#include "test.h"

extern char svc_insn[], brk_insn[], udf_insn[], el0_svc_insn[], el0_sysreg_insn[];
uint64_t do_svc(void);
void do_brk(void);
void do_udf(void);
uint64_t el0_svc_fn(uint64_t arg);
uint64_t el0_sysreg_fn(uint64_t arg);

/* What the last handler saw. */
static volatile unsigned seen_vector;
static volatile uint64_t seen_esr, seen_elr, seen_spsr, seen_x1, seen_count;

static void record(unsigned vector, struct exc_frame* frame, uint64_t esr) {
  seen_vector = vector;
  seen_esr = esr;
  seen_elr = frame->elr;
  seen_spsr = frame->spsr;
  seen_x1 = frame->x[1];
  seen_count++;
}

/* SVC: ELR already points past the instruction (preferred return address). */
static void svc_handler(unsigned vector, struct exc_frame* frame, uint64_t esr) {
  record(vector, frame, esr);
  frame->x[0] = 0x5ca1ab1e;
}

/* BRK and UDF: ELR is the faulting instruction; step over it. */
static void skip_handler(unsigned vector, struct exc_frame* frame, uint64_t esr) {
  record(vector, frame, esr);
  frame->elr += 4;
}

/* From EL0: leave EL0 for good and return into run_at_el0's caller. */
static void lower_handler(unsigned vector, struct exc_frame* frame, uint64_t esr) {
  record(vector, frame, esr);
  el0_return(frame->x[0]);
}

static uint8_t el0_stack[4096] __attribute__((aligned(16)));

static void reset_seen(void) {
  seen_vector = 99;
  seen_esr = seen_elr = seen_spsr = seen_x1 = 0;
  seen_count = 0;
}

static void check_el1_spsr(void) {
  // Taken from EL1h with interrupts masked: M[3:0] = 0b0101, D/A/I/F still set.
  EXPECT_EQ(seen_spsr & 0xf, 0x5);
  EXPECT_EQ(seen_spsr & 0x3c0, 0x3c0);
  EXPECT_EQ(seen_spsr & 0x10, 0);  // AArch64
}

static void test_svc(void) {
  reset_seen();
  install_exception_handler(VEC_CUR_SPX_SYNC, svc_handler);
  uint64_t r = do_svc();
  EXPECT_EQ(r, 0x5ca1ab1e);  // the handler's X0 made it back through ERET
  EXPECT_EQ(seen_count, 1);
  EXPECT_EQ(seen_vector, VEC_CUR_SPX_SYNC);
  EXPECT_EQ(ESR_EC(seen_esr), EC_SVC64);
  EXPECT_EQ(seen_esr & ESR_IL, ESR_IL);  // 32-bit instruction
  EXPECT_EQ(ESR_ISS(seen_esr), 0x11);    // imm16
  EXPECT_EQ(seen_elr, (uint64_t)svc_insn + 4);
  check_el1_spsr();
  printf("svc: ESR 0x%lx ELR 0x%lx SPSR 0x%lx\n", seen_esr, seen_elr, seen_spsr);
}

static void test_brk(void) {
  reset_seen();
  install_exception_handler(VEC_CUR_SPX_SYNC, skip_handler);
  do_brk();
  EXPECT_EQ(seen_count, 1);
  EXPECT_EQ(seen_vector, VEC_CUR_SPX_SYNC);
  EXPECT_EQ(ESR_EC(seen_esr), EC_BRK64);
  EXPECT_EQ(seen_esr & ESR_IL, ESR_IL);
  EXPECT_EQ(ESR_ISS(seen_esr), 0x123);  // the comment field
  EXPECT_EQ(seen_elr, (uint64_t)brk_insn);
  check_el1_spsr();
  printf("brk: ESR 0x%lx ELR 0x%lx\n", seen_esr, seen_elr);
}

static void test_udf(void) {
  reset_seen();
  install_exception_handler(VEC_CUR_SPX_SYNC, skip_handler);
  do_udf();
  EXPECT_EQ(seen_count, 1);
  EXPECT_EQ(seen_vector, VEC_CUR_SPX_SYNC);
  EXPECT_EQ(ESR_EC(seen_esr), EC_UNKNOWN);
  EXPECT_EQ(seen_esr & ESR_IL, ESR_IL);
  EXPECT_EQ(ESR_ISS(seen_esr), 0);  // EC 0 has no syndrome
  EXPECT_EQ(seen_elr, (uint64_t)udf_insn);
  check_el1_spsr();
  printf("udf: ESR 0x%lx ELR 0x%lx\n", seen_esr, seen_elr);
}

static uint64_t el0_stack_top(void) { return (uint64_t)(el0_stack + sizeof(el0_stack)); }

static void test_el0_svc(void) {
  reset_seen();
  install_exception_handler(VEC_LOWER_A64_SYNC, lower_handler);
  uint64_t r = run_at_el0(el0_svc_fn, 41, el0_stack_top());
  EXPECT_EQ(r, 42);
  EXPECT_EQ(seen_x1, 0xe10);
  EXPECT_EQ(seen_count, 1);
  EXPECT_EQ(seen_vector, VEC_LOWER_A64_SYNC);
  EXPECT_EQ(ESR_EC(seen_esr), EC_SVC64);
  EXPECT_EQ(ESR_ISS(seen_esr), 0x42);
  EXPECT_EQ(seen_elr, (uint64_t)el0_svc_insn + 4);
  EXPECT_EQ(seen_spsr & 0x1f, 0);       // EL0t, AArch64
  EXPECT_EQ(seen_spsr & 0x3c0, 0x3c0);  // the DAIF run_at_el0 set
  EXPECT_EQ(current_el(), 1);           // and we are back at EL1
  printf("el0 svc: ESR 0x%lx ELR 0x%lx SPSR 0x%lx\n", seen_esr, seen_elr, seen_spsr);
}

static void test_el0_sysreg(void) {
  reset_seen();
  install_exception_handler(VEC_LOWER_A64_SYNC, lower_handler);
  uint64_t r = run_at_el0(el0_sysreg_fn, 7, el0_stack_top());
  EXPECT_EQ(r, 7);  // X0 untouched: the MRS did not execute
  EXPECT_EQ(seen_count, 1);
  EXPECT_EQ(seen_vector, VEC_LOWER_A64_SYNC);
  EXPECT_EQ(ESR_EC(seen_esr), EC_UNKNOWN);
  EXPECT_EQ(seen_elr, (uint64_t)el0_sysreg_insn);
  EXPECT_EQ(seen_spsr & 0x1f, 0);
  printf("el0 mrs sctlr_el1: ESR 0x%lx ELR 0x%lx\n", seen_esr, seen_elr);
}

static uint64_t el0_plain_fn(uint64_t arg) { return arg * 3; }

static void test_el0_return(void) {
  // No handler installed: a function that simply returns comes back through the
  // runtime's trampoline SVC.
  install_exception_handler(VEC_LOWER_A64_SYNC, 0);
  EXPECT_EQ(run_at_el0(el0_plain_fn, 14, el0_stack_top()), 42);
}

int main(uint64_t dtb) {
  (void)dtb;
  EXPECT_EQ(read_sysreg(vbar_el1) & 0x7ff, 0);  // the table is 2 KiB aligned
  test_svc();
  test_brk();
  test_udf();
  test_el0_svc();
  test_el0_sysreg();
  test_el0_return();
  install_exception_handler(VEC_CUR_SPX_SYNC, 0);
  install_exception_handler(VEC_LOWER_A64_SYNC, 0);
  return 0;
}
