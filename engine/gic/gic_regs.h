// Register offsets, field bits and ICC_* system-register encodings of the GICv3
// (GIC architecture spec IHI 0069). Used by the gic/ implementation, by tests
// that play the guest driver, and by the vCPU exit code to recognise ICC_* traps.
#ifndef VMD_ENGINE_GIC_GIC_REGS_H_
#define VMD_ENGINE_GIC_GIC_REGS_H_

#include <cstdint>

namespace vmd::gic {

// hv_sys_reg_t-style encoding: op0<<14 | op1<<11 | CRn<<7 | CRm<<3 | op2.
constexpr uint16_t SysRegEnc(unsigned op0, unsigned op1, unsigned crn, unsigned crm, unsigned op2) {
  return static_cast<uint16_t>(op0 << 14 | op1 << 11 | crn << 7 | crm << 3 | op2);
}

// CPU interface registers (all op0 = 3, op1 = 0).
inline constexpr uint16_t kIccPmr = SysRegEnc(3, 0, 4, 6, 0);
inline constexpr uint16_t kIccIar0 = SysRegEnc(3, 0, 12, 8, 0);
inline constexpr uint16_t kIccEoir0 = SysRegEnc(3, 0, 12, 8, 1);
inline constexpr uint16_t kIccHppir0 = SysRegEnc(3, 0, 12, 8, 2);
inline constexpr uint16_t kIccBpr0 = SysRegEnc(3, 0, 12, 8, 3);
inline constexpr uint16_t kIccAp0r0 = SysRegEnc(3, 0, 12, 8, 4);  // AP0R1..3: op2 5..7
inline constexpr uint16_t kIccAp1r0 = SysRegEnc(3, 0, 12, 9, 0);  // AP1R1..3: op2 1..3
inline constexpr uint16_t kIccDir = SysRegEnc(3, 0, 12, 11, 1);
inline constexpr uint16_t kIccRpr = SysRegEnc(3, 0, 12, 11, 3);
inline constexpr uint16_t kIccSgi1r = SysRegEnc(3, 0, 12, 11, 5);
inline constexpr uint16_t kIccAsgi1r = SysRegEnc(3, 0, 12, 11, 6);
inline constexpr uint16_t kIccSgi0r = SysRegEnc(3, 0, 12, 11, 7);
inline constexpr uint16_t kIccIar1 = SysRegEnc(3, 0, 12, 12, 0);
inline constexpr uint16_t kIccEoir1 = SysRegEnc(3, 0, 12, 12, 1);
inline constexpr uint16_t kIccHppir1 = SysRegEnc(3, 0, 12, 12, 2);
inline constexpr uint16_t kIccBpr1 = SysRegEnc(3, 0, 12, 12, 3);
inline constexpr uint16_t kIccCtlr = SysRegEnc(3, 0, 12, 12, 4);
inline constexpr uint16_t kIccSre = SysRegEnc(3, 0, 12, 12, 5);
inline constexpr uint16_t kIccIgrpen0 = SysRegEnc(3, 0, 12, 12, 6);
inline constexpr uint16_t kIccIgrpen1 = SysRegEnc(3, 0, 12, 12, 7);

// ICC_CTLR_EL1 fields.
inline constexpr uint64_t kIccCtlrCbpr = 1u << 0;
inline constexpr uint64_t kIccCtlrEoiMode = 1u << 1;
inline constexpr unsigned kIccCtlrPriBitsShift = 8;

// Special INTIDs.
inline constexpr uint32_t kSpuriousIntid = 1023;
inline constexpr uint32_t kFirstSpecialIntid = 1020;
inline constexpr uint32_t kFirstPpi = 16;
inline constexpr uint32_t kFirstSpi = 32;

// Distributor (GICD_*) offsets.
inline constexpr uint64_t kGicdCtlr = 0x0000;
inline constexpr uint64_t kGicdTyper = 0x0004;
inline constexpr uint64_t kGicdIidr = 0x0008;
inline constexpr uint64_t kGicdTyper2 = 0x000C;
inline constexpr uint64_t kGicdStatusr = 0x0010;
inline constexpr uint64_t kGicdIgroupr = 0x0080;
inline constexpr uint64_t kGicdIsenabler = 0x0100;
inline constexpr uint64_t kGicdIcenabler = 0x0180;
inline constexpr uint64_t kGicdIspendr = 0x0200;
inline constexpr uint64_t kGicdIcpendr = 0x0280;
inline constexpr uint64_t kGicdIsactiver = 0x0300;
inline constexpr uint64_t kGicdIcactiver = 0x0380;
inline constexpr uint64_t kGicdIpriorityr = 0x0400;
inline constexpr uint64_t kGicdItargetsr = 0x0800;
inline constexpr uint64_t kGicdIcfgr = 0x0C00;
inline constexpr uint64_t kGicdIgrpmodr = 0x0D00;
inline constexpr uint64_t kGicdIrouter = 0x6000;  // + 8 * INTID, INTID >= 32
inline constexpr uint64_t kGicdPidr2 = 0xFFE8;

// GICD_CTLR bits with a single security state (DS = 1).
inline constexpr uint32_t kGicdCtlrEnableGrp0 = 1u << 0;
inline constexpr uint32_t kGicdCtlrEnableGrp1 = 1u << 1;
inline constexpr uint32_t kGicdCtlrAre = 1u << 4;
inline constexpr uint32_t kGicdCtlrDs = 1u << 6;
inline constexpr uint32_t kGicdCtlrRwp = 1u << 31;

// GICD_IROUTER<n> fields.
inline constexpr uint64_t kIrouterIrm = 1ull << 31;

// Redistributor RD_base frame offsets.
inline constexpr uint64_t kGicrCtlr = 0x0000;
inline constexpr uint64_t kGicrIidr = 0x0004;
inline constexpr uint64_t kGicrTyper = 0x0008;
inline constexpr uint64_t kGicrStatusr = 0x0010;
inline constexpr uint64_t kGicrWaker = 0x0014;
inline constexpr uint64_t kGicrPidr2 = 0xFFE8;
inline constexpr uint32_t kGicrWakerProcessorSleep = 1u << 1;
inline constexpr uint32_t kGicrWakerChildrenAsleep = 1u << 2;
inline constexpr uint64_t kGicrTyperLast = 1u << 4;

// The SGI_base frame follows RD_base; its registers share the GICD offsets
// (IGROUPR0 = 0x80, ISENABLER0 = 0x100, ... ICFGR0/1 = 0xC00/0xC04).
inline constexpr uint64_t kGicrSgiBase = 0x10000;

// PIDR2 value both frames report: ArchRev (bits [7:4]) = 3, GICv3.
inline constexpr uint32_t kPidr2GicV3 = 0x30;

}  // namespace vmd::gic

#endif  // VMD_ENGINE_GIC_GIC_REGS_H_
