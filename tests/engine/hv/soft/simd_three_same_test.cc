// AdvSIMD three same (integer arithmetic, saturating, halving, compares,
// shifts by register, min/max, pairwise, absolute difference, logical and FP
// arithmetic, compares and steps), vector and scalar: one table case each.
// Encodings from aarch64-linux-gnu-as, expected values from qemu-aarch64
// (cortex-a53, ARMv8.0): simd_three_ref/gen.py prints one table, split here by group.
#include "tests/engine/hv/soft/simd_case_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

// clang-format off
constexpr SimdCase kSameCases[] = {
    {"AddVector16B", 0x4e228420,  // add v0.16b, v1.16b, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x8080008080000080, 0xe000cd3498663411}, 0x0},
    {"AddScalarD", 0x5ee28420,  // add d0, d1, d2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x8081008081010080, 0x0000000000000000}, 0x0},
    {"SubVector8H", 0x6e628420,  // sub v0.8h, v1.8h, v2.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000fb8280fe007e, 0x00bcab0058463313}, 0x0},
    {"SubScalarD", 0x7ee28420,  // sub d0, d1, d2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000fb8180fe007e, 0x0000000000000000}, 0x0},
    {"MulVector8H", 0x4e629c20,  // mul v0.8h, v1.8h, v2.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x1000047f80ff007f, 0x1d7caea44560ddee}, 0x0},
    {"MulVector2S", 0x0ea29c20,  // mul v0.2s, v1.2s, v2.2s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x227a047fc1be007f, 0x0000000000000000}, 0x0},
    {"MlaVector4S", 0x4ea29420,  // mla v0.4s, v1.4s, v2.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0127c36e8cbcbb3d, 0x1e1af40be8a9abdd}, 0x0},
    {"MlsVector8B", 0x2e229420,  // mls v0.8b, v1.8b, v2.8b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xdeadc270caffba3f, 0x0000000000000000}, 0x0},
    {"PmulVector16B", 0x6e229c20,  // pmul v0.16b, v1.16b, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000fc7f00ff007f, 0x007c7c440060000e}, 0x0},
    {"ShaddVector16B", 0x4e220420,  // shadd v0.16b, v1.16b, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xc0400040c0008040, 0xf000e69a4c331a08}, 0x0},
    {"UhaddVector8H", 0x6e620420,  // uhadd v0.8h, v1.8h, v2.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xc040804040808040, 0xf080671a4c331a88}, 0x0},
    {"SrhaddVector4S", 0x4ea21420,  // srhadd v0.4s, v1.4s, v2.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xc0408040c0808040, 0xf080671a4c331a89}, 0x0},
    {"UrhaddVector16B", 0x6e221420,  // urhadd v0.16b, v1.16b, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xc040804040808040, 0xf080679a4c331a89}, 0x0},
    {"ShsubVector8B", 0x0e222420,  // shsub v0.8b, v1.8b, v2.8b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000fec140ff003f, 0x0000000000000000}, 0x0},
    {"UhsubVector4H", 0x2e622420,  // uhsub v0.4h, v1.4h, v2.4h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x00007dc1c07f003f, 0x0000000000000000}, 0x0},
    {"SqaddVector16BSaturates", 0x4e220c20,  // sqadd v0.16b, v1.16b, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x807f007f8000807f, 0xe000cd807f663411}, 0x8000000},
    {"SqaddVector8HNoSaturation", 0x4e620c20,  // sqadd v0.8h, v1.8h, v2.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0004000300020001, 0x0008000700060005}, {0x00008010fff07ff0, 0x0004000300020001}, 0x0,
     {0x00048013fff27ff1, 0x000c000a00080006}, 0x0},
    {"UqaddVector8H", 0x6e620c20,  // uqadd v0.8h, v1.8h, v2.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xffffffff8100ffff, 0xffffce3498663511}, 0x8000000},
    {"SqaddVector2D", 0x4ee20c20,  // sqadd v0.2d, v1.2d, v2.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000000000000, 0x7ffffffffffffff0}, {0xffffffffffffffff, 0x0000000000000020}, 0x0,
     {0x8000000000000000, 0x7fffffffffffffff}, 0x8000000},
    {"SqaddScalarB", 0x5e220c20,  // sqadd b0, b1, b2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x000000000000007f, 0x0000000000000000}, 0x8000000},
    {"UqaddScalarD", 0x7ee20c20,  // uqadd d0, d1, d2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xfffffffffffffff0, 0x0000000000000000}, {0x0000000000000010, 0x0000000000000000}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x8000000},
    {"SqsubVector4S", 0x4ea22c20,  // sqsub v0.4s, v1.4s, v2.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x7fffffff80000000, 0xffffffff40000000}, {0x7fffffff80000000, 0x8000000000000003}, 0x0,
     {0x0000000000000000, 0x7fffffff3ffffffd}, 0x0},
    {"UqsubVector16B", 0x6e222c20,  // uqsub v0.16b, v1.16b, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000fc0000fe007e, 0x00bcab0058463400}, 0x8000000},
    {"SqsubScalarH", 0x5e622c20,  // sqsub h0, h1, h2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000008000, 0x0000000000000000}, {0x0000000000000001, 0x0000000000000000}, 0x0,
     {0x0000000000008000, 0x0000000000000000}, 0x8000000},
    {"UqsubScalarS", 0x7ea22c20,  // uqsub s0, s1, s2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000000005, 0x0000000000000000}, {0x0000000000000007, 0x0000000000000000}, 0x0,
     {0x0000000000000000, 0x0000000000000000}, 0x8000000},
    {"CmgtVector16B", 0x4e223420,  // cmgt v0.16b, v1.16b, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x00000000ff0000ff, 0x00000000ffffffff}, 0x0},
    {"CmhiVector8H", 0x6e623420,  // cmhi v0.8h, v1.8h, v2.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000ffff0000ffff, 0xffffffffffffffff}, 0x0},
    {"CmgeVector4S", 0x4ea23c20,  // cmge v0.4s, v1.4s, v2.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0x0001fe0080ff007f, 0x0000000078563412}, 0x0,
     {0x00000000ffffffff, 0x00000000ffffffff}, 0x0},
    {"CmhsVector2D", 0x6ee23c20,  // cmhs v0.2d, v1.2d, v2.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0x0000000000ffffff, 0xf0debc9a78563412}, 0x0,
     {0xffffffffffffffff, 0xffffffffffffffff}, 0x0},
    {"CmeqVector16B", 0x6e228c20,  // cmeq v0.16b, v1.16b, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xffff00000000ff00, 0xff0000ff00000000}, 0x0},
    {"CmtstVector8H", 0x4e628c20,  // cmtst v0.8h, v1.8h, v2.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0x0101ffff00000080, 0x000f000000018000}, 0x0,
     {0x0000ffff00000000, 0xffff000000000000}, 0x0},
    {"CmgtScalarD", 0x5ee23420,  // cmgt d0, d1, d2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000000005, 0x0000000000000000}, {0xffffffffffffffff, 0x0000000000000000}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x0},
    {"CmhiScalarD", 0x7ee23420,  // cmhi d0, d1, d2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000000005, 0x0000000000000000}, {0xffffffffffffffff, 0x0000000000000000}, 0x0,
     {0x0000000000000000, 0x0000000000000000}, 0x0},
    {"CmgeScalarD", 0x5ee23c20,  // cmge d0, d1, d2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000000007, 0x0000000000000000}, {0x0000000000000007, 0x0000000000000000}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x0},
    {"CmhsScalarD", 0x7ee23c20,  // cmhs d0, d1, d2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000000006, 0x0000000000000000}, {0x0000000000000007, 0x0000000000000000}, 0x0,
     {0x0000000000000000, 0x0000000000000000}, 0x0},
    {"CmeqScalarD", 0x7ee28c20,  // cmeq d0, d1, d2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000000007, 0x0000000000000000}, {0x0000000000000007, 0x0000000000000000}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x0},
    {"CmtstScalarD", 0x5ee28c20,  // cmtst d0, d1, d2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000000000000, 0x0000000000000000}, {0x8000000000000001, 0x0000000000000000}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x0},
    {"SshlVector16B", 0x4e224420,  // sshl v0.16b, v1.16b, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0x7f80f808f907ff01, 0x06fe02f709fd0300}, 0x0,
     {0x0000ff000080c0fe, 0x00f7f0ff000aa012}, 0x0},
    {"UshlVector8H", 0x6e624420,  // ushl v0.8h, v1.8h, v2.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xfff1000fffff0001, 0x00031280fff00010}, 0x0,
     {0x00018000007f00fe, 0x86f0000000000000}, 0x0},
    {"SqshlVector4S", 0x4ea24c20,  // sqshl v0.4s, v1.4s, v2.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000040000000, 0x12345678ffffffff}, {0xffffffe100000001, 0x0000ff200000001f}, 0x0,
     {0xffffffff7fffffff, 0x7fffffff80000000}, 0x8000000},
    {"UqshlVector16B", 0x6e224c20,  // uqshl v0.16b, v1.16b, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0x7f80f808f907ff01, 0x06fe02f709fd0300}, 0x0,
     {0xff0000ff00ff40fe, 0xff37ff00ff0aff12}, 0x8000000},
    {"SrshlVector8H", 0x4e625420,  // srshl v0.8h, v1.8h, v2.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xfff1000fffff0001, 0x00031280fff00010}, 0x0,
     {0x00008000008000fe, 0x86f0000000000000}, 0x0},
    {"UrshlVector2D", 0x6ee25420,  // urshl v0.2d, v1.2d, v2.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xffffffffffffffff, 0x8000000000000001}, {0xffffffffffffffc1, 0x000000000000003f}, 0x0,
     {0x0000000000000002, 0x8000000000000000}, 0x0},
    {"SqrshlVector16B", 0x4e225c20,  // sqrshl v0.16b, v1.16b, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0x7f80f808f907ff01, 0x06fe02f709fd0300}, 0x0,
     {0x8000007f0080c07f, 0x80f880007f0b7f12}, 0x8000000},
    {"UqrshlVector4S", 0x6ea25c20,  // uqrshl v0.4s, v1.4s, v2.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xffffffff80000000, 0x1234567800000001}, {0xffffffe100000001, 0x0000ff200000001f}, 0x0,
     {0x00000002ffffffff, 0xffffffff80000000}, 0x8000000},
    {"SshlScalarD", 0x5ee24420,  // sshl d0, d1, d2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000000000000, 0x0000000000000000}, {0x00000000000000ff, 0x0000000000000000}, 0x0,
     {0xc000000000000000, 0x0000000000000000}, 0x0},
    {"UshlScalarD", 0x7ee24420,  // ushl d0, d1, d2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000000000000, 0x0000000000000000}, {0x00000000000000c1, 0x0000000000000000}, 0x0,
     {0x0000000000000001, 0x0000000000000000}, 0x0},
    {"SrshlScalarD", 0x5ee25420,  // srshl d0, d1, d2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xffffffffffffffff, 0x0000000000000000}, {0x00000000000000c0, 0x0000000000000000}, 0x0,
     {0x0000000000000000, 0x0000000000000000}, 0x0},
    {"UrshlScalarD", 0x7ee25420,  // urshl d0, d1, d2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xffffffffffffffff, 0x0000000000000000}, {0x00000000000000c0, 0x0000000000000000}, 0x0,
     {0x0000000000000001, 0x0000000000000000}, 0x0},
    {"SqshlScalarB", 0x5e224c20,  // sqshl b0, b1, b2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000000021, 0x0000000000000000}, {0x0000000000000002, 0x0000000000000000}, 0x0,
     {0x000000000000007f, 0x0000000000000000}, 0x8000000},
    {"UqshlScalarH", 0x7e624c20,  // uqshl h0, h1, h2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000000101, 0x0000000000000000}, {0x0000000000000008, 0x0000000000000000}, 0x0,
     {0x000000000000ffff, 0x0000000000000000}, 0x8000000},
    {"SqrshlScalarS", 0x5ea25c20,  // sqrshl s0, s1, s2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x00000000fffffffd, 0x0000000000000000}, {0x00000000000000ff, 0x0000000000000000}, 0x0,
     {0x00000000ffffffff, 0x0000000000000000}, 0x0},
    {"UqrshlScalarD", 0x7ee25c20,  // uqrshl d0, d1, d2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x8000000000000000, 0x0000000000000000}, {0x0000000000000001, 0x0000000000000000}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x8000000},
    {"SmaxVector16B", 0x4e226420,  // smax v0.16b, v1.16b, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xc040027f0001807f, 0xf022119a78563412}, 0x0},
    {"UmaxVector8H", 0x6e626420,  // umax v0.8h, v1.8h, v2.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xc040fe018001807f, 0xf0debc9a78563412}, 0x0},
    {"SminVector4S", 0x4ea26c20,  // smin v0.4s, v1.4s, v2.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xc040027f80018001, 0xf022119a201000ff}, 0x0},
    {"UminVector8B", 0x2e226c20,  // umin v0.8b, v1.8b, v2.8b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xc040020100018001, 0x0000000000000000}, 0x0},
    {"SmaxpVector16B", 0x4e22a420,  // smaxp v0.16b, v1.16b, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xf0bc78344001007f, 0x22112000407f0101}, 0x0},
    {"UmaxpVector4H", 0x2e62a420,  // umaxp v0.4h, v1.4h, v2.4h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xc0408001fe01807f, 0x0000000000000000}, 0x0},
    {"SminpVector4S", 0x4ea2ac20,  // sminp v0.4s, v1.4s, v2.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xf0debc9ac040fe01, 0xf022119a80018001}, 0x0},
    {"UminpVector8H", 0x6e62ac20,  // uminp v0.8h, v1.8h, v2.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xbc9a3412c04000ff, 0x119a00ff027f8001}, 0x0},
    {"AddpVector16B", 0x4e22bc20,  // addp v0.16b, v1.16b, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xce56ce4600ffffff, 0x12ab30ff00818181}, 0x0},
    {"AddpVector2D", 0x4ee2bc20,  // addp v0.2d, v1.2d, v2.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xb11fba9b7955b491, 0xb0621419a0118100}, 0x0},
    {"SabdVector16B", 0x4e227420,  // sabd v0.16b, v1.16b, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000047e8002007e, 0x0044550058463413}, 0x0},
    {"UabdVector4S", 0x6ea27420,  // uabd v0.4s, v1.4s, v2.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000fb827f01ff82, 0x00bcab0058463313}, 0x0},
    {"SabaVector8H", 0x4e627c20,  // saba v0.8h, v1.8h, v2.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xdeadc36d4bfcbb3c, 0x01df9a67e1f10102}, 0x0},
    {"UabaVector8B", 0x2e227c20,  // uaba v0.8b, v1.8b, v2.8b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xdeadba6d4afcba3c, 0x0000000000000000}, 0x0},
    {"SqdmulhVector8H", 0x4e62b420,  // sqdmulh v0.8h, v1.8h, v2.8h
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x000180007fff8000, 0x123480004000ffff}, {0x80007fff7fff8000, 0x876500024000ffff}, 0x0,
     {0xffff80017ffe7fff, 0xeed9fffe20000000}, 0x8000000},
    {"SqrdmulhVector4S", 0x6ea2b420,  // sqrdmulh v0.4s, v1.4s, v2.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x7fffffff80000000, 0xffffffff40000000}, {0x7fffffff80000000, 0x8000000000000003}, 0x0,
     {0x7ffffffe7fffffff, 0x0000000100000002}, 0x8000000},
    {"SqdmulhScalarS", 0x5ea2b420,  // sqdmulh s0, s1, s2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000040000000, 0x0000000000000000}, {0x0000000000000003, 0x0000000000000000}, 0x0,
     {0x0000000000000001, 0x0000000000000000}, 0x0},
    {"SqrdmulhScalarH", 0x7e62b420,  // sqrdmulh h0, h1, h2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x0000000000008000, 0x0000000000000000}, {0x0000000000008000, 0x0000000000000000}, 0x0,
     {0x0000000000007fff, 0x0000000000000000}, 0x8000000},
    {"AndVector16B", 0x4e221c20,  // and v0.16b, v1.16b, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xc040020100018001, 0xf002109a20100012}, 0x0},
    {"BicVector8B", 0x0e621c20,  // bic v0.8b, v1.8b, v2.8b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000fc0000fe007e, 0x0000000000000000}, 0x0},
    {"OrrVector16B", 0x4ea21c20,  // orr v0.16b, v1.16b, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xc040fe7f80ff807f, 0xf0febd9a785634ff}, 0x0},
    {"OrnVector16B", 0x4ee21c20,  // orn v0.16b, v1.16b, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xffffff817fffffff, 0xffdffeffffffff12}, 0x0},
    {"EorVector8B", 0x2e221c20,  // eor v0.8b, v1.8b, v2.8b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0x0000fc7e80fe007e, 0x0000000000000000}, 0x0},
    {"BslVector16B", 0x6e621c20,  // bsl v0.16b, v1.16b, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xc040be1100ff803f, 0xf002149a28120412}, 0x0},
    {"BitVector16B", 0x6ea21c20,  // bit v0.16b, v1.16b, v2.16b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xdeedbe814affbabf, 0xf10354ffa9bbcd12}, 0x0},
    {"BifVector8B", 0x2ee21c20,  // bif v0.8b, v1.8b, v2.8b
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc040fe0100ff807f, 0xf0debc9a78563412}, {0xc040027f80018001, 0xf022119a201000ff}, 0x0,
     {0xc000fe6f80fe807e, 0x0000000000000000}, 0x0},
    {"FaddVector4S", 0x4e22d420,  // fadd v0.4s, v1.4s, v2.4s
     {0x3f80000041200000, 0x3f000000bf800000}, {0xc00000003fc00000, 0x404000007f800000}, {0xc00000003e800000, 0x7fc000003f800000}, 0x0,
     {0xc08000003fe00000, 0x7fc000007f800000}, 0x0},
    {"FaddVector2DOverflows", 0x4e62d420,  // fadd v0.2d, v1.2d, v2.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x7fee42d130773b76, 0x3ff0000000000000}, {0x7fee42d130773b76, 0x3c30000000000000}, 0x0,
     {0x7ff0000000000000, 0x3ff0000000000000}, 0x14},
    {"FsubVector2S", 0x0ea2d420,  // fsub v0.2s, v1.2s, v2.2s
     {0x3f80000041200000, 0x3f000000bf800000}, {0xc00000003fc00000, 0x404000007f800000}, {0xc00000003e800000, 0x7fc000003f800000}, 0x0,
     {0x000000003fa00000, 0x0000000000000000}, 0x0},
    {"FmulVector4S", 0x6e22dc20,  // fmul v0.4s, v1.4s, v2.4s
     {0x3f80000041200000, 0x3f000000bf800000}, {0xc00000003fc00000, 0x404000007f800000}, {0x0000000040400000, 0x3f80000000000000}, 0x0,
     {0x8000000040900000, 0x404000007fc00000}, 0x1},
    {"FmulxVector2D", 0x4e62dc20,  // fmulx v0.2d, v1.2d, v2.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x7ff0000000000000, 0x8000000000000000}, {0x0000000000000000, 0xfff0000000000000}, 0x0,
     {0x4000000000000000, 0x4000000000000000}, 0x0},
    {"FdivVector4S", 0x6e22fc20,  // fdiv v0.4s, v1.4s, v2.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xbf8000003f800000, 0x3f80000000000000}, {0x4040000000000000, 0x4080000000000000}, 0x0,
     {0xbeaaaaab7f800000, 0x3e8000007fc00000}, 0x13},
    {"FmlaVector4S", 0x4e22cc20,  // fmla v0.4s, v1.4s, v2.4s
     {0x3f80000041200000, 0x3f000000bf800000}, {0xc00000003fc00000, 0x404000007f800000}, {0xc00000003e800000, 0x7fc000003f800000}, 0x0,
     {0x40a0000041260000, 0x7fc000007f800000}, 0x0},
    {"FmlsVector2D", 0x4ee2cc20,  // fmls v0.2d, v1.2d, v2.2d
     {0x3ff0000000000000, 0x3ff0000000000000}, {0x4008000000000000, 0x3ff0000000400000}, {0x4000000000000000, 0x3fefffffff800000}, 0x0,
     {0xc014000000000000, 0x3c30000000000000}, 0x0},
    {"FmaxVector4S", 0x4e22f420,  // fmax v0.4s, v1.4s, v2.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x800000003f800000, 0x400000007fc00000}, {0x0000000040000000, 0xc0a000003f800000}, 0x0,
     {0x0000000040000000, 0x400000007fc00000}, 0x0},
    {"FminVector4S", 0x4ea2f420,  // fmin v0.4s, v1.4s, v2.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x800000003f800000, 0x400000007fc00000}, {0x0000000040000000, 0xc0a000003f800000}, 0x0,
     {0x800000003f800000, 0xc0a000007fc00000}, 0x0},
    {"FmaxnmVector4S", 0x4e22c420,  // fmaxnm v0.4s, v1.4s, v2.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x800000003f800000, 0x400000007fc00000}, {0x0000000040000000, 0xc0a000003f800000}, 0x0,
     {0x0000000040000000, 0x400000003f800000}, 0x0},
    {"FminnmVector2D", 0x4ee2c420,  // fminnm v0.2d, v1.2d, v2.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x7ff8000000000000, 0x0000000000000000}, {0xc008000000000000, 0x8000000000000000}, 0x0,
     {0xc008000000000000, 0x8000000000000000}, 0x0},
    {"FaddpVector4S", 0x6e22d420,  // faddp v0.4s, v1.4s, v2.4s
     {0x3f80000041200000, 0x3f000000bf800000}, {0xc00000003fc00000, 0x404000007f800000}, {0x400000003f800000, 0x4080000040400000}, 0x0,
     {0x7f800000bf000000, 0x40e0000040400000}, 0x0},
    {"FmaxpVector4S", 0x6e22f420,  // fmaxp v0.4s, v1.4s, v2.4s
     {0x3f80000041200000, 0x3f000000bf800000}, {0xc00000003fc00000, 0x404000007f800000}, {0x400000003f800000, 0xc0800000c0400000}, 0x0,
     {0x7f8000003fc00000, 0xc040000040000000}, 0x0},
    {"FminpVector2S", 0x2ea2f420,  // fminp v0.2s, v1.2s, v2.2s
     {0x3f80000041200000, 0x3f000000bf800000}, {0xc00000003fc00000, 0x404000007f800000}, {0x400000003f800000, 0xc0800000c0400000}, 0x0,
     {0x3f800000c0000000, 0x0000000000000000}, 0x0},
    {"FmaxnmpVector2D", 0x6e62c420,  // fmaxnmp v0.2d, v1.2d, v2.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x7ff8000000000000, 0x3ff0000000000000}, {0xbff0000000000000, 0xc000000000000000}, 0x0,
     {0x3ff0000000000000, 0xbff0000000000000}, 0x0},
    {"FminnmpVector4S", 0x6ea2c420,  // fminnmp v0.4s, v1.4s, v2.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3f8000007fc00000, 0x4080000040a00000}, {0xc0000000bf800000, 0x8000000000000000}, 0x0,
     {0x408000003f800000, 0x80000000c0000000}, 0x0},
    {"FabdVector4S", 0x6ea2d420,  // fabd v0.4s, v1.4s, v2.4s
     {0x3f80000041200000, 0x3f000000bf800000}, {0xc00000003fc00000, 0x404000007f800000}, {0xc00000003e800000, 0x7fc000003f800000}, 0x0,
     {0x000000003fa00000, 0x7fc000007f800000}, 0x0},
    {"FcmeqVector4S", 0x4e22e420,  // fcmeq v0.4s, v1.4s, v2.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x000000003f800000, 0x400000007fc00000}, {0x800000003f800000, 0x404000007fc00000}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x0},
    {"FcmgeVector4SNaNRaisesInvalid", 0x6e22e420,  // fcmge v0.4s, v1.4s, v2.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x000000003f800000, 0x400000007fc00000}, {0x800000003f800000, 0x404000003f800000}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x1},
    {"FcmgtVector2D", 0x6ee2e420,  // fcmgt v0.2d, v1.2d, v2.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x4000000000000000, 0xbff0000000000000}, {0x3ff0000000000000, 0xbff0000000000000}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x0},
    {"FacgeVector4S", 0x6e22ec20,  // facge v0.4s, v1.4s, v2.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3f800000c0000000, 0x40400000bf000000}, {0xc00000003f800000, 0xc04000003f000000}, 0x0,
     {0x00000000ffffffff, 0xffffffffffffffff}, 0x0},
    {"FacgtVector2S", 0x2ea2ec20,  // facgt v0.2s, v1.2s, v2.2s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3f800000c0000000, 0x40400000bf000000}, {0xc00000003f800000, 0xc04000003f000000}, 0x0,
     {0x00000000ffffffff, 0x0000000000000000}, 0x0},
    {"FrecpsVector4S", 0x4e22fc20,  // frecps v0.4s, v1.4s, v2.4s
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x000000003fc00000, 0x400000007f800000}, {0xff8000003f000000, 0x4040000000000000}, 0x0,
     {0x400000003fa00000, 0xc080000040000000}, 0x0},
    {"FrsqrtsVector2D", 0x4ee2fc20,  // frsqrts v0.2d, v1.2d, v2.2d
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3ff8000000000000, 0x0000000000000000}, {0x3fe0000000000000, 0x7ff0000000000000}, 0x0,
     {0x3ff2000000000000, 0x3ff8000000000000}, 0x0},
    {"FmulxScalarS", 0x5e22dc20,  // fmulx s0, s1, s2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x00000000ff800000, 0x0000000000000000}, {0x0000000000000000, 0x0000000000000000}, 0x0,
     {0x00000000c0000000, 0x0000000000000000}, 0x0},
    {"FcmeqScalarD", 0x5e62e420,  // fcmeq d0, d1, d2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3ff0000000000000, 0x0000000000000000}, {0x3ff0000000000000, 0x0000000000000000}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x0},
    {"FcmgeScalarS", 0x7e22e420,  // fcmge s0, s1, s2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x000000003f800000, 0x0000000000000000}, {0x0000000040000000, 0x0000000000000000}, 0x0,
     {0x0000000000000000, 0x0000000000000000}, 0x0},
    {"FcmgtScalarD", 0x7ee2e420,  // fcmgt d0, d1, d2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x4008000000000000, 0x0000000000000000}, {0x4000000000000000, 0x0000000000000000}, 0x0,
     {0xffffffffffffffff, 0x0000000000000000}, 0x0},
    {"FacgeScalarS", 0x7e22ec20,  // facge s0, s1, s2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x00000000c0000000, 0x0000000000000000}, {0x0000000040000000, 0x0000000000000000}, 0x0,
     {0x00000000ffffffff, 0x0000000000000000}, 0x0},
    {"FacgtScalarD", 0x7ee2ec20,  // facgt d0, d1, d2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0xc000000000000000, 0x0000000000000000}, {0x4000000000000000, 0x0000000000000000}, 0x0,
     {0x0000000000000000, 0x0000000000000000}, 0x0},
    {"FabdScalarD", 0x7ee2d420,  // fabd d0, d1, d2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3ff0000000000000, 0x0000000000000000}, {0x400c000000000000, 0x0000000000000000}, 0x0,
     {0x4004000000000000, 0x0000000000000000}, 0x0},
    {"FrecpsScalarS", 0x5e22fc20,  // frecps s0, s1, s2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x000000003fc00000, 0x0000000000000000}, {0x000000003f000000, 0x0000000000000000}, 0x0,
     {0x000000003fa00000, 0x0000000000000000}, 0x0},
    {"FrsqrtsScalarD", 0x5ee2fc20,  // frsqrts d0, d1, d2
     {0xdeadbeefcafebabe, 0x0123456789abcdef}, {0x3ff8000000000000, 0x0000000000000000}, {0x3fe0000000000000, 0x0000000000000000}, 0x0,
     {0x3ff2000000000000, 0x0000000000000000}, 0x0},
    {"FaddVector4SRoundsTowardZero", 0x4e22d420,  // fadd v0.4s, v1.4s, v2.4s
     {0x3f80000041200000, 0x3f000000bf800000}, {0xbf8000003f800000, 0x3f8000003f800000}, {0xb3c0000033c00000, 0x4040000030800000}, 0xc00000,
     {0xbf8000003f800000, 0x408000003f800000}, 0x10},
    {"FmulVector2SDefaultNaN", 0x2e22dc20,  // fmul v0.2s, v1.2s, v2.2s
     {0x3f80000041200000, 0x3f000000bf800000}, {0x3f8000007fc00000, 0x0000000000000000}, {0x7fc000003f800000, 0x0000000000000000}, 0x2000000,
     {0x7fc000007fc00000, 0x0000000000000000}, 0x0},
};
// clang-format on

VMD_SIMD_CASE_SUITE(SimdThreeCase, kSameCases);

}  // namespace
}  // namespace vmd::hvsoft::testing
