#include "engine/boot/kernel_loader.h"

#include <zlib.h>

#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "engine/boot/boot_layout.h"
#include "gtest/gtest.h"

namespace vmd {
namespace {

constexpr uint64_t kBase = 0x4000'0000;
constexpr uint64_t kMiB = 1024 * 1024;

void PutLe64(std::vector<uint8_t>& v, size_t at, uint64_t x) {
  for (int i = 0; i < 8; ++i) v[at + i] = static_cast<uint8_t>(x >> (8 * i));
}

// An arm64 Image as booting.rst lays out the header, followed by a pattern.
std::vector<uint8_t> MakeImage(size_t file_size, uint64_t text_offset, uint64_t image_size) {
  std::vector<uint8_t> v(file_size);
  for (size_t i = 64; i < file_size; ++i) v[i] = static_cast<uint8_t>(i * 7);
  v[0] = 0x4d;  // code0: "MZ" for EFI stubs; any branch works for us
  v[1] = 0x5a;
  PutLe64(v, 8, text_offset);
  PutLe64(v, 16, image_size);
  PutLe64(v, 24, 0xa);  // flags: LE, 4K pages, anywhere
  v[56] = 'A';
  v[57] = 'R';
  v[58] = 'M';
  v[59] = 0x64;
  return v;
}

std::vector<uint8_t> Gzip(const std::vector<uint8_t>& in) {
  z_stream zs;
  std::memset(&zs, 0, sizeof(zs));
  EXPECT_EQ(deflateInit2(&zs, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY),
            Z_OK);
  std::vector<uint8_t> out(deflateBound(&zs, in.size()));
  zs.next_in = const_cast<Bytef*>(in.data());
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = out.data();
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

class KernelLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto mem = GuestMemory::Create(kBase, 32 * kMiB);
    ASSERT_TRUE(mem.ok());
    mem_ = std::move(mem).value();
  }
  std::string WriteFile(const std::string& name, const std::vector<uint8_t>& data) {
    const std::string path = ::testing::TempDir() + "/kernel_loader_test_" + name;
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
    return path;
  }
  bool RamHolds(uint64_t ipa, const std::vector<uint8_t>& data) {
    return std::memcmp(mem_->HostPtr(ipa, data.size()), data.data(), data.size()) == 0;
  }

  std::unique_ptr<GuestMemory> mem_;
};

TEST_F(KernelLoaderTest, LinuxImageLoadsAtTextOffset) {
  const auto image = MakeImage(0x10000, 0x80000, 0x200000);
  auto img = LoadKernel(*mem_, WriteFile("image", image));
  ASSERT_TRUE(img.ok()) << img.status();
  EXPECT_EQ(img->kind, LoadedImage::Kind::kLinuxImage);
  EXPECT_FALSE(img->gzipped);
  EXPECT_EQ(img->load_addr, kBase + 0x80000);
  EXPECT_EQ(img->entry, kBase + 0x80000);
  EXPECT_EQ(img->text_offset, 0x80000u);
  EXPECT_EQ(img->image_size, 0x200000u);
  EXPECT_EQ(img->file_size, image.size());
  EXPECT_TRUE(RamHolds(kBase + 0x80000, image));
}

TEST_F(KernelLoaderTest, ZeroTextOffsetLoadsAtRamBase) {
  const auto image = MakeImage(0x3000, 0, 0x5000);
  auto img = LoadKernel(*mem_, WriteFile("t0", image));
  ASSERT_TRUE(img.ok()) << img.status();
  EXPECT_EQ(img->load_addr, kBase);
  EXPECT_TRUE(RamHolds(kBase, image));
}

TEST_F(KernelLoaderTest, OldKernelWithoutImageSizeUsesDefaults) {
  // Pre-3.17: image_size 0 means text_offset is unreliable too.
  const auto image = MakeImage(0x4000, 0x12345000, 0);
  auto img = LoadKernel(*mem_, WriteFile("old", image));
  ASSERT_TRUE(img.ok()) << img.status();
  EXPECT_EQ(img->load_addr, kBase + kDefaultTextOffset);
  EXPECT_EQ(img->image_size, image.size() + kOldKernelSlack);
}

TEST_F(KernelLoaderTest, RawPayloadLoadsAtBasePlus512KiB) {
  std::vector<uint8_t> payload = {0x00, 0x00, 0x80, 0xd2,
                                  0x1f, 0x20, 0x03, 0xd5};  // short: no header
  auto img = LoadKernel(*mem_, WriteFile("raw", payload));
  ASSERT_TRUE(img.ok()) << img.status();
  EXPECT_EQ(img->kind, LoadedImage::Kind::kRawPayload);
  EXPECT_EQ(img->entry, kBase + 0x80000);
  EXPECT_EQ(img->image_size, payload.size());
  EXPECT_TRUE(RamHolds(kBase + 0x80000, payload));
}

TEST_F(KernelLoaderTest, GzippedImageIsInflated) {
  const auto image = MakeImage(3 * kMiB + 17, 0x80000, 4 * kMiB);  // spans several inflate chunks
  auto img = LoadKernel(*mem_, WriteFile("gz", Gzip(image)));
  ASSERT_TRUE(img.ok()) << img.status();
  EXPECT_TRUE(img->gzipped);
  EXPECT_EQ(img->kind, LoadedImage::Kind::kLinuxImage);
  EXPECT_EQ(img->file_size, image.size());
  EXPECT_TRUE(RamHolds(kBase + 0x80000, image));
}

TEST_F(KernelLoaderTest, TruncatedGzipIsAnError) {
  auto gz = Gzip(MakeImage(0x20000, 0x80000, 0x40000));
  gz.resize(gz.size() / 2);
  const std::string path = WriteFile("trunc", gz);
  absl::Status s = LoadKernel(*mem_, path).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kDataLoss);
  EXPECT_NE(s.message().find(path), absl::string_view::npos) << s;
  EXPECT_NE(s.message().find("truncated"), absl::string_view::npos) << s;
}

