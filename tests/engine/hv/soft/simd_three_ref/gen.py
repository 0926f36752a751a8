#!/usr/bin/env python3
"""Reference data for tests/engine/hv/soft/simd_three*_test.cc.

Assembles each case's instruction with aarch64-linux-gnu-gcc (the encoding),
runs it under qemu-aarch64 -cpu cortex-a53 (an ARMv8.0 CPU) with the case's
inputs in V0 (destination), V1, V2 and FPCR, and prints the C++ table rows
(word, inputs, V0 and FPSR after). Unallocated words are checked to raise
SIGILL under qemu. Not run by the build: rerun by hand when cases change,
paste the output into the tests: the case rows split by group into
simd_three_same_test.cc and simd_three_diff_test.cc, the unallocated words
into simd_three_test.cc.

  python3 gen.py > /tmp/rows.inc      (the named cases and unallocated words)
  python3 gen.py sweep > sweep.inc    (every U/size/Q/opcode combination)

The sweep takes one word per combination of the encoding fields of the six
groups (registers V0 <- V1, V2, sources chosen at random among V0..V2), asks
qemu whether it is allocated (SIGILL or not; the crypto PMULL is counted as
unallocated since our CPU has no crypto), and for allocated words records V0
and FPSR after running it on inputs from Inputs(k) (mirrored in the test).
"""
import concurrent.futures
import os
import re
import struct
import subprocess
import sys
import tempfile

CPU = "cortex-a53"

# ---- input patterns ---------------------------------------------------------


def b16(*lanes):
    return bytes(lanes)


def lanes(fmt, *vals):
    return struct.pack("<" + fmt * len(vals), *vals)


def f32(*vals):
    return lanes("f", *vals)


def f64(*vals):
    return lanes("d", *vals)


def u32(*vals):
    return lanes("I", *[v & 0xFFFFFFFF for v in vals])


def u16(*vals):
    return lanes("H", *[v & 0xFFFF for v in vals])


def u64(*vals):
    return lanes("Q", *[v & 0xFFFFFFFFFFFFFFFF for v in vals])


# Mixed bytes: edge values in every lane size.
A = b16(0x7F, 0x80, 0xFF, 0x00, 0x01, 0xFE, 0x40, 0xC0, 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0)
B = b16(0x01, 0x80, 0x01, 0x80, 0x7F, 0x02, 0x40, 0xC0, 0xFF, 0x00, 0x10, 0x20, 0x9A, 0x11, 0x22, 0xF0)
D = u64(0xDEADBEEFCAFEBABE, 0x0123456789ABCDEF)
# Saturation-prone: most-negative and most-positive lanes.
SN = u16(0x8000, 0x7FFF, 0x8000, 0x0001, 0xFFFF, 0x4000, 0x8000, 0x1234)
SM = u16(0x8000, 0x7FFF, 0x7FFF, 0x8000, 0xFFFF, 0x4000, 0x0002, 0x8765)
SN32 = u32(0x80000000, 0x7FFFFFFF, 0x40000000, 0xFFFFFFFF)
SM32 = u32(0x80000000, 0x7FFFFFFF, 0x00000003, 0x80000000)
SN64 = u64(0x8000000000000000, 0x7FFFFFFFFFFFFFF0)
SM64 = u64(0xFFFFFFFFFFFFFFFF, 0x0000000000000020)
# Shift counts (signed low byte of each element) for the register shifts.
SH8 = b16(1, 0xFF, 7, 0xF9, 8, 0xF8, 0x80, 0x7F, 0, 3, 0xFD, 9, 0xF7, 2, 0xFE, 6)
SH16 = u16(1, 0xFFFF, 15, 0xFFF1, 16, 0xFFF0, 0x1280, 0x0003)
SH32 = u32(1, 0xFFFFFFE1, 31, 0x0000FF20)
SH64 = u64(0xFFFFFFFFFFFFFFC1, 0x3F)
FP_N = f32(1.5, -2.0, float("inf"), 3.0)
FP_M = f32(0.25, -2.0, 1.0, float("nan"))
FP_D = f32(10.0, 1.0, -1.0, 0.5)
FD_N = f64(1.0e300, -0.0)
FD_M = f64(1.0e10, 0.0)
FD_D = f64(1.0, 2.0)

# ---- cases: (name, asm, V0, V1, V2, FPCR) ------------------------------------
C = []


def case(name, asm, n, m=B, d=D, fpcr=0):
    C.append((name, asm, d, n, m, fpcr))


