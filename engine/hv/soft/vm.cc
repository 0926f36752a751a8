// The soft VM's memory map and vCPU registry.
#include "engine/hv/soft/vm.h"

namespace vmd::hvsoft {
namespace {

constexpr uint64_t kMapAlign = 16 * 1024;  // Apple silicon host page size
constexpr uint64_t kFlagMask = HV_MEMORY_READ | HV_MEMORY_WRITE | HV_MEMORY_EXEC;

bool RangeOk(uint64_t ipa, uint64_t size) {
  return size != 0 && ipa % kMapAlign == 0 && size % kMapAlign == 0 &&
         ipa + size > ipa && ipa + size <= (1ull << kIpaBits);
}

}  // namespace

hv_return_t Vm::Map(uint8_t* host, uint64_t ipa, uint64_t size, uint64_t flags) {
  if (host == nullptr || reinterpret_cast<uintptr_t>(host) % kMapAlign != 0 ||
      !RangeOk(ipa, size) || (flags & ~kFlagMask) != 0) {
    return HV_BAD_ARGUMENT;
  }
  absl::MutexLock lock(&mu_);
  // Overlapping an existing mapping is an error, as on the real framework.
  auto next = regions_.lower_bound(ipa);
  if (next != regions_.end() && next->first < ipa + size) return HV_BAD_ARGUMENT;
  if (next != regions_.begin()) {
    auto prev = std::prev(next);
    if (prev->first + prev->second.size > ipa) return HV_BAD_ARGUMENT;
  }
  regions_[ipa] = Region{ipa, size, host, flags};
  InvalidateAll();
  return HV_SUCCESS;
}

hv_return_t Vm::Unmap(uint64_t ipa, uint64_t size) {
  if (!RangeOk(ipa, size)) return HV_BAD_ARGUMENT;
  absl::MutexLock lock(&mu_);
  // Split regions so that exactly [ipa, ipa+size) goes away.
  std::vector<Region> keep;
  for (auto it = regions_.begin(); it != regions_.end();) {
    const Region r = it->second;
    const uint64_t end = r.ipa + r.size;
    if (end <= ipa || r.ipa >= ipa + size) {
      ++it;
      continue;
    }
    it = regions_.erase(it);
    if (r.ipa < ipa) keep.push_back(Region{r.ipa, ipa - r.ipa, r.host, r.flags});
    if (end > ipa + size) {
      const uint64_t off = ipa + size - r.ipa;
      keep.push_back(Region{ipa + size, end - (ipa + size), r.host + off, r.flags});
    }
  }
  for (const Region& r : keep) regions_[r.ipa] = r;
  InvalidateAll();
  return HV_SUCCESS;
}

hv_return_t Vm::Protect(uint64_t ipa, uint64_t size, uint64_t flags) {
  if (!RangeOk(ipa, size) || (flags & ~kFlagMask) != 0) return HV_BAD_ARGUMENT;
  absl::MutexLock lock(&mu_);
  // Every page of the range must be mapped.
  uint64_t covered = 0;
  for (const auto& [base, r] : regions_) {
    const uint64_t lo = std::max(base, ipa), hi = std::min(base + r.size, ipa + size);
    if (lo < hi) covered += hi - lo;
  }
  if (covered != size) return HV_BAD_ARGUMENT;
  std::vector<Region> out;
  for (auto it = regions_.begin(); it != regions_.end();) {
    const Region r = it->second;
    const uint64_t end = r.ipa + r.size;
    if (end <= ipa || r.ipa >= ipa + size) {
      ++it;
      continue;
    }
    it = regions_.erase(it);
    const uint64_t lo = std::max(r.ipa, ipa), hi = std::min(end, ipa + size);
    if (r.ipa < lo) out.push_back(Region{r.ipa, lo - r.ipa, r.host, r.flags});
    out.push_back(Region{lo, hi - lo, r.host + (lo - r.ipa), flags});
    if (hi < end) out.push_back(Region{hi, end - hi, r.host + (hi - r.ipa), r.flags});
  }
  for (const Region& r : out) regions_[r.ipa] = r;
  InvalidateAll();
  return HV_SUCCESS;
}

bool Vm::Lookup(uint64_t ipa, Region* out) {
  absl::ReaderMutexLock lock(&mu_);
  auto it = regions_.upper_bound(ipa);
  if (it == regions_.begin()) return false;
  --it;
  const Region& r = it->second;
  if (ipa >= r.ipa + r.size) return false;
  *out = r;
  return true;
}

void Vm::BroadcastTlbOp(const TlbOp& op) {
  {
    absl::MutexLock lock(&tlb_mu_);
    const uint64_t n = tlb_epoch_.load(std::memory_order_relaxed);
    tlb_log_[n % kTlbLog] = op;
    tlb_epoch_.store(n + 1, std::memory_order_release);
  }
  changes_.fetch_add(1, std::memory_order_acq_rel);
}

std::optional<uint64_t> Vm::TlbOpsSince(uint64_t seen,
                                        absl::FunctionRef<void(const TlbOp&)> apply) {
  absl::MutexLock lock(&tlb_mu_);
  const uint64_t now = tlb_epoch_.load(std::memory_order_relaxed);
  if (seen > now || now - seen > kTlbLog) return std::nullopt;
  for (uint64_t k = seen; k < now; ++k) apply(tlb_log_[k % kTlbLog]);
  return now;
}

hv_return_t Vm::AddVcpu(std::unique_ptr<Cpu> cpu, hv_vcpu_t* id) {
  absl::MutexLock lock(&mu_);
  for (uint32_t i = 0; i < kMaxVcpus; ++i) {
    if (vcpus_[i] == nullptr) {
      cpu->id = i;
      vcpus_[i] = std::move(cpu);
      *id = i;
      return HV_SUCCESS;
    }
  }
  return HV_NO_RESOURCES;
}

Cpu* Vm::FindVcpu(hv_vcpu_t id) {
  if (id >= kMaxVcpus) return nullptr;
  absl::ReaderMutexLock lock(&mu_);
  return vcpus_[id].get();
}

hv_return_t Vm::RemoveVcpu(hv_vcpu_t id) {
  if (id >= kMaxVcpus) return HV_BAD_ARGUMENT;
  absl::MutexLock lock(&mu_);
  if (vcpus_[id] == nullptr) return HV_BAD_ARGUMENT;
  vcpus_[id].reset();
  return HV_SUCCESS;
}

}  // namespace vmd::hvsoft
