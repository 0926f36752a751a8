// virtio-balloon (device ID 5): the host asks the guest to give back memory
// (SetTargetPages), the guest lists 4 KiB page frames on the inflate queue and
// we release them from guest RAM; guest memory statistics come back on the
// stats queue. vm/ exposes the target and the stats to the daemon.
#ifndef VMD_ENGINE_VIRTIO_BALLOON_H_
#define VMD_ENGINE_VIRTIO_BALLOON_H_

#include <atomic>
#include <cstdint>
#include <map>
#include <optional>
#include <set>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "engine/virtio/virtio_device.h"

namespace vmd {

inline constexpr uint64_t kVirtioBalloonFStatsVq = uint64_t{1} << 1;
inline constexpr uint64_t kVirtioBalloonFDeflateOnOom = uint64_t{1} << 2;

// Statistics tags (virtio 1.x 5.5.6.3).
inline constexpr uint16_t kBalloonStatSwapIn = 0;
inline constexpr uint16_t kBalloonStatSwapOut = 1;
inline constexpr uint16_t kBalloonStatMajorFaults = 2;
inline constexpr uint16_t kBalloonStatMinorFaults = 3;
inline constexpr uint16_t kBalloonStatFreeMemory = 4;
inline constexpr uint16_t kBalloonStatTotalMemory = 5;
inline constexpr uint16_t kBalloonStatAvailableMemory = 6;

class VirtioBalloon final : public VirtioDevice {
 public:
  static constexpr uint32_t kDeviceId = 5;
  static constexpr size_t kInflateQueue = 0;
  static constexpr size_t kDeflateQueue = 1;
  static constexpr size_t kStatsQueue = 2;
  static constexpr uint64_t kBalloonPageSize = 4096;  // fixed by the spec, whatever the host page

  // With `deflate_on_oom` the device offers VIRTIO_BALLOON_F_DEFLATE_ON_OOM:
  // the guest may take pages back under memory pressure (it reports them on
  // the deflate queue as usual).
  explicit VirtioBalloon(bool deflate_on_oom = false);
  ~VirtioBalloon() override;

  // Asks the guest to hold `pages` 4 KiB pages in the balloon (config
  // num_pages) and raises a config change. Thread-safe.
  void SetTargetPages(uint32_t pages);
  uint32_t target_pages() const;
  // What the driver reports holding (config `actual`).
  uint32_t actual_pages() const;
  // Pages currently inflated as seen on the queues.
  uint64_t inflated_pages() const { return inflated_count_.load(); }

  // Asks the driver for fresh statistics (returns its stats buffer).
  void RequestStats();
  // The latest statistics by tag, and how many updates arrived so far.
  std::map<uint16_t, uint64_t> stats() const;
  uint64_t stats_updates() const;

  uint64_t DeviceFeatures() const override {
    return kVirtioBalloonFStatsVq | (deflate_on_oom_ ? kVirtioBalloonFDeflateOnOom : 0);
  }
  void ReadConfig(uint64_t offset, uint8_t* dst, size_t len) override;
  void WriteConfig(uint64_t offset, const uint8_t* src, size_t len) override;

 private:
  absl::Status ProcessQueue(size_t index, Virtqueue& queue) override;
  absl::Status ProcessPages(bool inflate, Virtqueue& queue);
  absl::Status ProcessStats(Virtqueue& queue);
  void HandleFrame(bool inflate, uint32_t pfn);
  void Inflate(uint64_t pfn);
  void OnReset() override;

  const bool deflate_on_oom_;

  mutable absl::Mutex config_mu_;
  uint32_t num_pages_ ABSL_GUARDED_BY(config_mu_) = 0;
  uint32_t actual_ ABSL_GUARDED_BY(config_mu_) = 0;

  mutable absl::Mutex stats_mu_;
  std::map<uint16_t, uint64_t> stats_ ABSL_GUARDED_BY(stats_mu_);
  uint64_t stats_updates_ ABSL_GUARDED_BY(stats_mu_) = 0;
  std::atomic<bool> stats_requested_{false};

  // Worker-thread state.
  std::set<uint64_t> inflated_;  // 4 KiB frame numbers
  std::atomic<uint64_t> inflated_count_{0};
  std::optional<uint16_t> stats_head_;  // the driver's stats buffer, held until requested
};

}  // namespace vmd

#endif  // VMD_ENGINE_VIRTIO_BALLOON_H_
