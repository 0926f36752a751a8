// virtio-net (device ID 1, virtio 1.x 5.1): one receive and one transmit queue
// between the guest and a NetBackend (user-mode NAT through SlirpBackend).
// vm/ creates one per VM network:
//
//   auto backend = SlirpBackend::Create(net_config);        // engine/net
//   auto mac = ParseMacAddress("52:54:00:12:34:56");      // or DeriveMacAddress(vm_id)
//   auto net = std::make_unique<VirtioNet>(backend->get(), *mac);
//   // wrap `net` in a VirtioMmio slot; destroy it before the backend.
//
// Offered features: MAC (the address in config space), STATUS (link up),
// MTU (1500, so the driver never sends larger frames). No checksum or
// segmentation offload is offered: the guest sends complete frames and gets
// complete frames, with a 12-byte virtio_net_hdr_v1 in front that says nothing.
#ifndef VMD_ENGINE_VIRTIO_NET_H_
#define VMD_ENGINE_VIRTIO_NET_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "engine/net/net_backend.h"
#include "engine/virtio/virtio_device.h"

namespace vmd {

// Feature bits (virtio 1.x, 5.1.3).
inline constexpr uint64_t kVirtioNetFMtu = uint64_t{1} << 3;
inline constexpr uint64_t kVirtioNetFMac = uint64_t{1} << 5;
inline constexpr uint64_t kVirtioNetFStatus = uint64_t{1} << 16;
inline constexpr uint16_t kVirtioNetSLinkUp = 1;

// struct virtio_net_hdr_v1 (5.1.6): 12 bytes in front of every frame on both
// queues once VERSION_1 is negotiated.
inline constexpr size_t kVirtioNetHdrSize = 12;
inline constexpr uint8_t kVirtioNetHdrFNeedsCsum = 1;
inline constexpr uint8_t kVirtioNetHdrGsoNone = 0;

// Config space offsets (struct virtio_net_config).
namespace net_config {
inline constexpr size_t kMac = 0;
inline constexpr size_t kStatus = 6;
inline constexpr size_t kMaxVirtqueuePairs = 8;
inline constexpr size_t kMtu = 10;
inline constexpr size_t kSize = 12;
}  // namespace net_config

using MacAddress = std::array<uint8_t, 6>;
// "xx:xx:xx:xx:xx:xx" (hex, either case). Multicast addresses and all-zero are
// refused: a NIC's own address is unicast.
absl::StatusOr<MacAddress> ParseMacAddress(std::string_view text);
std::string FormatMacAddress(const MacAddress& mac);
// A locally administered unicast MAC derived from `seed` (e.g. the VM id):
// the same seed always gives the same address.
MacAddress DeriveMacAddress(std::string_view seed);

class VirtioNet final : public VirtioDevice, public NetFrameReceiver {
 public:
  static constexpr uint32_t kDeviceId = 1;
  static constexpr size_t kReceiveQueue = 0;
  static constexpr size_t kTransmitQueue = 1;
  // Frames from the backend waiting for guest receive buffers; beyond this
  // new frames are dropped (tail drop: TCP recovers, the host never grows).
  static constexpr size_t kDefaultRxBacklog = 512;

  struct Stats {
    uint64_t tx_frames = 0;   // handed to the backend
    uint64_t tx_dropped = 0;  // malformed, oversized, or refused by the backend
    uint64_t rx_frames = 0;   // delivered to the guest
    uint64_t rx_dropped = 0;  // backlog full, bad size, or guest buffer too small
  };

  // Registers itself as `backend`'s receiver; `backend` must outlive the
  // device (the destructor detaches from it).
  VirtioNet(NetBackend* backend, const MacAddress& mac, uint16_t queue_size = 256,
            size_t rx_backlog = kDefaultRxBacklog);
  ~VirtioNet() override;

  uint64_t DeviceFeatures() const override;
  void ReadConfig(uint64_t offset, uint8_t* dst, size_t len) override;

  // Link state in config space (STATUS); a change raises the config interrupt.
  // Starts up. While down, frames in either direction are dropped.
  void SetLinkUp(bool up);
  const MacAddress& mac() const { return mac_; }
  Stats stats() const;
  // Frames from the backend not yet delivered to the guest.
  size_t PendingRx() const;

  // NetFrameReceiver: a frame from the backend for the guest. Copied into the
  // bounded backlog and delivered by the worker; never blocks. Any thread.
  void ReceiveFrame(const uint8_t* frame, size_t len) override;

 private:
  absl::Status ProcessQueue(size_t index, Virtqueue& queue) override;
  absl::Status Transmit(Virtqueue& queue);
  absl::Status Receive(Virtqueue& queue);
  void OnReset() override;

  NetBackend* const backend_;
  const MacAddress mac_;
  const size_t rx_backlog_;
  std::atomic<bool> link_up_{true};

  mutable absl::Mutex rx_mu_;
  std::deque<std::vector<uint8_t>> rx_ ABSL_GUARDED_BY(rx_mu_);

  std::atomic<uint64_t> tx_frames_{0};
  std::atomic<uint64_t> tx_dropped_{0};
  std::atomic<uint64_t> rx_frames_{0};
  std::atomic<uint64_t> rx_dropped_{0};

  // Worker-thread scratch for one transmitted frame.
  std::vector<uint8_t> tx_buf_;
};

}  // namespace vmd

#endif  // VMD_ENGINE_VIRTIO_NET_H_
