#include "daemon/event_journal.h"

#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "daemon/atomic_file.h"
#include "gtest/gtest.h"
#include "tests/daemon/test_dir.h"

namespace vmd::daemon {
namespace {

JournalOptions FastOptions() {
  JournalOptions options;
  options.sync_each_append = false;
  return options;
}

v1::Event MakeEvent(const std::string& vm_id, v1::EventType type) {
  v1::Event event;
  event.set_vm_id(vm_id);
  event.set_vm_name("vm-" + vm_id);
  event.set_type(type);
  // A fixed time keeps every line the same length (byte-retention tests).
  event.mutable_time()->set_seconds(1700000000);
  return event;
}

std::unique_ptr<EventJournal> OpenOrDie(const std::string& path, JournalOptions options) {
  auto journal = EventJournal::Open(path, options);
  EXPECT_TRUE(journal.ok()) << journal.status();
  return journal.ok() ? std::move(journal).value() : nullptr;
}

size_t CountLines(const std::string& path) {
  std::string data = ReadFileToString(path).value();
  size_t lines = 0;
  for (char c : data) lines += (c == '\n');
  return lines;
}

void AppendRaw(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::app | std::ios::binary);
  out << bytes;
}

TEST(EventJournalTest, SequencesStartAtOneAndGrowByOne) {
  TestDir dir;
  auto journal = OpenOrDie(dir / "events.log", FastOptions());
  for (uint64_t i = 1; i <= 3; ++i) {
    auto stored = journal->Append(MakeEvent("a", v1::EVENT_TYPE_CREATED));
    ASSERT_TRUE(stored.ok()) << stored.status();
    EXPECT_EQ(stored->sequence(), i);
  }
  auto all = journal->Since(0);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].sequence(), 1u);
  EXPECT_EQ((*all)[2].sequence(), 3u);
  EXPECT_EQ(journal->last_sequence(), 3u);
  EXPECT_EQ(journal->oldest_sequence(), 1u);
}

TEST(EventJournalTest, AppendFillsInTimeWhenUnset) {
  TestDir dir;
  auto journal = OpenOrDie(dir / "events.log", FastOptions());
  v1::Event event;
  event.set_vm_id("a");
  auto stored = journal->Append(event);
  ASSERT_TRUE(stored.ok());
  EXPECT_GT(stored->time().seconds(), 0);
}

TEST(EventJournalTest, SinceReturnsOnlyLaterEvents) {
  TestDir dir;
  auto journal = OpenOrDie(dir / "events.log", FastOptions());
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(journal->Append(MakeEvent("a", v1::EVENT_TYPE_RUNNING)).ok());
  auto later = journal->Since(3);
  ASSERT_TRUE(later.ok());
  ASSERT_EQ(later->size(), 2u);
  EXPECT_EQ((*later)[0].sequence(), 4u);
  EXPECT_EQ((*later)[1].sequence(), 5u);
  auto none = journal->Since(5);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST(EventJournalTest, SinceBeyondLastIsInvalidArgument) {
  TestDir dir;
  auto journal = OpenOrDie(dir / "events.log", FastOptions());
  ASSERT_TRUE(journal->Append(MakeEvent("a", v1::EVENT_TYPE_CREATED)).ok());
  EXPECT_TRUE(absl::IsInvalidArgument(journal->Since(2).status()));
}

TEST(EventJournalTest, ReopenRecoversEventsAndContinuesSequence) {
  TestDir dir;
  std::string path = dir / "events.log";
  {
    JournalOptions options = FastOptions();
    options.sync_each_append = true;
    auto journal = OpenOrDie(path, options);
    ASSERT_TRUE(journal->Append(MakeEvent("a", v1::EVENT_TYPE_CREATED)).ok());
    ASSERT_TRUE(journal->Append(MakeEvent("b", v1::EVENT_TYPE_STOPPED)).ok());
  }
  auto journal = OpenOrDie(path, FastOptions());
  EXPECT_EQ(journal->last_sequence(), 2u);
  auto all = journal->Since(0).value();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].vm_id(), "b");
  EXPECT_EQ(all[1].type(), v1::EVENT_TYPE_STOPPED);
  auto next = journal->Append(MakeEvent("c", v1::EVENT_TYPE_CREATED));
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->sequence(), 3u);
}

