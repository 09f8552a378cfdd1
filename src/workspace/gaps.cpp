#include "workspace/gaps.hpp"

#include <algorithm>
#include <set>

#include "util/text.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::workspace {

using util::ErrorCode;

util::Result<std::optional<core::Profile>> target_for(Workspace& store,
                                                      const core::Profile& current,
                                                      const std::string& requested) {
  if (!requested.empty()) {
    auto t = store.profile(requested);
    if (!t) return std::unexpected(t.error());
    if (t->organization != current.organization)
      return util::fail(ErrorCode::k_not_found, "no target profile '" + requested +
                                                    "' in the organization of " + current.name);
    if (t->id == current.id)
      return util::fail(ErrorCode::k_invalid_input,
                        "profile '" + current.name + "' cannot be its own target");
    if (t->framework != current.framework)
      return util::fail(ErrorCode::k_invalid_input, "the profiles are on different frameworks (" +
                                                        current.framework + ", " + t->framework +
                                                        "); project one onto the other first");
    return std::optional<core::Profile>(*t);
  }
  auto all = store.profiles(current.organization);
  if (!all) return std::unexpected(all.error());
  // Store::profiles lists by name: the first match is the first by name.
  for (const auto& p : *all) {
    if (p.kind == core::ProfileKind::k_target && p.framework == current.framework &&
        p.id != current.id)
      return std::optional<core::Profile>(p);
  }
  return std::optional<core::Profile>();
}

namespace {

// The gap report with the current profile's assessments as read (what_if projects them).
struct GapReading {
  GapReport report;
  std::map<std::string, core::NodeAssessment> current;
  std::map<std::string, core::NodeAssessment> target;
};

util::Result<GapReading> read_gaps(Workspace& store, const core::Catalog& catalog,
                                   const core::Profile& current, const std::string& target) {
  auto chosen = target_for(store, current, target);
  if (!chosen) return std::unexpected(chosen.error());
  if (!*chosen)
    return util::fail(ErrorCode::k_not_found, "the organization of " + current.name +
                                                  " has no target profile on " + current.framework +
                                                  "; create one (kind target) to see the gaps");
  const auto& t = **chosen;
  if (t.scale != current.scale)
    return util::fail(ErrorCode::k_invalid_input,
                      "the profiles use different scales (" + current.scale + ", " + t.scale + ")");
  auto scale = store.scale(current.scale);
  if (!scale) return std::unexpected(scale.error());
  auto c = store.node_assessments(current.id);
  if (!c) return std::unexpected(c.error());
  auto tr = store.node_assessments(t.id);
  if (!tr) return std::unexpected(tr.error());
  GapReading out{
      {current, t, *scale, core::analyse_gaps(catalog, current.framework, *scale, *c, *tr), {}},
      std::move(*c),
      std::move(*tr)};
  if (const auto* fw = catalog.framework(current.framework))
    out.report.figures = core::figures(catalog, *fw, *scale, out.current, &out.target);
  out.report.ranked = out.report.gaps.subcategories.size();
  std::set<std::string> owners;
  for (const auto& g : out.report.gaps.subcategories)
    if (!g.owner.empty()) owners.insert(g.owner);
  out.report.owners.assign(owners.begin(), owners.end());
  return out;
}

}  // namespace

util::Result<GapReport> gap_report(Workspace& store, const core::Catalog& catalog,
                                   const core::Profile& current, const std::string& target) {
  auto read = read_gaps(store, catalog, current, target);
  if (!read) return std::unexpected(read.error());
  return std::move(read->report);
}

util::Result<WhatIf> what_if(Workspace& store, const core::Catalog& catalog,
                             const core::Profile& current, const std::string& target,
                             const std::vector<std::int64_t>& action_ids) {
  auto read = read_gaps(store, catalog, current, target);
  if (!read) return std::unexpected(read.error());
  auto all = store.actions(current.organization);
  if (!all) return std::unexpected(all.error());
  std::vector<core::Action> chosen;
  std::vector<std::string> unknown;
  std::set<std::int64_t> seen;
  for (auto id : action_ids) {
    if (!seen.insert(id).second) continue;
    auto it =
        std::find_if(all->begin(), all->end(), [id](const core::Action& a) { return a.id == id; });
    if (it == all->end())
      unknown.push_back(std::to_string(id));
    else
      chosen.push_back(*it);
  }
  if (!unknown.empty())
    return util::fail(ErrorCode::k_invalid_input,
                      std::string(unknown.size() == 1 ? "no action " : "no actions ") +
                          util::join(unknown, ", ") + " in this organization");
  const auto& scale = read->report.scale;
  auto projected = core::with_actions_done(read->current, chosen, scale);
  GapReport after{current,
                  read->report.target,
                  scale,
                  core::analyse_gaps(catalog, current.framework, scale, projected, read->target),
                  {}};
  if (const auto* fw = catalog.framework(current.framework))
    after.figures = core::figures(catalog, *fw, scale, projected, &read->target);
  return WhatIf{std::move(read->report), std::move(after), std::move(chosen)};
}