# Three same, integer.
case("AddVector16B", "add v0.16b, v1.16b, v2.16b", A)
case("AddScalarD", "add d0, d1, d2", A)
case("SubVector8H", "sub v0.8h, v1.8h, v2.8h", A)
case("SubScalarD", "sub d0, d1, d2", A)
case("MulVector8H", "mul v0.8h, v1.8h, v2.8h", A)
case("MulVector2S", "mul v0.2s, v1.2s, v2.2s", A)
case("MlaVector4S", "mla v0.4s, v1.4s, v2.4s", A)
case("MlsVector8B", "mls v0.8b, v1.8b, v2.8b", A)
case("PmulVector16B", "pmul v0.16b, v1.16b, v2.16b", A)
case("ShaddVector16B", "shadd v0.16b, v1.16b, v2.16b", A)
case("UhaddVector8H", "uhadd v0.8h, v1.8h, v2.8h", A)
case("SrhaddVector4S", "srhadd v0.4s, v1.4s, v2.4s", A)
case("UrhaddVector16B", "urhadd v0.16b, v1.16b, v2.16b", A)
case("ShsubVector8B", "shsub v0.8b, v1.8b, v2.8b", A)
case("UhsubVector4H", "uhsub v0.4h, v1.4h, v2.4h", A)
case("SqaddVector16BSaturates", "sqadd v0.16b, v1.16b, v2.16b", A)
case("SqaddVector8HNoSaturation", "sqadd v0.8h, v1.8h, v2.8h", u16(1, 2, 3, 4, 5, 6, 7, 8),
     u16(0x7FF0, 0xFFF0, 0x8010, 0, 1, 2, 3, 4))
case("UqaddVector8H", "uqadd v0.8h, v1.8h, v2.8h", A)
case("SqaddVector2D", "sqadd v0.2d, v1.2d, v2.2d", SN64, SM64)
case("SqaddScalarB", "sqadd b0, b1, b2", A)
case("UqaddScalarD", "uqadd d0, d1, d2", u64(0xFFFFFFFFFFFFFFF0, 0), u64(0x10, 0))
case("SqsubVector4S", "sqsub v0.4s, v1.4s, v2.4s", SN32, SM32)
case("UqsubVector16B", "uqsub v0.16b, v1.16b, v2.16b", A)
case("SqsubScalarH", "sqsub h0, h1, h2", u16(0x8000), u16(1))
case("UqsubScalarS", "uqsub s0, s1, s2", u32(5), u32(7))
case("CmgtVector16B", "cmgt v0.16b, v1.16b, v2.16b", A)
case("CmhiVector8H", "cmhi v0.8h, v1.8h, v2.8h", A)
case("CmgeVector4S", "cmge v0.4s, v1.4s, v2.4s", A, u32(0x80FF007F, 0x0001FE00, 0x78563412, 0))
case("CmhsVector2D", "cmhs v0.2d, v1.2d, v2.2d", A, u64(0x00FFFFFF, 0xF0DEBC9A78563412))
case("CmeqVector16B", "cmeq v0.16b, v1.16b, v2.16b", A)
case("CmtstVector8H", "cmtst v0.8h, v1.8h, v2.8h", A, u16(0x0080, 0, 0xFFFF, 0x0101, 0x8000, 0x0001, 0, 0x000F))
case("CmgtScalarD", "cmgt d0, d1, d2", u64(5), u64(0xFFFFFFFFFFFFFFFF))
case("CmhiScalarD", "cmhi d0, d1, d2", u64(5), u64(0xFFFFFFFFFFFFFFFF))
case("CmgeScalarD", "cmge d0, d1, d2", u64(7), u64(7))
case("CmhsScalarD", "cmhs d0, d1, d2", u64(6), u64(7))
case("CmeqScalarD", "cmeq d0, d1, d2", u64(7), u64(7))
case("CmtstScalarD", "cmtst d0, d1, d2", u64(0x8000000000000000), u64(0x8000000000000001))
case("SshlVector16B", "sshl v0.16b, v1.16b, v2.16b", A, SH8)
case("UshlVector8H", "ushl v0.8h, v1.8h, v2.8h", A, SH16)
case("SqshlVector4S", "sqshl v0.4s, v1.4s, v2.4s", u32(0x40000000, 0x80000000, 0xFFFFFFFF, 0x12345678), SH32)
case("UqshlVector16B", "uqshl v0.16b, v1.16b, v2.16b", A, SH8)
case("SrshlVector8H", "srshl v0.8h, v1.8h, v2.8h", A, SH16)
case("UrshlVector2D", "urshl v0.2d, v1.2d, v2.2d", u64(0xFFFFFFFFFFFFFFFF, 0x8000000000000001), SH64)
case("SqrshlVector16B", "sqrshl v0.16b, v1.16b, v2.16b", A, SH8)
case("UqrshlVector4S", "uqrshl v0.4s, v1.4s, v2.4s", u32(0x80000000, 0xFFFFFFFF, 1, 0x12345678), SH32)
case("SshlScalarD", "sshl d0, d1, d2", u64(0x8000000000000000), u64(0xFF))
case("UshlScalarD", "ushl d0, d1, d2", u64(0x8000000000000000), u64(0xC1))
case("SrshlScalarD", "srshl d0, d1, d2", u64(0xFFFFFFFFFFFFFFFF), u64(0xC0))
case("UrshlScalarD", "urshl d0, d1, d2", u64(0xFFFFFFFFFFFFFFFF), u64(0xC0))
case("SqshlScalarB", "sqshl b0, b1, b2", b16(0x21), b16(2))
case("UqshlScalarH", "uqshl h0, h1, h2", u16(0x0101), u16(8))
case("SqrshlScalarS", "sqrshl s0, s1, s2", u32(0xFFFFFFFD), u32(0xFF))
case("UqrshlScalarD", "uqrshl d0, d1, d2", u64(0x8000000000000000), u64(1))
case("SmaxVector16B", "smax v0.16b, v1.16b, v2.16b", A)
case("UmaxVector8H", "umax v0.8h, v1.8h, v2.8h", A)
case("SminVector4S", "smin v0.4s, v1.4s, v2.4s", A)
case("UminVector8B", "umin v0.8b, v1.8b, v2.8b", A)
case("SmaxpVector16B", "smaxp v0.16b, v1.16b, v2.16b", A)
case("UmaxpVector4H", "umaxp v0.4h, v1.4h, v2.4h", A)
case("SminpVector4S", "sminp v0.4s, v1.4s, v2.4s", A)
case("UminpVector8H", "uminp v0.8h, v1.8h, v2.8h", A)
case("AddpVector16B", "addp v0.16b, v1.16b, v2.16b", A)
case("AddpVector2D", "addp v0.2d, v1.2d, v2.2d", A)
case("SabdVector16B", "sabd v0.16b, v1.16b, v2.16b", A)
case("UabdVector4S", "uabd v0.4s, v1.4s, v2.4s", A)
case("SabaVector8H", "saba v0.8h, v1.8h, v2.8h", A)
case("UabaVector8B", "uaba v0.8b, v1.8b, v2.8b", A)
case("SqdmulhVector8H", "sqdmulh v0.8h, v1.8h, v2.8h", SN, SM)
case("SqrdmulhVector4S", "sqrdmulh v0.4s, v1.4s, v2.4s", SN32, SM32)
case("SqdmulhScalarS", "sqdmulh s0, s1, s2", u32(0x40000000), u32(0x00000003))
case("SqrdmulhScalarH", "sqrdmulh h0, h1, h2", u16(0x8000), u16(0x8000))
case("AndVector16B", "and v0.16b, v1.16b, v2.16b", A)
case("BicVector8B", "bic v0.8b, v1.8b, v2.8b", A)
case("OrrVector16B", "orr v0.16b, v1.16b, v2.16b", A)
case("OrnVector16B", "orn v0.16b, v1.16b, v2.16b", A)
case("EorVector8B", "eor v0.8b, v1.8b, v2.8b", A)
case("BslVector16B", "bsl v0.16b, v1.16b, v2.16b", A)
case("BitVector16B", "bit v0.16b, v1.16b, v2.16b", A)
case("BifVector8B", "bif v0.8b, v1.8b, v2.8b", A)

