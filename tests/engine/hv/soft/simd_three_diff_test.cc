// AdvSIMD three different (long, wide and narrowing-high add/sub, absolute
// difference, multiplies, PMULL) and shift by immediate (shifts, inserts,
// narrowing, fixed-point conversions), vector and scalar: one case each.
// Encodings from aarch64-linux-gnu-as, expected values from qemu-aarch64
// (cortex-a53, ARMv8.0): simd_three_ref/gen.py prints one table, split here by group.
#include "tests/engine/hv/soft/simd_case_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

// clang-format off
constexpr SimdCase kDiffShiftCases[] = {
    {"SaddlVector8H", 0x0e220020,  // saddl v0.8h, v1.8b, v2.8b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xff800000ff000080, 0xff80008000000080}, 0x0},
    {"Saddl2Vector8H", 0x4e220020,  // saddl2 v0.8h, v1.16b, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0098006600340011, 0xffe00000ffcdff34}, 0x0},
    {"UaddlVector4S", 0x2e620020,  // uaddl v0.4s, v1.4h, v2.4h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000810000010080, 0x0001808000010080}, 0x0},
    {"Uaddl2Vector2D", 0x6ea20020,  // uaddl2 v0.2d, v1.4s, v2.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000000098663511, 0x00000001e100ce34}, 0x0},
    {"SaddwVector4S", 0x0e621020,  // saddw v0.4s, v1.4s, v2.4h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xc0407e0200ff0080, 0xf0de7cda78563691}, 0x0},
    {"Uaddw2Vector8H", 0x6e221020,  // uaddw2 v0.8h, v1.8h, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xc060fe1100ff817e, 0xf1cebcbc786734ac}, 0x0},
    {"SsublVector2D", 0x0ea22020,  // ssubl v0.2d, v1.2s, v2.2s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000000080fe007e, 0x000000000000fb82}, 0x0},
    {"Usubl2Vector8H", 0x6e222020,  // usubl2 v0.8h, v1.16b, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x005800460034ff13, 0x000000bc00ab0000}, 0x0},
    {"Ssubw2Vector4S", 0x4e623020,  // ssubw2 v0.4s, v1.4s, v2.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xc040ddf100ff7f80, 0xf0decc7878562278}, 0x0},
    {"UsubwVector2D", 0x2ea23020,  // usubw v0.2d, v1.2d, v2.2s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xc040fe0080fe007e, 0xf0debc99b8163193}, 0x0},
    {"AddhnVector8B", 0x0e224020,  // addhn v0.8b, v1.8h, v2.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xe1ce983580008100, 0x0000000000000000}, 0x0},
    {"Addhn2Vector16B", 0x4e224020,  // addhn2 v0.16b, v1.8h, v2.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xdeadbeefcafebabe, 0xe1ce983580008100}, 0x0},
    {"RaddhnVector4H", 0x2e624020,  // raddhn v0.4h, v1.4s, v2.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xe101986680818101, 0x0000000000000000}, 0x0},
    {"Subhn2Vector4S", 0x4ea26020,  // subhn2 v0.4s, v1.2d, v2.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xdeadbeefcafebabe, 0x00bcab000000fb81}, 0x0},
    {"RsubhnVector8B", 0x2e226020,  // rsubhn v0.8b, v1.8h, v2.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x01ab583300fc8100, 0x0000000000000000}, 0x0},
    {"SabalVector8H", 0x0e225020,  // sabal v0.8h, v1.8b, v2.8b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xdf2dbef1cafebb3c, 0x0123456789afce6d}, 0x0},
    {"Uabal2Vector4S", 0x6e625020,  // uabal2 v0.4s, v1.8h, v2.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xdeae1735cafeedd1, 0x0123462389ac78ef}, 0x0},
    {"SabdlVector2D", 0x0ea27020,  // sabdl v0.2d, v1.2s, v2.2s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000000080fe007e, 0x000000000000fb82}, 0x0},
    {"Uabdl2Vector8H", 0x6e227020,  // uabdl2 v0.8h, v1.16b, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x00580046003400ed, 0x000000bc00ab0000}, 0x0},
    {"SmlalVector4S", 0x0e628020,  // smlal v0.4s, v1.4h, v2.4h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xde2e3fee0abebb3d, 0x1103556789a6d26e}, 0x0},
    {"Umlal2Vector2D", 0x6ea28020,  // umlal2 v0.2d, v1.4s, v2.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xedc00b4d29fc98ac, 0xe314245ca6a37c93}, 0x0},
    {"SmlslVector8H", 0x0e22a020,  // smlsl v0.8h, v1.8b, v2.8b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xdeadbef08afeba3f, 0xf123356789afcd70}, 0x0},
    {"UmlslVector4S", 0x2e62a020,  // umlsl v0.4s, v1.4h, v2.4h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xde2e3df08abeba3f, 0x70c335678731c970}, 0x0},
    {"SmullVector4S", 0x0e62c020,  // smull v0.4s, v1.4h, v2.4h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xff8080ff3fc0007f, 0x0fe01000fffb047f}, 0x0},
    {"Umull2Vector2D", 0x6ea2c020,  // umull2 v0.2d, v1.4s, v2.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0f124c5d5efdddee, 0xe1f0def51cf7aea4}, 0x0},
    {"SqdmlalVector4S", 0x0e629020,  // sqdmlal v0.4s, v1.4h, v2.4h
     {0x800000007fffffff, 0xffffffff00000010}, {0x000180007fff8000, 0x123480004000ffff}, {0x80007fff7fff8000, 0x876500024000ffff}, 0x0,
     {0xfffe00027fffffff, 0xfffeffff80010010}, 0x8000000},
    {"Sqdmlsl2Vector2D", 0x4ea2b020,  // sqdmlsl2 v0.2d, v1.4s, v2.4s
     {0x8000000000000000, 0x0000000000000005}, {0x7fffffff80000000, 0xffffffff40000000}, {0x7fffffff80000000, 0x8000000000000003}, 0x0,
     {0x8000000000000000, 0xffffffff00000005}, 0x8000000},
    {"SqdmullVector4S", 0x0e62d020,  // sqdmull v0.4s, v1.4h, v2.4h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x000180007fff8000, 0x123480004000ffff}, {0x80007fff7fff8000, 0x876500024000ffff}, 0x0,
     {0x7ffe00027fffffff, 0xffff000080010000}, 0x8000000},
    {"Sqdmull2Vector4S", 0x4e62d020,  // sqdmull2 v0.4s, v1.8h, v2.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x000180007fff8000, 0x123480004000ffff}, {0x80007fff7fff8000, 0x876500024000ffff}, 0x0,
     {0x2000000000000002, 0xeed93508fffe0000}, 0x0},
    {"SqdmlalScalarS", 0x5e629020,  // sqdmlal s0, h1, h2
     {0x0000000000000000, 0x0000000000000000}, {0x0000000000008000, 0x0000000000000000}, {0x0000000000008000, 0x0000000000000000}, 0x0,
     {0x000000007fffffff, 0x0000000000000000}, 0x8000000},
    {"SqdmlslScalarD", 0x5ea2b020,  // sqdmlsl d0, s1, s2
     {0x8000000000000000, 0x0000000000000000}, {0x0000000040000000, 0x0000000000000000}, {0x0000000040000000, 0x0000000000000000}, 0x0,
     {0x8000000000000000, 0x0000000000000000}, 0x8000000},
    {"SqdmullScalarS", 0x5e62d020,  // sqdmull s0, h1, h2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000008000, 0x0000000000000000}, {0x0000000000007fff, 0x0000000000000000}, 0x0,
     {0x0000000080010000, 0x0000000000000000}, 0x0},
    {"PmullVector8H", 0x0e22e020,  // pmull v0.8h, v1.8b, v2.8b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x000000ff4000007f, 0x5000100001fc007f}, 0x0},
    {"Pmull2Vector8H", 0x4e22e020,  // pmull2 v0.8h, v1.16b, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0f00056000000e0e, 0x55001a7c0b7c4144}, 0x0},
    {"SshrVector16B", 0x4f0d0420,  // sshr v0.16b, v1.16b, #3
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xf808ff0000fff00f, 0xfefbf7f30f0a0602}, 0x0},
    {"UshrVector8H", 0x6f100420,  // ushr v0.8h, v1.8h, #16
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000000000000000, 0x0000000000000000}, 0x0},
    {"SshrVector2DBy64", 0x4f400420,  // sshr v0.2d, v1.2d, #64
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xffffffffffffffff, 0xffffffffffffffff}, 0x0},
    {"SsraVector4S", 0x4f3b1420,  // ssra v0.4s, v1.4s, #5
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xdcafc6dfcb06b6c1, 0x00aa3b4b8d6e7f8f}, 0x0},
    {"UsraVector8B", 0x2f0f1420,  // usra v0.8b, v1.8b, #1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x3ecd3defca7dfafd, 0x0000000000000000}, 0x0},
    {"SrshrVector8H", 0x4f1c2420,  // srshr v0.8h, v1.8h, #4
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xfc04ffe00010f808, 0xff0efbca07850341}, 0x0},
    {"UrshrVector2D", 0x6f7f2420,  // urshr v0.2d, v1.2d, #1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xffffffffffffffff, 0x0000000000000002}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x8000000000000000, 0x0000000000000001}, 0x0},
    {"SrsraVector16B", 0x4f083420,  // srsra v0.16b, v1.16b, #8
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, 0x0},
    {"UrsraVector4S", 0x6f203420,  // ursra v0.4s, v1.4s, #32
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xdeadbef0cafebabe, 0x0123456889abcdef}, 0x0},
    {"SriVector16B", 0x6f0d4420,  // sri v0.16b, v1.16b, #3
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xd8a8bfe0c0ffb0af, 0x1e3b57738faac6e2}, 0x0},
    {"SriVector2DBy64KeepsDestination", 0x6f404420,  // sri v0.2d, v1.2d, #64
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, 0x0},
    {"ShlVector8H", 0x4f1f5420,  // shl v0.8h, v1.8h, #15
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000800080008000, 0x0000000000000000}, 0x0},
    {"ShlVector2S", 0x0f245420,  // shl v0.2s, v1.2s, #4
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x040fe0100ff807f0, 0x0000000000000000}, 0x0},
    {"SliVector4S", 0x6f275420,  // sli v0.4s, v1.4s, #7
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x207f00ef7fc03fbe, 0x6f5e4d672b1a096f}, 0x0},
    {"SqshluVector16B", 0x6f0a6420,  // sqshlu v0.16b, v1.16b, #2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x00ff0004000000ff, 0x00000000ffffd048}, 0x8000000},
    {"SqshlVector8H", 0x4f147420,  // sqshl v0.8h, v1.8h, #4
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x8000e0100ff08000, 0x800080007fff7fff}, 0x8000000},
    {"UqshlVector4S", 0x6f3f7420,  // uqshl v0.4s, v1.4s, #31
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000200000001, 0x8000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xffffffff80000000, 0xffffffff00000000}, 0x8000000},
    {"SqshlVector2D", 0x4f407420,  // sqshl v0.2d, v1.2d, #0
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000000000000, 0x7ffffffffffffff0}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x8000000000000000, 0x7ffffffffffffff0}, 0x0},
    {"ShrnVector8B", 0x0f0d8420,  // shrn v0.8b, v1.8h, #3
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x1b930a8208c01f0f, 0x0000000000000000}, 0x0},
    {"Shrn2Vector16B", 0x4f088420,  // shrn2 v0.16b, v1.8h, #8
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xdeadbeefcafebabe, 0xf0bc7834c0fe0080}, 0x0},
    {"RshrnVector4H", 0x0f108c20,  // rshrn v0.4h, v1.4s, #16
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xf0df7856c0410100, 0x0000000000000000}, 0x0},
    {"SqshrnVector2S", 0x0f389420,  // sqshrn v0.2s, v1.2d, #8
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000000000000, 0x7ffffffffffffff0}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x7fffffff80000000, 0x0000000000000000}, 0x8000000},
    {"Uqshrn2Vector8H", 0x6f1c9420,  // uqshrn2 v0.8h, v1.4s, #4
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xdeadbeefcafebabe, 0xffffffffffffffff}, 0x8000000},
    {"SqrshrnVector8B", 0x0f0e9c20,  // sqrshrn v0.8b, v1.8h, #2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x80807f7f80804080, 0x0000000000000000}, 0x8000000},
    {"UqrshrnVector4H", 0x2f1f9c20,  // uqrshrn v0.4h, v1.4s, #1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x8000000},
    {"SqshrunVector8B", 0x2f0f8420,  // sqshrun v0.8b, v1.8h, #1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000ffff00007f00, 0x0000000000000000}, 0x8000000},
    {"Sqrshrun2Vector4S", 0x6f218c20,  // sqrshrun2 v0.4s, v1.2d, #31
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000000000000, 0x7ffffffffffffff0}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xdeadbeefcafebabe, 0xffffffff00000000}, 0x8000000},
    {"SshllVector8H", 0x0f0ba420,  // sshll v0.8h, v1.8b, #3
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000fff8fc0003f8, 0xfe000200fff00008}, 0x0},
    {"Ushll2Vector4S", 0x6f1fa420,  // ushll2 v0.4s, v1.8h, #15
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x3c2b00001a090000, 0x786f00005e4d0000}, 0x0},
    {"SxtlVector2D", 0x0f20a420,  // sxtl v0.2d, v1.2s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000000000ff807f, 0xffffffffc040fe01}, 0x0},
    {"Uxtl2Vector8H", 0x6f08a420,  // uxtl2 v0.8h, v1.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0078005600340012, 0x00f000de00bc009a}, 0x0},
    {"ScvtfVector4S", 0x4f38e420,  // scvtf v0.4s, v1.4s, #8
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xffffff0000000100, 0x000000017fffffff}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xbf8000003f800000, 0x3b8000004b000000}, 0x10},
    {"UcvtfVector2D", 0x6f7fe420,  // ucvtf v0.2d, v1.2d, #1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xffffffffffffffff, 0x0000000000000003}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x43e0000000000000, 0x3ff8000000000000}, 0x10},
    {"FcvtzsVector4S", 0x4f3cfc20,  // fcvtzs v0.4s, v1.4s, #4
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc03000003f800000, 0x7fc0000060ad78ec}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xffffffd400000010, 0x000000007fffffff}, 0x1},
    {"FcvtzuVector2D", 0x6f60fc20,  // fcvtzu v0.2d, v1.2d, #32
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3ff8000000000000, 0xbff0000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000000180000000, 0x0000000000000000}, 0x1},
    {"SshrScalarD", 0x5f410420,  // sshr d0, d1, #63
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000000000000, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x0},
    {"UshrScalarDBy64", 0x7f400420,  // ushr d0, d1, #64
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000000000000, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000000000000000, 0x0000000000000000}, 0x0},
    {"SsraScalarD", 0x5f7f1420,  // ssra d0, d1, #1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xfffffffffffffffe, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xdeadbeefcafebabd, 0x0000000000000000}, 0x0},
    {"UsraScalarD", 0x7f7c1420,  // usra d0, d1, #4
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000000123, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xdeadbeefcafebad0, 0x0000000000000000}, 0x0},
    {"SrshrScalarD", 0x5f7e2420,  // srshr d0, d1, #2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xfffffffffffffffa, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x0},
    {"UrshrScalarDBy64", 0x7f402420,  // urshr d0, d1, #64
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000000000000, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000000000000001, 0x0000000000000000}, 0x0},
    {"SrsraScalarD", 0x5f7d3420,  // srsra d0, d1, #3
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x000000000000001c, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xdeadbeefcafebac2, 0x0000000000000000}, 0x0},
    {"UrsraScalarD", 0x7f7d3420,  // ursra d0, d1, #3
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x000000000000001c, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xdeadbeefcafebac2, 0x0000000000000000}, 0x0},
    {"SriScalarD", 0x7f7f4420,  // sri d0, d1, #1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xffffffffffffffff, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x0},
    {"ShlScalarD", 0x5f435420,  // shl d0, d1, #3
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xf000000000000001, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x8000000000000008, 0x0000000000000000}, 0x0},
    {"SliScalarD", 0x7f7c5420,  // sli d0, d1, #60
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000000005, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x5eadbeefcafebabe, 0x0000000000000000}, 0x0},
    {"SqshluScalarB", 0x7f096420,  // sqshlu b0, b1, #1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000000041, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000000000000082, 0x0000000000000000}, 0x0},
    {"SqshluScalarSNegative", 0x7f216420,  // sqshlu s0, s1, #1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x00000000ffffffff, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000000000000000, 0x0000000000000000}, 0x8000000},
    {"SqshlScalarH", 0x5f117420,  // sqshl h0, h1, #1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x000000000000c000, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000000000008000, 0x0000000000000000}, 0x0},
    {"UqshlScalarS", 0x7f217420,  // uqshl s0, s1, #1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000080000000, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x00000000ffffffff, 0x0000000000000000}, 0x8000000},
    {"SqshlScalarD", 0x5f7e7420,  // sqshl d0, d1, #62
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000000002, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x7fffffffffffffff, 0x0000000000000000}, 0x8000000},
    {"SqshrnScalarB", 0x5f0c9420,  // sqshrn b0, h1, #4
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x000000000000f7ff, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000000000000080, 0x0000000000000000}, 0x8000000},
    {"UqshrnScalarH", 0x7f189420,  // uqshrn h0, s1, #8
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000ffff80, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x000000000000ffff, 0x0000000000000000}, 0x0},
    {"SqrshrnScalarS", 0x5f209c20,  // sqrshrn s0, d1, #32
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x7fffffff80000000, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x000000007fffffff, 0x0000000000000000}, 0x8000000},
    {"UqrshrnScalarB", 0x7f0f9c20,  // uqrshrn b0, h1, #1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x00000000000001ff, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x00000000000000ff, 0x0000000000000000}, 0x8000000},
    {"SqshrunScalarH", 0x7f1f8420,  // sqshrun h0, s1, #1
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x00000000fffffffe, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000000000000000, 0x0000000000000000}, 0x8000000},
    {"SqrshrunScalarB", 0x7f0e8c20,  // sqrshrun b0, h1, #2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x00000000000002fe, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x00000000000000c0, 0x0000000000000000}, 0x0},
    {"ScvtfScalarS", 0x5f3de420,  // scvtf s0, s1, #3
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x00000000fffffff4, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x00000000bfc00000, 0x0000000000000000}, 0x0},
    {"UcvtfScalarD", 0x7f76e420,  // ucvtf d0, d1, #10
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000000000400, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x4340000000000000, 0x0000000000000000}, 0x10},
    {"FcvtzsScalarS", 0x5f3efc20,  // fcvtzs s0, s1, #2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x00000000d01502f9, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000000080000000, 0x0000000000000000}, 0x1},
    {"FcvtzuScalarD", 0x7f7bfc20,  // fcvtzu d0, d1, #5
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x400a666666666666, 0x0000000000000000}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000000000000069, 0x0000000000000000}, 0x10},
};
// clang-format on

VMD_SIMD_CASE_SUITE(SimdThreeCase, kDiffShiftCases);

}  // namespace
}  // namespace vmd::hvsoft::testing
