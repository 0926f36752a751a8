// RefRunner: the qemu-aarch64 side of a differential run; see runners.h.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "tests/difftest/runners.h"

extern char** environ;

namespace vmd::difftest {

namespace {
absl::Status Errno(const std::string& what) {
  return absl::InternalError(absl::StrCat(what, ": ", std::strerror(errno)));
}
}  // namespace

absl::Status RefRunner::Start(const std::vector<DtCase>& cases) {
  in_path_ = work_dir_ + "/cases.bin";
  out_path_ = work_dir_ + "/results.bin";
  FILE* f = std::fopen(in_path_.c_str(), "wb");
  if (f == nullptr) return Errno("difftest: open " + in_path_);
  size_t written = cases.empty() ? 0 : std::fwrite(cases.data(), sizeof(DtCase), cases.size(), f);
  if (std::fclose(f) != 0 || written != cases.size()) return Errno("difftest: write " + in_path_);
  expected_ = cases.size();

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in_path_.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  std::string qemu = qemu_, ref = ref_;
  char* argv[] = {qemu.data(), ref.data(), nullptr};
  int rc = posix_spawn(&pid_, qemu_.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    errno = rc;
    return Errno("difftest: spawn " + qemu_);
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<DtResult>> RefRunner::Wait() {
  int status = 0;
  if (waitpid(pid_, &status, 0) < 0) return Errno("difftest: waitpid " + qemu_);
  pid_ = -1;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return absl::InternalError(absl::StrCat("difftest: reference ", ref_, " under ", qemu_,
                                            " failed (wait status ", status, ")"));
  }
  std::vector<DtResult> results(expected_);
  FILE* f = std::fopen(out_path_.c_str(), "rb");
  if (f == nullptr) return Errno("difftest: open " + out_path_);
  size_t got = expected_ == 0 ? 0 : std::fread(results.data(), sizeof(DtResult), expected_, f);
  std::fclose(f);
  if (got != expected_) {
    return absl::InternalError(absl::StrCat("difftest: reference wrote ", got, " results for ",
                                            expected_, " cases"));
  }
  for (const DtResult& r : results) {
    if (r.magic != DT_RESULT_MAGIC) return absl::InternalError("difftest: bad result record");
  }
  return results;
}

}  // namespace vmd::difftest
