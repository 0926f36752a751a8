// Stage-1 EL1&0 translation table walk, ARMv8.0-A (ARM ARM D5.2-D5.5). No
// hardware Access flag/dirty management, no PAN, no HPD, no 52-bit addresses,
// little-endian tables only (SCTLR_EL1.EE is not consulted).
#include "engine/hv/soft/mmu.h"

namespace vmd::hvsoft {
namespace {

// Bits hi..lo set (hi >= lo, hi <= 63). Empty when lo > hi.
constexpr uint64_t Mask(int hi, int lo) {
  if (lo > hi) return 0;
  const uint64_t upper = hi == 63 ? ~uint64_t{0} : (uint64_t{1} << (hi + 1)) - 1;
  return upper & ~((uint64_t{1} << lo) - 1);
}
constexpr uint64_t Field(uint64_t v, int hi, int lo) { return (v & Mask(hi, lo)) >> lo; }
constexpr bool Bit(uint64_t v, int n) { return (v >> n) & 1; }

// SCTLR_EL1 bits.
constexpr int kSctlrM = 0;
constexpr int kSctlrI = 12;
constexpr int kSctlrWxn = 19;

// TCR_EL1 fields.
constexpr int kTcrEpd0 = 7;
constexpr int kTcrA1 = 22;
constexpr int kTcrEpd1 = 23;
constexpr int kTcrAs = 36;
constexpr int kTcrTbi0 = 37;
constexpr int kTcrTbi1 = 38;

// The ARMv8.0 TxSZ range (48-bit down to 25-bit VA). Out-of-range values are
// treated as the nearest limit, one of the behaviours the architecture allows.
constexpr int kMinTxsz = 16;
constexpr int kMaxTxsz = 39;

// TG0 and TG1 encode the same granules differently; reserved encodings
// behave as an implemented size (we pick 4 KiB).
int GranuleBitsTg0(uint64_t tg0) {
  switch (tg0) {
    case 1:
      return 16;
    case 2:
      return 14;
    default:
      return 12;
  }
}
int GranuleBitsTg1(uint64_t tg1) {
  switch (tg1) {
    case 1:
      return 14;
    case 3:
      return 16;
    default:
      return 12;
  }
}

// TCR_EL1.IPS → output address bits, capped at the implemented PA size
// (reserved encodings are treated as the implemented size).
int OutputBits(uint64_t ips, int pa_range_bits) {
  static constexpr int kIps[] = {32, 36, 40, 42, 44, 48};
  const int bits = ips < 6 ? kIps[ips] : pa_range_bits;
  return bits < pa_range_bits ? bits : pa_range_bits;
}

// Where a block descriptor is allowed at a level (ARMv8.0, no FEAT_LPA).
bool BlockAllowed(int granule_bits, int level) {
  if (granule_bits == 12) return level == 1 || level == 2;
  return level == 2;
}

WalkResult Fault(WalkResult r, FaultType type, int level) {
  r.fault = type;
  r.level = level;
  return r;
}

void SetPermissions(WalkResult* r, uint64_t desc, uint64_t ap_table, bool xn_table, bool pxn_table,
                    bool wxn) {
  // Table controls only ever take permissions away: APTable[1] removes write,
  // APTable[0] removes EL0 access, XNTable/PXNTable force execute-never.
  const bool ap2 = Bit(desc, 7) || (ap_table & 2);
  const bool ap1 = Bit(desc, 6) && !(ap_table & 1);
  const bool uxn = Bit(desc, 54) || xn_table;
  const bool pxn = Bit(desc, 53) || pxn_table;
  r->r_el1 = true;
  r->w_el1 = !ap2;
  r->r_el0 = ap1;
  r->w_el0 = ap1 && !ap2;
  // EL0 execute does not need EL0 read (ARMv8.0 allows execute-only). EL1
  // never executes memory EL0 can write, whatever PXN says.
  r->x_el0 = !(uxn || (wxn && r->w_el0));
  r->x_el1 = !(pxn || (wxn && r->w_el1) || r->w_el0);
}

}  // namespace

bool AccessAllowed(const WalkResult& r, AccessType access, bool el0) {
  switch (access) {
    case AccessType::kRead:
      return el0 ? r.r_el0 : r.r_el1;
    case AccessType::kWrite:
      return el0 ? r.w_el0 : r.w_el1;
    case AccessType::kExec:
      return el0 ? r.x_el0 : r.x_el1;
  }
  return false;
}

WalkResult Translate(const TranslationRegs& regs, uint64_t va, AccessType access, bool el0,
                     ReadPhys64 read, void* ctx) {
  WalkResult r;
  const uint64_t tcr = regs.tcr;
  // The current ASID, whichever half va is in.
  const uint64_t asid_ttbr = Bit(tcr, kTcrA1) ? regs.ttbr1 : regs.ttbr0;
  r.asid =
      static_cast<uint16_t>(Bit(tcr, kTcrAs) ? Field(asid_ttbr, 63, 48) : Field(asid_ttbr, 55, 48));
  // Our own callers pass an architected size; keep a bad one from turning
  // into undefined shifts below.
  int pa_range_bits = regs.pa_range_bits;
  if (pa_range_bits < 32) pa_range_bits = 32;
  if (pa_range_bits > 48) pa_range_bits = 48;
  // VA[55] picks the half and its TBI bit even when the MMU is off.
  const bool upper = Bit(va, 55);
  const bool tbi = Bit(tcr, upper ? kTcrTbi1 : kTcrTbi0);
  const int top = tbi ? 55 : 63;
  r.ttbr1 = upper;

  if (!Bit(regs.sctlr, kSctlrM)) {
    // MMU off: flat map. Data is Device-nGnRnE; fetches are Normal,
    // write-through when SCTLR.I=1, else non-cacheable. Both outer shareable.
    if ((va & Mask(top, pa_range_bits)) != 0) return Fault(r, FaultType::kAddressSize, 0);
    r.pa = va & Mask(pa_range_bits - 1, 0);
    r.block_size = uint64_t{1} << 12;
    r.r_el1 = r.w_el1 = r.x_el1 = r.r_el0 = r.w_el0 = r.x_el0 = true;
    r.global = true;
    r.mair_attr = access != AccessType::kExec ? 0x00 : (Bit(regs.sctlr, kSctlrI) ? 0xAA : 0x44);
    r.sh = 0b10;
    return r;
  }

  int txsz = static_cast<int>(upper ? Field(tcr, 21, 16) : Field(tcr, 5, 0));
  if (txsz < kMinTxsz) txsz = kMinTxsz;
  if (txsz > kMaxTxsz) txsz = kMaxTxsz;
  const int inputsize = 64 - txsz;
  // Bits [top:inputsize] must all equal VA[55] (all 0 for TTBR0, all 1 for
  // TTBR1); anything else is outside both ranges.
  const uint64_t range_mask = Mask(top, inputsize);
  if ((va & range_mask) != (upper ? range_mask : 0)) {
    return Fault(r, FaultType::kTranslation, 0);
  }
  if (Bit(tcr, upper ? kTcrEpd1 : kTcrEpd0)) return Fault(r, FaultType::kTranslation, 0);

  const int granule_bits =
      upper ? GranuleBitsTg1(Field(tcr, 31, 30)) : GranuleBitsTg0(Field(tcr, 15, 14));
  const int stride = granule_bits - 3;
  const int start_level = 3 - (inputsize - granule_bits - 1) / stride;
  const int outputsize = OutputBits(Field(tcr, 34, 32), pa_range_bits);

  // The initial table is aligned to its own size; TTBR bits below that are
  // RES0 and treated as zero.
  const int start_lsb = granule_bits + (3 - start_level) * stride;
  const int table_align_bits = 3 + inputsize - start_lsb;
  const uint64_t ttbr = upper ? regs.ttbr1 : regs.ttbr0;
  uint64_t table = ttbr & Mask(47, table_align_bits);
  if ((table & Mask(47, outputsize)) != 0) return Fault(r, FaultType::kAddressSize, 0);

  uint64_t ap_table = 0;
  bool xn_table = false;
  bool pxn_table = false;
  for (int level = start_level;; ++level) {
    const int lsb = granule_bits + (3 - level) * stride;
    const int msb = level == start_level ? inputsize - 1 : lsb + stride - 1;
    const uint64_t desc_pa = table + Field(va, msb, lsb) * 8;
    uint64_t desc = 0;
    if (!read(ctx, desc_pa, &desc)) return Fault(r, FaultType::kExternalAbortOnWalk, level);
    if (!Bit(desc, 0)) return Fault(r, FaultType::kTranslation, level);

    if (Bit(desc, 1) && level < 3) {  // table descriptor
      const uint64_t next = desc & Mask(47, granule_bits);
      if ((next & Mask(47, outputsize)) != 0) return Fault(r, FaultType::kAddressSize, level);
      ap_table |= Field(desc, 62, 61);
      xn_table = xn_table || Bit(desc, 60);
      pxn_table = pxn_table || Bit(desc, 59);
      table = next;
      continue;
    }

    // Leaf: a page (0b11) at level 3 or a block (0b01) where one is allowed;
    // 0b01 at level 3 and blocks elsewhere are reserved and fault.
    if (level == 3 ? !Bit(desc, 1) : !BlockAllowed(granule_bits, level)) {
      return Fault(r, FaultType::kTranslation, level);
    }
    const uint64_t oa = desc & Mask(47, lsb);
    if ((oa & Mask(47, outputsize)) != 0) return Fault(r, FaultType::kAddressSize, level);
    // No hardware Access flag management: AF=0 faults before permissions.
    if (!Bit(desc, 10)) return Fault(r, FaultType::kAccessFlag, level);

    r.level = level;
    r.block_size = uint64_t{1} << lsb;
    r.pa = oa | (va & Mask(lsb - 1, 0));
    r.global = !Bit(desc, 11);
    r.mair_attr =
        static_cast<uint8_t>(Field(regs.mair, 8 * Field(desc, 4, 2) + 7, 8 * Field(desc, 4, 2)));
    r.sh = static_cast<uint8_t>(Field(desc, 9, 8));
    SetPermissions(&r, desc, ap_table, xn_table, pxn_table, Bit(regs.sctlr, kSctlrWxn));
    if (!AccessAllowed(r, access, el0)) r.fault = FaultType::kPermission;
    return r;
  }
}

uint32_t FaultStatusCode(const WalkResult& r) {
  uint32_t base = 0;
  switch (r.fault) {
    case FaultType::kNone:
      return 0;
    case FaultType::kAddressSize:
      base = 0b000000;
      break;
    case FaultType::kTranslation:
      base = 0b000100;
      break;
    case FaultType::kAccessFlag:
      base = 0b001000;
      break;
    case FaultType::kPermission:
      base = 0b001100;
      break;
    case FaultType::kExternalAbortOnWalk:
      base = 0b010100;
      break;
  }
  return base | (static_cast<uint32_t>(r.level) & 3);
}

uint64_t MakePar(const WalkResult& r) {
  constexpr uint64_t kRes1 = uint64_t{1} << 11;
  if (r.fault != FaultType::kNone) {
    // F=1, FST, PTW=0 and S=0: a stage 1 fault, not one on a stage 2 walk.
    return kRes1 | (uint64_t{FaultStatusCode(r)} << 1) | 1;
  }
  // Device memory and Normal Inner+Outer Non-cacheable report Outer Shareable.
  const bool device = (r.mair_attr & 0xF0) == 0;
  const uint64_t sh = (device || r.mair_attr == 0x44) ? 0b10 : r.sh;
  return (uint64_t{r.mair_attr} << 56) | (r.pa & Mask(47, 12)) | kRes1 | (sh << 7);
}

}  // namespace vmd::hvsoft
