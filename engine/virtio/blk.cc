#include "engine/virtio/blk.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include "absl/strings/str_format.h"
#include "engine/base/status_macros.h"
#include "engine/virtio/sys/platform.h"

namespace vmd {
namespace {

constexpr size_t kBounceSize = 64 * 1024;

struct RequestHeader {
  uint32_t type;
  uint32_t reserved;
  uint64_t sector;
};
static_assert(sizeof(RequestHeader) == 16);

struct DiscardSegment {
  uint64_t sector;
  uint32_t num_sectors;
  uint32_t flags;
};
static_assert(sizeof(DiscardSegment) == 16);

template <typename T>
void Put(std::array<uint8_t, blk_config::kSize>& cfg, size_t off, T v) {
  std::memcpy(cfg.data() + off, &v, sizeof(v));  // little-endian host
}

// Address of the request's status byte: the last byte of the chain, which
// must be device-writable.
uint64_t StatusAddress(const DescriptorChain& chain) {
  for (auto it = chain.segments.rbegin(); it != chain.segments.rend(); ++it) {
    if (it->len > 0) return it->addr + it->len - 1;
  }
  return 0;
}

}  // namespace

absl::StatusOr<std::unique_ptr<VirtioBlk>> VirtioBlk::Open(const VirtioBlkOptions& options) {
  const int fd = open(options.path.c_str(), (options.read_only ? O_RDONLY : O_RDWR) | O_CLOEXEC);
  if (fd < 0) {
    return absl::InvalidArgumentError(
        absl::StrFormat("disk %s: open: %s", options.path, std::strerror(errno)));
  }
  // lseek rather than st_size so block devices work too.
  const off_t end = lseek(fd, 0, SEEK_END);
  if (end < 0) {
    const int err = errno;
    close(fd);
    return absl::InvalidArgumentError(
        absl::StrFormat("disk %s: size: %s", options.path, std::strerror(err)));
  }
  return std::unique_ptr<VirtioBlk>(
      new VirtioBlk(options, fd, static_cast<uint64_t>(end) / kSectorSize));
}

VirtioBlk::VirtioBlk(const VirtioBlkOptions& options, int fd, uint64_t capacity)
    : VirtioDevice("virtio-blk", kDeviceId, {options.queue_size}),
      options_(options),
      fd_(fd),
      capacity_(capacity) {
  Put<uint64_t>(config_, blk_config::kCapacity, capacity_);
  Put<uint32_t>(config_, blk_config::kSizeMax, kSizeMax);
  Put<uint32_t>(config_, blk_config::kSegMax, kSegMax);
  Put<uint32_t>(config_, blk_config::kBlkSize, kSectorSize);
  Put<uint32_t>(config_, blk_config::kMaxDiscardSectors, kMaxDiscardSectors);
  Put<uint32_t>(config_, blk_config::kMaxDiscardSeg, kMaxDiscardSegments);
  // Holes are punched in filesystem blocks; 4 KiB keeps discards useful.
  Put<uint32_t>(config_, blk_config::kDiscardSectorAlignment, 4096 / kSectorSize);
  Put<uint32_t>(config_, blk_config::kMaxWriteZeroesSectors, kMaxDiscardSectors);
  Put<uint32_t>(config_, blk_config::kMaxWriteZeroesSeg, kMaxDiscardSegments);
  Put<uint8_t>(config_, blk_config::kWriteZeroesMayUnmap, 1);
}

VirtioBlk::~VirtioBlk() {
  StopWorker();
  close(fd_);
}

absl::Status VirtioBlk::Flush() {
  if (options_.read_only) return absl::OkStatus();
  return sys::SyncData(fd_);
}

uint64_t VirtioBlk::DeviceFeatures() const {
  uint64_t f = kVirtioBlkFSizeMax | kVirtioBlkFSegMax | kVirtioBlkFBlkSize | kVirtioBlkFFlush;
  if (options_.read_only) {
    f |= kVirtioBlkFRo;
  } else {
    f |= kVirtioBlkFDiscard | kVirtioBlkFWriteZeroes;
  }
  return f;
}

void VirtioBlk::ReadConfig(uint64_t offset, uint8_t* dst, size_t len) {
  for (size_t i = 0; i < len; ++i) {
    dst[i] = offset + i < config_.size() ? config_[offset + i] : 0;
  }
}

bool VirtioBlk::InRange(uint64_t sector, uint64_t sectors) const {
  return sector <= capacity_ && sectors <= capacity_ - sector;
}

absl::Status VirtioBlk::ProcessQueue(size_t, Virtqueue& queue) {
  for (;;) {
    ASSIGN_OR_RETURN(std::optional<DescriptorChain> chain, queue.Pop());
    if (!chain) return absl::OkStatus();
    if (chain->readable_bytes < sizeof(RequestHeader) || chain->writable_bytes < 1) {
      return absl::DataLossError(absl::StrFormat(
          "blk: request %u lacks a 16-byte header or a status byte", chain->head));
    }
    RequestHeader hdr;
    ChainReader reader(memory(), *chain);
    reader.Read(&hdr, sizeof(hdr));
    // Data flows one way per type; the other direction holds only the
    // header (readable) or the status byte (writable).
    const bool device_writes = hdr.type == kVirtioBlkTIn || hdr.type == kVirtioBlkTGetId;
    const uint64_t data_len =
        device_writes ? chain->writable_bytes - 1 : chain->readable_bytes - sizeof(hdr);
    const bool known = device_writes || hdr.type == kVirtioBlkTOut ||
                       hdr.type == kVirtioBlkTFlush || hdr.type == kVirtioBlkTDiscard ||
                       hdr.type == kVirtioBlkTWriteZeroes;
    if (known && (device_writes ? chain->readable_bytes != sizeof(hdr)
                                : chain->writable_bytes != 1)) {
      return absl::DataLossError(absl::StrFormat(
          "blk: request %u (type %u) has data buffers in the wrong direction", chain->head,
          hdr.type));
    }
    uint64_t data_written = 0;
    const uint8_t status = Execute(hdr.type, hdr.sector, *chain, data_len, &data_written);
    (void)memory().Write(StatusAddress(*chain), &status, 1);
    queue.Push(chain->head, static_cast<uint32_t>(data_written + 1));
  }
}

uint8_t VirtioBlk::Execute(uint32_t type, uint64_t sector, const DescriptorChain& chain,
                           uint64_t data_len, uint64_t* data_written) {
  switch (type) {
    case kVirtioBlkTIn: return DoRead(sector, chain, data_len, data_written);
    case kVirtioBlkTOut: return DoWrite(sector, chain, data_len);
    case kVirtioBlkTFlush: {
      if (!HasFeature(kVirtioBlkFFlush)) return kVirtioBlkSUnsupp;
      absl::Status s = sys::SyncData(fd_);
      if (!s.ok()) {
        if (WarnAllowed()) log().error("disk {}: flush: {}", options_.path, std::string(s.message()));
        return kVirtioBlkSIoErr;
      }
      return kVirtioBlkSOk;
    }
    case kVirtioBlkTGetId: {
      uint8_t id[kVirtioBlkIdBytes] = {};
      std::memcpy(id, options_.serial.data(), std::min(options_.serial.size(), sizeof(id)));
      ChainWriter writer(memory(), chain);
      *data_written = writer.Write(id, std::min<uint64_t>(data_len, sizeof(id)));
      return kVirtioBlkSOk;
    }
    case kVirtioBlkTDiscard:
    case kVirtioBlkTWriteZeroes: return DoDiscardOrZeroes(type, chain, data_len);
    default:
      if (WarnAllowed()) log().warn("unsupported request type {}", type);
      return kVirtioBlkSUnsupp;
  }
}

uint8_t VirtioBlk::DoRead(uint64_t sector, const DescriptorChain& chain, uint64_t len,
                          uint64_t* written) {
  if (len % kSectorSize != 0 || !InRange(sector, len / kSectorSize)) return kVirtioBlkSIoErr;
  std::vector<uint8_t> buf(std::min<uint64_t>(len, kBounceSize));
  ChainWriter writer(memory(), chain);
  uint64_t off = sector * kSectorSize;
  // Bounce through a host buffer: writes into guest RAM must go through
  // GuestMemory::Write so hv/soft drops stale decoded code.
  while (len > 0) {
    const size_t n = static_cast<size_t>(std::min<uint64_t>(len, buf.size()));
    const ssize_t got = pread(fd_, buf.data(), n, static_cast<off_t>(off));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      if (WarnAllowed()) {
        log().error("disk {}: read at {:#x}: {}", options_.path, off,
                    got < 0 ? std::strerror(errno) : "unexpected end of file");
      }
      return kVirtioBlkSIoErr;
    }
    *written += writer.Write(buf.data(), static_cast<size_t>(got));
    off += static_cast<uint64_t>(got);
    len -= static_cast<uint64_t>(got);
  }
  return kVirtioBlkSOk;
}

