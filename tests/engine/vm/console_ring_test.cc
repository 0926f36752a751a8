#include "engine/vm/console_ring.h"

#include <string>
#include <thread>

#include "gtest/gtest.h"

namespace vmd {
namespace {

void Append(ConsoleRing& ring, const std::string& s) {
  ring.Append(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

std::string ReadAll(const ConsoleRing& ring, uint64_t from, uint64_t* next = nullptr) {
  std::string out;
  uint64_t n = ring.ReadFrom(from, 1 << 20, &out);
  if (next) *next = n;
  return out;
}

TEST(ConsoleRing, KeepsEverythingBelowCapacity) {
  ConsoleRing ring(16);
  Append(ring, "hello ");
  Append(ring, "world");
  EXPECT_EQ(ring.begin(), 0u);
  EXPECT_EQ(ring.end(), 11u);
  EXPECT_EQ(ReadAll(ring, 0), "hello world");
  EXPECT_EQ(ReadAll(ring, 6), "world");
}

TEST(ConsoleRing, DropsOldestAndWrapsAround) {
  ConsoleRing ring(8);
  Append(ring, "abcdef");
  Append(ring, "ghij");  // wraps: ring holds "cdefghij"
  EXPECT_EQ(ring.begin(), 2u);
  EXPECT_EQ(ring.end(), 10u);
  EXPECT_EQ(ReadAll(ring, 0), "cdefghij");  // a reader that fell behind skips ahead
  EXPECT_EQ(ReadAll(ring, 7), "hij");
}

TEST(ConsoleRing, AppendLargerThanCapacityKeepsTheTail) {
  ConsoleRing ring(4);
  Append(ring, "0123456789");
  EXPECT_EQ(ring.end(), 10u);
  EXPECT_EQ(ReadAll(ring, 0), "6789");
}

TEST(ConsoleRing, HistoryStartIsBoundedByWhatIsKept) {
  ConsoleRing ring(8);
  Append(ring, "0123456789");
  EXPECT_EQ(ring.HistoryStart(3), 7u);
  EXPECT_EQ(ring.HistoryStart(100), 2u);
  EXPECT_EQ(ring.HistoryStart(0), 10u);
}

TEST(ConsoleRing, ReadRespectsMaxAndReturnsNextOffset) {
  ConsoleRing ring(16);
  Append(ring, "abcdef");
  std::string out;
  EXPECT_EQ(ring.ReadFrom(1, 3, &out), 4u);
  EXPECT_EQ(out, "bcd");
  EXPECT_EQ(ring.ReadFrom(99, 3, &out), 6u);  // beyond the end clamps to the end
}

TEST(ConsoleRing, WaiterWakesOnAppendAndOnClose) {
  ConsoleRing ring(16);
  EXPECT_FALSE(ring.WaitForData(0, absl::Milliseconds(1)));
  std::thread writer([&] { Append(ring, "x"); });
  EXPECT_TRUE(ring.WaitForData(0, absl::Seconds(30)));
  writer.join();
  std::thread closer([&] { ring.Close(); });
  EXPECT_FALSE(ring.WaitForData(1, absl::Seconds(30)));
  closer.join();
  EXPECT_TRUE(ring.closed());
}

}  // namespace
}  // namespace vmd
