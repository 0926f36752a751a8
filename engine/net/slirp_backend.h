// User-mode networking through libslirp: a NetBackend that NATs the guest's
// TCP/UDP to host sockets, answers ARP and DHCP, relays DNS to the host's
// resolver, and forwards host ports to the guest. vm/ creates one per VM
// network from the VM spec and hands it to a VirtioNet:
//
//   NetConfig config;
//   config.port_forwards.push_back({PortForward::kTcp, "127.0.0.1", 2222, 22});
//   ASSIGN_OR_RETURN(std::unique_ptr<SlirpBackend> backend, SlirpBackend::Create(config));
//   auto net = std::make_unique<VirtioNet>(backend.get(), mac);  // destroy before backend
//
// The guest network is slirp's usual one: 10.0.2.0/24, the guest gets
// 10.0.2.15 by DHCP, the gateway is 10.0.2.2 (which is also the host: a
// connection to 10.0.2.2:N reaches the host's 127.0.0.1:N), DNS is 10.0.2.3.
// IPv4 only.
//
// Threads: libslirp is single-threaded, so every call into it happens on the
// backend's own thread (a poll() loop with slirp's timers). Send() queues the
// frame and wakes that thread; frames for the guest are delivered from it.
#ifndef VMD_ENGINE_NET_SLIRP_BACKEND_H_
#define VMD_ENGINE_NET_SLIRP_BACKEND_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "engine/net/net_backend.h"
#include "engine/virtio/rate_limit.h"
#include "spdlog/logger.h"

namespace vmd {

// Host -> guest forward: connections (or datagrams) to host_addr:host_port
// reach the guest (10.0.2.15) at guest_port.
struct PortForward {
  enum Protocol { kTcp, kUdp };
  Protocol protocol = kTcp;
  std::string host_addr = "127.0.0.1";  // dotted IPv4; empty = 127.0.0.1
  uint16_t host_port = 0;               // 1..65535
  uint16_t guest_port = 0;              // 1..65535
};

struct NetConfig {
  std::vector<PortForward> port_forwards;
  // Frames from the guest waiting for the slirp thread; beyond this Send()
  // drops. The thread takes the whole queue each time it wakes, so only a
  // guest blasting datagrams faster than slirp can forward them gets here
  // (TCP is held back by slirp's 64 KiB window long before).
  size_t max_pending_frames = 1024;
};

// The fixed addresses of the guest network (documented above).
inline constexpr char kSlirpNetwork[] = "10.0.2.0";
inline constexpr char kSlirpNetmask[] = "255.255.255.0";
inline constexpr char kSlirpGateway[] = "10.0.2.2";
inline constexpr char kSlirpDns[] = "10.0.2.3";
inline constexpr char kSlirpGuest[] = "10.0.2.15";

class SlirpBackend final : public NetBackend {
 public:
  // Sets up slirp and the port forwards (failing if a host port cannot be
  // bound) and starts the thread.
  static absl::StatusOr<std::unique_ptr<SlirpBackend>> Create(const NetConfig& config);
  // Stops and joins the thread, then closes every socket slirp holds.
  ~SlirpBackend() override;
  SlirpBackend(const SlirpBackend&) = delete;
  SlirpBackend& operator=(const SlirpBackend&) = delete;

  void SetReceiver(NetFrameReceiver* receiver) override;
  bool Send(const uint8_t* frame, size_t len) override;

  struct Stats {
    uint64_t to_slirp = 0;     // guest frames handed to slirp
    uint64_t from_slirp = 0;   // frames slirp emitted for the guest
    uint64_t dropped = 0;      // guest frames dropped (queue full, bad size, stopped)
    uint64_t no_receiver = 0;  // frames for the guest with nobody attached
  };
  Stats stats() const;

 private:
  struct Impl;  // libslirp state and callbacks, in the .cc
  explicit SlirpBackend(const NetConfig& config);
  absl::Status Init();
  void Run();
  void Wake();
  void DeliverToGuest(const uint8_t* frame, size_t len);

  const NetConfig config_;
  std::shared_ptr<spdlog::logger> log_;
  RateLimiter warn_limit_;
  std::unique_ptr<Impl> impl_;  // slirp state; touched only by the slirp thread once it runs
  int wake_rd_ = -1;
  int wake_wr_ = -1;
  std::thread thread_;

  mutable absl::Mutex mu_;
  std::deque<std::vector<uint8_t>> pending_ ABSL_GUARDED_BY(mu_);
  bool stop_ ABSL_GUARDED_BY(mu_) = false;

  std::atomic<uint64_t> to_slirp_{0};
  std::atomic<uint64_t> from_slirp_{0};
  std::atomic<uint64_t> dropped_{0};
  std::atomic<uint64_t> no_receiver_{0};

  // Separate from mu_: held while calling the receiver, which may take its
  // own locks, and never while taking mu_.
  absl::Mutex receiver_mu_;
  NetFrameReceiver* receiver_ ABSL_GUARDED_BY(receiver_mu_) = nullptr;
};

}  // namespace vmd

#endif  // VMD_ENGINE_NET_SLIRP_BACKEND_H_
