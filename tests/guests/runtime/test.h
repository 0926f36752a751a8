/* The payload result convention and EXPECT-style checks.
 * main() returns an exit code (0 = pass); test_exit(code) prints
 * "EXIT: STATUS=<(code << 1) | 1>" and powers off with PSCI SYSTEM_OFF. A failed
 * EXPECT is counted and turns a 0 exit code into 1; ASSERT stops at once. */
#ifndef VMD_GUESTS_TEST_H_
#define VMD_GUESTS_TEST_H_

#include <stdint.h>

#include "uart.h"

extern volatile uint64_t test_failures;

void test_exit(uint64_t code) __attribute__((noreturn));
void test_fail(const char* file, int line, const char* what);
void test_fail_cmp(const char* file, int line, const char* a, const char* op, const char* b,
                   uint64_t va, uint64_t vb);

#define EXPECT_TRUE(cond)                                                 \
  do {                                                                    \
    if (!(cond)) test_fail(__FILE__, __LINE__, "EXPECT_TRUE(" #cond ")"); \
  } while (0)

#define EXPECT_FALSE(cond)                                              \
  do {                                                                  \
    if (cond) test_fail(__FILE__, __LINE__, "EXPECT_FALSE(" #cond ")"); \
  } while (0)

/* Compares as uint64_t (signed values compare as their two's complement for ==/!=;
 * use the _S forms for ordered signed comparisons). */
#define TEST_CMP_(a, op, b)                                              \
  ({                                                                     \
    uint64_t __a = (uint64_t)(a), __b = (uint64_t)(b);                   \
    int __ok = __a op __b;                                               \
    if (!__ok) test_fail_cmp(__FILE__, __LINE__, #a, #op, #b, __a, __b); \
    __ok;                                                                \
  })
#define TEST_CMP_S_(a, op, b)                                                                \
  ({                                                                                         \
    int64_t __a = (int64_t)(a), __b = (int64_t)(b);                                          \
    int __ok = __a op __b;                                                                   \
    if (!__ok) test_fail_cmp(__FILE__, __LINE__, #a, #op, #b, (uint64_t)__a, (uint64_t)__b); \
    __ok;                                                                                    \
  })

#define EXPECT_EQ(a, b) ((void)TEST_CMP_(a, ==, b))
#define EXPECT_NE(a, b) ((void)TEST_CMP_(a, !=, b))
#define EXPECT_LT(a, b) ((void)TEST_CMP_(a, <, b))
#define EXPECT_LE(a, b) ((void)TEST_CMP_(a, <=, b))
#define EXPECT_GT(a, b) ((void)TEST_CMP_(a, >, b))
#define EXPECT_GE(a, b) ((void)TEST_CMP_(a, >=, b))
#define EXPECT_LT_S(a, b) ((void)TEST_CMP_S_(a, <, b))
#define EXPECT_LE_S(a, b) ((void)TEST_CMP_S_(a, <=, b))
#define EXPECT_GT_S(a, b) ((void)TEST_CMP_S_(a, >, b))
#define EXPECT_GE_S(a, b) ((void)TEST_CMP_S_(a, >=, b))

/* Stops the payload with exit code 1 when the check fails. */
#define ASSERT_TRUE(cond)                                      \
  do {                                                         \
    if (!(cond)) {                                             \
      test_fail(__FILE__, __LINE__, "ASSERT_TRUE(" #cond ")"); \
      test_exit(1);                                            \
    }                                                          \
  } while (0)
#define ASSERT_EQ(a, b)                     \
  do {                                      \
    if (!TEST_CMP_(a, ==, b)) test_exit(1); \
  } while (0)

#endif  // VMD_GUESTS_TEST_H_
