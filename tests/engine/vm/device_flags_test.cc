// vmm's --disk flag parser (engine/vmm/device_flags.h).
#include "engine/vmm/device_flags.h"

#include "gtest/gtest.h"

namespace vmd {
namespace {

TEST(ParseDiskFlag, PathAlone) {
  absl::StatusOr<DiskSpec> d = ParseDiskFlag("/img/root.img");
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->path, "/img/root.img");
  EXPECT_FALSE(d->read_only);
  EXPECT_EQ(d->serial, "");
}

TEST(ParseDiskFlag, OptionsInAnyOrder) {
  absl::StatusOr<DiskSpec> d = ParseDiskFlag("data.img,serial=vmd-data,ro");
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->path, "data.img");
  EXPECT_TRUE(d->read_only);
  EXPECT_EQ(d->serial, "vmd-data");
  d = ParseDiskFlag("data.img,ro,rw");
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_FALSE(d->read_only);  // the last one wins
}

TEST(ParseDiskFlag, RejectsBadInput) {
  EXPECT_FALSE(ParseDiskFlag("").ok());
  EXPECT_FALSE(ParseDiskFlag(",ro").ok());
  EXPECT_FALSE(ParseDiskFlag("a.img,readonly").ok());
  EXPECT_FALSE(ParseDiskFlag("a.img,serial=123456789012345678901").ok());  // 21 bytes
  EXPECT_TRUE(ParseDiskFlag("a.img,serial=12345678901234567890").ok());    // 20 bytes
}

}  // namespace
}  // namespace vmd
