#include "engine/virtio/console.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "absl/strings/str_format.h"
#include "engine/base/status_macros.h"

namespace vmd {
namespace {
// struct virtio_console_config: cols, rows, max_nr_ports, emerg_wr. Without
// F_SIZE/MULTIPORT/EMERG_WRITE none is meaningful, so it reads as zero.
constexpr size_t kConfigSize = 12;
}  // namespace

VirtioConsole::VirtioConsole(OutputSink sink, size_t input_limit)
    : VirtioDevice("virtio-console", kDeviceId, {256, 256}),
      sink_(std::move(sink)),
      input_limit_(input_limit) {}

VirtioConsole::~VirtioConsole() { StopWorker(); }

void VirtioConsole::ReadConfig(uint64_t, uint8_t* dst, size_t len) {
  static_assert(kConfigSize > 0);
  std::memset(dst, 0, len);
}

size_t VirtioConsole::Receive(const uint8_t* data, size_t len) {
  size_t accepted;
  {
    absl::MutexLock lock(&mu_);
    accepted = std::min(len, input_limit_ - input_.size());
    input_.insert(input_.end(), data, data + accepted);
  }
  if (accepted < len && WarnAllowed()) {
    log().warn("guest is not reading its console; dropped {} input bytes", len - accepted);
  }
  Kick(kReceiveQueue);
  return accepted;
}

size_t VirtioConsole::PendingInput() const {
  absl::MutexLock lock(&mu_);
  return input_.size();
}

absl::Status VirtioConsole::ProcessQueue(size_t index, Virtqueue& queue) {
  return index == kTransmitQueue ? Transmit(queue) : DeliverInput(queue);
}

absl::Status VirtioConsole::Transmit(Virtqueue& queue) {
  // Bounded chunks: a chain may name the same guest pages many times over,
  // so its total length says nothing about what the host should allocate.
  uint8_t chunk[4096];
  for (;;) {
    ASSIGN_OR_RETURN(std::optional<DescriptorChain> chain, queue.Pop());
    if (!chain) return absl::OkStatus();
    if (chain->writable_bytes > 0) {
      return absl::DataLossError(
          absl::StrFormat("console: transmit buffer %u is device-writable", chain->head));
    }
    ChainReader reader(memory(), *chain);
    for (size_t n; (n = reader.Read(chunk, sizeof(chunk))) > 0;) {
      if (sink_) sink_(chunk, n);
    }
    queue.Push(chain->head, 0);
  }
}

absl::Status VirtioConsole::DeliverInput(Virtqueue& queue) {
  std::vector<uint8_t> chunk;
  for (;;) {
    {
      absl::MutexLock lock(&mu_);
      if (input_.empty()) return absl::OkStatus();
    }
    // Pop only when there is input, so buffers wait in the ring meanwhile.
    ASSIGN_OR_RETURN(std::optional<DescriptorChain> chain, queue.Pop());
    if (!chain) return absl::OkStatus();
    if (chain->readable_bytes > 0) {
      return absl::DataLossError(
          absl::StrFormat("console: receive buffer %u is device-readable", chain->head));
    }
    {
      absl::MutexLock lock(&mu_);
      const size_t n = static_cast<size_t>(std::min<uint64_t>(input_.size(), chain->writable_bytes));
      chunk.assign(input_.begin(), input_.begin() + n);
      input_.erase(input_.begin(), input_.begin() + n);
    }
    ChainWriter writer(memory(), *chain);
    writer.Write(chunk.data(), chunk.size());
    queue.Push(chain->head, static_cast<uint32_t>(writer.written()));
  }
}

}  // namespace vmd
