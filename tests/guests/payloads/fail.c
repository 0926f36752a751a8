/* A payload that fails on purpose (exit code 1 → "EXIT: STATUS=3"), so every
 * runner is shown to report a failure as a failure. */
#include "test.h"

int main(uint64_t dtb) {
  (void)dtb;
  printf("This payload fails on purpose\n");
  return 1;
}
