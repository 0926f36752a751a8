// The GICv3 CPU interface: ICC_*_EL1 system registers trapped from a vCPU.
// Acknowledge (IAR), priority drop and deactivation (EOIR/DIR), the priority
// mask and binary points, active priorities, and SGI generation.
#include <algorithm>
#include <bit>

#include "engine/gic/gic.h"
#include "engine/gic/gic_regs.h"

namespace vmd {

using namespace gic;  // NOLINT: register names, .cc only

namespace {
// ICC_SRE_EL1: SRE, DFB, DIB all set; the memory-mapped interface does not exist.
constexpr uint64_t kSreValue = 0x7;
constexpr uint64_t kPriBits = 4;  // 5 bits of priority

bool IsGicEncoding(uint16_t enc) {
  if (enc == kIccPmr) return true;
  // Everything else lives at op0=3 op1=0 CRn=12 CRm=8..12.
  constexpr uint16_t kCrn12 = SysRegEnc(3, 0, 12, 0, 0);
  if ((enc & ~uint16_t{0x7F}) != kCrn12) return false;
  unsigned crm = (enc >> 3) & 0xF;
  return crm >= 8 && crm <= 12;
}
}  // namespace

uint32_t Gic::Acknowledge(int cpu, bool group1, uint32_t* kick) {
  Candidate cand = HighestPending(cpu);
  if (!cand.valid() || cand.group1 != group1 || !CanSignal(cpu, cand)) {
    *kick = 0;
    return kSpuriousIntid;
  }
  Irq* irq = Lookup(cpu, cand.intid);
  irq->active = true;
  irq->pending_latch = false;  // a level input still high keeps it pending
  Refresh(cpu, cand.intid);
  uint32_t bit = 1u << (GroupPriority(cpu, cand.priority, group1) >> 3);
  (group1 ? cpus_[cpu].ap1r : cpus_[cpu].ap0r) |= bit;
  *kick = Update(cand.intid < kFirstSpi ? 1u << cpu : SpiCpuMask(cand.intid) | 1u << cpu);
  return cand.intid;
}

uint32_t Gic::EndOfInterrupt(int cpu, uint32_t intid) {
  intid &= 0xFFFFFF;
  if (intid >= kFirstSpecialIntid && intid <= kSpuriousIntid) return 0;  // special: ignored
  Cpu& c = cpus_[cpu];
  uint32_t active = c.ap0r | c.ap1r;
  if (active == 0) {
    GuestWarn("gic: vCPU {} EOI of INTID {} with no active priority", cpu, intid);
    return 0;
  }
  // Priority drop: the highest active priority goes, whichever group holds it.
  uint32_t lowest = active & -active;
  c.ap0r &= ~lowest;
  c.ap1r &= ~lowest;
  if (c.eoi_mode) return 1u << cpu;
  return Deactivate(cpu, intid) | 1u << cpu;
}

uint32_t Gic::Deactivate(int cpu, uint32_t intid) {
  intid &= 0xFFFFFF;
  if (intid >= kFirstSpecialIntid && intid <= kSpuriousIntid) return 0;
  Irq* irq = Lookup(cpu, intid);
  if (irq == nullptr) {
    GuestWarn("gic: vCPU {} deactivates INTID {} which does not exist", cpu, intid);
    return 0;
  }
  if (!irq->active) {
    GuestWarn("gic: vCPU {} deactivates INTID {} which is not active", cpu, intid);
    return 0;
  }
  irq->active = false;
  Refresh(cpu, intid);
  return intid < kFirstSpi ? 1u << cpu : SpiCpuMask(intid);
}

uint32_t Gic::GenerateSgi(int cpu, uint64_t value, bool group0_only) {
  uint32_t intid = (value >> 24) & 0xF;
  uint32_t targets;
  if ((value >> 40) & 1) {  // IRM: every PE but the sender
    targets = AllCpus() & ~(1u << cpu);
  } else {
    uint64_t aff1 = (value >> 16) & 0xFF, aff2 = (value >> 32) & 0xFF, aff3 = (value >> 48) & 0xFF;
    uint64_t rs = (value >> 44) & 0xF;
    // Every vCPU has Aff3.Aff2.Aff1 = 0.0.0 and Aff0 < 16, so only range 0 exists.
    if (aff1 != 0 || aff2 != 0 || aff3 != 0 || rs != 0) return 0;
    targets = static_cast<uint32_t>(value & 0xFFFF) & AllCpus();
  }
  for (uint32_t t = targets; t != 0; t &= t - 1) {
    Irq& irq = cpus_[std::countr_zero(t)].priv[intid];
    // With DS = 1, SGI1R raises either group; SGI0R and ASGI1R only group 0.
    if (group0_only && irq.group1) continue;
    irq.pending_latch = true;
    Refresh(std::countr_zero(t), intid);
  }
  return targets;
}

bool Gic::ReadSysReg(int vcpu, uint16_t enc, uint64_t* value) {
  if (!IsGicEncoding(enc)) return false;
  *value = 0;
  if (vcpu < 0 || vcpu >= num_vcpus_) {
    log_->error("ReadSysReg: no vCPU {}", vcpu);
    return true;
  }
  uint32_t kick = 0;
  {
    absl::MutexLock lock(&mu_);
    Cpu& c = cpus_[vcpu];
    switch (enc) {
      case kIccPmr:
        *value = c.pmr;
        break;
      case kIccIar0:
        *value = Acknowledge(vcpu, false, &kick);
        break;
      case kIccIar1:
        *value = Acknowledge(vcpu, true, &kick);
        break;
      case kIccHppir0:
      case kIccHppir1: {
        Candidate cand = HighestPending(vcpu);
        bool want_group1 = enc == kIccHppir1;
        *value = cand.valid() && cand.group1 == want_group1 ? cand.intid : kSpuriousIntid;
        break;
      }
      case kIccBpr0:
        *value = c.bpr0;
        break;
      case kIccBpr1:
        *value = c.cbpr ? std::min<uint64_t>(c.bpr0 + 1u, 7) : c.bpr1;
        break;
      case kIccAp0r0:
        *value = c.ap0r;
        break;
      case kIccAp1r0:
        *value = c.ap1r;
        break;
      case kIccRpr: {
        unsigned rp = RunningPriority(vcpu);
        *value = rp > 0xFF ? 0xFF : rp;
        break;
      }
      case kIccCtlr:
        *value = (c.cbpr ? kIccCtlrCbpr : 0) | (c.eoi_mode ? kIccCtlrEoiMode : 0) |
                 kPriBits << kIccCtlrPriBitsShift;  // IDbits 0 (16 bits), no A3V, no SEIS
        break;
      case kIccSre:
        *value = kSreValue;
        break;
      case kIccIgrpen0:
        *value = c.igrpen0;
        break;
      case kIccIgrpen1:
        *value = c.igrpen1;
        break;
      case kIccEoir0:
      case kIccEoir1:
      case kIccDir:
      case kIccSgi0r:
      case kIccSgi1r:
      case kIccAsgi1r:
        GuestWarn("gic: vCPU {} reads write-only ICC register {:#x}", vcpu, enc);
        break;
      default:
        break;  // AP0R1..3 / AP1R1..3 and other unimplemented ones: RAZ
    }
  }
  // The caller is `vcpu`'s own thread, which checks IrqPending before it runs
  // again: kicking it would only cost a spurious exit.
  Kick(kick & ~(1u << vcpu));
  return true;
}

bool Gic::WriteSysReg(int vcpu, uint16_t enc, uint64_t value) {
  if (!IsGicEncoding(enc)) return false;
  if (vcpu < 0 || vcpu >= num_vcpus_) {
    log_->error("WriteSysReg: no vCPU {}", vcpu);
    return true;
  }
  uint32_t kick;
  {
    absl::MutexLock lock(&mu_);
    Cpu& c = cpus_[vcpu];
    uint32_t changed = 0;
    uint32_t self = 1u << vcpu;
    switch (enc) {
      case kIccPmr:
        c.pmr = value & 0xF8;
        changed = self;
        break;
      case kIccEoir0:
      case kIccEoir1:
        changed = EndOfInterrupt(vcpu, static_cast<uint32_t>(value));
        break;
      case kIccDir:
        changed = Deactivate(vcpu, static_cast<uint32_t>(value));
        break;
      case kIccBpr0:
        c.bpr0 = std::max<uint8_t>(value & 7, 2);
        changed = self;
        break;
      case kIccBpr1:
        if (!c.cbpr) c.bpr1 = std::max<uint8_t>(value & 7, 3);
        changed = self;
        break;
      case kIccAp0r0:
        c.ap0r = static_cast<uint32_t>(value);
        changed = self;
        break;
      case kIccAp1r0:
        c.ap1r = static_cast<uint32_t>(value);
        changed = self;
        break;
      case kIccCtlr:
        c.cbpr = value & kIccCtlrCbpr;
        c.eoi_mode = value & kIccCtlrEoiMode;
        changed = self;
        break;
      case kIccIgrpen0:
        c.igrpen0 = value & 1;
        changed = AllCpus();
        break;
      case kIccIgrpen1:
        c.igrpen1 = value & 1;
        changed = AllCpus();
        break;
      case kIccSgi1r:
        changed = GenerateSgi(vcpu, value, false);
        break;
      case kIccSgi0r:
      case kIccAsgi1r:
        changed = GenerateSgi(vcpu, value, true);
        break;
      case kIccSre:
        break;  // SRE/DFB/DIB are fixed at one
      case kIccIar0:
      case kIccIar1:
      case kIccHppir0:
      case kIccHppir1:
      case kIccRpr:
        GuestWarn("gic: vCPU {} writes read-only ICC register {:#x}", vcpu, enc);
        break;
      default:
        break;  // AP0R1..3 / AP1R1..3: WI
    }
    kick = Update(changed);
  }
  // The caller is `vcpu`'s own thread, which checks IrqPending before it runs
  // again: kicking it would only cost a spurious exit.
  Kick(kick & ~(1u << vcpu));
  return true;
}

}  // namespace vmd
