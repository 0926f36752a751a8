// CHECK for our own broken invariants: logs through spdlog, then aborts.
// Never use it for guest or client input: those get a Status or a guest-visible
// error (STYLE.md).
#ifndef VMD_ENGINE_BASE_CHECK_H_
#define VMD_ENGINE_BASE_CHECK_H_

#include <string_view>

namespace vmd {
[[noreturn]] void CheckFailed(const char* file, int line, const char* expr, std::string_view msg);
}  // namespace vmd

#define CHECK(cond)                                              \
  do {                                                           \
    if (__builtin_expect(!(cond), 0)) {                          \
      ::vmd::CheckFailed(__FILE__, __LINE__, #cond, {});         \
    }                                                            \
  } while (0)

#define CHECK_MSG(cond, msg)                                     \
  do {                                                           \
    if (__builtin_expect(!(cond), 0)) {                          \
      ::vmd::CheckFailed(__FILE__, __LINE__, #cond, (msg));      \
    }                                                            \
  } while (0)

#define CHECK_OK(expr)                                                         \
  do {                                                                         \
    const ::absl::Status vmd_check_status_ = (expr);                           \
    if (!vmd_check_status_.ok()) {                                             \
      ::vmd::CheckFailed(__FILE__, __LINE__, #expr, vmd_check_status_.ToString()); \
    }                                                                          \
  } while (0)

#endif  // VMD_ENGINE_BASE_CHECK_H_
