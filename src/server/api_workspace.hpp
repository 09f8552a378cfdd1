#pragma once
// What the handlers of workspace records share (api_workspace.cpp).

#include <optional>
#include <string>

#include "server/api.hpp"

namespace cyberframe::server {

// The target profile to compare `current` with (workspace::target_for, the rule the CLI follows
// too): `requested` (an id) when given, else the organization's first target profile on the same
// framework; nullopt when it has none.
Answer<std::optional<core::Profile>> target_for(Call& call, const core::Profile& current,
                                                const std::string& requested);
// A file name safe inside a quoted Content-Disposition parameter.
std::string attachment(const std::string& name);
// A frozen assessment with its overall and per-function scores.
json snapshot_json(const core::Catalog& cat, const core::Profile& p, const core::Snapshot& s);
// A name as a file name's stem (letters and digits, '-' for the rest).
std::string file_stem(const std::string& name);

}  // namespace cyberframe::server
