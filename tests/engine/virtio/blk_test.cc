// virtio-blk against a temporary raw image: read, write, flush, discard,
// write-zeroes, GET_ID, read-only, out-of-range sectors, unknown types,
// multi-segment requests and the config space (virtio 1.x 5.2).
#include "engine/virtio/blk.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/engine/virtio/mmio_driver.h"

namespace vmd {
namespace {

using testing::kBufBase;
using testing::MmioDriver;

constexpr uint64_t kSectors = 64;  // a 32 KiB image
constexpr uint64_t kHdr = kBufBase;
constexpr uint64_t kData = kBufBase + 0x1000;
constexpr uint64_t kStat = kBufBase + 0x800;
constexpr uint64_t kFeatures = kVirtioBlkFFlush | kVirtioBlkFDiscard | kVirtioBlkFWriteZeroes |
                               kVirtioBlkFSegMax | kVirtioBlkFSizeMax | kVirtioBlkFBlkSize;

class VirtioBlkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tmp = std::getenv("TMPDIR");
    path_ = std::string(tmp != nullptr ? tmp : "/tmp") + "/vmd-blk-test-XXXXXX";
    const int fd = mkstemp(path_.data());
    ASSERT_GE(fd, 0);
    // Sector i is filled with the byte i+1, so every read can be checked.
    std::vector<uint8_t> image(kSectors * 512);
    for (uint64_t s = 0; s < kSectors; ++s) std::memset(&image[s * 512], int(s + 1), 512);
    ASSERT_EQ(write(fd, image.data(), image.size()), ssize_t(image.size()));
    close(fd);
  }
  void TearDown() override {
    d_.reset();
    unlink(path_.c_str());
  }
  void Start(bool read_only = false, uint64_t features = kFeatures) {
    VirtioBlkOptions o;
    o.path = path_;
    o.read_only = read_only;
    o.serial = "vmd-disk-serial-0123456789";  // longer than 20: cut
    auto blk = VirtioBlk::Open(o);
    ASSERT_TRUE(blk.ok()) << blk.status();
    d_ = std::make_unique<MmioDriver>(std::move(blk).value());
    if (read_only) features |= kVirtioBlkFRo;
    features &= d_->DeviceFeatures();
    ASSERT_TRUE(d_->Init(features, 1));
  }
  // Sends one request and returns its status byte; `used_len` gets the
  // length the device reported.
  uint8_t Request(uint32_t type, uint64_t sector, std::vector<testing::Buf> data,
                  uint32_t* used_len = nullptr) {
    const uint32_t hdr[4] = {type, 0, static_cast<uint32_t>(sector), static_cast<uint32_t>(sector >> 32)};
    EXPECT_TRUE(d_->mem().Write(kHdr, hdr, sizeof(hdr)).ok());
    const uint8_t poison = 0xee;
    EXPECT_TRUE(d_->mem().Write(kStat, &poison, 1).ok());
    std::vector<testing::Buf> bufs = {{kHdr, 16, false}};
    bufs.insert(bufs.end(), data.begin(), data.end());
    bufs.push_back({kStat, 1, true});
    d_->ring(0).Add(bufs);
    const uint16_t want = d_->ring(0).avail_idx();
    d_->Notify(0);
    EXPECT_TRUE(d_->WaitUsed(0, want));
    if (used_len != nullptr) *used_len = d_->ring(0).used(static_cast<uint16_t>(want - 1)).second;
    uint8_t status = 0;
    EXPECT_TRUE(d_->mem().Read(kStat, &status, 1).ok());
    return status;
  }
  std::vector<uint8_t> FileBytes(uint64_t off, size_t len) {
    std::vector<uint8_t> out(len);
    const int fd = open(path_.c_str(), O_RDONLY);
    EXPECT_EQ(pread(fd, out.data(), len, off), ssize_t(len));
    close(fd);
    return out;
  }
  std::vector<uint8_t> Guest(uint64_t addr, size_t len) {
    std::vector<uint8_t> out(len);
    EXPECT_TRUE(d_->mem().Read(addr, out.data(), len).ok());
    return out;
  }
  bool Broken() { return (d_->status() & kStatusNeedsReset) != 0; }

  std::string path_;
  std::unique_ptr<MmioDriver> d_;
};

