// A fresh temporary directory per test, removed afterwards; shared by the
// daemon's unit tests (registry, journal, atomic files).
#ifndef VMD_TESTS_DAEMON_TEST_DIR_H_
#define VMD_TESTS_DAEMON_TEST_DIR_H_

#include <stdlib.h>

#include <filesystem>
#include <string>

#include "gtest/gtest.h"

namespace vmd::daemon {

class TestDir {
 public:
  TestDir() {
    std::string tmpl = ::testing::TempDir() + "vmd-daemon-XXXXXX";
    char* made = ::mkdtemp(tmpl.data());
    EXPECT_NE(made, nullptr);
    path_ = tmpl;
  }
  ~TestDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace vmd::daemon

#endif  // VMD_TESTS_DAEMON_TEST_DIR_H_