TEST(EventJournalTest, TornLastLineIsDroppedAndFileRepaired) {
  TestDir dir;
  std::string path = dir / "events.log";
  {
    auto journal = OpenOrDie(path, FastOptions());
    ASSERT_TRUE(journal->Append(MakeEvent("a", v1::EVENT_TYPE_CREATED)).ok());
    ASSERT_TRUE(journal->Append(MakeEvent("a", v1::EVENT_TYPE_STARTING)).ok());
  }
  // A crash in the middle of writing event 3: no newline at the end.
  AppendRaw(path, "{\"sequence\":\"3\",\"vmId\":\"a\",\"ty");
  {
    auto journal = OpenOrDie(path, FastOptions());
    EXPECT_EQ(journal->last_sequence(), 2u);
    auto next = journal->Append(MakeEvent("a", v1::EVENT_TYPE_RUNNING));
    ASSERT_TRUE(next.ok());
    EXPECT_EQ(next->sequence(), 3u);
  }
  // The new event 3 is on a clean line of its own.
  EXPECT_EQ(CountLines(path), 3u);
  auto journal = OpenOrDie(path, FastOptions());
  auto all = journal->Since(0).value();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[2].type(), v1::EVENT_TYPE_RUNNING);
}

TEST(EventJournalTest, CorruptLineInTheMiddleIsSkipped) {
  TestDir dir;
  std::string path = dir / "events.log";
  {
    auto journal = OpenOrDie(path, FastOptions());
    ASSERT_TRUE(journal->Append(MakeEvent("a", v1::EVENT_TYPE_CREATED)).ok());
  }
  AppendRaw(path, "not json at all\n");
  AppendRaw(path, "{\"sequence\":\"7\",\"vmId\":\"z\",\"type\":\"EVENT_TYPE_DELETED\"}\n");
  auto journal = OpenOrDie(path, FastOptions());
  auto all = journal->Since(0).value();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].sequence(), 7u);
  EXPECT_EQ(all[1].type(), v1::EVENT_TYPE_DELETED);
  EXPECT_EQ(journal->Append(MakeEvent("a", v1::EVENT_TYPE_RUNNING))->sequence(), 8u);
}

TEST(EventJournalTest, NonIncreasingSequenceOnDiskIsSkipped) {
  TestDir dir;
  std::string path = dir / "events.log";
  AppendRaw(path, "{\"sequence\":\"5\",\"vmId\":\"a\"}\n");
  AppendRaw(path, "{\"sequence\":\"4\",\"vmId\":\"b\"}\n");
  auto journal = OpenOrDie(path, FastOptions());
  // The journal starts at 5, so "everything" is OUT_OF_RANGE and "after 4" is not.
  EXPECT_TRUE(absl::IsOutOfRange(journal->Since(0).status()));
  auto all = journal->Since(4);
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].vm_id(), "a");
  EXPECT_EQ(journal->last_sequence(), 5u);
}

TEST(EventJournalTest, RetentionByCountKeepsNewestAndReportsOldest) {
  TestDir dir;
  JournalOptions options = FastOptions();
  options.max_events = 5;
  auto journal = OpenOrDie(dir / "events.log", options);
  for (int i = 0; i < 12; ++i) ASSERT_TRUE(journal->Append(MakeEvent("a", v1::EVENT_TYPE_RUNNING)).ok());
  EXPECT_EQ(journal->kept_events(), 5u);
  EXPECT_EQ(journal->oldest_sequence(), 8u);
  // Events after 7 are exactly what is kept.
  auto kept = journal->Since(7);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->size(), 5u);
  // Event 7 itself is gone.
  auto gone = journal->Since(6);
  ASSERT_TRUE(absl::IsOutOfRange(gone.status())) << gone.status();
  EXPECT_NE(gone.status().message().find("oldest kept sequence is 8"), absl::string_view::npos)
      << gone.status();
}