uint8_t VirtioBlk::DoWrite(uint64_t sector, const DescriptorChain& chain, uint64_t len) {
  if (options_.read_only) return kVirtioBlkSIoErr;
  if (len % kSectorSize != 0 || !InRange(sector, len / kSectorSize)) return kVirtioBlkSIoErr;
  std::vector<uint8_t> buf(std::min<uint64_t>(len, kBounceSize));
  ChainReader reader(memory(), chain);
  reader.Skip(sizeof(RequestHeader));
  uint64_t off = sector * kSectorSize;
  while (len > 0) {
    const size_t n = reader.Read(buf.data(), static_cast<size_t>(std::min<uint64_t>(len, buf.size())));
    size_t done = 0;
    while (done < n) {
      const ssize_t put = pwrite(fd_, buf.data() + done, n - done, static_cast<off_t>(off + done));
      if (put < 0 && errno == EINTR) continue;
      if (put <= 0) {
        if (WarnAllowed()) log().error("disk {}: write at {:#x}: {}", options_.path, off, std::strerror(errno));
        return kVirtioBlkSIoErr;
      }
      done += static_cast<size_t>(put);
    }
    off += n;
    len -= n;
  }
  return kVirtioBlkSOk;
}

uint8_t VirtioBlk::ZeroRange(uint64_t offset, uint64_t len, bool unmap) {
  if (unmap && sys::PunchHole(fd_, offset, len).ok()) return kVirtioBlkSOk;
  static const std::vector<uint8_t> zeros(kBounceSize, 0);
  while (len > 0) {
    const size_t n = static_cast<size_t>(std::min<uint64_t>(len, zeros.size()));
    const ssize_t put = pwrite(fd_, zeros.data(), n, static_cast<off_t>(offset));
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) return kVirtioBlkSIoErr;
    offset += static_cast<uint64_t>(put);
    len -= static_cast<uint64_t>(put);
  }
  return kVirtioBlkSOk;
}

