// The GICv3 redistributors: one 128 KiB region per vCPU, an RD_base frame
// (control, TYPER with the vCPU's affinity, the WAKER handshake) followed by an
// SGI_base frame holding that vCPU's banked SGI/PPI state.
#include "engine/gic/gic.h"
#include "engine/gic/gic_regs.h"

namespace vmd {

using namespace gic;  // NOLINT: register names, .cc only

namespace {
constexpr uint32_t kIidr = 0x76u << 24;  // same identity as GICD_IIDR
}  // namespace

uint64_t Gic::RedistributorDevice::Read(uint64_t offset, unsigned size) {
  uint64_t cpu = offset / kRedistributorStride;
  absl::MutexLock lock(&gic_->mu_);
  if (cpu >= static_cast<uint64_t>(gic_->num_vcpus_)) {
    gic_->GuestWarn("gicr: read at {:#x} beyond the last redistributor", offset);
    return 0;
  }
  return gic_->RedistRead(static_cast<int>(cpu), offset % kRedistributorStride, size);
}

void Gic::RedistributorDevice::Write(uint64_t offset, unsigned size, uint64_t value) {
  uint64_t cpu = offset / kRedistributorStride;
  uint32_t kick;
  {
    absl::MutexLock lock(&gic_->mu_);
    if (cpu >= static_cast<uint64_t>(gic_->num_vcpus_)) {
      gic_->GuestWarn("gicr: write at {:#x} beyond the last redistributor ignored", offset);
      return;
    }
    kick = gic_->Update(
        gic_->RedistWrite(static_cast<int>(cpu), offset % kRedistributorStride, size, value));
  }
  gic_->Kick(kick);
}

uint64_t Gic::RedistRead(int cpu, uint64_t offset, unsigned size) {
  if (offset >= kGicrSgiBase) {
    uint64_t off = offset - kGicrSgiBase;
    if (off >= kGicdIgroupr && off < kGicdIgrpmodr) return ReadIrqRegs(cpu, off, size);
    return 0;  // IGRPMODR0, NSACR and the rest: RAZ
  }
  if (offset == kGicrTyper) {
    // Processor_Number [23:8], Last [4], Affinity_Value [63:32] = Aff0 only.
    uint64_t typer = uint64_t(cpu) << 8 | uint64_t(cpu) << 32;
    if (cpu == num_vcpus_ - 1) typer |= kGicrTyperLast;
    if (size == 8) return typer;
    if (size == 4) return typer & 0xFFFFFFFF;
  } else if (offset == kGicrTyper + 4 && size == 4) {
    return uint64_t(cpu);  // upper half: Affinity_Value
  }
  if (size != 4 || (offset & 3) != 0) {
    if (offset == 0x70 || offset == 0x78) return 0;  // PROPBASER/PENDBASER: RAZ
    GuestWarn("gicr{}: {}-byte read at {:#x}", cpu, size, offset);
    return 0;
  }
  switch (offset) {
    case kGicrCtlr:
      return 0;  // no LPIs, writes complete at once (RWP/UWP = 0)
    case kGicrIidr:
      return kIidr;
    case kGicrWaker:
      // The children are asleep exactly when the guest asked the PE to sleep:
      // our "wake" takes effect immediately.
      return cpus_[cpu].processor_sleep ? kGicrWakerProcessorSleep | kGicrWakerChildrenAsleep : 0;
    case kGicrPidr2:
      return kPidr2GicV3;
    default:
      return 0;  // STATUSR, SETLPIR, ID registers, ...: RAZ
  }
}

uint32_t Gic::RedistWrite(int cpu, uint64_t offset, unsigned size, uint64_t value) {
  if (offset >= kGicrSgiBase) {
    uint64_t off = offset - kGicrSgiBase;
    if (off >= kGicdIgroupr && off < kGicdIgrpmodr) return WriteIrqRegs(cpu, off, size, value);
    return 0;
  }
  if (offset == kGicrWaker && size == 4) {
    bool sleep = value & kGicrWakerProcessorSleep;
    if (sleep == cpus_[cpu].processor_sleep) return 0;
    cpus_[cpu].processor_sleep = sleep;
    // Participation in 1-of-N routing changed too.
    return AllCpus();
  }
  if (offset == kGicrCtlr || offset == kGicrStatusr || offset == 0x70 || offset == 0x78) {
    return 0;  // EnableLPIs stays 0 (GICR_TYPER.PLPIS = 0)
  }
  GuestWarn("gicr{}: {}-byte write at {:#x} ignored", cpu, size, offset);
  return 0;
}

}  // namespace vmd
