// Test helper: drives a Gic the way a guest GICv3 driver does, through the
// distributor/redistributor MMIO windows and ICC_* system registers, and
// records which vCPUs were kicked.
#ifndef VMD_TESTS_ENGINE_GIC_GIC_GUEST_H_
#define VMD_TESTS_ENGINE_GIC_GIC_GUEST_H_

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "engine/gic/gic.h"
#include "engine/gic/gic_regs.h"
#include "gtest/gtest.h"

namespace vmd::testing {

class KickLog {
 public:
  void Record(int vcpu) {
    absl::MutexLock lock(&mu_);
    kicks_.push_back(vcpu);
  }
  // Returns and forgets the kicks seen so far.
  std::vector<int> Take() {
    absl::MutexLock lock(&mu_);
    std::vector<int> out;
    out.swap(kicks_);
    return out;
  }

 private:
  absl::Mutex mu_;
  std::vector<int> kicks_ ABSL_GUARDED_BY(mu_);
};

class GicGuest {
 public:
  // `on_kick`, if given, also runs for every kick (from the kicking thread).
  explicit GicGuest(int num_vcpus, std::function<void(int)> on_kick = nullptr)
      : on_kick_(std::move(on_kick)), gic_(num_vcpus, [this](int vcpu) {
          kicks_.Record(vcpu);
          if (on_kick_) on_kick_(vcpu);
        }) {}

  Gic& gic() { return gic_; }
  KickLog& kicks() { return kicks_; }

  uint64_t Gicd(uint64_t off, unsigned size = 4) { return gic_.distributor()->Read(off, size); }
  void SetGicd(uint64_t off, uint64_t v, unsigned size = 4) {
    gic_.distributor()->Write(off, size, v);
  }
  uint64_t Gicr(int cpu, uint64_t off, unsigned size = 4) {
    return gic_.redistributors()->Read(cpu * Gic::kRedistributorStride + off, size);
  }
  void SetGicr(int cpu, uint64_t off, uint64_t v, unsigned size = 4) {
    gic_.redistributors()->Write(cpu * Gic::kRedistributorStride + off, size, v);
  }
  uint64_t Sgi(int cpu, uint64_t off, unsigned size = 4) {
    return Gicr(cpu, gic::kGicrSgiBase + off, size);
  }
  void SetSgi(int cpu, uint64_t off, uint64_t v, unsigned size = 4) {
    SetGicr(cpu, gic::kGicrSgiBase + off, v, size);
  }
  uint64_t Icc(int cpu, uint16_t enc) {
    uint64_t v = 0xDEAD;
    EXPECT_TRUE(gic_.ReadSysReg(cpu, enc, &v)) << "enc " << enc;
    return v;
  }
  void SetIcc(int cpu, uint16_t enc, uint64_t v) {
    EXPECT_TRUE(gic_.WriteSysReg(cpu, enc, v)) << "enc " << enc;
  }
  uint32_t Ack1(int cpu) { return static_cast<uint32_t>(Icc(cpu, gic::kIccIar1)); }
  void Eoi1(int cpu, uint32_t intid) { SetIcc(cpu, gic::kIccEoir1, intid); }

  // Set/clear one bit of a 1-bit-per-INTID register (IGROUPR, ISENABLER, ...)
  // in the frame that owns `intid`, as seen from `cpu`.
  void SetBit(int cpu, uint64_t reg, uint32_t intid) {
    uint64_t off = reg + (intid / 32) * 4;
    if (intid < 32) {
      SetSgi(cpu, off, 1u << (intid % 32));
    } else {
      SetGicd(off, 1u << (intid % 32));
    }
  }
  void SetPriority(int cpu, uint32_t intid, uint8_t prio) {
    if (intid < 32) {
      SetSgi(cpu, gic::kGicdIpriorityr + intid, prio, 1);
    } else {
      SetGicd(gic::kGicdIpriorityr + intid, prio, 1);
    }
  }
  void Enable(int cpu, uint32_t intid) { SetBit(cpu, gic::kGicdIsenabler, intid); }
  void Disable(int cpu, uint32_t intid) { SetBit(cpu, gic::kGicdIcenabler, intid); }
  void SetEdge(uint32_t spi) {
    uint64_t off = gic::kGicdIcfgr + (spi / 16) * 4;
    SetGicd(off, Gicd(off) | 2u << (2 * (spi % 16)));
  }
  void RouteSpi(uint32_t intid, uint64_t irouter) {
    SetGicd(gic::kGicdIrouter + 8 * intid, irouter, 8);
  }

  // Linux's GICv3 bring-up: distributor off, every SPI group 1 with the default
  // priority, distributor on with ARE; then per CPU the WAKER handshake, its
  // SGIs/PPIs to group 1, and the CPU interface (SRE, PMR, BPR, EOImode, IGRPEN1).
  void LinuxInit() {
    SetGicd(gic::kGicdCtlr, 0);
    EXPECT_EQ(Gicd(gic::kGicdCtlr) & gic::kGicdCtlrRwp, 0u);
    uint32_t lines = (Gicd(gic::kGicdTyper) & 0x1F) + 1;
    for (uint32_t i = 1; i < lines; ++i) {
      SetGicd(gic::kGicdIgroupr + 4 * i, 0xFFFFFFFF);
      SetGicd(gic::kGicdIcenabler + 4 * i, 0xFFFFFFFF);
      SetGicd(gic::kGicdIcactiver + 4 * i, 0xFFFFFFFF);
    }
    for (uint32_t i = 32; i < lines * 32; i += 4) SetGicd(gic::kGicdIpriorityr + i, 0xA0A0A0A0);
    SetGicd(gic::kGicdCtlr, gic::kGicdCtlrAre | gic::kGicdCtlrEnableGrp1);
    for (int cpu = 0; cpu < gic_.num_vcpus(); ++cpu) InitCpu(cpu);
  }

  void InitCpu(int cpu) {
    SetGicr(cpu, gic::kGicrWaker, Gicr(cpu, gic::kGicrWaker) & ~gic::kGicrWakerProcessorSleep);
    int spins = 0;
    while (Gicr(cpu, gic::kGicrWaker) & gic::kGicrWakerChildrenAsleep) ASSERT_LT(++spins, 1000);
    SetSgi(cpu, gic::kGicdIgroupr, 0xFFFFFFFF);
    SetSgi(cpu, gic::kGicdIcactiver, 0xFFFFFFFF);
    SetSgi(cpu, gic::kGicdIcenabler, 0xFFFF0000);
    SetSgi(cpu, gic::kGicdIsenabler, 0x0000FFFF);
    for (uint32_t i = 0; i < 32; i += 4) SetSgi(cpu, gic::kGicdIpriorityr + i, 0xA0A0A0A0);
    ASSERT_EQ(Icc(cpu, gic::kIccSre) & 1, 1u);
    SetIcc(cpu, gic::kIccPmr, 0xF0);
    SetIcc(cpu, gic::kIccBpr1, 0);
    SetIcc(cpu, gic::kIccCtlr, 0);
    SetIcc(cpu, gic::kIccIgrpen1, 1);
  }

 private:
  KickLog kicks_;
  std::function<void(int)> on_kick_;
  Gic gic_;
};

}  // namespace vmd::testing

#endif  // VMD_TESTS_ENGINE_GIC_GIC_GUEST_H_
