/* The differential tester's wire format: one fixed-size record per test case
 * (difftest -> reference) and per result (reference -> difftest). Plain C so
 * the aarch64 reference program (ref/ref_main.c) and the host tool share it. */
#ifndef VMD_TESTS_DIFFTEST_CASE_FORMAT_H_
#define VMD_TESTS_DIFFTEST_CASE_FORMAT_H_

#include <stdint.h>

/* Guest addresses, identical on both sides: ADR/ADRP, BL and literal loads
 * depend on the PC, loads and stores on the data addresses. */
#define DT_CODE_IPA 0x40000000ull
#define DT_CODE_SIZE 0x10000ull
#define DT_DATA_IPA 0x40100000ull
#define DT_DATA_SIZE 0x10000ull

#define DT_MAX_CODE 512    /* instructions per case */
#define DT_MAX_CHANGED 512 /* changed data words reported per result */

/* The FPCR and FPSR bits compared: an ARMv8.0 FPCR without FP16 or trap
 * enables (AHP, DN, FZ, RMode) and FPSR's QC and cumulative exception flags
 * (its NZCV bits 31:28 are AArch32's). */
#define DT_FPCR_MASK 0x07c00000ull
#define DT_FPSR_MASK 0x0800009full

#define DT_CASE_MAGIC 0x32534143u   /* "CAS2": with V0..V31, FPCR, FPSR */
#define DT_RESULT_MAGIC 0x32534c52u /* "RLS2" */

/* Result status: DT_STATUS_OK when the sequence ran to its end; otherwise the
 * reference reports the host signal (SIGILL, SIGSEGV, ...) it took. */
#define DT_STATUS_OK 0u

typedef struct {
  uint32_t magic;
  uint32_t ncode;     /* instructions in code[] */
  uint64_t data_seed; /* data region contents: DtDataWord(data_seed, i) */
  uint64_t x[31];
  uint64_t sp;
  uint64_t nzcv; /* bits 31:28 */
  uint64_t fpcr; /* FPCR at the start (AHP, DN, FZ, RMode: DT_FPCR_MASK) */
  uint64_t fpsr; /* FPSR at the start (QC and cumulative flags: DT_FPSR_MASK) */
  uint64_t v[32][2]; /* V0..V31: [0] bits 63:0, [1] bits 127:64 */
  uint32_t code[DT_MAX_CODE];
} DtCase;

typedef struct {
  uint64_t offset; /* byte offset of an 8-byte word in the data region */
  uint64_t value;  /* its value after the run */
} DtWord;

/* On a fault, x[], sp, nzcv, fpcr, fpsr and v[] hold the state at the faulting instruction
 * (the instructions before it have run), and fault_pc its address. */
typedef struct {
  uint32_t magic;
  uint32_t status;   /* DT_STATUS_OK or a signal number */
  uint64_t fault_pc; /* where the signal hit, when status != OK */
  uint64_t syndrome; /* hv side: ESR of a guest exception; 0 otherwise */
  uint64_t x[31];
  uint64_t sp;
  uint64_t nzcv;
  uint64_t fpcr;
  uint64_t fpsr;
  uint64_t v[32][2];
  uint32_t nchanged; /* entries used in changed[]; words beyond are dropped */
  uint32_t overflow; /* 1 when more words changed than changed[] holds */
  DtWord changed[DT_MAX_CHANGED];
} DtResult;

/* The initial data region: word i (8 bytes at offset 8*i) of a case. A mixing
 * function (splitmix64's finaliser) so every case sees different memory. */
static inline uint64_t DtDataWord(uint64_t seed, uint64_t i) {
  uint64_t z = seed + (i + 1) * 0x9e3779b97f4a7c15ull;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

#endif /* VMD_TESTS_DIFFTEST_CASE_FORMAT_H_ */