# Three same, FP.
case("FaddVector4S", "fadd v0.4s, v1.4s, v2.4s", FP_N, FP_M, FP_D)
case("FaddVector2DOverflows", "fadd v0.2d, v1.2d, v2.2d", f64(1.7e308, 1.0), f64(1.7e308, 2.0 ** -60))
case("FsubVector2S", "fsub v0.2s, v1.2s, v2.2s", FP_N, FP_M, FP_D)
case("FmulVector4S", "fmul v0.4s, v1.4s, v2.4s", FP_N, f32(3.0, 0.0, 0.0, 1.0), FP_D)
case("FmulxVector2D", "fmulx v0.2d, v1.2d, v2.2d", f64(float("inf"), -0.0), f64(0.0, float("-inf")))
case("FdivVector4S", "fdiv v0.4s, v1.4s, v2.4s", f32(1.0, -1.0, 0.0, 1.0), f32(0.0, 3.0, 0.0, 4.0))
case("FmlaVector4S", "fmla v0.4s, v1.4s, v2.4s", FP_N, FP_M, FP_D)
case("FmlsVector2D", "fmls v0.2d, v1.2d, v2.2d", f64(3.0, 1.0 + 2.0 ** -30), f64(2.0, 1.0 - 2.0 ** -30), f64(1.0, 1.0))
case("FmaxVector4S", "fmax v0.4s, v1.4s, v2.4s", f32(1.0, -0.0, float("nan"), 2.0), f32(2.0, 0.0, 1.0, -5.0))
case("FminVector4S", "fmin v0.4s, v1.4s, v2.4s", f32(1.0, -0.0, float("nan"), 2.0), f32(2.0, 0.0, 1.0, -5.0))
case("FmaxnmVector4S", "fmaxnm v0.4s, v1.4s, v2.4s", f32(1.0, -0.0, float("nan"), 2.0), f32(2.0, 0.0, 1.0, -5.0))
case("FminnmVector2D", "fminnm v0.2d, v1.2d, v2.2d", f64(float("nan"), 0.0), f64(-3.0, -0.0))
case("FaddpVector4S", "faddp v0.4s, v1.4s, v2.4s", FP_N, f32(1.0, 2.0, 3.0, 4.0), FP_D)
case("FmaxpVector4S", "fmaxp v0.4s, v1.4s, v2.4s", FP_N, f32(1.0, 2.0, -3.0, -4.0), FP_D)
case("FminpVector2S", "fminp v0.2s, v1.2s, v2.2s", FP_N, f32(1.0, 2.0, -3.0, -4.0), FP_D)
case("FmaxnmpVector2D", "fmaxnmp v0.2d, v1.2d, v2.2d", f64(float("nan"), 1.0), f64(-1.0, -2.0))
case("FminnmpVector4S", "fminnmp v0.4s, v1.4s, v2.4s", f32(float("nan"), 1.0, 5.0, 4.0), f32(-1.0, -2.0, 0.0, -0.0))
case("FabdVector4S", "fabd v0.4s, v1.4s, v2.4s", FP_N, FP_M, FP_D)
case("FcmeqVector4S", "fcmeq v0.4s, v1.4s, v2.4s", f32(1.0, 0.0, float("nan"), 2.0), f32(1.0, -0.0, float("nan"), 3.0))
case("FcmgeVector4SNaNRaisesInvalid", "fcmge v0.4s, v1.4s, v2.4s", f32(1.0, 0.0, float("nan"), 2.0), f32(1.0, -0.0, 1.0, 3.0))
case("FcmgtVector2D", "fcmgt v0.2d, v1.2d, v2.2d", f64(2.0, -1.0), f64(1.0, -1.0))
case("FacgeVector4S", "facge v0.4s, v1.4s, v2.4s", f32(-2.0, 1.0, -0.5, 3.0), f32(1.0, -2.0, 0.5, -3.0))
case("FacgtVector2S", "facgt v0.2s, v1.2s, v2.2s", f32(-2.0, 1.0, -0.5, 3.0), f32(1.0, -2.0, 0.5, -3.0))
case("FrecpsVector4S", "frecps v0.4s, v1.4s, v2.4s", f32(1.5, 0.0, float("inf"), 2.0), f32(0.5, float("-inf"), 0.0, 3.0))
case("FrsqrtsVector2D", "frsqrts v0.2d, v1.2d, v2.2d", f64(1.5, 0.0), f64(0.5, float("inf")))
case("FmulxScalarS", "fmulx s0, s1, s2", f32(float("-inf")), f32(0.0))
case("FcmeqScalarD", "fcmeq d0, d1, d2", f64(1.0), f64(1.0))
case("FcmgeScalarS", "fcmge s0, s1, s2", f32(1.0), f32(2.0))
case("FcmgtScalarD", "fcmgt d0, d1, d2", f64(3.0), f64(2.0))
case("FacgeScalarS", "facge s0, s1, s2", f32(-2.0), f32(2.0))
case("FacgtScalarD", "facgt d0, d1, d2", f64(-2.0), f64(2.0))
case("FabdScalarD", "fabd d0, d1, d2", f64(1.0), f64(3.5))
case("FrecpsScalarS", "frecps s0, s1, s2", f32(1.5), f32(0.5))
case("FrsqrtsScalarD", "frsqrts d0, d1, d2", f64(1.5), f64(0.5))
case("FaddVector4SRoundsTowardZero", "fadd v0.4s, v1.4s, v2.4s", f32(1.0, -1.0, 1.0, 1.0),
     f32(2.0 ** -24 * 1.5, -(2.0 ** -24) * 1.5, 2.0 ** -30, 3.0), FP_D, 3 << 22)
