/* Exception handling for payloads: the saved-state frame vectors.S builds, per-vector
 * handlers a test may install, and an EL0 round trip (run_at_el0/el0_return). */
#ifndef VMD_GUESTS_EXCEPTIONS_H_
#define VMD_GUESTS_EXCEPTIONS_H_

#include <stdint.h>

/* Layout shared with vectors.S (FRAME_SIZE 272). A handler may edit elr/spsr/x[]:
 * the exception returns with them. */
struct exc_frame {
  uint64_t x[31];
  uint64_t sp_el0;
  uint64_t elr;
  uint64_t spsr;
};
_Static_assert(sizeof(struct exc_frame) == 272, "vectors.S FRAME_SIZE");

/* Vector numbers: VBAR_EL1 + 0x80 * n. */
// clang-format off
enum {
  VEC_CUR_SP0_SYNC = 0, VEC_CUR_SP0_IRQ, VEC_CUR_SP0_FIQ, VEC_CUR_SP0_SERROR,
  VEC_CUR_SPX_SYNC = 4, VEC_CUR_SPX_IRQ, VEC_CUR_SPX_FIQ, VEC_CUR_SPX_SERROR,
  VEC_LOWER_A64_SYNC = 8, VEC_LOWER_A64_IRQ, VEC_LOWER_A64_FIQ, VEC_LOWER_A64_SERROR,
  VEC_LOWER_A32_SYNC = 12, VEC_LOWER_A32_IRQ, VEC_LOWER_A32_FIQ, VEC_LOWER_A32_SERROR,
  VEC_COUNT = 16,
};
// clang-format on

/* ESR_EL1 fields and the exception classes tests look for (ARM ARM D17.2.37). */
#define ESR_EC(esr) (((esr) >> 26) & 0x3f)
#define ESR_IL (1ul << 25)
#define ESR_ISS(esr) ((esr)&0x1ffffff)
#define EC_UNKNOWN 0x00
#define EC_WFX 0x01
#define EC_SVC64 0x15
#define EC_HVC64 0x16
#define EC_SMC64 0x17
#define EC_SYSREG 0x18
#define EC_IABT_LOWER 0x20
#define EC_IABT_CUR 0x21
#define EC_PC_ALIGN 0x22
#define EC_DABT_LOWER 0x24
#define EC_DABT_CUR 0x25
#define EC_SP_ALIGN 0x26
#define EC_BRK64 0x3c

/* Exit code of a payload stopped by an exception nobody handled. */
#define EXIT_CODE_UNEXPECTED_EXCEPTION 64

/* SVC immediate the EL0 trampoline uses when a run_at_el0 function returns. */
#define EL0_RETURN_SVC 0xe0

typedef void (*exception_handler_t)(unsigned vector, struct exc_frame* frame, uint64_t esr);

/* Installs (or with NULL removes) the handler for one vector, for all CPUs. */
void install_exception_handler(unsigned vector, exception_handler_t handler);

/* Prints vector, ESR_EL1, FAR_EL1, ELR_EL1 and SPSR, then fails the payload. */
void report_unexpected_exception(unsigned vector, struct exc_frame* frame, uint64_t esr)
    __attribute__((noreturn));

/* Runs fn(arg) at EL0t (interrupts masked) on the given stack. Returns fn's result
 * when fn returns, or the value a lower-EL handler passes to el0_return(). */
uint64_t run_at_el0(uint64_t (*fn)(uint64_t), uint64_t arg, uint64_t sp_el0);
void el0_return(uint64_t value) __attribute__((noreturn));

#endif  // VMD_GUESTS_EXCEPTIONS_H_
