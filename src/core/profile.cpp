#include "core/profile.hpp"

#include <algorithm>

#include "core/input_rules.hpp"
#include "util/text.hpp"

namespace cyberframe::core {

const ScaleLevel* Scale::find(int level) const {
  for (const auto& l : levels) {
    if (l.value == level) return &l;
  }
  return nullptr;
}

const Scale& default_scale() {
  static const Scale k_scale{
      "cyberframe-0-5",
      "Implementation level, 0-5",
      {
          {0, "Not performed", "The outcome is not achieved; no activity towards it."},
          {1, "Initial", "Achieved in part, ad hoc, depending on individuals; not documented."},
          {2, "Managed", "Planned and tracked for the scope; roles assigned; results repeatable."},
          {3, "Defined", "A documented, approved process used across the scope, with evidence."},
          {4, "Measured", "Performance measured against objectives; deviations acted upon."},
          {5, "Optimised",
           "Continually improved from measurements, incidents and lessons learned."},
      }};
  return k_scale;
}

util::Result<void> validate(const Scale& scale) {
  using util::ErrorCode;
  if (scale.id.empty() ||
      scale.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-.") != std::string::npos)
    return util::fail(ErrorCode::k_invalid_input,
                      "scale id '" + scale.id + "' must be lowercase letters, digits, '-' and '.'");
  if (scale.name.empty())
    return util::fail(ErrorCode::k_invalid_input, "scale " + scale.id + " needs a name");
  if (scale.levels.size() < 2 || scale.levels.size() > 21)
    return util::fail(ErrorCode::k_invalid_input, "scale " + scale.id + " has " +
                                                      std::to_string(scale.levels.size()) +
                                                      " levels; a scale has 2 to 21");
  std::vector<std::string> names;
  for (std::size_t i = 0; i < scale.levels.size(); ++i) {
    const auto& l = scale.levels[i];
    if (i > 0 && l.value != scale.levels[i - 1].value + 1)
      return util::fail(ErrorCode::k_invalid_input,
                        "scale " + scale.id + ": level " + std::to_string(l.value) +
                            " does not follow " + std::to_string(scale.levels[i - 1].value) +
                            "; levels are consecutive whole numbers, lowest first");
    if (l.name.empty())
      return util::fail(ErrorCode::k_invalid_input, "scale " + scale.id + ": level " +
                                                        std::to_string(l.value) + " needs a name");
    if (std::find(names.begin(), names.end(), l.name) != names.end())
      return util::fail(ErrorCode::k_invalid_input,
                        "scale " + scale.id + ": two levels are named '" + l.name + "'");
    names.push_back(l.name);
  }
  return {};
}

std::string_view to_string(ProfileKind kind) {
  return kind == ProfileKind::k_current ? "current" : "target";
}

std::optional<ProfileKind> parse_profile_kind(std::string_view text) {
  if (text == "current") return ProfileKind::k_current;
  if (text == "target") return ProfileKind::k_target;
  return std::nullopt;
}

std::string_view to_string(ActionStatus status) {
  switch (status) {
    case ActionStatus::k_planned:
      return "planned";
    case ActionStatus::k_in_progress:
      return "in-progress";
    case ActionStatus::k_done:
      return "done";
    case ActionStatus::k_cancelled:
      return "cancelled";
  }
  return "?";
}

std::optional<ActionStatus> parse_action_status(std::string_view text) {
  for (auto s : {ActionStatus::k_planned, ActionStatus::k_in_progress, ActionStatus::k_done,
                 ActionStatus::k_cancelled}) {
    if (to_string(s) == text) return s;
  }
  return std::nullopt;
}

std::map<std::string, NodeAssessment> with_actions_done(
    const std::map<std::string, NodeAssessment>& current, const std::vector<Action>& actions,
    const Scale& scale) {
  auto out = current;
  for (const auto& action : actions) {
    for (const auto& n : action.nodes) {
      auto& a = out[n];
      a.node = n;
      if (a.not_applicable) continue;
      a.level = std::clamp(std::max(a.level.value_or(scale.min()), action.target_level),
                           scale.min(), scale.max());
    }
  }
  return out;
}

util::Result<void> validate(const Catalog& catalog, const Profile& profile, const Scale& scale,
                            const NodeAssessment& a) {
  using util::ErrorCode;
  const auto* node = catalog.node(profile.framework, a.node);
  if (node == nullptr) {
    return util::fail(ErrorCode::k_invalid_input,
                      "unknown node '" + a.node + "' in framework " + profile.framework);
  }
  if (a.level || a.not_applicable) {
    // A level the roll-up would ignore is refused, not stored: the node's score is its
    // children's (core::assessed_directly).
    const auto* fw = catalog.framework(profile.framework);
    if (fw != nullptr && !assessed_directly(*fw, *node)) {
      std::string below;
      std::size_t count = 0;
      auto walk = [&](const auto& self, const Node& n) -> void {
        for (const auto& c : n.children) {
          if (assessed_directly(*fw, c) && ++count <= 3)
            below += (below.empty() ? "" : ", ") + c.id;
          self(self, c);
        }
      };
      walk(walk, *node);
      return util::fail(
          ErrorCode::k_invalid_input,
          a.node + " is not assessed directly in " + profile.framework +
              ": its score is rolled up from " +
              (count == 0 ? std::string("the nodes below it")
                          : std::to_string(count) + " node" + (count == 1 ? "" : "s") +
                                " below it (" + below + (count > 3 ? ", …" : "") + ")") +
              "; give the level to those");
    }
  }
  if (a.level && !scale.contains(*a.level)) {
    return util::fail(ErrorCode::k_invalid_input, "level " + std::to_string(*a.level) + " of " +
                                                      a.node + " is outside the scale " + scale.id +
                                                      " (" + std::to_string(scale.min()) + "-" +
                                                      std::to_string(scale.max()) + ")");
  }
  if (a.not_applicable && a.level) {
    return util::fail(ErrorCode::k_invalid_input,
                      a.node + " is marked not applicable and has a level; give one or the other");
  }
  if (a.not_applicable && a.justification.find_first_not_of(" \t\r\n") == std::string::npos) {
    return util::fail(
        ErrorCode::k_invalid_input,
        a.node + " is marked not applicable without a justification; say why it does not apply");
  }
  if (a.priority < k_priority_high || a.priority > k_priority_low) {
    return util::fail(ErrorCode::k_invalid_input, "priority " + std::to_string(a.priority) +
                                                      " of " + a.node +
                                                      " is not 1 (high), 2 (medium) or 3 (low)");
  }
  if (!util::trim(a.owner).empty()) {
    if (auto owner = check_text("the owner of " + a.node, a.owner, TextKind::k_line, 200); !owner)
      return owner;
  }
  return {};
}

namespace {

// The score of a node assessed directly (core::assessed_directly): a subcategory, a category
// without children, or with requirements any node that is not split into statements.
Score own_score(const Node& node, const std::map<std::string, NodeAssessment>& assessments) {
  Score s;
  s.total = 1;
  auto it = assessments.find(node.id);
  if (it == assessments.end()) return s;
  if (it->second.not_applicable) {
    s.not_applicable = 1;
  } else if (it->second.level) {
    s.assessed = 1;
    s.value = *it->second.level;
  }
  return s;
}

// A function's score is the mean of its categories' scores, each weighing the same. Any other
// node's score is the mean level of the assessed nodes in its subtree, itself included when it
// is assessed directly: a category of subcategories as before, and a control together with its
// enhancements, or a control made of its items.
Score score_of(const Framework& fw, const Node& node,
               const std::map<std::string, NodeAssessment>& assessments,
               std::map<std::string, Score>& out) {
  Score s;
  double sum = 0;
  int counted = 0;
  if (assessed_directly(fw, node)) {
    s = own_score(node, assessments);
    if (s.value) {
      sum = *s.value;
      counted = 1;
    }
  }
  bool per_category = node.level == Level::k_function;
  for (const auto& c : node.children) {
    auto cs = score_of(fw, c, assessments, out);
    s.assessed += cs.assessed;
    s.not_applicable += cs.not_applicable;
    s.total += cs.total;
    if (!cs.value) continue;
    sum += per_category ? *cs.value : *cs.value * cs.assessed;
    counted += per_category ? 1 : cs.assessed;
  }
  s.value.reset();
  if (counted > 0) s.value = sum / counted;
  return out[node.id] = s;
}

}  // namespace

std::map<std::string, Score> roll_up(const Catalog& catalog, const std::string& framework,
                                     const std::map<std::string, NodeAssessment>& assessments) {
  std::map<std::string, Score> out;
  const auto* fw = catalog.framework(framework);
  if (fw == nullptr) return out;
  for (const auto& f : fw->nodes) score_of(*fw, f, assessments, out);
  return out;
}

double priority_weight(int priority) {
  switch (priority) {
    case 1:
      return 3.0;
    case 2:
      return 2.0;
    default:
      return 1.0;
  }
}

GapAnalysis analyse_gaps(const Catalog& catalog, const std::string& framework, const Scale& scale,
                         const std::map<std::string, NodeAssessment>& current,
                         const std::map<std::string, NodeAssessment>& target,
                         const std::map<std::string, double>& risk_weights) {
  GapAnalysis out;
  auto cur = roll_up(catalog, framework, current);
  auto tgt = roll_up(catalog, framework, target);
  auto order = catalog.nodes_in_order(framework);
  std::map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < order.size(); ++i) position[order[i]->id] = i;

  // The scored leaves: the nodes assessed directly (core::assessed_directly).
  const auto* fw = catalog.framework(framework);
  double gap_sum = 0;
  int with_target = 0;
  for (const auto* node : order) {
    const auto& ts = tgt[node->id];
    bool leaf = fw != nullptr && assessed_directly(*fw, *node);
    Gap g;
    g.node = node->id;
    g.level = node->level;
    g.current = cur[node->id].value;
    g.target = ts.value;
    if (g.target) g.gap = std::max(0.0, *g.target - g.current.value_or(scale.min()));
    if ((!leaf || !node->children.empty()) &&
        (node->level == Level::k_function || node->level == Level::k_category))
      out.rollup[node->id] = g;
    if (!leaf) continue;
    auto ti = target.find(node->id);
    auto ci = current.find(node->id);
    // A leaf's gap is between its own levels (a control's roll-up includes its enhancements).
    g.current = ci != current.end() && ci->second.level ? std::optional<double>(*ci->second.level)
                                                        : std::nullopt;
    g.target = ti != target.end() && ti->second.level ? std::optional<double>(*ti->second.level)
                                                      : std::nullopt;
    g.gap = g.target ? std::max(0.0, *g.target - g.current.value_or(scale.min())) : 0.0;
    if (ti == target.end() || ti->second.not_applicable || !ti->second.level) continue;
    if (ci != current.end() && ci->second.not_applicable) continue;  // N/A in the current state
    g.priority = ti->second.priority;
    g.owner =
        ci != current.end() && !ci->second.owner.empty() ? ci->second.owner : ti->second.owner;
    auto rw = risk_weights.find(node->id);
    g.risk_weight = rw == risk_weights.end() ? 1.0 : rw->second;
    g.score = g.gap * priority_weight(g.priority) * g.risk_weight;
    gap_sum += g.gap;
    ++with_target;
    if (g.gap > 0) ++out.open_gaps;
    out.subcategories.push_back(std::move(g));
  }
  std::stable_sort(out.subcategories.begin(), out.subcategories.end(),
                   [&](const Gap& a, const Gap& b) {
                     if (a.score != b.score) return a.score > b.score;
                     if (a.gap != b.gap) return a.gap > b.gap;
                     return position[a.node] < position[b.node];
                   });
  for (std::size_t i = 0; i < out.subcategories.size(); ++i) out.subcategories[i].rank = i + 1;
  out.mean_gap = with_target ? gap_sum / with_target : 0;
  return out;
}

std::optional<double> overall_score(const Framework& framework,
                                    const std::map<std::string, Score>& scores) {
  double sum = 0;
  int n = 0;
  for (const auto& f : framework.nodes) {
    auto it = scores.find(f.id);
    if (it == scores.end() || !it->second.value) continue;
    sum += *it->second.value;
    ++n;
  }
  if (n == 0) return std::nullopt;
  return sum / n;
}

bool same_assessment(const NodeAssessment& a, const NodeAssessment& b) {
  return a.level == b.level && a.not_applicable == b.not_applicable &&
         a.justification == b.justification && a.owner == b.owner && a.priority == b.priority &&
         a.notes == b.notes;
}

}  // namespace cyberframe::core
