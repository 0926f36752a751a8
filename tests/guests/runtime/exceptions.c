/* exception_dispatch(): the C side of every vector. Calls the installed handler or
 * reports the exception and fails the payload; also ends run_at_el0 calls. */
#include "exceptions.h"

#include <stddef.h>

#include "sysreg.h"
#include "test.h"
#include "uart.h"

static exception_handler_t volatile handlers[VEC_COUNT];

static const char* const vector_names[VEC_COUNT] = {
    "EL1t sync",    "EL1t IRQ",    "EL1t FIQ",    "EL1t SError",
    "EL1h sync",    "EL1h IRQ",    "EL1h FIQ",    "EL1h SError",
    "EL0 A64 sync", "EL0 A64 IRQ", "EL0 A64 FIQ", "EL0 A64 SError",
    "EL0 A32 sync", "EL0 A32 IRQ", "EL0 A32 FIQ", "EL0 A32 SError",
};

void install_exception_handler(unsigned vector, exception_handler_t handler) {
  if (vector < VEC_COUNT) {
    handlers[vector] = handler;
    dsb(sy);
  }
}

void report_unexpected_exception(unsigned vector, struct exc_frame* frame, uint64_t esr) {
  printf("UNEXPECTED EXCEPTION on cpu%u: vector %u (%s)\n", cpu_id(), vector,
         vector < VEC_COUNT ? vector_names[vector] : "?");
  printf("  ESR_EL1=0x%016lx (EC 0x%02lx ISS 0x%07lx)\n", esr, ESR_EC(esr), ESR_ISS(esr));
  printf("  FAR_EL1=0x%016lx ELR_EL1=0x%016lx SPSR_EL1=0x%016lx\n", read_sysreg(far_el1),
         frame->elr, frame->spsr);
  test_exit(EXIT_CODE_UNEXPECTED_EXCEPTION);
}

void exception_dispatch(unsigned vector, struct exc_frame* frame) {
  uint64_t esr = read_sysreg(esr_el1);
  exception_handler_t handler = vector < VEC_COUNT ? handlers[vector] : NULL;
  if (handler) {
    handler(vector, frame, esr);
    return;
  }
  if (vector == VEC_LOWER_A64_SYNC && ESR_EC(esr) == EC_SVC64 && (esr & 0xffff) == EL0_RETURN_SVC) {
    el0_return(frame->x[0]);
  }
  report_unexpected_exception(vector, frame, esr);
}