TEST(EventJournalTest, RetentionByBytes) {
  TestDir dir;
  std::string path = dir / "probe.log";
  size_t line_bytes;
  {
    auto probe = OpenOrDie(path, FastOptions());
    ASSERT_TRUE(probe->Append(MakeEvent("a", v1::EVENT_TYPE_RUNNING)).ok());
    line_bytes = probe->kept_bytes();
  }
  JournalOptions options = FastOptions();
  options.max_bytes = 3 * line_bytes + line_bytes / 2;  // room for three lines
  auto journal = OpenOrDie(dir / "events.log", options);
  for (int i = 0; i < 8; ++i) ASSERT_TRUE(journal->Append(MakeEvent("a", v1::EVENT_TYPE_RUNNING)).ok());
  EXPECT_EQ(journal->kept_events(), 3u);
  EXPECT_LE(journal->kept_bytes(), options.max_bytes);
  EXPECT_EQ(journal->oldest_sequence(), 6u);
}

TEST(EventJournalTest, NewestEventIsKeptEvenIfLargerThanByteBound) {
  TestDir dir;
  JournalOptions options = FastOptions();
  options.max_bytes = 1;
  auto journal = OpenOrDie(dir / "events.log", options);
  ASSERT_TRUE(journal->Append(MakeEvent("a", v1::EVENT_TYPE_RUNNING)).ok());
  ASSERT_TRUE(journal->Append(MakeEvent("a", v1::EVENT_TYPE_PAUSED)).ok());
  EXPECT_EQ(journal->kept_events(), 1u);
  EXPECT_EQ(journal->Since(1)->at(0).type(), v1::EVENT_TYPE_PAUSED);
}

TEST(EventJournalTest, CompactionBoundsTheFileAndSurvivesRestart) {
  TestDir dir;
  std::string path = dir / "events.log";
  JournalOptions options = FastOptions();
  options.max_events = 8;
  {
    auto journal = OpenOrDie(path, options);
    for (int i = 0; i < 100; ++i) {
      ASSERT_TRUE(journal->Append(MakeEvent("a", v1::EVENT_TYPE_RUNNING)).ok());
      ASSERT_LE(CountLines(path), 10u) << "after append " << i + 1;  // 1.25 x 8
    }
  }
  auto journal = OpenOrDie(path, options);
  EXPECT_EQ(journal->last_sequence(), 100u);
  EXPECT_EQ(journal->oldest_sequence(), 93u);
  EXPECT_EQ(journal->kept_events(), 8u);
  EXPECT_TRUE(absl::IsOutOfRange(journal->Since(50).status()));
  EXPECT_EQ(journal->Append(MakeEvent("a", v1::EVENT_TYPE_STOPPED))->sequence(), 101u);
}

TEST(EventJournalTest, SequenceGrowsAcrossRestartsWithTightRetention) {
  TestDir dir;
  std::string path = dir / "events.log";
  JournalOptions options = FastOptions();
  options.max_events = 1;
  for (uint64_t round = 1; round <= 3; ++round) {
    auto journal = OpenOrDie(path, options);
    auto stored = journal->Append(MakeEvent("a", v1::EVENT_TYPE_RUNNING));
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->sequence(), round);
  }
}

TEST(EventJournalTest, ReopenWithSmallerRetentionTrims) {
  TestDir dir;
  std::string path = dir / "events.log";
  {
    auto journal = OpenOrDie(path, FastOptions());
    for (int i = 0; i < 10; ++i) ASSERT_TRUE(journal->Append(MakeEvent("a", v1::EVENT_TYPE_RUNNING)).ok());
  }
  JournalOptions options = FastOptions();
  options.max_events = 4;
  auto journal = OpenOrDie(path, options);
  EXPECT_EQ(journal->kept_events(), 4u);
  EXPECT_EQ(journal->oldest_sequence(), 7u);
  EXPECT_EQ(CountLines(path), 4u);
}

