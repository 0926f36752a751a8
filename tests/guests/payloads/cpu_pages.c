/* CPU benchmark payload (bench/cpu): page-table-heavy code. Turns the stage-1
 * MMU on with 4 KiB pages (RAM identity-mapped page by page, the UART as a
 * Device block) and maps a 32 MiB window whose 8192 pages point, scrambled, at
 * 2048 physical pages; then reads one word per window page, in an order that
 * defeats small TLBs, invalidating the whole TLB (TLBI VMALLE1) every 1024
 * reads so translation walks stay on the hot path. Prints the BENCH line of
 * cpu_bench.h's convention. */
#define BENCH_NAME "pages"
#define BENCH_RUN bench_pages
static unsigned long bench_pages(void);
#include "cpu_bench.h"

#define PAGE 4096ul
#define ENTRIES 512
#define RAM_BASE 0x40000000ul
#define RAM_PAGES (128ul << 20) / PAGE /* run with 128 MiB */
#define POOL_PA 0x46000000ul
#define POOL_PAGES 2048ul
#define WIN_VA 0x80000000ul
#define WIN_PAGES 8192ul

#define D_TABLE 3ul
#define D_PAGE 3ul
#define D_BLOCK 1ul
#define D_AF (1ul << 10)
#define D_SH_INNER (3ul << 8)
#define D_NORMAL (1ul << 2) /* MAIR index 1 */
#define D_DEVICE (0ul << 2) /* MAIR index 0 */
#define D_XN (3ul << 53)

static uint64_t l1[ENTRIES] __attribute__((aligned(PAGE)));
static uint64_t l2_low[ENTRIES] __attribute__((aligned(PAGE)));
static uint64_t l2_ram[ENTRIES] __attribute__((aligned(PAGE)));
static uint64_t l2_win[ENTRIES] __attribute__((aligned(PAGE)));
static uint64_t l3_ram[RAM_PAGES / ENTRIES][ENTRIES] __attribute__((aligned(PAGE)));
static uint64_t l3_win[WIN_PAGES / ENTRIES][ENTRIES] __attribute__((aligned(PAGE)));

static void build_and_enable(void) {
  l1[0] = (uint64_t)l2_low | D_TABLE;
  l1[1] = (uint64_t)l2_ram | D_TABLE;
  l1[2] = (uint64_t)l2_win | D_TABLE;
  /* The UART's 2 MiB as Device memory. */
  l2_low[PL011_BASE >> 21] = (PL011_BASE & ~((1ul << 21) - 1)) | D_BLOCK | D_DEVICE | D_AF | D_XN;
  for (uint64_t t = 0; t < RAM_PAGES / ENTRIES; t++) {
    l2_ram[t] = (uint64_t)l3_ram[t] | D_TABLE;
    for (uint64_t e = 0; e < ENTRIES; e++) {
      l3_ram[t][e] = (RAM_BASE + (t * ENTRIES + e) * PAGE) | D_PAGE | D_NORMAL | D_AF | D_SH_INNER;
    }
  }
  for (uint64_t t = 0; t < WIN_PAGES / ENTRIES; t++) {
    l2_win[t] = (uint64_t)l3_win[t] | D_TABLE;
    for (uint64_t e = 0; e < ENTRIES; e++) {
      const uint64_t page = bench_mix(t * ENTRIES + e) % POOL_PAGES;
      l3_win[t][e] = (POOL_PA + page * PAGE) | D_PAGE | D_NORMAL | D_AF | D_SH_INNER | D_XN;
    }
  }
  for (uint64_t i = 0; i < POOL_PAGES * PAGE / 8; i++) ((uint64_t*)POOL_PA)[i] = bench_mix(i);
  dsb(sy);
  write_sysreg(0xFF00ul, mair_el1);
  /* T0SZ 32 (4 GiB), inner/outer write-back, inner shareable, 4 KiB granule,
   * TTBR1 walks disabled (EPD1), 32-bit IPA. */
  write_sysreg(32ul | 1ul << 8 | 1ul << 10 | 3ul << 12 | 1ul << 23, tcr_el1);
  write_sysreg((uint64_t)l1, ttbr0_el1);
  isb();
  __asm__ volatile("tlbi vmalle1\n dsb nsh" ::: "memory");
  isb();
  write_sysreg(read_sysreg(sctlr_el1) | 1ul | 1ul << 2 | 1ul << 12, sctlr_el1); /* M, C, I */
  isb();
}

static unsigned long bench_pages(void) {
  build_and_enable();
  uint64_t total = 0;
  for (uint64_t rep = 0; rep < 100; rep++) {
    for (uint64_t i = 0; i < WIN_PAGES; i++) {
      const uint64_t page = (i * 2917 + rep) % WIN_PAGES; /* 2917 is prime: a permutation */
      total += *(volatile uint64_t*)(WIN_VA + page * PAGE + (i % 512) * 8);
      if ((i & 1023) == 1023) {
        __asm__ volatile("dsb ishst\n tlbi vmalle1\n dsb nsh\n isb" ::: "memory");
      }
    }
  }
  return total;
}
