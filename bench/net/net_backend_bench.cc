// Throughput of the slirp network backend without a guest: a "guest" made of
// hand-built frames (tests/engine/net/packets.h) runs a bare-bones TCP against
// slirp, which NATs it to a socket on the host's loopback. Measures bulk TCP
// guest -> host and host -> guest, and UDP guest -> host. Prints one line per
// figure; numbers go to docs/performance.md.
//
//   net_backend_bench [megabytes per run, default 64]
//
// The TCP is just enough for a bulk transfer on a lossless path: one
// connection, no options (so slirp's window is at most 64 KiB and unscaled),
// 1460-byte segments, go-back-N after 200 ms without progress.
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <thread>

#include "engine/net/slirp_backend.h"
#include "tests/engine/net/packets.h"

namespace vmd {
namespace {

using namespace ::vmd::testing;  // NOLINT: the packet vocabulary
using Clock = std::chrono::steady_clock;

constexpr size_t kMss = 1460;
const uint32_t kGuest = Ip("10.0.2.15");
const uint32_t kGateway = Ip("10.0.2.2");

// Frames from slirp, handed to the guest thread.
class Inbox : public NetFrameReceiver {
 public:
  void ReceiveFrame(const uint8_t* frame, size_t len) override {
    std::lock_guard<std::mutex> lock(mu_);
    q_.emplace_back(frame, frame + len);
    cv_.notify_one();
  }
  std::optional<Parsed> Next(std::chrono::milliseconds wait) {
    std::unique_lock<std::mutex> lock(mu_);
    if (!cv_.wait_for(lock, wait, [&] { return !q_.empty(); })) return std::nullopt;
    Bytes f = std::move(q_.front());
    q_.pop_front();
    lock.unlock();
    return Parse(f);
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Bytes> q_;
};

struct Guest {
  SlirpBackend* backend;
  Inbox* inbox;
  Mac gw{};

