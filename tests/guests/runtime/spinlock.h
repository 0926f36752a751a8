/* A test-and-test-and-set spinlock on LDAXR/STLXR (no LSE atomics, no WFE, so it
 * needs nothing from the hypervisor beyond working exclusives). Used by the print
 * path and by SMP payloads. */
#ifndef VMD_GUESTS_SPINLOCK_H_
#define VMD_GUESTS_SPINLOCK_H_

#include <stdint.h>

typedef struct {
  volatile uint32_t locked;
} spinlock_t;

#define SPINLOCK_INIT \
  { 0 }

static inline void spin_lock(spinlock_t* lock) {
  uint32_t tmp;
  __asm__ volatile(
      "1:  ldr   %w0, [%1]\n"
      "    cbz   %w0, 2f\n"
      "    yield\n"
      "    b     1b\n"
      "2:  ldaxr %w0, [%1]\n"
      "    cbnz  %w0, 1b\n"
      "    stlxr %w0, %w2, [%1]\n"
      "    cbnz  %w0, 1b\n"
      : "=&r"(tmp)
      : "r"(&lock->locked), "r"(1u)
      : "memory");
}

/* Returns 1 if the lock was taken. */
static inline int spin_trylock(spinlock_t* lock) {
  uint32_t tmp;
  __asm__ volatile(
      "1:  ldaxr %w0, [%1]\n"
      "    cbnz  %w0, 2f\n"
      "    stlxr %w0, %w2, [%1]\n"
      "    cbnz  %w0, 1b\n"
      "    b     3f\n"
      "2:  clrex\n"
      "3:\n"
      : "=&r"(tmp)
      : "r"(&lock->locked), "r"(1u)
      : "memory");
  return tmp == 0;
}

static inline void spin_unlock(spinlock_t* lock) {
  __asm__ volatile("stlr wzr, [%0]" ::"r"(&lock->locked) : "memory");
}

/* *p += v atomically, returns the new value (LDAXR/STLXR loop). */
static inline uint64_t atomic_add_return(volatile uint64_t* p, uint64_t v) {
  uint64_t result;
  uint32_t failed;
  __asm__ volatile(
      "1:  ldaxr %0, [%2]\n"
      "    add   %0, %0, %3\n"
      "    stlxr %w1, %0, [%2]\n"
      "    cbnz  %w1, 1b\n"
      : "=&r"(result), "=&r"(failed)
      : "r"(p), "r"(v)
      : "memory");
  return result;
}

#endif  // VMD_GUESTS_SPINLOCK_H_
