#include "daemon/registry.h"

#include <atomic>
#include <filesystem>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "daemon/atomic_file.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "tests/daemon/test_dir.h"

namespace vmd::daemon {
namespace {

using google::protobuf::util::MessageDifferencer;

v1::VmSpec MakeSpec(const std::string& name) {
  v1::VmSpec spec;
  spec.set_name(name);
  spec.set_vcpus(2);
  spec.set_memory_bytes(512ull << 20);
  spec.mutable_boot()->mutable_linux()->set_kernel_path("/images/Image");
  spec.mutable_boot()->mutable_linux()->set_command_line("console=ttyAMA0");
  v1::Disk* disk = spec.add_disks();
  disk->set_path("/images/root.img");
  disk->set_serial("root");
  v1::PortForward* fwd = spec.mutable_network()->add_port_forwards();
  fwd->set_host_port(2222);
  fwd->set_guest_port(22);
  (*spec.mutable_labels())["team"] = "infra";
  spec.set_on_reboot(v1::ON_REBOOT_STOP);
  return spec;
}

std::unique_ptr<Registry> OpenOrDie(const std::string& dir) {
  auto registry = Registry::Open(dir);
  EXPECT_TRUE(registry.ok()) << registry.status();
  return registry.ok() ? std::move(registry).value() : nullptr;
}

TEST(VmNameTest, AcceptsTheDocumentedAlphabet) {
  EXPECT_TRUE(ValidateVmName("a").ok());
  EXPECT_TRUE(ValidateVmName("0").ok());
  EXPECT_TRUE(ValidateVmName("web-1.prod_x").ok());
  EXPECT_TRUE(ValidateVmName(std::string(63, 'z')).ok());
  // 12 characters but not all hex: not an id's form.
  EXPECT_TRUE(ValidateVmName("deadbeef012g").ok());
}

TEST(VmNameTest, RejectsOthersNamingTheField) {
  for (const std::string& bad :
       {std::string(), std::string("-a"), std::string(".a"), std::string("_a"), std::string("A"),
        std::string("a b"), std::string("a/b"), std::string(64, 'z'), std::string("deadbeef0123")}) {
    absl::Status status = ValidateVmName(bad);
    EXPECT_TRUE(absl::IsInvalidArgument(status)) << "\"" << bad << "\"";
    EXPECT_NE(status.message().find("spec.name"), absl::string_view::npos) << status;
  }
}

TEST(RegistryTest, CreateAssignsIdAndWritesSpecAndState) {
  TestDir dir;
  auto registry = OpenOrDie(dir.path());
  v1::VmSpec spec = MakeSpec("web");
  auto created = registry->Create(spec);
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_TRUE(created->created);
  const v1::Vm& vm = created->vm;
  EXPECT_TRUE(LooksLikeVmId(vm.id())) << vm.id();
  EXPECT_EQ(vm.name(), "web");
  EXPECT_EQ(vm.state(), v1::VM_STATE_CREATED);
  EXPECT_GT(vm.created_time().seconds(), 0);
  EXPECT_EQ(vm.worker_pid(), 0);
  EXPECT_FALSE(vm.has_uptime());
  EXPECT_TRUE(MessageDifferencer::Equals(vm.spec(), spec));

  // spec.json is the protobuf JSON of the spec.
  std::string vm_dir = dir / ("vms/" + vm.id());
  EXPECT_EQ(registry->VmDir(vm.id()), vm_dir);
  auto json = ReadFileToString(vm_dir + "/spec.json");
  ASSERT_TRUE(json.ok()) << json.status();
  v1::VmSpec on_disk;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(*json, &on_disk).ok());
  EXPECT_TRUE(MessageDifferencer::Equals(on_disk, spec));
  EXPECT_TRUE(std::filesystem::exists(vm_dir + "/state.json"));
}

TEST(RegistryTest, GetByIdOrNameAndNotFound) {
  TestDir dir;
  auto registry = OpenOrDie(dir.path());
  auto created = registry->Create(MakeSpec("db"));
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(registry->Get(created->vm.id())->name(), "db");
  EXPECT_EQ(registry->Get("db")->id(), created->vm.id());
  auto missing = registry->Get("nope");
  EXPECT_TRUE(absl::IsNotFound(missing.status()));
  EXPECT_NE(missing.status().message().find("nope"), absl::string_view::npos);
}

TEST(RegistryTest, DuplicateNameIsAlreadyExists) {
  TestDir dir;
  auto registry = OpenOrDie(dir.path());
  ASSERT_TRUE(registry->Create(MakeSpec("web")).ok());
  auto again = registry->Create(MakeSpec("web"));
  EXPECT_TRUE(absl::IsAlreadyExists(again.status())) << again.status();
  EXPECT_EQ(registry->size(), 1u);
}

TEST(RegistryTest, InvalidNameIsRejectedAndNothingWritten) {
  TestDir dir;
  auto registry = OpenOrDie(dir.path());
  EXPECT_TRUE(absl::IsInvalidArgument(registry->Create(MakeSpec("Bad Name")).status()));
  EXPECT_TRUE(std::filesystem::is_empty(dir / "vms"));
}

TEST(RegistryTest, RequestIdMakesCreateIdempotent) {
  TestDir dir;
  auto registry = OpenOrDie(dir.path());
  auto first = registry->Create(MakeSpec("web"), "req-1");
  ASSERT_TRUE(first.ok());
  auto retry = registry->Create(MakeSpec("web"), "req-1");
  ASSERT_TRUE(retry.ok()) << retry.status();
  EXPECT_FALSE(retry->created);
  EXPECT_EQ(retry->vm.id(), first->vm.id());
  EXPECT_EQ(registry->size(), 1u);

  v1::VmSpec other = MakeSpec("web");
  other.set_vcpus(4);
  EXPECT_TRUE(absl::IsAlreadyExists(registry->Create(other, "req-1").status()));
  EXPECT_TRUE(absl::IsInvalidArgument(registry->Create(MakeSpec("x"), std::string(65, 'r')).status()));
}

TEST(RegistryTest, RequestIdSurvivesRestart) {
  TestDir dir;
  std::string id;
  {
    auto registry = OpenOrDie(dir.path());
    id = registry->Create(MakeSpec("web"), "req-9")->vm.id();
  }
  auto registry = OpenOrDie(dir.path());
  auto retry = registry->Create(MakeSpec("web"), "req-9");
  ASSERT_TRUE(retry.ok());
  EXPECT_FALSE(retry->created);
  EXPECT_EQ(retry->vm.id(), id);
}

TEST(RegistryTest, ListIsOrderedByName) {
  TestDir dir;
  auto registry = OpenOrDie(dir.path());
  for (const char* name : {"m", "a", "z", "b"}) ASSERT_TRUE(registry->Create(MakeSpec(name)).ok());
  std::vector<std::string> names;
  for (const v1::Vm& vm : registry->List()) names.push_back(vm.name());
  EXPECT_EQ(names, (std::vector<std::string>{"a", "b", "m", "z"}));
}

TEST(RegistryTest, UpdatePersistsAndFailedMutationChangesNothing) {
  TestDir dir;
  auto registry = OpenOrDie(dir.path());
  std::string id = registry->Create(MakeSpec("web"))->vm.id();
  auto updated = registry->Update("web", [](VmStateFile& s) {
    s.set_state(v1::VM_STATE_RUNNING);
    s.set_worker_pid(4242);
    s.mutable_started_time()->set_seconds(1);
    return absl::OkStatus();
  });
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->state(), v1::VM_STATE_RUNNING);
  EXPECT_EQ(updated->worker_pid(), 4242);
  // Started long ago, still running: uptime is reported.
  EXPECT_GT(updated->uptime().seconds(), 0);