util::Result<core::Figures> profile_figures(Workspace& store, const core::Catalog& catalog,
                                            const core::Profile& profile) {
  const auto* fw = catalog.framework(profile.framework);
  if (fw == nullptr)
    return util::fail(ErrorCode::k_not_found, "the framework " + profile.framework + " of " +
                                                  profile.name + " is not in the catalog");
  auto scale = store.scale(profile.scale);
  if (!scale) return std::unexpected(scale.error());
  auto rows = store.node_assessments(profile.id);
  if (!rows) return std::unexpected(rows.error());
  return core::figures(catalog, *fw, *scale, *rows, nullptr);
}

bool GapFilter::any() const {
  return !function.empty() || !category.empty() || priority || min_gap || !owner.empty() ||
         !text.empty();
}

namespace {

std::unexpected<GapFilterError> bad(std::string parameter, std::string message) {
  return std::unexpected(GapFilterError{std::move(parameter), std::move(message)});
}

// "1", "2.5", "0.25": a number from 0 to 100 with at most two decimals.
std::optional<double> plain_number(const std::string& text) {
  auto dot = text.find('.');
  auto whole = text.substr(0, dot);
  auto fraction = dot == std::string::npos ? std::string() : text.substr(dot + 1);
  auto digits = [](const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
  };
  if (!digits(whole) || whole.size() > 3) return std::nullopt;
  if (dot != std::string::npos && (!digits(fraction) || fraction.size() > 2)) return std::nullopt;
  double value = std::stod(text);
  if (value > 100) return std::nullopt;
  return value;
}

}  // namespace

std::expected<GapFilter, GapFilterError> read_gap_filter(
    const core::Catalog& catalog, const core::Profile& profile,
    const std::map<std::string, std::string>& values) {
  auto value = [&](const char* name) {
    auto it = values.find(name);
    return it == values.end() ? std::string() : it->second;
  };
  GapFilter f;
  auto node_of = [&](const char* name, core::Level level,
                     std::string& out) -> std::optional<GapFilterError> {
    auto id = value(name);
    if (id.empty()) return std::nullopt;
    const auto* n = catalog.node(profile.framework, id);
    if (n == nullptr || n->level != level)
      return GapFilterError{name, std::string(name) + " must be a " + name + " of " +
                                      profile.framework + ", not '" + id.substr(0, 40) + "'"};
    out = n->id;
    return std::nullopt;
  };
  if (auto e = node_of("function", core::Level::k_function, f.function)) return std::unexpected(*e);
  if (auto e = node_of("category", core::Level::k_category, f.category)) return std::unexpected(*e);
  if (auto p = util::to_lower(value("priority")); !p.empty()) {
    if (p == "1" || p == "high")
      f.priority = 1;
    else if (p == "2" || p == "medium")
      f.priority = 2;
    else if (p == "3" || p == "low")
      f.priority = 3;
    else
      return bad("priority",
                 "priority must be 1, 2 or 3 (high, medium, low), not '" + p.substr(0, 40) + "'");
  }
  if (auto m = value("min_gap"); !m.empty()) {
    f.min_gap = plain_number(m);
    if (!f.min_gap)
      return bad("min_gap", "min_gap must be a number from 0 to 100 (such as 1 or 0.5), not '" +
                                m.substr(0, 40) + "'");
  }
  for (const char* name : {"owner", "q"}) {
    auto text = value(name);
    if (text.size() > 200) return bad(name, std::string(name) + " may have at most 200 bytes");
    if (text.find_first_of(std::string("\0\r\n", 3)) != std::string::npos)
      return bad(name, std::string(name) + " must be one line of text");
  }
  f.owner = util::to_lower(util::trim(value("owner")));
  f.text = util::to_lower(util::trim(value("q")));
  return f;
}

void apply(const core::Catalog& catalog, const GapFilter& filter, GapReport& report) {
  if (!filter.any()) return;
  const auto& framework = report.current.framework;
  auto contains = [&](const std::string& text) {
    return util::to_lower(text).find(filter.text) != std::string::npos;
  };
  auto keep = [&](const core::Gap& g) {
    if (filter.priority && g.priority != *filter.priority) return false;
    if (filter.min_gap && g.gap + 1e-9 < *filter.min_gap) return false;
    if (!filter.owner.empty() && util::to_lower(g.owner) != filter.owner) return false;
    if (!filter.function.empty() || !filter.category.empty()) {
      bool in_function = filter.function.empty(), in_category = filter.category.empty();
      for (const auto* n = catalog.parent(framework, g.node); n != nullptr;
           n = catalog.parent(framework, n->id)) {
        if (n->id == filter.function) in_function = true;
        if (n->id == filter.category) in_category = true;
      }
      if (!in_function || !in_category) return false;
    }
    if (!filter.text.empty()) {
      const auto* n = catalog.node(framework, g.node);
      if (!contains(g.node) && (n == nullptr || (!contains(n->title) && !contains(n->description))))
        return false;
    }
    return true;
  };
  auto& list = report.gaps.subcategories;
  list.erase(std::remove_if(list.begin(), list.end(), [&](const core::Gap& g) { return !keep(g); }),
             list.end());
}

}  // namespace cyberframe::workspace
