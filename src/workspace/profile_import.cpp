#include "workspace/profile_import.hpp"

#include "workspace/workspace.hpp"

namespace cyberframe::workspace {

util::Result<ProfileImport> import_profile(Workspace& workspace, const std::string& actor,
                                           const core::Catalog& catalog,
                                           const core::Profile& profile,
                                           exchange::TableFormat format, std::string_view bytes) {
  auto scale = workspace.scale_of(profile);
  if (!scale)
    return util::fail(scale.error().code, "profile " + profile.name + " is on scale '" +
                                              profile.scale + "': " + scale.error().message);
  auto parsed = exchange::import_profile(catalog, profile, *scale, format, bytes);
  ProfileImport out;
  out.rows = parsed.rows.size();
  if (!parsed.errors.empty()) {
    out.errors = std::move(parsed.errors);
    return out;
  }
  auto changed = workspace.put_node_assessments(actor, profile.id, parsed.rows);
  if (!changed) return std::unexpected(changed.error());
  out.changed = *changed;
  out.unchanged = out.rows - out.changed;
  return out;
}

}  // namespace cyberframe::workspace
