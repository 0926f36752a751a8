// Status propagation macros. Abseil 20220623 has absl::Status/StatusOr but no
// RETURN_IF_ERROR / ASSIGN_OR_RETURN, so every layer of vmd uses these.
#ifndef VMD_ENGINE_BASE_STATUS_MACROS_H_
#define VMD_ENGINE_BASE_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define VMD_CONCAT_INNER_(a, b) a##b
#define VMD_CONCAT_(a, b) VMD_CONCAT_INNER_(a, b)

// RETURN_IF_ERROR(expr): evaluates expr (absl::Status); returns it if not ok.
#define RETURN_IF_ERROR(expr)                          \
  do {                                                 \
    ::absl::Status vmd_status_ = (expr);               \
    if (!vmd_status_.ok()) return vmd_status_;         \
  } while (0)

// ASSIGN_OR_RETURN(lhs, expr): evaluates expr (absl::StatusOr<T>); on error
// returns its status, otherwise moves the value into lhs (which may declare).
#define ASSIGN_OR_RETURN(lhs, expr) \
  VMD_ASSIGN_OR_RETURN_IMPL_(VMD_CONCAT_(vmd_statusor_, __LINE__), lhs, expr)
#define VMD_ASSIGN_OR_RETURN_IMPL_(var, lhs, expr) \
  auto var = (expr);                               \
  if (!var.ok()) return std::move(var).status();   \
  lhs = std::move(var).value()

#endif  // VMD_ENGINE_BASE_STATUS_MACROS_H_
