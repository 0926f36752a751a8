// HvRunner: the hv API side of a differential run; see runners.h. The guest
// runs at EL1h (or EL0t) with the MMU off, so data accesses are flat (and
// Device memory: the generators keep them aligned). A sequence ends with
// HVC #0; VBAR_EL1 points at a table whose every entry is HVC #(0x100 +
// entry), so a guest exception in the middle exits with a recognisable
// immediate. At EL0 the final HVC is itself undefined: it arrives through the
// lower-EL synchronous vector with EC 0 and ELR at the HVC. FP/SIMD is
// enabled (CPACR_EL1.FPEN 0b11) and V0-V31, FPCR, FPSR come from the case.
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>

#include "absl/strings/str_format.h"
#include "tests/difftest/a64.h"
#include "tests/difftest/runners.h"

namespace vmd::difftest {

namespace {
constexpr uint64_t kVbar = DT_CODE_IPA + 0xf800;  // 2 KiB aligned, after any sequence
constexpr uint64_t kCpsrEl1h = 0x3c5;             // EL1h, DAIF masked
constexpr uint64_t kCpsrEl0t = 0x0;
constexpr uint64_t kLowerElSyncVector = 8;        // VBAR + 0x400
constexpr uint64_t kEcHvc64 = 0x16;
// SCTLR_EL1: the ARMv8.0 RES1 bits, I and C caches on, SP alignment checks
// (SA, SA0) as Linux sets them for user mode; MMU off.
constexpr uint64_t kSctlr = 0x30d00800ull | (1 << 12) | (1 << 4) | (1 << 3) | (1 << 2);
// CPACR_EL1.FPEN = 0b11: FP/SIMD usable at EL0 and EL1 (as Linux sets it).
constexpr uint64_t kCpacrFpen = 3ull << 20;

hv_simd_fp_uchar16_t ToVector(const uint64_t v[2]) {
  hv_simd_fp_uchar16_t out;
  std::memcpy(&out, v, 16);
  return out;
}

}  // namespace

// Cancels a run that takes too long (a CPU bug looping), from its own thread.
class Watchdog {
 public:
  Watchdog(hv_vcpu_t vcpu, int timeout_ms) : vcpu_(vcpu), timeout_(timeout_ms) {
    thread_ = std::thread([this] { Loop(); });
  }
  ~Watchdog() {
    {
      std::lock_guard<std::mutex> l(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  void Arm() {
    std::lock_guard<std::mutex> l(mu_);
    armed_ = true;
    fired_ = false;
    ++generation_;
    cv_.notify_all();
  }
  bool Disarm() {
    std::lock_guard<std::mutex> l(mu_);
    armed_ = false;
    return fired_;
  }

 private:
  void Loop() {
    std::unique_lock<std::mutex> l(mu_);
    while (!stop_) {
      if (!armed_) {
        cv_.wait(l);
        continue;
      }
      uint64_t gen = generation_;
      if (!cv_.wait_for(l, timeout_, [&] { return stop_ || !armed_ || generation_ != gen; })) {
        fired_ = true;
        hv_vcpu_t v = vcpu_;
        hv_vcpus_exit(&v, 1);
        armed_ = false;
      }
    }
  }

  hv_vcpu_t vcpu_;
  std::chrono::milliseconds timeout_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false, armed_ = false, fired_ = false;
  uint64_t generation_ = 0;
  std::thread thread_;
};

absl::StatusOr<std::unique_ptr<HvRunner>> HvRunner::Create(bool remap_code, bool el0,
                                                           int timeout_ms) {
  std::unique_ptr<HvRunner> r(new HvRunner);
  r->remap_code_ = remap_code;
  r->el0_ = el0;
  r->timeout_ms_ = timeout_ms;
  absl::Status s = r->SetUp();
  if (!s.ok()) return s;
  return r;
}

absl::Status HvRunner::SetUp() {
  for (void** p : {&code_, &data_}) {
    // hv_vm_map wants 16 KiB alignment (the Apple host page size).
    *p = std::aligned_alloc(16384, DT_CODE_SIZE);
    if (*p == nullptr) return absl::ResourceExhaustedError("difftest: guest region allocation failed");
    std::memset(*p, 0, DT_CODE_SIZE);
  }
  hv_return_t rc = hv_vm_create(nullptr);
  if (rc != HV_SUCCESS) return absl::InternalError(absl::StrFormat("difftest: hv_vm_create: %#x", rc));
  vm_created_ = true;
  rc = hv_vm_map(code_, DT_CODE_IPA, DT_CODE_SIZE, HV_MEMORY_READ | HV_MEMORY_WRITE | HV_MEMORY_EXEC);
  if (rc == HV_SUCCESS) {
    rc = hv_vm_map(data_, DT_DATA_IPA, DT_DATA_SIZE, HV_MEMORY_READ | HV_MEMORY_WRITE | HV_MEMORY_EXEC);
  }
  if (rc != HV_SUCCESS) return absl::InternalError(absl::StrFormat("difftest: hv_vm_map: %#x", rc));
  rc = hv_vcpu_create(&vcpu_, &exit_, nullptr);
  if (rc != HV_SUCCESS) return absl::InternalError(absl::StrFormat("difftest: hv_vcpu_create: %#x", rc));
  vcpu_created_ = true;
  watchdog_ = std::make_unique<Watchdog>(vcpu_, timeout_ms_);
  return absl::OkStatus();
}

HvRunner::~HvRunner() {
  watchdog_.reset();
  if (vcpu_created_) hv_vcpu_destroy(vcpu_);
  if (vm_created_) hv_vm_destroy();
  std::free(code_);
  std::free(data_);
}

bool HvRunner::HasFeature(const char* feature) {
  uint64_t isar0 = 0, isar1 = 0;
  hv_vcpu_get_sys_reg(vcpu_, HV_SYS_REG_ID_AA64ISAR0_EL1, &isar0);
  hv_vcpu_get_sys_reg(vcpu_, HV_SYS_REG_ID_AA64ISAR1_EL1, &isar1);
  auto field = [](uint64_t reg, int lsb) { return (reg >> lsb) & 0xf; };
  std::string f = feature;
  if (f == "crc32") return field(isar0, 16) >= 1;  // ID_AA64ISAR0_EL1.CRC32
  if (f == "lse") return field(isar0, 20) >= 2;    // .Atomic
  if (f == "flagm") return field(isar0, 52) >= 1;  // .TS
  if (f == "rcpc") return field(isar1, 20) >= 1;   // ID_AA64ISAR1_EL1.LRCPC
  return false;
}

hv_return_t HvRunner::LoadCase(const DtCase& c) {
  hv_return_t rc = HV_SUCCESS;
  if (remap_code_) {
    rc = hv_vm_unmap(DT_CODE_IPA, DT_CODE_SIZE);
    if (rc != HV_SUCCESS) return rc;
  }
  auto* code = static_cast<uint32_t*>(code_);
  std::memset(code, 0, DT_CODE_SIZE);
  std::memcpy(code, c.code, c.ncode * 4);
  code[c.ncode] = a64::kHvc0;
  for (uint32_t i = 0; i < 16; ++i) {
    code[(kVbar - DT_CODE_IPA) / 4 + i * 32] = a64::kHvc0 | ((0x100 + i) << 5);
  }
  if (remap_code_) {
    rc = hv_vm_map(code_, DT_CODE_IPA, DT_CODE_SIZE,
                   HV_MEMORY_READ | HV_MEMORY_WRITE | HV_MEMORY_EXEC);
    if (rc != HV_SUCCESS) return rc;
  }
  auto* words = static_cast<uint64_t*>(data_);
  for (uint64_t i = 0; i < DT_DATA_SIZE / 8; ++i) words[i] = DtDataWord(c.data_seed, i);

  for (int i = 0; i < 31 && rc == HV_SUCCESS; ++i) rc = hv_vcpu_set_reg(vcpu_, HV_REG_X0 + i, c.x[i]);
  if (rc == HV_SUCCESS) rc = hv_vcpu_set_reg(vcpu_, HV_REG_PC, DT_CODE_IPA);
  uint64_t cpsr = (el0_ ? kCpsrEl0t : kCpsrEl1h) | (c.nzcv & 0xf0000000ull);
  if (rc == HV_SUCCESS) rc = hv_vcpu_set_reg(vcpu_, HV_REG_CPSR, cpsr);
  if (rc == HV_SUCCESS) rc = hv_vcpu_set_sys_reg(vcpu_, SpReg(), c.sp);
  if (rc == HV_SUCCESS) rc = hv_vcpu_set_sys_reg(vcpu_, HV_SYS_REG_VBAR_EL1, kVbar);
  if (rc == HV_SUCCESS) rc = hv_vcpu_set_sys_reg(vcpu_, HV_SYS_REG_SCTLR_EL1, kSctlr);
  if (rc == HV_SUCCESS) rc = hv_vcpu_set_sys_reg(vcpu_, HV_SYS_REG_CPACR_EL1, kCpacrFpen);
  if (rc == HV_SUCCESS) rc = hv_vcpu_set_reg(vcpu_, HV_REG_FPCR, c.fpcr);
  if (rc == HV_SUCCESS) rc = hv_vcpu_set_reg(vcpu_, HV_REG_FPSR, c.fpsr);
  for (int i = 0; i < 32 && rc == HV_SUCCESS; ++i) {
    rc = hv_vcpu_set_simd_fp_reg(vcpu_, HV_SIMD_FP_REG_Q0 + i, ToVector(c.v[i]));
  }
  return rc;
}

void HvRunner::Run(const DtCase& c, DtResult* r, std::string* detail) {
  std::memset(r, 0, sizeof(*r));
  r->magic = DT_RESULT_MAGIC;
  detail->clear();
  hv_return_t rc = LoadCase(c);
  if (rc != HV_SUCCESS) {
    r->status = kHvApiError;
    *detail = absl::StrFormat("loading the case failed: %#x", rc);
    return;
  }
  bool fired = false;
  for (int attempt = 0; attempt < 2; ++attempt) {
    watchdog_->Arm();
    rc = hv_vcpu_run(vcpu_);
    fired = watchdog_->Disarm();
    // A cancel the watchdog sent just as the previous case ended lands on
    // this run: run again.
    if (rc != HV_SUCCESS || exit_->reason != HV_EXIT_REASON_CANCELED || fired) break;
  }
  uint64_t pc = 0;
  hv_vcpu_get_reg(vcpu_, HV_REG_PC, &pc);
  if (rc != HV_SUCCESS) {
    r->status = kHvApiError;
    *detail = absl::StrFormat("hv_vcpu_run: %#x", rc);
  } else if (exit_->reason == HV_EXIT_REASON_CANCELED || fired) {
    r->status = kHvTimeout;
    *detail = absl::StrFormat("no end after %d ms (pc %#x)", timeout_ms_, pc);
  } else if (exit_->reason != HV_EXIT_REASON_EXCEPTION) {
    r->status = kHvUnexpectedExit;
    *detail = absl::StrFormat("exit reason %u (pc %#x)", exit_->reason, pc);
  } else {
    uint64_t esr = exit_->exception.syndrome;
    uint64_t ec = esr >> 26;
    uint64_t imm = esr & 0xffff;
    uint64_t end_hvc = DT_CODE_IPA + 4ull * c.ncode;
    uint64_t esr1 = 0, elr = 0, far = 0;
    bool guest_exception = ec == kEcHvc64 && imm >= 0x100 && imm < 0x110;
    if (guest_exception) {
      hv_vcpu_get_sys_reg(vcpu_, HV_SYS_REG_ESR_EL1, &esr1);
      hv_vcpu_get_sys_reg(vcpu_, HV_SYS_REG_ELR_EL1, &elr);
      hv_vcpu_get_sys_reg(vcpu_, HV_SYS_REG_FAR_EL1, &far);
    }
    if (!el0_ && ec == kEcHvc64 && imm == 0 && pc == end_hvc + 4) {
      r->status = DT_STATUS_OK;
    } else if (el0_ && guest_exception && imm == 0x100 + kLowerElSyncVector &&
               (esr1 >> 26) == 0 && elr == end_hvc) {
      r->status = DT_STATUS_OK;  // the final HVC, undefined at EL0
    } else if (guest_exception) {
      r->status = kHvGuestException;
      r->fault_pc = elr;
      r->syndrome = esr1;
      *detail = absl::StrFormat("guest exception (vector %#x): ESR_EL1 %#x (EC %#x) at %#x, FAR %#x",
                                (imm - 0x100) * 0x80, esr1, esr1 >> 26, elr, far);
    } else {
      r->status = kHvUnexpectedExit;
      r->fault_pc = pc;
      *detail = absl::StrFormat("exit EC %#x syndrome %#x at pc %#x (IPA %#x, VA %#x)", ec, esr,
                                pc, exit_->exception.physical_address,
                                exit_->exception.virtual_address);
    }
  }
  for (int i = 0; i < 31; ++i) hv_vcpu_get_reg(vcpu_, HV_REG_X0 + i, &r->x[i]);
  hv_vcpu_get_sys_reg(vcpu_, SpReg(), &r->sp);
  uint64_t cpsr = 0;
  // After a guest exception, the interrupted NZCV is in SPSR_EL1.
  if (r->status == kHvGuestException || (el0_ && r->status == DT_STATUS_OK)) {
    hv_vcpu_get_sys_reg(vcpu_, HV_SYS_REG_SPSR_EL1, &cpsr);
  } else {
    hv_vcpu_get_reg(vcpu_, HV_REG_CPSR, &cpsr);
  }
  r->nzcv = cpsr & 0xf0000000ull;
  hv_vcpu_get_reg(vcpu_, HV_REG_FPCR, &r->fpcr);
  hv_vcpu_get_reg(vcpu_, HV_REG_FPSR, &r->fpsr);
  for (int i = 0; i < 32; ++i) {
    hv_simd_fp_uchar16_t q{};
    hv_vcpu_get_simd_fp_reg(vcpu_, HV_SIMD_FP_REG_Q0 + i, &q);
    std::memcpy(r->v[i], &q, 16);
  }
  const auto* words = static_cast<const uint64_t*>(data_);
  for (uint64_t i = 0; i < DT_DATA_SIZE / 8; ++i) {
    if (words[i] == DtDataWord(c.data_seed, i)) continue;
    if (r->nchanged < DT_MAX_CHANGED) {
      r->changed[r->nchanged++] = DtWord{i * 8, words[i]};
    } else {
      r->overflow = 1;
    }
  }
}

}  // namespace vmd::difftest
