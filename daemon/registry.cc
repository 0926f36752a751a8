#include "daemon/registry.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <random>
#include <system_error>
#include <utility>

#include "absl/strings/str_cat.h"
#include "daemon/atomic_file.h"
#include "engine/base/logging.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "google/protobuf/util/time_util.h"

namespace vmd::daemon {
namespace {

namespace fs = std::filesystem;
using google::protobuf::util::TimeUtil;

constexpr size_t kMaxNameLength = 63;
constexpr size_t kMaxRequestIdLength = 64;
constexpr char kSpecFile[] = "spec.json";
constexpr char kStateFile[] = "state.json";
// Directories being created or deleted; a crash can leave them behind.
constexpr std::string_view kCreatingPrefix = ".creating-";
constexpr std::string_view kDeletingPrefix = ".deleting-";

absl::string_view Sv(std::string_view s) { return absl::string_view(s.data(), s.size()); }

std::shared_ptr<spdlog::logger> Log() { return vmd::Logger("registry"); }

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

absl::StatusOr<std::string> ToJson(const google::protobuf::Message& message,
                                   std::string_view what) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  std::string json;
  auto status = google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!status.ok()) {
    return absl::InternalError(absl::StrCat(Sv(what), ": to JSON: ", status.ToString()));
  }
  return json;
}

absl::Status FromJsonFile(const std::string& path, google::protobuf::Message* message) {
  absl::StatusOr<std::string> data = ReadFileToString(path);
  if (!data.ok()) return data.status();
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;  // written by a newer vmd
  auto status = google::protobuf::util::JsonStringToMessage(*data, message, options);
  if (!status.ok()) {
    return absl::DataLossError(absl::StrCat(path, ": ", status.ToString()));
  }
  return absl::OkStatus();
}

bool HasWorker(v1::VmState state) {
  return state == v1::VM_STATE_STARTING || state == v1::VM_STATE_RUNNING ||
         state == v1::VM_STATE_PAUSED || state == v1::VM_STATE_STOPPING;
}

}  // namespace

bool LooksLikeVmId(std::string_view s) {
  if (s.size() != 12) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

absl::Status ValidateVmName(std::string_view name) {
  if (name.empty()) return absl::InvalidArgumentError("spec.name: required");
  if (name.size() > kMaxNameLength) {
    return absl::InvalidArgumentError(
        absl::StrCat("spec.name: longer than ", kMaxNameLength, " characters"));
  }
  if (name[0] == '-' || name[0] == '_' || name[0] == '.') {
    return absl::InvalidArgumentError(
        absl::StrCat("spec.name \"", Sv(name), "\": must start with [a-z0-9]"));
  }
  for (char c : name) {
    if (!IsNameChar(c)) {
      return absl::InvalidArgumentError(
          absl::StrCat("spec.name \"", Sv(name), "\": only [a-z0-9._-] allowed"));
    }
  }
  if (LooksLikeVmId(name)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "spec.name \"", Sv(name), "\": 12 hex digits is the form of a VM id"));
  }
  return absl::OkStatus();
}

Registry::Registry(std::string state_dir)
    : state_dir_(std::move(state_dir)), vms_dir_(state_dir_ + "/vms") {}

absl::StatusOr<std::unique_ptr<Registry>> Registry::Open(std::string state_dir) {
  std::unique_ptr<Registry> registry(new Registry(std::move(state_dir)));
  absl::Status status = registry->Load();
  if (!status.ok()) return status;
  return registry;
}

std::string Registry::VmDir(std::string_view id) const {
  return absl::StrCat(vms_dir_, "/", Sv(id));
}

absl::StatusOr<Registry::Record> Registry::LoadVmDir(const std::string& id) const {
  Record record;
  std::string dir = VmDir(id);
  absl::Status status = FromJsonFile(dir + "/" + kSpecFile, &record.spec);
  if (!status.ok()) return status;
  status = FromJsonFile(dir + "/" + kStateFile, &record.state);
  if (!status.ok()) return status;
  if (record.state.id() != id) {
    return absl::DataLossError(absl::StrCat(dir, "/", kStateFile, ": id \"",
                                            record.state.id(), "\" does not match the folder"));
  }
  status = ValidateVmName(record.spec.name());
  if (!status.ok()) return absl::DataLossError(absl::StrCat(dir, ": ", status.message()));
  return record;
}

