#include "engine/base/logging.h"

#include <cstdlib>
#include <map>
#include <mutex>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "engine/base/check.h"
#include "spdlog/sinks/stdout_color_sinks.h"

namespace vmd {
namespace {

struct Registry {
  std::mutex mu;
  spdlog::level::level_enum default_level = spdlog::level::info;
  std::map<std::string, spdlog::level::level_enum, std::less<>> overrides;
};

Registry& GetRegistry() {
  static Registry* registry = new Registry;  // never destroyed: loggers outlive statics
  return *registry;
}

bool ParseLevel(std::string_view s, spdlog::level::level_enum* out) {
  static constexpr std::pair<std::string_view, spdlog::level::level_enum> kLevels[] = {
      {"trace", spdlog::level::trace}, {"debug", spdlog::level::debug},
      {"info", spdlog::level::info},   {"warn", spdlog::level::warn},
      {"warning", spdlog::level::warn}, {"error", spdlog::level::err},
      {"off", spdlog::level::off}};
  for (const auto& [name, level] : kLevels) {
    if (s == name) {
      *out = level;
      return true;
    }
  }
  return false;
}

spdlog::level::level_enum LevelFor(Registry& r, std::string_view name) {
  auto it = r.overrides.find(name);
  return it == r.overrides.end() ? r.default_level : it->second;
}

}  // namespace

std::shared_ptr<spdlog::logger> Logger(std::string_view name) {
  Registry& r = GetRegistry();
  std::lock_guard<std::mutex> lock(r.mu);
  std::string key(name);
  if (auto existing = spdlog::get(key)) return existing;
  auto logger = spdlog::stderr_color_mt(key);
  logger->set_level(LevelFor(r, name));
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ [%n] %v");
  return logger;
}

absl::Status SetLogLevels(std::string_view spec) {
  Registry& r = GetRegistry();
  spdlog::level::level_enum default_level = r.default_level;
  std::map<std::string, spdlog::level::level_enum, std::less<>> overrides;
  for (absl::string_view apart : absl::StrSplit(absl::string_view(spec.data(), spec.size()), ',',
                                                absl::SkipEmpty())) {
    std::string_view part(apart.data(), apart.size());
    spdlog::level::level_enum level;
    size_t eq = part.find('=');
    if (eq == std::string_view::npos) {
      if (!ParseLevel(part, &level)) {
        return absl::InvalidArgumentError(absl::StrCat("log level \"", apart,
                                                       "\": expected trace|debug|info|warn|error|off"));
      }
      default_level = level;
    } else {
      std::string_view name = part.substr(0, eq);
      if (!ParseLevel(part.substr(eq + 1), &level) || name.empty()) {
        return absl::InvalidArgumentError(
            absl::StrCat("log level \"", apart, "\": expected LOGGER=LEVEL"));
      }
      overrides[std::string(name)] = level;
    }
  }
  std::lock_guard<std::mutex> lock(r.mu);
  r.default_level = default_level;
  for (auto& [k, v] : overrides) r.overrides[k] = v;
  spdlog::apply_all([&](std::shared_ptr<spdlog::logger> l) { l->set_level(LevelFor(r, l->name())); });
  return absl::OkStatus();
}

absl::Status InitLogging(std::string_view flag_spec) {
  if (const char* env = std::getenv("VMD_LOG"); env != nullptr && *env != '\0') {
    absl::Status s = SetLogLevels(env);
    if (!s.ok()) return absl::InvalidArgumentError(absl::StrCat("$VMD_LOG: ", s.message()));
  }
  if (!flag_spec.empty()) return SetLogLevels(flag_spec);
  return absl::OkStatus();
}

[[noreturn]] void CheckFailed(const char* file, int line, const char* expr, std::string_view msg) {
  Logger("check")->critical("{}:{}: CHECK({}) failed{}{}", file, line, expr, msg.empty() ? "" : ": ",
                            msg);
  spdlog::shutdown();
  std::abort();
}

}  // namespace vmd
