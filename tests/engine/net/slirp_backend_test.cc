// SlirpBackend without a guest: the test plays the guest with hand-built
// frames (packets.h) and checks what slirp answers: ARP, DHCP, NAT of a TCP
// connection to a listener on the host's loopback (reached as 10.0.2.2), host
// port forwards, and clean configuration errors. All traffic stays on
// 127.0.0.1.
#include "engine/net/slirp_backend.h"

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "gtest/gtest.h"
#include "tests/engine/net/packets.h"

namespace vmd {
namespace {

using namespace ::vmd::testing;  // NOLINT: the packet vocabulary
using std::chrono::milliseconds;

class RecordingReceiver : public NetFrameReceiver {
 public:
  void ReceiveFrame(const uint8_t* frame, size_t len) override {
    std::lock_guard<std::mutex> lock(mu_);
    frames_.emplace_back(frame, frame + len);
    cv_.notify_all();
  }
  // Waits for a frame from the backend that satisfies `pred` (frames seen by
  // an earlier wait are skipped).
  std::optional<Parsed> Wait(const std::function<bool(const Parsed&)>& pred,
                             milliseconds limit = milliseconds(5000)) {
    std::unique_lock<std::mutex> lock(mu_);
    const auto deadline = std::chrono::steady_clock::now() + limit;
    for (;;) {
      for (; next_ < frames_.size(); ++next_) {
        std::optional<Parsed> p = Parse(frames_[next_]);
        if (p && pred(*p)) {
          ++next_;
          return p;
        }
      }
      if (cv_.wait_until(lock, deadline) == std::cv_status::timeout && next_ == frames_.size()) {
        return std::nullopt;
      }
    }
  }
  size_t count() {
    std::lock_guard<std::mutex> lock(mu_);
    return frames_.size();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Bytes> frames_;
  size_t next_ = 0;
};

// A TCP listener on 127.0.0.1 at an ephemeral port.
struct Listener {
  Listener() {
    fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a)), 0);
    EXPECT_EQ(listen(fd, 4), 0);
    socklen_t len = sizeof(a);
    getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    port = ntohs(a.sin_port);
  }
  ~Listener() { close(fd); }
  // The next connection, or -1 after `ms`.
  int Accept(int ms = 5000) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, ms) != 1) return -1;
    return accept(fd, nullptr, nullptr);
  }
  int fd;
  uint16_t port;
};

// A port on 127.0.0.1 that was free a moment ago (for forwards, which slirp
// binds itself).
uint16_t FreePort(int type = SOCK_STREAM) {
  const int fd = socket(AF_INET, type, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a));
  socklen_t len = sizeof(a);
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  close(fd);
  return ntohs(a.sin_port);
}

sockaddr_in Loopback(uint16_t port) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(port);
  return a;
}

bool WaitForCondition(const std::function<bool()>& pred, milliseconds limit = milliseconds(5000)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!pred()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(milliseconds(1));
  }
  return true;
}

const uint32_t kGuestIp = Ip("10.0.2.15");
const uint32_t kGatewayIp = Ip("10.0.2.2");
const uint32_t kDnsIp = Ip("10.0.2.3");

class SlirpBackendTest : public ::testing::Test {
 protected:
  void Start(const NetConfig& config = {}) {
    auto b = SlirpBackend::Create(config);
    ASSERT_TRUE(b.ok()) << b.status();
    backend_ = std::move(*b);
    backend_->SetReceiver(&rx_);
  }
  void TearDown() override {
    if (backend_) backend_->SetReceiver(nullptr);
  }
  void Send(const Bytes& frame) { ASSERT_TRUE(backend_->Send(frame.data(), frame.size())); }
  // The guest introduces itself the way Linux does before talking: it asks
  // for the gateway's MAC, which also teaches slirp its own.
  Mac ResolveGateway() {
    Send(ArpRequest(kGuestMac, kGuestIp, kGatewayIp));
    auto reply =
        rx_.Wait([](const Parsed& p) { return p.ethertype == kEtherArp && p.arp_op == 2; });
    EXPECT_TRUE(reply.has_value());
    return reply ? reply->arp_sha : Mac{};
  }
  Bytes ToGateway(const Mac& gw, const Bytes& ip) {
    return Ethernet(gw, kGuestMac, kEtherIpv4, ip);
  }