absl::Status Registry::Load() {
  std::error_code ec;
  fs::create_directories(vms_dir_, ec);
  if (ec) return ErrnoStatus(ec.value(), "create state directory", vms_dir_);

  // List first (with the non-throwing iterator calls), act afterwards.
  std::vector<fs::directory_entry> entries;
  fs::directory_iterator it(vms_dir_, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entries.push_back(*it);
  if (ec) return ErrnoStatus(ec.value(), "list", vms_dir_);

  std::vector<std::string> ids;
  for (const fs::directory_entry& entry : entries) {
    std::string name = entry.path().filename().string();
    if (name.starts_with(kCreatingPrefix) || name.starts_with(kDeletingPrefix)) {
      // Interrupted create or delete: neither counts as a VM.
      Log()->info("removing leftover {}", entry.path().string());
      std::error_code rm_ec;
      fs::remove_all(entry.path(), rm_ec);
      continue;
    }
    std::error_code type_ec;  // one odd entry must not fail the listing
    if (!entry.is_directory(type_ec)) continue;
    if (!LooksLikeVmId(name)) {
      Log()->warn("{}: not a VM directory (name is not an id), skipped", entry.path().string());
      continue;
    }
    ids.push_back(std::move(name));
  }
  std::sort(ids.begin(), ids.end());

  absl::MutexLock lock(&mu_);
  for (const std::string& id : ids) {
    absl::StatusOr<Record> record = LoadVmDir(id);
    if (!record.ok()) {
      Log()->warn("VM {} skipped: {}", id, record.status().ToString());
      continue;
    }
    const std::string& name = record->spec.name();
    if (auto it = by_name_.find(name); it != by_name_.end()) {
      Log()->warn("VM {} skipped: name \"{}\" already used by VM {}", id, name, it->second);
      continue;
    }
    by_name_.emplace(name, id);
    vms_.emplace(id, std::move(record).value());
  }
  Log()->info("loaded {} VM(s) from {}", vms_.size(), vms_dir_);
  return absl::OkStatus();
}

std::string Registry::NewIdLocked() const {
  std::random_device rd;
  for (;;) {
    uint64_t bits = (uint64_t{rd()} << 32) ^ rd();
    std::string id = absl::StrCat(absl::Hex(bits & 0xffffffffffffULL, absl::kZeroPad12));
    if (!vms_.contains(id)) return id;
  }
}

v1::Vm Registry::ToVm(const Record& record) {
  const VmStateFile& s = record.state;
  v1::Vm vm;
  vm.set_id(s.id());
  vm.set_name(record.spec.name());
  *vm.mutable_spec() = record.spec;
  vm.set_state(s.state());
  if (s.has_created_time()) *vm.mutable_created_time() = s.created_time();
  if (s.has_started_time()) *vm.mutable_started_time() = s.started_time();
  if (s.has_stopped_time()) *vm.mutable_stopped_time() = s.stopped_time();
  if (s.has_last_stop()) *vm.mutable_last_stop() = s.last_stop();
  vm.set_worker_pid(s.worker_pid());
  if (HasWorker(s.state()) && s.has_started_time()) {
    auto uptime = TimeUtil::GetCurrentTime() - s.started_time();
    if (uptime.seconds() < 0) uptime = google::protobuf::Duration();
    *vm.mutable_uptime() = uptime;
  }
  vm.set_reset_count(s.reset_count());
  vm.set_event_sequence(s.event_sequence());
  return vm;
}

absl::StatusOr<std::string> Registry::ResolveLocked(std::string_view id_or_name) const {
  std::string key(id_or_name);
  if (vms_.contains(key)) return key;
  if (auto it = by_name_.find(key); it != by_name_.end()) return it->second;
  return absl::NotFoundError(absl::StrCat("vm \"", Sv(id_or_name), "\": no such VM"));
}

absl::StatusOr<Registry::CreateResult> Registry::Create(const v1::VmSpec& spec,
                                                        std::string_view request_id) {
  absl::Status status = ValidateVmName(spec.name());
  if (!status.ok()) return status;
  if (request_id.size() > kMaxRequestIdLength) {
    return absl::InvalidArgumentError(
        absl::StrCat("request_id: longer than ", kMaxRequestIdLength, " bytes"));
  }

  absl::MutexLock lock(&mu_);
  if (!request_id.empty()) {
    for (const auto& [id, record] : vms_) {
      if (record.state.request_id() != request_id) continue;
      if (google::protobuf::util::MessageDifferencer::Equals(record.spec, spec)) {
        return CreateResult{ToVm(record), false};
      }
      return absl::AlreadyExistsError(absl::StrCat(
          "request_id \"", Sv(request_id), "\": already used to create VM ", id,
          " with a different spec"));
    }
  }
  if (auto it = by_name_.find(spec.name()); it != by_name_.end()) {
    return absl::AlreadyExistsError(
        absl::StrCat("spec.name \"", spec.name(), "\": taken by VM ", it->second));
  }

  Record record;
  record.spec = spec;
  std::string id = NewIdLocked();
  record.state.set_id(id);
  record.state.set_state(v1::VM_STATE_CREATED);
  *record.state.mutable_created_time() = TimeUtil::GetCurrentTime();
  record.state.set_request_id(std::string(request_id));

  // Build the folder under a temporary name and rename it into place, so a
  // crash never leaves a half-written VM that would load as corrupt.
  std::string tmp_dir = absl::StrCat(vms_dir_, "/", Sv(kCreatingPrefix), id);
  if (::mkdir(tmp_dir.c_str(), 0700) != 0) return ErrnoStatus(errno, "mkdir", tmp_dir);
  auto fail = [&](absl::Status s) {
    std::error_code ec;
    fs::remove_all(tmp_dir, ec);
    return s;
  };
  absl::StatusOr<std::string> spec_json = ToJson(record.spec, "spec");
  if (!spec_json.ok()) return fail(spec_json.status());
  absl::StatusOr<std::string> state_json = ToJson(record.state, "state");
  if (!state_json.ok()) return fail(state_json.status());
  status = WriteFileAtomically(tmp_dir + "/" + kSpecFile, *spec_json, 0600);
  if (!status.ok()) return fail(status);
  status = WriteFileAtomically(tmp_dir + "/" + kStateFile, *state_json, 0600);
  if (!status.ok()) return fail(status);
  std::string dir = VmDir(id);
  if (::rename(tmp_dir.c_str(), dir.c_str()) != 0) {
    return fail(ErrnoStatus(errno, "rename to " + dir, tmp_dir));
  }
  status = FsyncDirectory(vms_dir_);
  if (!status.ok()) Log()->warn("VM {}: {}", id, status.ToString());

  by_name_.emplace(spec.name(), id);
  auto [it, inserted] = vms_.emplace(id, std::move(record));
  Log()->info("created VM {} ({})", id, spec.name());
  return CreateResult{ToVm(it->second), true};
}

absl::StatusOr<v1::Vm> Registry::Get(std::string_view id_or_name) const {
  absl::ReaderMutexLock lock(&mu_);
  absl::StatusOr<std::string> id = ResolveLocked(id_or_name);
  if (!id.ok()) return id.status();
  return ToVm(vms_.at(*id));
}

absl::StatusOr<VmStateFile> Registry::GetState(std::string_view id_or_name) const {
  absl::ReaderMutexLock lock(&mu_);
  absl::StatusOr<std::string> id = ResolveLocked(id_or_name);
  if (!id.ok()) return id.status();
  return vms_.at(*id).state;
}

std::vector<v1::Vm> Registry::List() const {
  absl::ReaderMutexLock lock(&mu_);
  std::vector<v1::Vm> out;
  out.reserve(vms_.size());
  for (const auto& [name, id] : by_name_) out.push_back(ToVm(vms_.at(id)));
  return out;
}

size_t Registry::size() const {
  absl::ReaderMutexLock lock(&mu_);
  return vms_.size();
}

absl::StatusOr<v1::Vm> Registry::Update(
    std::string_view id_or_name, const std::function<absl::Status(VmStateFile&)>& mutate) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<std::string> id = ResolveLocked(id_or_name);
  if (!id.ok()) return id.status();
  Record& record = vms_.at(*id);
  VmStateFile updated = record.state;
  absl::Status status = mutate(updated);
  if (!status.ok()) return status;
  if (updated.id() != *id) {
    return absl::InternalError(absl::StrCat("VM ", *id, ": update changed the id"));
  }
  absl::StatusOr<std::string> json = ToJson(updated, "state");
  if (!json.ok()) return json.status();
  status = WriteFileAtomically(VmDir(*id) + "/" + kStateFile, *json, 0600);
  if (!status.ok()) return status;
  record.state = std::move(updated);
  return ToVm(record);
}

absl::Status Registry::Delete(std::string_view id_or_name) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<std::string> id = ResolveLocked(id_or_name);
  if (!id.ok()) return id.status();
  // Rename first: after a crash the folder is either a whole VM or a leftover
  // that Load removes.
  std::string dir = VmDir(*id);
  std::string doomed = absl::StrCat(vms_dir_, "/", Sv(kDeletingPrefix), *id);
  if (::rename(dir.c_str(), doomed.c_str()) != 0) {
    return ErrnoStatus(errno, "rename to " + doomed, dir);
  }
  absl::Status status = FsyncDirectory(vms_dir_);
  if (!status.ok()) Log()->warn("VM {}: {}", *id, status.ToString());
  std::error_code ec;
  fs::remove_all(doomed, ec);
  if (ec) Log()->warn("VM {}: remove {}: {}", *id, doomed, ec.message());

  by_name_.erase(vms_.at(*id).spec.name());
  vms_.erase(*id);
  Log()->info("deleted VM {}", *id);
  return absl::OkStatus();
}

}  // namespace vmd::daemon