  void Send(const Bytes& ip) {
    const Bytes f = Ethernet(gw, kGuestMac, kEtherIpv4, ip);
    // A full backend queue is back-pressure, not loss, for this guest.
    while (!backend->Send(f.data(), f.size())) {
      std::this_thread::sleep_for(std::chrono::microseconds(20));
    }
  }
  bool ResolveGateway() {
    const Bytes arp = ArpRequest(kGuestMac, kGuest, kGateway);
    backend->Send(arp.data(), arp.size());
    while (auto p = inbox->Next(std::chrono::seconds(2))) {
      if (p->ethertype == kEtherArp && p->arp_op == 2) {
        gw = p->arp_sha;
        return true;
      }
    }
    return false;
  }
};

int Listen(uint16_t* port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a));
  listen(fd, 1);
  socklen_t len = sizeof(a);
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  *port = ntohs(a.sin_port);
  return fd;
}

double Mbps(uint64_t bytes, Clock::duration d) {
  return bytes * 8.0 / std::chrono::duration<double>(d).count() / 1e6;
}

// Opens a connection from the guest to a host listener; returns the host
// side and fills in the sequence numbers.
int Connect(Guest& g, int lfd, uint16_t port, uint16_t sport, uint32_t* snd, uint32_t* rcv) {
  *snd = 1000;
  g.Send(Tcp(kGuest, sport, kGateway, port, *snd, 0, kTcpSyn));
  while (auto p = g.inbox->Next(std::chrono::seconds(5))) {
    if (p->proto == 6 && p->dport == sport && (p->tcp_flags & kTcpSyn)) {
      *rcv = p->seq + 1;
      *snd += 1;
      g.Send(Tcp(kGuest, sport, kGateway, port, *snd, *rcv, kTcpAck));
      pollfd pf{lfd, POLLIN, 0};
      if (poll(&pf, 1, 5000) != 1) return -1;
      return accept(lfd, nullptr, nullptr);
    }
  }
  return -1;
}

struct Result {
  uint64_t bytes = 0;
  Clock::duration elapsed{};
  uint64_t retransmit_rounds = 0;
};

void Print(const char* what, const Result& r) {
  std::printf("%-26s %7.1f MiB in %6.3f s = %6.0f Mbit/s (go-back-N rounds: %llu)\n", what,
              r.bytes / 1048576.0, std::chrono::duration<double>(r.elapsed).count(),
              Mbps(r.bytes, r.elapsed), static_cast<unsigned long long>(r.retransmit_rounds));
}

// Bulk data from the guest's TCP to a reader on the host.
Result TcpGuestToHost(Guest& g, uint64_t total) {
  Result r;
  uint16_t port;
  const int lfd = Listen(&port);
  const uint16_t sport = 41000;
  uint32_t iss, irs;
  const int conn = Connect(g, lfd, port, sport, &iss, &irs);
  if (conn < 0) {
    std::fprintf(stderr, "tcp guest->host: connect failed\n");
    std::exit(1);
  }
  std::atomic<uint64_t> got{0};
  std::thread reader([&] {
    std::vector<char> buf(1 << 16);
    for (ssize_t n; got < total && (n = read(conn, buf.data(), buf.size())) > 0;) got += n;
  });
  const Bytes payload(kMss, 0x5a);
  uint64_t una = 0, nxt = 0;  // offsets into the stream
  uint64_t wnd = 65535;
  auto last_progress = Clock::now();
  const auto start = last_progress;
  while (una < total && Clock::now() - start < std::chrono::seconds(60)) {
    while (nxt < total && nxt + kMss <= una + wnd) {
      const size_t n = std::min<uint64_t>(kMss, total - nxt);
      g.Send(Tcp(kGuest, sport, kGateway, port, iss + static_cast<uint32_t>(nxt), irs, kTcpAck,
                 Bytes(payload.begin(), payload.begin() + n)));
      nxt += n;
    }
    std::optional<Parsed> p = g.inbox->Next(std::chrono::milliseconds(20));
    if (p && p->proto == 6 && p->dport == sport && (p->tcp_flags & kTcpAck)) {
      const uint64_t acked = una + static_cast<uint32_t>(p->ack - iss - static_cast<uint32_t>(una));
      if (acked > una && acked <= nxt) {
        una = acked;
        last_progress = Clock::now();
      }
      wnd = p->window;
    }
    if (Clock::now() - last_progress > std::chrono::milliseconds(200)) {
      nxt = una;
      ++r.retransmit_rounds;
      last_progress = Clock::now();
    }
  }
  reader.join();
  r.elapsed = Clock::now() - start;
  r.bytes = got;
  close(conn);
  close(lfd);
  return r;
}

// Bulk data from a writer on the host to the guest's TCP, which acknowledges
// every in-order segment with a full window.
Result TcpHostToGuest(Guest& g, uint64_t total) {
  Result r;
  uint16_t port;
  const int lfd = Listen(&port);
  const uint16_t sport = 42000;
  uint32_t iss, irs;
  const int conn = Connect(g, lfd, port, sport, &iss, &irs);
  if (conn < 0) {
    std::fprintf(stderr, "tcp host->guest: connect failed\n");
    std::exit(1);
  }
  std::thread writer([&] {
    std::vector<char> buf(1 << 16, 'x');
    for (uint64_t sent = 0; sent < total;) {
      const ssize_t n = write(conn, buf.data(), std::min<uint64_t>(buf.size(), total - sent));
      if (n <= 0) break;
      sent += n;
    }
  });
  uint64_t got = 0;
  const auto start = Clock::now();
  auto last_progress = start;
  while (got < total && Clock::now() - start < std::chrono::seconds(60)) {
    std::optional<Parsed> p = g.inbox->Next(std::chrono::milliseconds(20));
    if (!p || p->proto != 6 || p->dport != sport || p->payload.empty()) {
      if (Clock::now() - last_progress > std::chrono::milliseconds(200)) {
        // Repeat our ACK so a sender waiting on a lost one resumes.
        g.Send(Tcp(kGuest, sport, kGateway, port, iss, irs + static_cast<uint32_t>(got), kTcpAck));
        ++r.retransmit_rounds;
        last_progress = Clock::now();
      }
      continue;
    }
    if (p->seq == irs + static_cast<uint32_t>(got)) {
      got += p->payload.size();
      last_progress = Clock::now();
    }
    g.Send(Tcp(kGuest, sport, kGateway, port, iss, irs + static_cast<uint32_t>(got), kTcpAck));
  }
  r.elapsed = Clock::now() - start;
  r.bytes = got;
  shutdown(conn, SHUT_RDWR);
  writer.join();
  close(conn);
  close(lfd);
  return r;
}

// UDP datagrams of 1472 bytes from the guest to a host socket; counts what
// arrives (UDP has no flow control, so this is what slirp sustains).
Result UdpGuestToHost(Guest& g, uint64_t total) {
  Result r;
  const int fd = socket(AF_INET, SOCK_DGRAM, 0);
  const int rcvbuf = 8 << 20;
  setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a));
  socklen_t len = sizeof(a);
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  const uint16_t port = ntohs(a.sin_port);
  std::atomic<uint64_t> got{0};
  std::atomic<bool> done{false};
  std::thread reader([&] {
    char buf[2048];
    while (!done) {
      pollfd p{fd, POLLIN, 0};
      if (poll(&p, 1, 50) != 1) continue;
      const ssize_t n = recv(fd, buf, sizeof(buf), 0);
      if (n > 0) got += n;
    }
  });
  const Bytes payload(1472, 0x33);
  const auto start = Clock::now();
  for (uint64_t sent = 0; sent < total; sent += payload.size()) {
    g.Send(Udp(kGuest, 43000, kGateway, port, payload));
  }
  // Let the last datagrams through, then stop counting.
  uint64_t before;
  do {
    before = got;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  } while (got != before);
  r.elapsed = Clock::now() - start - std::chrono::milliseconds(50);
  done = true;
  reader.join();
  r.bytes = got;
  close(fd);
  return r;
}

}  // namespace
}  // namespace vmd

int main(int argc, char** argv) {
  using namespace vmd;  // NOLINT
  const uint64_t total = (argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 64) << 20;
  auto backend = SlirpBackend::Create({});
  if (!backend.ok()) {
    std::fprintf(stderr, "%s\n", std::string(backend.status().message()).c_str());
    return 1;
  }
  Inbox inbox;
  (*backend)->SetReceiver(&inbox);
  Guest g{backend->get(), &inbox};
  if (!g.ResolveGateway()) {
    std::fprintf(stderr, "no ARP answer from slirp\n");
    return 1;
  }
  Print("tcp guest->host", TcpGuestToHost(g, total));
  Print("tcp host->guest", TcpHostToGuest(g, total));
  Print("udp guest->host (1472 B)", UdpGuestToHost(g, total));
  const SlirpBackend::Stats s = (*backend)->stats();
  std::printf(
      "backend: %llu frames in, %llu out; %llu sends refused on a full queue (this guest waits "
      "and resends them, so nothing above was lost)\n",
      static_cast<unsigned long long>(s.to_slirp), static_cast<unsigned long long>(s.from_slirp),
      static_cast<unsigned long long>(s.dropped));
  (*backend)->SetReceiver(nullptr);
  return 0;
}
