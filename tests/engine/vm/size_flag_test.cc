#include "engine/vmm/size_flag.h"

#include "gtest/gtest.h"

namespace vmd {
namespace {

TEST(ParseSize, PlainBytesAndSuffixes) {
  EXPECT_EQ(*ParseSize("65536"), 65536u);
  EXPECT_EQ(*ParseSize("512M"), 512ull << 20);
  EXPECT_EQ(*ParseSize("512m"), 512ull << 20);
  EXPECT_EQ(*ParseSize("2G"), 2ull << 30);
  EXPECT_EQ(*ParseSize("16K"), 16384u);
  EXPECT_EQ(*ParseSize("1T"), 1ull << 40);
}

TEST(ParseSize, RejectsGarbageAndOverflow) {
  EXPECT_FALSE(ParseSize("").ok());
  EXPECT_FALSE(ParseSize("M").ok());
  EXPECT_FALSE(ParseSize("1.5G").ok());
  EXPECT_FALSE(ParseSize("-1").ok());
  EXPECT_FALSE(ParseSize("12X").ok());
  EXPECT_FALSE(ParseSize("99999999999999999T").ok());
}

}  // namespace
}  // namespace vmd
