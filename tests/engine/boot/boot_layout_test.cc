#include "engine/boot/boot_layout.h"

#include "gtest/gtest.h"

namespace vmd {
namespace {

constexpr uint64_t kBase = 0x4000'0000;
constexpr uint64_t kMiB = 1024 * 1024;

TEST(BootLayoutTest, KernelAtRamBasePlusTextOffset) {
  auto l = PlanBoot(kBase, 256 * kMiB, 0x80000, 20 * kMiB, 0x3000, 0);
  ASSERT_TRUE(l.ok()) << l.status();
  EXPECT_EQ(l->kernel_addr, kBase + 0x80000);
  EXPECT_EQ(l->kernel_end, kBase + 0x80000 + 20 * kMiB);
  EXPECT_EQ(l->initrd_addr, 0u);
  EXPECT_EQ(l->initrd_end, 0u);
}

TEST(BootLayoutTest, DtbIsAboveKernelAlignedAndWithinOneTwoMiBBlock) {
  for (uint64_t image_size : {uint64_t{0x1000}, 2 * kMiB - 0x80000, 2 * kMiB, 37 * kMiB + 5}) {
    for (uint64_t dtb_size : {uint64_t{1}, uint64_t{0x1234}, kMaxDtbSize}) {
      auto l = PlanBoot(kBase, 256 * kMiB, 0x80000, image_size, dtb_size, 0);
      ASSERT_TRUE(l.ok()) << l.status();
      EXPECT_GE(l->dtb_addr, l->kernel_end);
      EXPECT_EQ(l->dtb_addr % 8, 0u);
      EXPECT_EQ(l->dtb_addr / k2MiB, (l->dtb_end - 1) / k2MiB);
      EXPECT_EQ(l->dtb_end, l->dtb_addr + dtb_size);
      // No wasted 2 MiB: the DTB starts at the first boundary at or above the kernel.
      EXPECT_LT(l->dtb_addr - l->kernel_end, k2MiB);
    }
  }
}

TEST(BootLayoutTest, KernelEndingOnBoundaryPutsDtbRightThere) {
  auto l = PlanBoot(kBase, 64 * kMiB, 0, 4 * kMiB, 0x100, 0);
  ASSERT_TRUE(l.ok());
  EXPECT_EQ(l->dtb_addr, kBase + 4 * kMiB);
}

TEST(BootLayoutTest, InitrdAboveKernelAndDtbPageAligned) {
  auto l = PlanBoot(kBase, 256 * kMiB, 0x80000, 10 * kMiB + 3, 0x1001, 7 * kMiB + 1);
  ASSERT_TRUE(l.ok()) << l.status();
  EXPECT_GE(l->initrd_addr, l->dtb_end);
  EXPECT_GE(l->initrd_addr, l->kernel_end);
  EXPECT_EQ(l->initrd_addr % kInitrdAlign, 0u);
  EXPECT_LT(l->initrd_addr - l->dtb_end, kInitrdAlign);
  EXPECT_EQ(l->initrd_end, l->initrd_addr + 7 * kMiB + 1);
  EXPECT_LE(l->initrd_end, kBase + 256 * kMiB);
}

TEST(BootLayoutTest, ReservingTheWholeDtbSlotKeepsInitrdClear) {
  auto l = PlanBoot(kBase, 256 * kMiB, 0x80000, 10 * kMiB, kMaxDtbSize, kMiB);
  ASSERT_TRUE(l.ok());
  EXPECT_EQ(l->initrd_addr, l->dtb_addr + k2MiB);
}

TEST(BootLayoutTest, EverythingExactlyFillingRamFits) {
  // kernel [0, 2M), dtb [2M, 4M), initrd [4M, 8M) in 8 MiB.
  auto l = PlanBoot(kBase, 8 * kMiB, 0, 2 * kMiB, kMaxDtbSize, 4 * kMiB);
  ASSERT_TRUE(l.ok()) << l.status();
  EXPECT_EQ(l->initrd_end, kBase + 8 * kMiB);
  EXPECT_FALSE(PlanBoot(kBase, 8 * kMiB, 0, 2 * kMiB, kMaxDtbSize, 4 * kMiB + 1).ok());
}

TEST(BootLayoutTest, RejectsWhatDoesNotFit) {
  // Kernel larger than RAM.
  EXPECT_EQ(PlanBoot(kBase, 16 * kMiB, 0x80000, 16 * kMiB, 0x100, 0).status().code(),
            absl::StatusCode::kOutOfRange);
  // text_offset beyond RAM.
  EXPECT_FALSE(PlanBoot(kBase, 16 * kMiB, 32 * kMiB, 0x1000, 0x100, 0).ok());
  // Kernel fits but there is no 2 MiB boundary left for the DTB.
  EXPECT_EQ(PlanBoot(kBase, 4 * kMiB, 0, 3 * kMiB, 0x100, 0).status().code(),
            absl::StatusCode::kOutOfRange);
  // Initrd too large.
  absl::Status s = PlanBoot(kBase, 16 * kMiB, 0, kMiB, 0x100, 15 * kMiB).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kOutOfRange);
  EXPECT_NE(s.message().find("initrd"), absl::string_view::npos) << s;
}

TEST(BootLayoutTest, HugeValuesDoNotWrap) {
  constexpr uint64_t kMax = ~uint64_t{0};
  EXPECT_FALSE(PlanBoot(kBase, 16 * kMiB, 0, kMax, 0x100, 0).ok());
  EXPECT_FALSE(PlanBoot(kBase, 16 * kMiB, kMax - 0xfff, 0x2000, 0x100, 0).ok());
  EXPECT_FALSE(PlanBoot(kBase, 16 * kMiB, 0, kMiB, 0x100, kMax).ok());
  EXPECT_FALSE(PlanBoot(kMax - k2MiB + 1, k2MiB, 0, 0x1000, 0x100, 0).ok());
}

TEST(BootLayoutTest, RejectsBadArguments) {
  EXPECT_EQ(PlanBoot(kBase + 0x1000, 64 * kMiB, 0, kMiB, 0x100, 0).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_FALSE(PlanBoot(kBase, 64 * kMiB, 0, kMiB, 0, 0).ok());
  EXPECT_FALSE(PlanBoot(kBase, 64 * kMiB, 0, kMiB, kMaxDtbSize + 1, 0).ok());
  EXPECT_FALSE(PlanBoot(kBase, 0, 0, kMiB, 0x100, 0).ok());
  EXPECT_FALSE(PlanBoot(kBase, 64 * kMiB, 0, 0, 0x100, 0).ok());
}

}  // namespace
}  // namespace vmd
