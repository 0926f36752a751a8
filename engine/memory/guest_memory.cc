#include "engine/memory/guest_memory.h"

#include <sys/mman.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/str_format.h"

namespace vmd {

absl::StatusOr<std::unique_ptr<GuestMemory>> GuestMemory::Create(uint64_t base_ipa, uint64_t size) {
  if (size == 0 || size % kPageSize != 0) {
    return absl::InvalidArgumentError(
        absl::StrFormat("guest memory: size %#x is not a non-zero multiple of 16 KiB", size));
  }
  if (base_ipa % kPageSize != 0) {
    return absl::InvalidArgumentError(
        absl::StrFormat("guest memory: base %#x is not 16 KiB aligned", base_ipa));
  }
  if (size > kMaxIpa || base_ipa > kMaxIpa - size) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "guest memory: [%#x, +%#x) does not fit the 36-bit IPA space", base_ipa, size));
  }
  // Over-allocate by one page so the host address can be rounded up to 16 KiB
  // on hosts whose page is 4 KiB; the slack is unmapped again below.
  const uint64_t reserve = size + kPageSize;
  void* raw = mmap(nullptr, reserve, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (raw == MAP_FAILED) {
    return absl::ResourceExhaustedError(
        absl::StrFormat("guest memory: mmap of %#x bytes: %s", reserve, std::strerror(errno)));
  }
  const uintptr_t start = reinterpret_cast<uintptr_t>(raw);
  const uintptr_t aligned = (start + kPageSize - 1) & ~(uintptr_t{kPageSize} - 1);
  if (aligned > start) munmap(raw, aligned - start);
  const uintptr_t end = start + reserve;
  if (end > aligned + size) munmap(reinterpret_cast<void*>(aligned + size), end - (aligned + size));
  return std::unique_ptr<GuestMemory>(
      new GuestMemory(base_ipa, size, reinterpret_cast<uint8_t*>(aligned)));
}

GuestMemory::~GuestMemory() { munmap(host_, size_); }

bool GuestMemory::Contains(uint64_t ipa, uint64_t len) const {
  if (ipa < base_) return false;
  const uint64_t off = ipa - base_;
  return off <= size_ && len <= size_ - off;
}

uint8_t* GuestMemory::HostPtr(uint64_t ipa, uint64_t len) const {
  if (!Contains(ipa, len)) return nullptr;
  return host_ + (ipa - base_);
}

absl::Status GuestMemory::Read(uint64_t ipa, void* dst, uint64_t len) const {
  const uint8_t* p = HostPtr(ipa, len);
  if (p == nullptr) {
    return absl::OutOfRangeError(
        absl::StrFormat("guest memory: read of %#x bytes at IPA %#x is outside RAM", len, ipa));
  }
  if (len > 0) std::memcpy(dst, p, len);
  return absl::OkStatus();
}

absl::Status GuestMemory::Write(uint64_t ipa, const void* src, uint64_t len) {
  uint8_t* p = HostPtr(ipa, len);
  if (p == nullptr) {
    return absl::OutOfRangeError(
        absl::StrFormat("guest memory: write of %#x bytes at IPA %#x is outside RAM", len, ipa));
  }
  if (len == 0) return absl::OkStatus();
  std::memcpy(p, src, len);
  if (observer_) observer_(ipa, len);
  return absl::OkStatus();
}

absl::Status GuestMemory::Discard(uint64_t ipa, uint64_t len) {
  if (ipa % kPageSize != 0 || len % kPageSize != 0) {
    return absl::InvalidArgumentError(
        absl::StrFormat("guest memory: discard [%#x, +%#x) is not 16 KiB aligned", ipa, len));
  }
  uint8_t* p = HostPtr(ipa, len);
  if (p == nullptr) {
    return absl::OutOfRangeError(
        absl::StrFormat("guest memory: discard [%#x, +%#x) is outside RAM", ipa, len));
  }
  if (len == 0) return absl::OkStatus();
    // On Linux a private anonymous mapping reads back as zero-fill after
    // MADV_DONTNEED. macOS's MADV_FREE_REUSABLE may leave the old contents in
    // place, so the pages are zeroed first: whether the kernel then reclaims
    // them or not, the guest (and a reset that relies on fresh RAM) sees zeros.
#ifdef __APPLE__
  std::memset(p, 0, len);
  constexpr int kAdvice = MADV_FREE_REUSABLE;
#else
  constexpr int kAdvice = MADV_DONTNEED;
#endif
  if (madvise(p, len, kAdvice) != 0) {
    return absl::InternalError(
        absl::StrFormat("guest memory: madvise at IPA %#x: %s", ipa, std::strerror(errno)));
  }
  if (observer_) observer_(ipa, len);
  return absl::OkStatus();
}

}  // namespace vmd