case("FmulVector2SDefaultNaN", "fmul v0.2s, v1.2s, v2.2s", f32(float("nan"), 1.0), f32(1.0, float("nan")),
     FP_D, 1 << 25)

# Three different.
case("SaddlVector8H", "saddl v0.8h, v1.8b, v2.8b", A)
case("Saddl2Vector8H", "saddl2 v0.8h, v1.16b, v2.16b", A)
case("UaddlVector4S", "uaddl v0.4s, v1.4h, v2.4h", A)
case("Uaddl2Vector2D", "uaddl2 v0.2d, v1.4s, v2.4s", A)
case("SaddwVector4S", "saddw v0.4s, v1.4s, v2.4h", A)
case("Uaddw2Vector8H", "uaddw2 v0.8h, v1.8h, v2.16b", A)
case("SsublVector2D", "ssubl v0.2d, v1.2s, v2.2s", A)
case("Usubl2Vector8H", "usubl2 v0.8h, v1.16b, v2.16b", A)
case("Ssubw2Vector4S", "ssubw2 v0.4s, v1.4s, v2.8h", A)
case("UsubwVector2D", "usubw v0.2d, v1.2d, v2.2s", A)
case("AddhnVector8B", "addhn v0.8b, v1.8h, v2.8h", A)
case("Addhn2Vector16B", "addhn2 v0.16b, v1.8h, v2.8h", A)
case("RaddhnVector4H", "raddhn v0.4h, v1.4s, v2.4s", A)
case("Subhn2Vector4S", "subhn2 v0.4s, v1.2d, v2.2d", A)
case("RsubhnVector8B", "rsubhn v0.8b, v1.8h, v2.8h", A)
case("SabalVector8H", "sabal v0.8h, v1.8b, v2.8b", A)
case("Uabal2Vector4S", "uabal2 v0.4s, v1.8h, v2.8h", A)
case("SabdlVector2D", "sabdl v0.2d, v1.2s, v2.2s", A)
case("Uabdl2Vector8H", "uabdl2 v0.8h, v1.16b, v2.16b", A)
case("SmlalVector4S", "smlal v0.4s, v1.4h, v2.4h", A)
case("Umlal2Vector2D", "umlal2 v0.2d, v1.4s, v2.4s", A)
case("SmlslVector8H", "smlsl v0.8h, v1.8b, v2.8b", A)
case("UmlslVector4S", "umlsl v0.4s, v1.4h, v2.4h", A)
case("SmullVector4S", "smull v0.4s, v1.4h, v2.4h", A)
case("Umull2Vector2D", "umull2 v0.2d, v1.4s, v2.4s", A)
case("SqdmlalVector4S", "sqdmlal v0.4s, v1.4h, v2.4h", SN, SM, u32(0x7FFFFFFF, 0x80000000, 0x10, 0xFFFFFFFF))
case("Sqdmlsl2Vector2D", "sqdmlsl2 v0.2d, v1.4s, v2.4s", SN32, SM32, u64(0x8000000000000000, 5))
case("SqdmullVector4S", "sqdmull v0.4s, v1.4h, v2.4h", SN, SM)
case("Sqdmull2Vector4S", "sqdmull2 v0.4s, v1.8h, v2.8h", SN, SM)
case("SqdmlalScalarS", "sqdmlal s0, h1, h2", u16(0x8000), u16(0x8000), u32(0))
case("SqdmlslScalarD", "sqdmlsl d0, s1, s2", u32(0x40000000), u32(0x40000000), u64(0x8000000000000000))
case("SqdmullScalarS", "sqdmull s0, h1, h2", u16(0x8000), u16(0x7FFF))
case("PmullVector8H", "pmull v0.8h, v1.8b, v2.8b", A)
case("Pmull2Vector8H", "pmull2 v0.8h, v1.16b, v2.16b", A)