TEST_F(VirtioBlkTest, ConfigSpaceDescribesTheDisk) {
  Start();
  EXPECT_EQ(d_->ConfigRead64(blk_config::kCapacity), kSectors);
  EXPECT_EQ(d_->ConfigRead32(blk_config::kBlkSize), 512u);
  EXPECT_EQ(d_->ConfigRead32(blk_config::kSegMax), VirtioBlk::kSegMax);
  EXPECT_EQ(d_->ConfigRead32(blk_config::kSizeMax), VirtioBlk::kSizeMax);
  EXPECT_EQ(d_->ConfigRead32(blk_config::kMaxDiscardSeg), VirtioBlk::kMaxDiscardSegments);
  EXPECT_GT(d_->ConfigRead32(blk_config::kMaxDiscardSectors), 0u);
  EXPECT_GT(d_->ConfigRead32(blk_config::kMaxWriteZeroesSectors), 0u);
  EXPECT_EQ(d_->ConfigRead32(200), 0u);  // past the config space
  EXPECT_EQ(d_->Reg(virtio_mmio::kDeviceId), 2u);
}

TEST_F(VirtioBlkTest, ReadsSectorsIntoMultipleSegments) {
  Start();
  uint32_t used = 0;
  // Sectors 3..5 across a 512-byte and a 1024-byte segment.
  ASSERT_EQ(Request(kVirtioBlkTIn, 3, {{kData, 512, true}, {kData + 0x1000, 1024, true}}, &used),
            kVirtioBlkSOk);
  EXPECT_EQ(used, 1536u + 1);
  EXPECT_EQ(Guest(kData, 512), std::vector<uint8_t>(512, 4));
  EXPECT_EQ(Guest(kData + 0x1000, 512), std::vector<uint8_t>(512, 5));
  EXPECT_EQ(Guest(kData + 0x1200, 512), std::vector<uint8_t>(512, 6));
}

TEST_F(VirtioBlkTest, WritesReachTheFile) {
  Start();
  std::vector<uint8_t> data(1024, 0xab);
  ASSERT_TRUE(d_->mem().Write(kData, data.data(), 512).ok());
  ASSERT_TRUE(d_->mem().Write(kData + 0x2000, data.data(), 512).ok());
  ASSERT_EQ(Request(kVirtioBlkTOut, 10, {{kData, 512, false}, {kData + 0x2000, 512, false}}),
            kVirtioBlkSOk);
  EXPECT_EQ(FileBytes(10 * 512, 1024), data);
  EXPECT_EQ(FileBytes(12 * 512, 512), std::vector<uint8_t>(512, 13));  // neighbour intact
}

TEST_F(VirtioBlkTest, FlushSucceeds) {
  Start();
  uint32_t used = 0;
  EXPECT_EQ(Request(kVirtioBlkTFlush, 0, {}, &used), kVirtioBlkSOk);
  EXPECT_EQ(used, 1u);
}

TEST_F(VirtioBlkTest, HostSideFlushWorksReadWriteAndReadOnly) {
  Start();
  EXPECT_TRUE(static_cast<VirtioBlk*>(d_->device())->Flush().ok());
  d_.reset();
  Start(/*read_only=*/true);
  EXPECT_TRUE(static_cast<VirtioBlk*>(d_->device())->Flush().ok());
}

TEST_F(VirtioBlkTest, GetIdReturnsTwentyByteSerial) {
  Start();
  uint32_t used = 0;
  ASSERT_EQ(Request(kVirtioBlkTGetId, 0, {{kData, 20, true}}, &used), kVirtioBlkSOk);
  EXPECT_EQ(used, 21u);
  const auto id = Guest(kData, 20);
  EXPECT_EQ(std::string(id.begin(), id.end()), "vmd-disk-serial-0123");
}

TEST_F(VirtioBlkTest, DiscardReadsBackAsZero) {
  Start();
  const uint32_t seg[4] = {8, 0, 8, 0};  // sector 8, 8 sectors (4 KiB aligned), no flags
  ASSERT_TRUE(d_->mem().Write(kData, seg, sizeof(seg)).ok());
  ASSERT_EQ(Request(kVirtioBlkTDiscard, 0, {{kData, 16, false}}), kVirtioBlkSOk);
  EXPECT_EQ(FileBytes(8 * 512, 8 * 512), std::vector<uint8_t>(8 * 512, 0));
  EXPECT_EQ(FileBytes(16 * 512, 512), std::vector<uint8_t>(512, 17));
}

TEST_F(VirtioBlkTest, WriteZeroesWithAndWithoutUnmap) {
  Start();
  // Two segments: sectors 2..3 plainly, sector 20 with the unmap flag.
  const uint32_t segs[8] = {2, 0, 2, 0, 20, 0, 1, kVirtioBlkWriteZeroesUnmap};
  ASSERT_TRUE(d_->mem().Write(kData, segs, sizeof(segs)).ok());
  ASSERT_EQ(Request(kVirtioBlkTWriteZeroes, 0, {{kData, 32, false}}), kVirtioBlkSOk);
  EXPECT_EQ(FileBytes(2 * 512, 1024), std::vector<uint8_t>(1024, 0));
  EXPECT_EQ(FileBytes(20 * 512, 512), std::vector<uint8_t>(512, 0));
  EXPECT_EQ(FileBytes(4 * 512, 512), std::vector<uint8_t>(512, 5));
}

