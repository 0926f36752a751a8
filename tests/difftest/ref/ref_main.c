/* The differential tester's reference: reads DtCase records on stdin, runs
 * each sequence natively (under qemu-aarch64, the reference CPU) at the same
 * addresses hv/soft uses, and writes one DtResult per case on stdout.
 * Freestanding (raw Linux syscalls, no libc), built static for aarch64 by
 * tests/difftest/CMakeLists.txt, so no aarch64 libc package is needed. */
#include <stddef.h>
#include <stdint.h>

#include "case_format.h"

#define DT_AREA 0x3fff0000ull /* exchange area + prologue, below the code */

/* aarch64 Linux syscall numbers and flags (asm-generic). */
#define SYS_READ 63
#define SYS_WRITE 64
#define SYS_MMAP 222
#define SYS_SIGALTSTACK 132
#define SYS_RT_SIGACTION 134
#define PROT_RWX 7
#define MAP_PRIVATE_ANON_FIXED (0x02 | 0x20 | 0x10)
#define SA_SIGINFO 0x4ul
#define SA_ONSTACK 0x08000000ul
#define SA_RESTORER 0x04000000ul

/* The kernel's struct ucontext on arm64: uc_flags, uc_link, stack_t (24),
 * sigset (8), 120 bytes of padding, then the 16-aligned sigcontext:
 * fault_address, regs[31], sp, pc, pstate. */
#define UC_MCONTEXT_REGS_OFFSET (176 + 8)
#define UC_MCONTEXT_SP_OFFSET (UC_MCONTEXT_REGS_OFFSET + 31 * 8)
#define UC_MCONTEXT_PC_OFFSET (UC_MCONTEXT_SP_OFFSET + 8)
#define UC_MCONTEXT_PSTATE_OFFSET (UC_MCONTEXT_PC_OFFSET + 8)
/* sigcontext's __reserved[] (16-aligned after pstate) starts with the
 * fpsimd_context record: magic, size, fpsr, fpcr, then vregs[32]. */
#define UC_MCONTEXT_RESERVED_OFFSET (UC_MCONTEXT_PSTATE_OFFSET + 16)
#define FPSIMD_MAGIC 0x46508001u

extern void dt_run(uintptr_t prologue_address);
extern void dt_sigreturn(void);
extern void dt_fault_return(void);
extern const char dt_prologue_start[], dt_prologue_end[];
extern const char dt_epilogue_start[], dt_epilogue_end[];

static long Sys(long n, long a, long b, long c, long d, long e, long f) {
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0") = a;
  register long x1 __asm__("x1") = b;
  register long x2 __asm__("x2") = c;
  register long x3 __asm__("x3") = d;
  register long x4 __asm__("x4") = e;
  register long x5 __asm__("x5") = f;
  __asm__ volatile("svc #0"
                   : "+r"(x0)
                   : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5)
                   : "memory");
  return x0;
}

/* The compiler may emit calls to these even when freestanding. */
void* memcpy(void* dst, const void* src, size_t n) {
  char* d = dst;
  const char* s = src;
  while (n--) *d++ = *s++;
  return dst;
}
void* memset(void* dst, int v, size_t n) {
  char* d = dst;
  while (n--) *d++ = (char)v;
  return dst;
}

static void Say(const char* msg) {
  size_t n = 0;
  while (msg[n]) ++n;
  Sys(SYS_WRITE, 2, (long)msg, (long)n, 0, 0, 0);
}

/* Reads exactly n bytes; returns 0 at a clean end of input, 1 on a record. */
static int ReadAll(void* buf, size_t n) {
  size_t got = 0;
  while (got < n) {
    long r = Sys(SYS_READ, 0, (long)((char*)buf + got), (long)(n - got), 0, 0, 0);
    if (r <= 0) {
      if (got != 0 || r < 0) Say("ref: short read\n");
      return 0;
    }
    got += (size_t)r;
  }
  return 1;
}

static int WriteAll(const void* buf, size_t n) {
  size_t done = 0;
  while (done < n) {
    long r = Sys(SYS_WRITE, 1, (long)((const char*)buf + done), (long)(n - done), 0, 0, 0);
    if (r <= 0) return 0;
    done += (size_t)r;
  }
  return 1;
}

