// PSCI 1.1 / SMCCC 1.1 calls as a guest makes them: every function, its
// argument checks, SMC32 argument truncation, and the CPU_ON race.
#include "engine/psci/psci.h"

#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "gtest/gtest.h"

namespace vmd {
namespace {

using namespace psci;  // NOLINT: function ids in a test

struct StartCall {
  int vcpu;
  uint64_t entry;
  uint64_t context_id;
};
struct ResetCall {
  bool reset2;
  uint32_t type;
  uint64_t cookie;
};

class FakeHost : public PsciHost {
 public:
  void StartVcpu(int vcpu, uint64_t entry, uint64_t context_id) override {
    absl::MutexLock lock(&mu_);
    starts.push_back({vcpu, entry, context_id});
  }
  void StopCurrentVcpu(int vcpu) override {
    absl::MutexLock lock(&mu_);
    stops.push_back(vcpu);
  }
  void SystemOff() override {
    absl::MutexLock lock(&mu_);
    ++system_offs;
  }
  void SystemReset(bool reset2, uint32_t type, uint64_t cookie) override {
    absl::MutexLock lock(&mu_);
    resets.push_back({reset2, type, cookie});
  }
  size_t num_starts() {
    absl::MutexLock lock(&mu_);
    return starts.size();
  }

