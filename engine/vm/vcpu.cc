#include "engine/vm/vcpu.h"

#include <sched.h>

#include "absl/strings/str_format.h"
#include "absl/synchronization/notification.h"
#include "engine/base/host_clock.h"
#include "engine/base/logging.h"
#include "engine/bus/mmio_bus.h"
#include "engine/gic/gic.h"
#include "engine/psci/psci.h"
#include "engine/vm/esr.h"

namespace vmd {
namespace {

constexpr uint32_t kVtimerIntid = 27;
constexpr uint32_t kPtimerIntid = 30;
constexpr uint64_t kCpsrEl1hMasked = 0x3c5;
// SCTLR_EL1 with only its RES1 bits set: MMU and caches off.
constexpr uint64_t kSctlrMmuOff = 0x30d00800;
constexpr uint64_t kTimerEnable = 1, kTimerImask = 2, kTimerIstatus = 4;

constexpr uint16_t kCntpTval = SysRegEncoding(3, 3, 14, 2, 0);
constexpr uint16_t kCntpCtl = SysRegEncoding(3, 3, 14, 2, 1);
constexpr uint16_t kCntpCval = SysRegEncoding(3, 3, 14, 2, 2);
constexpr uint16_t kCntpct = SysRegEncoding(3, 3, 14, 0, 1);

std::shared_ptr<spdlog::logger> Log() {
  static auto* log = new std::shared_ptr<spdlog::logger>(Logger("vcpu"));
  return *log;
}

// Reserved ID registers (op0=3 op1=0 CRn=0) reading as zero is the
// architecture's "feature absent", and the OS lock registers need no emulation
// without a debugger: both are expected of every guest.
bool IsExpectedRazWi(uint16_t enc) {
  return (enc >> 7) == (SysRegEncoding(3, 0, 0, 0, 0) >> 7) ||
         enc == SysRegEncoding(2, 0, 1, 0, 4) ||  // OSLAR_EL1
         enc == SysRegEncoding(2, 0, 1, 1, 4) ||  // OSLSR_EL1
         enc == SysRegEncoding(2, 0, 1, 3, 4);    // OSDLR_EL1
}

// One warning per register for the rest (PMU, ...), whichever vCPU hits it.
void WarnUnemulatedSysRegOnce(int vcpu, const SysRegAccess& s) {
  static absl::Mutex mu;
  static auto* warned = new std::vector<uint16_t>;
  absl::MutexLock lock(&mu);
  if (std::find(warned->begin(), warned->end(), s.encoding) != warned->end()) return;
  warned->push_back(s.encoding);
  Log()->warn("vcpu{}: {} of unemulated system register op0={} op1={} CRn={} CRm={} op2={}: {}", vcpu,
              s.read ? "read" : "write", s.encoding >> 14, (s.encoding >> 11) & 7,
              (s.encoding >> 7) & 15, (s.encoding >> 3) & 15, s.encoding & 7,
              s.read ? "reads as zero" : "ignored");
}

}  // namespace

Vcpu::Vcpu(int index, VcpuHost* host) : index_(index), host_(host) {}

Vcpu::~Vcpu() { Stop(); }

absl::Status Vcpu::Start(bool paused) {
  {
    absl::MutexLock lock(&mu_);
    stop_ = powered_on_ = start_pending_ = parked_ = thread_done_ = false;
    paused_ = paused;
    create_result_ = HV_SUCCESS;
    requests_.clear();
  }
  off_requested_ = vtimer_masked_ = false;
  ptimer_ctl_ = ptimer_cval_ = 0;
  thread_ = std::thread([this] { ThreadMain(); });
  absl::MutexLock lock(&mu_);
  mu_.Await(absl::Condition(
      +[](Vcpu* v) ABSL_NO_THREAD_SAFETY_ANALYSIS { return v->created_.load() || v->thread_done_; },
      this));
  if (create_result_ != HV_SUCCESS) {
    return absl::InternalError(
        absl::StrFormat("vcpu%d: hv_vcpu_create failed: %#x", index_, static_cast<uint32_t>(create_result_)));
  }
  return absl::OkStatus();
}

void Vcpu::Stop() {
  Halt();
  if (thread_.joinable()) thread_.join();
}

void Vcpu::Halt() {
  {
    absl::MutexLock lock(&mu_);
    stop_ = true;
    cv_.SignalAll();
  }
  Kick();
}

void Vcpu::PowerOn(uint64_t entry, uint64_t context) {
  {
    absl::MutexLock lock(&mu_);
    start_entry_ = entry;
    start_context_ = context;
    start_pending_ = true;
    powered_on_ = true;
    cv_.SignalAll();
  }
}

void Vcpu::PowerOffSelf() { off_requested_ = true; }

void Vcpu::Kick() {
  {
    absl::MutexLock lock(&mu_);
    cv_.SignalAll();
  }
  if (created_.load(std::memory_order_acquire)) {
    hv_vcpu_t v = vcpu_;
    hv_vcpus_exit(&v, 1);
  }
}

void Vcpu::Pause() {
  absl::MutexLock lock(&mu_);
  paused_ = true;
  cv_.SignalAll();
  mu_.Unlock();
  Kick();
  mu_.Lock();
  mu_.Await(absl::Condition(
      +[](Vcpu* v) ABSL_NO_THREAD_SAFETY_ANALYSIS { return v->parked_ || v->thread_done_; }, this));
}

void Vcpu::Resume() {
  absl::MutexLock lock(&mu_);
  paused_ = false;
  cv_.SignalAll();
}

absl::StatusOr<VcpuRegisters> Vcpu::Snapshot(absl::Duration timeout) {
  auto result = std::make_shared<VcpuRegisters>();
  auto done = std::make_shared<absl::Notification>();
  {
    absl::MutexLock lock(&mu_);
    if (thread_done_ || !created_.load()) {
      return absl::FailedPreconditionError(absl::StrFormat("vcpu%d is not running", index_));
    }
    requests_.push_back([this, result, done] {
      *result = ReadVcpuRegisters(vcpu_, index_);
      done->Notify();
    });
    cv_.SignalAll();
  }
  Kick();
  if (!done->WaitForNotificationWithTimeout(timeout)) {
    return absl::DeadlineExceededError(
        absl::StrFormat("vcpu%d did not reach an instruction boundary in time", index_));
  }
  {
    absl::MutexLock lock(&mu_);
    result->online = powered_on_;
  }
  return *result;
}

void Vcpu::ServeRequestsLocked() {
  while (!requests_.empty()) {
    auto fn = std::move(requests_.front());
    requests_.pop_front();
    mu_.Unlock();
    fn();
    mu_.Lock();
  }
}

void Vcpu::ThreadMain() {
  const std::string name = absl::StrFormat("vcpu%d", index_);
#if defined(__APPLE__)
  pthread_setname_np(name.c_str());
#else
  pthread_setname_np(pthread_self(), name.c_str());
#endif
  hv_return_t r = hv_vcpu_create(&vcpu_, &exit_, nullptr);
  if (r != HV_SUCCESS) {
    Log()->error("{}: hv_vcpu_create failed: {:#x}", name, static_cast<uint32_t>(r));
    absl::MutexLock lock(&mu_);
    create_result_ = r;
    thread_done_ = true;
    return;
  }
  // Identity the framework leaves to the VMM (hv-api.md): MPIDR with Aff0 = index
  // (bit 31 RES1), and the GIC field of ID_AA64PFR0_EL1 = 1 (GICv3 system registers).
  hv_vcpu_set_sys_reg(vcpu_, HV_SYS_REG_MPIDR_EL1, (1ull << 31) | static_cast<uint64_t>(index_));
  uint64_t pfr0 = 0;
  hv_vcpu_get_sys_reg(vcpu_, HV_SYS_REG_ID_AA64PFR0_EL1, &pfr0);
  hv_vcpu_set_sys_reg(vcpu_, HV_SYS_REG_ID_AA64PFR0_EL1, (pfr0 & ~(0xfull << 24)) | (1ull << 24));
  {
    absl::MutexLock lock(&mu_);
    created_.store(true, std::memory_order_release);
  }
  while (WaitUntilRunnable()) RunOnce();
  hv_vcpu_destroy(vcpu_);
  absl::MutexLock lock(&mu_);
  created_.store(false);
  thread_done_ = true;
  // Fail requests that arrive after the end instead of leaving callers waiting.
  requests_.clear();
}

bool Vcpu::WaitUntilRunnable() {
  if (off_requested_) {
    off_requested_ = false;
    absl::MutexLock lock(&mu_);
    // A CPU_ON that raced with this CPU_OFF (PSCI already reports OFF) wins.
    if (!start_pending_) powered_on_ = false;
  }
  absl::MutexLock lock(&mu_);
  for (;;) {
    if (stop_) return false;
    if (start_pending_) {
      // Set the entry state at once, even while paused, so a register snapshot
      // of a VM started paused shows where it will begin.
      start_pending_ = false;
      const uint64_t entry = start_entry_, context = start_context_;
      mu_.Unlock();
      ApplyPowerOn(entry, context);
      mu_.Lock();
      continue;
    }
    ServeRequestsLocked();
    if (stop_ || start_pending_) continue;
    if (powered_on_ && !paused_) break;
    parked_ = true;
    cv_.Wait(&mu_);
  }
  parked_ = false;
  return true;
}

void Vcpu::ApplyPowerOn(uint64_t entry, uint64_t context) {
  for (int i = 1; i < 31; ++i) hv_vcpu_set_reg(vcpu_, static_cast<hv_reg_t>(HV_REG_X0 + i), 0);
  hv_vcpu_set_reg(vcpu_, HV_REG_X0, context);
  hv_vcpu_set_reg(vcpu_, HV_REG_PC, entry);
  hv_vcpu_set_reg(vcpu_, HV_REG_CPSR, kCpsrEl1hMasked);
  hv_vcpu_set_sys_reg(vcpu_, HV_SYS_REG_SCTLR_EL1, kSctlrMmuOff);
  host_->psci().MarkOn(index_);
}

void Vcpu::RunOnce() {
  UpdateTimers();
  Gic& gic = host_->gic();
  hv_vcpu_set_pending_interrupt(vcpu_, HV_INTERRUPT_TYPE_IRQ, gic.IrqPending(index_));
  hv_vcpu_set_pending_interrupt(vcpu_, HV_INTERRUPT_TYPE_FIQ, gic.FiqPending(index_));
  hv_return_t r = hv_vcpu_run(vcpu_);
  exit_count_.fetch_add(1, std::memory_order_relaxed);
  if (r != HV_SUCCESS) {
    host_->GuestFailed(index_, absl::StrFormat("hv_vcpu_run failed: %#x", static_cast<uint32_t>(r)));
    off_requested_ = true;
    return;
  }
  switch (exit_->reason) {
    case HV_EXIT_REASON_CANCELED:
      break;  // requests and state are handled at the top of the loop
    case HV_EXIT_REASON_VTIMER_ACTIVATED:
      vtimer_masked_ = true;  // the framework masked it; we unmask once the guest handled it
      gic.SetPpiLevel(index_, kVtimerIntid, true);
      break;
    case HV_EXIT_REASON_EXCEPTION:
      HandleException();
      break;
    default:
      host_->GuestFailed(index_, absl::StrFormat("unknown exit reason %u", exit_->reason));
      off_requested_ = true;
      break;
  }
}

void Vcpu::HandleException() {
  const uint64_t esr = exit_->exception.syndrome;
  switch (static_cast<ExceptionClass>(EsrClass(esr))) {
    case ExceptionClass::kDataAbortLowerEl:
      HandleDataAbort(esr);
      return;
    case ExceptionClass::kSysReg:
      HandleSysReg(esr);
      return;
    case ExceptionClass::kHvc64:
      HandleHypercall(/*smc=*/false);
      return;
    case ExceptionClass::kSmc64:
      HandleHypercall(/*smc=*/true);
      return;
    case ExceptionClass::kWfiWfe:
      AdvancePc();
      if (EsrIss(esr) & 1) {
        sched_yield();  // WFE: events come from other vCPUs' stores; do not sleep
      } else {
        WaitForInterrupt();
      }
      return;
    case ExceptionClass::kInstructionAbortLowerEl: {
      uint64_t pc = 0;
      hv_vcpu_get_reg(vcpu_, HV_REG_PC, &pc);
      host_->GuestFailed(index_, absl::StrFormat("instruction fetch from unbacked address %#x (pc %#x)",
                                                 exit_->exception.physical_address, pc));
      off_requested_ = true;
      return;
    }
    default: {
      uint64_t pc = 0;
      hv_vcpu_get_reg(vcpu_, HV_REG_PC, &pc);
      host_->GuestFailed(index_, absl::StrFormat("unhandled exception class %#x (ESR %#x) at pc %#x",
                                                 EsrClass(esr), esr, pc));
      off_requested_ = true;
      return;
    }
  }
}

void Vcpu::HandleDataAbort(uint64_t esr) {
  const DataAbort a = DecodeDataAbort(esr);
  const uint64_t addr = exit_->exception.physical_address;
  bool ok = false;
  if (a.isv) {
    if (a.write) {
      uint64_t value = GetX(a.reg);
      if (a.size < 8) value &= (1ull << (a.size * 8)) - 1;
      ok = host_->bus().Write(addr, a.size, value);
    } else {
      uint64_t value = 0;
      ok = host_->bus().Read(addr, a.size, &value);
      if (ok) SetX(a.reg, ExtendLoad(a, value));
    }
  }
  if (ok) {
    AdvancePc();
    return;
  }
  static std::atomic<int> warned{0};
  if (warned.fetch_add(1, std::memory_order_relaxed) < 20) {
    Log()->warn("vcpu{}: {} {} at IPA {:#x} ({}); the guest gets an external abort", index_,
                a.isv ? "access to no device" : "unemulatable access (ISV=0)", a.write ? "write" : "read",
                addr, a.isv ? "no device there" : "pair, SIMD or writeback form");
  }
  uint64_t cpsr = 0;
  hv_vcpu_get_reg(vcpu_, HV_REG_CPSR, &cpsr);
  InjectSyncException(SyncExternalAbortEsr(((cpsr >> 2) & 3) == 0, a.write),
                      exit_->exception.virtual_address);
}

void Vcpu::HandleSysReg(uint64_t esr) {
  const SysRegAccess s = DecodeSysReg(esr);
  uint64_t value = s.read ? 0 : GetX(s.reg);
  bool handled = s.read ? host_->gic().ReadSysReg(index_, s.encoding, &value)
                        : host_->gic().WriteSysReg(index_, s.encoding, value);
  if (!handled) handled = PhysTimerAccess(s.encoding, s.read, &value);
  if (!handled) {
    value = 0;  // RAZ/WI
    if (IsExpectedRazWi(s.encoding)) {
      Log()->debug("vcpu{}: {} of system register {:#06x}: RAZ/WI", index_,
                   s.read ? "read" : "write", s.encoding);
    } else {
      WarnUnemulatedSysRegOnce(index_, s);
    }
  }
  if (s.read) SetX(s.reg, value);
  AdvancePc();
}

void Vcpu::HandleHypercall(bool smc) {
  const uint64_t result = host_->psci().Call(index_, GetX(0), GetX(1), GetX(2), GetX(3));
  SetX(0, result);
  if (smc) AdvancePc();  // HVC exits with PC already past the instruction; SMC does not
}

uint64_t Vcpu::VtimerDeadlineTicks() {
  if (vtimer_masked_) return 0;  // already fired: INTID 27 is pending in the GIC
  uint64_t ctl = 0, cval = 0, offset = 0;
  hv_vcpu_get_sys_reg(vcpu_, HV_SYS_REG_CNTV_CTL_EL0, &ctl);
  if ((ctl & kTimerEnable) == 0 || (ctl & kTimerImask) != 0) return 0;
  hv_vcpu_get_sys_reg(vcpu_, HV_SYS_REG_CNTV_CVAL_EL0, &cval);
  hv_vcpu_get_vtimer_offset(vcpu_, &offset);
  const uint64_t host = cval + offset;
  return host < cval ? ~0ull : host;  // CNTVCT = host counter - offset
}

uint64_t Vcpu::PtimerDeadlineTicks() {
  if ((ptimer_ctl_ & kTimerEnable) == 0 || (ptimer_ctl_ & kTimerImask) != 0) return 0;
  return ptimer_cval_;
}

bool Vcpu::VtimerConditionMet() {
  uint64_t ctl = 0;
  hv_vcpu_get_sys_reg(vcpu_, HV_SYS_REG_CNTV_CTL_EL0, &ctl);
  if ((ctl & kTimerEnable) == 0 || (ctl & kTimerImask) != 0) return false;
  uint64_t cval = 0, offset = 0;
  hv_vcpu_get_sys_reg(vcpu_, HV_SYS_REG_CNTV_CVAL_EL0, &cval);
  hv_vcpu_get_vtimer_offset(vcpu_, &offset);
  return HostCounterTicks() - offset >= cval;
}

void Vcpu::WaitForInterrupt() {
  // A timer that fired and still holds its condition ends the wait, as a
  // deadline that passes during it does: otherwise a guest whose GIC does not
  // forward INTID 27 (it never set the GIC up, and sleeps with PSTATE.I set)
  // would sleep forever when the timer fired between arming and its WFI
  // (a preempted vCPU thread, a pause). WFI may complete early.
  if (vtimer_masked_ && VtimerConditionMet()) return;
  uint64_t deadline = 0;
  for (uint64_t d : {VtimerDeadlineTicks(), PtimerDeadlineTicks()}) {
    if (d != 0 && (deadline == 0 || d < deadline)) deadline = d;
  }
  const absl::Time until = deadline == 0 ? absl::InfiniteFuture() : HostTimeAtTicks(deadline);
  Gic& gic = host_->gic();
  absl::MutexLock lock(&mu_);
  while (!stop_ && !paused_ && requests_.empty() && !gic.IrqPending(index_) &&
         !gic.FiqPending(index_) && absl::Now() < until) {
    cv_.WaitWithDeadline(&mu_, until);
  }
}

void Vcpu::UpdateTimers() {
  Gic& gic = host_->gic();
  if (vtimer_masked_) {
    // The unmask rule (hv-api.md): once the guest has handled the timer (disabled,
    // masked it, or moved CVAL ahead), lower INTID 27 and let the framework fire again.
    if (!VtimerConditionMet()) {
      gic.SetPpiLevel(index_, kVtimerIntid, false);
      hv_vcpu_set_vtimer_mask(vcpu_, false);
      vtimer_masked_ = false;
    }
  }
  const uint64_t pdeadline = PtimerDeadlineTicks();
  gic.SetPpiLevel(index_, kPtimerIntid, pdeadline != 0 && HostCounterTicks() >= pdeadline);
}

bool Vcpu::PhysTimerAccess(uint16_t enc, bool read, uint64_t* value) {
  const uint64_t now = HostCounterTicks();
  switch (enc) {
    case kCntpct:
      if (read) *value = now;
      return true;
    case kCntpCtl:
      if (read) {
        *value = (ptimer_ctl_ & (kTimerEnable | kTimerImask)) |
                 ((ptimer_ctl_ & kTimerEnable) && now >= ptimer_cval_ ? kTimerIstatus : 0);
        return true;
      }
      ptimer_ctl_ = *value & (kTimerEnable | kTimerImask);
      break;
    case kCntpCval:
      if (read) {
        *value = ptimer_cval_;
        return true;
      }
      ptimer_cval_ = *value;
      break;
    case kCntpTval:
      if (read) {
        *value = static_cast<uint32_t>(ptimer_cval_ - now);
        return true;
      }
      ptimer_cval_ = now + static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(*value)));
      break;
    default:
      return false;
  }
  // A write changed the timer: update the line now and ask for a kick when it is due.
  const uint64_t deadline = PtimerDeadlineTicks();
  host_->gic().SetPpiLevel(index_, kPtimerIntid, deadline != 0 && now >= deadline);
  if (deadline != 0 && now < deadline) host_->ArmTimerKick(index_, HostTimeAtTicks(deadline));
  return true;
}

