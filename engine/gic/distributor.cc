// The GICv3 distributor window (GICD_*): global control, identification, SPI
// state through the shared register block, and IROUTER affinity routing.
// With ARE = 1, the INTID 0..31 parts of the banked registers are RAZ/WI here.
#include <algorithm>

#include "engine/gic/gic.h"
#include "engine/gic/gic_regs.h"

namespace vmd {

using namespace gic;  // NOLINT: register names, .cc only

namespace {
// ProductID 'v' (bits [31:24]), implementer 0: identifies us, matches no
// hardware erratum a guest might work around.
constexpr uint32_t kIidr = 0x76u << 24;
constexpr uint64_t kIrouterWritable = 0xFF'80FF'FFFFull | kIrouterIrm;  // Aff3, IRM, Aff2..0
}  // namespace

uint64_t Gic::DistributorDevice::Read(uint64_t offset, unsigned size) {
  absl::MutexLock lock(&gic_->mu_);
  return gic_->DistRead(offset, size);
}

void Gic::DistributorDevice::Write(uint64_t offset, unsigned size, uint64_t value) {
  uint32_t kick;
  {
    absl::MutexLock lock(&gic_->mu_);
    kick = gic_->Update(gic_->DistWrite(offset, size, value));
  }
  gic_->Kick(kick);
}

uint64_t Gic::DistRead(uint64_t offset, unsigned size) {
  if (offset >= kDistributorSize) {
    GuestWarn("gicd: read beyond the window at {:#x}", offset);
    return 0;
  }
  uint32_t router_first = kGicdIrouter + 8 * kFirstSpi;
  uint32_t router_end = kGicdIrouter + 8 * kNumIntids;
  if (offset >= router_first && offset < router_end) {
    uint64_t route = irouter_[(offset - router_first) / 8];
    if (size == 8 && (offset & 7) == 0) return route;
    if (size == 4 && (offset & 3) == 0) return (offset & 4) ? route >> 32 : route & 0xFFFFFFFF;
    GuestWarn("gicd: {}-byte read of IROUTER at {:#x}", size, offset);
    return 0;
  }
  if (offset >= kGicdIgroupr && offset < kGicdIgrpmodr) {
    if (offset >= kGicdItargetsr && offset < kGicdIcfgr) return 0;  // ITARGETSR: RAZ with ARE
    return ReadIrqRegs(-1, offset, size);
  }
  if (size != 4 || (offset & 3) != 0) {
    GuestWarn("gicd: {}-byte read at {:#x}", size, offset);
    return 0;
  }
  switch (offset) {
    case kGicdCtlr:
      return kGicdCtlrAre | kGicdCtlrDs | (enable_grp1_ ? kGicdCtlrEnableGrp1 : 0) |
             (enable_grp0_ ? kGicdCtlrEnableGrp0 : 0);
    case kGicdTyper: {
      uint32_t it_lines = kNumIntids / 32 - 1;
      uint32_t cpu_number = static_cast<uint32_t>(std::min(num_vcpus_ - 1, 7));
      uint32_t id_bits = 9;  // INTIDs below 1024, no LPIs
      return it_lines | cpu_number << 5 | id_bits << 19;
    }
    case kGicdIidr:
      return kIidr;
    case kGicdPidr2:
      return kPidr2GicV3;
    default:
      break;
  }
  // IGRPMODR, NSACR, TYPER2, STATUSR, the SPI message registers, the other ID
  // registers: RAZ without a warning, they are legitimately probed.
  if (offset < 0x80 || (offset >= kGicdIgrpmodr && offset < 0x1000) || offset >= 0xFFD0) return 0;
  GuestWarn("gicd: read of unknown register {:#x}", offset);
  return 0;
}

uint32_t Gic::DistWrite(uint64_t offset, unsigned size, uint64_t value) {
  if (offset >= kDistributorSize) {
    GuestWarn("gicd: write beyond the window at {:#x}", offset);
    return 0;
  }
  uint32_t router_first = kGicdIrouter + 8 * kFirstSpi;
  uint32_t router_end = kGicdIrouter + 8 * kNumIntids;
  if (offset >= router_first && offset < router_end) {
    uint64_t& route = irouter_[(offset - router_first) / 8];
    if (size == 8 && (offset & 7) == 0) {
      route = value & kIrouterWritable;
    } else if (size == 4 && (offset & 3) == 0) {
      uint64_t v = value & 0xFFFFFFFF;
      route = (offset & 4) ? (route & 0xFFFFFFFF) | (v << 32) : (route & ~0xFFFFFFFFull) | v;
      route &= kIrouterWritable;
    } else {
      GuestWarn("gicd: {}-byte write of IROUTER at {:#x} ignored", size, offset);
      return 0;
    }
    any_one_of_n_ = false;
    for (uint64_t r : irouter_) any_one_of_n_ |= (r & kIrouterIrm) != 0;
    return AllCpus();
  }
  if (offset >= kGicdIgroupr && offset < kGicdIgrpmodr) {
    if (offset >= kGicdItargetsr && offset < kGicdIcfgr) return 0;  // ITARGETSR: WI with ARE
    return WriteIrqRegs(-1, offset, size, value);
  }
  if (size != 4 || (offset & 3) != 0) {
    GuestWarn("gicd: {}-byte write at {:#x} ignored", size, offset);
    return 0;
  }
  if (offset == kGicdCtlr) {
    // ARE and DS read as one whatever is written; RWP: writes take effect at once.
    enable_grp0_ = value & kGicdCtlrEnableGrp0;
    enable_grp1_ = value & kGicdCtlrEnableGrp1;
    return AllCpus();
  }
  if (offset < 0x80 || (offset >= kGicdIgrpmodr && offset < 0x1000)) return 0;  // WI
  GuestWarn("gicd: write to unknown or read-only register {:#x} ignored", offset);
  return 0;
}

}  // namespace vmd
