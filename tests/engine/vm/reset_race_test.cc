// Resets, pauses and resumes of a running VM from several host threads at
// once (vmctl reset / pause / resume arriving together, or a guest's
// SYSTEM_RESET meeting a host request). Every reset must rebuild the machine
// and run the guest again; none may stop the VM, and the pause state the VM
// reports must be the one its vCPUs are in. The guest is the idle_echo
// payload (a banner per boot, then an echo loop); its path comes from
// VMD_IDLE_ECHO_PAYLOAD.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "engine/vm/vm.h"
#include "gtest/gtest.h"

namespace vmd {
namespace {

constexpr char kBanner[] = "idle_echo: ready";

class Console {
 public:
  void Append(const uint8_t* data, size_t len) {
    absl::MutexLock lock(&mu_);
    text_.append(reinterpret_cast<const char*>(data), len);
  }
  int Banners() const {
    absl::MutexLock lock(&mu_);
    int n = 0;
    for (size_t at = text_.find(kBanner); at != std::string::npos; at = text_.find(kBanner, at + 1)) ++n;
    return n;
  }
  bool EndsWith(const std::string& s) const {
    absl::MutexLock lock(&mu_);
    return absl::EndsWith(text_, s);
  }
  // The guest's last output is a boot banner (the line ends in CR LF).
  bool EndsWithBanner() const { return EndsWith(std::string(kBanner) + "\r\n"); }
  std::string Tail() const {
    absl::MutexLock lock(&mu_);
    return text_.substr(text_.size() > 200 ? text_.size() - 200 : 0);
  }
  // Waits until `pred` holds, up to `timeout`.
  template <typename Pred>
  bool WaitFor(Pred pred, absl::Duration timeout) const {
    const absl::Time deadline = absl::Now() + timeout;
    while (absl::Now() < deadline) {
      if (pred()) return true;
      absl::SleepFor(absl::Milliseconds(5));
    }
    return pred();
  }

 private:
  mutable absl::Mutex mu_;
  std::string text_;
};

TEST(VmResetRace, ConcurrentResetsPausesAndResumesKeepTheVmRunning) {
  VmSpec spec;
  spec.cpus = 2;
  spec.memory_bytes = 64ull << 20;
  spec.kernel = VMD_IDLE_ECHO_PAYLOAD;
  spec.rng = false;
  Console console;
  absl::StatusOr<std::unique_ptr<Vm>> created =
      Vm::Create(spec, [&](const uint8_t* data, size_t len) { console.Append(data, len); });
  ASSERT_TRUE(created.ok()) << created.status();
  Vm& vm = **created;
  ASSERT_TRUE(vm.Start().ok());
  ASSERT_TRUE(console.WaitFor([&] { return console.Banners() >= 1; }, absl::Seconds(30)));

  std::atomic<bool> exited{false};
  VmExitInfo exit_info;
  std::thread waiter([&] {
    exit_info = vm.Wait();
    exited = true;
  });

  // Two threads reset; a third pauses and resumes in between.
  constexpr int kResetsPerThread = 40;
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&vm, t] {
      for (int i = 0; i < kResetsPerThread; ++i) {
        vm.RequestReset();
        absl::SleepFor(absl::Microseconds(200 * ((i + t) % 7)));
      }
    });
  }
  threads.emplace_back([&vm] {
    for (int i = 0; i < 30; ++i) {
      EXPECT_TRUE(vm.Pause().ok());
      absl::SleepFor(absl::Microseconds(300 * (i % 5)));
      EXPECT_TRUE(vm.Resume().ok());
    }
  });
  for (auto& th : threads) th.join();

  // The resets settle; the VM is running, not paused, and still up.
  EXPECT_TRUE(console.WaitFor([&] { return vm.reset_count() > 0 && console.EndsWithBanner(); },
                              absl::Seconds(30)))
      << vm.reset_count() << " resets; the console ends in: " << console.Tail();
  EXPECT_FALSE(exited.load()) << "the VM stopped: " << StopReasonName(exit_info.reason) << ": "
                              << exit_info.detail;
  EXPECT_FALSE(vm.paused());

  // The guest runs after the last reset: it echoes what it is sent. A reset
  // the storm requested may still be under way and clear the UART's FIFO, so
  // the probe is sent again until the echo comes.
  const std::string probe = "after-the-storm";
  const bool echoed = console.WaitFor(
      [&] {
        vm.SendConsoleInput(reinterpret_cast<const uint8_t*>(probe.data()), probe.size());
        return console.WaitFor([&] { return console.EndsWith(probe); }, absl::Seconds(1));
      },
      absl::Seconds(30));
  EXPECT_TRUE(echoed) << "no echo after " << vm.reset_count() << " resets; the console ends in: "
                      << console.Tail();

  // A pause now parks every vCPU, and the VM says so.
  EXPECT_TRUE(vm.Pause().ok());
  EXPECT_TRUE(vm.paused());
  const int banners = console.Banners();
  EXPECT_TRUE(vm.Resume().ok());

  // One more reset runs the guest once more.
  vm.RequestReset();
  EXPECT_TRUE(console.WaitFor([&] { return console.Banners() > banners; }, absl::Seconds(30)));

  vm.RequestStop(StopReason::kStopRequest, "test done");
  waiter.join();
  EXPECT_EQ(exit_info.reason, StopReason::kStopRequest) << exit_info.detail;
  EXPECT_EQ(exit_info.detail, "test done");
}

}  // namespace
}  // namespace vmd
