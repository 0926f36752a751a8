/* The operations of the FP reference vectors (fp_ref_vectors.inc): one id per
 * A64 instruction form that gen_fp_ref.c runs under qemu-aarch64 and
 * fp_test.cc replays on fp.h. Shared by both (plain C). Fixed-point forms use
 * the fbits named in the id; _H forms are FEAT_FP16 half-precision arithmetic. */
#ifndef VMD_TESTS_HV_SOFT_FP_REF_OPS_H_
#define VMD_TESTS_HV_SOFT_FP_REF_OPS_H_

#define FP_REF_OPS(X)                                                    \
  X(FADD_D) X(FADD_S) X(FSUB_D) X(FSUB_S) X(FMUL_D) X(FMUL_S)            \
  X(FMULX_D) X(FMULX_S) X(FDIV_D) X(FDIV_S) X(FSQRT_D) X(FSQRT_S)        \
  X(FMADD_D) X(FMADD_S) X(FNMSUB_D) X(FMAX_D) X(FMAX_S) X(FMIN_D)        \
  X(FMIN_S) X(FMAXNM_D) X(FMAXNM_S) X(FMINNM_D) X(FMINNM_S)              \
  X(FCMP_D) X(FCMP_S) X(FCMPE_D) X(FCMPE_S) X(FCMEQ_D) X(FCMGE_D)        \
  X(FCMGT_S) X(FRINTN_D) X(FRINTP_D) X(FRINTM_S) X(FRINTZ_S)             \
  X(FRINTA_D) X(FRINTX_D) X(FRINTX_S) X(FRINTI_S)                        \
  X(FCVTZS_XD) X(FCVTZS_WD) X(FCVTZU_XD) X(FCVTZU_WS) X(FCVTZS_WS)       \
  X(FCVTZS_XS_FB40) X(FCVTZU_WD_FB7) X(FCVTNS_XD) X(FCVTAS_WD)           \
  X(FCVTMS_XS) X(FCVTPU_XD) X(FCVTAU_WS) X(FCVTNU_WD)                    \
  X(SCVTF_DX) X(SCVTF_SW) X(UCVTF_DX) X(UCVTF_SX) X(UCVTF_SW)            \
  X(SCVTF_SX_FB20) X(UCVTF_DW_FB31) X(SCVTF_DX_FB64)                     \
  X(FCVT_SD) X(FCVT_DS) X(FCVT_HD) X(FCVT_DH) X(FCVT_HS) X(FCVT_SH)      \
  X(FCVTXN_SD) X(FRECPE_D) X(FRECPE_S) X(FRSQRTE_D) X(FRSQRTE_S)         \
  X(FRECPS_D) X(FRECPS_S) X(FRSQRTS_D) X(FRSQRTS_S) X(FRECPX_D)          \
  X(FRECPX_S) X(URECPE) X(URSQRTE) X(FADD_H) X(FMUL_H) X(FDIV_H)        \
  X(FSQRT_H) X(FMADD_H) X(FMAXNM_H) X(FRECPE_H) X(FRSQRTE_H)            \
  X(FRECPS_H) X(FRINTA_H) X(FCVTZS_WH) X(SCVTF_HW)

#define FP_REF_ENUM(name) kFpRef_##name,
enum FpRefOp { FP_REF_OPS(FP_REF_ENUM) kFpRefOpCount };
#undef FP_REF_ENUM

/* One vector: the instruction with FPCR = fpcr, FPSR = 0 and the operands
 * a, b, c (raw bits in the low end) gave result and fpsr (FPSR after). For
 * compares the result is NZCV (FCMP*) or the all-ones/zero mask. */
struct FpRefVector {
  int op;
  unsigned fpcr;
  unsigned long long a, b, c, result;
  unsigned fpsr;
};

#endif
