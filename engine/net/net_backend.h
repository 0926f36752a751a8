// The seam between a virtio-net device and the host side of its network: the
// device hands the backend the Ethernet frames the guest sent, and the backend
// hands the device the frames for the guest. SlirpBackend (slirp_backend.h) is
// the one real backend; tests use fakes. Frames are whole Ethernet frames
// (destination MAC first, no FCS, no virtio header).
#ifndef VMD_ENGINE_NET_NET_BACKEND_H_
#define VMD_ENGINE_NET_NET_BACKEND_H_

#include <cstddef>
#include <cstdint>

namespace vmd {

// Ethernet sizes shared by devices and backends.
inline constexpr size_t kEthHeaderSize = 14;
inline constexpr size_t kEthMtu = 1500;
// Largest frame either side passes on: an MTU-sized payload behind an Ethernet
// header and one 802.1Q tag.
inline constexpr size_t kMaxEthFrameSize = kEthHeaderSize + 4 + kEthMtu;

// Where a backend delivers frames for the guest (implemented by VirtioNet).
class NetFrameReceiver {
 public:
  virtual ~NetFrameReceiver() = default;
  // One frame for the guest. Called on the backend's own thread; must not
  // block and must not call back into the backend. The data is only valid
  // during the call.
  virtual void ReceiveFrame(const uint8_t* frame, size_t len) = 0;
};

class NetBackend {
 public:
  virtual ~NetBackend() = default;
  // Sets where frames for the guest go; nullptr detaches. Once it returns, the
  // previous receiver is not called any more (an in-flight call has finished).
  // One receiver per backend.
  virtual void SetReceiver(NetFrameReceiver* receiver) = 0;
  // Takes one frame from the guest. Any thread; never blocks on the network
  // (the frame is copied and handled later). Returns false when the frame was
  // dropped (backend congested or stopped).
  virtual bool Send(const uint8_t* frame, size_t len) = 0;
};

}  // namespace vmd

#endif  // VMD_ENGINE_NET_NET_BACKEND_H_
