#include "core/workspace_framework.hpp"

namespace cyberframe::core {

std::string_view to_string(FrameworkOrigin origin) {
  return origin == FrameworkOrigin::k_oscal ? "oscal" : "authored";
}

std::optional<FrameworkOrigin> parse_framework_origin(std::string_view text) {
  if (text == "authored") return FrameworkOrigin::k_authored;
  if (text == "oscal") return FrameworkOrigin::k_oscal;
  return std::nullopt;
}

}  // namespace cyberframe::core