# Shift by immediate.
case("SshrVector16B", "sshr v0.16b, v1.16b, #3", A)
case("UshrVector8H", "ushr v0.8h, v1.8h, #16", A)
case("SshrVector2DBy64", "sshr v0.2d, v1.2d, #64", A)
case("SsraVector4S", "ssra v0.4s, v1.4s, #5", A)
case("UsraVector8B", "usra v0.8b, v1.8b, #1", A)
case("SrshrVector8H", "srshr v0.8h, v1.8h, #4", A)
case("UrshrVector2D", "urshr v0.2d, v1.2d, #1", u64(0xFFFFFFFFFFFFFFFF, 2))
case("SrsraVector16B", "srsra v0.16b, v1.16b, #8", A)
case("UrsraVector4S", "ursra v0.4s, v1.4s, #32", A)
case("SriVector16B", "sri v0.16b, v1.16b, #3", A)
case("SriVector2DBy64KeepsDestination", "sri v0.2d, v1.2d, #64", A)
case("ShlVector8H", "shl v0.8h, v1.8h, #15", A)
case("ShlVector2S", "shl v0.2s, v1.2s, #4", A)
case("SliVector4S", "sli v0.4s, v1.4s, #7", A)
case("SqshluVector16B", "sqshlu v0.16b, v1.16b, #2", A)
case("SqshlVector8H", "sqshl v0.8h, v1.8h, #4", A)
case("UqshlVector4S", "uqshl v0.4s, v1.4s, #31", u32(1, 2, 0, 0x80000000))
case("SqshlVector2D", "sqshl v0.2d, v1.2d, #0", SN64)
case("ShrnVector8B", "shrn v0.8b, v1.8h, #3", A)
case("Shrn2Vector16B", "shrn2 v0.16b, v1.8h, #8", A)
case("RshrnVector4H", "rshrn v0.4h, v1.4s, #16", A)
case("SqshrnVector2S", "sqshrn v0.2s, v1.2d, #8", SN64)
case("Uqshrn2Vector8H", "uqshrn2 v0.8h, v1.4s, #4", A)
case("SqrshrnVector8B", "sqrshrn v0.8b, v1.8h, #2", A)
case("UqrshrnVector4H", "uqrshrn v0.4h, v1.4s, #1", A)
case("SqshrunVector8B", "sqshrun v0.8b, v1.8h, #1", A)
case("Sqrshrun2Vector4S", "sqrshrun2 v0.4s, v1.2d, #31", SN64)
case("SshllVector8H", "sshll v0.8h, v1.8b, #3", A)
case("Ushll2Vector4S", "ushll2 v0.4s, v1.8h, #15", A)
case("SxtlVector2D", "sxtl v0.2d, v1.2s", A)
case("Uxtl2Vector8H", "uxtl2 v0.8h, v1.16b", A)
case("ScvtfVector4S", "scvtf v0.4s, v1.4s, #8", u32(0x100, 0xFFFFFF00, 0x7FFFFFFF, 1))
case("UcvtfVector2D", "ucvtf v0.2d, v1.2d, #1", u64(0xFFFFFFFFFFFFFFFF, 3))
case("FcvtzsVector4S", "fcvtzs v0.4s, v1.4s, #4", f32(1.0, -2.75, 1.0e20, float("nan")))
case("FcvtzuVector2D", "fcvtzu v0.2d, v1.2d, #32", f64(1.5, -1.0))
case("SshrScalarD", "sshr d0, d1, #63", u64(0x8000000000000000))
case("UshrScalarDBy64", "ushr d0, d1, #64", u64(0x8000000000000000))
case("SsraScalarD", "ssra d0, d1, #1", u64(0xFFFFFFFFFFFFFFFE))
case("UsraScalarD", "usra d0, d1, #4", u64(0x123))
case("SrshrScalarD", "srshr d0, d1, #2", u64(0xFFFFFFFFFFFFFFFA))
case("UrshrScalarDBy64", "urshr d0, d1, #64", u64(0x8000000000000000))
case("SrsraScalarD", "srsra d0, d1, #3", u64(0x1C))
case("UrsraScalarD", "ursra d0, d1, #3", u64(0x1C))
case("SriScalarD", "sri d0, d1, #1", u64(0xFFFFFFFFFFFFFFFF))
case("ShlScalarD", "shl d0, d1, #3", u64(0xF000000000000001))
case("SliScalarD", "sli d0, d1, #60", u64(0x5))
case("SqshluScalarB", "sqshlu b0, b1, #1", b16(0x41))
case("SqshluScalarSNegative", "sqshlu s0, s1, #1", u32(0xFFFFFFFF))
case("SqshlScalarH", "sqshl h0, h1, #1", u16(0xC000))
case("UqshlScalarS", "uqshl s0, s1, #1", u32(0x80000000))
case("SqshlScalarD", "sqshl d0, d1, #62", u64(2))
case("SqshrnScalarB", "sqshrn b0, h1, #4", u16(0xF7FF))
case("UqshrnScalarH", "uqshrn h0, s1, #8", u32(0x00FFFF80))
case("SqrshrnScalarS", "sqrshrn s0, d1, #32", u64(0x7FFFFFFF80000000))
case("UqrshrnScalarB", "uqrshrn b0, h1, #1", u16(0x1FF))
case("SqshrunScalarH", "sqshrun h0, s1, #1", u32(0xFFFFFFFE))
case("SqrshrunScalarB", "sqrshrun b0, h1, #2", u16(0x2FE))
case("ScvtfScalarS", "scvtf s0, s1, #3", u32(0xFFFFFFF4))
case("UcvtfScalarD", "ucvtf d0, d1, #10", u64(0x8000000000000400))
case("FcvtzsScalarS", "fcvtzs s0, s1, #2", f32(-1.0e10))
case("FcvtzuScalarD", "fcvtzu d0, d1, #5", f64(3.3))

