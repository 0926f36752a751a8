/* Generates fp_ref_vectors.inc: runs each FP_REF_OPS instruction natively
 * under qemu-aarch64 (the reference CPU) on generated operands and FPCR
 * settings, and prints FpRefVector initializers (see regen.sh). Freestanding
 * (raw Linux syscalls, no libc) so only aarch64-linux-gnu-gcc is needed. */
#include "fp_ref_ops.h"

#ifndef FP_REF_COUNT
#define FP_REF_COUNT 48 /* vectors per op */
#endif
#ifndef FP_REF_SEED
#define FP_REF_SEED 0x9e3779b97f4a7c15ull
#endif

typedef unsigned long long u64;

static const char* const kNames[] = {
#define FP_REF_NAME(name) #name,
    FP_REF_OPS(FP_REF_NAME)
#undef FP_REF_NAME
};

static long Sys3(long n, long a, long b, long c) {
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0") = a;
  register long x1 __asm__("x1") = b;
  register long x2 __asm__("x2") = c;
  __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : "memory");
  return x0;
}

static char out_buf[1 << 16];
static unsigned out_len;
static void Flush(void) {
  unsigned done = 0;
  while (done < out_len) {
    long n = Sys3(64, 1, (long)(out_buf + done), out_len - done);
    if (n <= 0) break;
    done += (unsigned)n;
  }
  out_len = 0;
}
static void PutS(const char* s) {
  while (*s) {
    if (out_len == sizeof(out_buf)) Flush();
    out_buf[out_len++] = *s++;
  }
}
static void PutHex(u64 v) {
  char t[19];
  int n = 0;
  t[n++] = '0';
  t[n++] = 'x';
  int started = 0;
  for (int i = 15; i >= 0; --i) {
    int d = (int)((v >> (i * 4)) & 15);
    if (d || started || i == 0) {
      t[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
      started = 1;
    }
  }
  t[n] = 0;
  PutS(t);
}

static u64 rng_state = FP_REF_SEED;
static u64 Rnd(void) { /* xorshift64* */
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return rng_state * 2685821657736338717ull;
}

/* A value of the format with e exponent and f fraction bits, chosen to hit
 * the special cases (zeros, denormals, the normal range's ends, infinities,
 * NaNs, halfway points). prev: the other operand, for close exponents. */
static u64 GenFp(int e, int f, u64 prev) {
  const u64 fmask = (1ull << f) - 1, emax = (1ull << e) - 1, bias = emax >> 1;
  const u64 sign = (Rnd() & 1) << (e + f);
  u64 exp, frac = Rnd() & fmask;
  switch (Rnd() % 19) {
    case 0: exp = 0; frac = 0; break;
    case 1: exp = 0; break;
    case 2: exp = 0; frac = 1 + Rnd() % 15; break;
    case 3: exp = Rnd() % 2; frac = (Rnd() & 1) ? fmask - Rnd() % 4 : Rnd() % 4; break;
    case 4: exp = emax; frac = 0; break;
    case 5: exp = emax; frac |= 1ull << (f - 1); break;
    case 6: exp = emax; frac &= ~(1ull << (f - 1)); if (!frac) frac = 1; break;
    case 7: exp = emax - 1 - Rnd() % 2; break;
    case 8: exp = bias + Rnd() % 3 - 1; frac = (Rnd() % 4) << (f - 2); break;
    case 9: case 10: exp = bias - 30 + Rnd() % 61; break;
    case 11: exp = 1 + Rnd() % (f + 2); break;
    case 12: return Rnd() & (((1ull << (e + f)) << 1) - 1);
    case 13: exp = bias + Rnd() % 70; if (exp > emax - 1) exp = emax - 1; break;
    case 14: exp = bias + Rnd() % 24; frac &= ~((1ull << (f > 20 ? f - 20 : 0)) - 1); break;
    case 15: exp = bias - bias / 2 - Rnd() % 8; break; /* products near the denormals */
    default: { /* close to prev: cancellation, same binade */
      u64 pe = (prev >> f) & emax;
      if (pe == emax) pe = bias;
      exp = pe + Rnd() % 5 - 2;
      if (exp >= emax || exp > pe + 2) exp = pe;
      if (Rnd() & 1) frac = (prev & fmask) ^ (Rnd() & 7);
      break;
    }
  }
  return sign | (exp << f) | frac;
}

static u64 GenInt(void) {
  u64 v = Rnd();
  switch (Rnd() % 6) {
    case 0: return v >> (Rnd() % 64);
    case 1: return -(v >> (Rnd() % 64));
    case 2: return (1ull << (Rnd() % 64)) + Rnd() % 5 - 2;
    case 3: return v & 0xffffffffull;
    case 4: return (u64)(int)(v >> (Rnd() % 32));
    default: return v;
  }
}

static unsigned GenFpcr(void) {
  unsigned cr = (unsigned)(Rnd() % 4) << 22;
  if (Rnd() % 3 == 0) cr |= 1u << 24; /* FZ */
  if (Rnd() % 3 == 0) cr |= 1u << 25; /* DN */
  if (Rnd() % 3 == 0) cr |= 1u << 26; /* AHP */
  return cr;
}

/* Runs insn with d1/x1 = a, d2/x2 = b, d3 = c; gives d0, x0, NZCV and FPSR. */
#define RUN(insn)                                                                   \
  __asm__ volatile(                                                                 \
      "msr fpcr, %[cr]\n\tmsr fpsr, xzr\n\tmsr nzcv, xzr\n\t"                     \
      "fmov d1, %[a]\n\tfmov d2, %[b]\n\tfmov d3, %[c]\n\t"                         \
      "mov x1, %[a]\n\tmov x2, %[b]\n\tmovi v0.2d, #0\n\tmov x0, xzr\n\t" insn "\n\t" \
      "mrs %[sr], fpsr\n\tfmov %[rd], d0\n\tmov %[rx], x0\n\tmrs %[nz], nzcv\n\t"     \
      "msr fpcr, xzr\n\tmsr fpsr, xzr"                                              \
      : [sr] "=&r"(sr), [rd] "=&r"(rd), [rx] "=&r"(rx), [nz] "=&r"(nz)              \
      : [cr] "r"(cr), [a] "r"(a), [b] "r"(b), [c] "r"(c)                            \
      : "x0", "x1", "x2", "v0", "v1", "v2", "v3", "memory", "cc")

#define D(op, insn) case kFpRef_##op: RUN(insn); r = rd; break;
#define X(op, insn) case kFpRef_##op: RUN(insn); r = rx; break;
#define NZ(op, insn) case kFpRef_##op: RUN(insn); r = nz >> 28; break;

static void Exec(int op, u64 cr, u64 a, u64 b, u64 c, u64* result, u64* fpsr) {
  u64 sr = 0, rd = 0, rx = 0, nz = 0, r = 0;
  switch (op) {
    D(FADD_D, "fadd d0, d1, d2") D(FADD_S, "fadd s0, s1, s2")
    D(FSUB_D, "fsub d0, d1, d2") D(FSUB_S, "fsub s0, s1, s2")
    D(FMUL_D, "fmul d0, d1, d2") D(FMUL_S, "fmul s0, s1, s2")
    D(FMULX_D, "fmulx d0, d1, d2") D(FMULX_S, "fmulx s0, s1, s2")
    D(FDIV_D, "fdiv d0, d1, d2") D(FDIV_S, "fdiv s0, s1, s2")
    D(FSQRT_D, "fsqrt d0, d1") D(FSQRT_S, "fsqrt s0, s1")
    D(FMADD_D, "fmadd d0, d1, d2, d3") D(FMADD_S, "fmadd s0, s1, s2, s3")
    D(FNMSUB_D, "fnmsub d0, d1, d2, d3")
    D(FMAX_D, "fmax d0, d1, d2") D(FMAX_S, "fmax s0, s1, s2")
    D(FMIN_D, "fmin d0, d1, d2") D(FMIN_S, "fmin s0, s1, s2")
    D(FMAXNM_D, "fmaxnm d0, d1, d2") D(FMAXNM_S, "fmaxnm s0, s1, s2")
    D(FMINNM_D, "fminnm d0, d1, d2") D(FMINNM_S, "fminnm s0, s1, s2")
    NZ(FCMP_D, "fcmp d1, d2") NZ(FCMP_S, "fcmp s1, s2")
    NZ(FCMPE_D, "fcmpe d1, d2") NZ(FCMPE_S, "fcmpe s1, s2")
    D(FCMEQ_D, "fcmeq d0, d1, d2") D(FCMGE_D, "fcmge d0, d1, d2")
    D(FCMGT_S, "fcmgt s0, s1, s2")
    D(FRINTN_D, "frintn d0, d1") D(FRINTP_D, "frintp d0, d1")
    D(FRINTM_S, "frintm s0, s1") D(FRINTZ_S, "frintz s0, s1")
    D(FRINTA_D, "frinta d0, d1") D(FRINTX_D, "frintx d0, d1")
    D(FRINTX_S, "frintx s0, s1") D(FRINTI_S, "frinti s0, s1")
    X(FCVTZS_XD, "fcvtzs x0, d1") X(FCVTZS_WD, "fcvtzs w0, d1")
    X(FCVTZU_XD, "fcvtzu x0, d1") X(FCVTZU_WS, "fcvtzu w0, s1")
    X(FCVTZS_WS, "fcvtzs w0, s1") X(FCVTZS_XS_FB40, "fcvtzs x0, s1, #40")
    X(FCVTZU_WD_FB7, "fcvtzu w0, d1, #7") X(FCVTNS_XD, "fcvtns x0, d1")
    X(FCVTAS_WD, "fcvtas w0, d1") X(FCVTMS_XS, "fcvtms x0, s1")
    X(FCVTPU_XD, "fcvtpu x0, d1") X(FCVTAU_WS, "fcvtau w0, s1")
    X(FCVTNU_WD, "fcvtnu w0, d1")
    D(SCVTF_DX, "scvtf d0, x1") D(SCVTF_SW, "scvtf s0, w1")
    D(UCVTF_DX, "ucvtf d0, x1") D(UCVTF_SX, "ucvtf s0, x1")
    D(UCVTF_SW, "ucvtf s0, w1") D(SCVTF_SX_FB20, "scvtf s0, x1, #20")
    D(UCVTF_DW_FB31, "ucvtf d0, w1, #31") D(SCVTF_DX_FB64, "scvtf d0, x1, #64")
    D(FCVT_SD, "fcvt s0, d1") D(FCVT_DS, "fcvt d0, s1")
    D(FCVT_HD, "fcvt h0, d1") D(FCVT_DH, "fcvt d0, h1")
    D(FCVT_HS, "fcvt h0, s1") D(FCVT_SH, "fcvt s0, h1")
    D(FCVTXN_SD, "fcvtxn s0, d1")
    D(FRECPE_D, "frecpe d0, d1") D(FRECPE_S, "frecpe s0, s1")
    D(FRSQRTE_D, "frsqrte d0, d1") D(FRSQRTE_S, "frsqrte s0, s1")
    D(FRECPS_D, "frecps d0, d1, d2") D(FRECPS_S, "frecps s0, s1, s2")
    D(FRSQRTS_D, "frsqrts d0, d1, d2") D(FRSQRTS_S, "frsqrts s0, s1, s2")
    D(FRECPX_D, "frecpx d0, d1") D(FRECPX_S, "frecpx s0, s1")
    D(URECPE, "urecpe v0.2s, v1.2s") D(URSQRTE, "ursqrte v0.2s, v1.2s")
    D(FADD_H, "fadd h0, h1, h2") D(FMUL_H, "fmul h0, h1, h2") D(FDIV_H, "fdiv h0, h1, h2")
    D(FSQRT_H, "fsqrt h0, h1") D(FMADD_H, "fmadd h0, h1, h2, h3")
    D(FMAXNM_H, "fmaxnm h0, h1, h2") D(FRECPE_H, "frecpe h0, h1")
    D(FRSQRTE_H, "frsqrte h0, h1") D(FRECPS_H, "frecps h0, h1, h2")
    D(FRINTA_H, "frinta h0, h1") X(FCVTZS_WH, "fcvtzs w0, h1") D(SCVTF_HW, "scvtf h0, w1")
    default: break;
  }
  *result = r;
  *fpsr = sr;
}

/* Operand width class of each op's source: 'd', 's', 'h', 'i' (integer). */
static char SourceKind(const char* name) {
  const char* p = name;
  while (*p && *p != '_') ++p;
  if (name[0] == 'S' || name[0] == 'U') return 'i'; /* SCVTF/UCVTF/URECPE/URSQRTE */
  if (!*p) return 'd';
  ++p;
  /* FCVT_xY / FCVTZS_xY...: the last letter of the form is the source. */
  const char* q = p;
  while (*q && *q != '_') ++q;
  return (char)(q[-1] | 0x20);
}

void FpRefMain(void) {
  for (int op = 0; op < kFpRefOpCount; ++op) {
    const char kind = SourceKind(kNames[op]);
    for (int k = 0; k < FP_REF_COUNT; ++k) {
      u64 a, b, c;
      if (kind == 'i') {
        a = GenInt();
        b = c = 0;
        if (op == kFpRef_URECPE || op == kFpRef_URSQRTE) a &= 0xffffffffull;
      } else if (kind == 'h') {
        a = GenFp(5, 10, 0x3c00);
        b = GenFp(5, 10, a);
        c = GenFp(5, 10, b);
      } else if (kind == 's') {
        a = GenFp(8, 23, 0x3f800000);
        b = GenFp(8, 23, a);
        c = GenFp(8, 23, b);
        if (op == kFpRef_FMADD_S && Rnd() % 3 == 0) { /* addend near -(a*b) */
          float fa, fb, p;
          unsigned ua = (unsigned)a, ub = (unsigned)b, up;
          __builtin_memcpy(&fa, &ua, 4);
          __builtin_memcpy(&fb, &ub, 4);
          p = -(fa * fb);
          __builtin_memcpy(&up, &p, 4);
          c = up ^ (Rnd() % 4);
        }
      } else {
        a = GenFp(11, 52, 0x3ff0000000000000ull);
        b = GenFp(11, 52, a);
        c = GenFp(11, 52, b);
        if ((op == kFpRef_FMADD_D || op == kFpRef_FNMSUB_D) && Rnd() % 3 == 0) {
          double da, db, p;
          __builtin_memcpy(&da, &a, 8);
          __builtin_memcpy(&db, &b, 8);
          p = -(da * db);
          __builtin_memcpy(&c, &p, 8);
          c ^= Rnd() % 4;
          if (op == kFpRef_FNMSUB_D) c ^= 1ull << 63;
        }
      }
      const unsigned cr = GenFpcr();
      u64 result, fpsr;
      Exec(op, cr, a, b, c, &result, &fpsr);
      PutS("{kFpRef_");
      PutS(kNames[op]);
      PutS(", ");
      PutHex(cr);
      PutS(", ");
      PutHex(a);
      PutS(", ");
      PutHex(b);
      PutS(", ");
      PutHex(c);
      PutS(", ");
      PutHex(result);
      PutS(", ");
      PutHex(fpsr);
      PutS("},\n");
    }
  }
  Flush();
}

__asm__(
    ".global _start\n"
    "_start:\n"
    "  bl FpRefMain\n"
    "  mov x0, #0\n"
    "  mov x8, #94\n" /* exit_group */
    "  svc #0\n");