  RecordingReceiver rx_;
  std::unique_ptr<SlirpBackend> backend_;
};

TEST_F(SlirpBackendTest, AnswersArpForGatewayAndDns) {
  Start();
  Send(ArpRequest(kGuestMac, kGuestIp, kGatewayIp));
  auto gw = rx_.Wait([](const Parsed& p) { return p.ethertype == kEtherArp; });
  ASSERT_TRUE(gw.has_value());
  EXPECT_EQ(gw->arp_op, 2);  // reply
  EXPECT_EQ(gw->arp_spa, kGatewayIp);
  EXPECT_EQ(gw->arp_tpa, kGuestIp);
  EXPECT_EQ(gw->arp_tha, kGuestMac);
  EXPECT_EQ(gw->dst, kGuestMac);
  EXPECT_EQ(gw->src, gw->arp_sha);

  Send(ArpRequest(kGuestMac, kGuestIp, kDnsIp));
  auto dns = rx_.Wait([](const Parsed& p) { return p.ethertype == kEtherArp; });
  ASSERT_TRUE(dns.has_value());
  EXPECT_EQ(dns->arp_op, 2);
  EXPECT_EQ(dns->arp_spa, kDnsIp);
}

TEST_F(SlirpBackendTest, DhcpDiscoverGetsOfferForTheUsualAddresses) {
  Start();
  const uint32_t xid = 0x5eed1234;
  Send(DhcpDiscover(kGuestMac, xid));
  auto offer = rx_.Wait([](const Parsed& p) { return p.proto == 17 && p.dport == 68; });
  ASSERT_TRUE(offer.has_value());
  EXPECT_EQ(offer->sport, 67);
  EXPECT_TRUE(offer->ip_checksum_ok);
  EXPECT_TRUE(offer->l4_checksum_ok);
  const Bytes& bootp = offer->payload;
  ASSERT_GE(bootp.size(), 240u);
  EXPECT_EQ(bootp[0], 2);                  // BOOTREPLY
  EXPECT_EQ(Get32(&bootp[4]), xid);        // our transaction
  EXPECT_EQ(Get32(&bootp[16]), kGuestIp);  // yiaddr
  EXPECT_EQ(Bytes(bootp.begin() + 28, bootp.begin() + 34),
            Bytes(kGuestMac.begin(), kGuestMac.end()));
  EXPECT_EQ(DhcpOption(bootp, 53), Bytes{2});  // DHCPOFFER
  auto u32 = [](const std::optional<Bytes>& b) {
    return b && b->size() >= 4 ? Get32(b->data()) : 0u;
  };
  EXPECT_EQ(u32(DhcpOption(bootp, 1)), Ip("255.255.255.0"));  // subnet mask
  EXPECT_EQ(u32(DhcpOption(bootp, 3)), kGatewayIp);           // router
  EXPECT_EQ(u32(DhcpOption(bootp, 6)), kDnsIp);               // DNS server
  EXPECT_EQ(u32(DhcpOption(bootp, 54)), kGatewayIp);          // server identifier
}

