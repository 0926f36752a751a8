// The VM registry: every VM's spec and last known state, kept in memory and
// on disk under $STATE/vms/<id>/ (spec.json, state.json), loaded back at
// daemon start. The API service and the worker supervisor call it.
#ifndef VMD_DAEMON_REGISTRY_H_
#define VMD_DAEMON_REGISTRY_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "vmd/daemon/state.pb.h"
#include "vmd/v1/vmd.pb.h"

namespace vmd::daemon {

// OK if `name` is a valid VM name: [a-z0-9][a-z0-9._-]{0,62} and not of an
// id's form; otherwise INVALID_ARGUMENT naming `spec.name`.
absl::Status ValidateVmName(std::string_view name);

// True for the form of a VM id: exactly 12 lowercase hex digits.
bool LooksLikeVmId(std::string_view s);

class Registry {
 public:
  // Loads every vms/<id>/ under `state_dir` (creating the folders if needed).
  // A VM directory that cannot be read or parsed is skipped with a warning;
  // it never stops the others from loading.
  static absl::StatusOr<std::unique_ptr<Registry>> Open(std::string state_dir);

  struct CreateResult {
    v1::Vm vm;
    // False when `request_id` matched an earlier create (idempotent retry).
    bool created = true;
  };
  // Registers a VM in state CREATED with a fresh id. Only the name is
  // validated here (the API layer validates the rest of the spec).
  // ALREADY_EXISTS if the name is taken or `request_id` was used with another
  // spec; INVALID_ARGUMENT for a bad name or a request_id over 64 bytes.
  absl::StatusOr<CreateResult> Create(const v1::VmSpec& spec, std::string_view request_id = {});

  // By id first, then by name. NOT_FOUND otherwise.
  absl::StatusOr<v1::Vm> Get(std::string_view id_or_name) const;
  // The raw state record (for the supervisor: worker pid and start time).
  absl::StatusOr<VmStateFile> GetState(std::string_view id_or_name) const;
  // Every VM, ordered by name.
  std::vector<v1::Vm> List() const;

  // Applies `mutate` to a copy of the VM's state record and persists it
  // (state.json, atomically); the in-memory record changes only if both
  // succeed. `mutate` must not change the id. Returns the updated VM.
  absl::StatusOr<v1::Vm> Update(std::string_view id_or_name,
                                const std::function<absl::Status(VmStateFile&)>& mutate);

  // Removes the VM and its directory. The caller checks the state first.
  absl::Status Delete(std::string_view id_or_name);

  // $STATE/vms/<id>: where the worker's socket, console log and exit record go.
  std::string VmDir(std::string_view id) const;
  const std::string& state_dir() const { return state_dir_; }
  size_t size() const;

 private:
  struct Record {
    v1::VmSpec spec;
    VmStateFile state;
  };

  explicit Registry(std::string state_dir);
  absl::Status Load();
  absl::StatusOr<Record> LoadVmDir(const std::string& id) const;
  // The id for `id_or_name`, or NOT_FOUND.
  absl::StatusOr<std::string> ResolveLocked(std::string_view id_or_name) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_);
  std::string NewIdLocked() const ABSL_SHARED_LOCKS_REQUIRED(mu_);
  static v1::Vm ToVm(const Record& record);

  const std::string state_dir_;
  const std::string vms_dir_;
  mutable absl::Mutex mu_;
  std::map<std::string, Record> vms_ ABSL_GUARDED_BY(mu_);          // by id
  std::map<std::string, std::string> by_name_ ABSL_GUARDED_BY(mu_);  // name → id
};

}  // namespace vmd::daemon

#endif  // VMD_DAEMON_REGISTRY_H_
