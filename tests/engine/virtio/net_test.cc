// virtio-net against hand-built rings and a recording fake backend: transmit
// strips the virtio_net_hdr_v1, receive prepends it, the backlog towards a
// guest without buffers is bounded, bad frames are dropped and bad chains
// break the device.
#include "engine/virtio/net.h"

#include <mutex>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/engine/virtio/mmio_driver.h"

namespace vmd {
namespace {

using testing::kBufBase;
using testing::MmioDriver;
using Bytes = std::vector<uint8_t>;

class FakeBackend : public NetBackend {
 public:
  void SetReceiver(NetFrameReceiver* r) override {
    std::lock_guard<std::mutex> lock(mu_);
    receiver_ = r;
  }
  bool Send(const uint8_t* frame, size_t len) override {
    std::lock_guard<std::mutex> lock(mu_);
    if (!accept_) return false;
    sent_.emplace_back(frame, frame + len);
    return true;
  }
  std::vector<Bytes> sent() {
    std::lock_guard<std::mutex> lock(mu_);
    return sent_;
  }
  NetFrameReceiver* receiver() {
    std::lock_guard<std::mutex> lock(mu_);
    return receiver_;
  }
  void set_accept(bool a) {
    std::lock_guard<std::mutex> lock(mu_);
    accept_ = a;
  }

 private:
  std::mutex mu_;
  NetFrameReceiver* receiver_ = nullptr;
  bool accept_ = true;
  std::vector<Bytes> sent_;
};

// An Ethernet frame of `len` bytes whose payload counts up from `seed`.
Bytes Frame(size_t len, uint8_t seed = 0) {
  Bytes f(len);
  const uint8_t header[14] = {0x52, 0x54, 0, 0x12, 0x34, 0x56, 2, 0, 0, 0, 0, 1, 0x08, 0x00};
  for (size_t i = 0; i < len; ++i) {
    f[i] = i < sizeof(header) ? header[i] : static_cast<uint8_t>(seed + i);
  }
  return f;
}

constexpr MacAddress kMac = {0x02, 0x11, 0x22, 0x33, 0x44, 0x55};

class VirtioNetTest : public ::testing::Test {
 protected:
  explicit VirtioNetTest(size_t backlog = 8) {
    auto dev = std::make_unique<VirtioNet>(&backend_, kMac, 256, backlog);
    net_ = dev.get();
    d_ = std::make_unique<MmioDriver>(std::move(dev));
  }
  void Put(uint64_t addr, const Bytes& b) {
    ASSERT_TRUE(d_->mem().Write(addr, b.data(), b.size()).ok());
  }
  Bytes Get(uint64_t addr, size_t len) {
    Bytes b(len);
    EXPECT_TRUE(d_->mem().Read(addr, b.data(), len).ok());
    return b;
  }
  // Places header + frame in guest memory as two descriptors and sends them.
  void Transmit(const Bytes& hdr, const Bytes& frame, uint64_t at = kBufBase) {
    Put(at, hdr);
    Put(at + 0x1000, frame);
    d_->ring(1).Add({{at, static_cast<uint32_t>(hdr.size()), false},
                     {at + 0x1000, static_cast<uint32_t>(frame.size()), false}});
    d_->Notify(1);
  }
  bool Init() { return d_->Init(kVirtioNetFMac | kVirtioNetFStatus | kVirtioNetFMtu, 2); }