uint8_t VirtioBlk::DoDiscardOrZeroes(uint32_t type, const DescriptorChain& chain, uint64_t len) {
  const bool discard = type == kVirtioBlkTDiscard;
  if (!HasFeature(discard ? kVirtioBlkFDiscard : kVirtioBlkFWriteZeroes)) return kVirtioBlkSUnsupp;
  if (options_.read_only) return kVirtioBlkSIoErr;
  if (len == 0 || len % sizeof(DiscardSegment) != 0 ||
      len / sizeof(DiscardSegment) > kMaxDiscardSegments) {
    return kVirtioBlkSUnsupp;
  }
  ChainReader reader(memory(), chain);
  reader.Skip(sizeof(RequestHeader));
  std::vector<DiscardSegment> segs(len / sizeof(DiscardSegment));
  reader.Read(segs.data(), len);
  // Check every segment before touching the disk, so a bad request changes nothing.
  for (const DiscardSegment& s : segs) {
    // 5.2.6.2: unknown flag bits (and any flag on a discard) are unsupported.
    if (s.flags & ~(discard ? 0u : kVirtioBlkWriteZeroesUnmap)) return kVirtioBlkSUnsupp;
    if (s.num_sectors > kMaxDiscardSectors || !InRange(s.sector, s.num_sectors)) {
      return kVirtioBlkSIoErr;
    }
  }
  for (const DiscardSegment& s : segs) {
    const uint64_t off = s.sector * kSectorSize;
    const uint64_t n = uint64_t{s.num_sectors} * kSectorSize;
    if (n == 0) continue;
    if (discard) {
      absl::Status st = sys::PunchHole(fd_, off, n);
      if (!st.ok()) {
        if (WarnAllowed()) log().error("disk {}: discard: {}", options_.path, std::string(st.message()));
        return kVirtioBlkSIoErr;
      }
    } else if (ZeroRange(off, n, (s.flags & kVirtioBlkWriteZeroesUnmap) != 0) != kVirtioBlkSOk) {
      return kVirtioBlkSIoErr;
    }
  }
  return kVirtioBlkSOk;
}

}  // namespace vmd
