// virtio-blk (device ID 2) backed by a raw image file: read, write, flush
// (fdatasync), discard (hole punching), write-zeroes and GET_ID. Created by vm/
// from the VM spec's disks; requests run on the device's worker thread.
#ifndef VMD_ENGINE_VIRTIO_BLK_H_
#define VMD_ENGINE_VIRTIO_BLK_H_

#include <array>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "engine/virtio/virtio_device.h"

namespace vmd {

// Feature bits (virtio 1.x, 5.2.3).
inline constexpr uint64_t kVirtioBlkFSizeMax = uint64_t{1} << 1;
inline constexpr uint64_t kVirtioBlkFSegMax = uint64_t{1} << 2;
inline constexpr uint64_t kVirtioBlkFRo = uint64_t{1} << 5;
inline constexpr uint64_t kVirtioBlkFBlkSize = uint64_t{1} << 6;
inline constexpr uint64_t kVirtioBlkFFlush = uint64_t{1} << 9;
inline constexpr uint64_t kVirtioBlkFDiscard = uint64_t{1} << 13;
inline constexpr uint64_t kVirtioBlkFWriteZeroes = uint64_t{1} << 14;

// Request types and status codes (5.2.6).
inline constexpr uint32_t kVirtioBlkTIn = 0;
inline constexpr uint32_t kVirtioBlkTOut = 1;
inline constexpr uint32_t kVirtioBlkTFlush = 4;
inline constexpr uint32_t kVirtioBlkTGetId = 8;
inline constexpr uint32_t kVirtioBlkTDiscard = 11;
inline constexpr uint32_t kVirtioBlkTWriteZeroes = 13;
inline constexpr uint8_t kVirtioBlkSOk = 0;
inline constexpr uint8_t kVirtioBlkSIoErr = 1;
inline constexpr uint8_t kVirtioBlkSUnsupp = 2;
inline constexpr uint32_t kVirtioBlkWriteZeroesUnmap = 1;
inline constexpr uint64_t kSectorSize = 512;
inline constexpr size_t kVirtioBlkIdBytes = 20;

// Config space offsets (struct virtio_blk_config).
namespace blk_config {
inline constexpr size_t kCapacity = 0;
inline constexpr size_t kSizeMax = 8;
inline constexpr size_t kSegMax = 12;
inline constexpr size_t kBlkSize = 20;
inline constexpr size_t kMaxDiscardSectors = 36;
inline constexpr size_t kMaxDiscardSeg = 40;
inline constexpr size_t kDiscardSectorAlignment = 44;
inline constexpr size_t kMaxWriteZeroesSectors = 48;
inline constexpr size_t kMaxWriteZeroesSeg = 52;
inline constexpr size_t kWriteZeroesMayUnmap = 56;
inline constexpr size_t kSize = 60;
}  // namespace blk_config

struct VirtioBlkOptions {
  std::string path;
  bool read_only = false;
  // GET_ID answer; longer serials are cut to 20 bytes.
  std::string serial;
  uint16_t queue_size = 256;
};

class VirtioBlk final : public VirtioDevice {
 public:
  static constexpr uint32_t kDeviceId = 2;
  // Segment and size limits we advertise (seg_max, size_max) and enforce.
  static constexpr uint32_t kSegMax = 126;
  static constexpr uint32_t kSizeMax = 1 << 20;
  static constexpr uint32_t kMaxDiscardSectors = 1 << 22;  // 2 GiB per segment
  static constexpr uint32_t kMaxDiscardSegments = 32;

  // Opens the image (read-write unless read_only). The capacity is the file
  // size rounded down to whole sectors.
  static absl::StatusOr<std::unique_ptr<VirtioBlk>> Open(const VirtioBlkOptions& options);
  ~VirtioBlk() override;

  uint64_t DeviceFeatures() const override;
  void ReadConfig(uint64_t offset, uint8_t* dst, size_t len) override;
  uint64_t capacity_sectors() const { return capacity_; }
  // Makes every completed write durable (fdatasync), as a guest FLUSH does.
  // For the VM's teardown (worker Shutdown); any thread.
  absl::Status Flush();

 private:
  VirtioBlk(const VirtioBlkOptions& options, int fd, uint64_t capacity);
  absl::Status ProcessQueue(size_t index, Virtqueue& queue) override;
  // Executes one request; returns the status byte and counts bytes written
  // into the guest's data buffers in `*data_written`.
  uint8_t Execute(uint32_t type, uint64_t sector, const DescriptorChain& chain,
                  uint64_t data_len, uint64_t* data_written);
  uint8_t DoRead(uint64_t sector, const DescriptorChain& chain, uint64_t len, uint64_t* written);
  uint8_t DoWrite(uint64_t sector, const DescriptorChain& chain, uint64_t len);
  uint8_t DoDiscardOrZeroes(uint32_t type, const DescriptorChain& chain, uint64_t len);
  uint8_t ZeroRange(uint64_t offset, uint64_t len, bool unmap);
  bool InRange(uint64_t sector, uint64_t sectors) const;

  const VirtioBlkOptions options_;
  const int fd_;
  const uint64_t capacity_;  // in 512-byte sectors
  std::array<uint8_t, blk_config::kSize> config_{};
};

}  // namespace vmd

#endif  // VMD_ENGINE_VIRTIO_BLK_H_
