/* CPU benchmark payloads (bench/cpu/cpu-vs-qemu.py): integer workloads of the
 * kinds a kernel and user space spend time in, one per payload (the includer
 * defines BENCH_NAME and BENCH_RUN before including this file). Each runs a
 * fixed amount of work, prints
 *   BENCH <name> ticks=<counter ticks> freq=<CNTFRQ> sum=<checksum>
 * and passes. The checksum lets the benchmark check that every runner computed
 * the same thing; the work is deterministic, so the instruction count measured
 * once on hv/soft (hvrun --stats) holds for every runner. */
#ifndef VMD_GUESTS_CPU_BENCH_H_
#define VMD_GUESTS_CPU_BENCH_H_

#include <stddef.h>
#include <stdint.h>

#include "sysreg.h"
#include "test.h"

static inline uint64_t bench_mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  return x;
}

/* Sieve of Eratosthenes over a byte array, repeated. */
static uint8_t bench_sieve_buf[1 << 17];
static inline uint64_t bench_sieve(void) {
  uint64_t total = 0;
  for (int rep = 0; rep < 120; ++rep) {
    const uint32_t n = sizeof(bench_sieve_buf);
    for (uint32_t i = 0; i < n; ++i) bench_sieve_buf[i] = 1;
    bench_sieve_buf[0] = bench_sieve_buf[1] = 0;
    for (uint32_t i = 2; i * i < n; ++i) {
      if (!bench_sieve_buf[i]) continue;
      for (uint32_t j = i * i; j < n; j += i) bench_sieve_buf[j] = 0;
    }
    for (uint32_t i = 0; i < n; ++i) total += bench_sieve_buf[i];
  }
  return total;
}

/* Table-driven CRC-32 (reflected, polynomial 0xEDB88320) over a buffer. */
static uint32_t bench_crc_table[256];
static uint8_t bench_crc_data[1 << 16];
static inline uint64_t bench_crc(void) {
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    bench_crc_table[i] = c;
  }
  for (uint32_t i = 0; i < sizeof(bench_crc_data); ++i) bench_crc_data[i] = (uint8_t)bench_mix(i);
  uint64_t total = 0;
  for (int rep = 0; rep < 400; ++rep) {
    uint32_t crc = 0xffffffffu ^ (uint32_t)rep;
    for (uint32_t i = 0; i < sizeof(bench_crc_data); ++i) {
      crc = bench_crc_table[(crc ^ bench_crc_data[i]) & 0xff] ^ (crc >> 8);
    }
    total += crc ^ 0xffffffffu;
  }
  return total;
}

