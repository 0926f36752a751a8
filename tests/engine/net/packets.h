// Hand-built Ethernet/ARP/IPv4/UDP/TCP/DHCP frames and a small parser, so the
// slirp backend can be driven without a guest (tests/engine/net, bench/net).
// Field layouts follow RFC 826 (ARP), 791 (IPv4), 768 (UDP), 793 (TCP) and
// 2131/2132 (DHCP); everything on the wire is big-endian.
#ifndef VMD_TESTS_ENGINE_NET_PACKETS_H_
#define VMD_TESTS_ENGINE_NET_PACKETS_H_

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vmd::testing {

using Bytes = std::vector<uint8_t>;
using Mac = std::array<uint8_t, 6>;

inline constexpr Mac kGuestMac = {0x52, 0x54, 0x00, 0x12, 0x34, 0x56};
inline constexpr Mac kBroadcastMac = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
inline constexpr uint16_t kEtherIpv4 = 0x0800;
inline constexpr uint16_t kEtherArp = 0x0806;
inline constexpr uint8_t kTcpFin = 0x01, kTcpSyn = 0x02, kTcpRst = 0x04, kTcpPsh = 0x08,
                         kTcpAck = 0x10;

inline uint32_t Ip(const char* dotted) {
  in_addr a{};
  inet_pton(AF_INET, dotted, &a);
  return ntohl(a.s_addr);
}

inline void Put16(Bytes& b, uint16_t v) {
  b.push_back(static_cast<uint8_t>(v >> 8));
  b.push_back(static_cast<uint8_t>(v));
}
inline void Put32(Bytes& b, uint32_t v) {
  Put16(b, static_cast<uint16_t>(v >> 16));
  Put16(b, static_cast<uint16_t>(v));
}
inline uint16_t Get16(const uint8_t* p) { return static_cast<uint16_t>(p[0] << 8 | p[1]); }
inline uint32_t Get32(const uint8_t* p) { return uint32_t{Get16(p)} << 16 | Get16(p + 2); }
inline void Set16(Bytes& b, size_t off, uint16_t v) {
  b[off] = static_cast<uint8_t>(v >> 8);
  b[off + 1] = static_cast<uint8_t>(v);
}

// The Internet checksum (RFC 1071) of `len` bytes, folded, starting from `sum`.
inline uint16_t Checksum(const uint8_t* p, size_t len, uint32_t sum = 0) {
  for (size_t i = 0; i + 1 < len; i += 2) sum += Get16(p + i);
  if (len & 1) sum += uint32_t{p[len - 1]} << 8;
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return static_cast<uint16_t>(~sum);
}

inline Bytes Ethernet(const Mac& dst, const Mac& src, uint16_t type, const Bytes& payload) {
  Bytes f(dst.begin(), dst.end());
  f.insert(f.end(), src.begin(), src.end());
  Put16(f, type);
  f.insert(f.end(), payload.begin(), payload.end());
  return f;
}

inline Bytes ArpRequest(const Mac& sha, uint32_t spa, uint32_t tpa) {
  Bytes a;
  Put16(a, 1);       // hardware: Ethernet
  Put16(a, 0x0800);  // protocol: IPv4
  a.push_back(6);
  a.push_back(4);
  Put16(a, 1);  // request
  a.insert(a.end(), sha.begin(), sha.end());
  Put32(a, spa);
  a.insert(a.end(), 6, 0);
  Put32(a, tpa);
  return Ethernet(kBroadcastMac, sha, kEtherArp, a);
}

inline Bytes Ipv4(uint32_t src, uint32_t dst, uint8_t proto, const Bytes& payload) {
  Bytes ip;
  ip.push_back(0x45);
  ip.push_back(0);
  Put16(ip, static_cast<uint16_t>(20 + payload.size()));
  Put16(ip, 0x1234);  // id
  Put16(ip, 0x4000);  // DF
  ip.push_back(64);
  ip.push_back(proto);
  Put16(ip, 0);
  Put32(ip, src);
  Put32(ip, dst);
  Set16(ip, 10, Checksum(ip.data(), 20));
  ip.insert(ip.end(), payload.begin(), payload.end());
  return ip;
}

// Sum of the IPv4 pseudo header for a UDP/TCP checksum.
inline uint32_t PseudoSum(uint32_t src, uint32_t dst, uint8_t proto, size_t len) {
  return (src >> 16) + (src & 0xffff) + (dst >> 16) + (dst & 0xffff) + proto +
         static_cast<uint32_t>(len);
}

inline Bytes Udp(uint32_t src, uint16_t sport, uint32_t dst, uint16_t dport, const Bytes& data) {
  Bytes u;
  Put16(u, sport);
  Put16(u, dport);
  Put16(u, static_cast<uint16_t>(8 + data.size()));
  Put16(u, 0);
  u.insert(u.end(), data.begin(), data.end());
  uint16_t sum = Checksum(u.data(), u.size(), PseudoSum(src, dst, 17, u.size()));
  Set16(u, 6, sum == 0 ? 0xffff : sum);
  return Ipv4(src, dst, 17, u);
}

inline Bytes Tcp(uint32_t src, uint16_t sport, uint32_t dst, uint16_t dport, uint32_t seq,
                 uint32_t ack, uint8_t flags, const Bytes& data = {}, uint16_t window = 65535) {
  Bytes t;
  Put16(t, sport);
  Put16(t, dport);
  Put32(t, seq);
  Put32(t, ack);
  t.push_back(5 << 4);  // data offset: 20 bytes, no options
  t.push_back(flags);
  Put16(t, window);
  Put16(t, 0);  // checksum
  Put16(t, 0);  // urgent
  t.insert(t.end(), data.begin(), data.end());
  Set16(t, 16, Checksum(t.data(), t.size(), PseudoSum(src, dst, 6, t.size())));
  return Ipv4(src, dst, 6, t);
}

// A DHCPDISCOVER from `mac` (RFC 2131 4.4.1), padded to the full 548-byte
// BOOTP message (some servers, slirp's among them, want all of it).
inline Bytes DhcpDiscover(const Mac& mac, uint32_t xid) {
  Bytes b;
  b.push_back(1);  // op: BOOTREQUEST
  b.push_back(1);  // htype: Ethernet
  b.push_back(6);  // hlen
  b.push_back(0);  // hops
  Put32(b, xid);
  Put16(b, 0);               // secs
  Put16(b, 0x8000);          // flags: broadcast
  b.insert(b.end(), 16, 0);  // ciaddr, yiaddr, siaddr, giaddr
  b.insert(b.end(), mac.begin(), mac.end());
  b.insert(b.end(), 10 + 64 + 128, 0);          // chaddr padding, sname, file
  Put32(b, 0x63825363);                         // magic cookie
  for (uint8_t o : {53, 1, 1}) b.push_back(o);  // DHCP message type: DISCOVER
  b.push_back(255);
  b.resize(548, 0);
  return Ethernet(kBroadcastMac, mac, kEtherIpv4, Udp(0, 68, 0xffffffff, 67, b));
}

// What the tests look at in a frame from the backend.
struct Parsed {
  Mac dst{}, src{};
  uint16_t ethertype = 0;
  // ARP
  uint16_t arp_op = 0;
  Mac arp_sha{}, arp_tha{};
  uint32_t arp_spa = 0, arp_tpa = 0;
  // IPv4
  uint8_t proto = 0;
  uint32_t ip_src = 0, ip_dst = 0;
  bool ip_checksum_ok = false;
  // UDP / TCP
  uint16_t sport = 0, dport = 0;
  uint32_t seq = 0, ack = 0;
  uint8_t tcp_flags = 0;
  uint16_t window = 0;
  bool l4_checksum_ok = false;
  Bytes payload;
};

inline std::optional<Parsed> Parse(const Bytes& f) {
  Parsed p;
  if (f.size() < 14) return std::nullopt;
  std::copy(f.begin(), f.begin() + 6, p.dst.begin());
  std::copy(f.begin() + 6, f.begin() + 12, p.src.begin());
  p.ethertype = Get16(&f[12]);
  const uint8_t* l3 = f.data() + 14;
  const size_t l3_len = f.size() - 14;
  if (p.ethertype == kEtherArp) {
    if (l3_len < 28) return std::nullopt;
    p.arp_op = Get16(l3 + 6);
    std::copy(l3 + 8, l3 + 14, p.arp_sha.begin());
    p.arp_spa = Get32(l3 + 14);
    std::copy(l3 + 18, l3 + 24, p.arp_tha.begin());
    p.arp_tpa = Get32(l3 + 24);
    return p;
  }
  if (p.ethertype != kEtherIpv4 || l3_len < 20 || (l3[0] >> 4) != 4) return std::nullopt;
  const size_t ihl = (l3[0] & 0xf) * 4u;
  const size_t total = Get16(l3 + 2);
  if (ihl < 20 || total < ihl || total > l3_len) return std::nullopt;
  p.ip_checksum_ok = Checksum(l3, ihl) == 0;
  p.proto = l3[9];
  p.ip_src = Get32(l3 + 12);
  p.ip_dst = Get32(l3 + 16);
  const uint8_t* l4 = l3 + ihl;
  const size_t l4_len = total - ihl;
  const uint32_t pseudo = PseudoSum(p.ip_src, p.ip_dst, p.proto, l4_len);
  if (p.proto == 17 && l4_len >= 8) {
    p.sport = Get16(l4);
    p.dport = Get16(l4 + 2);
    p.l4_checksum_ok = Get16(l4 + 6) == 0 || Checksum(l4, l4_len, pseudo) == 0;
    p.payload.assign(l4 + 8, l4 + l4_len);
  } else if (p.proto == 6 && l4_len >= 20) {
    const size_t off = (l4[12] >> 4) * 4u;
    if (off < 20 || off > l4_len) return std::nullopt;
    p.sport = Get16(l4);
    p.dport = Get16(l4 + 2);
    p.seq = Get32(l4 + 4);
    p.ack = Get32(l4 + 8);
    p.tcp_flags = l4[13];
    p.window = Get16(l4 + 14);
    p.l4_checksum_ok = Checksum(l4, l4_len, pseudo) == 0;
    p.payload.assign(l4 + off, l4 + l4_len);
  }
  return p;
}

// DHCP options of a parsed UDP payload holding a BOOTP message: code -> data.
inline std::optional<Bytes> DhcpOption(const Bytes& bootp, uint8_t code) {
  if (bootp.size() < 240 || Get32(&bootp[236]) != 0x63825363) return std::nullopt;
  for (size_t i = 240; i < bootp.size();) {
    const uint8_t c = bootp[i];
    if (c == 255) break;
    if (c == 0) {
      ++i;
      continue;
    }
    if (i + 1 >= bootp.size() || i + 2 + bootp[i + 1] > bootp.size()) break;
    if (c == code) return Bytes(bootp.begin() + i + 2, bootp.begin() + i + 2 + bootp[i + 1]);
    i += 2 + bootp[i + 1];
  }
  return std::nullopt;
}

}  // namespace vmd::testing

#endif  // VMD_TESTS_ENGINE_NET_PACKETS_H_
