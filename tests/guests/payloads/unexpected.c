/* An exception nobody handles: the runtime's default handler must report it
 * (vector, ESR, FAR, ELR) and fail the payload with EXIT_CODE_UNEXPECTED_EXCEPTION,
 * i.e. "EXIT: STATUS=129". Registered as an expected failure. */
#include "exceptions.h"
#include "test.h"

int main(uint64_t dtb) {
  (void)dtb;
  printf("taking BRK #0x77 with no handler installed\n");
  __asm__ volatile("brk #0x77");
  printf("BRK returned: the default handler did not stop the payload\n");
  return 0;  // would pass: the test then fails because STATUS=1 is not expected
}