  absl::Mutex mu_;
  std::vector<StartCall> starts;
  std::vector<int> stops;
  int system_offs = 0;
  std::vector<ResetCall> resets;
};

uint64_t U(int64_t code) { return static_cast<uint64_t>(code); }

class PsciTest : public ::testing::Test {
 protected:
  uint64_t Call(int vcpu, uint64_t x0, uint64_t x1 = 0, uint64_t x2 = 0, uint64_t x3 = 0) {
    return psci_.Call(vcpu, x0, x1, x2, x3);
  }
  FakeHost host_;
  Psci psci_{4, &host_};
};

TEST_F(PsciTest, VersionsAndMigrateInfo) {
  EXPECT_EQ(Call(0, kPsciVersion), 0x10001u);
  EXPECT_EQ(Call(0, kSmcccVersion), 0x10001u);
  EXPECT_EQ(Call(0, kMigrateInfoType), 2u);
  // The function id is W0: upper bits of x0 do not matter.
  EXPECT_EQ(Call(0, 0xFFFF'FFFF'0000'0000ull | kPsciVersion), 0x10001u);
}

TEST_F(PsciTest, BootVcpuStartsOnAndTheRestOff) {
  EXPECT_EQ(Call(0, kAffinityInfo, 0, 0), U(0));
  for (uint64_t mpidr = 1; mpidr < 4; ++mpidr) EXPECT_EQ(Call(0, kAffinityInfo, mpidr, 0), U(1));
  EXPECT_EQ(psci_.state(0), PowerState::kOn);
  EXPECT_EQ(psci_.state(3), PowerState::kOff);
}

TEST_F(PsciTest, CpuOnStartsTheTargetOnceAndReportsItsProgress) {
  EXPECT_EQ(Call(0, kCpuOn | kSmc64, 2, 0x4008'0000, 0xC0FFEE), U(kSuccess));
  ASSERT_EQ(host_.starts.size(), 1u);
  EXPECT_EQ(host_.starts[0].vcpu, 2);
  EXPECT_EQ(host_.starts[0].entry, 0x4008'0000u);
  EXPECT_EQ(host_.starts[0].context_id, 0xC0FFEEu);
  EXPECT_EQ(Call(0, kAffinityInfo | kSmc64, 2, 0), U(2));  // ON_PENDING
  EXPECT_EQ(Call(1, kCpuOn | kSmc64, 2, 0x4008'0000, 0), U(kOnPending));
  psci_.MarkOn(2);
  EXPECT_EQ(Call(0, kAffinityInfo | kSmc64, 2, 0), U(0));  // ON
  EXPECT_EQ(Call(0, kCpuOn | kSmc64, 2, 0x4008'0000, 0), U(kAlreadyOn));
  EXPECT_EQ(Call(0, kCpuOn | kSmc64, 0, 0x4008'0000, 0), U(kAlreadyOn));  // itself
  EXPECT_EQ(host_.starts.size(), 1u);
}

TEST_F(PsciTest, CpuOnRejectsMpidrsThatNameNoVcpuAndBadEntries) {
  const uint64_t bad[] = {4, 0xFF, 0x100 | 1, 0x1'0000, 0x1'0000'0000ull | 1};
  for (uint64_t mpidr : bad) {
    EXPECT_EQ(Call(0, kCpuOn | kSmc64, mpidr, 0x4000'0000, 0), U(kInvalidParameters)) << mpidr;
    EXPECT_EQ(Call(0, kAffinityInfo | kSmc64, mpidr, 0), U(kInvalidParameters)) << mpidr;
  }
  EXPECT_EQ(Call(0, kCpuOn | kSmc64, 1, 0x4000'0002, 0), U(kInvalidAddress));
  EXPECT_TRUE(host_.starts.empty());
  EXPECT_EQ(psci_.state(1), PowerState::kOff);
}

TEST_F(PsciTest, Smc32CallsSeeOnlyTheLowHalvesOfTheirArguments) {
  // SMC32 CPU_ON: the upper halves of x1..x3 are ignored.
  EXPECT_EQ(
      Call(0, kCpuOn, 0xABCD'0000'0000'0001ull, 0xFFFF'FFFF'4008'0000ull, 0x1234'5678'9ABC'DEF0ull),
      U(kSuccess));
  ASSERT_EQ(host_.starts.size(), 1u);
  EXPECT_EQ(host_.starts[0].vcpu, 1);
  EXPECT_EQ(host_.starts[0].entry, 0x4008'0000u);
  EXPECT_EQ(host_.starts[0].context_id, 0x9ABC'DEF0u);
  // SMC64 keeps them: the same MPIDR now has Aff3 set and names nobody.
  EXPECT_EQ(Call(0, kCpuOn | kSmc64, 0xAB'0000'0002ull, 0x4008'0000, 0), U(kInvalidParameters));
}

TEST_F(PsciTest, AffinityInfoAnswersOnlyForLevelZero) {
  EXPECT_EQ(Call(0, kAffinityInfo, 0, 1), U(kInvalidParameters));
  EXPECT_EQ(Call(0, kAffinityInfo, 0, 3), U(kInvalidParameters));
}

TEST_F(PsciTest, CpuOffStopsTheCallerAndItCanBeStartedAgain) {
  ASSERT_EQ(Call(0, kCpuOn, 3, 0x4000'0000, 0), U(kSuccess));
  psci_.MarkOn(3);
  Call(3, kCpuOff);
  EXPECT_EQ(host_.stops, std::vector<int>{3});
  EXPECT_EQ(Call(0, kAffinityInfo, 3, 0), U(1));
  EXPECT_EQ(Call(0, kCpuOn, 3, 0x4000'1000, 7), U(kSuccess));
  ASSERT_EQ(host_.starts.size(), 2u);
  EXPECT_EQ(host_.starts[1].entry, 0x4000'1000u);
}

TEST_F(PsciTest, CpuSuspendReturnsSuccess) {
  EXPECT_EQ(Call(1, kCpuSuspend, 0, 0x4000'0000, 0), U(kSuccess));
  EXPECT_EQ(Call(1, kCpuSuspend | kSmc64, 0x1'0000, 0x4000'0000, 0), U(kSuccess));
}

TEST_F(PsciTest, SystemOffAndResetsReachTheHost) {
  Call(0, kSystemOff);
  EXPECT_EQ(host_.system_offs, 1);
  Call(0, kSystemReset);
  ASSERT_EQ(host_.resets.size(), 1u);
  EXPECT_FALSE(host_.resets[0].reset2);
  Call(0, kSystemReset2 | kSmc64, 0, 0x1234'5678'9ABC'DEF0ull);  // SYSTEM_WARM_RESET
  ASSERT_EQ(host_.resets.size(), 2u);
  EXPECT_TRUE(host_.resets[1].reset2);
  EXPECT_EQ(host_.resets[1].type, 0u);
  EXPECT_EQ(host_.resets[1].cookie, 0x1234'5678'9ABC'DEF0ull);
  Call(0, kSystemReset2, 0x8000'0001, 0x1234'5678'9ABC'DEF0ull);  // vendor type, SMC32
  ASSERT_EQ(host_.resets.size(), 3u);
  EXPECT_EQ(host_.resets[2].type, 0x8000'0001u);
  EXPECT_EQ(host_.resets[2].cookie, 0x9ABC'DEF0u);
  // Architectural reset types other than 0 do not exist.
  EXPECT_EQ(Call(0, kSystemReset2, 1, 0), U(kInvalidParameters));
  EXPECT_EQ(host_.resets.size(), 3u);
}

TEST_F(PsciTest, FeaturesListsExactlyTheImplementedFunctions) {
  const uint32_t implemented[] = {kPsciVersion,
                                  kCpuSuspend,
                                  kCpuSuspend | kSmc64,
                                  kCpuOff,
                                  kCpuOn,
                                  kCpuOn | kSmc64,
                                  kAffinityInfo,
                                  kAffinityInfo | kSmc64,
                                  kMigrateInfoType,
                                  kSystemOff,
                                  kSystemReset,
                                  kPsciFeatures,
                                  kSystemReset2,
                                  kSystemReset2 | kSmc64,
                                  kSmcccVersion};
  for (uint32_t fid : implemented) EXPECT_EQ(Call(0, kPsciFeatures, fid), U(kSuccess)) << fid;
  const uint32_t absent[] = {kMigrate,
                             kMigrateInfoUpCpu,
                             0x8400'000B /* CPU_FREEZE */,
                             0x8400'000E /* SYSTEM_SUSPEND */,
                             0x1234'5678,
                             0xC400'0002};
  for (uint32_t fid : absent) EXPECT_EQ(Call(0, kPsciFeatures, fid), U(kNotSupported)) << fid;
}

TEST_F(PsciTest, ArchFeaturesReportsNoSpeculationWorkarounds) {
  EXPECT_EQ(Call(0, kSmcccArchFeatures, 0x8000'8000), U(kNotSupported));  // WORKAROUND_1
  EXPECT_EQ(Call(0, kSmcccArchFeatures, 0x8000'7FFF), U(kNotSupported));  // WORKAROUND_2
  EXPECT_EQ(Call(0, kSmcccArchFeatures, 0x8000'3FFF), U(kNotSupported));  // WORKAROUND_3
  EXPECT_EQ(Call(0, kSmcccArchFeatures, kSmcccVersion), U(kSuccess));
}

TEST_F(PsciTest, UnknownFunctionsAreNotSupported) {
  EXPECT_EQ(Call(0, 0x8400'00FF), 0xFFFF'FFFF'FFFF'FFFFull);
  EXPECT_EQ(Call(0, 0xC600'0000), 0xFFFF'FFFF'FFFF'FFFFull);  // a hypervisor service call
  EXPECT_EQ(Call(0, kMigrate, 1), U(kNotSupported));
}

TEST_F(PsciTest, ResetRestoresPowerOnStates) {
  ASSERT_EQ(Call(0, kCpuOn, 1, 0x4000'0000, 0), U(kSuccess));
  psci_.MarkOn(1);
  Call(0, kCpuOff);
  psci_.Reset();
  EXPECT_EQ(psci_.state(0), PowerState::kOn);
  EXPECT_EQ(psci_.state(1), PowerState::kOff);
}

TEST(PsciRace, ConcurrentCpuOnForOneTargetHasExactlyOneWinner) {
  constexpr int kThreads = 6;
  for (int iteration = 0; iteration < 200; ++iteration) {
    FakeHost host;
    Psci psci(8, &host);
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::vector<uint64_t> results(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        ready.fetch_add(1);
        while (!go.load()) std::this_thread::yield();
        results[t] = psci.Call(t % 4, kCpuOn | kSmc64, 5, 0x4008'0000, t);
        // The winner's vCPU may come up while the others still race.
        if (results[t] == 0 && t % 2 == 0) psci.MarkOn(5);
      });
    }
    while (ready.load() != kThreads) std::this_thread::yield();
    go.store(true);
    for (auto& th : threads) th.join();
    int successes = 0;
    for (uint64_t r : results) {
      if (r == U(kSuccess)) {
        ++successes;
      } else {
        EXPECT_TRUE(r == U(kAlreadyOn) || r == U(kOnPending)) << static_cast<int64_t>(r);
      }
    }
    ASSERT_EQ(successes, 1) << "iteration " << iteration;
    ASSERT_EQ(host.num_starts(), 1u);
    EXPECT_EQ(host.starts[0].vcpu, 5);
  }
}

}  // namespace
}  // namespace vmd