TEST_F(KernelLoaderTest, CorruptGzipIsAnError) {
  auto gz = Gzip(MakeImage(0x20000, 0x80000, 0x40000));
  for (size_t i = 20; i < 60; ++i) gz[i] ^= 0x5a;
  EXPECT_EQ(LoadKernel(*mem_, WriteFile("corrupt", gz)).status().code(),
            absl::StatusCode::kDataLoss);
  // A flipped byte in the CRC trailer alone is caught too.
  auto gz2 = Gzip(MakeImage(0x20000, 0x80000, 0x40000));
  gz2[gz2.size() - 6] ^= 1;
  EXPECT_EQ(LoadKernel(*mem_, WriteFile("crc", gz2)).status().code(), absl::StatusCode::kDataLoss);
}

TEST_F(KernelLoaderTest, GzipBombIsCappedAtRamSize) {
  std::vector<uint8_t> zeros(40 * kMiB);  // compresses to ~40 KiB
  const std::string path = WriteFile("bomb", Gzip(zeros));
  absl::Status s = LoadKernel(*mem_, path).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kOutOfRange);
  EXPECT_NE(s.message().find(path), absl::string_view::npos) << s;
}

TEST_F(KernelLoaderTest, FileLargerThanRamIsAnError) {
  const std::string path = WriteFile("huge", std::vector<uint8_t>(33 * kMiB, 1));
  absl::Status s = LoadKernel(*mem_, path).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kOutOfRange);
  EXPECT_NE(s.message().find(path), absl::string_view::npos) << s;
}

TEST_F(KernelLoaderTest, HeaderClaimingMoreThanRamIsAnError) {
  EXPECT_EQ(
      LoadKernel(*mem_, WriteFile("big", MakeImage(0x1000, 0x80000, 32 * kMiB))).status().code(),
      absl::StatusCode::kOutOfRange);
  // text_offset chosen so text_offset + image_size wraps around 2^64.
  EXPECT_FALSE(
      LoadKernel(*mem_, WriteFile("wrap", MakeImage(0x1000, ~uint64_t{0} - 0xfff, 0x2000))).ok());
  // image_size smaller than the file itself: the header lies.
  EXPECT_EQ(LoadKernel(*mem_, WriteFile("liar", MakeImage(0x3000, 0, 0x1000))).status().code(),
            absl::StatusCode::kInvalidArgument);
  // Raw payload that does not fit above the default offset.
  EXPECT_FALSE(
      LoadKernel(*mem_, WriteFile("rawbig", std::vector<uint8_t>(32 * kMiB - 0x1000, 1))).ok());
}

TEST_F(KernelLoaderTest, BigEndianKernelIsRejected) {
  auto image = MakeImage(0x2000, 0x80000, 0x4000);
  image[24] |= 1;  // flags bit 0: big-endian
  absl::Status s = LoadKernel(*mem_, WriteFile("be", image)).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("big-endian"), absl::string_view::npos) << s;
}

TEST_F(KernelLoaderTest, MissingAndEmptyFiles) {
  absl::Status s = LoadKernel(*mem_, "/nonexistent/vmd/Image").status();
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_NE(s.message().find("/nonexistent/vmd/Image"), absl::string_view::npos);
  EXPECT_FALSE(LoadKernel(*mem_, WriteFile("empty", {})).ok());
  EXPECT_FALSE(LoadKernel(*mem_, ::testing::TempDir()).ok());  // a directory
}

TEST_F(KernelLoaderTest, InitrdLoadsAtGivenAddress) {
  std::vector<uint8_t> initrd(100000);
  for (size_t i = 0; i < initrd.size(); ++i) initrd[i] = static_cast<uint8_t>(i ^ (i >> 8));
  const std::string path = WriteFile("initrd", initrd);
  auto size = LoadInitrd(*mem_, path, kBase + 8 * kMiB);
  ASSERT_TRUE(size.ok()) << size.status();
  EXPECT_EQ(*size, initrd.size());
  EXPECT_TRUE(RamHolds(kBase + 8 * kMiB, initrd));
  EXPECT_EQ(LoadInitrd(*mem_, path, kBase + 8 * kMiB + 8).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(LoadInitrd(*mem_, path, kBase + 32 * kMiB - kInitrdAlign).status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_FALSE(LoadInitrd(*mem_, path, kBase + 64 * kMiB).ok());
}

}  // namespace
}  // namespace vmd
