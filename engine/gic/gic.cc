// Common GIC state: interrupt lines, routing, the highest-priority-pending
// computation, deliverable flags and kicks, and the IGROUPR..ICFGR register block
// the distributor and the redistributors' SGI frames share.
#include "engine/gic/gic.h"

#include <bit>

#include "engine/base/check.h"
#include "engine/base/logging.h"
#include "engine/gic/gic_regs.h"

namespace vmd {

using namespace gic;  // NOLINT: register names, .cc only

namespace {
// 5 implemented priority bits (ICC_CTLR_EL1.PRIbits = 4): bits [7:3].
constexpr uint8_t kPriorityMask = 0xF8;
}  // namespace

Gic::Gic(int num_vcpus, KickFn kick)
    : num_vcpus_(num_vcpus),
      kick_(std::move(kick)),
      log_(Logger("gic")),
      deliverable_(num_vcpus > 0 ? num_vcpus : 0) {
  CHECK_MSG(num_vcpus >= 1 && num_vcpus <= kMaxVcpus, "Gic: num_vcpus must be 1..16");
  absl::MutexLock lock(&mu_);
  cpus_.resize(num_vcpus_);
  spis_.resize(kNumIntids - kFirstSpi);
  irouter_.resize(kNumIntids - kFirstSpi);
  one_of_n_target_.resize(kNumIntids - kFirstSpi);
  spi_candidates_.resize((kNumIntids - kFirstSpi + 63) / 64);
  ResetLocked();
}

Gic::~Gic() = default;

void Gic::Reset() {
  absl::MutexLock lock(&mu_);
  ResetLocked();
}

void Gic::ResetLocked() {
  enable_grp0_ = enable_grp1_ = false;
  for (Cpu& cpu : cpus_) {
    cpu = Cpu{};
    cpu.bpr0 = 2;  // minimum binary points for 5 priority bits
    cpu.bpr1 = 3;
    // SGIs are always edge-triggered; PPIs reset to level (the timers are level).
    for (uint32_t i = 0; i < kFirstPpi; ++i) cpu.priv[i].edge = true;
  }
  for (Irq& irq : spis_) irq = Irq{};
  for (uint64_t& w : spi_candidates_) w = 0;
  for (uint64_t& r : irouter_) r = 0;  // Aff0 = 0: vCPU 0
  any_one_of_n_ = false;
  for (int& t : one_of_n_target_) t = -1;
  next_one_of_n_ = 0;
  for (auto& d : deliverable_) d.store(0, std::memory_order_relaxed);
}

Gic::Irq* Gic::Lookup(int cpu, uint32_t intid) {
  if (intid < kFirstSpi) {
    if (cpu < 0 || cpu >= num_vcpus_) return nullptr;
    return &cpus_[cpu].priv[intid];
  }
  if (intid < kNumIntids) return &spis_[intid - kFirstSpi];
  return nullptr;
}

uint32_t Gic::SpiCpuMask(uint32_t intid) const {
  uint64_t route = irouter_[intid - kFirstSpi];
  if (route & kIrouterIrm) return AllCpus();
  // Our vCPUs have Aff1..Aff3 = 0; routing anywhere else reaches nobody.
  uint64_t aff0 = route & 0xFF;
  if ((route & 0xFF'00FF'FF00ull) != 0 || aff0 >= static_cast<uint64_t>(num_vcpus_)) return 0;
  return 1u << aff0;
}

bool Gic::Participates(int cpu, bool group1) const {
  const Cpu& c = cpus_[cpu];
  return !c.processor_sleep && (group1 ? c.igrpen1 : c.igrpen0);
}

bool Gic::AssignOneOfNTargets() {
  if (!any_one_of_n_) return false;
  bool changed = false;
  for (uint32_t i = 0; i < spis_.size(); ++i) {
    if (!(irouter_[i] & kIrouterIrm)) continue;
    const Irq& irq = spis_[i];
    int& target = one_of_n_target_[i];
    bool wanted = irq.Eligible();
    if (!wanted) {
      // Forget the choice once it is delivered, so the next one may go elsewhere.
      if (target != -1 && !irq.active) {
        target = -1;
        changed = true;
      }
      continue;
    }
    if (target != -1 && Participates(target, irq.group1)) continue;
    int chosen = -1;
    for (int k = 0; k < num_vcpus_; ++k) {
      int cpu = (next_one_of_n_ + k) % num_vcpus_;
      if (Participates(cpu, irq.group1)) {
        chosen = cpu;
        break;
      }
    }
    if (chosen != target) {
      target = chosen;
      changed = true;
      if (chosen != -1) next_one_of_n_ = (chosen + 1) % num_vcpus_;
    }
  }
  return changed;
}

Gic::Candidate Gic::HighestPending(int cpu) const {
  Candidate best;
  const Cpu& c = cpus_[cpu];
  if (c.processor_sleep) return best;
  auto consider = [&](const Irq& irq, uint32_t intid) {
    if (!irq.Eligible()) return;
    if (irq.group1 ? !(enable_grp1_ && c.igrpen1) : !(enable_grp0_ && c.igrpen0)) return;
    // Strictly lower wins; on a tie the lower INTID (visited first) stays.
    if (!best.valid() || irq.priority < best.priority) {
      best.intid = intid;
      best.priority = irq.priority;
      best.group1 = irq.group1;
    }
  };
  for (uint32_t bits = c.candidates; bits != 0; bits &= bits - 1) {
    uint32_t intid = static_cast<uint32_t>(std::countr_zero(bits));
    consider(c.priv[intid], intid);
  }
  for (size_t w = 0; w < spi_candidates_.size(); ++w) {
    for (uint64_t bits = spi_candidates_[w]; bits != 0; bits &= bits - 1) {
      uint32_t i = static_cast<uint32_t>(w * 64 + std::countr_zero(bits));
      if (irouter_[i] & kIrouterIrm) {
        if (one_of_n_target_[i] != cpu) continue;
      } else if ((SpiCpuMask(i + kFirstSpi) & (1u << cpu)) == 0) {
        continue;
      }
      consider(spis_[i], i + kFirstSpi);
    }
  }
  return best;
}

uint8_t Gic::GroupPriority(int cpu, uint8_t priority, bool group1) const {
  const Cpu& c = cpus_[cpu];
  // BPR0 = n: group priority is bits [7:n+1]; BPR1 = n: bits [7:n]. With CBPR
  // set, group 1 follows BPR0.
  unsigned shift = (!group1 || c.cbpr) ? c.bpr0 + 1u : c.bpr1;
  return static_cast<uint8_t>(priority & (0xFFu << shift));
}

unsigned Gic::RunningPriority(int cpu) const {
  uint32_t active = cpus_[cpu].ap0r | cpus_[cpu].ap1r;
  if (active == 0) return 0x100;
  return static_cast<unsigned>(std::countr_zero(active)) << 3;
}

bool Gic::CanSignal(int cpu, const Candidate& cand) const {
  if (!cand.valid()) return false;
  if (cand.priority >= cpus_[cpu].pmr) return false;
  return GroupPriority(cpu, cand.priority, cand.group1) < RunningPriority(cpu);
}

uint32_t Gic::Update(uint32_t cpus) {
  if (AssignOneOfNTargets()) cpus = AllCpus();
  uint32_t kick = 0;
  for (int cpu = 0; cpu < num_vcpus_; ++cpu) {
    if (!(cpus & (1u << cpu))) continue;
    Candidate cand = HighestPending(cpu);
    uint8_t flags = 0;
    if (CanSignal(cpu, cand)) flags = cand.group1 ? 1 : 2;
    uint8_t old = deliverable_[cpu].exchange(flags, std::memory_order_acq_rel);
    if (flags & ~old) kick |= 1u << cpu;
  }
  return kick;
}

void Gic::Kick(uint32_t cpus) {
  if (!kick_) return;
  while (cpus != 0) {
    int cpu = std::countr_zero(cpus);
    cpus &= cpus - 1;
    kick_(cpu);
  }
}

bool Gic::IrqPending(int vcpu) const {
  if (vcpu < 0 || vcpu >= num_vcpus_) return false;
  return deliverable_[vcpu].load(std::memory_order_acquire) & 1;
}

bool Gic::FiqPending(int vcpu) const {
  if (vcpu < 0 || vcpu >= num_vcpus_) return false;
  return deliverable_[vcpu].load(std::memory_order_acquire) & 2;
}

void Gic::SetLine(int cpu, uint32_t intid, bool level) {
  Irq* irq = Lookup(cpu, intid);
  if (irq->edge && level && !irq->line) irq->pending_latch = true;
  irq->line = level;
  Refresh(cpu, intid);
}

void Gic::Refresh(int cpu, uint32_t intid) {
  Irq* irq = Lookup(cpu, intid);
  if (irq == nullptr) return;
  bool on = irq->Eligible();
  if (intid < kFirstSpi) {
    uint32_t bit = 1u << intid;
    uint32_t& mask = cpus_[cpu].candidates;
    mask = on ? mask | bit : mask & ~bit;
  } else {
    uint32_t i = intid - kFirstSpi;
    uint64_t bit = uint64_t{1} << (i % 64);
    uint64_t& word = spi_candidates_[i / 64];
    word = on ? word | bit : word & ~bit;
  }
}

void Gic::SetPpiLevel(int vcpu, uint32_t intid, bool level) {
  if (vcpu < 0 || vcpu >= num_vcpus_ || intid < kFirstPpi || intid >= kFirstSpi) {
    log_->error("SetPpiLevel: no PPI {} on vCPU {}", intid, vcpu);
    return;
  }
  uint32_t kick;
  {
    absl::MutexLock lock(&mu_);
    SetLine(vcpu, intid, level);
    kick = Update(1u << vcpu);
  }
  Kick(kick);
}

void Gic::SetSpiLevel(uint32_t intid, bool level) {
  if (intid < kFirstSpi || intid >= kNumIntids) {
    log_->error("SetSpiLevel: INTID {} is not an SPI of this GIC", intid);
    return;
  }
  uint32_t kick;
  {
    absl::MutexLock lock(&mu_);
    SetLine(-1, intid, level);
    kick = Update(SpiCpuMask(intid));
  }
  Kick(kick);
}

uint64_t Gic::ReadIrqRegs(int cpu, uint64_t offset, unsigned size) {
  // INTIDs a frame owns: the distributor SPIs, a redistributor SGIs and PPIs.
  uint32_t lo = cpu < 0 ? kFirstSpi : 0;
  uint32_t hi = cpu < 0 ? kNumIntids : kFirstSpi;
  auto in_range = [&](uint32_t intid) { return intid >= lo && intid < hi; };

  if (offset >= kGicdIpriorityr && offset < kGicdIpriorityr + 1024) {
    if (size != 1 && size != 4) {
      GuestWarn("gic: {}-byte read of IPRIORITYR at {:#x}", size, offset);
      return 0;
    }
    uint64_t v = 0;
    uint32_t first = static_cast<uint32_t>(offset - kGicdIpriorityr);
    for (unsigned b = 0; b < size; ++b) {
      if (in_range(first + b)) v |= uint64_t{Lookup(cpu, first + b)->priority} << (8 * b);
    }
    return v;
  }
  if (size != 4 || (offset & 3) != 0) {
    GuestWarn("gic: {}-byte read at {:#x} (word access required)", size, offset);
    return 0;
  }
  if (offset >= kGicdIcfgr && offset < kGicdIcfgr + 0x100) {
    uint32_t first = static_cast<uint32_t>(offset - kGicdIcfgr) * 4;
    uint64_t v = 0;
    for (uint32_t k = 0; k < 16; ++k) {
      if (in_range(first + k) && Lookup(cpu, first + k)->edge) v |= 2ull << (2 * k);
    }
    return v;
  }
  if (offset < kGicdIgroupr || offset >= kGicdIpriorityr) return 0;  // IGRPMODR etc.: RAZ
  uint64_t block = (offset - kGicdIgroupr) / 0x80;  // which IGROUPR..ICACTIVER register
  uint32_t first = static_cast<uint32_t>((offset & 0x7F) * 8);
  uint64_t v = 0;
  for (uint32_t k = 0; k < 32; ++k) {
    if (!in_range(first + k)) continue;
    const Irq& irq = *Lookup(cpu, first + k);
    bool bit = false;
    switch (block) {
      case 0:
        bit = irq.group1;
        break;
      case 1:
      case 2:
        bit = irq.enabled;
        break;
      case 3:
      case 4:
        bit = irq.Pending();
        break;
      case 5:
      case 6:
        bit = irq.active;
        break;
    }
    if (bit) v |= 1ull << k;
  }
  return v;
}

uint32_t Gic::WriteIrqRegs(int cpu, uint64_t offset, unsigned size, uint64_t value) {
  uint32_t lo = cpu < 0 ? kFirstSpi : 0;
  uint32_t hi = cpu < 0 ? kNumIntids : kFirstSpi;
  auto in_range = [&](uint32_t intid) { return intid >= lo && intid < hi; };
  // Who may see a change: the redistributor's own vCPU, or for SPIs everyone
  // (routing can point anywhere and 1-of-N targets may be reassigned).
  uint32_t affected = cpu < 0 ? AllCpus() : 1u << cpu;

  if (offset >= kGicdIpriorityr && offset < kGicdIpriorityr + 1024) {
    if (size != 1 && size != 4) {
      GuestWarn("gic: {}-byte write of IPRIORITYR at {:#x} ignored", size, offset);
      return 0;
    }
    uint32_t first = static_cast<uint32_t>(offset - kGicdIpriorityr);
    for (unsigned b = 0; b < size; ++b) {
      if (in_range(first + b)) {
        Lookup(cpu, first + b)->priority = static_cast<uint8_t>(value >> (8 * b)) & kPriorityMask;
      }
    }
    return affected;
  }
  if (size != 4 || (offset & 3) != 0) {
    GuestWarn("gic: {}-byte write at {:#x} ignored (word access required)", size, offset);
    return 0;
  }
  if (offset >= kGicdIcfgr && offset < kGicdIcfgr + 0x100) {
    uint32_t first = static_cast<uint32_t>(offset - kGicdIcfgr) * 4;
    for (uint32_t k = 0; k < 16; ++k) {
      uint32_t intid = first + k;
      if (!in_range(intid) || intid < kFirstPpi) continue;  // SGIs: always edge
      Lookup(cpu, intid)->edge = (value >> (2 * k + 1)) & 1;
      Refresh(cpu, intid);
    }
    return affected;
  }
  if (offset < kGicdIgroupr || offset >= kGicdIpriorityr) return 0;  // IGRPMODR etc.: WI
  uint64_t block = (offset - kGicdIgroupr) / 0x80;
  uint32_t first = static_cast<uint32_t>((offset & 0x7F) * 8);
  for (uint32_t k = 0; k < 32; ++k) {
    bool bit = (value >> k) & 1;
    if (!in_range(first + k) || (block != 0 && !bit)) continue;
    Irq& irq = *Lookup(cpu, first + k);
    switch (block) {
      case 0:
        irq.group1 = bit;
        break;
      case 1:
        irq.enabled = true;
        break;
      case 2:
        irq.enabled = false;
        break;
      case 3:
        irq.pending_latch = true;
        break;
      // A level interrupt whose input is still high stays pending.
      case 4:
        irq.pending_latch = false;
        break;
      case 5:
        irq.active = true;
        break;
      case 6:
        irq.active = false;
        break;
    }
    Refresh(cpu, first + k);
  }
  return affected;
}

}  // namespace vmd
