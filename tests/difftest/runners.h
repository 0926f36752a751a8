// The two sides of a differential run. HvRunner runs cases on the hv API
// (hv/soft here, Hypervisor.framework on a Mac) in this process; RefRunner
// runs a batch through the aarch64 reference program under qemu-aarch64.
// Both produce DtResult records; difftest_main.cc compares them.
#ifndef VMD_TESTS_DIFFTEST_RUNNERS_H_
#define VMD_TESTS_DIFFTEST_RUNNERS_H_

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "engine/hv/hv.h"
#include "tests/difftest/case_format.h"

namespace vmd::difftest {

// Status values of an hv-side DtResult beyond DT_STATUS_OK.
constexpr uint32_t kHvGuestException = 0x100;  // the guest took an exception (see detail)
constexpr uint32_t kHvUnexpectedExit = 0x101;  // an exit other than our HVC
constexpr uint32_t kHvTimeout = 0x102;         // did not finish; cancelled
constexpr uint32_t kHvApiError = 0x103;        // an hv call failed

class Watchdog;

class HvRunner {
 public:
  // Creates the VM (one per process) and a vCPU owned by the calling thread.
  // `remap_code` unmaps and maps the code region around each case's write,
  // so a stale decoded-code cache cannot hide behind host writes. `el0` runs
  // the sequence at EL0t (as user mode does) instead of EL1h.
  static absl::StatusOr<std::unique_ptr<HvRunner>> Create(bool remap_code, bool el0,
                                                          int timeout_ms);
  ~HvRunner();

  // Whether the vCPU's ID registers advertise `feature` (Generator::feature).
  bool HasFeature(const char* feature);

  // Runs one case; `detail` explains a non-OK status (exception syndrome...).
  void Run(const DtCase& c, DtResult* r, std::string* detail);

 private:
  HvRunner() = default;
  absl::Status SetUp();
  hv_return_t LoadCase(const DtCase& c);
  hv_sys_reg_t SpReg() const { return el0_ ? HV_SYS_REG_SP_EL0 : HV_SYS_REG_SP_EL1; }

  bool remap_code_ = true;
  bool el0_ = false;
  int timeout_ms_ = 2000;
  void* code_ = nullptr;
  void* data_ = nullptr;
  hv_vcpu_t vcpu_ = 0;
  hv_vcpu_exit_t* exit_ = nullptr;
  bool vm_created_ = false;
  bool vcpu_created_ = false;
  std::unique_ptr<Watchdog> watchdog_;
};

// Runs `cases` through `qemu ref` (stdin and stdout are files in `work_dir`).
// Start() returns at once so the hv side can run meanwhile; Wait() collects.
class RefRunner {
 public:
  RefRunner(std::string qemu, std::string ref, std::string work_dir)
      : qemu_(std::move(qemu)), ref_(std::move(ref)), work_dir_(std::move(work_dir)) {}
  absl::Status Start(const std::vector<DtCase>& cases);
  absl::StatusOr<std::vector<DtResult>> Wait();

 private:
  std::string qemu_, ref_, work_dir_;
  std::string in_path_, out_path_;
  pid_t pid_ = -1;
  size_t expected_ = 0;
};

}  // namespace vmd::difftest

#endif  // VMD_TESTS_DIFFTEST_RUNNERS_H_