static volatile uint64_t fault_signal;
static volatile uint64_t fault_pc;
static volatile uint64_t fault_regs[33]; /* x0..x30, sp, pstate */
static volatile uint64_t fault_fp[2 + 64]; /* fpcr, fpsr, v0..v31 */
static volatile uint64_t fault_fp_found;

/* A fault in the sequence (bad encoding, stray access): note it and resume
 * in dt_fault_return, which unwinds to dt_run's caller. */
static void OnFault(int sig, void* info, void* context) {
  (void)info;
  uint64_t* pc = (uint64_t*)((char*)context + UC_MCONTEXT_PC_OFFSET);
  const uint64_t* regs = (const uint64_t*)((char*)context + UC_MCONTEXT_REGS_OFFSET);
  for (int i = 0; i < 31; ++i) fault_regs[i] = regs[i];
  fault_regs[31] = *(const uint64_t*)((char*)context + UC_MCONTEXT_SP_OFFSET);
  fault_regs[32] = *(const uint64_t*)((char*)context + UC_MCONTEXT_PSTATE_OFFSET);
  /* The records in __reserved[]: fpsimd_context comes first, but walk them. */
  fault_fp_found = 0;
  const char* rec = (const char*)context + UC_MCONTEXT_RESERVED_OFFSET;
  for (int n = 0; n < 8; ++n) {
    uint32_t magic = *(const uint32_t*)rec, size = *(const uint32_t*)(rec + 4);
    if (magic == FPSIMD_MAGIC) {
      fault_fp[0] = *(const uint32_t*)(rec + 12);
      fault_fp[1] = *(const uint32_t*)(rec + 8);
      const uint64_t* vregs = (const uint64_t*)(rec + 16);
      for (int i = 0; i < 64; ++i) fault_fp[2 + i] = vregs[i];
      fault_fp_found = 1;
      break;
    }
    if (magic == 0 || size < 8 || size > 4096) break;
    rec += size;
  }
  fault_signal = (uint64_t)sig;
  fault_pc = *pc;
  *pc = (uint64_t)(uintptr_t)dt_fault_return;
}

struct KernelSigaction {
  void (*handler)(int, void*, void*);
  unsigned long flags;
  void (*restorer)(void);
  uint64_t mask;
};

static DtCase c;
static DtResult r;
static char alt_stack[64 * 1024] __attribute__((aligned(16)));

