#!/usr/bin/env python3
"""Reference values for tests/engine/hv/soft/simd_misc*_test.cc.

Each case is one AdvSIMD instruction (two-register misc, across lanes,
scalar pairwise, by element) with V0 (destination, read by accumulating
forms), V1 and V2 preset and FPCR set. The script assembles the words with
aarch64-linux-gnu-as, runs every case on qemu-aarch64 -cpu cortex-a53 (an
ARMv8.0 CPU: no FP16, no RDM) in one static program, and prints the table
rows: V0 and FPSR after each instruction. The tests hold them split by group
(simd_misc_int_test.cc, simd_misc_fp_test.cc, simd_misc_lanes_test.cc).

Usage: simd_misc_ref/gen.py > /tmp/cases.inc (then paste into the tests).
Needs aarch64-linux-gnu-{as,gcc,objdump} and qemu-aarch64; the test itself
does not.
"""
import os
import re
import struct
import subprocess
import sys
import tempfile


def f32(x):
    return struct.unpack('<I', struct.pack('<f', x))[0]


def f64(x):
    return struct.unpack('<Q', struct.pack('<d', x))[0]


def h16(x):
    return struct.unpack('<H', struct.pack('<e', x))[0]


def lanes(bits, vals):
    """(lo, hi) of a 128-bit value from lanes of `bits` each, lane 0 first."""
    v = 0
    for i, x in enumerate(vals):
        v |= (x & ((1 << bits) - 1)) << (i * bits)
    return (v & (2**64 - 1), v >> 64)


def S(*xs):  # singles (floats or raw ints)
    return lanes(32, [f32(x) if isinstance(x, float) else x for x in xs])


def D(*xs):  # doubles (floats or raw ints)
    return lanes(64, [f64(x) if isinstance(x, float) else x for x in xs])


def H(*xs):  # halves
    return lanes(16, [h16(x) if isinstance(x, float) else x for x in xs])


def B(*xs):
    return lanes(8, xs)


def H16(*xs):
    return lanes(16, xs)


def W(*xs):
    return lanes(32, xs)


def X(*xs):
    return lanes(64, xs)


D0 = (0xdeadbeefcafebabe, 0x0123456789abcdef)
NB = (0xc040fe0100ff807f, 0xf0debc9a78563412)  # mixed signs at every size
MB = (0x8000800100017fff, 0x7fffffff80000000)

QNAN = 0x7fc00000
SNAN = 0x7f800001
QNAN_N = 0xffc00000
INF = 0x7f800000
NINF = 0xff800000
DQNAN = 0x7ff8000000000000
DSNAN = 0x7ff0000000000001
DINF = 0x7ff0000000000000
MAX32 = 0x7f7fffff

FZ = 1 << 24
DN = 1 << 25
AHP = 1 << 26
RP = 1 << 22
RM = 2 << 22
RZ = 3 << 22