  FakeBackend backend_;  // outlives the device
  VirtioNet* net_;
  std::unique_ptr<MmioDriver> d_;
};

TEST_F(VirtioNetTest, IdentifiesAsNetWithMacStatusAndMtu) {
  EXPECT_EQ(d_->Reg(virtio_mmio::kDeviceId), 1u);
  const uint64_t f = d_->DeviceFeatures();
  EXPECT_TRUE(f & kVirtioNetFMac);
  EXPECT_TRUE(f & kVirtioNetFStatus);
  EXPECT_TRUE(f & kVirtioNetFMtu);
  // No offloads (CSUM, GUEST_CSUM, GUEST_TSO4/6/ECN/UFO, HOST_TSO4/6/ECN/UFO),
  // no mergeable buffers, no control queue.
  for (int bit : {0, 1, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17}) {
    EXPECT_FALSE(f & (uint64_t{1} << bit)) << "feature bit " << bit;
  }
  d_->SetReg(virtio_mmio::kQueueSel, 1);
  EXPECT_GT(d_->Reg(virtio_mmio::kQueueNumMax), 0u);
  d_->SetReg(virtio_mmio::kQueueSel, 2);
  EXPECT_EQ(d_->Reg(virtio_mmio::kQueueNumMax), 0u);

  uint8_t mac[6];
  for (int i = 0; i < 6; ++i) {
    mac[i] = static_cast<uint8_t>(d_->mmio().Read(virtio_mmio::kConfig + i, 1));
  }
  EXPECT_EQ(MacAddress(std::to_array(mac)), kMac);
  EXPECT_EQ(d_->mmio().Read(virtio_mmio::kConfig + net_config::kStatus, 2), kVirtioNetSLinkUp);
  EXPECT_EQ(d_->mmio().Read(virtio_mmio::kConfig + net_config::kMtu, 2), 1500u);
}

TEST_F(VirtioNetTest, RegistersWithBackendAndDetachesOnDestruction) {
  EXPECT_EQ(backend_.receiver(), net_);
  d_.reset();
  EXPECT_EQ(backend_.receiver(), nullptr);
}

TEST_F(VirtioNetTest, TransmitHandsBackendTheFrameWithoutHeader) {
  ASSERT_TRUE(Init());
  const Bytes frame = Frame(98, 7);
  Transmit(Bytes(kVirtioNetHdrSize, 0), frame);
  ASSERT_TRUE(d_->WaitUsed(1, 1));
  EXPECT_EQ(d_->ring(1).used(0).second, 0u);  // the device wrote nothing
  ASSERT_EQ(backend_.sent().size(), 1u);
  EXPECT_EQ(backend_.sent()[0], frame);
  EXPECT_EQ(net_->stats().tx_frames, 1u);
}

TEST_F(VirtioNetTest, TransmitHeaderAndFrameInOneBuffer) {
  ASSERT_TRUE(Init());
  const Bytes frame = Frame(1514, 3);  // a full-MTU frame
  Bytes buf(kVirtioNetHdrSize, 0);
  buf.insert(buf.end(), frame.begin(), frame.end());
  Put(kBufBase, buf);
  d_->ring(1).Add({{kBufBase, static_cast<uint32_t>(buf.size()), false}});
  d_->Notify(1);
  ASSERT_TRUE(d_->WaitUsed(1, 1));
  ASSERT_EQ(backend_.sent().size(), 1u);
  EXPECT_EQ(backend_.sent()[0], frame);
}

TEST_F(VirtioNetTest, TransmitDropsMalformedFramesAndKeepsWorking) {
  ASSERT_TRUE(Init());
  Bytes csum(kVirtioNetHdrSize, 0);
  csum[0] = kVirtioNetHdrFNeedsCsum;  // CSUM was not offered
  Transmit(csum, Frame(60), kBufBase);
  Bytes gso(kVirtioNetHdrSize, 0);
  gso[1] = 1;  // GSO_TCPV4, not offered
  Transmit(gso, Frame(60), kBufBase + 0x2000);
  Transmit(Bytes(kVirtioNetHdrSize, 0), Frame(10), kBufBase + 0x4000);    // runt
  Transmit(Bytes(kVirtioNetHdrSize, 0), Frame(1519), kBufBase + 0x6000);  // over the MTU
  Transmit(Bytes(4, 0), Bytes(), kBufBase + 0x8000);                      // no header at all
  const Bytes good = Frame(60, 9);
  Transmit(Bytes(kVirtioNetHdrSize, 0), good, kBufBase + 0xa000);
  ASSERT_TRUE(d_->WaitUsed(1, 6));
  ASSERT_EQ(backend_.sent().size(), 1u);
  EXPECT_EQ(backend_.sent()[0], good);
  EXPECT_EQ(net_->stats().tx_dropped, 5u);
  EXPECT_EQ(d_->status() & kStatusNeedsReset, 0u);
}

TEST_F(VirtioNetTest, BackendRefusalCountsAsTransmitDrop) {
  ASSERT_TRUE(Init());
  backend_.set_accept(false);
  Transmit(Bytes(kVirtioNetHdrSize, 0), Frame(60));
  ASSERT_TRUE(d_->WaitUsed(1, 1));
  EXPECT_EQ(net_->stats().tx_frames, 0u);
  EXPECT_EQ(net_->stats().tx_dropped, 1u);
}

TEST_F(VirtioNetTest, WritableTransmitBufferBreaksDevice) {
  ASSERT_TRUE(Init());
  d_->ring(1).Add({{kBufBase, kVirtioNetHdrSize, false}, {kBufBase + 0x100, 64, true}});
  d_->Notify(1);
  EXPECT_TRUE(testing::WaitFor([&] { return (d_->status() & kStatusNeedsReset) != 0; }));
  EXPECT_TRUE(backend_.sent().empty());
}

TEST_F(VirtioNetTest, ReceivePrependsHeaderWithOneBuffer) {
  ASSERT_TRUE(Init());
  d_->ring(0).Add({{kBufBase, 1526, true}});
  d_->Notify(0);
  const Bytes frame = Frame(342, 5);
  net_->ReceiveFrame(frame.data(), frame.size());
  ASSERT_TRUE(d_->WaitUsed(0, 1));
  EXPECT_EQ(d_->ring(0).used(0).second, kVirtioNetHdrSize + frame.size());
  Bytes hdr(kVirtioNetHdrSize, 0);
  hdr[10] = 1;  // num_buffers, little-endian; no flags, no GSO
  EXPECT_EQ(Get(kBufBase, kVirtioNetHdrSize), hdr);
  EXPECT_EQ(Get(kBufBase + kVirtioNetHdrSize, frame.size()), frame);
  // The used index is published before the worker raises the interrupt.
  EXPECT_TRUE(testing::WaitFor([&] { return d_->irq().level(testing::kTestIntid); }));
  EXPECT_EQ(net_->stats().rx_frames, 1u);
}

TEST_F(VirtioNetTest, ReceiveSpreadsOverChainSegments) {
  ASSERT_TRUE(Init());
  // Header alone in the first descriptor, the frame across two more.
  d_->ring(0).Add({{kBufBase, kVirtioNetHdrSize, true},
                   {kBufBase + 0x100, 100, true},
                   {kBufBase + 0x1000, 1500, true}});
  d_->Notify(0);
  const Bytes frame = Frame(600, 1);
  net_->ReceiveFrame(frame.data(), frame.size());
  ASSERT_TRUE(d_->WaitUsed(0, 1));
  EXPECT_EQ(d_->ring(0).used(0).second, kVirtioNetHdrSize + 600);
  Bytes got = Get(kBufBase + 0x100, 100);
  const Bytes rest = Get(kBufBase + 0x1000, 500);
  got.insert(got.end(), rest.begin(), rest.end());
  EXPECT_EQ(got, frame);
}

TEST_F(VirtioNetTest, FramesWaitForBuffersInOrder) {
  ASSERT_TRUE(Init());
  const Bytes a = Frame(60, 1), b = Frame(70, 2), c = Frame(80, 3);
  for (const Bytes* f : {&a, &b, &c}) net_->ReceiveFrame(f->data(), f->size());
  EXPECT_EQ(net_->PendingRx(), 3u);
  for (int i = 0; i < 3; ++i) d_->ring(0).Add({{kBufBase + 0x800ull * i, 0x800, true}});
  d_->Notify(0);
  ASSERT_TRUE(d_->WaitUsed(0, 3));
  EXPECT_EQ(Get(kBufBase + kVirtioNetHdrSize, 60), a);
  EXPECT_EQ(Get(kBufBase + 0x800 + kVirtioNetHdrSize, 70), b);
  EXPECT_EQ(Get(kBufBase + 0x1000 + kVirtioNetHdrSize, 80), c);
  EXPECT_EQ(net_->PendingRx(), 0u);
}

class VirtioNetSmallBacklogTest : public VirtioNetTest {
 protected:
  VirtioNetSmallBacklogTest() : VirtioNetTest(/*backlog=*/4) {}
};

TEST_F(VirtioNetSmallBacklogTest, BacklogIsBoundedByDroppingNewest) {
  ASSERT_TRUE(Init());
  for (uint8_t i = 0; i < 6; ++i) {
    const Bytes f = Frame(60, i);
    net_->ReceiveFrame(f.data(), f.size());
  }
  EXPECT_EQ(net_->PendingRx(), 4u);
  EXPECT_EQ(net_->stats().rx_dropped, 2u);
  for (int i = 0; i < 6; ++i) d_->ring(0).Add({{kBufBase + 0x800ull * i, 0x800, true}});
  d_->Notify(0);
  ASSERT_TRUE(d_->WaitUsed(0, 4));
  // The four oldest arrived; the last two were the ones dropped.
  for (uint8_t i = 0; i < 4; ++i) {
    EXPECT_EQ(Get(kBufBase + 0x800ull * i + kVirtioNetHdrSize, 60), Frame(60, i));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(d_->ring(0).used_idx(), 4u);
}

TEST_F(VirtioNetTest, TooSmallReceiveBufferCostsTheFrameOnly) {
  ASSERT_TRUE(Init());
  d_->ring(0).Add({{kBufBase, 64, true}});
  d_->ring(0).Add({{kBufBase + 0x1000, 1526, true}});
  d_->Notify(0);
  const Bytes big = Frame(200, 1), small = Frame(40, 2);
  net_->ReceiveFrame(big.data(), big.size());
  net_->ReceiveFrame(small.data(), small.size());
  ASSERT_TRUE(d_->WaitUsed(0, 2));
  EXPECT_EQ(d_->ring(0).used(0).second, 0u);
  EXPECT_EQ(d_->ring(0).used(1).second, kVirtioNetHdrSize + 40);
  EXPECT_EQ(Get(kBufBase + 0x1000 + kVirtioNetHdrSize, 40), small);
  EXPECT_EQ(net_->stats().rx_dropped, 1u);
  EXPECT_EQ(d_->status() & kStatusNeedsReset, 0u);
}

TEST_F(VirtioNetTest, BackendFramesOfImpossibleSizeAreDropped) {
  const Bytes runt = Frame(13), jumbo = Frame(kMaxEthFrameSize + 1);
  net_->ReceiveFrame(runt.data(), runt.size());
  net_->ReceiveFrame(jumbo.data(), jumbo.size());
  EXPECT_EQ(net_->PendingRx(), 0u);
  EXPECT_EQ(net_->stats().rx_dropped, 2u);
}

TEST_F(VirtioNetTest, ReadableReceiveBufferBreaksDevice) {
  ASSERT_TRUE(Init());
  d_->ring(0).Add({{kBufBase, 1526, false}});
  d_->Notify(0);
  const Bytes f = Frame(60);
  net_->ReceiveFrame(f.data(), f.size());
  EXPECT_TRUE(testing::WaitFor([&] { return (d_->status() & kStatusNeedsReset) != 0; }));
}

TEST_F(VirtioNetTest, ResetForgetsTheBacklog) {
  const Bytes f = Frame(60);
  net_->ReceiveFrame(f.data(), f.size());
  ASSERT_TRUE(Init());  // Init starts with a reset (status 0)
  EXPECT_EQ(net_->PendingRx(), 0u);
}

TEST_F(VirtioNetTest, LinkDownShowsInConfigAndStopsTraffic) {
  ASSERT_TRUE(Init());
  const uint32_t gen = d_->Reg(virtio_mmio::kConfigGeneration);
  net_->SetLinkUp(false);
  EXPECT_EQ(d_->mmio().Read(virtio_mmio::kConfig + net_config::kStatus, 2), 0u);
  EXPECT_NE(d_->Reg(virtio_mmio::kConfigGeneration), gen);
  EXPECT_TRUE(d_->Reg(virtio_mmio::kInterruptStatus) & virtio_mmio::kInterruptConfigChange);
  const Bytes f = Frame(60);
  net_->ReceiveFrame(f.data(), f.size());
  EXPECT_EQ(net_->PendingRx(), 0u);
  Transmit(Bytes(kVirtioNetHdrSize, 0), f);
  ASSERT_TRUE(d_->WaitUsed(1, 1));
  EXPECT_TRUE(backend_.sent().empty());
  net_->SetLinkUp(true);
  EXPECT_EQ(d_->mmio().Read(virtio_mmio::kConfig + net_config::kStatus, 2), kVirtioNetSLinkUp);
}

TEST(MacAddressTest, ParsesAndFormats) {
  auto mac = ParseMacAddress("52:54:00:AB:cd:0f");
  ASSERT_TRUE(mac.ok()) << mac.status();
  EXPECT_EQ(*mac, (MacAddress{0x52, 0x54, 0x00, 0xab, 0xcd, 0x0f}));
  EXPECT_EQ(FormatMacAddress(*mac), "52:54:00:ab:cd:0f");
}

TEST(MacAddressTest, RefusesMalformedMulticastAndZero) {
  for (const char* bad : {"", "52:54:00:ab:cd", "52:54:00:ab:cd:0f:11", "52-54-00-ab-cd-0f",
                          "52:54:00:ab:cd:0g", "01:00:5e:00:00:01", "00:00:00:00:00:00"}) {
    EXPECT_FALSE(ParseMacAddress(bad).ok()) << bad;
  }
}

TEST(MacAddressTest, DerivedIsStableLocallyAdministeredUnicast) {
  const MacAddress a = DeriveMacAddress("vm-1234");
  EXPECT_EQ(a, DeriveMacAddress("vm-1234"));
  EXPECT_NE(a, DeriveMacAddress("vm-1235"));
  EXPECT_EQ(a[0] & 0x03, 0x02);  // locally administered, not multicast
  EXPECT_TRUE(ParseMacAddress(FormatMacAddress(a)).ok());
}

}  // namespace
}  // namespace vmd
