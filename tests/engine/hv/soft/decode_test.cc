// The decoder table itself: every line is well-formed and reachable (no
// earlier line shadows it), and a few encodings from the ARM ARM decode to
// the instruction they name.
#include <string>

#include "engine/hv/soft/decode.h"
#include "gtest/gtest.h"

namespace vmd::hvsoft {
namespace {

TEST(DecoderTable, EveryLineIsWellFormedAndReachable) {
  int lines = 0;
  for (auto table : {DataProcessingTable(), LoadStoreTable(), SystemTable()}) {
    for (const DecodeLine& line : table) {
      ++lines;
      EXPECT_EQ(line.value & ~line.mask, 0u) << line.name;
      EXPECT_NE(line.fn, nullptr) << line.name;
      // The line's own value (free bits zero, or set for lines whose
      // extractor rejects zeros) must reach this line first.
      bool reached = false;
      for (uint32_t fill : {0u, ~0u, 0x55555555u, 0xaaaaaaaau}) {
        const uint32_t raw = line.value | (fill & ~line.mask);
        if (std::string(DecodeName(raw)) == line.name) reached = true;
      }
      EXPECT_TRUE(reached) << line.name << " is shadowed or never accepted";
    }
  }
  EXPECT_GT(lines, 250);
}

TEST(DecoderTable, KnownEncodings) {
  EXPECT_STREQ(DecodeName(0xab020020), "ADDS (shifted) 64");  // adds x0, x1, x2
  EXPECT_STREQ(DecodeName(0xd503207f), "WFI");
  EXPECT_STREQ(DecodeName(0xc85f7c01), "LDXR (X)");          // ldxr x1, [x0]
  EXPECT_STREQ(DecodeName(0x29401003), "LDP (W) (offset)");  // ldp w3, w4, [x0]
  EXPECT_STREQ(DecodeName(0xd538cc03), "MRS");               // mrs x3, icc_iar1_el1
  EXPECT_STREQ(DecodeName(0x1e622820), "FADD (D)");          // fadd d0, d1, d2
  EXPECT_STREQ(DecodeName(0x00000000), "undefined");         // udf #0
  EXPECT_STREQ(DecodeName(0x13000000 | 1u << 22), "undefined");  // SBFM 32 with N=1
  EXPECT_STREQ(DecodeName(0x0b000000 | 3u << 22), "undefined");  // ADD shifted, shift=ROR
}

}  // namespace
}  // namespace vmd::hvsoft