# name, assembly, V0, V1, V2, FPCR
CASES = [
    # ---- two-register misc, integer ----
    ('Rev64Vector16B', 'rev64 v0.16b, v1.16b', D0, NB, NB, 0),
    ('Rev64Vector4H', 'rev64 v0.4h, v1.4h', D0, NB, NB, 0),
    ('Rev64Vector4S', 'rev64 v0.4s, v1.4s', D0, NB, NB, 0),
    ('Rev32Vector8H', 'rev32 v0.8h, v1.8h', D0, NB, NB, 0),
    ('Rev32Vector8B', 'rev32 v0.8b, v1.8b', D0, NB, NB, 0),
    ('Rev16Vector16B', 'rev16 v0.16b, v1.16b', D0, NB, NB, 0),
    ('SaddlpVector16B', 'saddlp v0.8h, v1.16b', D0, NB, NB, 0),
    ('UaddlpVector8H', 'uaddlp v0.4s, v1.8h', D0, NB, NB, 0),
    ('SaddlpVector2S', 'saddlp v0.1d, v1.2s', D0, W(0x80000000, 0x80000000), NB, 0),
    ('UaddlpVector4S', 'uaddlp v0.2d, v1.4s', D0, W(0xffffffff, 0xffffffff, 1, 2), NB, 0),
    ('SadalpVector4S', 'sadalp v0.2d, v1.4s', X(5, 0x7fffffffffffffff), W(0xffffffff, 0xfffffffe, 1, 0),
     NB, 0),
    ('UadalpVector8B', 'uadalp v0.4h, v1.8b', H16(0xffff, 1, 2, 3, 9, 9, 9, 9), NB, NB, 0),
    ('SuqaddVector16B', 'suqadd v0.16b, v1.16b', B(0x7f, 0x80, 0xff, 0x01, 0x10, 0x7e, 0x80, 0x00,
                                                    1, 2, 3, 4, 5, 6, 7, 8),
     B(0x01, 0xff, 0x01, 0xff, 0x20, 0x01, 0x7f, 0xff, 0, 0, 0, 0, 0, 0, 0, 0x80), NB, 0),
    ('SuqaddVector2D', 'suqadd v0.2d, v1.2d', X(0x8000000000000000, 0x7000000000000000),
     X(0xffffffffffffffff, 0x2000000000000000), NB, 0),
    ('UsqaddVector2D', 'usqadd v0.2d, v1.2d', X(0xfffffffffffffff0, 5), X(0x20, 0xfffffffffffffff0),
     NB, 0),
    ('UsqaddVector4H', 'usqadd v0.4h, v1.4h', H16(0xfff0, 5, 0x8000, 0x7fff), H16(0x20, 0xfffa, 0x7fff, 0x8000),
     NB, 0),
    ('SuqaddScalarB', 'suqadd b0, b1', B(0x70), B(0x90, 0xff), NB, 0),
    ('UsqaddScalarS', 'usqadd s0, s1', W(3), W(0xfffffffd, 7), NB, 0),
    ('UsqaddScalarH', 'usqadd h0, h1', H16(3), H16(0xfffc, 7), NB, 0),
    ('ClsVector8H', 'cls v0.8h, v1.8h', D0, H16(0, 0xffff, 1, 0x8000, 0x7fff, 0x4000, 0xc000, 0x0f00), NB, 0),
    ('ClsVector8B', 'cls v0.8b, v1.8b', D0, NB, NB, 0),
    ('ClzVector4S', 'clz v0.4s, v1.4s', D0, W(0, 1, 0x80000000, 0x00012345), NB, 0),
    ('ClzVector16B', 'clz v0.16b, v1.16b', D0, NB, NB, 0),
    ('CntVector16B', 'cnt v0.16b, v1.16b', D0, NB, NB, 0),
    ('CntVector8B', 'cnt v0.8b, v1.8b', D0, NB, NB, 0),
    ('NotVector8B', 'not v0.8b, v1.8b', D0, NB, NB, 0),
    ('NotVector16B', 'mvn v0.16b, v1.16b', D0, NB, NB, 0),
    ('RbitVector16B', 'rbit v0.16b, v1.16b', D0, NB, NB, 0),
    ('SqabsVector16B', 'sqabs v0.16b, v1.16b', D0, NB, NB, 0),
    ('SqabsVector2D', 'sqabs v0.2d, v1.2d', D0, X(0x8000000000000000, 0xfffffffffffffffe), NB, 0),
    ('SqnegVector4H', 'sqneg v0.4h, v1.4h', D0, H16(0x8000, 0x7fff, 0xffff, 0), NB, 0),
    ('SqnegVector4S', 'sqneg v0.4s, v1.4s', D0, W(5, 0x80000001, 0, 0x7fffffff), NB, 0),
    ('SqabsScalarD', 'sqabs d0, d1', D0, X(0x8000000000000000, 5), NB, 0),
    ('SqabsScalarS', 'sqabs s0, s1', D0, W(0xfffffff0, 5), NB, 0),
    ('SqnegScalarB', 'sqneg b0, b1', D0, B(0x80, 5), NB, 0),
    ('SqnegScalarH', 'sqneg h0, h1', D0, H16(0x1234, 5), NB, 0),
    ('AbsVector2D', 'abs v0.2d, v1.2d', D0, X(0x8000000000000000, 0xfffffffffffffffe), NB, 0),
    ('AbsVector16B', 'abs v0.16b, v1.16b', D0, NB, NB, 0),
    ('NegVector8H', 'neg v0.8h, v1.8h', D0, NB, NB, 0),
    ('NegVector2S', 'neg v0.2s, v1.2s', D0, NB, NB, 0),
    ('AbsScalarD', 'abs d0, d1', D0, X(0xfffffffffffffff0, 1), NB, 0),
    ('NegScalarD', 'neg d0, d1', D0, X(0x8000000000000000, 1), NB, 0),
    ('CmgtZeroVector16B', 'cmgt v0.16b, v1.16b, #0', D0, NB, NB, 0),
    ('CmgeZeroVector8H', 'cmge v0.8h, v1.8h, #0', D0, NB, NB, 0),
    ('CmeqZeroVector4S', 'cmeq v0.4s, v1.4s, #0', D0, W(0, 1, 0x80000000, 0), NB, 0),
    ('CmleZeroVector2D', 'cmle v0.2d, v1.2d, #0', D0, X(0, 1), NB, 0),
    ('CmltZeroVector8B', 'cmlt v0.8b, v1.8b, #0', D0, NB, NB, 0),
    ('CmgtZeroScalarD', 'cmgt d0, d1, #0', D0, X(1, 0), NB, 0),
    ('CmgeZeroScalarD', 'cmge d0, d1, #0', D0, X(0x8000000000000000, 0), NB, 0),
    ('CmeqZeroScalarD', 'cmeq d0, d1, #0', D0, X(0, 5), NB, 0),
    ('CmleZeroScalarD', 'cmle d0, d1, #0', D0, X(0xffffffffffffffff, 0), NB, 0),
    ('CmltZeroScalarD', 'cmlt d0, d1, #0', D0, X(0, 0), NB, 0),
    ('XtnVector8B', 'xtn v0.8b, v1.8h', D0, NB, NB, 0),
    ('Xtn2Vector16B', 'xtn2 v0.16b, v1.8h', D0, NB, NB, 0),
    ('Xtn2Vector4S', 'xtn2 v0.4s, v1.2d', D0, NB, NB, 0),
    ('SqxtnVector4H', 'sqxtn v0.4h, v1.4s', D0, W(0x8000, 0xffff7fff, 0x7fff, 0xffff8000), NB, 0),
    ('Sqxtn2Vector8H', 'sqxtn2 v0.8h, v1.4s', D0, W(1, 0xfffffffe, 0x12, 0), NB, 0),
    ('UqxtnVector2S', 'uqxtn v0.2s, v1.2d', D0, X(0x100000000, 0xffffffff), NB, 0),
    ('Uqxtn2Vector16B', 'uqxtn2 v0.16b, v1.8h', D0, H16(0xff, 0x100, 0, 0x8000, 1, 2, 3, 4), NB, 0),
    ('SqxtunVector8B', 'sqxtun v0.8b, v1.8h', D0, H16(0xff, 0x100, 0, 0x8000, 1, 0xffff, 0x7f, 0x80), NB, 0),
    ('Sqxtun2Vector4S', 'sqxtun2 v0.4s, v1.2d', D0, X(0xffffffff, 0x7fffffffffffffff), NB, 0),
    ('SqxtnScalarH', 'sqxtn h0, s1', D0, W(0x12345, 7), NB, 0),
    ('SqxtnScalarS', 'sqxtn s0, d1', D0, X(0xffffffff80000000, 7), NB, 0),
    ('UqxtnScalarB', 'uqxtn b0, h1', D0, H16(0x00fe, 7), NB, 0),
    ('UqxtnScalarH', 'uqxtn h0, s1', D0, W(0x10000, 7), NB, 0),
    ('SqxtunScalarS', 'sqxtun s0, d1', D0, X(0xffffffffffffffff, 7), NB, 0),
    ('SqxtunScalarB', 'sqxtun b0, h1', D0, H16(0x007f, 7), NB, 0),
    ('ShllVector8H', 'shll v0.8h, v1.8b, #8', D0, NB, NB, 0),
    ('Shll2Vector4S', 'shll2 v0.4s, v1.8h, #16', D0, NB, NB, 0),
    ('ShllVector2D', 'shll v0.2d, v1.2s, #32', D0, NB, NB, 0),
    # ---- two-register misc, FP ----
    ('FcvtnVector4H', 'fcvtn v0.4h, v1.4s', D0, S(1.0, 65504.0, 1e6, 1.0 + 2**-11), NB, 0),
    ('FcvtnVector4HAhp', 'fcvtn v0.4h, v1.4s', D0, S(1.0, 1e6, QNAN, INF), NB, AHP),
    ('Fcvtn2Vector4S', 'fcvtn2 v0.4s, v1.2d', D0, D(1.0 + 2**-30, 1e300), NB, 0),
    ('FcvtnVector2SRoundUp', 'fcvtn v0.2s, v1.2d', D0, D(1.0 + 2**-30, -(1.0 + 2**-30)), NB, RP),
    ('FcvtnVector2SNaN', 'fcvtn v0.2s, v1.2d', D0, X(DSNAN, 0x3ff0000000000001), NB, 0),
    ('FcvtlVector2D', 'fcvtl v0.2d, v1.2s', D0, S(1.5, SNAN, 2.0, 3.0), NB, 0),
    ('Fcvtl2Vector4S', 'fcvtl2 v0.4s, v1.8h', D0, H(1.0, 2.0, 3.0, 4.0, 0.5, -2.0, 0x7c00, 0x0001), NB, 0),
    ('Fcvtl2Vector4SAhp', 'fcvtl2 v0.4s, v1.8h', D0, H(1.0, 2.0, 3.0, 4.0, 0x7c00, 0xfc00, 0x7e00, 0x0001),
     NB, AHP),
    ('Fcvtl2Vector2D', 'fcvtl2 v0.2d, v1.4s', D0, S(1.0, 2.0, 1e-45, -0.0), NB, 0),
    ('FcvtxnVector2S', 'fcvtxn v0.2s, v1.2d', D0, D(1.0 + 2**-30, 1e300), NB, 0),
    ('Fcvtxn2Vector4S', 'fcvtxn2 v0.4s, v1.2d', D0, D(1.0 + 2**-24, -(1.0 + 2**-25)), NB, 0),
    ('FcvtxnScalarS', 'fcvtxn s0, d1', D0, D(3.0 + 2**-40, 1.0), NB, 0),
    ('FrintnVector4S', 'frintn v0.4s, v1.4s', D0, S(2.5, -3.5, 0.4, 1e9), NB, 0),
    ('FrintmVector4S', 'frintm v0.4s, v1.4s', D0, S(2.5, -3.5, -0.4, QNAN), NB, 0),
    ('FrintpVector2D', 'frintp v0.2d, v1.2d', D0, D(2.1, -0.5), NB, 0),
    ('FrintzVector2S', 'frintz v0.2s, v1.2s', D0, S(-2.9, 2.9, 7.0, 7.0), NB, 0),
    ('FrintaVector4S', 'frinta v0.4s, v1.4s', D0, S(2.5, -3.5, 0.49999997, -0.5), NB, 0),
    ('FrintxVector4S', 'frintx v0.4s, v1.4s', D0, S(2.5, 3.0, -1.5, SNAN), NB, RM),
    ('FrintiVector2D', 'frinti v0.2d, v1.2d', D0, D(2.5, -2.5), NB, RZ),
    ('FcvtnsVector4S', 'fcvtns v0.4s, v1.4s', D0, S(2.5, -3.5, 3e9, QNAN), NB, 0),
    ('FcvtnuVector4S', 'fcvtnu v0.4s, v1.4s', D0, S(2.5, -3.5, 3e9, 5e9), NB, 0),
    ('FcvtmsVector2D', 'fcvtms v0.2d, v1.2d', D0, D(-2.5, 1e19), NB, 0),
    ('FcvtmuVector2S', 'fcvtmu v0.2s, v1.2s', D0, S(2.7, -0.5, 1.0, 1.0), NB, 0),
    ('FcvtpsVector4S', 'fcvtps v0.4s, v1.4s', D0, S(2.1, -2.9, -3e9, INF), NB, 0),
    ('FcvtpuVector2D', 'fcvtpu v0.2d, v1.2d', D0, D(2.1, -0.9), NB, 0),
    ('FcvtzsVector4S', 'fcvtzs v0.4s, v1.4s', D0, S(-2.9, 2.9, 2147483520.0, 2147483648.0), NB, 0),
    ('FcvtzuVector2D', 'fcvtzu v0.2d, v1.2d', D0, D(-2.9, 1.8446744073709552e19), NB, 0),
    ('FcvtasVector4S', 'fcvtas v0.4s, v1.4s', D0, S(2.5, -2.5, 1.4, NINF), NB, 0),
    ('FcvtauVector4S', 'fcvtau v0.4s, v1.4s', D0, S(2.5, -2.5, 0.5, 4294967040.0), NB, 0),
    ('FcvtnsScalarD', 'fcvtns d0, d1', D0, D(-2.5, 1.0), NB, 0),
    ('FcvtnuScalarS', 'fcvtnu s0, s1', D0, S(3.5, 1.0, 1.0, 1.0), NB, 0),
    ('FcvtmsScalarS', 'fcvtms s0, s1', D0, S(-0.1, 1.0, 1.0, 1.0), NB, 0),
    ('FcvtmuScalarD', 'fcvtmu d0, d1', D0, D(1e20, 1.0), NB, 0),
    ('FcvtpsScalarD', 'fcvtps d0, d1', D0, D(-1.5, 1.0), NB, 0),
    ('FcvtpuScalarS', 'fcvtpu s0, s1', D0, S(0.2, 1.0, 1.0, 1.0), NB, 0),
    ('FcvtzsScalarS', 'fcvtzs s0, s1', D0, S(-3e9, 1.0, 1.0, 1.0), NB, 0),
    ('FcvtzuScalarD', 'fcvtzu d0, d1', D0, D(123.9, 1.0), NB, 0),
    ('FcvtasScalarD', 'fcvtas d0, d1', D0, D(-0.5, 1.0), NB, 0),
    ('FcvtauScalarS', 'fcvtau s0, s1', D0, S(QNAN, 1.0, 1.0, 1.0), NB, 0),
    ('ScvtfVector4S', 'scvtf v0.4s, v1.4s', D0, W(1, 0xffffffff, 0x7fffffff, 16777217), NB, 0),
    ('ScvtfVector2D', 'scvtf v0.2d, v1.2d', D0, X(0x8000000000000000, 0x7fffffffffffffff), NB, 0),
    ('UcvtfVector2S', 'ucvtf v0.2s, v1.2s', D0, W(0xffffffff, 16777217), NB, RP),
    ('UcvtfVector2D', 'ucvtf v0.2d, v1.2d', D0, X(0xffffffffffffffff, 3), NB, 0),
    ('ScvtfScalarS', 'scvtf s0, s1', D0, W(0xfffffffd, 1), NB, 0),
    ('UcvtfScalarD', 'ucvtf d0, d1', D0, X(0x8000000000000001, 1), NB, RZ),
    ('FcmgtZeroVector4S', 'fcmgt v0.4s, v1.4s, #0.0', D0, S(1.0, -0.0, QNAN, 1e-45), NB, 0),
    ('FcmgeZeroVector2D', 'fcmge v0.2d, v1.2d, #0.0', D0, D(-0.0, -1e-300), NB, 0),
    ('FcmeqZeroVector4S', 'fcmeq v0.4s, v1.4s, #0.0', D0, S(-0.0, 0.0, QNAN, 1.0), NB, 0),
    ('FcmeqZeroVector2SSignaling', 'fcmeq v0.2s, v1.2s, #0.0', D0, S(SNAN, 0.0, 1.0, 1.0), NB, 0),
    ('FcmleZeroVector2S', 'fcmle v0.2s, v1.2s, #0.0', D0, S(-1.0, 1.0, 0.0, 0.0), NB, 0),
    ('FcmltZeroVector4S', 'fcmlt v0.4s, v1.4s, #0.0', D0, S(-1.0, -0.0, NINF, 5.0), NB, 0),
    ('FcmgtZeroScalarD', 'fcmgt d0, d1, #0.0', D0, D(2.0, 1.0), NB, 0),
    ('FcmgeZeroScalarS', 'fcmge s0, s1, #0.0', D0, S(QNAN, 1.0, 1.0, 1.0), NB, 0),
    ('FcmeqZeroScalarD', 'fcmeq d0, d1, #0.0', D0, D(-0.0, 1.0), NB, 0),
    ('FcmleZeroScalarS', 'fcmle s0, s1, #0.0', D0, S(-0.0, 1.0, 1.0, 1.0), NB, 0),
    ('FcmltZeroScalarD', 'fcmlt d0, d1, #0.0', D0, D(-5.0, 1.0), NB, 0),
    ('FcmgtZeroVector4SFlushed', 'fcmgt v0.4s, v1.4s, #0.0', D0, S(1e-45, -1e-45, 1.0, -1.0), NB, FZ),
    ('FabsVector4S', 'fabs v0.4s, v1.4s', D0, S(-1.0, 2.0, QNAN_N, SNAN | 0x80000000), NB, 0),
    ('FabsVector2D', 'fabs v0.2d, v1.2d', D0, D(-0.0, -3.0), NB, 0),
    ('FnegVector2S', 'fneg v0.2s, v1.2s', D0, S(1.0, QNAN, 1.0, 1.0), NB, 0),
    ('FnegVector2D', 'fneg v0.2d, v1.2d', D0, X(DSNAN, 0), NB, 0),
    ('FsqrtVector4S', 'fsqrt v0.4s, v1.4s', D0, S(4.0, 2.0, -1.0, -0.0), NB, 0),
    ('FsqrtVector2D', 'fsqrt v0.2d, v1.2d', D0, D(2.0, 0x10), NB, 0),
    ('FrecpeVector4S', 'frecpe v0.4s, v1.4s', D0, S(2.0, -0.0, 3.0, 1e-39), NB, 0),
    ('FrecpeVector2D', 'frecpe v0.2d, v1.2d', D0, D(0.3, 1e308), NB, 0),
    ('FrecpeScalarS', 'frecpe s0, s1', D0, S(INF, 1.0, 1.0, 1.0), NB, 0),
    ('FrsqrteVector2S', 'frsqrte v0.2s, v1.2s', D0, S(4.0, 2.0, 1.0, 1.0), NB, 0),
    ('FrsqrteVector2D', 'frsqrte v0.2d, v1.2d', D0, D(-1.0, 0.0), NB, 0),
    ('FrsqrteScalarD', 'frsqrte d0, d1', D0, D(0.25, 1.0), NB, 0),
    ('UrecpeVector4S', 'urecpe v0.4s, v1.4s', D0, W(0x80000000, 0x7fffffff, 0xc0000000, 0xffffffff), NB, 0),
    ('UrsqrteVector2S', 'ursqrte v0.2s, v1.2s', D0, W(0x40000000, 0x3fffffff, 1, 1), NB, 0),
    ('UrsqrteVector4S', 'ursqrte v0.4s, v1.4s', D0, W(0x80000000, 0xffffffff, 0x50000000, 0x20000000), NB, 0),
    ('FrecpxScalarS', 'frecpx s0, s1', D0, S(3.0, 1.0, 1.0, 1.0), NB, 0),
    ('FrecpxScalarD', 'frecpx d0, d1', D0, D(1e-310, 1.0), NB, 0),
    ('FrecpxScalarSNaN', 'frecpx s0, s1', D0, S(SNAN, 1.0, 1.0, 1.0), NB, 0),
    # ---- across lanes ----
    ('SaddlvVector16B', 'saddlv h0, v1.16b', D0, NB, NB, 0),
    ('SaddlvVector4H', 'saddlv s0, v1.4h', D0, H16(0x8000, 0x8000, 0x8000, 0x8000), NB, 0),
    ('SaddlvVector4S', 'saddlv d0, v1.4s', D0, W(0x80000000, 0x80000000, 0x80000000, 5), NB, 0),
    ('UaddlvVector8H', 'uaddlv s0, v1.8h', D0, NB, NB, 0),
    ('UaddlvVector8B', 'uaddlv h0, v1.8b', D0, NB, NB, 0),
    ('UaddlvVector4S', 'uaddlv d0, v1.4s', D0, W(0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff), NB, 0),
    ('SmaxvVector16B', 'smaxv b0, v1.16b', D0, NB, NB, 0),
    ('SmaxvVector4S', 'smaxv s0, v1.4s', D0, W(0x80000000, 0xffffffff, 0x80000001, 0xfffffffe), NB, 0),
    ('UmaxvVector8H', 'umaxv h0, v1.8h', D0, NB, NB, 0),
    ('UmaxvVector8B', 'umaxv b0, v1.8b', D0, NB, NB, 0),
    ('SminvVector4H', 'sminv h0, v1.4h', D0, NB, NB, 0),
    ('SminvVector4S', 'sminv s0, v1.4s', D0, W(5, 0x7fffffff, 0xffffffff, 3), NB, 0),
    ('UminvVector16B', 'uminv b0, v1.16b', D0, B(*range(200, 216)), NB, 0),
    ('UminvVector4S', 'uminv s0, v1.4s', D0, W(5, 0x7fffffff, 0xffffffff, 3), NB, 0),
    ('AddvVector16B', 'addv b0, v1.16b', D0, NB, NB, 0),
    ('AddvVector4H', 'addv h0, v1.4h', D0, NB, NB, 0),
    ('AddvVector4S', 'addv s0, v1.4s', D0, NB, NB, 0),
    ('FmaxvVector4S', 'fmaxv s0, v1.4s', D0, S(1.0, 5.0, -2.0, 3.0), NB, 0),
    ('FmaxvVector4SNaN', 'fmaxv s0, v1.4s', D0, S(1.0, 5.0, QNAN, 3.0), NB, 0),
    ('FminvVector4S', 'fminv s0, v1.4s', D0, S(0.0, -0.0, 4.0, 3.0), NB, 0),
    ('FminvVector4SSignaling', 'fminv s0, v1.4s', D0, S(0.0, QNAN | 0x1234, SNAN, 3.0), NB, 0),
    ('FmaxnmvVector4S', 'fmaxnmv s0, v1.4s', D0, S(QNAN, 1.0, -3.0, QNAN), NB, 0),
    ('FmaxnmvVector4SAllNaN', 'fmaxnmv s0, v1.4s', D0, S(QNAN, QNAN | 5, QNAN | 7, QNAN | 9), NB, 0),
    ('FminnmvVector4S', 'fminnmv s0, v1.4s', D0, S(2.0, QNAN, 7.0, -1.0), NB, 0),
    ('FminnmvVector4SSignaling', 'fminnmv s0, v1.4s', D0, S(2.0, 1.0, SNAN, QNAN), NB, DN),
    # ---- scalar pairwise ----
    ('AddpScalarD', 'addp d0, v1.2d', D0, X(0xffffffffffffffff, 2), NB, 0),
    ('FaddpScalarS', 'faddp s0, v1.2s', D0, S(1.5, 2.25, 100.0, 100.0), NB, 0),
    ('FaddpScalarD', 'faddp d0, v1.2d', D0, D(1e308, 1e308), NB, 0),
    ('FaddpScalarSInexact', 'faddp s0, v1.2s', D0, S(1.0, 2**-30, 1.0, 1.0), NB, RP),
    ('FmaxpScalarS', 'fmaxp s0, v1.2s', D0, S(-0.0, 0.0, 1.0, 1.0), NB, 0),
    ('FmaxpScalarD', 'fmaxp d0, v1.2d', D0, X(0x4000000000000000, DQNAN | 3), NB, 0),
    ('FminpScalarS', 'fminp s0, v1.2s', D0, S(0.0, -0.0, 1.0, 1.0), NB, 0),
    ('FminpScalarD', 'fminp d0, v1.2d', D0, D(-7.0, 3.0), NB, 0),
    ('FmaxnmpScalarS', 'fmaxnmp s0, v1.2s', D0, S(QNAN, -5.0, 1.0, 1.0), NB, 0),
    ('FmaxnmpScalarD', 'fmaxnmp d0, v1.2d', D0, X(DSNAN, 0x4000000000000000), NB, 0),
    ('FminnmpScalarS', 'fminnmp s0, v1.2s', D0, S(8.0, QNAN, 1.0, 1.0), NB, 0),
    ('FminnmpScalarD', 'fminnmp d0, v1.2d', D0, D(8.0, -8.0), NB, 0),
    # ---- by element, integer ----
    ('MulElementVector8H', 'mul v0.8h, v1.8h, v2.h[7]', D0, NB, H16(0, 0, 0, 0, 0, 0, 0, 0xfffe), 0),
    ('MulElementVector2S', 'mul v0.2s, v1.2s, v2.s[3]', D0, NB, W(0, 0, 0, 3), 0),
    ('MlaElementVector4S', 'mla v0.4s, v1.4s, v2.s[1]', D0, NB, W(0, 0x10001, 0, 0), 0),
    ('MlaElementVector4H', 'mla v0.4h, v1.4h, v2.h[5]', D0, NB, H16(0, 0, 0, 0, 0, 3, 0, 0), 0),
    ('MlsElementVector8H', 'mls v0.8h, v1.8h, v2.h[2]', D0, NB, H16(0, 0, 0xffff, 0, 0, 0, 0, 0), 0),
    ('MlsElementVector2S', 'mls v0.2s, v1.2s, v2.s[0]', D0, NB, W(2, 0, 0, 0), 0),
    ('SmullElementVector4S', 'smull v0.4s, v1.4h, v2.h[3]', D0, NB, H16(0, 0, 0, 0x8000, 0, 0, 0, 0), 0),
    ('Smull2ElementVector2D', 'smull2 v0.2d, v1.4s, v2.s[2]', D0, NB, W(0, 0, 0xfffffffd, 0), 0),
    ('UmullElementVector2D', 'umull v0.2d, v1.2s, v2.s[1]', D0, NB, W(0, 0xffffffff, 0, 0), 0),
    ('Umull2ElementVector4S', 'umull2 v0.4s, v1.8h, v2.h[6]', D0, NB, H16(0, 0, 0, 0, 0, 0, 0xffff, 0), 0),
    ('SmlalElementVector4S', 'smlal v0.4s, v1.4h, v2.h[0]', D0, NB, H16(0xffff, 0, 0, 0, 0, 0, 0, 0), 0),
    ('Smlal2ElementVector2D', 'smlal2 v0.2d, v1.4s, v2.s[3]', D0, NB, W(0, 0, 0, 0x80000000), 0),
    ('UmlalElementVector2D', 'umlal v0.2d, v1.2s, v2.s[0]', D0, NB, W(0x10, 0, 0, 0), 0),
    ('Umlal2ElementVector4S', 'umlal2 v0.4s, v1.8h, v2.h[1]', D0, NB, H16(0, 0x8000, 0, 0, 0, 0, 0, 0), 0),
    ('SmlslElementVector4S', 'smlsl v0.4s, v1.4h, v2.h[4]', D0, NB, H16(0, 0, 0, 0, 0x7fff, 0, 0, 0), 0),
    ('Smlsl2ElementVector2D', 'smlsl2 v0.2d, v1.4s, v2.s[1]', D0, NB, W(0, 0xffffffff, 0, 0), 0),
    ('UmlslElementVector2D', 'umlsl v0.2d, v1.2s, v2.s[2]', D0, NB, W(0, 0, 0x100, 0), 0),
    ('Umlsl2ElementVector4S', 'umlsl2 v0.4s, v1.8h, v2.h[7]', D0, NB, H16(0, 0, 0, 0, 0, 0, 0, 2), 0),
    ('SqdmullElementVector4S', 'sqdmull v0.4s, v1.4h, v2.h[1]', D0, H16(0x8000, 0x7fff, 0xffff, 3),
     H16(0, 0x8000, 0, 0, 0, 0, 0, 0), 0),
    ('Sqdmull2ElementVector2D', 'sqdmull2 v0.2d, v1.4s, v2.s[0]', D0, W(0, 0, 0x80000000, 7),
     W(0x80000000, 0, 0, 0), 0),
    ('SqdmlalElementVector2D', 'sqdmlal v0.2d, v1.2s, v2.s[3]', X(0x7ffffffffffffff0, 5), W(1, 0xffffffff, 0, 0),
     W(0, 0, 0, 0x10), 0),
    ('Sqdmlal2ElementVector4S', 'sqdmlal2 v0.4s, v1.8h, v2.h[7]', W(1, 2, 3, 4), H16(0, 0, 0, 0, 0x8000, 1, 2, 3),
     H16(0, 0, 0, 0, 0, 0, 0, 0x8000), 0),
    ('SqdmlslElementVector4S', 'sqdmlsl v0.4s, v1.4h, v2.h[2]', W(0x80000005, 100, 0, 0), H16(3, 5, 0, 0),
     H16(0, 0, 2, 0, 0, 0, 0, 0), 0),
    ('Sqdmlsl2ElementVector2D', 'sqdmlsl2 v0.2d, v1.4s, v2.s[1]', X(0, 0x8000000000000000), W(0, 0, 1, 0xffffffff),
     W(0, 0x7fffffff, 0, 0), 0),
    ('SqdmullElementScalarS', 'sqdmull s0, h1, v2.h[5]', D0, H16(0x8000, 1), H16(0, 0, 0, 0, 0, 0x8000, 0, 0), 0),
    ('SqdmullElementScalarD', 'sqdmull d0, s1, v2.s[1]', D0, W(0x12345678, 1), W(0, 0x100, 0, 0), 0),
    ('SqdmlalElementScalarD', 'sqdmlal d0, s1, v2.s[2]', X(0x7fffffffffffffff, 1), W(1, 1), W(0, 0, 1, 0), 0),
    ('SqdmlalElementScalarS', 'sqdmlal s0, h1, v2.h[0]', W(10, 1), H16(3, 1), H16(0xfffe, 0), 0),
    ('SqdmlslElementScalarS', 'sqdmlsl s0, h1, v2.h[7]', W(0x80000000, 1), H16(1, 1), H16(0, 0, 0, 0, 0, 0, 0, 1),
     0),
    ('SqdmlslElementScalarD', 'sqdmlsl d0, s1, v2.s[3]', X(100, 1), W(7, 1), W(0, 0, 0, 3), 0),
    ('SqdmulhElementVector8H', 'sqdmulh v0.8h, v1.8h, v2.h[0]', D0,
     H16(0x8000, 0x4000, 0x7fff, 0xffff, 1, 0x1234, 0xc000, 0x8001), H16(0x8000, 0), 0),
    ('SqdmulhElementVector2S', 'sqdmulh v0.2s, v1.2s, v2.s[2]', D0, W(0x40000000, 0xc0000000), W(0, 0, 0x40000000, 0), 0),
    ('SqrdmulhElementVector4S', 'sqrdmulh v0.4s, v1.4s, v2.s[1]', D0,
     W(0x80000000, 0x00000001, 0x40000000, 0xffffffff), W(0, 0x80000000, 0, 0), 0),
    ('SqrdmulhElementVector4H', 'sqrdmulh v0.4h, v1.4h, v2.h[3]', D0, H16(0x4000, 3, 0x8000, 0x7fff),
     H16(0, 0, 0, 0x4000), 0),
    ('SqdmulhElementScalarH', 'sqdmulh h0, h1, v2.h[6]', D0, H16(0x8000, 1), H16(0, 0, 0, 0, 0, 0, 0x8000, 0), 0),
    ('SqdmulhElementScalarS', 'sqdmulh s0, s1, v2.s[0]', D0, W(0x7fffffff, 1), W(0x7fffffff, 0), 0),
    ('SqrdmulhElementScalarH', 'sqrdmulh h0, h1, v2.h[1]', D0, H16(0x0101, 1), H16(0, 0x4000), 0),
    ('SqrdmulhElementScalarS', 'sqrdmulh s0, s1, v2.s[3]', D0, W(0x80000000, 1), W(0, 0, 0, 0x80000000), 0),
    # ---- by element, FP ----
    ('FmulElementVector4S', 'fmul v0.4s, v1.4s, v2.s[2]', D0, S(1.0, -2.0, 0.5, INF), S(0.0, 0.0, 3.0, 0.0), 0),
    ('FmulElementVector2S', 'fmul v0.2s, v1.2s, v2.s[3]', D0, S(1.0, INF, 9.0, 9.0), S(1.0, 1.0, 1.0, 0.0), 0),
    ('FmulElementVector2D', 'fmul v0.2d, v1.2d, v2.d[1]', D0, D(1e300, 3.0), D(0.0, 1e10), 0),
    ('FmulxElementVector2S', 'fmulx v0.2s, v1.2s, v2.s[0]', D0, S(INF, 2.0, 9.0, 9.0), S(-0.0, 1.0, 1.0, 1.0), 0),
    ('FmulxElementVector2D', 'fmulx v0.2d, v1.2d, v2.d[1]', D0, D(0.0, 1.5), D(1.0, NINF if False else -2.0), 0),
    ('FmlaElementVector4S', 'fmla v0.4s, v1.4s, v2.s[1]', S(1.0, 2.0, 3.0, INF),
     S(1.0, 2.0, 1.0 + 2**-23, NINF), S(0.0, 1.0 - 2**-24, 0.0, 0.0), 0),
    ('FmlaElementVector2D', 'fmla v0.2d, v1.2d, v2.d[0]', D(1.0, -1.0), D(2.0, 3.0), D(0.5, 0.0), 0),
    ('FmlsElementVector2S', 'fmls v0.2s, v1.2s, v2.s[3]', S(10.0, QNAN, 0.0, 0.0), S(2.0, 1.0, 0.0, 0.0),
     S(0.0, 0.0, 0.0, 3.0), 0),
    ('FmlsElementVector2D', 'fmls v0.2d, v1.2d, v2.d[1]', D(1.0, 2.0), D(0.5, INF), D(7.0, 0.0), 0),
    ('FmulElementScalarS', 'fmul s0, s1, v2.s[3]', D0, S(3.0, 1.0, 1.0, 1.0), S(0.0, 0.0, 0.0, MAX32), 0),
    ('FmulElementScalarD', 'fmul d0, d1, v2.d[0]', D0, D(3.0, 1.0), D(-0.25, 2.0), 0),
    ('FmulxElementScalarS', 'fmulx s0, s1, v2.s[2]', D0, S(-0.0, 1.0, 1.0, 1.0), S(0.0, 0.0, NINF, 0.0), 0),
    ('FmulxElementScalarD', 'fmulx d0, d1, v2.d[1]', D0, D(1.5, 1.0), D(0.0, 4.0), 0),
    ('FmlaElementScalarS', 'fmla s0, s1, v2.s[0]', S(1.0, 7.0, 7.0, 7.0), S(2.0, 1.0, 1.0, 1.0), S(3.0, 0.0, 0.0, 0.0),
     0),
    ('FmlaElementScalarD', 'fmla d0, d1, v2.d[1]', X(DSNAN, 5), D(2.0, 1.0), D(0.0, 3.0), 0),
    ('FmlsElementScalarS', 'fmls s0, s1, v2.s[1]', S(1.0, 7.0, 7.0, 7.0), S(2.0, 1.0, 1.0, 1.0), S(0.0, 0.5, 0.0, 0.0),
     0),
    ('FmlsElementScalarD', 'fmls d0, d1, v2.d[0]', D(0.0, 5.0), D(INF, 1.0), D(0.0, 3.0), 0),
]


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def main():
    tmp = tempfile.mkdtemp(prefix='simd_misc_ref')
    # Encodings.
    src = os.path.join(tmp, 'insns.s')
    with open(src, 'w') as f:
        f.write('.arch armv8-a\n')
        for c in CASES:
            f.write(c[1] + '\n')
    run(['aarch64-linux-gnu-as', src, '-o', src + '.o'])
    words = re.findall(r'^\s*[0-9a-f]+:\s+([0-9a-f]{8})\s', run(['aarch64-linux-gnu-objdump', '-d', src + '.o']),
                       re.M)
    assert len(words) == len(CASES), (len(words), len(CASES))
    # One program running every case on the reference.
    prog = ['.arch armv8-a', '.global _start', '.text', '_start:',
            'ldr x19, =inputs', 'ldr x20, =outputs']
    for w in words:
        prog += ['ldr q0, [x19]', 'ldr q1, [x19, #16]', 'ldr q2, [x19, #32]', 'ldr x10, [x19, #48]',
                 'msr fpcr, x10', 'msr fpsr, xzr', '.inst 0x' + w, 'mrs x11, fpsr',
                 'str q0, [x20]', 'str x11, [x20, #16]', 'add x19, x19, #64', 'add x20, x20, #32']
    prog += ['mov x0, #1', 'ldr x1, =outputs', 'ldr x2, =%d' % (32 * len(CASES)), 'mov x8, #64', 'svc #0',
             'mov x0, #0', 'mov x8, #93', 'svc #0', '.ltorg', '.data', '.balign 16', 'inputs:']
    for c in CASES:
        _, _, d, n, m, fpcr = c
        for v in (d, n, m):
            prog.append('.quad 0x%x, 0x%x' % v)
        prog.append('.quad 0x%x, 0' % fpcr)
    prog += ['.bss', '.balign 16', 'outputs:', '.skip %d' % (32 * len(CASES))]
    psrc = os.path.join(tmp, 'prog.S')
    with open(psrc, 'w') as f:
        f.write('\n'.join(prog) + '\n')
    exe = os.path.join(tmp, 'prog')
    run(['aarch64-linux-gnu-gcc', '-static', '-nostdlib', psrc, '-o', exe])
    out = subprocess.run(['qemu-aarch64', '-cpu', 'cortex-a53', exe], check=True, capture_output=True).stdout
    assert len(out) == 32 * len(CASES)
    for i, (c, w) in enumerate(zip(CASES, words)):
        name, asm, d, n, m, fpcr = c
        lo, hi, fpsr = struct.unpack_from('<QQQ', out, 32 * i)
        print('    {"%s", 0x%s,  // %s' % (name, w, asm))
        print('     {0x%016x, 0x%016x}, {0x%016x, 0x%016x}, {0x%016x, 0x%016x}, 0x%x,' %
              (d + n + m + (fpcr,)))
        print('     {0x%016x, 0x%016x}, 0x%x},' % (lo, hi, fpsr))


if __name__ == '__main__':
    sys.exit(main())
