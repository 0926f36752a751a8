// The base of every virtio device (rng, blk, console, balloon): the pieces the
// virtio-mmio transport drives (features, config space, activation, reset,
// queue notifications) and one worker thread that runs the device's queue
// processing off the vCPU threads.
#ifndef VMD_ENGINE_VIRTIO_VIRTIO_DEVICE_H_
#define VMD_ENGINE_VIRTIO_VIRTIO_DEVICE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "engine/memory/guest_memory.h"
#include "engine/virtio/rate_limit.h"
#include "engine/virtio/virtqueue.h"
#include "spdlog/logger.h"

namespace vmd {

// Transport-level feature bits (virtio 1.x, 6).
inline constexpr uint64_t kVirtioFRingIndirectDesc = uint64_t{1} << 28;
inline constexpr uint64_t kVirtioFRingEventIdx = uint64_t{1} << 29;
inline constexpr uint64_t kVirtioFVersion1 = uint64_t{1} << 32;

// Device status bits (virtio 1.x, 2.1).
inline constexpr uint32_t kStatusAcknowledge = 1;
inline constexpr uint32_t kStatusDriver = 2;
inline constexpr uint32_t kStatusDriverOk = 4;
inline constexpr uint32_t kStatusFeaturesOk = 8;
inline constexpr uint32_t kStatusNeedsReset = 64;
inline constexpr uint32_t kStatusFailed = 128;

// What a device may ask of its transport. Callable from any thread.
class VirtioDeviceHost {
 public:
  virtual ~VirtioDeviceHost() = default;
  // Used buffers were returned: raise the used-buffer interrupt.
  virtual void SignalUsed() = 0;
  // Config space changed: bump ConfigGeneration and raise the config interrupt.
  virtual void SignalConfigChange() = 0;
  // The guest broke the protocol: set DEVICE_NEEDS_RESET and tell the driver.
  virtual void MarkBroken(std::string_view why) = 0;
};

class VirtioDevice {
 public:
  // `queue_max_sizes` has one entry (QueueNumMax) per virtqueue.
  VirtioDevice(std::string name, uint32_t device_id, std::vector<uint16_t> queue_max_sizes);
  // Derived classes call StopWorker() in their destructors, before their own
  // members go away.
  virtual ~VirtioDevice();
  VirtioDevice(const VirtioDevice&) = delete;
  VirtioDevice& operator=(const VirtioDevice&) = delete;

  std::string_view name() const { return name_; }
  uint32_t device_id() const { return device_id_; }
  size_t num_queues() const { return queue_max_sizes_.size(); }
  uint16_t queue_max_size(size_t q) const {
    return q < queue_max_sizes_.size() ? queue_max_sizes_[q] : 0;
  }

  // Device-type feature bits offered; the transport adds VERSION_1 and the
  // ring features.
  virtual uint64_t DeviceFeatures() const = 0;
  // Device config space; bytes outside it read as zero. Thread-safe.
  virtual void ReadConfig(uint64_t offset, uint8_t* dst, size_t len) = 0;
  // Default: the config space is read-only and writes are ignored.
  virtual void WriteConfig(uint64_t offset, const uint8_t* src, size_t len);

  // Transport hooks. Attach happens once, before anything else.
  void Attach(VirtioDeviceHost* host, GuestMemory* mem);
  // DRIVER_OK: takes the ready queues (nullopt for queues the driver left
  // unused) and starts the worker, which scans every queue once.
  void Activate(uint64_t features, std::vector<std::optional<Virtqueue>> queues);
  // QueueNotify from a vCPU: wakes the worker; never blocks on I/O.
  void Notify(size_t queue) { Kick(queue); }
  // Device reset (status 0 or teardown): joins the worker and forgets queues.
  void Reset();
  bool active() const;
  // Runs one queue's processing on the calling thread with `features`
  // negotiated. For fuzz targets and tests that need determinism; only while
  // the device is not active (no worker running).
  absl::Status ProcessQueueSync(uint64_t features, size_t index, Virtqueue& queue);

 protected:
  // Runs on the worker thread. Pops and pushes as it can; an error means the
  // guest violated the protocol and marks the device broken.
  virtual absl::Status ProcessQueue(size_t index, Virtqueue& queue) = 0;
  // Called on activation (before the worker starts) and after reset (after
  // the worker stopped).
  virtual void OnActivate() {}
  virtual void OnReset() {}

  // Wakes the worker for `queue` (host-side events: console input, balloon
  // stats request). Ignored while inactive.
  void Kick(size_t queue);
  void StopWorker();
  VirtioDeviceHost* host() const { return host_; }
  GuestMemory& memory() const { return *mem_; }
  // Negotiated features; only meaningful while active (read by the worker).
  uint64_t features() const { return features_; }
  bool HasFeature(uint64_t bit) const { return (features_ & bit) != 0; }
  // For guest oddities: true when a warning may be logged now.
  bool WarnAllowed() { return warn_limit_.Allow(); }
  spdlog::logger& log() const { return *log_; }

 private:
  void Run();

  const std::string name_;
  const uint32_t device_id_;
  const std::vector<uint16_t> queue_max_sizes_;
  std::shared_ptr<spdlog::logger> log_;
  RateLimiter warn_limit_;
  VirtioDeviceHost* host_ = nullptr;
  GuestMemory* mem_ = nullptr;

  // Owned by the worker while it runs; touched by Activate/Reset only when the
  // worker is not running.
  uint64_t features_ = 0;
  std::vector<std::optional<Virtqueue>> queues_;
  bool broken_ = false;

  mutable absl::Mutex mu_;
  uint64_t pending_ ABSL_GUARDED_BY(mu_) = 0;  // one bit per queue
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  bool running_ ABSL_GUARDED_BY(mu_) = false;
  std::thread worker_;
};

}  // namespace vmd

#endif  // VMD_ENGINE_VIRTIO_VIRTIO_DEVICE_H_