# Unallocated words (from an allocated neighbour, one field changed).
UNDEF = [
    ("AddVector1D", 0x4EE28420 & ~(1 << 30), "add v0.2d with Q=0"),
    ("ShaddSize64", 0x4E220420 | 3 << 22, "shadd v0.16b with size=11"),
    ("SqdmulhSize8", 0x4E62B420 & ~(3 << 22), "sqdmulh v0.8h with size=00"),
    ("PmulSize16", 0x6E229C20 | 1 << 22, "pmul v0.16b with size=01"),
    ("FaddDoubleQ0", 0x4E62D420 & ~(1 << 30), "fadd v0.2d with Q=0"),
    ("FmulxSizeHigh", 0x4E22DC20 | 1 << 23, "fmulx v0.4s with size<1>=1"),
    ("SaddlSize64", 0x0E220020 | 3 << 22, "saddl v0.8h with size=11"),
    ("PmullSize16", 0x0E22E020 | 1 << 22, "pmull v0.8h with size=01"),
    # Crypto (qemu's cortex-a53 has it; our CPU reports no AES/PMULL): not checked.
    ("PmullSize64", 0x0E22E020 | 3 << 22, "pmull v0.1q (crypto, absent)"),
    ("SqdmullSize8", 0x0E62D020 & ~(3 << 22), "sqdmull v0.4s with size=00"),
    ("ScalarAddSize8", 0x5EE28420 & ~(3 << 22), "add d0 with size=00"),
    ("ScalarSqdmulhSize64", 0x5E62B420 | 3 << 22, "sqdmulh h0 with size=11"),
    ("ShrnImmh64", 0x0F0D8420 & ~(0x7F << 16) | 0x40 << 16, "shrn with immh=1xxx"),
    ("SshrVector1D", 0x4F7D0420 & ~(1 << 30), "sshr v0.2d with Q=0"),
    ("ScalarSshrSize32", 0x5F410420 & ~(0x7F << 16) | 0x3F << 16, "sshr d0 with immh=0111"),
    ("ScvtfFixedHalf", 0x4F38E420 & ~(0x7F << 16) | 0x18 << 16, "scvtf with immh=0011 (FP16)"),
    ("ScalarShrn", 0x5F0D8420, "U=0 opcode 10000 scalar shift (shrn has no scalar)"),
    ("ScalarSqdmullSize8", 0x5E62D020 & ~(3 << 22), "sqdmull s0 with size=00"),
]

# ---- running ------------------------------------------------------------------

