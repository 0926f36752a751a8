#include "engine/memory/guest_memory.h"

#include <cstdint>
#include <limits>
#include <vector>

#include "gtest/gtest.h"

namespace vmd {
namespace {

constexpr uint64_t kBase = 0x4000'0000;
constexpr uint64_t kSize = 1 << 20;

std::unique_ptr<GuestMemory> Make() {
  auto mem = GuestMemory::Create(kBase, kSize);
  EXPECT_TRUE(mem.ok()) << mem.status();
  return std::move(mem).value();
}

TEST(GuestMemoryTest, CreateRejectsBadSizesAndBases) {
  EXPECT_EQ(GuestMemory::Create(kBase, 0).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(GuestMemory::Create(kBase, 4096).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(GuestMemory::Create(kBase + 4096, kSize).status().code(),
            absl::StatusCode::kInvalidArgument);
  // Beyond the 36-bit IPA space, and a range that would wrap.
  EXPECT_FALSE(GuestMemory::Create(uint64_t{1} << 36, GuestMemory::kPageSize).ok());
  EXPECT_FALSE(GuestMemory::Create(~uint64_t{0} - 0x3fff, GuestMemory::kPageSize).ok());
  EXPECT_FALSE(GuestMemory::Create(0, uint64_t{1} << 40).ok());
}

TEST(GuestMemoryTest, HostMappingIs16KiBAlignedAndZeroed) {
  auto mem = Make();
  EXPECT_EQ(reinterpret_cast<uintptr_t>(mem->host_base()) % GuestMemory::kPageSize, 0u);
  EXPECT_EQ(mem->base(), kBase);
  EXPECT_EQ(mem->size(), kSize);
  EXPECT_EQ(mem->host_base()[0], 0);
  EXPECT_EQ(mem->host_base()[kSize - 1], 0);
}

TEST(GuestMemoryTest, ContainsChecksBothEdges) {
  auto mem = Make();
  EXPECT_TRUE(mem->Contains(kBase, kSize));
  EXPECT_TRUE(mem->Contains(kBase + kSize - 1, 1));
  EXPECT_TRUE(mem->Contains(kBase + kSize, 0));
  EXPECT_FALSE(mem->Contains(kBase + kSize, 1));
  EXPECT_FALSE(mem->Contains(kBase - 1, 1));
  EXPECT_FALSE(mem->Contains(kBase - 1, 2));          // straddles the low edge
  EXPECT_FALSE(mem->Contains(kBase + kSize - 4, 8));  // straddles the high edge
  EXPECT_FALSE(mem->Contains(kBase, kSize + 1));
}

TEST(GuestMemoryTest, ContainsIsOverflowSafe) {
  auto mem = Make();
  constexpr uint64_t kMax = std::numeric_limits<uint64_t>::max();
  // ipa + len wraps to a small number inside RAM if computed naively.
  EXPECT_FALSE(mem->Contains(kBase + 16, kMax));
  EXPECT_FALSE(mem->Contains(kMax, 2));
  EXPECT_FALSE(mem->Contains(kMax - 3, kBase + 16));
  EXPECT_EQ(mem->HostPtr(kBase + 16, kMax), nullptr);
}

TEST(GuestMemoryTest, HostPtrMapsIpaToOffset) {
  auto mem = Make();
  EXPECT_EQ(mem->HostPtr(kBase + 0x1234, 4), mem->host_base() + 0x1234);
  EXPECT_EQ(mem->HostPtr(kBase + kSize - 3, 4), nullptr);
}

TEST(GuestMemoryTest, WriteThenReadRoundTrips) {
  auto mem = Make();
  const std::vector<uint8_t> data = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  ASSERT_TRUE(mem->Write(kBase + kSize - data.size(), data.data(), data.size()).ok());
  std::vector<uint8_t> back(data.size());
  ASSERT_TRUE(mem->Read(kBase + kSize - data.size(), back.data(), back.size()).ok());
  EXPECT_EQ(back, data);
  EXPECT_EQ(mem->host_base()[kSize - 1], 9);
}

TEST(GuestMemoryTest, OutOfRangeAccessesNameTheAddress) {
  auto mem = Make();
  uint8_t buf[8] = {};
  absl::Status s = mem->Read(kBase + kSize - 4, buf, 8);
  EXPECT_EQ(s.code(), absl::StatusCode::kOutOfRange);
  EXPECT_NE(s.message().find("0x400ffffc"), absl::string_view::npos) << s;
  s = mem->Write(0x1000, buf, 1);
  EXPECT_EQ(s.code(), absl::StatusCode::kOutOfRange);
  EXPECT_NE(s.message().find("0x1000"), absl::string_view::npos) << s;
}

TEST(GuestMemoryTest, DiscardZeroesPagesAndChecksAlignment) {
  auto mem = Make();
  const uint64_t page = GuestMemory::kPageSize;
  std::vector<uint8_t> ones(2 * page, 0xff);
  ASSERT_TRUE(mem->Write(kBase, ones.data(), ones.size()).ok());
  ASSERT_TRUE(mem->Discard(kBase, page).ok());
  EXPECT_EQ(mem->host_base()[0], 0);
  EXPECT_EQ(mem->host_base()[page - 1], 0);
  EXPECT_EQ(mem->host_base()[page], 0xff);  // the next page is untouched
  EXPECT_EQ(mem->Discard(kBase + 4096, page).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(mem->Discard(kBase, 4096).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(mem->Discard(kBase + kSize, page).code(), absl::StatusCode::kOutOfRange);
}

TEST(GuestMemoryTest, ObserverSeesWritesAndDiscards) {
  auto mem = Make();
  std::vector<std::pair<uint64_t, uint64_t>> seen;
  mem->SetWriteObserver([&](uint64_t ipa, uint64_t len) { seen.emplace_back(ipa, len); });
  uint32_t v = 7;
  ASSERT_TRUE(mem->Write(kBase + 8, &v, sizeof(v)).ok());
  ASSERT_TRUE(mem->Discard(kBase, GuestMemory::kPageSize).ok());
  EXPECT_FALSE(mem->Write(kBase + kSize, &v, sizeof(v)).ok());  // failed: not reported
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0], std::make_pair(kBase + 8, uint64_t{4}));
  EXPECT_EQ(seen[1], std::make_pair(kBase, GuestMemory::kPageSize));
}

}  // namespace
}  // namespace vmd
