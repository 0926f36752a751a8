// A64 instruction encoders for the differential tester's generators: one
// small function per encoding group, field layouts from the Arm ARM (DDI 0487,
// chapter C4 "A64 instruction set encoding"). Used by gen_*.cc only.
#ifndef VMD_TESTS_DIFFTEST_A64_H_
#define VMD_TESTS_DIFFTEST_A64_H_

#include <cstdint>

namespace vmd::difftest::a64 {

constexpr uint32_t kNop = 0xd503201f;
constexpr uint32_t kHvc0 = 0xd4000002;

inline uint32_t R(int r) { return static_cast<uint32_t>(r) & 31; }

// ---- data processing, immediate ----
// ADD/ADDS/SUB/SUBS (immediate): sf op S 100010 sh imm12 Rn Rd.
inline uint32_t AddSubImm(int sf, int op, int s, int sh, uint32_t imm12, int rn, int rd) {
  return (sf << 31) | (op << 30) | (s << 29) | (0x22u << 23) | (sh << 22) |
         ((imm12 & 0xfff) << 10) | (R(rn) << 5) | R(rd);
}
// AND/ORR/EOR/ANDS (immediate): sf opc 100100 N immr imms Rn Rd.
inline uint32_t LogicalImm(int sf, int opc, int n, int immr, int imms, int rn, int rd) {
  return (sf << 31) | (opc << 29) | (0x24u << 23) | (n << 22) | ((immr & 63) << 16) |
         ((imms & 63) << 10) | (R(rn) << 5) | R(rd);
}
constexpr int kMovn = 0, kMovz = 2, kMovk = 3;
// MOVN/MOVZ/MOVK: sf opc 100101 hw imm16 Rd.
inline uint32_t MovWide(int sf, int opc, int hw, uint32_t imm16, int rd) {
  return (sf << 31) | (opc << 29) | (0x25u << 23) | ((hw & 3) << 21) | ((imm16 & 0xffff) << 5) |
         R(rd);
}
// ADR (op 0) / ADRP (op 1): op immlo 10000 immhi Rd; imm is 21 bits signed.
inline uint32_t Adr(int op, int32_t imm21, int rd) {
  uint32_t imm = static_cast<uint32_t>(imm21) & 0x1fffff;
  return (op << 31) | ((imm & 3) << 29) | (0x10u << 24) | ((imm >> 2) << 5) | R(rd);
}
// SBFM (opc 0) / BFM (1) / UBFM (2): sf opc 100110 N immr imms Rn Rd.
inline uint32_t Bitfield(int sf, int opc, int n, int immr, int imms, int rn, int rd) {
  return (sf << 31) | (opc << 29) | (0x26u << 23) | (n << 22) | ((immr & 63) << 16) |
         ((imms & 63) << 10) | (R(rn) << 5) | R(rd);
}
// EXTR: sf 00 100111 N 0 Rm imms Rn Rd.
inline uint32_t Extr(int sf, int n, int rm, int imms, int rn, int rd) {
  return (sf << 31) | (0x27u << 23) | (n << 22) | (R(rm) << 16) | ((imms & 63) << 10) |
         (R(rn) << 5) | R(rd);
}

// ---- data processing, register ----
// Logical (shifted register): sf opc 01010 shift N Rm imm6 Rn Rd.
inline uint32_t LogicalShifted(int sf, int opc, int shift, int n, int rm, int imm6, int rn,
                               int rd) {
  return (sf << 31) | (opc << 29) | (0x0au << 24) | (shift << 22) | (n << 21) | (R(rm) << 16) |
         ((imm6 & 63) << 10) | (R(rn) << 5) | R(rd);
}
// Add/subtract (shifted register): sf op S 01011 shift 0 Rm imm6 Rn Rd.
inline uint32_t AddSubShifted(int sf, int op, int s, int shift, int rm, int imm6, int rn, int rd) {
  return (sf << 31) | (op << 30) | (s << 29) | (0x0bu << 24) | (shift << 22) | (R(rm) << 16) |
         ((imm6 & 63) << 10) | (R(rn) << 5) | R(rd);
}
// Add/subtract (extended register): sf op S 01011 00 1 Rm option imm3 Rn Rd.
inline uint32_t AddSubExt(int sf, int op, int s, int rm, int option, int imm3, int rn, int rd) {
  return (sf << 31) | (op << 30) | (s << 29) | (0x0bu << 24) | (1u << 21) | (R(rm) << 16) |
         ((option & 7) << 13) | ((imm3 & 7) << 10) | (R(rn) << 5) | R(rd);
}
// ADC/ADCS/SBC/SBCS: sf op S 11010000 Rm 000000 Rn Rd.
inline uint32_t AdcSbc(int sf, int op, int s, int rm, int rn, int rd) {
  return (sf << 31) | (op << 30) | (s << 29) | (0xd0u << 21) | (R(rm) << 16) | (R(rn) << 5) |
         R(rd);
}
// CCMN (op 0) / CCMP (op 1), register (imm 0) or immediate (imm 1):
// sf op 1 11010010 Rm|imm5 cond imm 0 Rn 0 nzcv.
inline uint32_t CondCompare(int sf, int op, int imm, int rm_or_imm5, int cond, int rn, int nzcv) {
  return (sf << 31) | (op << 30) | (1u << 29) | (0xd2u << 21) | ((rm_or_imm5 & 31) << 16) |
         ((cond & 15) << 12) | (imm << 11) | (R(rn) << 5) | (nzcv & 15);
}
// CSEL/CSINC/CSINV/CSNEG: sf op 0 11010100 Rm cond 0 o2 Rn Rd.
inline uint32_t CondSelect(int sf, int op, int o2, int rm, int cond, int rn, int rd) {
  return (sf << 31) | (op << 30) | (0xd4u << 21) | (R(rm) << 16) | ((cond & 15) << 12) |
         (o2 << 10) | (R(rn) << 5) | R(rd);
}
// Data-processing (1 source): sf 1 0 11010110 00000 opcode Rn Rd.
inline uint32_t Dp1(int sf, int opcode, int rn, int rd) {
  return (sf << 31) | (1u << 30) | (0xd6u << 21) | ((opcode & 63) << 10) | (R(rn) << 5) | R(rd);
}
// Data-processing (2 source): sf 0 0 11010110 Rm opcode Rn Rd.
inline uint32_t Dp2(int sf, int opcode, int rm, int rn, int rd) {
  return (sf << 31) | (0xd6u << 21) | (R(rm) << 16) | ((opcode & 63) << 10) | (R(rn) << 5) |
         R(rd);
}
// Data-processing (3 source): sf 00 11011 op31 Rm o0 Ra Rn Rd.
inline uint32_t Dp3(int sf, int op31, int o0, int rm, int ra, int rn, int rd) {
  return (sf << 31) | (0x1bu << 24) | ((op31 & 7) << 21) | (R(rm) << 16) | (o0 << 15) |
         (R(ra) << 10) | (R(rn) << 5) | R(rd);
}

// ---- loads and stores ----
// Load/store register (unsigned immediate): size 111 0 01 opc imm12 Rn Rt.
inline uint32_t LdstUimm(int size, int opc, uint32_t imm12, int rn, int rt) {
  return (size << 30) | (0x39u << 24) | (opc << 22) | ((imm12 & 0xfff) << 10) | (R(rn) << 5) |
         R(rt);
}
// Load/store register with a 9-bit signed offset: size 111 0 00 opc 0 imm9 mode Rn Rt,
// mode 00 unscaled (LDUR), 01 post-index, 10 unprivileged (LDTR), 11 pre-index.
inline uint32_t LdstImm9(int size, int opc, int32_t imm9, int mode, int rn, int rt) {
  return (size << 30) | (0x38u << 24) | (opc << 22) | ((static_cast<uint32_t>(imm9) & 0x1ff) << 12) |
         (mode << 10) | (R(rn) << 5) | R(rt);
}
// Load/store register (register offset): size 111 0 00 opc 1 Rm option S 10 Rn Rt.
inline uint32_t LdstReg(int size, int opc, int rm, int option, int s, int rn, int rt) {
  return (size << 30) | (0x38u << 24) | (opc << 22) | (1u << 21) | (R(rm) << 16) |
         ((option & 7) << 13) | (s << 12) | (2u << 10) | (R(rn) << 5) | R(rt);
}
// Load/store pair: opc 101 0 mode L imm7 Rt2 Rn Rt; mode 000 no-allocate (LDNP),
// 001 post-index, 010 signed offset, 011 pre-index.
inline uint32_t LdstPair(int opc, int mode, int l, int32_t imm7, int rt2, int rn, int rt) {
  return (opc << 30) | (0x5u << 27) | (mode << 23) | (l << 22) |
         ((static_cast<uint32_t>(imm7) & 0x7f) << 15) | (R(rt2) << 10) | (R(rn) << 5) | R(rt);
}
// LDR (literal): opc 011 0 00 imm19 Rt; opc 00 W, 01 X, 10 LDRSW, 11 PRFM.
inline uint32_t LdrLiteral(int opc, int32_t imm19, int rt) {
  return (opc << 30) | (0x18u << 24) | ((static_cast<uint32_t>(imm19) & 0x7ffff) << 5) | R(rt);
}
// Load/store exclusive and ordered: size 001000 o2 L o1 Rs o0 Rt2 Rn Rt.
inline uint32_t LdstExcl(int size, int o2, int l, int o1, int rs, int o0, int rt2, int rn,
                         int rt) {
  return (size << 30) | (0x08u << 24) | (o2 << 23) | (l << 22) | (o1 << 21) | (R(rs) << 16) |
         (o0 << 15) | (R(rt2) << 10) | (R(rn) << 5) | R(rt);
}

// ---- branches ----
inline uint32_t B(int link, int32_t imm26) {
  return (link << 31) | (0x5u << 26) | (static_cast<uint32_t>(imm26) & 0x3ffffff);
}
inline uint32_t BCond(int32_t imm19, int cond) {
  return (0x54u << 24) | ((static_cast<uint32_t>(imm19) & 0x7ffff) << 5) | (cond & 15);
}
// CBZ (op 0) / CBNZ (op 1): sf 011010 op imm19 Rt.
inline uint32_t Cb(int sf, int op, int32_t imm19, int rt) {
  return (sf << 31) | (0x1au << 25) | (op << 24) | ((static_cast<uint32_t>(imm19) & 0x7ffff) << 5) |
         R(rt);
}
// TBZ (op 0) / TBNZ (op 1): b5 011011 op b40 imm14 Rt.
inline uint32_t Tb(int bit, int op, int32_t imm14, int rt) {
  return ((bit >> 5) << 31) | (0x1bu << 25) | (op << 24) | ((bit & 31) << 19) |
         ((static_cast<uint32_t>(imm14) & 0x3fff) << 5) | R(rt);
}
// BR (opc 0) / BLR (1) / RET (2): 1101011 opc 11111 000000 Rn 00000.
inline uint32_t BranchReg(int opc, int rn) {
  return (0x6bu << 25) | (opc << 21) | (0x1fu << 16) | (R(rn) << 5);
}

// ---- system ----
inline uint32_t MrsNzcv(int rt) { return 0xd53b4200u | R(rt); }
inline uint32_t MsrNzcv(int rt) { return 0xd51b4200u | R(rt); }
inline uint32_t Hint(int imm7) { return 0xd503201fu | ((imm7 & 127) << 5); }

// ---- FP and AdvSIMD (Arm ARM C4.1.94-96: "Data Processing -- Scalar
// Floating-Point and Advanced SIMD", and the SIMD&FP loads and stores) ----
// `type` is the scalar FP type field (00 S, 01 D, 11 H); V registers are 0..31.

// FP data-processing (1 source): 000 11110 type 1 opcode(6) 10000 Rn Rd.
inline uint32_t FpDp1(int type, int opcode, int rn, int rd) {
  return 0x1e204000u | (type << 22) | ((opcode & 63) << 15) | (R(rn) << 5) | R(rd);
}
// FP compare: 000 11110 type 1 Rm 00 1000 Rn opcode2(5).
inline uint32_t FpCmp(int type, int rm, int rn, int opcode2) {
  return 0x1e202000u | (type << 22) | (R(rm) << 16) | (R(rn) << 5) | (opcode2 & 31);
}
// FP conditional compare: 000 11110 type 1 Rm cond 01 Rn op nzcv.
inline uint32_t FpCcmp(int type, int rm, int cond, int rn, int op, int nzcv) {
  return 0x1e200400u | (type << 22) | (R(rm) << 16) | ((cond & 15) << 12) | (R(rn) << 5) |
         (op << 4) | (nzcv & 15);
}
// FP data-processing (2 source): 000 11110 type 1 Rm opcode(4) 10 Rn Rd.
inline uint32_t FpDp2(int type, int rm, int opcode, int rn, int rd) {
  return 0x1e200800u | (type << 22) | (R(rm) << 16) | ((opcode & 15) << 12) | (R(rn) << 5) |
         R(rd);
}
// FP conditional select: 000 11110 type 1 Rm cond 11 Rn Rd.
inline uint32_t FpCsel(int type, int rm, int cond, int rn, int rd) {
  return 0x1e200c00u | (type << 22) | (R(rm) << 16) | ((cond & 15) << 12) | (R(rn) << 5) | R(rd);
}
// FP immediate: 000 11110 type 1 imm8 100 00000 Rd.
inline uint32_t FpImm(int type, int imm8, int rd) {
  return 0x1e201000u | (type << 22) | ((imm8 & 255) << 13) | R(rd);
}
// FP data-processing (3 source): 000 11111 type o1 Rm o0 Ra Rn Rd.
inline uint32_t FpDp3(int type, int o1, int rm, int o0, int ra, int rn, int rd) {
  return 0x1f000000u | (type << 22) | (o1 << 21) | (R(rm) << 16) | (o0 << 15) | (R(ra) << 10) |
         (R(rn) << 5) | R(rd);
}
// Conversion between FP and fixed-point: sf 00 11110 type 0 rmode opcode scale Rn Rd.
inline uint32_t FpFixed(int sf, int type, int rmode, int opcode, int scale, int rn, int rd) {
  return (sf << 31) | 0x1e000000u | (type << 22) | (rmode << 19) | ((opcode & 7) << 16) |
         ((scale & 63) << 10) | (R(rn) << 5) | R(rd);
}
// Conversion between FP and integer: sf 00 11110 type 1 rmode opcode 000000 Rn Rd.
inline uint32_t FpInt(int sf, int type, int rmode, int opcode, int rn, int rd) {
  return (sf << 31) | 0x1e200000u | (type << 22) | (rmode << 19) | ((opcode & 7) << 16) |
         (R(rn) << 5) | R(rd);
}

// LDR/STR (SIMD&FP, unsigned offset): size 111 1 01 opc imm12 Rn Rt;
// (size, opc) = B (00, 0x), H (01, 0x), S (10, 0x), D (11, 0x), Q (00, 1x).
inline uint32_t VLdstUimm(int size, int opc, uint32_t imm12, int rn, int rt) {
  return (size << 30) | 0x3d000000u | (opc << 22) | ((imm12 & 0xfff) << 10) | (R(rn) << 5) |
         R(rt);
}
// LDUR/STUR (mode 00), post-index (01), pre-index (11): size 111 1 00 opc 0 imm9 mode Rn Rt.
inline uint32_t VLdstImm9(int size, int opc, int32_t imm9, int mode, int rn, int rt) {
  return (size << 30) | 0x3c000000u | (opc << 22) | ((static_cast<uint32_t>(imm9) & 0x1ff) << 12) |
         (mode << 10) | (R(rn) << 5) | R(rt);
}
// LDR/STR (SIMD&FP, register offset): size 111 1 00 opc 1 Rm option S 10 Rn Rt.
inline uint32_t VLdstReg(int size, int opc, int rm, int option, int s, int rn, int rt) {
  return (size << 30) | 0x3c200800u | (opc << 22) | (R(rm) << 16) | ((option & 7) << 13) |
         (s << 12) | (R(rn) << 5) | R(rt);
}
// LDR (literal, SIMD&FP): opc 011 1 00 imm19 Rt; opc 00 S, 01 D, 10 Q.
inline uint32_t VLdrLiteral(int opc, int32_t imm19, int rt) {
  return (opc << 30) | 0x1c000000u | ((static_cast<uint32_t>(imm19) & 0x7ffff) << 5) | R(rt);
}
// LDP/STP/LDNP/STNP (SIMD&FP): opc 101 1 mode L imm7 Rt2 Rn Rt; opc 00 S, 01 D, 10 Q.
inline uint32_t VLdstPair(int opc, int mode, int l, int32_t imm7, int rt2, int rn, int rt) {
  return (opc << 30) | 0x2c000000u | (mode << 23) | (l << 22) |
         ((static_cast<uint32_t>(imm7) & 0x7f) << 15) | (R(rt2) << 10) | (R(rn) << 5) | R(rt);
}
// LD1-4/ST1-4 (multiple structures): 0 Q 0011000 L 000000 opcode size Rn Rt;
// post-index (post 1): 0 Q 0011001 L 0 Rm opcode size Rn Rt (Rm 31: immediate).
inline uint32_t VLdstMulti(int q, int l, int post, int rm, int opcode, int size, int rn, int rt) {
  return (q << 30) | 0x0c000000u | (post << 23) | (l << 22) | (post ? R(rm) << 16 : 0) |
         ((opcode & 15) << 12) | ((size & 3) << 10) | (R(rn) << 5) | R(rt);
}
// LD1-4/ST1-4 (single structure) and LD1R-LD4R:
// 0 Q 0011010 L R 00000 opcode S size Rn Rt; post-index: 0 Q 0011011 L R Rm ...
inline uint32_t VLdstSingle(int q, int l, int r, int post, int rm, int opcode, int s, int size,
                            int rn, int rt) {
  return (q << 30) | 0x0d000000u | (post << 23) | (l << 22) | (r << 21) |
         (post ? R(rm) << 16 : 0) | ((opcode & 7) << 13) | (s << 12) | ((size & 3) << 10) |
         (R(rn) << 5) | R(rt);
}

// AdvSIMD copy: 0 Q op 01110000 imm5 0 imm4 1 Rn Rd (scalar: 01 op 11110000 ...).
inline uint32_t SimdCopy(int q, int op, int imm5, int imm4, int rn, int rd) {
  return (q << 30) | (op << 29) | 0x0e000400u | ((imm5 & 31) << 16) | ((imm4 & 15) << 11) |
         (R(rn) << 5) | R(rd);
}
// AdvSIMD permute: 0 Q 001110 size 0 Rm 0 opcode 10 Rn Rd.
inline uint32_t SimdPermute(int q, int size, int rm, int opcode, int rn, int rd) {
  return (q << 30) | 0x0e000800u | (size << 22) | (R(rm) << 16) | ((opcode & 7) << 12) |
         (R(rn) << 5) | R(rd);
}
// EXT: 0 Q 101110 00 0 Rm 0 imm4 0 Rn Rd.
inline uint32_t SimdExt(int q, int rm, int imm4, int rn, int rd) {
  return (q << 30) | 0x2e000000u | (R(rm) << 16) | ((imm4 & 15) << 11) | (R(rn) << 5) | R(rd);
}
// TBL (op 0) / TBX (op 1): 0 Q 001110 00 0 Rm 0 len op 00 Rn Rd.
inline uint32_t SimdTbl(int q, int rm, int len, int op, int rn, int rd) {
  return (q << 30) | 0x0e000000u | (R(rm) << 16) | ((len & 3) << 13) | (op << 12) |
         (R(rn) << 5) | R(rd);
}
// AdvSIMD modified immediate: 0 Q op 0111100000 abc cmode o2 1 defgh Rd.
inline uint32_t SimdModImm(int q, int op, int imm8, int cmode, int o2, int rd) {
  return (q << 30) | (op << 29) | 0x0f000400u | (((imm8 >> 5) & 7) << 16) | ((cmode & 15) << 12) |
         (o2 << 11) | ((imm8 & 31) << 5) | R(rd);
}
// The register-form AdvSIMD groups share one layout:
//   0 Q U 01110 size 1 Rm opcode(5) 1 Rn Rd   three same        (kThreeSame)
//   0 Q U 01110 size 1 Rm opcode(4) 00 Rn Rd  three different   (kThreeDiff)
//   0 Q U 01110 size 10000 opcode(5) 10 Rn Rd two-register misc (kTwoMisc)
//   0 Q U 01110 size 11000 opcode(5) 10 Rn Rd across lanes      (kAcross)
// and the scalar forms set bit 28 (01 U 11110 ...) with Q = 1 (kScalar).
constexpr uint32_t kThreeSame = 0x0e200400u, kThreeDiff = 0x0e200000u, kTwoMisc = 0x0e200800u,
                   kAcross = 0x0e300800u, kScalar = 0x50000000u;
inline uint32_t SimdReg(uint32_t group, int q, int u, int size, int rm, int opcode, int rn, int rd) {
  int shift = group == kThreeDiff ? 12 : (group == kThreeSame ? 11 : 12);
  return group | (q << 30) | (u << 29) | ((size & 3) << 22) | (R(rm) << 16) |
         (static_cast<uint32_t>(opcode) << shift) | (R(rn) << 5) | R(rd);
}
// Shift by immediate: 0 Q U 011110 immh immb opcode 1 Rn Rd (scalar: 01 U 111110 ...).
inline uint32_t SimdShiftImm(int q, int u, int immhb, int opcode, int rn, int rd) {
  return (q << 30) | (u << 29) | 0x0f000400u | ((immhb & 127) << 16) | ((opcode & 31) << 11) |
         (R(rn) << 5) | R(rd);
}
// Vector x indexed element: 0 Q U 01111 size L M Rm opcode H 0 Rn Rd (scalar: 01 U 11111 ...);
// `rm` here is the 4-bit Rm field, M is passed separately.
inline uint32_t SimdElem(int q, int u, int size, int l, int m, int rm, int opcode, int h, int rn,
                         int rd) {
  return (q << 30) | (u << 29) | 0x0f000000u | ((size & 3) << 22) | (l << 21) | (m << 20) |
         ((rm & 15) << 16) | ((opcode & 15) << 12) | (h << 11) | (R(rn) << 5) | R(rd);
}
// MRS/MSR of FPCR (o2 0) and FPSR (o2 1).
inline uint32_t MrsFp(int o2, int rt) { return 0xd53b4400u | (o2 << 5) | R(rt); }
inline uint32_t MsrFp(int o2, int rt) { return 0xd51b4400u | (o2 << 5) | R(rt); }

}  // namespace vmd::difftest::a64

#endif  // VMD_TESTS_DIFFTEST_A64_H_
