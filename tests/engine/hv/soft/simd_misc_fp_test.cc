// AdvSIMD two-register misc, FP forms (FCVTN/FCVTL/FCVTXN, FRINT*, FCVT* to
// integer, SCVTF/UCVTF, compare with zero, FABS/FNEG/FSQRT, reciprocal and
// square-root estimates, FRECPX), vector and scalar: one table case each.
// Encodings from aarch64-linux-gnu-as, expected values from qemu-aarch64
// (cortex-a53, ARMv8.0): simd_misc_ref/gen.py prints one table, split here by group.
#include "tests/engine/hv/soft/simd_case_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

// clang-format off
constexpr SimdCase kFpCases[] = {
    {"FcvtnVector4H", 0x0e216820,  // fcvtn v0.4h, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x477fe0003f800000, 0x3f80100049742400}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x3c007c007bff3c00, 0x0000000000000000}, 0x14},
    {"FcvtnVector4HAhp", 0x0e216820,  // fcvtn v0.4h, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x497424003f800000, 0x7f8000007fc00000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x4000000,
     {0x7fff00007fff3c00, 0x0000000000000000}, 0x1},
    {"Fcvtn2Vector4S", 0x4e616820,  // fcvtn2 v0.4s, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3ff0000000400000, 0x7e37e43c8800759c}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xdeadbeefcafebabe, 0x7f8000003f800000}, 0x14},
    {"FcvtnVector2SRoundUp", 0x0e616820,  // fcvtn v0.2s, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3ff0000000400000, 0xbff0000000400000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x400000,
     {0xbf8000003f800001, 0x0000000000000000}, 0x10},
    {"FcvtnVector2SNaN", 0x0e616820,  // fcvtn v0.2s, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x7ff0000000000001, 0x3ff0000000000001}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x3f8000007fc00000, 0x0000000000000000}, 0x11},
    {"FcvtlVector2D", 0x0e617820,  // fcvtl v0.2d, v1.2s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x7f8000013fc00000, 0x4040000040000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x3ff8000000000000, 0x7ff8000020000000}, 0x1},
    {"Fcvtl2Vector4S", 0x4e217820,  // fcvtl2 v0.4s, v1.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x4400420040003c00, 0x00017c00c0003800}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xc00000003f000000, 0x338000007f800000}, 0x0},
    {"Fcvtl2Vector4SAhp", 0x4e217820,  // fcvtl2 v0.4s, v1.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x4400420040003c00, 0x00017e00fc007c00}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x4000000,
     {0xc780000047800000, 0x3380000047c00000}, 0x0},
    {"Fcvtl2Vector2D", 0x4e617820,  // fcvtl2 v0.2d, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x400000003f800000, 0x8000000000000001}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x36a0000000000000, 0x8000000000000000}, 0x0},
    {"FcvtxnVector2S", 0x2e616820,  // fcvtxn v0.2s, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3ff0000000400000, 0x7e37e43c8800759c}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x7f7fffff3f800001, 0x0000000000000000}, 0x14},
    {"Fcvtxn2Vector4S", 0x6e616820,  // fcvtxn2 v0.4s, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3ff0000010000000, 0xbff0000008000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xdeadbeefcafebabe, 0xbf8000013f800001}, 0x10},
    {"FcvtxnScalarS", 0x7e616820,  // fcvtxn s0, d1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x4008000000000800, 0x3ff0000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000040400001, 0x0000000000000000}, 0x10},
    {"FrintnVector4S", 0x4e218820,  // frintn v0.4s, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc060000040200000, 0x4e6e6b283ecccccd}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xc080000040000000, 0x4e6e6b2800000000}, 0x0},
    {"FrintmVector4S", 0x4e219820,  // frintm v0.4s, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc060000040200000, 0x7fc00000becccccd}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xc080000040000000, 0x7fc00000bf800000}, 0x0},
    {"FrintpVector2D", 0x4ee18820,  // frintp v0.2d, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x4000cccccccccccd, 0xbfe0000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x4008000000000000, 0x8000000000000000}, 0x0},
    {"FrintzVector2S", 0x0ea19820,  // frintz v0.2s, v1.2s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x4039999ac039999a, 0x40e0000040e00000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x40000000c0000000, 0x0000000000000000}, 0x0},
    {"FrintaVector4S", 0x6e218820,  // frinta v0.4s, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc060000040200000, 0xbf0000003effffff}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xc080000040400000, 0xbf80000000000000}, 0x0},
    {"FrintxVector4S", 0x6e219820,  // frintx v0.4s, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x4040000040200000, 0x7f800001bfc00000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x800000,
     {0x4040000040000000, 0x7fc00001c0000000}, 0x11},
    {"FrintiVector2D", 0x6ee19820,  // frinti v0.2d, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x4004000000000000, 0xc004000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0xc00000,
     {0x4000000000000000, 0xc000000000000000}, 0x0},
    {"FcvtnsVector4S", 0x4e21a820,  // fcvtns v0.4s, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc060000040200000, 0x7fc000004f32d05e}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xfffffffc00000002, 0x000000007fffffff}, 0x11},
    {"FcvtnuVector4S", 0x6e21a820,  // fcvtnu v0.4s, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc060000040200000, 0x4f9502f94f32d05e}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000000002, 0xffffffffb2d05e00}, 0x11},
    {"FcvtmsVector2D", 0x4e61b820,  // fcvtms v0.2d, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc004000000000000, 0x43e158e460913d00}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xfffffffffffffffd, 0x7fffffffffffffff}, 0x11},
    {"FcvtmuVector2S", 0x2e21b820,  // fcvtmu v0.2s, v1.2s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xbf000000402ccccd, 0x3f8000003f800000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000000002, 0x0000000000000000}, 0x11},
    {"FcvtpsVector4S", 0x4ea1a820,  // fcvtps v0.4s, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc039999a40066666, 0x7f800000cf32d05e}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xfffffffe00000003, 0x7fffffff80000000}, 0x11},
    {"FcvtpuVector2D", 0x6ee1a820,  // fcvtpu v0.2d, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x4000cccccccccccd, 0xbfeccccccccccccd}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000000003, 0x0000000000000000}, 0x10},
    {"FcvtzsVector4S", 0x4ea1b820,  // fcvtzs v0.4s, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x4039999ac039999a, 0x4f0000004effffff}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x00000002fffffffe, 0x7fffffff7fffff80}, 0x11},
    {"FcvtzuVector2D", 0x6ee1b820,  // fcvtzu v0.2d, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc007333333333333, 0x43f0000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000000000, 0xffffffffffffffff}, 0x1},
    {"FcvtasVector4S", 0x4e21c820,  // fcvtas v0.4s, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc020000040200000, 0xff8000003fb33333}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xfffffffd00000003, 0x8000000000000001}, 0x11},
    {"FcvtauVector4S", 0x6e21c820,  // fcvtau v0.4s, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc020000040200000, 0x4f7fffff3f000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000000003, 0xffffff0000000001}, 0x11},
    {"FcvtnsScalarD", 0x5e61a820,  // fcvtns d0, d1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc004000000000000, 0x3ff0000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xfffffffffffffffe, 0x0000000000000000}, 0x10},
    {"FcvtnuScalarS", 0x7e21a820,  // fcvtnu s0, s1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3f80000040600000, 0x3f8000003f800000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000000004, 0x0000000000000000}, 0x10},
    {"FcvtmsScalarS", 0x5e21b820,  // fcvtms s0, s1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3f800000bdcccccd, 0x3f8000003f800000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x00000000ffffffff, 0x0000000000000000}, 0x10},
    {"FcvtmuScalarD", 0x7e61b820,  // fcvtmu d0, d1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x4415af1d78b58c40, 0x3ff0000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x1},
    {"FcvtpsScalarD", 0x5ee1a820,  // fcvtps d0, d1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xbff8000000000000, 0x3ff0000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x10},
    {"FcvtpuScalarS", 0x7ea1a820,  // fcvtpu s0, s1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3f8000003e4ccccd, 0x3f8000003f800000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000000001, 0x0000000000000000}, 0x10},
    {"FcvtzsScalarS", 0x5ea1b820,  // fcvtzs s0, s1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3f800000cf32d05e, 0x3f8000003f800000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000080000000, 0x0000000000000000}, 0x1},
    {"FcvtzuScalarD", 0x7ee1b820,  // fcvtzu d0, d1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x405ef9999999999a, 0x3ff0000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x000000000000007b, 0x0000000000000000}, 0x10},
    {"FcvtasScalarD", 0x5e61c820,  // fcvtas d0, d1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xbfe0000000000000, 0x3ff0000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x10},
    {"FcvtauScalarS", 0x7e21c820,  // fcvtau s0, s1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3f8000007fc00000, 0x3f8000003f800000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000000000, 0x0000000000000000}, 0x1},
    {"ScvtfVector4S", 0x4e21d820,  // scvtf v0.4s, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xffffffff00000001, 0x010000017fffffff}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xbf8000003f800000, 0x4b8000004f000000}, 0x10},
    {"ScvtfVector2D", 0x4e61d820,  // scvtf v0.2d, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000000000000, 0x7fffffffffffffff}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xc3e0000000000000, 0x43e0000000000000}, 0x10},
    {"UcvtfVector2S", 0x2e21d820,  // ucvtf v0.2s, v1.2s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x01000001ffffffff, 0x0000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x400000,
     {0x4b8000014f800000, 0x0000000000000000}, 0x10},
    {"UcvtfVector2D", 0x6e61d820,  // ucvtf v0.2d, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xffffffffffffffff, 0x0000000000000003}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x43f0000000000000, 0x4008000000000000}, 0x10},
    {"ScvtfScalarS", 0x5e21d820,  // scvtf s0, s1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x00000001fffffffd, 0x0000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x00000000c0400000, 0x0000000000000000}, 0x0},
    {"UcvtfScalarD", 0x7e61d820,  // ucvtf d0, d1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000000000001, 0x0000000000000001}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0xc00000,
     {0x43e0000000000000, 0x0000000000000000}, 0x10},
    {"FcmgtZeroVector4S", 0x4ea0c820,  // fcmgt v0.4s, v1.4s, #0.0
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x800000003f800000, 0x000000017fc00000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x00000000ffffffff, 0xffffffff00000000}, 0x1},
    {"FcmgeZeroVector2D", 0x6ee0c820,  // fcmge v0.2d, v1.2d, #0.0
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000000000000, 0x81a56e1fc2f8f359}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x0},
    {"FcmeqZeroVector4S", 0x4ea0d820,  // fcmeq v0.4s, v1.4s, #0.0
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000080000000, 0x3f8000007fc00000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x0},
    {"FcmeqZeroVector2SSignaling", 0x0ea0d820,  // fcmeq v0.2s, v1.2s, #0.0
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x000000007f800001, 0x3f8000003f800000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xffffffff00000000, 0x0000000000000000}, 0x1},
    {"FcmleZeroVector2S", 0x2ea0d820,  // fcmle v0.2s, v1.2s, #0.0
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3f800000bf800000, 0x0000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x00000000ffffffff, 0x0000000000000000}, 0x0},
    {"FcmltZeroVector4S", 0x4ea0e820,  // fcmlt v0.4s, v1.4s, #0.0
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x80000000bf800000, 0x40a00000ff800000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x00000000ffffffff, 0x00000000ffffffff}, 0x0},
    {"FcmgtZeroScalarD", 0x5ee0c820,  // fcmgt d0, d1, #0.0
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x4000000000000000, 0x3ff0000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x0},
    {"FcmgeZeroScalarS", 0x7ea0c820,  // fcmge s0, s1, #0.0
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3f8000007fc00000, 0x3f8000003f800000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000000000, 0x0000000000000000}, 0x1},
    {"FcmeqZeroScalarD", 0x5ee0d820,  // fcmeq d0, d1, #0.0
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000000000000, 0x3ff0000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x0},
    {"FcmleZeroScalarS", 0x7ea0d820,  // fcmle s0, s1, #0.0
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3f80000080000000, 0x3f8000003f800000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x00000000ffffffff, 0x0000000000000000}, 0x0},
    {"FcmltZeroScalarD", 0x5ee0e820,  // fcmlt d0, d1, #0.0
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc014000000000000, 0x3ff0000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x0},
    {"FcmgtZeroVector4SFlushed", 0x4ea0c820,  // fcmgt v0.4s, v1.4s, #0.0
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000100000001, 0xbf8000003f800000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x1000000,
     {0x0000000000000000, 0x00000000ffffffff}, 0x80},
    {"FabsVector4S", 0x4ea0f820,  // fabs v0.4s, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x40000000bf800000, 0xff800001ffc00000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x400000003f800000, 0x7f8000017fc00000}, 0x0},
    {"FabsVector2D", 0x4ee0f820,  // fabs v0.2d, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000000000000, 0xc008000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000000000, 0x4008000000000000}, 0x0},
    {"FnegVector2S", 0x2ea0f820,  // fneg v0.2s, v1.2s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x7fc000003f800000, 0x3f8000003f800000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xffc00000bf800000, 0x0000000000000000}, 0x0},
    {"FnegVector2D", 0x6ee0f820,  // fneg v0.2d, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x7ff0000000000001, 0x0000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xfff0000000000001, 0x8000000000000000}, 0x0},
    {"FsqrtVector4S", 0x6ea1f820,  // fsqrt v0.4s, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x4000000040800000, 0x80000000bf800000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x3fb504f340000000, 0x800000007fc00000}, 0x11},
    {"FsqrtVector2D", 0x6ee1f820,  // fsqrt v0.2d, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x4000000000000000, 0x0000000000000010}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x3ff6a09e667f3bcd, 0x1e80000000000000}, 0x10},
    {"FrecpeVector4S", 0x4ea1d820,  // frecpe v0.4s, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000040000000, 0x000ae39840400000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xff8000003eff8000, 0x7f8000003eaa8000}, 0x16},
    {"FrecpeVector2D", 0x4ee1d820,  // frecpe v0.2d, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3fd3333333333333, 0x7fe1ccf385ebc8a0}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x400aa00000000000, 0x0007340000000000}, 0x0},
    {"FrecpeScalarS", 0x5ea1d820,  // frecpe s0, s1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3f8000007f800000, 0x3f8000003f800000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000000000, 0x0000000000000000}, 0x0},
    {"FrsqrteVector2S", 0x2ea1d820,  // frsqrte v0.2s, v1.2s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x4000000040800000, 0x3f8000003f800000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x3f3480003eff8000, 0x0000000000000000}, 0x0},
    {"FrsqrteVector2D", 0x6ee1d820,  // frsqrte v0.2d, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xbff0000000000000, 0x0000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x7ff8000000000000, 0x7ff0000000000000}, 0x3},
    {"FrsqrteScalarD", 0x7ee1d820,  // frsqrte d0, d1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3fd0000000000000, 0x3ff0000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x3ffff00000000000, 0x0000000000000000}, 0x0},
    {"UrecpeVector4S", 0x4ea1c820,  // urecpe v0.4s, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x7fffffff80000000, 0xffffffffc0000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xffffffffff800000, 0x80000000aa800000}, 0x0},
    {"UrsqrteVector2S", 0x2ea1c820,  // ursqrte v0.2s, v1.2s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3fffffff40000000, 0x0000000100000001}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xffffffffff800000, 0x0000000000000000}, 0x0},
    {"UrsqrteVector4S", 0x6ea1c820,  // ursqrte v0.4s, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xffffffff80000000, 0x2000000050000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x80000000b4800000, 0xffffffffe4800000}, 0x0},
    {"FrecpxScalarS", 0x5ea1f820,  // frecpx s0, s1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3f80000040400000, 0x3f8000003f800000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x000000003f800000, 0x0000000000000000}, 0x0},
    {"FrecpxScalarD", 0x5ee1f820,  // frecpx d0, d1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x000012688b70e62b, 0x3ff0000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x7fe0000000000000, 0x0000000000000000}, 0x0},
    {"FrecpxScalarSNaN", 0x5ea1f820,  // frecpx s0, s1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3f8000007f800001, 0x3f8000003f800000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x000000007fc00001, 0x0000000000000000}, 0x1},
};
// clang-format on

VMD_SIMD_CASE_SUITE(SimdMiscCase, kFpCases);

}  // namespace
}  // namespace vmd::hvsoft::testing