  auto failed = registry->Update(id, [](VmStateFile& s) {
    s.set_state(v1::VM_STATE_STOPPED);
    return absl::FailedPreconditionError("no");
  });
  EXPECT_TRUE(absl::IsFailedPrecondition(failed.status()));
  EXPECT_EQ(registry->Get(id)->state(), v1::VM_STATE_RUNNING);

  auto id_change = registry->Update(id, [](VmStateFile& s) {
    s.set_id("000000000000");
    return absl::OkStatus();
  });
  EXPECT_FALSE(id_change.ok());
  EXPECT_TRUE(registry->Get(id).ok());

  auto reopened = OpenOrDie(dir.path());
  auto state = reopened->GetState(id);
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->state(), v1::VM_STATE_RUNNING);
  EXPECT_EQ(state->worker_pid(), 4242);
}

TEST(RegistryTest, ReopenLoadsEverythingBack) {
  TestDir dir;
  std::vector<v1::Vm> before;
  {
    auto registry = OpenOrDie(dir.path());
    for (const char* name : {"one", "two", "three"}) ASSERT_TRUE(registry->Create(MakeSpec(name)).ok());
    ASSERT_TRUE(registry
                    ->Update("two",
                             [](VmStateFile& s) {
                               s.set_state(v1::VM_STATE_STOPPED);
                               s.mutable_last_stop()->set_reason(v1::STOP_REASON_GUEST_POWER_OFF);
                               s.mutable_last_stop()->set_detail("SYSTEM_OFF");
                               return absl::OkStatus();
                             })
                    .ok());
    before = registry->List();
  }
  auto registry = OpenOrDie(dir.path());
  std::vector<v1::Vm> after = registry->List();
  ASSERT_EQ(after.size(), before.size());
  for (size_t i = 0; i < after.size(); ++i) {
    EXPECT_TRUE(MessageDifferencer::Equals(after[i], before[i]))
        << after[i].DebugString() << " vs " << before[i].DebugString();
  }
  EXPECT_EQ(registry->Get("two")->last_stop().reason(), v1::STOP_REASON_GUEST_POWER_OFF);
}

