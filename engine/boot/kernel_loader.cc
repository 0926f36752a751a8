#include "engine/boot/kernel_loader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"
#include "engine/base/status_macros.h"
#include "engine/boot/boot_layout.h"

namespace vmd {
namespace {

// arm64 Image header (Documentation/arm64/booting.rst): little-endian fields.
constexpr size_t kHeaderSize = 64;
constexpr size_t kTextOffsetAt = 8;
constexpr size_t kImageSizeAt = 16;
constexpr size_t kFlagsAt = 24;
constexpr uint64_t kFlagBigEndian = 1;  // flags bit 0: kernel endianness
constexpr size_t kMagicAt = 56;
constexpr uint8_t kMagic[4] = {'A', 'R', 'M', 0x64};

uint64_t Le64(const uint8_t* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

std::string Errno(int err) { return std::strerror(err); }

}  // namespace

bool IsGzip(const std::vector<uint8_t>& data) {
  return data.size() >= 2 && data[0] == 0x1f && data[1] == 0x8b;
}

absl::StatusOr<std::vector<uint8_t>> ReadFileCapped(const std::string& path, uint64_t max_size) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return absl::NotFoundError(absl::StrFormat("%s: open: %s", path, Errno(errno)));
  struct stat st;
  if (fstat(fd, &st) != 0) {
    const int err = errno;
    close(fd);
    return absl::InternalError(absl::StrFormat("%s: stat: %s", path, Errno(err)));
  }
  if (!S_ISREG(st.st_mode)) {
    close(fd);
    return absl::InvalidArgumentError(absl::StrFormat("%s: not a regular file", path));
  }
  if (static_cast<uint64_t>(st.st_size) > max_size) {
    close(fd);
    return absl::OutOfRangeError(absl::StrFormat(
        "%s: %u bytes is larger than the %u bytes available", path, st.st_size, max_size));
  }
  std::vector<uint8_t> data(static_cast<size_t>(st.st_size));
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = read(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = n < 0 ? errno : 0;
      close(fd);
      return absl::DataLossError(
          absl::StrFormat("%s: read: %s", path, err ? Errno(err) : "file shrank while reading"));
    }
    done += static_cast<size_t>(n);
  }
  close(fd);
  return data;
}

absl::StatusOr<std::vector<uint8_t>> Gunzip(const std::vector<uint8_t>& gz, uint64_t max_size,
                                            const std::string& what) {
  z_stream zs;
  std::memset(&zs, 0, sizeof(zs));
  // 16 + MAX_WBITS: expect a gzip wrapper (header and CRC32 trailer).
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
    return absl::InternalError(absl::StrFormat("%s: inflateInit failed", what));
  }
  std::vector<uint8_t> out;
  zs.next_in = const_cast<Bytef*>(gz.data());
  uint64_t in_left = gz.size();
  constexpr uint64_t kChunk = 1 << 20;
  int ret = Z_OK;
  while (ret != Z_STREAM_END) {
    if (out.size() >= max_size) {
      inflateEnd(&zs);
      return absl::OutOfRangeError(absl::StrFormat(
          "%s: decompressed kernel is larger than the %u bytes available", what, max_size));
    }
    const size_t old = out.size();
    out.resize(old + static_cast<size_t>(std::min<uint64_t>(kChunk, max_size - old)));
    zs.next_out = out.data() + old;
    zs.avail_out = static_cast<uInt>(out.size() - old);
    if (zs.avail_in == 0) {
      // zlib counts input in uInt; feed huge buffers piecewise.
      zs.avail_in = static_cast<uInt>(std::min<uint64_t>(in_left, 1u << 30));
      in_left -= zs.avail_in;
    }
    ret = inflate(&zs, Z_NO_FLUSH);
    out.resize(out.size() - zs.avail_out);
    if (ret == Z_STREAM_END) break;
    if (ret == Z_BUF_ERROR && zs.avail_in == 0 && in_left == 0) {
      inflateEnd(&zs);
      return absl::DataLossError(absl::StrFormat("%s: gzip stream is truncated", what));
    }
    if (ret != Z_OK && ret != Z_BUF_ERROR) {
      const std::string msg = zs.msg != nullptr ? zs.msg : "error " + std::to_string(ret);
      inflateEnd(&zs);
      return absl::DataLossError(absl::StrFormat("%s: corrupt gzip data: %s", what, msg));
    }
  }
  inflateEnd(&zs);
  return out;
}

