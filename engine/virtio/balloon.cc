#include "engine/virtio/balloon.h"

#include <algorithm>
#include <cstring>
#include <span>
#include <vector>

#include "absl/strings/str_format.h"
#include "engine/base/status_macros.h"

namespace vmd {
namespace {
// struct virtio_balloon_config: num_pages (device-set), actual (driver-set).
constexpr size_t kConfigNumPages = 0;
constexpr size_t kConfigActual = 4;
constexpr size_t kConfigSize = 8;
constexpr size_t kStatSize = 10;  // packed {le16 tag; le64 val}
constexpr size_t kMaxStats = 64;
constexpr uint64_t kSubPages = GuestMemory::kPageSize / VirtioBalloon::kBalloonPageSize;
}  // namespace

VirtioBalloon::VirtioBalloon(bool deflate_on_oom)
    : VirtioDevice("virtio-balloon", kDeviceId, {256, 256, 256}), deflate_on_oom_(deflate_on_oom) {}
VirtioBalloon::~VirtioBalloon() { StopWorker(); }

void VirtioBalloon::SetTargetPages(uint32_t pages) {
  {
    absl::MutexLock lock(&config_mu_);
    num_pages_ = pages;
  }
  if (host() != nullptr) host()->SignalConfigChange();
}

uint32_t VirtioBalloon::target_pages() const {
  absl::MutexLock lock(&config_mu_);
  return num_pages_;
}

uint32_t VirtioBalloon::actual_pages() const {
  absl::MutexLock lock(&config_mu_);
  return actual_;
}

void VirtioBalloon::ReadConfig(uint64_t offset, uint8_t* dst, size_t len) {
  uint8_t cfg[kConfigSize];
  {
    absl::MutexLock lock(&config_mu_);
    std::memcpy(cfg + kConfigNumPages, &num_pages_, 4);
    std::memcpy(cfg + kConfigActual, &actual_, 4);
  }
  for (size_t i = 0; i < len; ++i) dst[i] = offset + i < kConfigSize ? cfg[offset + i] : 0;
}

void VirtioBalloon::WriteConfig(uint64_t offset, const uint8_t* src, size_t len) {
  absl::MutexLock lock(&config_mu_);
  uint8_t cfg[4];
  std::memcpy(cfg, &actual_, 4);
  // Only `actual` is driver-writable; other bytes are ignored.
  for (size_t i = 0; i < len; ++i) {
    const uint64_t at = offset + i;
    if (at >= kConfigActual && at < kConfigActual + 4) cfg[at - kConfigActual] = src[i];
  }
  std::memcpy(&actual_, cfg, 4);
}

void VirtioBalloon::RequestStats() {
  stats_requested_ = true;
  Kick(kStatsQueue);
}

std::map<uint16_t, uint64_t> VirtioBalloon::stats() const {
  absl::MutexLock lock(&stats_mu_);
  return stats_;
}

uint64_t VirtioBalloon::stats_updates() const {
  absl::MutexLock lock(&stats_mu_);
  return stats_updates_;
}

void VirtioBalloon::OnReset() {
  // The guest owns all its memory again after a reset.
  inflated_.clear();
  inflated_count_ = 0;
  stats_head_.reset();
  stats_requested_ = false;
  absl::MutexLock lock(&config_mu_);
  actual_ = 0;
}

absl::Status VirtioBalloon::ProcessQueue(size_t index, Virtqueue& queue) {
  switch (index) {
    case kInflateQueue: return ProcessPages(true, queue);
    case kDeflateQueue: return ProcessPages(false, queue);
    default: return ProcessStats(queue);
  }
}

void VirtioBalloon::Inflate(uint64_t pfn) {
  if (!inflated_.insert(pfn).second) return;
  ++inflated_count_;
  // Host pages are 16 KiB: release one only when all four of its 4 KiB
  // frames are in the balloon; until then zero the frame, so an inflated
  // page never leaks old contents and reads as zero either way.
  const uint64_t first = pfn - pfn % kSubPages;
  bool whole = true;
  for (uint64_t p = first; p < first + kSubPages && whole; ++p) whole = inflated_.count(p) != 0;
  if (whole && memory().Discard(first * kBalloonPageSize, GuestMemory::kPageSize).ok()) return;
  static const std::vector<uint8_t> zeros(kBalloonPageSize, 0);
  (void)memory().Write(pfn * kBalloonPageSize, zeros.data(), zeros.size());
}

void VirtioBalloon::HandleFrame(bool inflate, uint32_t pfn) {
  const uint64_t ipa = uint64_t{pfn} * kBalloonPageSize;
  if (!memory().Contains(ipa, kBalloonPageSize)) {
    if (WarnAllowed()) log().warn("balloon page frame {:#x} is outside RAM; ignored", pfn);
    return;
  }
  if (inflate) {
    Inflate(pfn);
  } else if (inflated_.erase(pfn) != 0) {
    --inflated_count_;
  }
}

absl::Status VirtioBalloon::ProcessPages(bool inflate, Virtqueue& queue) {
  std::vector<uint32_t> pfns;
  for (;;) {
    ASSIGN_OR_RETURN(std::optional<DescriptorChain> chain, queue.Pop());
    if (!chain) return absl::OkStatus();
    if (chain->writable_bytes > 0) {
      return absl::DataLossError(absl::StrFormat(
          "balloon: %s buffer %u is device-writable", inflate ? "inflate" : "deflate", chain->head));
    }
    // Read in bounded batches: a chain's length is guest-controlled.
    ChainReader reader(memory(), *chain);
    pfns.resize(1024);
    for (size_t got; (got = reader.Read(pfns.data(), pfns.size() * 4) / 4) > 0;) {
      for (uint32_t pfn : std::span(pfns.data(), got)) HandleFrame(inflate, pfn);
    }
    queue.Push(chain->head, 0);
  }
}

absl::Status VirtioBalloon::ProcessStats(Virtqueue& queue) {
  for (;;) {
    ASSIGN_OR_RETURN(std::optional<DescriptorChain> chain, queue.Pop());
    if (!chain) break;
    if (chain->writable_bytes > 0) {
      return absl::DataLossError(
          absl::StrFormat("balloon: stats buffer %u is device-writable", chain->head));
    }
    // Only the first kMaxStats entries count; the driver sends about ten.
    const uint64_t len = std::min<uint64_t>(chain->readable_bytes, kMaxStats * kStatSize);
    std::vector<uint8_t> raw(len - len % kStatSize);
    ChainReader(memory(), *chain).Read(raw.data(), raw.size());
    {
      absl::MutexLock lock(&stats_mu_);
      for (size_t off = 0; off < raw.size(); off += kStatSize) {
        uint16_t tag;
        uint64_t val;
        std::memcpy(&tag, &raw[off], 2);
        std::memcpy(&val, &raw[off + 2], 8);
        stats_[tag] = val;
      }
      ++stats_updates_;
    }
    // The driver keeps one stats buffer in flight; a newer one replaces it.
    if (stats_head_) queue.Push(*stats_head_, 0);
    stats_head_ = chain->head;
  }
  if (stats_head_ && stats_requested_.exchange(false)) {
    queue.Push(*stats_head_, 0);
    stats_head_.reset();
  }
  return absl::OkStatus();
}

}  // namespace vmd
