// Many threads at once: vCPU threads that sleep until kicked and then
// acknowledge/EOI everything, device threads raising edge and level SPIs (some
// 1-of-N routed), a timer thread raising each vCPU's PPI 27, and vCPUs sending
// each other SGIs. Every raise waits until its previous one was handled, so
// exact counts prove that no interrupt was lost or delivered twice, and a vCPU
// that sleeps without a timeout proves the kicks arrive.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "tests/engine/gic/gic_guest.h"

namespace vmd {
namespace {

using namespace gic;  // NOLINT: register names in a test
using testing::GicGuest;

constexpr int kVcpus = 4;
constexpr int kRounds = 400;
constexpr uint32_t kTimerPpi = 27;

struct Source {
  uint32_t intid;
  bool edge;
  uint64_t route;
  std::atomic<int> raised{0};
  std::atomic<int> handled{0};
};

class Wakeup {
 public:
  void Notify() {
    absl::MutexLock lock(&mu_);
    flag_ = true;
  }
  // Sleeps until notified or `ready` holds; no timeout.
  template <typename Pred>
  void Wait(Pred ready) {
    absl::MutexLock lock(&mu_);
    auto cond = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return flag_ || ready(); };
    mu_.Await(absl::Condition(&cond));
    flag_ = false;
  }

 private:
  absl::Mutex mu_;
  bool flag_ ABSL_GUARDED_BY(mu_) = false;
};

TEST(GicStress, ConcurrentRaisersAndVcpusLoseNothingAndDeadlockNever) {
  Wakeup wake[kVcpus];
  GicGuest g(kVcpus, [&wake](int vcpu) { wake[vcpu].Notify(); });
  g.LinuxInit();
  for (int cpu = 0; cpu < kVcpus; ++cpu) g.Enable(cpu, kTimerPpi);

  // Two devices with six SPIs each: edge and level, targeted and 1-of-N.
  std::vector<std::unique_ptr<Source>> spis;
  for (uint32_t i = 0; i < 12; ++i) {
    auto s = std::make_unique<Source>();
    s->intid = 40 + i;
    s->edge = i % 2 == 0;
    s->route = i % 3 == 0 ? kIrouterIrm : i % kVcpus;
    if (s->edge) g.SetEdge(s->intid);
    g.RouteSpi(s->intid, s->route);
    g.SetPriority(0, s->intid, static_cast<uint8_t>(0x80 + 8 * (i % 4)));
    g.Enable(0, s->intid);
    spis.push_back(std::move(s));
  }
  Source timers[kVcpus];
  std::atomic<int> sgi_sent[kVcpus] = {};      // vCPU c sends SGI c to vCPU c+1
  std::atomic<int> sgi_received[kVcpus] = {};  // indexed by sender
  std::atomic<bool> stop{false};

  auto handle = [&](int cpu, uint32_t intid) {
    if (intid < 16) {
      sgi_received[intid].fetch_add(1);
      wake[intid].Notify();  // the sender may send its next one
      return;
    }
    if (intid == kTimerPpi) {
      g.gic().SetPpiLevel(cpu, kTimerPpi, false);  // as the vCPU loop masks the timer
      timers[cpu].handled.fetch_add(1);
      return;
    }
    Source& s = *spis[intid - 40];
    if (!s.edge) g.gic().SetSpiLevel(intid, false);  // the driver quiets its device
    s.handled.fetch_add(1);
  };

  std::vector<std::thread> threads;
  for (int cpu = 0; cpu < kVcpus; ++cpu) {
    threads.emplace_back([&, cpu] {
      int peer = (cpu + 1) % kVcpus;
      while (!stop.load()) {
        uint32_t intid;
        while ((intid = g.Ack1(cpu)) != kSpuriousIntid) {
          handle(cpu, intid);
          g.Eoi1(cpu, intid);
        }
        if (sgi_sent[cpu].load() < kRounds && sgi_received[cpu].load() == sgi_sent[cpu].load()) {
          sgi_sent[cpu].fetch_add(1);
          g.SetIcc(cpu, kIccSgi1r, uint64_t(cpu) << 24 | 1u << peer);
          continue;
        }
        wake[cpu].Wait([&] { return stop.load() || g.gic().IrqPending(cpu); });
      }
    });
  }
  auto raiser = [&](std::vector<Source*> sources, auto raise) {
    return std::thread([&stop, sources, raise] {
      bool done = false;
      while (!done && !stop.load()) {
        done = true;
        for (Source* s : sources) {
          int raised = s->raised.load();
          if (raised < kRounds) done = false;
          if (raised < kRounds && s->handled.load() == raised) {
            s->raised.fetch_add(1);
            raise(*s);
          }
        }
        std::this_thread::yield();
      }
    });
  };
  for (int dev = 0; dev < 2; ++dev) {
    std::vector<Source*> mine;
    for (int i = 0; i < 6; ++i) mine.push_back(spis[dev * 6 + i].get());
    threads.push_back(raiser(mine, [&g](Source& s) {
      g.gic().SetSpiLevel(s.intid, true);
      if (s.edge) g.gic().SetSpiLevel(s.intid, false);
    }));
  }
  std::vector<Source*> timer_sources;
  for (int cpu = 0; cpu < kVcpus; ++cpu) {
    timers[cpu].intid = static_cast<uint32_t>(cpu);  // the vCPU index, for the raiser
    timer_sources.push_back(&timers[cpu]);
  }
  threads.push_back(raiser(timer_sources, [&g](Source& s) {
    g.gic().SetPpiLevel(static_cast<int>(s.intid), kTimerPpi, true);
  }));

  auto all_done = [&] {
    for (auto& s : spis)
      if (s->handled.load() < kRounds) return false;
    for (auto& t : timers)
      if (t.handled.load() < kRounds) return false;
    for (auto& r : sgi_received)
      if (r.load() < kRounds) return false;
    return true;
  };
  // A liveness guard, not a speed assertion: a lost kick or interrupt hangs.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (!all_done() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  bool finished = all_done();
  stop.store(true);
  for (auto& w : wake) w.Notify();
  for (auto& t : threads) t.join();

  ASSERT_TRUE(finished) << "interrupts were lost or a vCPU was never kicked";
  for (auto& s : spis) {
    EXPECT_EQ(s->raised.load(), kRounds) << s->intid;
    EXPECT_EQ(s->handled.load(), kRounds) << s->intid;
  }
  for (int cpu = 0; cpu < kVcpus; ++cpu) {
    EXPECT_EQ(timers[cpu].handled.load(), kRounds) << cpu;
    EXPECT_EQ(sgi_received[cpu].load(), kRounds) << cpu;
    EXPECT_FALSE(g.gic().IrqPending(cpu));
    EXPECT_EQ(g.Icc(cpu, kIccRpr), 0xFFu);
    EXPECT_EQ(g.Sgi(cpu, kGicdIsactiver), 0u);
  }
  for (uint32_t reg = 1; reg < Gic::kNumIntids / 32; ++reg) {
    EXPECT_EQ(g.Gicd(kGicdIsactiver + 4 * reg), 0u);
    EXPECT_EQ(g.Gicd(kGicdIspendr + 4 * reg), 0u);
  }
}

}  // namespace
}  // namespace vmd
