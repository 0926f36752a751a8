// AdvSIMD two-register misc, integer forms (REV, pairwise add, saturating
// accumulate, CLS/CLZ/CNT/NOT/RBIT, ABS/NEG, compare with zero, narrowing and
// SHLL), vector and scalar: one table case per instruction.
// Encodings from aarch64-linux-gnu-as, expected values from qemu-aarch64
// (cortex-a53, ARMv8.0): simd_misc_ref/gen.py prints one table, split here by group.
#include "tests/engine/hv/soft/simd_case_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

// clang-format off
constexpr SimdCase kIntCases[] = {
    {"Rev64Vector16B", 0x4e200820,  // rev64 v0.16b, v1.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x7f80ff0001fe40c0, 0x123456789abcdef0}, 0x0},
    {"Rev64Vector4H", 0x0e600820,  // rev64 v0.4h, v1.4h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x807f00fffe01c040, 0x0000000000000000}, 0x0},
    {"Rev64Vector4S", 0x4ea00820,  // rev64 v0.4s, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x00ff807fc040fe01, 0x78563412f0debc9a}, 0x0},
    {"Rev32Vector8H", 0x6e600820,  // rev32 v0.8h, v1.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xfe01c040807f00ff, 0xbc9af0de34127856}, 0x0},
    {"Rev32Vector8B", 0x2e200820,  // rev32 v0.8b, v1.8b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x01fe40c07f80ff00, 0x0000000000000000}, 0x0},
    {"Rev16Vector16B", 0x4e201820,  // rev16 v0.16b, v1.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x40c001feff007f80, 0xdef09abc56781234}, 0x0},
    {"SaddlpVector16B", 0x4e202820,  // saddlp v0.8h, v1.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000ffffffffffff, 0xffceff5600ce0046}, 0x0},
    {"UaddlpVector8H", 0x6e602820,  // uaddlp v0.4s, v1.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0001be410000817e, 0x0001ad780000ac68}, 0x0},
    {"SaddlpVector2S", 0x0ea02820,  // saddlp v0.1d, v1.2s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000080000000, 0x0000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xffffffff00000000, 0x0000000000000000}, 0x0},
    {"UaddlpVector4S", 0x6ea02820,  // uaddlp v0.2d, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xffffffffffffffff, 0x0000000200000001}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x00000001fffffffe, 0x0000000000000003}, 0x0},
    {"SadalpVector4S", 0x4ea06820,  // sadalp v0.2d, v1.4s
     {0x0000000000000005, 0x7fffffffffffffff}, {0xfffffffeffffffff, 0x0000000000000001}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000000002, 0x8000000000000000}, 0x0},
    {"UadalpVector8B", 0x2e206820,  // uadalp v0.4h, v1.8b
     {0x000300020001ffff, 0x0009000900090009}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x01030101010000fe, 0x0000000000000000}, 0x0},
    {"SuqaddVector16B", 0x4e203820,  // suqadd v0.16b, v1.16b
     {0x00807e1001ff807f, 0x0807060504030201}, {0xff7f0120ff01ff01, 0x8000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x7fff7f307f007f7f, 0x7f07060504030201}, 0x8000000},
    {"SuqaddVector2D", 0x4ee03820,  // suqadd v0.2d, v1.2d
     {0x8000000000000000, 0x7000000000000000}, {0xffffffffffffffff, 0x2000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x7fffffffffffffff, 0x7fffffffffffffff}, 0x8000000},
    {"UsqaddVector2D", 0x6ee03820,  // usqadd v0.2d, v1.2d
     {0xfffffffffffffff0, 0x0000000000000005}, {0x0000000000000020, 0xfffffffffffffff0}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x8000000},
    {"UsqaddVector4H", 0x2e603820,  // usqadd v0.4h, v1.4h
     {0x7fff80000005fff0, 0x0000000000000000}, {0x80007ffffffa0020, 0x0000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000ffff0000ffff, 0x0000000000000000}, 0x8000000},
    {"SuqaddScalarB", 0x5e203820,  // suqadd b0, b1
     {0x0000000000000070, 0x0000000000000000}, {0x000000000000ff90, 0x0000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x000000000000007f, 0x0000000000000000}, 0x8000000},
    {"UsqaddScalarS", 0x7ea03820,  // usqadd s0, s1
     {0x0000000000000003, 0x0000000000000000}, {0x00000007fffffffd, 0x0000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000000000, 0x0000000000000000}, 0x0},
    {"UsqaddScalarH", 0x7e603820,  // usqadd h0, h1
     {0x0000000000000003, 0x0000000000000000}, {0x000000000007fffc, 0x0000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000000000, 0x0000000000000000}, 0x8000000},
    {"ClsVector8H", 0x4e604820,  // cls v0.8h, v1.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x80000001ffff0000, 0x0f00c00040007fff}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000e000f000f, 0x0003000100000000}, 0x0},
    {"ClsVector8B", 0x0e204820,  // cls v0.8b, v1.8b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0100060607070000, 0x0000000000000000}, 0x0},
    {"ClzVector4S", 0x6ea04820,  // clz v0.4s, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000100000000, 0x0001234580000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000001f00000020, 0x0000000f00000000}, 0x0},
    {"ClzVector16B", 0x6e204820,  // clz v0.16b, v1.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0001000708000001, 0x0000000001010203}, 0x0},
    {"CntVector16B", 0x4e205820,  // cnt v0.16b, v1.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0201070100080107, 0x0406050404040302}, 0x0},
    {"CntVector8B", 0x0e205820,  // cnt v0.8b, v1.8b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0201070100080107, 0x0000000000000000}, 0x0},
    {"NotVector8B", 0x2e205820,  // not v0.8b, v1.8b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x3fbf01feff007f80, 0x0000000000000000}, 0x0},
    {"NotVector16B", 0x6e205820,  // mvn v0.16b, v1.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x3fbf01feff007f80, 0x0f21436587a9cbed}, 0x0},
    {"RbitVector16B", 0x6e605820,  // rbit v0.16b, v1.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x03027f8000ff01fe, 0x0f7b3d591e6a2c48}, 0x0},
    {"SqabsVector16B", 0x4e207820,  // sqabs v0.16b, v1.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x4040020100017f7f, 0x1022446678563412}, 0x8000000},
    {"SqabsVector2D", 0x4ee07820,  // sqabs v0.2d, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000000000000, 0xfffffffffffffffe}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x7fffffffffffffff, 0x0000000000000002}, 0x8000000},
    {"SqnegVector4H", 0x2e607820,  // sqneg v0.4h, v1.4h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000ffff7fff8000, 0x0000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000180017fff, 0x0000000000000000}, 0x8000000},
    {"SqnegVector4S", 0x6ea07820,  // sqneg v0.4s, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000100000005, 0x7fffffff00000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x7ffffffffffffffb, 0x8000000100000000}, 0x0},
    {"SqabsScalarD", 0x5ee07820,  // sqabs d0, d1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000000000000, 0x0000000000000005}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x7fffffffffffffff, 0x0000000000000000}, 0x8000000},
    {"SqabsScalarS", 0x5ea07820,  // sqabs s0, s1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x00000005fffffff0, 0x0000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000000010, 0x0000000000000000}, 0x0},
    {"SqnegScalarB", 0x7e207820,  // sqneg b0, b1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000000580, 0x0000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x000000000000007f, 0x0000000000000000}, 0x8000000},
    {"SqnegScalarH", 0x7e607820,  // sqneg h0, h1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000051234, 0x0000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x000000000000edcc, 0x0000000000000000}, 0x0},
    {"AbsVector2D", 0x4ee0b820,  // abs v0.2d, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000000000000, 0xfffffffffffffffe}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x8000000000000000, 0x0000000000000002}, 0x0},
    {"AbsVector16B", 0x4e20b820,  // abs v0.16b, v1.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x404002010001807f, 0x1022446678563412}, 0x0},
    {"NegVector8H", 0x6e60b820,  // neg v0.8h, v1.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x3fc001ffff017f81, 0x0f22436687aacbee}, 0x0},
    {"NegVector2S", 0x2ea0b820,  // neg v0.2s, v1.2s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x3fbf01ffff007f81, 0x0000000000000000}, 0x0},
    {"AbsScalarD", 0x5ee0b820,  // abs d0, d1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xfffffffffffffff0, 0x0000000000000001}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000000010, 0x0000000000000000}, 0x0},
    {"NegScalarD", 0x7ee0b820,  // neg d0, d1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000000000000, 0x0000000000000001}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x8000000000000000, 0x0000000000000000}, 0x0},
    {"CmgtZeroVector16B", 0x4e208820,  // cmgt v0.16b, v1.16b, #0
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x00ff00ff000000ff, 0x00000000ffffffff}, 0x0},
    {"CmgeZeroVector8H", 0x6e608820,  // cmge v0.8h, v1.8h, #0
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x00000000ffff0000, 0x00000000ffffffff}, 0x0},
    {"CmeqZeroVector4S", 0x4ea09820,  // cmeq v0.4s, v1.4s, #0
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000100000000, 0x0000000080000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x00000000ffffffff, 0xffffffff00000000}, 0x0},
    {"CmleZeroVector2D", 0x6ee09820,  // cmle v0.2d, v1.2d, #0
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000000000, 0x0000000000000001}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x0},
    {"CmltZeroVector8B", 0x0e20a820,  // cmlt v0.8b, v1.8b, #0
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xff00ff0000ffff00, 0x0000000000000000}, 0x0},
    {"CmgtZeroScalarD", 0x5ee08820,  // cmgt d0, d1, #0
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000000001, 0x0000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x0},
    {"CmgeZeroScalarD", 0x7ee08820,  // cmge d0, d1, #0
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000000000000, 0x0000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000000000, 0x0000000000000000}, 0x0},
    {"CmeqZeroScalarD", 0x5ee09820,  // cmeq d0, d1, #0
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000000000, 0x0000000000000005}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x0},
    {"CmleZeroScalarD", 0x7ee09820,  // cmle d0, d1, #0
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xffffffffffffffff, 0x0000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x0},
    {"CmltZeroScalarD", 0x5ee0a820,  // cmlt d0, d1, #0
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000000000, 0x0000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000000000, 0x0000000000000000}, 0x0},
    {"XtnVector8B", 0x0e212820,  // xtn v0.8b, v1.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xde9a56124001ff7f, 0x0000000000000000}, 0x0},
    {"Xtn2Vector16B", 0x4e212820,  // xtn2 v0.16b, v1.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xdeadbeefcafebabe, 0xde9a56124001ff7f}, 0x0},
    {"Xtn2Vector4S", 0x4ea12820,  // xtn2 v0.4s, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xdeadbeefcafebabe, 0x7856341200ff807f}, 0x0},
    {"SqxtnVector4H", 0x0e614820,  // sqxtn v0.4h, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xffff7fff00008000, 0xffff800000007fff}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x80007fff80007fff, 0x0000000000000000}, 0x8000000},
    {"Sqxtn2Vector8H", 0x4e614820,  // sqxtn2 v0.8h, v1.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xfffffffe00000001, 0x0000000000000012}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xdeadbeefcafebabe, 0x00000012fffe0001}, 0x0},
    {"UqxtnVector2S", 0x2ea14820,  // uqxtn v0.2s, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000100000000, 0x00000000ffffffff}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x8000000},
    {"Uqxtn2Vector16B", 0x6e214820,  // uqxtn2 v0.16b, v1.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x80000000010000ff, 0x0004000300020001}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xdeadbeefcafebabe, 0x04030201ff00ffff}, 0x8000000},
    {"SqxtunVector8B", 0x2e212820,  // sqxtun v0.8b, v1.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x80000000010000ff, 0x0080007fffff0001}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x807f00010000ffff, 0x0000000000000000}, 0x8000000},
    {"Sqxtun2Vector4S", 0x6ea12820,  // sqxtun2 v0.4s, v1.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x00000000ffffffff, 0x7fffffffffffffff}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0xdeadbeefcafebabe, 0xffffffffffffffff}, 0x8000000},
    {"SqxtnScalarH", 0x5e614820,  // sqxtn h0, s1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000700012345, 0x0000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000007fff, 0x0000000000000000}, 0x8000000},
    {"SqxtnScalarS", 0x5ea14820,  // sqxtn s0, d1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xffffffff80000000, 0x0000000000000007}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000080000000, 0x0000000000000000}, 0x0},
    {"UqxtnScalarB", 0x7e214820,  // uqxtn b0, h1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x00000000000700fe, 0x0000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x00000000000000fe, 0x0000000000000000}, 0x0},
    {"UqxtnScalarH", 0x7e614820,  // uqxtn h0, s1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000700010000, 0x0000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x000000000000ffff, 0x0000000000000000}, 0x8000000},
    {"SqxtunScalarS", 0x7ea12820,  // sqxtun s0, d1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xffffffffffffffff, 0x0000000000000007}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000000000000000, 0x0000000000000000}, 0x8000000},
    {"SqxtunScalarB", 0x7e212820,  // sqxtun b0, h1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x000000000007007f, 0x0000000000000000}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x000000000000007f, 0x0000000000000000}, 0x0},
    {"ShllVector8H", 0x2e213820,  // shll v0.8h, v1.8b, #8
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x0000ff0080007f00, 0xc0004000fe000100}, 0x0},
    {"Shll2Vector4S", 0x6e613820,  // shll2 v0.4s, v1.8h, #16
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x7856000034120000, 0xf0de0000bc9a0000}, 0x0},
    {"ShllVector2D", 0x2ea13820,  // shll v0.2d, v1.2s, #32
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, 0x0,
     {0x00ff807f00000000, 0xc040fe0100000000}, 0x0},
};
// clang-format on

VMD_SIMD_CASE_SUITE(SimdMiscCase, kIntCases);

}  // namespace
}  // namespace vmd::hvsoft::testing