TEST(RegistryTest, CorruptVmDirectoryIsSkippedOthersLoad) {
  TestDir dir;
  std::string good_id, corrupt_id, mismatched_id;
  {
    auto registry = OpenOrDie(dir.path());
    good_id = registry->Create(MakeSpec("good"))->vm.id();
    corrupt_id = registry->Create(MakeSpec("corrupt"))->vm.id();
    mismatched_id = registry->Create(MakeSpec("mismatched"))->vm.id();
  }
  ASSERT_TRUE(WriteFileAtomically(dir / ("vms/" + corrupt_id + "/spec.json"), "{\"name\": ").ok());
  ASSERT_TRUE(WriteFileAtomically(dir / ("vms/" + mismatched_id + "/state.json"),
                                  "{\"id\": \"aaaaaaaaaaaa\"}")
                  .ok());
  std::filesystem::create_directory(dir / "vms/not-an-id");
  std::filesystem::create_directory(dir / "vms/.creating-123456789abc");

  auto registry = OpenOrDie(dir.path());
  ASSERT_EQ(registry->size(), 1u);
  EXPECT_TRUE(registry->Get(good_id).ok());
  EXPECT_TRUE(absl::IsNotFound(registry->Get(corrupt_id).status()));
  // The corrupt folder is left for an operator; the interrupted create is gone.
  EXPECT_TRUE(std::filesystem::exists(dir / ("vms/" + corrupt_id)));
  EXPECT_FALSE(std::filesystem::exists(dir / "vms/.creating-123456789abc"));
}

TEST(RegistryTest, DeleteRemovesFolderAndFreesName) {
  TestDir dir;
  auto registry = OpenOrDie(dir.path());
  std::string id = registry->Create(MakeSpec("web"))->vm.id();
  ASSERT_TRUE(registry->Delete("web").ok());
  EXPECT_TRUE(absl::IsNotFound(registry->Get(id).status()));
  EXPECT_FALSE(std::filesystem::exists(registry->VmDir(id)));
  EXPECT_TRUE(absl::IsNotFound(registry->Delete(id)));
  EXPECT_TRUE(registry->Create(MakeSpec("web")).ok());
  auto reopened = OpenOrDie(dir.path());
  EXPECT_EQ(reopened->size(), 1u);
}

TEST(RegistryTest, ConcurrentCreatesGetDistinctIdsAndOneWinnerPerName) {
  TestDir dir;
  auto registry = OpenOrDie(dir.path());
  constexpr int kThreads = 4;
  std::atomic<int> same_name_wins{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        ASSERT_TRUE(registry->Create(MakeSpec("vm-" + std::to_string(t) + "-" + std::to_string(i))).ok());
      }
      if (registry->Create(MakeSpec("contested")).ok()) ++same_name_wins;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(same_name_wins.load(), 1);
  std::set<std::string> ids;
  for (const v1::Vm& vm : registry->List()) ids.insert(vm.id());
  EXPECT_EQ(ids.size(), static_cast<size_t>(kThreads * 10 + 1));
}

}  // namespace
}  // namespace vmd::daemon
