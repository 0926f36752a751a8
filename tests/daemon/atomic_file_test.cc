#include "daemon/atomic_file.h"

#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "gtest/gtest.h"
#include "tests/daemon/test_dir.h"

namespace vmd::daemon {
namespace {

TEST(AtomicFileTest, WriteThenReadReturnsContents) {
  TestDir dir;
  std::string path = dir / "a.json";
  ASSERT_TRUE(WriteFileAtomically(path, "{\"x\": 1}\n").ok());
  auto read = ReadFileToString(path);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(*read, "{\"x\": 1}\n");
}

TEST(AtomicFileTest, OverwriteReplacesWholeFileAndLeavesNoTemporaries) {
  TestDir dir;
  std::string path = dir / "state.json";
  ASSERT_TRUE(WriteFileAtomically(path, std::string(10000, 'a')).ok());
  ASSERT_TRUE(WriteFileAtomically(path, "short").ok());
  EXPECT_EQ(*ReadFileToString(path), "short");
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    (void)entry;
    ++files;
  }
  EXPECT_EQ(files, 1);
}

TEST(AtomicFileTest, AppliesRequestedMode) {
  TestDir dir;
  std::string path = dir / "secret";
  ASSERT_TRUE(WriteFileAtomically(path, "x", 0600).ok());
  struct stat st;
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST(AtomicFileTest, BinaryContentsRoundTrip) {
  TestDir dir;
  std::string data("a\0b\n\xff", 5);
  ASSERT_TRUE(WriteFileAtomically(dir / "bin", data).ok());
  EXPECT_EQ(*ReadFileToString(dir / "bin"), data);
}

TEST(AtomicFileTest, ReadMissingFileIsNotFoundNamingThePath) {
  TestDir dir;
  auto read = ReadFileToString(dir / "missing");
  ASSERT_FALSE(read.ok());
  EXPECT_TRUE(absl::IsNotFound(read.status()));
  EXPECT_NE(read.status().message().find("missing"), absl::string_view::npos);
}

TEST(AtomicFileTest, WriteIntoMissingDirectoryFailsWithoutCreatingIt) {
  TestDir dir;
  absl::Status status = WriteFileAtomically(dir / "nope/file", "x");
  EXPECT_TRUE(absl::IsNotFound(status)) << status;
  EXPECT_FALSE(std::filesystem::exists(dir / "nope"));
}

TEST(AtomicFileTest, DirNameSplitsAtLastSlash) {
  EXPECT_EQ(DirName("/a/b/c"), "/a/b");
  EXPECT_EQ(DirName("/c"), "/");
  EXPECT_EQ(DirName("c"), ".");
}

}  // namespace
}  // namespace vmd::daemon