absl::StatusOr<LoadedImage> LoadKernelData(GuestMemory& mem, const std::vector<uint8_t>& data,
                                           const std::string& what) {
  if (data.empty()) return absl::InvalidArgumentError(absl::StrFormat("%s: empty kernel", what));
  if (mem.base() % k2MiB != 0) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s: RAM base %#x is not 2 MiB aligned", what, mem.base()));
  }
  LoadedImage img;
  img.file_size = data.size();
  const bool is_image =
      data.size() >= kHeaderSize && std::memcmp(&data[kMagicAt], kMagic, sizeof(kMagic)) == 0;
  if (is_image) {
    img.kind = LoadedImage::Kind::kLinuxImage;
    // The guest runs little-endian only (SCTLR_EL1.EE stays 0 at entry).
    if (Le64(&data[kFlagsAt]) & kFlagBigEndian) {
      return absl::InvalidArgumentError(
          absl::StrFormat("%s: big-endian kernel (Image flags bit 0) is not supported", what));
    }
    img.text_offset = Le64(&data[kTextOffsetAt]);
    img.image_size = Le64(&data[kImageSizeAt]);
    if (img.image_size == 0) {
      // Pre-3.17 header: text_offset is not meaningful either.
      img.text_offset = kDefaultTextOffset;
      img.image_size = img.file_size + kOldKernelSlack;
    } else if (img.image_size < img.file_size) {
      return absl::InvalidArgumentError(
          absl::StrFormat("%s: header image_size %#x is smaller than the %#x-byte file", what,
                          img.image_size, img.file_size));
    }
    if (img.text_offset % 4096 != 0) {
      return absl::InvalidArgumentError(
          absl::StrFormat("%s: text_offset %#x is not page aligned", what, img.text_offset));
    }
  } else {
    img.kind = LoadedImage::Kind::kRawPayload;
    img.text_offset = kDefaultTextOffset;
    img.image_size = img.file_size;
  }
  // Subtraction-only checks: a hostile header cannot make the sum wrap.
  if (img.text_offset > mem.size() || img.image_size > mem.size() - img.text_offset) {
    return absl::OutOfRangeError(
        absl::StrFormat("%s: kernel needs %#x bytes at offset %#x but RAM is only %#x bytes", what,
                        img.image_size, img.text_offset, mem.size()));
  }
  img.load_addr = mem.base() + img.text_offset;
  img.entry = img.load_addr;
  RETURN_IF_ERROR(mem.Write(img.load_addr, data.data(), data.size()));
  return img;
}

absl::StatusOr<LoadedImage> LoadKernel(GuestMemory& mem, const std::string& path) {
  ASSIGN_OR_RETURN(std::vector<uint8_t> data, ReadFileCapped(path, mem.size()));
  const bool gz = IsGzip(data);
  if (gz) {
    ASSIGN_OR_RETURN(data, Gunzip(data, mem.size(), path));
  }
  ASSIGN_OR_RETURN(LoadedImage img, LoadKernelData(mem, data, path));
  img.gzipped = gz;
  return img;
}

absl::StatusOr<uint64_t> LoadInitrd(GuestMemory& mem, const std::string& path, uint64_t addr) {
  if (addr % kInitrdAlign != 0) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s: initrd address %#x is not 16 KiB aligned", path, addr));
  }
  if (!mem.Contains(addr, 0)) {
    return absl::OutOfRangeError(
        absl::StrFormat("%s: initrd address %#x is outside RAM", path, addr));
  }
  const uint64_t room = mem.base() + mem.size() - addr;
  ASSIGN_OR_RETURN(std::vector<uint8_t> data, ReadFileCapped(path, room));
  RETURN_IF_ERROR(mem.Write(addr, data.data(), data.size()));
  return data.size();
}

}  // namespace vmd