/* A SHA-256-style compression loop: rotates, adds, logic on 32-bit words. */
static inline uint32_t bench_rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
static inline uint64_t bench_hash(void) {
  uint32_t s[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  uint32_t w[64];
  for (uint32_t block = 0; block < 150000; ++block) {
    for (int i = 0; i < 16; ++i) w[i] = (uint32_t)bench_mix(block * 16 + i);
    for (int i = 16; i < 64; ++i) {
      uint32_t s0 = bench_rotr(w[i - 15], 7) ^ bench_rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      uint32_t s1 = bench_rotr(w[i - 2], 17) ^ bench_rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];
    for (int i = 0; i < 64; ++i) {
      uint32_t t1 = h + (bench_rotr(e, 6) ^ bench_rotr(e, 11) ^ bench_rotr(e, 25)) +
                    ((e & f) ^ (~e & g)) + w[i] + 0x428a2f98u * (uint32_t)i;
      uint32_t t2 = (bench_rotr(a, 2) ^ bench_rotr(a, 13) ^ bench_rotr(a, 22)) +
                    ((a & b) ^ (a & c) ^ (b & c));
      h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    s[0] += a; s[1] += b; s[2] += c; s[3] += d; s[4] += e; s[5] += f; s[6] += g; s[7] += h;
  }
  uint64_t total = 0;
  for (int i = 0; i < 8; ++i) total = total * 31 + s[i];
  return total;
}

/* Pointer chasing through a random cyclic permutation of 2 MiB of nodes. */
#define BENCH_NODES (1u << 18)
static uint32_t bench_next[BENCH_NODES];
static inline uint64_t bench_chase(void) {
  for (uint32_t i = 0; i < BENCH_NODES; ++i) bench_next[i] = i;
  for (uint32_t i = BENCH_NODES - 1; i > 0; --i) {  /* Sattolo: one cycle */
    uint32_t j = (uint32_t)(bench_mix(i) % i);
    uint32_t t = bench_next[i];
    bench_next[i] = bench_next[j];
    bench_next[j] = t;
  }
  uint32_t p = 0;
  uint64_t total = 0;
  for (uint32_t step = 0; step < 2000000; ++step) {
    p = bench_next[p];
    total += p;
  }
  return total;
}

/* A bytecode interpreter (switch dispatch): what scripting and parsing look like. */
static inline uint64_t bench_interp(void) {
  enum { OP_PUSH, OP_ADD, OP_MUL, OP_XOR, OP_DUP, OP_SWAP, OP_DROP, OP_JNZ, OP_DEC, OP_END };
  static const uint8_t prog[] = {
      OP_PUSH, 7, OP_PUSH, 200, /* acc, counter */
      OP_SWAP, OP_DUP, OP_MUL, OP_PUSH, 13, OP_XOR, OP_PUSH, 3, OP_ADD, OP_SWAP, /* acc' */
      OP_DEC, OP_DUP, OP_JNZ, 4, OP_DROP, OP_END};
  uint64_t total = 0;
  for (uint32_t rep = 0; rep < 8000; ++rep) {
    uint64_t stack[16];
    int sp = 0;
    uint32_t pc = 0;
    for (;;) {
      uint8_t op = prog[pc++];
      switch (op) {
        case OP_PUSH: stack[sp++] = prog[pc++] + rep; break;
        case OP_ADD: sp--; stack[sp - 1] += stack[sp]; break;
        case OP_MUL: sp--; stack[sp - 1] *= stack[sp]; break;
        case OP_XOR: sp--; stack[sp - 1] ^= stack[sp]; break;
        case OP_DUP: stack[sp] = stack[sp - 1]; sp++; break;
        case OP_SWAP: { uint64_t t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; break; }
        case OP_DROP: sp--; break;
        case OP_JNZ: { uint8_t target = prog[pc++]; if (stack[--sp] != 0) pc = target; break; }
        case OP_DEC: stack[sp - 1] = (stack[sp - 1] - 1) & 0xff; break;
        default: goto done;
      }
    }
  done:
    total += stack[0];
  }
  return total;
}

/* Block copies through the runtime's memcpy/memset (string.c). */
void* memcpy(void* restrict dst, const void* restrict src, size_t n);
void* memset(void* dst, int c, size_t n);
static uint8_t bench_copy_a[1 << 16], bench_copy_b[1 << 16];
static inline uint64_t bench_copy(void) {
  uint64_t total = 0;
  for (uint32_t rep = 0; rep < 400; ++rep) {
    memset(bench_copy_a, (int)rep, sizeof(bench_copy_a));
    bench_copy_a[rep & 0xffff] = 0x5a;
    memcpy(bench_copy_b, bench_copy_a, sizeof(bench_copy_a));
    total += bench_copy_b[(rep * 7) & 0xffff];
  }
  return total;
}

int main(uint64_t dtb) {
  (void)dtb;
  const uint64_t freq = read_sysreg(cntfrq_el0);
  isb();
  const uint64_t t0 = read_cntvct();
  const uint64_t sum = (uint64_t)BENCH_RUN();
  isb();
  const uint64_t t1 = read_cntvct();
  printf("BENCH %s ticks=%lu freq=%lu sum=%lx\n", BENCH_NAME, t1 - t0, freq, sum);
  EXPECT_NE(sum, 0);
  return 0;
}

#endif  /* VMD_GUESTS_CPU_BENCH_H_ */