TEST_F(VirtioBlkTest, DiscardWithFlagsIsUnsupported) {
  Start();
  const uint32_t seg[4] = {8, 0, 8, 1};
  ASSERT_TRUE(d_->mem().Write(kData, seg, sizeof(seg)).ok());
  EXPECT_EQ(Request(kVirtioBlkTDiscard, 0, {{kData, 16, false}}), kVirtioBlkSUnsupp);
  EXPECT_EQ(FileBytes(8 * 512, 512), std::vector<uint8_t>(512, 9));
}

TEST_F(VirtioBlkTest, DiscardBeyondCapacityFailsAndChangesNothing) {
  Start();
  const uint32_t segs[8] = {0, 0, 1, 0, kSectors - 1, 0, 2, 0};  // second one runs off the end
  ASSERT_TRUE(d_->mem().Write(kData, segs, sizeof(segs)).ok());
  EXPECT_EQ(Request(kVirtioBlkTDiscard, 0, {{kData, 32, false}}), kVirtioBlkSIoErr);
  EXPECT_EQ(FileBytes(0, 512), std::vector<uint8_t>(512, 1));
}

TEST_F(VirtioBlkTest, OutOfRangeAccessesFail) {
  Start();
  EXPECT_EQ(Request(kVirtioBlkTIn, kSectors, {{kData, 512, true}}), kVirtioBlkSIoErr);
  EXPECT_EQ(Request(kVirtioBlkTIn, kSectors - 1, {{kData, 1024, true}}), kVirtioBlkSIoErr);
  EXPECT_EQ(Request(kVirtioBlkTOut, ~uint64_t{0}, {{kData, 512, false}}), kVirtioBlkSIoErr);
  // The last sector itself is fine.
  EXPECT_EQ(Request(kVirtioBlkTIn, kSectors - 1, {{kData, 512, true}}), kVirtioBlkSOk);
  EXPECT_FALSE(Broken());
}

TEST_F(VirtioBlkTest, PartialSectorTransferFails) {
  Start();
  EXPECT_EQ(Request(kVirtioBlkTIn, 0, {{kData, 100, true}}), kVirtioBlkSIoErr);
}

TEST_F(VirtioBlkTest, UnknownTypeIsUnsupported) {
  Start();
  EXPECT_EQ(Request(99, 0, {}), kVirtioBlkSUnsupp);
  EXPECT_FALSE(Broken());
}

TEST_F(VirtioBlkTest, ReadOnlyDiskRefusesWrites) {
  Start(/*read_only=*/true);
  EXPECT_TRUE(d_->DeviceFeatures() & kVirtioBlkFRo);
  EXPECT_FALSE(d_->DeviceFeatures() & kVirtioBlkFDiscard);
  std::vector<uint8_t> data(512, 0x55);
  ASSERT_TRUE(d_->mem().Write(kData, data.data(), data.size()).ok());
  EXPECT_EQ(Request(kVirtioBlkTOut, 0, {{kData, 512, false}}), kVirtioBlkSIoErr);
  EXPECT_EQ(FileBytes(0, 512), std::vector<uint8_t>(512, 1));
  EXPECT_EQ(Request(kVirtioBlkTIn, 0, {{kData, 512, true}}), kVirtioBlkSOk);
  EXPECT_EQ(Request(kVirtioBlkTFlush, 0, {}), kVirtioBlkSOk);
}

TEST_F(VirtioBlkTest, DataInWrongDirectionBreaksDevice) {
  Start();
  // A read whose data buffer is device-readable.
  const uint32_t hdr[4] = {kVirtioBlkTIn, 0, 0, 0};
  ASSERT_TRUE(d_->mem().Write(kHdr, hdr, sizeof(hdr)).ok());
  d_->ring(0).Add({{kHdr, 16, false}, {kData, 512, false}, {kStat, 1, true}});
  d_->Notify(0);
  EXPECT_TRUE(testing::WaitFor([&] { return Broken(); }));
}

TEST_F(VirtioBlkTest, MissingStatusByteBreaksDevice) {
  Start();
  d_->ring(0).Add({{kHdr, 16, false}});
  d_->Notify(0);
  EXPECT_TRUE(testing::WaitFor([&] { return Broken(); }));
}

TEST(VirtioBlkOpenTest, MissingFileNamesThePath) {
  VirtioBlkOptions o;
  o.path = "/nonexistent/vmd/disk.img";
  auto blk = VirtioBlk::Open(o);
  ASSERT_FALSE(blk.ok());
  EXPECT_NE(std::string(blk.status().message()).find("/nonexistent/vmd/disk.img"), std::string::npos);
}

}  // namespace
}  // namespace vmd
