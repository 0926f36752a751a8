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

TEST(ParseForwardFlag, Forms) {
  absl::StatusOr<NetForwardSpec> f = ParseForwardFlag("8080:80");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_FALSE(f->udp);
  EXPECT_EQ(f->host_addr, "127.0.0.1");
  EXPECT_EQ(f->host_port, 8080);
  EXPECT_EQ(f->guest_port, 80);
  f = ParseForwardFlag("udp:0.0.0.0:5353:53");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_TRUE(f->udp);
  EXPECT_EQ(f->host_addr, "0.0.0.0");
  EXPECT_EQ(f->host_port, 5353);
  EXPECT_EQ(f->guest_port, 53);
  f = ParseForwardFlag("tcp:2222:22");
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_FALSE(f->udp);
  EXPECT_EQ(f->host_port, 2222);
}

TEST(ParseForwardFlag, RejectsBadInput) {
  EXPECT_FALSE(ParseForwardFlag("").ok());
  EXPECT_FALSE(ParseForwardFlag("80").ok());
  EXPECT_FALSE(ParseForwardFlag("0:80").ok());
  EXPECT_FALSE(ParseForwardFlag("8080:65536").ok());
  EXPECT_FALSE(ParseForwardFlag("sctp:1:2").ok());
  EXPECT_FALSE(ParseForwardFlag("tcp::1:2").ok());
  EXPECT_FALSE(ParseForwardFlag("a:b:c:d:e").ok());
}

}  // namespace
}  // namespace vmd
