// virtio-net wired to a real SlirpBackend, driven through the virtio-mmio
// registers and hand-built rings: what a guest driver sees. DHCP and ARP go
// out through the transmit queue and the answers come back, with their
// virtio_net_hdr_v1, in the receive buffers; a TCP connection reaches a
// listener on the host's loopback.
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <functional>
#include <map>
#include <optional>

#include "engine/net/slirp_backend.h"
#include "engine/virtio/net.h"
#include "gtest/gtest.h"
#include "tests/engine/net/packets.h"
#include "tests/engine/virtio/mmio_driver.h"

namespace vmd {
namespace {

using testing::Bytes;
using testing::kBufBase;
using testing::kGuestMac;
using testing::Parsed;

constexpr uint16_t kQueueSize = 16;
constexpr uint32_t kRxBufLen = 1526;  // what Linux offers without MRG_RXBUF

class VirtioNetSlirpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto b = SlirpBackend::Create({});
    ASSERT_TRUE(b.ok()) << b.status();
    backend_ = std::move(*b);
    d_ = std::make_unique<testing::MmioDriver>(
        std::make_unique<VirtioNet>(backend_.get(), kGuestMac));
    ASSERT_TRUE(d_->Init(kVirtioNetFMac | kVirtioNetFStatus | kVirtioNetFMtu, 2, kQueueSize));
    for (uint16_t i = 0; i < 8; ++i) {
      const uint64_t addr = kBufBase + 0x800ull * i;
      rx_buf_[d_->ring(0).Add({{addr, kRxBufLen, true}})] = addr;
    }
    d_->Notify(0);
  }

  void Transmit(const Bytes& frame) {
    Bytes buf(kVirtioNetHdrSize, 0);
    buf.insert(buf.end(), frame.begin(), frame.end());
    const uint64_t addr = kBufBase + 0x10000 + 0x800ull * (tx_count_ % kQueueSize);
    ASSERT_TRUE(d_->mem().Write(addr, buf.data(), buf.size()).ok());
    d_->ring(1).Add({{addr, static_cast<uint32_t>(buf.size()), false}});
    d_->Notify(1);
    ++tx_count_;
  }

  // The next frame in the receive queue, header checked and stripped.
  std::optional<Parsed> NextRx() {
    if (!d_->WaitUsed(0, static_cast<uint16_t>(rx_seen_ + 1))) return std::nullopt;
    const auto [head, len] = d_->ring(0).used(rx_seen_++);
    EXPECT_GT(len, kVirtioNetHdrSize);
    Bytes buf(len);
    EXPECT_TRUE(d_->mem().Read(rx_buf_[static_cast<uint16_t>(head)], buf.data(), len).ok());
    EXPECT_EQ(Bytes(buf.begin(), buf.begin() + 10), Bytes(10, 0));  // no offload info
    EXPECT_EQ(buf[10], 1);                                          // num_buffers
    EXPECT_EQ(buf[11], 0);
    // Hand the buffer back, as a driver refills its ring.
    const uint64_t addr = rx_buf_[static_cast<uint16_t>(head)];
    rx_buf_[d_->ring(0).Add({{addr, kRxBufLen, true}})] = addr;
    d_->Notify(0);
    return testing::Parse(Bytes(buf.begin() + kVirtioNetHdrSize, buf.end()));
  }
  std::optional<Parsed> NextRxWhere(const std::function<bool(const Parsed&)>& pred) {
    for (int i = 0; i < 16; ++i) {
      std::optional<Parsed> p = NextRx();
      if (!p || pred(*p)) return p;
    }
    return std::nullopt;
  }

  std::unique_ptr<SlirpBackend> backend_;  // outlives the device
  std::unique_ptr<testing::MmioDriver> d_;
  std::map<uint16_t, uint64_t> rx_buf_;
  uint16_t rx_seen_ = 0;
  unsigned tx_count_ = 0;
};

TEST_F(VirtioNetSlirpTest, DhcpAndArpThroughTheDevice) {
  Transmit(testing::DhcpDiscover(kGuestMac, 77));
  auto offer = NextRxWhere([](const Parsed& p) { return p.proto == 17 && p.dport == 68; });
  ASSERT_TRUE(offer.has_value());
  ASSERT_GE(offer->payload.size(), 240u);
  EXPECT_EQ(testing::Get32(&offer->payload[16]), testing::Ip("10.0.2.15"));

  Transmit(testing::ArpRequest(kGuestMac, testing::Ip("10.0.2.15"), testing::Ip("10.0.2.2")));
  auto arp = NextRxWhere([](const Parsed& p) { return p.ethertype == testing::kEtherArp; });
  ASSERT_TRUE(arp.has_value());
  EXPECT_EQ(arp->arp_op, 2);
  EXPECT_EQ(arp->arp_spa, testing::Ip("10.0.2.2"));
  // The used index is published before the worker raises the interrupt.
  EXPECT_TRUE(testing::WaitFor([&] { return d_->irq().level(testing::kTestIntid); }));
  auto* net = static_cast<VirtioNet*>(d_->device());
  EXPECT_EQ(net->stats().tx_frames, 2u);
  EXPECT_GE(net->stats().rx_frames, 2u);
}

TEST_F(VirtioNetSlirpTest, TcpSynFromGuestReachesHostListener) {
  const int lfd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(lfd, reinterpret_cast<sockaddr*>(&a), sizeof(a)), 0);
  ASSERT_EQ(listen(lfd, 1), 0);
  socklen_t alen = sizeof(a);
  getsockname(lfd, reinterpret_cast<sockaddr*>(&a), &alen);
  const uint16_t port = ntohs(a.sin_port);

  Transmit(testing::ArpRequest(kGuestMac, testing::Ip("10.0.2.15"), testing::Ip("10.0.2.2")));
  auto arp = NextRxWhere([](const Parsed& p) { return p.ethertype == testing::kEtherArp; });
  ASSERT_TRUE(arp.has_value());
  Transmit(testing::Ethernet(arp->arp_sha, kGuestMac, testing::kEtherIpv4,
                             testing::Tcp(testing::Ip("10.0.2.15"), 33000, testing::Ip("10.0.2.2"),
                                          port, 500, 0, testing::kTcpSyn)));
  auto synack = NextRxWhere([](const Parsed& p) { return p.proto == 6 && p.dport == 33000; });
  ASSERT_TRUE(synack.has_value());
  EXPECT_EQ(synack->tcp_flags & (testing::kTcpSyn | testing::kTcpAck),
            testing::kTcpSyn | testing::kTcpAck);
  EXPECT_EQ(synack->ack, 501u);
  pollfd p{lfd, POLLIN, 0};
  ASSERT_EQ(poll(&p, 1, 5000), 1);
  const int conn = accept(lfd, nullptr, nullptr);
  EXPECT_GE(conn, 0);
  close(conn);
  close(lfd);
}

}  // namespace
}  // namespace vmd
