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

std::string changed_since_read(const WorkspaceFramework& stored, std::int64_t read) {
  return "framework " + stored.framework + " was changed by " + stored.updated_by + " at " +
         stored.updated_at + " since you read it (version " + std::to_string(stored.version) +
         ", you read version " + std::to_string(read) + "); reload it and try again";
}

}  // namespace cyberframe::core
