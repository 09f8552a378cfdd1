#pragma once
// What a list of records is asked for: its filter and the page (util::Slice). Lists are filtered
// and paged by the storage, never loaded whole.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/profile.hpp"
#include "util/page.hpp"

namespace cyberframe::core {

struct OrganizationQuery {
  std::optional<std::vector<std::int64_t>> only;  // these organizations; nullopt: every one
  util::Slice slice;
};

struct ActionQuery {
  std::optional<ActionStatus> status;  // only actions of this status
  util::Slice slice;
};

struct UserQuery {
  // Only accounts holding a role in one of these organizations; nullopt: every account.
  std::optional<std::vector<std::int64_t>> in_organizations;
  util::Slice slice;
};

}  // namespace cyberframe::core
