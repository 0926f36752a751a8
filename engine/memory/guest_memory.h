// Guest RAM: one anonymous host mapping placed at a guest-physical base. The VM
// maps it into the hypervisor; the loader, virtio devices and the balloon reach
// guest RAM only through these bounds-checked accessors.
#ifndef VMD_ENGINE_MEMORY_GUEST_MEMORY_H_
#define VMD_ENGINE_MEMORY_GUEST_MEMORY_H_

#include <cstdint>
#include <functional>
#include <memory>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace vmd {

class GuestMemory {
 public:
  // Host page size on Apple Silicon; hv_vm_map needs this alignment for the
  // host address, the IPA and the size, so we use it everywhere.
  static constexpr uint64_t kPageSize = 16 * 1024;
  // 36-bit IPA space is the framework's default: RAM can never exceed it.
  static constexpr uint64_t kMaxIpa = uint64_t{1} << 36;

  // `base_ipa` and `size` must be 16 KiB multiples, size > 0, and the range must
  // lie inside the 36-bit IPA space.
  static absl::StatusOr<std::unique_ptr<GuestMemory>> Create(uint64_t base_ipa, uint64_t size);
  ~GuestMemory();
  GuestMemory(const GuestMemory&) = delete;
  GuestMemory& operator=(const GuestMemory&) = delete;

  uint64_t base() const { return base_; }
  uint64_t size() const { return size_; }
  uint8_t* host_base() const { return host_; }

  // True when [ipa, ipa+len) lies inside RAM. len == 0 is contained if ipa is in
  // [base, base+size]. Never overflows, whatever the guest passes.
  bool Contains(uint64_t ipa, uint64_t len) const;
  // Host pointer for [ipa, ipa+len), or nullptr unless all of it is RAM. Writes
  // through this pointer bypass the write observer: callers that store code-like
  // data (the loader) use Write instead.
  uint8_t* HostPtr(uint64_t ipa, uint64_t len) const;

  absl::Status Read(uint64_t ipa, void* dst, uint64_t len) const;
  absl::Status Write(uint64_t ipa, const void* src, uint64_t len);
  // Gives the pages back to the host and leaves them reading as zero (the
  // balloon, and a guest reset that wants fresh RAM). ipa and len must be
  // 16 KiB aligned.
  absl::Status Discard(uint64_t ipa, uint64_t len);

  // Called after every Write and Discard with the range touched, so hv/soft can
  // drop decoded code for those pages (DECISIONS.md: host-side writes must be
  // seen). Set before vCPUs start; the callback must be thread-safe.
  using WriteObserver = std::function<void(uint64_t ipa, uint64_t len)>;
  void SetWriteObserver(WriteObserver observer) { observer_ = std::move(observer); }

 private:
  GuestMemory(uint64_t base, uint64_t size, uint8_t* host)
      : base_(base), size_(size), host_(host) {}

  const uint64_t base_;
  const uint64_t size_;
  uint8_t* const host_;
  WriteObserver observer_;
};

}  // namespace vmd

#endif  // VMD_ENGINE_MEMORY_GUEST_MEMORY_H_
