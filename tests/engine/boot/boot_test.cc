#include "engine/boot/boot.h"

#include <libfdt.h>

#include <cstring>
#include <fstream>
#include <vector>

#include "gtest/gtest.h"

namespace vmd {
namespace {

constexpr uint64_t kBase = 0x4000'0000;
constexpr uint64_t kMiB = 1024 * 1024;

std::string WriteFile(const std::string& name, const std::vector<uint8_t>& data) {
  const std::string path = ::testing::TempDir() + "/boot_test_" + name;
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
  return path;
}

std::vector<uint8_t> MakeImage(size_t file_size, uint64_t image_size) {
  std::vector<uint8_t> v(file_size, 0xaa);
  for (int i = 0; i < 8; ++i) {
    v[8 + i] = static_cast<uint8_t>(uint64_t{0x80000} >> (8 * i));  // text_offset
    v[16 + i] = static_cast<uint8_t>(image_size >> (8 * i));
  }
  std::memcpy(&v[56], "ARM\x64", 4);
  return v;
}

uint64_t ChosenU64(const void* fdt, const char* prop) {
  int len = 0;
  const void* p = fdt_getprop(fdt, fdt_path_offset(fdt, "/chosen"), prop, &len);
  if (p == nullptr || len != 8) return 0;
  return fdt64_ld(static_cast<const fdt64_t*>(p));
}

TEST(PrepareBootTest, KernelInitrdAndDeviceTreeEndUpWhereTheTreeSays) {
  auto mem = GuestMemory::Create(kBase, 64 * kMiB);
  ASSERT_TRUE(mem.ok());
  std::vector<uint8_t> initrd(300000);
  for (size_t i = 0; i < initrd.size(); ++i) initrd[i] = static_cast<uint8_t>(i * 13);
  FdtConfig fdt;
  fdt.num_cpus = 2;
  fdt.cmdline = "console=ttyAMA0";
  auto info = PrepareBoot(**mem, WriteFile("Image", MakeImage(0x40000, 5 * kMiB)),
                          WriteFile("initrd", initrd), fdt);
  ASSERT_TRUE(info.ok()) << info.status();
  EXPECT_EQ(info->entry, kBase + 0x80000);
  EXPECT_GE(info->dtb_addr, kBase + 0x80000 + 5 * kMiB);  // above image_size, not just the file

  const void* dtb = (*mem)->HostPtr(info->dtb_addr, info->dtb_size);
  ASSERT_NE(dtb, nullptr);
  ASSERT_EQ(fdt_check_full(dtb, info->dtb_size), 0);
  const uint64_t start = ChosenU64(dtb, "linux,initrd-start");
  const uint64_t end = ChosenU64(dtb, "linux,initrd-end");
  EXPECT_EQ(end - start, initrd.size());
  EXPECT_GE(start, info->dtb_addr + info->dtb_size);
  ASSERT_NE((*mem)->HostPtr(start, initrd.size()), nullptr);
  EXPECT_EQ(std::memcmp((*mem)->HostPtr(start, initrd.size()), initrd.data(), initrd.size()), 0);

  int len = 0;
  const auto* reg = static_cast<const fdt32_t*>(
      fdt_getprop(dtb, fdt_path_offset(dtb, "/memory@40000000"), "reg", &len));
  ASSERT_EQ(len, 16);
  EXPECT_EQ(fdt32_to_cpu(reg[3]), 64 * kMiB);
}

TEST(PrepareBootTest, NoInitrdMeansNoInitrdProperties) {
  auto mem = GuestMemory::Create(kBase, 16 * kMiB);
  ASSERT_TRUE(mem.ok());
  auto info = PrepareBoot(**mem, WriteFile("raw", {0x1f, 0x20, 0x03, 0xd5}), "", FdtConfig{});
  ASSERT_TRUE(info.ok()) << info.status();
  EXPECT_EQ(info->kernel.kind, LoadedImage::Kind::kRawPayload);
  const void* dtb = (*mem)->HostPtr(info->dtb_addr, info->dtb_size);
  EXPECT_EQ(fdt_getprop(dtb, fdt_path_offset(dtb, "/chosen"), "linux,initrd-start", nullptr),
            nullptr);
}

TEST(PrepareBootTest, InitrdThatDoesNotFitIsAnError) {
  auto mem = GuestMemory::Create(kBase, 16 * kMiB);
  ASSERT_TRUE(mem.ok());
  const std::string initrd = WriteFile("big_initrd", std::vector<uint8_t>(13 * kMiB, 1));
  auto info =
      PrepareBoot(**mem, WriteFile("Image2", MakeImage(0x1000, 2 * kMiB)), initrd, FdtConfig{});
  EXPECT_EQ(info.status().code(), absl::StatusCode::kOutOfRange) << info.status();
  EXPECT_FALSE(PrepareBoot(**mem, WriteFile("Image3", MakeImage(0x1000, 2 * kMiB)),
                           WriteFile("empty_initrd", {}), FdtConfig{})
                   .ok());
}

}  // namespace
}  // namespace vmd
