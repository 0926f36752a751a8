/* The result convention (test.h) and the boot CPU's C entry: runtime_primary_main
 * calls the payload's main(dtb) and exits with its return value. */
#include "test.h"

#include "psci.h"
#include "spinlock.h"
#include "sysreg.h"

volatile uint64_t test_failures;

int main(uint64_t dtb);

void test_fail(const char* file, int line, const char* what) {
  atomic_add_return(&test_failures, 1);
  printf("FAIL %s:%d: %s (cpu%u)\n", file, line, what, cpu_id());
}

void test_fail_cmp(const char* file, int line, const char* a, const char* op, const char* b,
                   uint64_t va, uint64_t vb) {
  atomic_add_return(&test_failures, 1);
  printf("FAIL %s:%d: %s %s %s: 0x%lx vs 0x%lx (%ld vs %ld) (cpu%u)\n", file, line, a, op, b, va,
         vb, (int64_t)va, (int64_t)vb, cpu_id());
}

void test_exit(uint64_t code) {
  if (code == 0 && test_failures != 0) code = 1;
  if (test_failures != 0) printf("%lu check(s) failed\n", (uint64_t)test_failures);
  printf("EXIT: STATUS=%lu\n", (code << 1) | 1);
  psci_system_off();
}

void runtime_primary_main(uint64_t dtb) { test_exit((uint64_t)(unsigned)main(dtb)); }