int RefMain(void) {
  /* One mapping covers the exchange area, the prologue (ending exactly at
   * DT_CODE_IPA so it falls through into the sequence) and the code region. */
  long m = Sys(SYS_MMAP, (long)DT_AREA, (long)(DT_CODE_IPA + DT_CODE_SIZE - DT_AREA),
               PROT_RWX, MAP_PRIVATE_ANON_FIXED, -1, 0);
  if (m != (long)DT_AREA) {
    Say("ref: mmap code failed\n");
    return 2;
  }
  m = Sys(SYS_MMAP, (long)DT_DATA_IPA, (long)DT_DATA_SIZE, PROT_RWX, MAP_PRIVATE_ANON_FIXED,
          -1, 0);
  if (m != (long)DT_DATA_IPA) {
    Say("ref: mmap data failed\n");
    return 2;
  }

  size_t prologue_size = (size_t)(dt_prologue_end - dt_prologue_start);
  uintptr_t prologue = (uintptr_t)(DT_CODE_IPA - prologue_size);
  memcpy((void*)prologue, dt_prologue_start, prologue_size);
  size_t epilogue_size = (size_t)(dt_epilogue_end - dt_epilogue_start);

  /* Faults run on their own stack: the sequence's SP is whatever the case set. */
  struct {
    void* sp;
    int flags;
    size_t size;
  } ss = {alt_stack, 0, sizeof(alt_stack)};
  if (Sys(SYS_SIGALTSTACK, (long)&ss, 0, 0, 0, 0, 0) != 0) {
    Say("ref: sigaltstack failed\n");
    return 2;
  }
  struct KernelSigaction sa = {OnFault, SA_SIGINFO | SA_ONSTACK | SA_RESTORER, dt_sigreturn, 0};
  const int sigs[] = {4 /*ILL*/, 5 /*TRAP*/, 7 /*BUS*/, 8 /*FPE*/, 11 /*SEGV*/};
  for (unsigned i = 0; i < sizeof(sigs) / sizeof(sigs[0]); ++i) {
    if (Sys(SYS_RT_SIGACTION, sigs[i], (long)&sa, 0, 8, 0, 0) != 0) {
      Say("ref: sigaction failed\n");
      return 2;
    }
  }

  volatile uint64_t* in = (volatile uint64_t*)DT_AREA;
  volatile uint64_t* vin = (volatile uint64_t*)(DT_AREA + 0x200);
  volatile uint64_t* out = (volatile uint64_t*)(DT_AREA + 0x400);
  volatile uint64_t* vout = (volatile uint64_t*)(DT_AREA + 0x600);
  volatile uint64_t* words = (volatile uint64_t*)DT_DATA_IPA;
  const uint64_t nwords = DT_DATA_SIZE / 8;
  while (ReadAll(&c, sizeof(c))) {
    if (c.magic != DT_CASE_MAGIC || c.ncode > DT_MAX_CODE ||
        c.ncode * 4 + epilogue_size > DT_CODE_SIZE) {
      Say("ref: bad case record\n");
      return 2;
    }
    for (uint64_t i = 0; i < nwords; ++i) words[i] = DtDataWord(c.data_seed, i);
    memcpy((void*)DT_CODE_IPA, c.code, c.ncode * 4);
    memcpy((void*)(DT_CODE_IPA + c.ncode * 4), dt_epilogue_start, epilogue_size);
    __builtin___clear_cache((char*)DT_CODE_IPA,
                            (char*)(DT_CODE_IPA + c.ncode * 4 + epilogue_size));
    for (int i = 0; i < 31; ++i) in[i] = c.x[i];
    in[31] = c.sp;
    in[32] = c.nzcv;
    in[33] = c.fpcr;
    in[34] = c.fpsr;
    for (int i = 0; i < 32; ++i) {
      vin[2 * i] = c.v[i][0];
      vin[2 * i + 1] = c.v[i][1];
    }

    memset(&r, 0, sizeof(r));
    r.magic = DT_RESULT_MAGIC;
    fault_signal = 0;
    dt_run(prologue);
    if (fault_signal == 0) {
      for (int i = 0; i < 31; ++i) r.x[i] = out[i];
      r.sp = out[31];
      r.nzcv = out[32];
      r.fpcr = out[33];
      r.fpsr = out[34];
      for (int i = 0; i < 32; ++i) {
        r.v[i][0] = vout[2 * i];
        r.v[i][1] = vout[2 * i + 1];
      }
      r.status = DT_STATUS_OK;
    } else {
      for (int i = 0; i < 31; ++i) r.x[i] = fault_regs[i];
      r.sp = fault_regs[31];
      r.nzcv = fault_regs[32] & 0xf0000000ull;
      if (!fault_fp_found) {
        Say("ref: no fpsimd_context in the signal frame\n");
        return 2;
      }
      r.fpcr = fault_fp[0];
      r.fpsr = fault_fp[1];
      for (int i = 0; i < 32; ++i) {
        r.v[i][0] = fault_fp[2 + 2 * i];
        r.v[i][1] = fault_fp[3 + 2 * i];
      }
      r.status = (uint32_t)fault_signal;
      r.fault_pc = fault_pc;
    }
    for (uint64_t i = 0; i < nwords; ++i) {
      uint64_t w = words[i];
      if (w == DtDataWord(c.data_seed, i)) continue;
      if (r.nchanged < DT_MAX_CHANGED) {
        r.changed[r.nchanged].offset = i * 8;
        r.changed[r.nchanged].value = w;
        r.nchanged++;
      } else {
        r.overflow = 1;
      }
    }
    if (!WriteAll(&r, sizeof(r))) return 2;
  }
  return 0;
}
