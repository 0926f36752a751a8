#include "engine/virtio/virtio_device.h"

#include <bit>
#include <utility>

#include "engine/base/check.h"
#include "engine/base/logging.h"

namespace vmd {

VirtioDevice::VirtioDevice(std::string name, uint32_t device_id,
                           std::vector<uint16_t> queue_max_sizes)
    : name_(std::move(name)),
      device_id_(device_id),
      queue_max_sizes_(std::move(queue_max_sizes)),
      log_(Logger(name_)) {
  CHECK(queue_max_sizes_.size() <= 64);
}

VirtioDevice::~VirtioDevice() { StopWorker(); }

void VirtioDevice::WriteConfig(uint64_t offset, const uint8_t*, size_t len) {
  if (WarnAllowed()) {
    log().warn("guest wrote {} bytes at read-only config offset {:#x}; ignored", len, offset);
  }
}

void VirtioDevice::Attach(VirtioDeviceHost* host, GuestMemory* mem) {
  host_ = host;
  mem_ = mem;
}

bool VirtioDevice::active() const {
  absl::MutexLock lock(&mu_);
  return running_;
}

void VirtioDevice::Activate(uint64_t features, std::vector<std::optional<Virtqueue>> queues) {
  CHECK(host_ != nullptr && mem_ != nullptr);
  StopWorker();
  features_ = features;
  queues_ = std::move(queues);
  queues_.resize(num_queues());
  broken_ = false;
  OnActivate();
  absl::MutexLock lock(&mu_);
  // Scan every queue once: drivers may add buffers (and even notify) before
  // DRIVER_OK, and those notifications went nowhere.
  pending_ = num_queues() == 64 ? ~uint64_t{0} : (uint64_t{1} << num_queues()) - 1;
  stop_ = false;
  running_ = true;
  worker_ = std::thread([this] { Run(); });
}

absl::Status VirtioDevice::ProcessQueueSync(uint64_t features, size_t index, Virtqueue& queue) {
  CHECK(!active() && mem_ != nullptr);
  features_ = features;
  return ProcessQueue(index, queue);
}

void VirtioDevice::Reset() {
  StopWorker();
  queues_.clear();
  features_ = 0;
  broken_ = false;
  OnReset();
}

void VirtioDevice::StopWorker() {
  {
    absl::MutexLock lock(&mu_);
    if (!running_) return;
    stop_ = true;
  }
  worker_.join();
  absl::MutexLock lock(&mu_);
  running_ = false;
  pending_ = 0;
}

void VirtioDevice::Kick(size_t queue) {
  if (queue >= num_queues()) return;
  absl::MutexLock lock(&mu_);
  if (running_) pending_ |= uint64_t{1} << queue;
}

void VirtioDevice::Run() {
  for (;;) {
    uint64_t pending;
    {
      absl::MutexLock lock(&mu_);
      mu_.Await(absl::Condition(
          +[](VirtioDevice* d) ABSL_EXCLUSIVE_LOCKS_REQUIRED(d->mu_) {
            return d->pending_ != 0 || d->stop_;
          },
          this));
      if (stop_) return;
      pending = std::exchange(pending_, 0);
    }
    while (pending != 0 && !broken_) {
      const size_t q = static_cast<size_t>(std::countr_zero(pending));
      pending &= pending - 1;
      if (q >= queues_.size() || !queues_[q].has_value()) continue;
      Virtqueue& vq = *queues_[q];
      absl::Status status;
      for (;;) {
        vq.DisableNotifications();
        const uint16_t before = vq.last_avail();
        status = ProcessQueue(q, vq);
        if (!status.ok()) break;
        // Buffers that arrived while notifications were off must not be
        // stranded; a device waiting for host data (no progress) stops here
        // and is kicked when the data comes.
        if (!vq.EnableNotifications() || vq.last_avail() == before) break;
      }
      if (vq.NeedsInterrupt()) host_->SignalUsed();
      if (!status.ok()) {
        broken_ = true;
        host_->MarkBroken(std::string_view(status.message().data(), status.message().size()));
      }
    }
  }
}

}  // namespace vmd