TEST(EventJournalTest, SubscribersSeeEventsInOrderUntilUnsubscribed) {
  TestDir dir;
  auto journal = OpenOrDie(dir / "events.log", FastOptions());
  std::vector<uint64_t> seen;
  int id = journal->Subscribe([&seen](const v1::Event& e) { seen.push_back(e.sequence()); });
  ASSERT_TRUE(journal->Append(MakeEvent("a", v1::EVENT_TYPE_CREATED)).ok());
  ASSERT_TRUE(journal->Append(MakeEvent("a", v1::EVENT_TYPE_DELETED)).ok());
  journal->Unsubscribe(id);
  ASSERT_TRUE(journal->Append(MakeEvent("b", v1::EVENT_TYPE_CREATED)).ok());
  EXPECT_EQ(seen, (std::vector<uint64_t>{1, 2}));
}

TEST(EventJournalTest, WaitForEventsAfterWakesOnAppend) {
  TestDir dir;
  auto journal = OpenOrDie(dir / "events.log", FastOptions());
  ASSERT_TRUE(journal->Append(MakeEvent("a", v1::EVENT_TYPE_CREATED)).ok());
  // Already satisfied: returns at once.
  EXPECT_TRUE(journal->WaitForEventsAfter(0, absl::InfinitePast()));
  // Nothing after 1 and a deadline already passed.
  EXPECT_FALSE(journal->WaitForEventsAfter(1, absl::Now()));
  std::thread appender([&] { ASSERT_TRUE(journal->Append(MakeEvent("a", v1::EVENT_TYPE_STARTING)).ok()); });
  EXPECT_TRUE(journal->WaitForEventsAfter(1, absl::InfiniteFuture()));
  appender.join();
  EXPECT_EQ(journal->Since(1)->size(), 1u);
}

TEST(EventJournalTest, ShutdownReleasesWaiters) {
  TestDir dir;
  auto journal = OpenOrDie(dir / "events.log", FastOptions());
  std::thread stopper([&] { journal->Shutdown(); });
  EXPECT_FALSE(journal->WaitForEventsAfter(0, absl::InfiniteFuture()));
  stopper.join();
}

TEST(EventJournalTest, ConcurrentAppendsGetUniqueStrictlyOrderedSequences) {
  TestDir dir;
  std::string path = dir / "events.log";
  constexpr int kThreads = 4;
  constexpr int kPerThread = 250;
  JournalOptions options = FastOptions();
  options.max_events = 400;  // forces compactions while threads race
  std::vector<uint64_t> callback_order;
  {
    auto journal = OpenOrDie(path, options);
    journal->Subscribe([&](const v1::Event& e) { callback_order.push_back(e.sequence()); });
    std::vector<std::thread> threads;
    std::vector<std::vector<uint64_t>> got(kThreads);
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < kPerThread; ++i) {
          auto stored = journal->Append(MakeEvent("t" + std::to_string(t), v1::EVENT_TYPE_RUNNING));
          ASSERT_TRUE(stored.ok()) << stored.status();
          got[t].push_back(stored->sequence());
        }
      });
    }
    for (auto& thread : threads) thread.join();
    std::vector<bool> used(kThreads * kPerThread + 1, false);
    for (const auto& list : got) {
      for (size_t i = 0; i < list.size(); ++i) {
        ASSERT_GE(list[i], 1u);
        ASSERT_LE(list[i], static_cast<uint64_t>(kThreads * kPerThread));
        EXPECT_FALSE(used[list[i]]) << "sequence " << list[i] << " handed out twice";
        used[list[i]] = true;
        if (i > 0) {
          EXPECT_GT(list[i], list[i - 1]);
        }
      }
    }
  }
  ASSERT_EQ(callback_order.size(), static_cast<size_t>(kThreads * kPerThread));
  for (size_t i = 0; i < callback_order.size(); ++i) {
    EXPECT_EQ(callback_order[i], i + 1);
  }
  // What the file holds after reopening is a strictly increasing tail.
  auto journal = OpenOrDie(path, options);
  auto kept = journal->Since(journal->oldest_sequence() - 1).value();
  ASSERT_EQ(kept.size(), 400u);
  for (size_t i = 1; i < kept.size(); ++i) {
    EXPECT_EQ(kept[i].sequence(), kept[i - 1].sequence() + 1);
  }
  EXPECT_EQ(kept.back().sequence(), static_cast<uint64_t>(kThreads * kPerThread));
}

}  // namespace
}  // namespace vmd::daemon