PRE = """
.global _start
.text
_start:
  adr x20, inputs
  adr x21, outputs
"""
POST = """
  mov x0, #1
  adr x1, outputs
  ldr x2, =%d
  mov x8, #64
  svc #0
  mov x0, #0
  mov x8, #93
  svc #0
"""


def build(asm, workdir, name):
    src = os.path.join(workdir, name + ".S")
    exe = os.path.join(workdir, name)
    with open(src, "w") as f:
        f.write(asm)
    subprocess.run(["aarch64-linux-gnu-gcc", "-static", "-nostdlib", "-o", exe, src], check=True)
    return exe


def main():
    work = tempfile.mkdtemp()
    body = [PRE]
    data = [".data", ".balign 16", "inputs:"]
    for k, (_, asm, d, n, m, fpcr) in enumerate(C):
        body.append(f"""
  ldr q0, [x20], #16
  ldr q1, [x20], #16
  ldr q2, [x20], #16
  ldr x1, [x20], #16
  msr fpcr, x1
  msr fpsr, xzr
insn_{k}:
  {asm}
  mrs x1, fpsr
  str q0, [x21], #16
  str x1, [x21], #16""")
        for v in (d, n, m):
            v = v + bytes(16 - len(v))
            data.append("  .quad 0x%x, 0x%x" % struct.unpack("<QQ", v))
        data.append("  .quad 0x%x, 0" % fpcr)
    body.append(POST % (32 * len(C)))
    data += [".balign 16", "outputs:", "  .skip %d" % (32 * len(C))]
    exe = build("\n".join(body) + "\n.ltorg\n" + "\n".join(data) + "\n", work, "ref")
    dis = subprocess.run(["aarch64-linux-gnu-objdump", "-d", exe], check=True, capture_output=True,
                         text=True).stdout
    words = {}
    for mt in re.finditer(r"<insn_(\d+)>:\n\s*[0-9a-f]+:\s*([0-9a-f]{8})", dis):
        words[int(mt.group(1))] = int(mt.group(2), 16)
    out = subprocess.run(["qemu-aarch64", "-cpu", CPU, exe], check=True, capture_output=True).stdout
    assert len(out) == 32 * len(C), len(out)

    def q(v):
        v = v + bytes(16 - len(v))
        lo, hi = struct.unpack("<QQ", v)
        return "{0x%016x, 0x%016x}" % (lo, hi)

    for k, (name, asm, d, n, m, fpcr) in enumerate(C):
        res = out[32 * k:32 * k + 16]
        fpsr = struct.unpack("<Q", out[32 * k + 16:32 * k + 24])[0]
        print(f"    {{\"{name}\", 0x{words[k]:08x},  // {asm}")
        print(f"     {q(d)}, {q(n)}, {q(m)}, 0x{fpcr:x},")
        print(f"     {q(res)}, 0x{fpsr:x}}},")
    print("// unallocated")
    for name, word, what in UNDEF:
        exe = build(PRE + "  .inst 0x%08x\n" % word + POST % 0 + "\n.data\ninputs:\noutputs:\n", work,
                    "u_" + name)
        r = subprocess.run(["qemu-aarch64", "-cpu", CPU, exe], capture_output=True)
        assert r.returncode in (-4, 132) or "crypto" in what, (name, r.returncode)
        print(f"    {{\"{name}\", 0x{word:08x}}},  // {what}")


# ---- sweep ---------------------------------------------------------------------

M64 = (1 << 64) - 1
SHIFT_BYTES = [0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 0xFF, 0xFE, 0xF8, 0xF0, 0xE0,
               0xC0, 0x80, 0x7F]
F32S = [0, 0x80000000, 0x3F800000, 0xBF800000, 0x7F800000, 0xFF800000, 0x7FC00000, 0x7F800001,
        0xFFC00123, 1, 0x007FFFFF, 0x807FFFFF, 0x7F7FFFFF, 0x00800000, 0x3FC00000, 0x40400000,
        0x4F000000, 0xCF000000, 0x5F000000, 0x4F800000, 0xDF000000, 0x3F000000, 0x40000000,
        0xC0000000]
F64S = [0, 1 << 63, 0x3FF0000000000000, 0xBFF0000000000000, 0x7FF0000000000000,
        0xFFF0000000000000, 0x7FF8000000000000, 0x7FF0000000000001, 1, 0x000FFFFFFFFFFFFF,
        0x7FEFFFFFFFFFFFFF, 0x0010000000000000, 0x3FF8000000000000, 0x43E0000000000000,
        0xC3E0000000000000, 0x41E0000000000000, 0xC1E0000000000000, 0x43F0000000000000,
        0x4000000000000000, 0x3FE0000000000000]
FPCRS = [0, 0, 0, 1 << 22, 2 << 22, 3 << 22, 1 << 24, 1 << 25, 3 << 24]


class SplitMix:
    def __init__(self, seed):
        self.s = seed & M64

    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & M64
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        return z ^ (z >> 31)


