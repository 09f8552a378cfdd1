#pragma once
// A framework an organization keeps in its workspace: one it authored, or imported from an OSCAL
// catalog (docs/frameworks.md). Its content is a catalog file (docs/catalog-format.md,
// "Frameworks") holding one framework; every version's text is kept. Plain values, no I/O.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "util/page.hpp"

namespace cyberframe::core {

enum class FrameworkOrigin { k_authored, k_oscal };
std::string_view to_string(FrameworkOrigin origin);
std::optional<FrameworkOrigin> parse_framework_origin(std::string_view text);

struct WorkspaceFramework {
  std::int64_t id = 0;            // the record's id
  std::string framework;          // the framework's id in the catalog (unique in the catalog)
  std::int64_t organization = 0;  // the organization that owns it (and may change it)
  std::string title;
  FrameworkOrigin origin = FrameworkOrigin::k_authored;
  std::string content;    // the catalog file (YAML) of the newest version
  std::size_t nodes = 0;  // its nodes, every level
  std::int64_t version = 0;
  std::string created_at;
  std::string created_by;
  std::string updated_at;
  std::string updated_by;
};

// One version of a stored framework, as it was saved.
struct FrameworkVersion {
  std::int64_t version = 0;
  std::string content;  // empty in lists
  std::string sha256;   // of the content
  std::size_t nodes = 0;
  std::string created_at;
  std::string created_by;
};

struct FrameworkQuery {
  std::optional<std::int64_t> organization;  // only this organization's; nullopt: every one
  std::string text;  // a part of the id or the title, without regard to case ("": any)
  util::Slice slice;
};

// The refusal of a change made from version `read` of `stored` when the stored one is another:
// "framework ID was changed by X at T since you read it (version N, you read version M); ...".
// The store and the workspace's use cases say it in the same words.
std::string changed_since_read(const WorkspaceFramework& stored, std::int64_t read);

// What holds on to a stored framework (Store::framework_use).
struct FrameworkUse {
  std::vector<std::string> profiles;      // "ORG/name"
  std::vector<std::string> mapping_sets;  // "ORG/name"
  std::set<std::string> nodes;            // node ids that rows of those hold
};

}  // namespace cyberframe::core