TEST_F(SlirpBackendTest, TcpToGatewayReachesHostLoopbackBothWays) {
  Start();
  Listener host;
  const Mac gw = ResolveGateway();
  const uint16_t sport = 40000;
  const uint32_t iss = 1000;
  Send(ToGateway(gw, Tcp(kGuestIp, sport, kGatewayIp, host.port, iss, 0, kTcpSyn)));
  auto synack = rx_.Wait([&](const Parsed& p) { return p.proto == 6 && p.dport == sport; });
  ASSERT_TRUE(synack.has_value()) << "no answer to the SYN";
  EXPECT_EQ(synack->tcp_flags & (kTcpSyn | kTcpAck | kTcpRst), kTcpSyn | kTcpAck);
  EXPECT_EQ(synack->ack, iss + 1);
  EXPECT_EQ(synack->ip_src, kGatewayIp);
  EXPECT_EQ(synack->sport, host.port);
  EXPECT_EQ(synack->dst, kGuestMac);
  EXPECT_TRUE(synack->ip_checksum_ok);
  EXPECT_TRUE(synack->l4_checksum_ok);
  const int conn = host.Accept();
  ASSERT_GE(conn, 0) << "slirp did not connect to the host listener";

  // Guest -> host data.
  const std::string hello = "hello from the guest";
  Send(ToGateway(gw, Tcp(kGuestIp, sport, kGatewayIp, host.port, iss + 1, synack->seq + 1,
                         kTcpAck | kTcpPsh, Bytes(hello.begin(), hello.end()))));
  std::string got;
  for (int i = 0; i < 50 && got.size() < hello.size(); ++i) {
    pollfd p{conn, POLLIN, 0};
    if (poll(&p, 1, 100) == 1) {
      char buf[256];
      const ssize_t n = read(conn, buf, sizeof(buf));
      if (n <= 0) break;
      got.append(buf, n);
    }
  }
  EXPECT_EQ(got, hello);

  // Host -> guest data arrives as a TCP segment from 10.0.2.2.
  const std::string reply = "hello from the host";
  ASSERT_EQ(write(conn, reply.data(), reply.size()), static_cast<ssize_t>(reply.size()));
  auto data = rx_.Wait(
      [&](const Parsed& p) { return p.proto == 6 && p.dport == sport && !p.payload.empty(); });
  ASSERT_TRUE(data.has_value());
  EXPECT_EQ(std::string(data->payload.begin(), data->payload.end()), reply);
  EXPECT_EQ(data->seq, synack->seq + 1);
  EXPECT_TRUE(data->l4_checksum_ok);
  close(conn);
}

TEST_F(SlirpBackendTest, RetransmitsSynAckToSilentGuestOnItsTimers) {
  // Nothing but slirp's own TCP timers (driven by the poll loop's timeout)
  // can make it send the SYN-ACK again when the guest never answers.
  Start();
  Listener host;
  const Mac gw = ResolveGateway();
  Send(ToGateway(gw, Tcp(kGuestIp, 40001, kGatewayIp, host.port, 77, 0, kTcpSyn)));
  auto first = rx_.Wait([](const Parsed& p) { return p.proto == 6 && p.dport == 40001; });
  ASSERT_TRUE(first.has_value());
  auto again = rx_.Wait([](const Parsed& p) { return p.proto == 6 && p.dport == 40001; },
                        milliseconds(20000));
  ASSERT_TRUE(again.has_value()) << "no retransmission within 20 s";
  EXPECT_EQ(again->tcp_flags & (kTcpSyn | kTcpAck), kTcpSyn | kTcpAck);
  EXPECT_EQ(again->seq, first->seq);
}

TEST_F(SlirpBackendTest, TcpHostForwardSendsSynTowardsGuest) {
  const uint16_t port = FreePort();
  NetConfig config;
  config.port_forwards.push_back({PortForward::kTcp, "127.0.0.1", port, 8080});
  Start(config);
  ResolveGateway();
  const int c = socket(AF_INET, SOCK_STREAM, 0);
  const sockaddr_in a = Loopback(port);
  ASSERT_EQ(connect(c, reinterpret_cast<const sockaddr*>(&a), sizeof(a)), 0)
      << "slirp is not listening on the forwarded port";
  auto syn = rx_.Wait([](const Parsed& p) { return p.proto == 6 && p.dport == 8080; });
  ASSERT_TRUE(syn.has_value());
  EXPECT_EQ(syn->tcp_flags & (kTcpSyn | kTcpAck), kTcpSyn);
  EXPECT_EQ(syn->ip_dst, kGuestIp);
  EXPECT_EQ(syn->dst, kGuestMac);
  EXPECT_TRUE(syn->l4_checksum_ok);
  close(c);
}

