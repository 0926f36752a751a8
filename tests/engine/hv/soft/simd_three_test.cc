// AdvSIMD three same, three different and shift by immediate (vector and
// scalar) on the soft CPU, through the hv API. Each case runs one
// instruction with V0 (destination, also read by accumulating forms), V1 and
// V2 preset and checks V0 and FPSR (QC and the FP flags) afterwards. V0
// starts non-zero in both halves, so the 64-bit and scalar forms show that
// they zero the rest of the register, and "2" forms that they keep the lower
// half. Encodings come from aarch64-linux-gnu-as, expected values from
// qemu-aarch64 -cpu cortex-a53 (ARMv8.0): simd_three_ref/gen.py generated
// the tables below; several were checked by hand against the ARM ARM
// pseudocode (see the named tests at the end). The sweep test runs one word
// of every U/size/Q/opcode combination of the six encoding groups
// (simd_three_ref/sweep.inc): allocated or UNDEFINED as on qemu, and the
// same V0 and FPSR on pseudo-random inputs.
#include <iterator>
#include <string>

#include "tests/engine/hv/soft/simd_case_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

using SimdThreeTest = SimdCaseTest;

// clang-format off
constexpr SimdCase kCases[] = {
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

constexpr Unallocated kUnallocated[] = {
    {"AddVector1D", 0x0ee28420},  // add v0.2d with Q=0
    {"ShaddSize64", 0x4ee20420},  // shadd v0.16b with size=11
    {"SqdmulhSize8", 0x4e22b420},  // sqdmulh v0.8h with size=00
    {"PmulSize16", 0x6e629c20},  // pmul v0.16b with size=01
    {"FaddDoubleQ0", 0x0e62d420},  // fadd v0.2d with Q=0
    {"FmulxSizeHigh", 0x4ea2dc20},  // fmulx v0.4s with size<1>=1
    {"SaddlSize64", 0x0ee20020},  // saddl v0.8h with size=11
    {"PmullSize16", 0x0e62e020},  // pmull v0.8h with size=01
    {"PmullSize64", 0x0ee2e020},  // pmull v0.1q (crypto, absent)
    {"SqdmullSize8", 0x0e22d020},  // sqdmull v0.4s with size=00
    {"ScalarAddSize8", 0x5e228420},  // add d0 with size=00
    {"ScalarSqdmulhSize64", 0x5ee2b420},  // sqdmulh h0 with size=11
    {"ShrnImmh64", 0x0f408420},  // shrn with immh=1xxx
    {"SshrVector1D", 0x0f7d0420},  // sshr v0.2d with Q=0
    {"ScalarSshrSize32", 0x5f3f0420},  // sshr d0 with immh=0111
    {"ScvtfFixedHalf", 0x4f18e420},  // scvtf with immh=0011 (FP16)
    {"ScalarShrn", 0x5f0d8420},  // U=0 opcode 10000 scalar shift (shrn has no scalar)
    {"ScalarSqdmullSize8", 0x5e22d020},  // sqdmull s0 with size=00
};
// clang-format on

VMD_SIMD_CASE_SUITE(SimdThreeCase, kCases);
VMD_SIMD_UNALLOCATED_SUITE(SimdThreeUnallocated, kUnallocated);

// ---- hand-checked against the ARM ARM pseudocode ---------------------------------

TEST_F(SimdThreeTest, SqaddSaturatesEachByteAndSetsQc) {
  // SignedSatQ(0x7f + 0x01) = 0x7f, (-128) + (-128) -> -128, -1 + 1 = 0.
  SetQ(1, {0x0000000000ff807f, 0});
  SetQ(2, {0x0000000000018001, 0});
  SetReg(HV_REG_FPSR, 0);
  Exec({0x4e220c20});  // sqadd v0.16b, v1.16b, v2.16b
  EXPECT_EQ(Q(0).lo, 0x000000000000807fu);
  EXPECT_EQ(Q(0).hi, 0u);
  EXPECT_EQ(Reg(HV_REG_FPSR), kQc);
}

TEST_F(SimdThreeTest, QcIsStickyAcrossNonSaturatingOps) {
  SetQ(1, {1, 0});
  SetQ(2, {2, 0});
  SetReg(HV_REG_FPSR, kQc | 0x10);
  Exec({0x4e220c20});  // sqadd v0.16b, v1.16b, v2.16b
  EXPECT_EQ(Q(0).lo, 3u);
  EXPECT_EQ(Reg(HV_REG_FPSR), kQc | 0x10);
}

TEST_F(SimdThreeTest, UrshlRoundsNegativeShifts) {
  // URSHL by -1: (0xff + 1) >> 1 = 0x80; by -8: (0xff + 0x80) >> 8 = 1;
  // by -9 (beyond the element): 0.
  SetQ(1, {0x0000000000ffffff, 0});
  SetQ(2, {0x0000000000f7f8ff, 0});
  Exec({0x6e225420});  // urshl v0.16b, v1.16b, v2.16b
  EXPECT_EQ(Q(0).lo, 0x0000000000000180u);
}

TEST_F(SimdThreeTest, SqrdmulhRoundsAndSaturates) {
  // (2 * 0x4000 * 0x4000 + 0x8000) >> 16 = 0x2000; -1 * -1: (2 + 0x8000) >> 16 = 0;
  // 0x8000 * 0x8000: 2^31 >> 16 = 0x8000 does not fit: 0x7fff and QC.
  SetQ(1, {0x00008000ffff4000, 0});
  SetQ(2, {0x00008000ffff4000, 0});
  SetReg(HV_REG_FPSR, 0);
  Exec({0x6e62b420});  // sqrdmulh v0.8h, v1.8h, v2.8h
  EXPECT_EQ(Q(0).lo, 0x00007fff00002000u);
  EXPECT_EQ(Reg(HV_REG_FPSR), kQc);
}

TEST_F(SimdThreeTest, Addhn2WritesUpperHalfAndKeepsLower) {
  // (0x1234 + 0x0100) >> 8 = 0x13 in every byte lane of the upper half.
  SetQ(0, {0x0123456789abcdef, 0xffffffffffffffff});
  SetQ(1, {0x1234123412341234, 0x1234123412341234});
  SetQ(2, {0x0100010001000100, 0x0100010001000100});
  Exec({0x4e224020});  // addhn2 v0.16b, v1.8h, v2.8h
  EXPECT_EQ(Q(0).lo, 0x0123456789abcdefu);
  EXPECT_EQ(Q(0).hi, 0x1313131313131313u);
}

TEST_F(SimdThreeTest, SshrScalarReplicatesSignAndZeroesUpperBits) {
  SetQ(0, {0x5555, 0x6666});
  SetQ(1, {0x8000000000000000, 0x7fffffffffffffff});
  Exec({0x5f410420});         // sshr d0, d1, #63
  EXPECT_EQ(Q(0).lo, ~0ull);  // the sign bit, replicated
  EXPECT_EQ(Q(0).hi, 0u);
}

TEST_F(SimdThreeTest, DestinationMayAliasSources) {
  SetQ(1, {0x0102030405060708, 0x1112131415161718});
  Exec({0x4e218421});  // add v1.16b, v1.16b, v1.16b
  EXPECT_EQ(Q(1).lo, 0x020406080a0c0e10u);
  EXPECT_EQ(Q(1).hi, 0x222426282a2c2e30u);
}

TEST_F(SimdThreeTest, TrapsWhenFpDisabled) {
  SetSys(HV_SYS_REG_CPACR_EL1, 0);
  Exec({0x4e228420});  // add v0.16b, v1.16b, v2.16b
  EXPECT_EQ(X(1) >> 26, 0x07u);
  EXPECT_EQ(X(2), kRamBase);
}

// ---- the sweep: every U/size/Q/opcode combination of the six groups ----------------

struct SweepRow {
  uint32_t word;
  uint32_t fpcr;
  bool allocated;
  uint64_t lo, hi, fpsr;
};

constexpr SweepRow kSweep[] = {
#include "tests/engine/hv/soft/simd_three_ref/sweep.inc"
};

// The inputs of sweep row k, as gen.py's inputs(k): splitmix64 picks random
// bits, shift-count bytes, or special single/double values per 64 bits.
constexpr uint8_t kShiftBytes[] = {0,  1,  2,  7,    8,    9,    15,   16,   17,   31,   32,  33,
                                   63, 64, 65, 0xff, 0xfe, 0xf8, 0xf0, 0xe0, 0xc0, 0x80, 0x7f};
constexpr uint32_t kF32s[] = {
    0,          0x80000000, 0x3f800000, 0xbf800000, 0x7f800000, 0xff800000, 0x7fc00000, 0x7f800001,
    0xffc00123, 1,          0x007fffff, 0x807fffff, 0x7f7fffff, 0x00800000, 0x3fc00000, 0x40400000,
    0x4f000000, 0xcf000000, 0x5f000000, 0x4f800000, 0xdf000000, 0x3f000000, 0x40000000, 0xc0000000};
constexpr uint64_t kF64s[] = {0,
                              1ull << 63,
                              0x3ff0000000000000,
                              0xbff0000000000000,
                              0x7ff0000000000000,
                              0xfff0000000000000,
                              0x7ff8000000000000,
                              0x7ff0000000000001,
                              1,
                              0x000fffffffffffff,
                              0x7fefffffffffffff,
                              0x0010000000000000,
                              0x3ff8000000000000,
                              0x43e0000000000000,
                              0xc3e0000000000000,
                              0x41e0000000000000,
                              0xc1e0000000000000,
                              0x43f0000000000000,
                              0x4000000000000000,
                              0x3fe0000000000000};

struct SplitMix {
  uint64_t s;
  uint64_t Next() {
    s += 0x9e3779b97f4a7c15;
    uint64_t z = s;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
    z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
    return z ^ (z >> 31);
  }
  uint64_t Chunk() {
    const uint64_t sel = Next() % 8;
    if (sel < 3) return Next();
    if (sel == 3) {
      const uint64_t x = Next();
      uint64_t v = 0;
      for (int i = 0; i < 8; ++i) {
        v |= uint64_t{kShiftBytes[((x >> (8 * i)) & 0xff) % std::size(kShiftBytes)]} << (8 * i);
      }
      return v;
    }
    if (sel < 6) {
      const uint64_t x = Next();
      return kF32s[x % std::size(kF32s)] | uint64_t{kF32s[(x >> 16) % std::size(kF32s)]} << 32;
    }
    return kF64s[Next() % std::size(kF64s)];
  }
};

TEST_F(SimdThreeTest, SweepOfEveryEncodingFormMatchesQemu) {
  int allocated = 0;
  for (size_t k = 0; k < std::size(kSweep); ++k) {
    const SweepRow& row = kSweep[k];
    SCOPED_TRACE(::testing::Message()
                 << "word 0x" << std::hex << row.word << " (" << DecodeName(row.word) << ")");
    SplitMix rng{k};
    V128 in[3];
    for (V128& v : in) {
      v.lo = rng.Chunk();
      v.hi = rng.Chunk();
    }
    for (int r = 0; r < 3; ++r) SetQ(r, in[r]);
    SetReg(HV_REG_FPCR, row.fpcr);
    SetReg(HV_REG_FPSR, 0);
    SetReg(HV_REG_CPSR, 0x3c5);
    Exec({row.word});
    if (!row.allocated) {
      EXPECT_EQ(Reg(HV_REG_PC), kVectors + 0x200 + 12);
      EXPECT_EQ(X(1) >> 26, 0u);  // EC 0: unknown
      continue;
    }
    ++allocated;
    ASSERT_EQ(Reg(HV_REG_PC), kRamBase + 8) << "exception, ESR 0x" << std::hex << X(1);
    const V128 got = Q(0);
    EXPECT_EQ(got.lo, row.lo);
    EXPECT_EQ(got.hi, row.hi);
    EXPECT_EQ(Reg(HV_REG_FPSR), row.fpsr);
  }
  EXPECT_EQ(allocated, 808);
}

TEST(SimdThreeTable, EveryLineIsWellFormedAndReachable) {
  int lines = 0;
  for (const DecodeLine& line : SimdThreeTable()) {
    ++lines;
    EXPECT_EQ(line.value & ~line.mask, 0u) << line.name;
    EXPECT_NE(line.fn, nullptr) << line.name;
    Insn insn{};
    Decode(line.value, insn);
    EXPECT_EQ(insn.fn, line.fn) << line.name << " 0x" << std::hex << line.value;
  }
  EXPECT_GT(lines, 400);
}

}  // namespace
}  // namespace vmd::hvsoft::testing
