#include "engine/virtio/net.h"

#include <algorithm>
#include <cstring>

#include "absl/strings/str_format.h"
#include "engine/base/status_macros.h"

namespace vmd {
namespace {

// The header fields the device looks at (5.1.6): flags and gso_type in bytes
// 0 and 1, num_buffers at byte 10.
constexpr size_t kHdrFlags = 0;
constexpr size_t kHdrGsoType = 1;
constexpr size_t kHdrNumBuffers = 10;

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

absl::StatusOr<MacAddress> ParseMacAddress(std::string_view text) {
  MacAddress mac{};
  const auto bad = [&](std::string_view why) {
    return absl::InvalidArgumentError(absl::StrFormat("MAC address \"%s\": %s", text, why));
  };
  if (text.size() != 17) return bad("expected xx:xx:xx:xx:xx:xx");
  for (size_t i = 0; i < 6; ++i) {
    const int hi = HexDigit(text[3 * i]);
    const int lo = HexDigit(text[3 * i + 1]);
    if (hi < 0 || lo < 0 || (i < 5 && text[3 * i + 2] != ':')) {
      return bad("expected xx:xx:xx:xx:xx:xx");
    }
    mac[i] = static_cast<uint8_t>(hi << 4 | lo);
  }
  if (mac[0] & 1) return bad("multicast, not a NIC address");
  if (mac == MacAddress{}) return bad("all zero");
  return mac;
}

std::string FormatMacAddress(const MacAddress& mac) {
  return absl::StrFormat("%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1], mac[2], mac[3], mac[4],
                         mac[5]);
}

MacAddress DeriveMacAddress(std::string_view seed) {
  // FNV-1a: stable across builds and hosts, unlike std::hash.
  uint64_t h = 0xcbf29ce484222325ull;
  for (char c : seed) {
    h ^= static_cast<uint8_t>(c);
    h *= 0x100000001b3ull;
  }
  MacAddress mac;
  for (size_t i = 0; i < 6; ++i) mac[i] = static_cast<uint8_t>(h >> (8 * i));
  mac[0] = static_cast<uint8_t>((mac[0] & 0xfc) | 0x02);  // unicast, locally administered
  return mac;
}

VirtioNet::VirtioNet(NetBackend* backend, const MacAddress& mac, uint16_t queue_size,
                     size_t rx_backlog)
    : VirtioDevice("virtio-net", kDeviceId, {queue_size, queue_size}),
      backend_(backend),
      mac_(mac),
      rx_backlog_(rx_backlog),
      tx_buf_(kMaxEthFrameSize) {
  backend_->SetReceiver(this);
}

VirtioNet::~VirtioNet() {
  // Detach first: after this no backend thread enters ReceiveFrame.
  backend_->SetReceiver(nullptr);
  StopWorker();
}

uint64_t VirtioNet::DeviceFeatures() const {
  return kVirtioNetFMac | kVirtioNetFStatus | kVirtioNetFMtu;
}

void VirtioNet::ReadConfig(uint64_t offset, uint8_t* dst, size_t len) {
  uint8_t cfg[net_config::kSize] = {};
  std::memcpy(cfg + net_config::kMac, mac_.data(), mac_.size());
  const uint16_t status = link_up_.load() ? kVirtioNetSLinkUp : 0;
  const uint16_t pairs = 1;
  const uint16_t mtu = kEthMtu;
  std::memcpy(cfg + net_config::kStatus, &status, 2);  // little-endian host
  std::memcpy(cfg + net_config::kMaxVirtqueuePairs, &pairs, 2);
  std::memcpy(cfg + net_config::kMtu, &mtu, 2);
  std::memset(dst, 0, len);
  if (offset < sizeof(cfg)) {
    std::memcpy(dst, cfg + offset, std::min<uint64_t>(len, sizeof(cfg) - offset));
  }
}

void VirtioNet::SetLinkUp(bool up) {
  if (link_up_.exchange(up) == up) return;
  log().info("link {}", up ? "up" : "down");
  if (host() != nullptr) host()->SignalConfigChange();
}

VirtioNet::Stats VirtioNet::stats() const {
  return {tx_frames_.load(), tx_dropped_.load(), rx_frames_.load(), rx_dropped_.load()};
}

size_t VirtioNet::PendingRx() const {
  absl::MutexLock lock(&rx_mu_);
  return rx_.size();
}

void VirtioNet::ReceiveFrame(const uint8_t* frame, size_t len) {
  if (!link_up_.load() || len < kEthHeaderSize || len > kMaxEthFrameSize) {
    ++rx_dropped_;
    return;
  }
  {
    absl::MutexLock lock(&rx_mu_);
    if (rx_.size() >= rx_backlog_) {
      ++rx_dropped_;
      return;  // the guest is not keeping up; no warning, TCP sees the loss
    }
    rx_.emplace_back(frame, frame + len);
  }
  Kick(kReceiveQueue);
}

void VirtioNet::OnReset() {
  absl::MutexLock lock(&rx_mu_);
  rx_.clear();
}

absl::Status VirtioNet::ProcessQueue(size_t index, Virtqueue& queue) {
  return index == kTransmitQueue ? Transmit(queue) : Receive(queue);
}

absl::Status VirtioNet::Transmit(Virtqueue& queue) {
  for (;;) {
    ASSIGN_OR_RETURN(std::optional<DescriptorChain> chain, queue.Pop());
    if (!chain) return absl::OkStatus();
    if (chain->writable_bytes > 0) {
      return absl::DataLossError(
          absl::StrFormat("net: transmit buffer %u is device-writable", chain->head));
    }
    // A bad frame is the guest's loss, as on a real wire: dropped, the
    // buffer returned, the device keeps working.
    const char* drop = nullptr;
    const uint64_t frame_len =
        chain->readable_bytes >= kVirtioNetHdrSize ? chain->readable_bytes - kVirtioNetHdrSize : 0;
    uint8_t hdr[kVirtioNetHdrSize];
    ChainReader reader(memory(), *chain);
    if (chain->readable_bytes < kVirtioNetHdrSize + kEthHeaderSize) {
      drop = "shorter than a header and an Ethernet header";
    } else if (frame_len > kMaxEthFrameSize) {
      drop = "larger than the MTU";
    } else if (reader.Read(hdr, sizeof(hdr)) != sizeof(hdr)) {
      drop = "unreadable header";
    } else if ((hdr[kHdrFlags] & kVirtioNetHdrFNeedsCsum) != 0) {
      drop = "asks for checksum offload, which was not offered";
    } else if (hdr[kHdrGsoType] != kVirtioNetHdrGsoNone) {
      drop = "asks for segmentation offload, which was not offered";
    } else if (!link_up_.load()) {
      drop = "";  // the cable is out: nothing to warn about
    }
    if (drop != nullptr) {
      ++tx_dropped_;
      if (*drop != '\0' && WarnAllowed()) {
        log().warn("dropped transmit buffer {} ({} bytes): {}", chain->head, chain->readable_bytes,
                   drop);
      }
    } else {
      const size_t n = reader.Read(tx_buf_.data(), frame_len);
      if (backend_->Send(tx_buf_.data(), n)) {
        ++tx_frames_;
      } else {
        ++tx_dropped_;
      }
    }
    queue.Push(chain->head, 0);
  }
}

absl::Status VirtioNet::Receive(Virtqueue& queue) {
  std::vector<uint8_t> frame;
  for (;;) {
    {
      absl::MutexLock lock(&rx_mu_);
      if (rx_.empty()) return absl::OkStatus();
    }
    // Pop only with a frame in hand, so buffers wait in the ring meanwhile.
    ASSIGN_OR_RETURN(std::optional<DescriptorChain> chain, queue.Pop());
    if (!chain) return absl::OkStatus();
    if (chain->readable_bytes > 0) {
      return absl::DataLossError(
          absl::StrFormat("net: receive buffer %u is device-readable", chain->head));
    }
    {
      // Only this worker takes frames out, so the backlog is still non-empty.
      absl::MutexLock lock(&rx_mu_);
      frame = std::move(rx_.front());
      rx_.pop_front();
    }
    // Without MRG_RXBUF a frame must fit one buffer (5.1.6.3.1); drivers are
    // told to offer at least 1526 bytes, a smaller one costs the frame.
    if (chain->writable_bytes < kVirtioNetHdrSize + frame.size()) {
      ++rx_dropped_;
      if (WarnAllowed()) {
        log().warn("receive buffer {} holds {} bytes, too small for a {}-byte frame; dropped",
                   chain->head, chain->writable_bytes, frame.size());
      }
      queue.Push(chain->head, 0);
      continue;
    }
    uint8_t hdr[kVirtioNetHdrSize] = {};
    const uint16_t num_buffers = 1;
    std::memcpy(hdr + kHdrNumBuffers, &num_buffers, 2);
    ChainWriter writer(memory(), *chain);
    writer.Write(hdr, sizeof(hdr));
    writer.Write(frame.data(), frame.size());
    ++rx_frames_;  // before the guest can see it, so the count never lags
    queue.Push(chain->head, static_cast<uint32_t>(writer.written()));
  }
}

}  // namespace vmd
