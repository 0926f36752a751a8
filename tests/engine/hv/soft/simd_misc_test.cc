// AdvSIMD two-register misc, across lanes, scalar pairwise and by element
// (vector and scalar forms) on the soft CPU, through the hv API. Each table
// case runs one instruction with V0 (destination, also read by accumulating
// forms), V1 and V2 (the indexed-element register) preset and FPCR set, and
// checks V0 and FPSR (QC and the cumulative FP flags) afterwards. V0 starts
// non-zero in both halves, so 64-bit vector and scalar forms show that they
// zero the rest of the register, and "2" forms that they keep the lower half.
// Encodings come from aarch64-linux-gnu-as; the expected values from
// qemu-aarch64 -cpu cortex-a53 (ARMv8.0), recorded by simd_misc_ref/gen.py.
// The named tests at the end are worked out by hand from the ARM ARM
// pseudocode (saturation, narrowing into the upper half, round to odd, the
// Reduce() tree, the V0-V15 restriction of 16-bit indexed elements).
#include <random>
#include <string>

#include "tests/engine/hv/soft/simd_case_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

constexpr uint64_t kIoc = 1, kDzc = 2, kOfc = 4, kUfc = 8, kIxc = 0x10;

using SimdMiscTest = SimdCaseTest;

// clang-format off
constexpr SimdCase kCases[] = {
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

// Reserved size/Q/sz/L combinations, and FP16, RDM and dot-product encodings
// (absent from ARMv8.0).
constexpr Unallocated kUnallocated[] = {
    {"AbsVector1D", 0x0ee0b820},          // abs v0.2d with Q=0
    {"CntSize16", 0x4e605820},            // cnt with size=01
    {"NotSize32", 0x6ea05820},            // not/rbit opcode with size=10
    {"Rev16Size16", 0x4e601820},          // rev16 with size=01
    {"Rev32Size32", 0x6ea00820},          // rev32 with size=10
    {"Rev64Size64", 0x4ee00820},          // rev64 with size=11
    {"ClsSize64", 0x4ee04820},            // cls with size=11
    {"SaddlpSize64", 0x4ee02820},         // saddlp with size=11
    {"XtnSize64", 0x0ee12820},            // xtn with size=11
    {"ShllSize64", 0x2ee13820},           // shll with size=11
    {"FcvtxnFromSingle", 0x2e216820},     // fcvtxn with sz=0
    {"FrintnVector1D", 0x0e618820},       // frintn v0.2d with Q=0
    {"UrecpeDouble", 0x4ee1c820},         // urecpe with sz=1
    {"FsqrtScalar", 0x7ee1f820},          // fsqrt has no AdvSIMD scalar form
    {"AbsScalarS", 0x5ea0b820},           // abs s0, s1
    {"XtnScalar", 0x5e212820},            // xtn has no scalar form
    {"AddvVector2S", 0x0eb1b820},         // addv s0, v1.2s
    {"AddvSize64", 0x4ef1b820},           // addv with size=11
    {"FmaxvVector2S", 0x2e30f820},        // fmaxv s0, v1.2s
    {"FmaxvDouble", 0x6e70f820},          // fmaxv with sz=1
    {"FmaxvHalf", 0x4e30f820},            // fmaxv h0, v1.8h (FP16)
    {"AddpScalarSize32", 0x5eb1b820},     // addp with size=10
    {"FaddpScalarHalf", 0x5e30d820},      // faddp h0, v1.2h (FP16)
    {"MulElementSize8", 0x4f028020},      // mul by element with size=00
    {"MulElementSize64", 0x4fc28020},     // mul by element with size=11
    {"FmulElementDoubleL1", 0x4fe29820},  // fmul v0.2d by element with L=1
    {"FmulElementDoubleQ0", 0x0fc29820},  // fmul v0.1d by element
    {"FmulElementHalf", 0x4f029020},      // fmul v0.8h by element (FP16)
    {"SqdmulhElementScalarSize8", 0x5f02c020},  // sqdmulh b0 by element
    {"SqrdmlahElement", 0x6f82d020},      // sqrdmlah by element (ARMv8.1)
    {"SdotElement", 0x4f82e020},          // sdot by element (ARMv8.2)
};
// clang-format on

VMD_SIMD_CASE_SUITE(SimdMiscCase, kCases);
VMD_SIMD_UNALLOCATED_SUITE(SimdMiscUnallocated, kUnallocated);

// ---- worked out by hand from the ARM ARM pseudocode -------------------------------

TEST_F(SimdMiscTest, SqabsSaturatesMostNegativeByteAndZeroesUpperHalf) {
  // SignedSatQ(Abs(-128), 8) = 127 with QC; Abs(-1) = 1; Abs(127) = 127.
  SetQ(0, {~0ull, ~0ull});
  SetQ(1, {0x000000007fff8005, 0x8080808080808080});
  SetReg(HV_REG_FPSR, 0);
  RunOne(0x0e207820);  // sqabs v0.8b, v1.8b
  ExpectQ(0, {0x000000007f017f05, 0});
  EXPECT_EQ(Reg(HV_REG_FPSR), kQc);
}

TEST_F(SimdMiscTest, QcStaysSetAndNoSaturationLeavesFlagsAlone) {
  SetQ(1, {0x0000000000000105, 0});
  SetReg(HV_REG_FPSR, kQc | kIxc);
  RunOne(0x4e207820);  // sqabs v0.16b, v1.16b
  ExpectQ(0, {0x0105, 0});
  EXPECT_EQ(Reg(HV_REG_FPSR), kQc | kIxc);
}

TEST_F(SimdMiscTest, Sqxtn2WritesUpperHalfKeepsLowerAndSaturates) {
  // Each 32-bit lane to 16 bits: 0x00012345 -> 0x7fff (QC), -2 -> 0xfffe,
  // 0x1234 -> 0x1234, 0xffff0000 (-65536) -> 0x8000 (QC).
  SetQ(0, {0x0123456789abcdef, 0xffffffffffffffff});
  SetQ(1, {0xfffffffe00012345, 0xffff000000001234});
  SetReg(HV_REG_FPSR, 0);
  RunOne(0x4e614820);  // sqxtn2 v0.8h, v1.4s
  ExpectQ(0, {0x0123456789abcdef, 0x80001234fffe7fff});
  EXPECT_EQ(Reg(HV_REG_FPSR), kQc);
}

TEST_F(SimdMiscTest, FcvtxnRoundsToOdd) {
  // 1 + 2^-26 is not a single: round to odd truncates to 1.0 and sets the
  // lowest fraction bit (0x3f800001), inexact. 2.0 is exact: 0x40000000.
  SetQ(0, {~0ull, ~0ull});
  SetQ(1, {0x3ff0000004000000, 0x4000000000000000});
  SetReg(HV_REG_FPSR, 0);
  RunOne(0x2e616820);  // fcvtxn v0.2s, v1.2d
  ExpectQ(0, {0x400000003f800001, 0});
  EXPECT_EQ(Reg(HV_REG_FPSR), kIxc);
}

TEST_F(SimdMiscTest, FminvFollowsTheReduceTree) {
  // Reduce() computes FMIN(FMIN(e0, e1), FMIN(e2, e3)). e1 is a quiet NaN
  // and e2 a signaling NaN: the first pair gives e1, the second the quieted
  // e2 with IOC; the last FMIN sees two quiet NaNs and returns its first
  // operand, e1 (0x7fc01234), not the quieted e2.
  SetQ(1, {0x7fc0123400000000, 0x3f8000007f800001});
  SetReg(HV_REG_FPSR, 0);
  RunOne(0x6eb0f820);  // fminv s0, v1.4s
  ExpectQ(0, {0x7fc01234, 0});
  EXPECT_EQ(Reg(HV_REG_FPSR), kIoc);
}

TEST_F(SimdMiscTest, HalfIndexedElementUsesV0ToV15AndMAsIndexBit) {
  // size=01: Rm is 4 bits and M is the low index bit: v15.h[7], not v31.h[3].
  SetQ(1, {0x0004000300020001, 0x0008000700060005});
  SetQ(15, {0, 0x0003000000000000});  // h[7] = 3
  SetQ(31, {0x0005000500050005, 0x0005000500050005});
  RunOne(0x4f7f8820);  // mul v0.8h, v1.8h, v15.h[7]
  ExpectQ(0, {0x000c000900060003, 0x001800150012000f});
}

TEST_F(SimdMiscTest, SqdmlalSaturatesProductThenSum) {
  // SQDMLAL s0, h1, v2.h[0]: 2 * -32768 * -32768 = 2^31 saturates to
  // 0x7fffffff (QC); adding 5 saturates again: 0x7fffffff.
  SetQ(0, {5, 0x99});
  SetQ(1, {0x8000, 0});
  SetQ(2, {0x8000, 0});
  SetReg(HV_REG_FPSR, 0);
  RunOne(0x5f423020);  // sqdmlal s0, h1, v2.h[0]
  ExpectQ(0, {0x7fffffff, 0});
  EXPECT_EQ(Reg(HV_REG_FPSR), kQc);
}

TEST_F(SimdMiscTest, FrecpeOfZeroIsInfinityWithDivideByZero) {
  SetQ(1, {0x80000000, 0});
  SetReg(HV_REG_FPSR, 0);
  RunOne(0x5ea1d820);  // frecpe s0, s1
  ExpectQ(0, {0xff800000, 0});
  EXPECT_EQ(Reg(HV_REG_FPSR), kDzc);
}

TEST_F(SimdMiscTest, DestinationMayAliasSource) {
  SetQ(1, {0x0706050403020100, 0x0f0e0d0c0b0a0908});
  RunOne(0x4e200821);  // rev64 v1.16b, v1.16b
  ExpectQ(1, {0x0001020304050607, 0x08090a0b0c0d0e0f});
}

TEST_F(SimdMiscTest, TrapsWhenFpDisabled) {
  SetSys(HV_SYS_REG_CPACR_EL1, 0);
  SetQ(0, {0x1111, 0x2222});
  Exec({0x4ee0b820});  // abs v0.2d, v1.2d
  EXPECT_EQ(X(1) >> 26, 0x07u);
  EXPECT_EQ(X(2), kRamBase);
  ExpectQ(0, {0x1111, 0x2222});
}

// Random words on every line (free bits random, random register contents and
// FPCR) either run to the next instruction or, when the decoder calls them
// unallocated, take UNDEFINED: never anything else, never a host crash.
TEST_F(SimdMiscTest, RandomWordsOnEveryLineRunOrAreUndefined) {
  std::mt19937_64 rng(20261126);
  for (int r = 0; r < 32; ++r) SetQ(r, {rng(), rng()});
  uint64_t slot = kRamBase + 0x1000;
  int ran = 0, undefined = 0;
  for (const DecodeLine& line : SimdMiscTable()) {
    for (int k = 0; k < 12; ++k) {
      const uint32_t word = line.value | (static_cast<uint32_t>(rng()) & ~line.mask);
      const bool allocated = std::string(DecodeName(word)) != "undefined";
      ASSERT_LT(slot + 8, kRamBase + kRamSize);
      Load({word, kHvc0}, slot);
      SetReg(HV_REG_PC, slot);
      SetReg(HV_REG_CPSR, 0x3c5);
      SetReg(HV_REG_FPCR, rng() & 0x07c00000);
      RunToHvc();
      if (allocated) {
        EXPECT_EQ(Reg(HV_REG_PC), slot + 8) << line.name << " 0x" << std::hex << word;
        ++ran;
      } else {
        EXPECT_EQ(Reg(HV_REG_PC), kVectors + 0x200 + 12) << line.name << " 0x" << std::hex << word;
        EXPECT_EQ(X(1), 1ull << 25);
        ++undefined;
      }
      slot += 8;
    }
  }
  EXPECT_GT(ran, 2000);
  EXPECT_GT(undefined, 50);  // Q=0 double forms, L=1 double elements...
}

TEST(SimdMiscTable, EveryLineIsWellFormedAndDecodesToItself) {
  int lines = 0;
  for (const DecodeLine& line : SimdMiscTable()) {
    ++lines;
    EXPECT_EQ(line.value & ~line.mask, 0u) << line.name;
    EXPECT_NE(line.fn, nullptr) << line.name;
    // Vector lines leave Q free; Q=1 is valid for all of them.
    const uint32_t word = line.value | (~line.mask & (1u << 30));
    Insn insn{};
    Decode(word, insn);
    EXPECT_EQ(insn.fn, line.fn) << line.name << " 0x" << std::hex << word;
  }
  EXPECT_GT(lines, 250);
}

}  // namespace
}  // namespace vmd::hvsoft::testing