void Vcpu::InjectSyncException(uint64_t esr, uint64_t far) {
  uint64_t cpsr = 0, pc = 0, vbar = 0;
  hv_vcpu_get_reg(vcpu_, HV_REG_CPSR, &cpsr);
  hv_vcpu_get_reg(vcpu_, HV_REG_PC, &pc);
  hv_vcpu_get_sys_reg(vcpu_, HV_SYS_REG_VBAR_EL1, &vbar);
  const bool from_el0 = ((cpsr >> 2) & 3) == 0;
  const uint64_t offset = from_el0 ? 0x400 : ((cpsr & 1) ? 0x200 : 0x0);
  hv_vcpu_set_sys_reg(vcpu_, HV_SYS_REG_ELR_EL1, pc);
  hv_vcpu_set_sys_reg(vcpu_, HV_SYS_REG_SPSR_EL1, cpsr);
  hv_vcpu_set_sys_reg(vcpu_, HV_SYS_REG_ESR_EL1, esr);
  hv_vcpu_set_sys_reg(vcpu_, HV_SYS_REG_FAR_EL1, far);
  hv_vcpu_set_reg(vcpu_, HV_REG_CPSR, kCpsrEl1hMasked);
  hv_vcpu_set_reg(vcpu_, HV_REG_PC, vbar + offset);
}

uint64_t Vcpu::GetX(unsigned reg) {
  if (reg >= 31) return 0;  // XZR
  uint64_t v = 0;
  hv_vcpu_get_reg(vcpu_, static_cast<hv_reg_t>(HV_REG_X0 + reg), &v);
  return v;
}

void Vcpu::SetX(unsigned reg, uint64_t value) {
  if (reg < 31) hv_vcpu_set_reg(vcpu_, static_cast<hv_reg_t>(HV_REG_X0 + reg), value);
}

void Vcpu::AdvancePc() {
  uint64_t pc = 0;
  hv_vcpu_get_reg(vcpu_, HV_REG_PC, &pc);
  hv_vcpu_set_reg(vcpu_, HV_REG_PC, pc + 4);
}

}  // namespace vmd