TEST_F(SlirpBackendTest, UdpHostForwardDeliversDatagramToGuest) {
  const uint16_t port = FreePort(SOCK_DGRAM);
  NetConfig config;
  config.port_forwards.push_back({PortForward::kUdp, "", port, 5353});
  Start(config);
  ResolveGateway();
  const int s = socket(AF_INET, SOCK_DGRAM, 0);
  const sockaddr_in a = Loopback(port);
  const std::string msg = "datagram";
  ASSERT_EQ(sendto(s, msg.data(), msg.size(), 0, reinterpret_cast<const sockaddr*>(&a), sizeof(a)),
            static_cast<ssize_t>(msg.size()));
  auto d = rx_.Wait([](const Parsed& p) { return p.proto == 17 && p.dport == 5353; });
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->ip_dst, kGuestIp);
  EXPECT_EQ(std::string(d->payload.begin(), d->payload.end()), msg);
  close(s);
}

TEST_F(SlirpBackendTest, ForwardOfBusyPortFailsCreate) {
  Listener busy;
  NetConfig config;
  config.port_forwards.push_back({PortForward::kTcp, "127.0.0.1", busy.port, 22});
  auto b = SlirpBackend::Create(config);
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.status().message().find(std::to_string(busy.port)), std::string_view::npos)
      << b.status();
}

TEST_F(SlirpBackendTest, MalformedForwardsAreRefused) {
  for (const PortForward& f : {PortForward{PortForward::kTcp, "localhost:1", 2222, 22},
                               PortForward{PortForward::kTcp, "127.0.0.1", 0, 22},
                               PortForward{PortForward::kUdp, "127.0.0.1", 2222, 0}}) {
    NetConfig config;
    config.port_forwards.push_back(f);
    auto b = SlirpBackend::Create(config);
    EXPECT_EQ(b.status().code(), absl::StatusCode::kInvalidArgument) << b.status();
  }
}

TEST_F(SlirpBackendTest, RefusesFramesOfImpossibleSize) {
  Start();
  const Bytes runt(10, 0), jumbo(kMaxEthFrameSize + 1, 0);
  EXPECT_FALSE(backend_->Send(runt.data(), runt.size()));
  EXPECT_FALSE(backend_->Send(jumbo.data(), jumbo.size()));
  EXPECT_EQ(backend_->stats().dropped, 2u);
}

TEST_F(SlirpBackendTest, GarbageFromGuestIsHarmless) {
  Start();
  // Truncated IP, a bad IP checksum, an unknown ethertype, and a short ARP.
  Bytes bad_ip = Ethernet(kBroadcastMac, kGuestMac, kEtherIpv4, Bytes(8, 0x45));
  Bytes bad_sum =
      Ethernet(kBroadcastMac, kGuestMac, kEtherIpv4, Udp(kGuestIp, 1, kGatewayIp, 2, Bytes(4, 1)));
  bad_sum[14 + 10] ^= 0xff;
  Bytes odd = Ethernet(kBroadcastMac, kGuestMac, 0x88b5, Bytes(50, 7));
  Bytes short_arp = Ethernet(kBroadcastMac, kGuestMac, kEtherArp, Bytes(6, 0));
  for (const Bytes* f : {&bad_ip, &bad_sum, &odd, &short_arp}) Send(*f);
  // Still alive and answering.
  ResolveGateway();
  EXPECT_TRUE(WaitForCondition([&] { return backend_->stats().to_slirp >= 5; }));
}

TEST_F(SlirpBackendTest, DetachedReceiverGetsNothing) {
  Start();
  backend_->SetReceiver(nullptr);
  Send(ArpRequest(kGuestMac, kGuestIp, kGatewayIp));
  ASSERT_TRUE(WaitForCondition([&] { return backend_->stats().no_receiver >= 1; }));
  EXPECT_EQ(rx_.count(), 0u);
}

}  // namespace
}  // namespace vmd