def chunk(r):
    sel = r.next() % 8
    if sel < 3:
        return r.next()
    if sel == 3:
        x = r.next()
        return sum(SHIFT_BYTES[((x >> (8 * i)) & 0xFF) % len(SHIFT_BYTES)] << (8 * i) for i in range(8))
    if sel < 6:
        x = r.next()
        return F32S[x % len(F32S)] | F32S[(x >> 16) % len(F32S)] << 32
    return F64S[r.next() % len(F64S)]


def inputs(k):
    """V0, V1, V2 of sweep case k (lo, hi each): Inputs() in the test."""
    r = SplitMix(k)
    return [chunk(r) for _ in range(6)]


def sweep_words():
    rnd = __import__("random").Random(2026)
    words = []

    def regs(w, rm_field):
        w |= rnd.choice([1, 1, 0, 2]) << 5
        if rm_field:
            w |= rnd.choice([2, 2, 0, 1]) << 16
        return w

    for q in range(2):
        for u in range(2):
            for size in range(4):
                for op in range(32):
                    words.append(regs(0x0E200400 | q << 30 | u << 29 | size << 22 | op << 11, True))
                for op in range(16):
                    words.append(regs(0x0E200000 | q << 30 | u << 29 | size << 22 | op << 12, True))
                for op in range(32):
                    immh = (1 << size) | rnd.getrandbits(size) if size else 1
                    words.append(regs(0x0F000400 | q << 30 | u << 29 | immh << 19 | rnd.getrandbits(3) << 16
                                      | op << 11, False))
    for u in range(2):
        for size in range(4):
            for op in range(32):
                words.append(regs(0x5E200400 | u << 29 | size << 22 | op << 11, True))
            for op in range(16):
                words.append(regs(0x5E200000 | u << 29 | size << 22 | op << 12, True))
            for op in range(32):
                immh = (1 << size) | rnd.getrandbits(size) if size else 1
                words.append(regs(0x5F000400 | u << 29 | immh << 19 | rnd.getrandbits(3) << 16 | op << 11,
                                  False))
    return [(w, rnd.choice(FPCRS)) for w in words]


def is_crypto_pmull(w):
    return (w & 0xBFE0FC00) == 0x0EE0E000


def qemu_allocated(w, work):
    exe = build(PRE + "  .inst 0x%08x\n" % w + POST % 0 + "\n.data\ninputs:\noutputs:\n", work, "s%08x" % w)
    r = subprocess.run(["qemu-aarch64", "-cpu", CPU, exe], capture_output=True)
    os.unlink(exe)
    return r.returncode not in (-4, 132)


def sweep():
    work = tempfile.mkdtemp()
    words = sweep_words()
    cache_file = os.path.join(tempfile.gettempdir(), "simd_three_sweep_alloc.txt")
    cache = {}
    if os.path.exists(cache_file):
        cache = {int(a, 16): b == "1" for a, b in (ln.split() for ln in open(cache_file))}
    todo = [w for w, _ in words if w not in cache]
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        for w, a in zip(todo, pool.map(lambda w: qemu_allocated(w, work), todo)):
            cache[w] = a
    with open(cache_file, "w") as f:
        f.writelines("%08x %d\n" % (w, a) for w, a in cache.items())
    allocated = [cache[w] and not is_crypto_pmull(w) for w, _ in words]
    live = [(k, w, fpcr) for k, ((w, fpcr), a) in enumerate(zip(words, allocated)) if a]
    body = [PRE.replace("adr x20, inputs", "ldr x20, =inputs").replace("adr x21, outputs",
                                                                       "ldr x21, =outputs")]
    data = [".data", ".balign 16", "inputs:"]
    for k, w, fpcr in live:
        body.append(f"""
  ldr q0, [x20], #16
  ldr q1, [x20], #16
  ldr q2, [x20], #16
  ldr x1, [x20], #16
  msr fpcr, x1
  msr fpsr, xzr
  .inst 0x{w:08x}
  mrs x1, fpsr
  str q0, [x21], #16
  str x1, [x21], #16""")
        data.append("  .quad " + ", ".join("0x%x" % x for x in inputs(k)) + ", 0x%x, 0" % fpcr)
    body.append(POST.replace("adr x1, outputs", "ldr x1, =outputs") % (32 * len(live)))
    data += [".balign 16", "outputs:", "  .skip %d" % (32 * len(live))]
    exe = build("\n".join(body) + "\n.ltorg\n" + "\n".join(data) + "\n", work, "sweep")
    out = subprocess.run(["qemu-aarch64", "-cpu", CPU, exe], check=True, capture_output=True).stdout
    assert len(out) == 32 * len(live)
    results = {}
    for j, (k, _, _) in enumerate(live):
        results[k] = struct.unpack("<QQQ", out[32 * j:32 * j + 24])
    print("// Generated by simd_three_ref/gen.py sweep: {word, FPCR, allocated, V0 lo, V0 hi, FPSR}.")
    for k, (w, fpcr) in enumerate(words):
        lo, hi, fpsr = results.get(k, (0, 0, 0))
        print("{0x%08x, 0x%x, %d, 0x%x, 0x%x, 0x%x}," % (w, fpcr, k in results, lo, hi, fpsr))


if __name__ == "__main__":
    if sys.argv[1:] == ["sweep"]:
        sweep()
    else:
        main()
