// AdvSIMD across lanes (ADDV, SADDLV, SMAXV, FMAXV...), scalar pairwise (ADDP,
// FADDP, FMAXP...) and by element (MUL/MLA, long, saturating doubling and FP
// multiplies, vector and scalar): one table case per instruction.
// Encodings from aarch64-linux-gnu-as, expected values from qemu-aarch64
// (cortex-a53, ARMv8.0): simd_misc_ref/gen.py prints one table, split here by group.
#include "tests/engine/hv/soft/simd_case_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

// clang-format off
constexpr SimdCase kLaneCases[] = {
    {"SaddlvVector16B", 0x4e303820,  // saddlv h0, v1.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000000035, 0x0000000000000000}, 0x0},
    {"SaddlvVector4H", 0x0e703820,  // saddlv s0, v1.4h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000800080008000, 0x0000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x00000000fffe0000, 0x0000000000000000}, 0x0},
    {"SaddlvVector4S", 0x4eb03820,  // saddlv d0, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000080000000, 0x0000000580000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xfffffffe80000005, 0x0000000000000000}, 0x0},
    {"UaddlvVector8H", 0x6e703820,  // uaddlv s0, v1.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x000000000004999f, 0x0000000000000000}, 0x0},
    {"UaddlvVector8B", 0x2e303820,  // uaddlv h0, v1.8b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x00000000000003fd, 0x0000000000000000}, 0x0},
    {"UaddlvVector4S", 0x6eb03820,  // uaddlv d0, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xffffffffffffffff, 0xffffffffffffffff}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x00000003fffffffc, 0x0000000000000000}, 0x0},
    {"SmaxvVector16B", 0x4e30a820,  // smaxv b0, v1.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x000000000000007f, 0x0000000000000000}, 0x0},
    {"SmaxvVector4S", 0x4eb0a820,  // smaxv s0, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xffffffff80000000, 0xfffffffe80000001}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x00000000ffffffff, 0x0000000000000000}, 0x0},
    {"UmaxvVector8H", 0x6e70a820,  // umaxv h0, v1.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x000000000000fe01, 0x0000000000000000}, 0x0},
    {"UmaxvVector8B", 0x2e30a820,  // umaxv b0, v1.8b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x00000000000000ff, 0x0000000000000000}, 0x0},
    {"SminvVector4H", 0x0e71a820,  // sminv h0, v1.4h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x000000000000807f, 0x0000000000000000}, 0x0},
    {"SminvVector4S", 0x4eb1a820,  // sminv s0, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x7fffffff00000005, 0x00000003ffffffff}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x00000000ffffffff, 0x0000000000000000}, 0x0},
    {"UminvVector16B", 0x6e31a820,  // uminv b0, v1.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xcfcecdcccbcac9c8, 0xd7d6d5d4d3d2d1d0}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x00000000000000c8, 0x0000000000000000}, 0x0},
    {"UminvVector4S", 0x6eb1a820,  // uminv s0, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x7fffffff00000005, 0x00000003ffffffff}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000000003, 0x0000000000000000}, 0x0},
    {"AddvVector16B", 0x4e31b820,  // addv b0, v1.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000000035, 0x0000000000000000}, 0x0},
    {"AddvVector4H", 0x0e71b820,  // addv h0, v1.4h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000003fbf, 0x0000000000000000}, 0x0},
    {"AddvVector4S", 0x4eb1b820,  // addv s0, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x000000002a756f2c, 0x0000000000000000}, 0x0},
    {"FmaxvVector4S", 0x6e30f820,  // fmaxv s0, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x40a000003f800000, 0x40400000c0000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000040a00000, 0x0000000000000000}, 0x0},
    {"FmaxvVector4SNaN", 0x6e30f820,  // fmaxv s0, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x40a000003f800000, 0x404000007fc00000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x000000007fc00000, 0x0000000000000000}, 0x0},
    {"FminvVector4S", 0x6eb0f820,  // fminv s0, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000000000000, 0x4040000040800000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000080000000, 0x0000000000000000}, 0x0},
    {"FminvVector4SSignaling", 0x6eb0f820,  // fminv s0, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x7fc0123400000000, 0x404000007f800001}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x000000007fc01234, 0x0000000000000000}, 0x1},
    {"FmaxnmvVector4S", 0x6e30c820,  // fmaxnmv s0, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3f8000007fc00000, 0x7fc00000c0400000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x000000003f800000, 0x0000000000000000}, 0x0},
    {"FmaxnmvVector4SAllNaN", 0x6e30c820,  // fmaxnmv s0, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x7fc000057fc00000, 0x7fc000097fc00007}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x000000007fc00000, 0x0000000000000000}, 0x0},
    {"FminnmvVector4S", 0x6eb0c820,  // fminnmv s0, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x7fc0000040000000, 0xbf80000040e00000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x00000000bf800000, 0x0000000000000000}, 0x0},
    {"FminnmvVector4SSignaling", 0x6eb0c820,  // fminnmv s0, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3f80000040000000, 0x7fc000007f800001}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x2000000,
     {0x000000003f800000, 0x0000000000000000}, 0x1},
    {"AddpScalarD", 0x5ef1b820,  // addp d0, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xffffffffffffffff, 0x0000000000000002}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000000001, 0x0000000000000000}, 0x0},
    {"FaddpScalarS", 0x7e30d820,  // faddp s0, v1.2s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x401000003fc00000, 0x42c8000042c80000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000040700000, 0x0000000000000000}, 0x0},
    {"FaddpScalarD", 0x7e70d820,  // faddp d0, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x7fe1ccf385ebc8a0, 0x7fe1ccf385ebc8a0}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x7ff0000000000000, 0x0000000000000000}, 0x14},
    {"FaddpScalarSInexact", 0x7e30d820,  // faddp s0, v1.2s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x308000003f800000, 0x3f8000003f800000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x400000,
     {0x000000003f800001, 0x0000000000000000}, 0x10},
    {"FmaxpScalarS", 0x7e30f820,  // fmaxp s0, v1.2s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000080000000, 0x3f8000003f800000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000000000, 0x0000000000000000}, 0x0},
    {"FmaxpScalarD", 0x7e70f820,  // fmaxp d0, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x4000000000000000, 0x7ff8000000000003}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x7ff8000000000003, 0x0000000000000000}, 0x0},
    {"FminpScalarS", 0x7eb0f820,  // fminp s0, v1.2s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000000000000, 0x3f8000003f800000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000080000000, 0x0000000000000000}, 0x0},
    {"FminpScalarD", 0x7ef0f820,  // fminp d0, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc01c000000000000, 0x4008000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xc01c000000000000, 0x0000000000000000}, 0x0},
    {"FmaxnmpScalarS", 0x7e30c820,  // fmaxnmp s0, v1.2s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc0a000007fc00000, 0x3f8000003f800000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x00000000c0a00000, 0x0000000000000000}, 0x0},
    {"FmaxnmpScalarD", 0x7e70c820,  // fmaxnmp d0, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x7ff0000000000001, 0x4000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x7ff8000000000001, 0x0000000000000000}, 0x1},
    {"FminnmpScalarS", 0x7eb0c820,  // fminnmp s0, v1.2s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x7fc0000041000000, 0x3f8000003f800000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000041000000, 0x0000000000000000}, 0x0},
    {"FminnmpScalarD", 0x7ef0c820,  // fminnmp d0, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x4020000000000000, 0xc020000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xc020000000000000, 0x0000000000000000}, 0x0},
    {"MulElementVector8H", 0x4f728820,  // mul v0.8h, v1.8h, v2.h[7]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0x0000000000000000, 0xfffe000000000000}, 0x0,
     {0x7f8003fefe02ff02, 0x1e4486cc0f5497dc}, 0x0},
    {"MulElementVector2S", 0x0fa28820,  // mul v0.2s, v1.2s, v2.s[3]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0x0000000000000000, 0x0000000300000000}, 0x0,
     {0x40c2fa0302fe817d, 0x0000000000000000}, 0x0},
    {"MlaElementVector4S", 0x6fa20020,  // mla v0.4s, v1.4s, v2.s[1]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0x0001000100000000, 0x0000000000000000}, 0x0,
     {0x9cefbcf04c7d3b3d, 0xae9c020136140201}, 0x0},
    {"MlaElementVector4H", 0x2f520820,  // mla v0.4h, v1.4h, v2.h[5]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0x0000000000000000, 0x0000000000030000}, 0x0,
     {0x1f6db8f2cdfb3c3b, 0x0000000000000000}, 0x0},
    {"MlsElementVector8H", 0x6f624020,  // mls v0.8h, v1.8h, v2.h[2]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0x0000ffff00000000, 0x0000000000000000}, 0x0,
     {0x9eedbcf0cbfd3b3d, 0xf201020102010201}, 0x0},
    {"MlsElementVector2S", 0x2f824020,  // mls v0.2s, v1.2s, v2.s[0]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0x0000000000000002, 0x0000000000000000}, 0x0,
     {0x5e2bc2edc8ffb9c0, 0x0000000000000000}, 0x0},
    {"SmullElementVector4S", 0x0f72a020,  // smull v0.4s, v1.4h, v2.h[3]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0x8000000000000000, 0x0000000000000000}, 0x0,
     {0xff8080003fc08000, 0x1fe0000000ff8000}, 0x0},
    {"Smull2ElementVector2D", 0x4f82a820,  // smull2 v0.2d, v1.4s, v2.s[2]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0x0000000000000000, 0x00000000fffffffd}, 0x0,
     {0xfffffffe96fd63ca, 0x000000002d63ca32}, 0x0},
    {"UmullElementVector2D", 0x2fa2a020,  // umull v0.2d, v1.2s, v2.s[1]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xffffffff00000000, 0x0000000000000000}, 0x0,
     {0x00ff807eff007f81, 0xc040fe003fbf01ff}, 0x0},
    {"Umull2ElementVector4S", 0x6f62a820,  // umull2 v0.4s, v1.8h, v2.h[6]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0x0000000000000000, 0x0000ffff00000000}, 0x0,
     {0x785587aa3411cbee, 0xf0dd0f22bc994366}, 0x0},
    {"SmlalElementVector4S", 0x0f422020,  // smlal v0.4s, v1.4h, v2.h[0]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0x000000000000ffff, 0x0000000000000000}, 0x0,
     {0xdeadbdf0caff3a3f, 0x0123852789abcfee}, 0x0},
    {"Smlal2ElementVector2D", 0x4fa22820,  // smlal2 v0.2d, v1.4s, v2.s[3]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0x0000000000000000, 0x8000000000000000}, 0x0,
     {0xa282a4e6cafebabe, 0x08b3e71a89abcdef}, 0x0},
    {"UmlalElementVector2D", 0x2f822020,  // umlal v0.2d, v1.2s, v2.s[0]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0x0000000000000010, 0x0000000000000000}, 0x0,
     {0xdeadbeefdaf6c2ae, 0x012345738dbbadff}, 0x0},
    {"Umlal2ElementVector4S", 0x6f522020,  // umlal2 v0.4s, v1.8h, v2.h[1]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0x0000000080000000, 0x0000000000000000}, 0x0,
     {0x1ad8beefe507babe, 0x79924567e7f8cdef}, 0x0},
    {"SmlslElementVector4S", 0x0f426820,  // smlsl v0.4s, v1.4h, v2.h[4]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0x0000000000000000, 0x0000000000007fff}, 0x0,
     {0xde2e3fee0abebb3d, 0x210305a78aab4bf0}, 0x0},
    {"Smlsl2ElementVector2D", 0x4fa26020,  // smlsl2 v0.2d, v1.4s, v2.s[1]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xffffffff00000000, 0x0000000000000000}, 0x0,
     {0xdeadbef04354eed0, 0x012345677a8a8a89}, 0x0},
    {"UmlslElementVector2D", 0x2f826820,  // umlsl v0.2d, v1.2s, v2.s[2]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0x0000000000000000, 0x0000000000000100}, 0x0,
     {0xdeadbeeecb7e3bbe, 0x012344a748adccef}, 0x0},
    {"Umlsl2ElementVector4S", 0x6f726820,  // umlsl2 v0.4s, v1.8h, v2.h[7]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0x0000000000000000, 0x0002000000000000}, 0x0,
     {0xdeacce43cafe529a, 0x012163ab89aa54bb}, 0x0},
    {"SqdmullElementVector4S", 0x0f52b020,  // sqdmull v0.4s, v1.4h, v2.h[1]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0003ffff7fff8000, 0x0000000000000000}, {0x0000000080000000, 0x0000000000000000}, 0x0,
     {0x800100007fffffff, 0xfffd000000010000}, 0x8000000},
    {"Sqdmull2ElementVector2D", 0x4f82b020,  // sqdmull2 v0.2d, v1.4s, v2.s[0]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000000000, 0x0000000780000000}, {0x0000000080000000, 0x0000000000000000}, 0x0,
     {0x7fffffffffffffff, 0xfffffff900000000}, 0x8000000},
    {"SqdmlalElementVector2D", 0x0fa23820,  // sqdmlal v0.2d, v1.2s, v2.s[3]
     {0x7ffffffffffffff0, 0x0000000000000005}, {0xffffffff00000001, 0x0000000000000000}, {0x0000000000000000, 0x0000001000000000}, 0x0,
     {0x7fffffffffffffff, 0xffffffffffffffe5}, 0x8000000},
    {"Sqdmlal2ElementVector4S", 0x4f723820,  // sqdmlal2 v0.4s, v1.8h, v2.h[7]
     {0x0000000200000001, 0x0000000400000003}, {0x0000000000000000, 0x0003000200018000}, {0x0000000000000000, 0x8000000000000000}, 0x0,
     {0xffff00027fffffff, 0xfffd0004fffe0003}, 0x8000000},
    {"SqdmlslElementVector4S", 0x0f627020,  // sqdmlsl v0.4s, v1.4h, v2.h[2]
     {0x0000006480000005, 0x0000000000000000}, {0x0000000000050003, 0x0000000000000000}, {0x0000000200000000, 0x0000000000000000}, 0x0,
     {0x0000005080000000, 0x0000000000000000}, 0x8000000},
    {"Sqdmlsl2ElementVector2D", 0x4fa27020,  // sqdmlsl2 v0.2d, v1.4s, v2.s[1]
     {0x0000000000000000, 0x8000000000000000}, {0x0000000000000000, 0xffffffff00000001}, {0x7fffffff00000000, 0x0000000000000000}, 0x0,
     {0xffffffff00000002, 0x80000000fffffffe}, 0x0},
    {"SqdmullElementScalarS", 0x5f52b820,  // sqdmull s0, h1, v2.h[5]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000018000, 0x0000000000000000}, {0x0000000000000000, 0x0000000080000000}, 0x0,
     {0x000000007fffffff, 0x0000000000000000}, 0x8000000},
    {"SqdmullElementScalarD", 0x5fa2b020,  // sqdmull d0, s1, v2.s[1]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000112345678, 0x0000000000000000}, {0x0000010000000000, 0x0000000000000000}, 0x0,
     {0x0000002468acf000, 0x0000000000000000}, 0x0},
    {"SqdmlalElementScalarD", 0x5f823820,  // sqdmlal d0, s1, v2.s[2]
     {0x7fffffffffffffff, 0x0000000000000001}, {0x0000000100000001, 0x0000000000000000}, {0x0000000000000000, 0x0000000000000001}, 0x0,
     {0x7fffffffffffffff, 0x0000000000000000}, 0x8000000},
    {"SqdmlalElementScalarS", 0x5f423020,  // sqdmlal s0, h1, v2.h[0]
     {0x000000010000000a, 0x0000000000000000}, {0x0000000000010003, 0x0000000000000000}, {0x000000000000fffe, 0x0000000000000000}, 0x0,
     {0x00000000fffffffe, 0x0000000000000000}, 0x0},
    {"SqdmlslElementScalarS", 0x5f727820,  // sqdmlsl s0, h1, v2.h[7]
     {0x0000000180000000, 0x0000000000000000}, {0x0000000000010001, 0x0000000000000000}, {0x0000000000000000, 0x0001000000000000}, 0x0,
     {0x0000000080000000, 0x0000000000000000}, 0x8000000},
    {"SqdmlslElementScalarD", 0x5fa27820,  // sqdmlsl d0, s1, v2.s[3]
     {0x0000000000000064, 0x0000000000000001}, {0x0000000100000007, 0x0000000000000000}, {0x0000000000000000, 0x0000000300000000}, 0x0,
     {0x000000000000003a, 0x0000000000000000}, 0x0},
    {"SqdmulhElementVector8H", 0x4f42c020,  // sqdmulh v0.8h, v1.8h, v2.h[0]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xffff7fff40008000, 0x8001c00012340001}, {0x0000000000008000, 0x0000000000000000}, 0x0,
     {0x00018001c0007fff, 0x7fff4000edccffff}, 0x8000000},
    {"SqdmulhElementVector2S", 0x0f82c820,  // sqdmulh v0.2s, v1.2s, v2.s[2]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc000000040000000, 0x0000000000000000}, {0x0000000000000000, 0x0000000040000000}, 0x0,
     {0xe000000020000000, 0x0000000000000000}, 0x0},
    {"SqrdmulhElementVector4S", 0x4fa2d020,  // sqrdmulh v0.4s, v1.4s, v2.s[1]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000180000000, 0xffffffff40000000}, {0x8000000000000000, 0x0000000000000000}, 0x0,
     {0xffffffff7fffffff, 0x00000001c0000000}, 0x8000000},
    {"SqrdmulhElementVector4H", 0x0f72d020,  // sqrdmulh v0.4h, v1.4h, v2.h[3]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x7fff800000034000, 0x0000000000000000}, {0x4000000000000000, 0x0000000000000000}, 0x0,
     {0x4000c00000022000, 0x0000000000000000}, 0x0},
    {"SqdmulhElementScalarH", 0x5f62c820,  // sqdmulh h0, h1, v2.h[6]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000018000, 0x0000000000000000}, {0x0000000000000000, 0x0000800000000000}, 0x0,
     {0x0000000000007fff, 0x0000000000000000}, 0x8000000},
    {"SqdmulhElementScalarS", 0x5f82c020,  // sqdmulh s0, s1, v2.s[0]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x000000017fffffff, 0x0000000000000000}, {0x000000007fffffff, 0x0000000000000000}, 0x0,
     {0x000000007ffffffe, 0x0000000000000000}, 0x0},
    {"SqrdmulhElementScalarH", 0x5f52d020,  // sqrdmulh h0, h1, v2.h[1]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000010101, 0x0000000000000000}, {0x0000000040000000, 0x0000000000000000}, 0x0,
     {0x0000000000000081, 0x0000000000000000}, 0x0},
    {"SqrdmulhElementScalarS", 0x5fa2d820,  // sqrdmulh s0, s1, v2.s[3]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000180000000, 0x0000000000000000}, {0x0000000000000000, 0x8000000000000000}, 0x0,
     {0x000000007fffffff, 0x0000000000000000}, 0x8000000},
    {"FmulElementVector4S", 0x4f829820,  // fmul v0.4s, v1.4s, v2.s[2]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc00000003f800000, 0x7f8000003f000000}, {0x0000000000000000, 0x0000000040400000}, 0x0,
     {0xc0c0000040400000, 0x7f8000003fc00000}, 0x0},
    {"FmulElementVector2S", 0x0fa29820,  // fmul v0.2s, v1.2s, v2.s[3]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x7f8000003f800000, 0x4110000041100000}, {0x3f8000003f800000, 0x000000003f800000}, 0x0,
     {0x7fc0000000000000, 0x0000000000000000}, 0x1},
    {"FmulElementVector2D", 0x4fc29820,  // fmul v0.2d, v1.2d, v2.d[1]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x7e37e43c8800759c, 0x4008000000000000}, {0x0000000000000000, 0x4202a05f20000000}, 0x0,
     {0x7ff0000000000000, 0x421bf08eb0000000}, 0x14},
    {"FmulxElementVector2S", 0x2f829020,  // fmulx v0.2s, v1.2s, v2.s[0]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x400000007f800000, 0x4110000041100000}, {0x3f80000080000000, 0x3f8000003f800000}, 0x0,
     {0x80000000c0000000, 0x0000000000000000}, 0x0},
    {"FmulxElementVector2D", 0x6fc29820,  // fmulx v0.2d, v1.2d, v2.d[1]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000000000, 0x3ff8000000000000}, {0x3ff0000000000000, 0xc000000000000000}, 0x0,
     {0x8000000000000000, 0xc008000000000000}, 0x0},
    {"FmlaElementVector4S", 0x4fa21020,  // fmla v0.4s, v1.4s, v2.s[1]
     {0x400000003f800000, 0x7f80000040400000}, {0x400000003f800000, 0xff8000003f800001}, {0x3f7fffff00000000, 0x0000000000000000}, 0x0,
     {0x4080000040000000, 0x7fc0000040800000}, 0x11},
    {"FmlaElementVector2D", 0x4fc21020,  // fmla v0.2d, v1.2d, v2.d[0]
     {0x3ff0000000000000, 0xbff0000000000000}, {0x4000000000000000, 0x4008000000000000}, {0x3fe0000000000000, 0x0000000000000000}, 0x0,
     {0x4000000000000000, 0x3fe0000000000000}, 0x0},
    {"FmlsElementVector2S", 0x0fa25820,  // fmls v0.2s, v1.2s, v2.s[3]
     {0x7fc0000041200000, 0x0000000000000000}, {0x3f80000040000000, 0x0000000000000000}, {0x0000000000000000, 0x4040000000000000}, 0x0,
     {0x7fc0000040800000, 0x0000000000000000}, 0x0},
    {"FmlsElementVector2D", 0x4fc25820,  // fmls v0.2d, v1.2d, v2.d[1]
     {0x3ff0000000000000, 0x4000000000000000}, {0x3fe0000000000000, 0x000000007f800000}, {0x401c000000000000, 0x0000000000000000}, 0x0,
     {0x3ff0000000000000, 0x4000000000000000}, 0x0},
    {"FmulElementScalarS", 0x5fa29820,  // fmul s0, s1, v2.s[3]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3f80000040400000, 0x3f8000003f800000}, {0x0000000000000000, 0x7f7fffff00000000}, 0x0,
     {0x000000007f800000, 0x0000000000000000}, 0x14},
    {"FmulElementScalarD", 0x5fc29020,  // fmul d0, d1, v2.d[0]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x4008000000000000, 0x3ff0000000000000}, {0xbfd0000000000000, 0x4000000000000000}, 0x0,
     {0xbfe8000000000000, 0x0000000000000000}, 0x0},
    {"FmulxElementScalarS", 0x7f829820,  // fmulx s0, s1, v2.s[2]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3f80000080000000, 0x3f8000003f800000}, {0x0000000000000000, 0x00000000ff800000}, 0x0,
     {0x0000000040000000, 0x0000000000000000}, 0x0},
    {"FmulxElementScalarD", 0x7fc29820,  // fmulx d0, d1, v2.d[1]
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3ff8000000000000, 0x3ff0000000000000}, {0x0000000000000000, 0x4010000000000000}, 0x0,
     {0x4018000000000000, 0x0000000000000000}, 0x0},
    {"FmlaElementScalarS", 0x5f821020,  // fmla s0, s1, v2.s[0]
     {0x40e000003f800000, 0x40e0000040e00000}, {0x3f80000040000000, 0x3f8000003f800000}, {0x0000000040400000, 0x0000000000000000}, 0x0,
     {0x0000000040e00000, 0x0000000000000000}, 0x0},
    {"FmlaElementScalarD", 0x5fc21820,  // fmla d0, d1, v2.d[1]
     {0x7ff0000000000001, 0x0000000000000005}, {0x4000000000000000, 0x3ff0000000000000}, {0x0000000000000000, 0x4008000000000000}, 0x0,
     {0x7ff8000000000001, 0x0000000000000000}, 0x1},
    {"FmlsElementScalarS", 0x5fa25020,  // fmls s0, s1, v2.s[1]
     {0x40e000003f800000, 0x40e0000040e00000}, {0x3f80000040000000, 0x3f8000003f800000}, {0x3f00000000000000, 0x0000000000000000}, 0x0,
     {0x0000000000000000, 0x0000000000000000}, 0x0},
    {"FmlsElementScalarD", 0x5fc25020,  // fmls d0, d1, v2.d[0]
     {0x0000000000000000, 0x4014000000000000}, {0x000000007f800000, 0x3ff0000000000000}, {0x0000000000000000, 0x4008000000000000}, 0x0,
     {0x0000000000000000, 0x0000000000000000}, 0x0},
};
// clang-format on

VMD_SIMD_CASE_SUITE(SimdMiscCase, kLaneCases);

}  // namespace
}  // namespace vmd::hvsoft::testing
