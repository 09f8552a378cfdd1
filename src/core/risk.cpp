#include "core/risk.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <utility>

#include "core/input_rules.hpp"
#include "util/text.hpp"

namespace cyberframe::core {

namespace {

using util::ErrorCode;

template <typename Enum, std::size_t N>
using Names = std::array<std::pair<Enum, std::string_view>, N>;

template <typename Enum, std::size_t N>
std::optional<Enum> parse_from(const Names<Enum, N>& table, std::string_view text) {
  for (const auto& [value, name] : table)
    if (name == text) return value;
  return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view name_of(const Names<Enum, N>& table, Enum value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return "?";
}

constexpr Names<Acceptance, 3> k_acceptances{{
    {Acceptance::k_accept, "accept"},
    {Acceptance::k_owner_approval, "owner-approval"},
    {Acceptance::k_treat, "treat"},
}};

constexpr Names<AssetKind, 9> k_asset_kinds{{
    {AssetKind::k_information, "information"},
    {AssetKind::k_process, "process"},
    {AssetKind::k_service, "service"},
    {AssetKind::k_hardware, "hardware"},
    {AssetKind::k_software, "software"},
    {AssetKind::k_network, "network"},
    {AssetKind::k_people, "people"},
    {AssetKind::k_site, "site"},
    {AssetKind::k_supplier, "supplier"},
}};

constexpr Names<Treatment, 5> k_treatments{{
    {Treatment::k_none, "none"},
    {Treatment::k_modify, "modify"},
    {Treatment::k_retain, "retain"},
    {Treatment::k_avoid, "avoid"},
    {Treatment::k_share, "share"},
}};

constexpr Names<RiskStatus, 6> k_risk_statuses{{
    {RiskStatus::k_identified, "identified"},
    {RiskStatus::k_assessed, "assessed"},
    {RiskStatus::k_treating, "treating"},
    {RiskStatus::k_treated, "treated"},
    {RiskStatus::k_accepted, "accepted"},
    {RiskStatus::k_closed, "closed"},
}};

constexpr Names<ControlKind, 3> k_control_kinds{{
    {ControlKind::k_annex_a, "annex-a"},
    {ControlKind::k_own, "own"},
    {ControlKind::k_outcome, "outcome"},
}};

constexpr Names<DecisionKind, 3> k_decision_kinds{{
    {DecisionKind::k_plan_approval, "plan-approval"},
    {DecisionKind::k_acceptance, "acceptance"},
    {DecisionKind::k_exception, "exception"},
}};

constexpr Names<SoaReason, 5> k_soa_reasons{{
    {SoaReason::k_risk_treatment, "risk-treatment"},
    {SoaReason::k_legal, "legal-regulatory"},
    {SoaReason::k_contractual, "contractual"},
    {SoaReason::k_business, "business"},
    {SoaReason::k_interested_party, "interested-party"},
}};

constexpr Names<Implementation, 5> k_implementations{{
    {Implementation::k_not_assessed, "not-assessed"},
    {Implementation::k_not_implemented, "not-implemented"},
    {Implementation::k_planned, "planned"},
    {Implementation::k_partial, "partial"},
    {Implementation::k_implemented, "implemented"},
}};

constexpr Names<SoaStatus, 2> k_soa_statuses{{
    {SoaStatus::k_draft, "draft"},
    {SoaStatus::k_approved, "approved"},
}};

constexpr Names<FindingKind, 7> k_finding_kinds{{
    {FindingKind::k_excluded_control_in_treatment, "excluded-control-in-treatment"},
    {FindingKind::k_untreated_above_appetite, "untreated-above-appetite"},
    {FindingKind::k_unapproved_plan_above_appetite, "unapproved-plan-above-appetite"},
    {FindingKind::k_acceptance_expired, "acceptance-expired"},
    {FindingKind::k_decision_stale, "decision-stale"},
    {FindingKind::k_implemented_below_target, "implemented-below-target"},
    {FindingKind::k_applicable_without_reason, "applicable-without-reason"},
}};

// Limits of what people type (bytes).
constexpr std::size_t k_max_ref = 64;
constexpr std::size_t k_max_line = 300;
constexpr std::size_t k_max_text = 20000;
constexpr int k_min_points = 2;
constexpr int k_max_points = 10;

bool plain_id(std::string_view id) {
  static const std::regex re("^[a-z0-9][a-z0-9.-]*$");
  return !id.empty() && id.size() <= 128 && std::regex_match(id.begin(), id.end(), re);
}

bool colour(std::string_view c) {
  if (c.size() != 7 || c[0] != '#') return false;
  return std::all_of(c.begin() + 1, c.end(),
                     [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)) != 0; });
}

std::string quoted(std::string_view s) {
  return "'" + std::string(s) + "'";
}

// A failure whose message starts with `prefix`, about `field`.
std::unexpected<util::Error> fail_at(std::string field, std::string message) {
  return util::fail_field(ErrorCode::k_invalid_input, std::move(message), std::move(field));
}

// check_text, its failure tagged with `field`.
util::Result<void> text_field(const std::string& field, const std::string& what,
                              std::string_view text, TextKind kind, std::size_t max_bytes) {
  auto checked = check_text(what, text, kind, max_bytes);
  if (!checked) return fail_at(field, checked.error().message);
  return {};
}

// Free text over several lines: at most `max_bytes`, valid UTF-8.
util::Result<void> free_text(const std::string& field, const std::string& what,
                             std::string_view text, std::size_t max_bytes) {
  if (text.size() > max_bytes)
    return fail_at(field, what + " is " + std::to_string(text.size()) + " bytes; at most " +
                              std::to_string(max_bytes));
  if (util::find_invalid_utf8(text) != std::string_view::npos)
    return fail_at(field, what + " is not valid UTF-8 text");
  return {};
}

// A scale's points: 2-10, numbered 1, 2, ... with a name each. Appends problems via `add`.
template <typename Add>
void check_scale(const std::vector<ScalePoint>& points, const std::string& what, Add add) {
  const int n = static_cast<int>(points.size());
  if (n < k_min_points || n > k_max_points) {
    add(-1, what + " has " + std::to_string(n) + " point" + (n == 1 ? "" : "s") + "; a scale has " +
                std::to_string(k_min_points) + " to " + std::to_string(k_max_points));
    if (n == 0) return;
  }
  std::set<std::string> names;
  for (int i = 0; i < n; ++i) {
    const auto& p = points[static_cast<std::size_t>(i)];
    const std::string where = what + " point " + std::to_string(i + 1);
    if (p.value != i + 1)
      add(i, where + " has the value " + std::to_string(p.value) + "; points are numbered 1, 2, " +
                 "... lowest first");
    if (auto t = check_text(where + " name", p.name, TextKind::k_line, k_max_line); !t)
      add(i, t.error().message);
    else if (!names.insert(util::to_lower(util::trim(p.name))).second)
      add(i, where + " repeats the name " + quoted(p.name));
    if (p.meaning.size() > k_max_text || util::find_invalid_utf8(p.meaning) != std::string::npos)
      add(i,
          where + " meaning is not UTF-8 text of at most " + std::to_string(k_max_text) + " bytes");
  }
}

std::string cell_name(int row, int column) {
  return "matrix row " + std::to_string(row) + ", column " + std::to_string(column);
}

}  // namespace

// --- enums -------------------------------------------------------------------------------------

std::string_view to_string(Acceptance a) {
  return name_of(k_acceptances, a);
}
std::optional<Acceptance> parse_acceptance(std::string_view text) {
  return parse_from(k_acceptances, text);
}
std::string_view to_string(AssetKind kind) {
  return name_of(k_asset_kinds, kind);
}
std::optional<AssetKind> parse_asset_kind(std::string_view text) {
  return parse_from(k_asset_kinds, text);
}
bool is_primary(AssetKind kind) {
  return kind == AssetKind::k_information || kind == AssetKind::k_process ||
         kind == AssetKind::k_service;
}
std::string_view to_string(Treatment t) {
  return name_of(k_treatments, t);
}
std::optional<Treatment> parse_treatment(std::string_view text) {
  return parse_from(k_treatments, text);
}
std::string_view to_string(RiskStatus s) {
  return name_of(k_risk_statuses, s);
}
std::optional<RiskStatus> parse_risk_status(std::string_view text) {
  return parse_from(k_risk_statuses, text);
}
std::string_view to_string(ControlKind k) {
  return name_of(k_control_kinds, k);
}
std::optional<ControlKind> parse_control_kind(std::string_view text) {
  return parse_from(k_control_kinds, text);
}
std::string_view to_string(DecisionKind k) {
  return name_of(k_decision_kinds, k);
}
std::optional<DecisionKind> parse_decision_kind(std::string_view text) {
  return parse_from(k_decision_kinds, text);
}
std::string_view to_string(SoaReason r) {
  return name_of(k_soa_reasons, r);
}
std::optional<SoaReason> parse_soa_reason(std::string_view text) {
  return parse_from(k_soa_reasons, text);
}
std::string_view to_string(Implementation i) {
  return name_of(k_implementations, i);
}
std::optional<Implementation> parse_implementation(std::string_view text) {
  return parse_from(k_implementations, text);
}
std::string_view to_string(SoaStatus s) {
  return name_of(k_soa_statuses, s);
}
std::optional<SoaStatus> parse_soa_status(std::string_view text) {
  return parse_from(k_soa_statuses, text);
}
std::string_view to_string(FindingKind k) {
  return name_of(k_finding_kinds, k);
}
std::optional<FindingKind> parse_finding_kind(std::string_view text) {
  return parse_from(k_finding_kinds, text);
}

// --- risk criteria -----------------------------------------------------------------------------

int RiskCriteria::consequences() const {
  if (!consequence_types.empty()) return static_cast<int>(consequence_types.front().points.size());
  return matrix.empty() ? 0 : static_cast<int>(matrix.front().size());
}

const RiskLevel* RiskCriteria::level(int l, int c) const {
  if (l < 1 || c < 1 || l > likelihoods() || c > consequences()) return nullptr;
  if (static_cast<std::size_t>(l) > matrix.size()) return nullptr;
  const auto& row = matrix[static_cast<std::size_t>(l - 1)];
  if (static_cast<std::size_t>(c) > row.size()) return nullptr;
  return find_level(row[static_cast<std::size_t>(c - 1)]);
}

const RiskLevel* RiskCriteria::find_level(std::string_view id) const {
  for (const auto& l : levels)
    if (l.id == id) return &l;
  return nullptr;
}

int RiskCriteria::rank(std::string_view id) const {
  for (std::size_t i = 0; i < levels.size(); ++i)
    if (levels[i].id == id) return static_cast<int>(i);
  return -1;
}

std::vector<CriteriaProblem> criteria_problems(const RiskCriteria& criteria) {
  using Part = CriteriaProblem::Part;
  std::vector<CriteriaProblem> out;
  const std::string prefix =
      "risk criteria " + (criteria.id.empty() ? "(no id)" : criteria.id) + ": ";
  auto add = [&](Part part, int index, int index2, const std::string& message) {
    out.push_back(CriteriaProblem{part, index, index2, prefix + message});
  };

  if (!plain_id(criteria.id))
    add(Part::k_id, -1, -1,
        "id " + quoted(criteria.id) +
            " is not a plain id: use lowercase letters, digits, '-' and '.', starting with a "
            "letter or digit (at most 128)");
  if (auto t = check_text("name", criteria.name, TextKind::k_line, k_max_line); !t)
    add(Part::k_name, -1, -1, t.error().message);
  if (criteria.version < 1)
    add(Part::k_version, -1, -1,
        "version " + std::to_string(criteria.version) + " is not a version (1, 2, ...)");
  if (criteria.description.size() > k_max_text ||
      util::find_invalid_utf8(criteria.description) != std::string::npos)
    add(Part::k_criteria, -1, -1,
        "the description is not UTF-8 text of at most " + std::to_string(k_max_text) + " bytes");
  if (criteria.assessment_criteria.size() > k_max_text ||
      util::find_invalid_utf8(criteria.assessment_criteria) != std::string::npos)
    add(Part::k_assessment_criteria, -1, -1,
        "the assessment criteria are not UTF-8 text of at most " + std::to_string(k_max_text) +
            " bytes");

  // The likelihood scale: the rows.
  check_scale(criteria.likelihood, "likelihood",
              [&](int i, const std::string& m) { add(Part::k_likelihood, i, -1, m); });

  // The consequence types: each a wording of the same scale, the columns.
  const int columns = criteria.consequences();
  if (criteria.consequence_types.empty())
    add(Part::k_consequence_type, -1, -1,
        "no consequence type: criteria need at least one (confidentiality, financial, ...)");
  std::map<std::string, int> type_ids;
  for (std::size_t t = 0; t < criteria.consequence_types.size(); ++t) {
    const auto& type = criteria.consequence_types[t];
    const int ti = static_cast<int>(t);
    const std::string what =
        "consequence type " + (type.id.empty() ? std::to_string(t + 1) : quoted(type.id));
    if (!plain_id(type.id)) {
      add(Part::k_consequence_type, ti, -1,
          what + ": the id " + quoted(type.id) +
              " is not a plain id (lowercase letters, digits, '-' and '.')");
    } else if (auto [it, inserted] = type_ids.emplace(type.id, ti); !inserted) {
      add(Part::k_consequence_type, ti, -1,
          what + " is listed twice (types " + std::to_string(it->second + 1) + " and " +
              std::to_string(t + 1) + ")");
    }
    if (auto n = check_text(what + " name", type.name, TextKind::k_line, k_max_line); !n)
      add(Part::k_consequence_type, ti, -1, n.error().message);
    if (t > 0 && static_cast<int>(type.points.size()) != columns) {
      add(Part::k_consequence_type, ti, -1,
          what + " has " + std::to_string(type.points.size()) + " points; " +
              quoted(criteria.consequence_types.front().id) + " has " + std::to_string(columns) +
              " (every type words the same consequence scale, one point per matrix column)");
    } else {
      check_scale(type.points, what,
                  [&](int i, const std::string& m) { add(Part::k_consequence_type, ti, i, m); });
    }
  }

  // The levels, lowest first.
  if (criteria.levels.size() < 2)
    add(Part::k_level, -1, -1,
        "criteria need at least two levels (low, ..., high), lowest first; there are " +
            std::to_string(criteria.levels.size()));
  std::map<std::string, int> level_ids;
  for (std::size_t i = 0; i < criteria.levels.size(); ++i) {
    const auto& l = criteria.levels[i];
    const int li = static_cast<int>(i);
    const std::string what = "level " + (l.id.empty() ? std::to_string(i + 1) : quoted(l.id));
    if (!plain_id(l.id)) {
      add(Part::k_level, li, -1,
          what + ": the id " + quoted(l.id) +
              " is not a plain id (lowercase letters, digits, '-' and '.')");
    } else if (auto [it, inserted] = level_ids.emplace(l.id, li); !inserted) {
      add(Part::k_level, li, -1,
          what + " is listed twice (levels " + std::to_string(it->second + 1) + " and " +
              std::to_string(i + 1) + ")");
    }
    if (auto n = check_text(what + " name", l.name, TextKind::k_line, k_max_line); !n)
      add(Part::k_level, li, -1, n.error().message);
    if (!colour(l.colour))
      add(Part::k_level, li, -1,
          what + ": colour " + quoted(l.colour) + " is not \"#RRGGBB\" (for example \"#2e7d32\")");
    if (l.review_months < 1 || l.review_months > 120)
      add(Part::k_level, li, -1,
          what + ": review every " + std::to_string(l.review_months) +
              " months is not 1 to 120 months");
  }

  // The matrix: N rows of M known levels that never fall as likelihood or consequence rises.
  const int rows = criteria.likelihoods();
  if (static_cast<int>(criteria.matrix.size()) != rows) {
    add(Part::k_matrix, -1, -1,
        "the matrix has " + std::to_string(criteria.matrix.size()) +
            " rows; the likelihood scale " + "has " + std::to_string(rows) +
            " points (one row each, likelihood 1 first)");
  }
  std::string known;
  for (const auto& l : criteria.levels) known += (known.empty() ? "" : ", ") + l.id;
  bool shape_ok = static_cast<int>(criteria.matrix.size()) == rows;
  for (std::size_t r = 0; r < criteria.matrix.size(); ++r) {
    const auto& row = criteria.matrix[r];
    const int ri = static_cast<int>(r);
    if (static_cast<int>(row.size()) != columns) {
      shape_ok = false;
      add(Part::k_matrix, ri, -1,
          "matrix row " + std::to_string(r + 1) + " has " + std::to_string(row.size()) +
              " columns; the consequence scale has " + std::to_string(columns) +
              " points (one column each, consequence 1 first)");
    }
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (criteria.find_level(row[c]) == nullptr) {
        shape_ok = false;
        add(Part::k_matrix, ri, static_cast<int>(c),
            cell_name(ri + 1, static_cast<int>(c) + 1) + ": unknown level " + quoted(row[c]) +
                " (the levels are " + known + ")");
      }
    }
  }
  if (shape_ok) {
    for (int r = 0; r < rows; ++r) {
      for (int c = 0; c < columns; ++c) {
        const auto& here =
            criteria.matrix[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
        const int rank = criteria.rank(here);
        if (r > 0) {
          const auto& below =
              criteria.matrix[static_cast<std::size_t>(r - 1)][static_cast<std::size_t>(c)];
          if (rank < criteria.rank(below))
            add(Part::k_matrix, r, c,
                cell_name(r + 1, c + 1) + ": level " + quoted(here) + " is below " + quoted(below) +
                    " of " + cell_name(r, c + 1) + ": a level never falls as likelihood rises");
        }
        if (c > 0) {
          const auto& left =
              criteria.matrix[static_cast<std::size_t>(r)][static_cast<std::size_t>(c - 1)];
          if (rank < criteria.rank(left))
            add(Part::k_matrix, r, c,
                cell_name(r + 1, c + 1) + ": level " + quoted(here) + " is below " + quoted(left) +
                    " of " + cell_name(r + 1, c) + ": a level never falls as consequence rises");
        }
      }
    }
  }
  return out;
}

util::Result<void> validate(const RiskCriteria& criteria) {
  auto problems = criteria_problems(criteria);
  if (problems.empty()) return {};
  static constexpr std::array<std::string_view, 9> k_fields{
      "criteria", "id",         "name",
      "version",  "likelihood", "consequence_types",
      "levels",   "matrix",     "assessment_criteria"};
  return fail_at(std::string(k_fields[static_cast<std::size_t>(problems.front().part)]),
                 problems.front().message);
}

std::vector<CellChange> matrix_changes(const RiskCriteria& before, const RiskCriteria& after) {
  std::vector<CellChange> out;
  const int rows = std::max(before.likelihoods(), after.likelihoods());
  const int columns = std::max(before.consequences(), after.consequences());
  auto cell = [](const RiskCriteria& c, int l, int k) -> std::string {
    const auto* level = c.level(l, k);
    return level ? level->id : std::string();
  };
  for (int l = 1; l <= rows; ++l) {
    for (int k = 1; k <= columns; ++k) {
      auto b = cell(before, l, k);
      auto a = cell(after, l, k);
      if (a != b) out.push_back(CellChange{l, k, std::move(b), std::move(a)});
    }
  }
  return out;
}

// --- assets ------------------------------------------------------------------------------------

util::Result<void> validate(const Asset& asset) {
  if (auto r = text_field("ref", "asset ref", asset.ref, TextKind::k_reference_name, k_max_ref); !r)
    return r;
  const std::string what = "asset " + asset.ref;
  if (auto r = text_field("name", what + " name", asset.name, TextKind::k_line, k_max_line); !r)
    return r;
  if (auto r = text_field("owner", what + " owner", asset.owner, TextKind::k_line, k_max_line); !r)
    return r;
  if (auto r = free_text("description", what + " description", asset.description, k_max_text); !r)
    return r;
  for (auto [field, value] :
       {std::pair{"confidentiality", asset.confidentiality},
        std::pair{"integrity", asset.integrity}, std::pair{"availability", asset.availability}}) {
    if (value < 0 || value > 4)
      return fail_at(field,
                     what + ": " + field + " need " + std::to_string(value) + " is not 0 to 4");
  }
  if (asset.rto_hours && *asset.rto_hours < 0)
    return fail_at("rto_hours",
                   what + ": RTO of " + std::to_string(*asset.rto_hours) + " hours is negative");
  if (asset.rpo_hours && *asset.rpo_hours < 0)
    return fail_at("rpo_hours",
                   what + ": RPO of " + std::to_string(*asset.rpo_hours) + " hours is negative");
  if (asset.id != 0 && asset.parent && *asset.parent == asset.id)
    return fail_at("parent", what + " cannot be its own parent");
  std::set<std::int64_t> seen;
  for (auto d : asset.depends_on) {
    if (asset.id != 0 && d == asset.id)
      return fail_at("depends_on", what + " cannot depend on itself");
    if (!seen.insert(d).second)
      return fail_at("depends_on", what + " depends on asset " + std::to_string(d) + " twice");
  }
  return {};
}

// --- risks -------------------------------------------------------------------------------------

ControlLink parse_control_link(std::string_view text) {
  auto t = util::trim(text);
  static const std::regex annex("^[Aa]\\.([0-9]+(\\.[0-9]+)*)$");
  std::smatch m;
  if (std::regex_match(t, m, annex)) return ControlLink{ControlKind::k_annex_a, "A." + m[1].str()};
  if (t.find(':') != std::string::npos) return ControlLink{ControlKind::k_outcome, t};
  return ControlLink{ControlKind::k_own, t};
}

std::string to_string(const ControlLink& link) {
  return link.ref;
}

util::Result<void> validate(const Risk& risk, const RiskCriteria& criteria) {
  if (auto r = text_field("ref", "risk ref", risk.ref, TextKind::k_reference_name, k_max_ref); !r)
    return r;
  const std::string what = "risk " + risk.ref;
  if (auto r = text_field("title", what + " title", risk.title, TextKind::k_line, k_max_line); !r)
    return r;
  if (auto r = text_field("owner", what + " owner", risk.owner, TextKind::k_line, k_max_line); !r)
    return r;
  if (auto r = free_text("description", what + " description", risk.description, k_max_text); !r)
    return r;
  if (!util::trim(risk.threat).empty()) {
    if (auto r = text_field("threat", what + " threat", risk.threat, TextKind::k_line, k_max_line);
        !r)
      return r;
  }
  if (!util::trim(risk.vulnerability).empty()) {
    if (auto r = text_field("vulnerability", what + " vulnerability", risk.vulnerability,
                            TextKind::k_line, k_max_line);
        !r)
      return r;
  }
  if (risk.criteria != criteria.id)
    return fail_at("criteria", what + " is scored under criteria " + quoted(risk.criteria) +
                                   ", not " + criteria.id);
  const std::string matrix = std::to_string(criteria.likelihoods()) + "×" +
                             std::to_string(criteria.consequences()) + " matrix of criteria " +
                             criteria.id;
  for (auto [name, score] :
       {std::pair{"inherent", &risk.inherent}, std::pair{"current", &risk.current},
        std::pair{"residual", &risk.residual}}) {
    const auto& s = *score;
    if (s.likelihood == 0 && s.consequence == 0) continue;  // not scored
    if (s.likelihood < 1 || s.likelihood > criteria.likelihoods())
      return fail_at(name, what + ": " + name + " likelihood " + std::to_string(s.likelihood) +
                               " is off the " + matrix);
    if (s.consequence < 1 || s.consequence > criteria.consequences())
      return fail_at(name, what + ": " + name + " consequence " + std::to_string(s.consequence) +
                               " is off the " + matrix);
  }
  std::set<std::string> types;
  for (const auto& t : risk.consequence_types) {
    bool known = std::any_of(criteria.consequence_types.begin(), criteria.consequence_types.end(),
                             [&t](const ConsequenceType& c) { return c.id == t; });
    if (!known) {
      std::vector<std::string> ids;
      for (const auto& c : criteria.consequence_types) ids.push_back(c.id);
      return fail_at("consequence_types", what + ": consequence type " + quoted(t) +
                                              " is not one of criteria " + criteria.id + " (" +
                                              util::join(ids, ", ") + ")");
    }
    if (!types.insert(t).second)
      return fail_at("consequence_types", what + ": consequence type " + quoted(t) + " twice");
  }
  if (!risk.review_date.empty()) {
    if (auto d = check_date(what + " review date", risk.review_date); !d)
      return fail_at("review_date", d.error().message);
  }
  for (const auto& c : risk.controls) {
    if (util::trim(c.ref).empty())
      return fail_at("controls", what + ": a control of the treatment plan has no ref");
    if (parse_control_link(c.ref).kind != c.kind)
      return fail_at("controls", what + ": control " + quoted(c.ref) + " is not of the kind " +
                                     std::string(to_string(c.kind)));
  }
  return {};
}

std::string material_state(const Risk& risk) {
  auto score = [](const RiskScore& s) {
    return std::to_string(s.likelihood) + "x" + std::to_string(s.consequence);
  };
  std::string out = "cyberframe-risk-material 1\n";
  out += "criteria: " + risk.criteria + "@" + std::to_string(risk.criteria_version) + "\n";
  out += "inherent: " + score(risk.inherent) + "\n";
  out += "current: " + score(risk.current) + "\n";
  out += "residual: " + score(risk.residual) + "\n";
  out += "treatment: " + std::string(to_string(risk.treatment)) + "\n";
  std::set<ControlLink> controls(risk.controls.begin(), risk.controls.end());
  for (const auto& c : controls)
    out += "control: " + std::string(to_string(c.kind)) + " " + c.ref + "\n";
  std::set<std::int64_t> actions(risk.actions.begin(), risk.actions.end());
  for (auto a : actions) out += "action: " + std::to_string(a) + "\n";
  out += "owner: " + risk.owner + "\n";
  return out;
}

// --- decisions ---------------------------------------------------------------------------------

util::Result<void> validate(const Decision& decision) {
  const std::string what(to_string(decision.kind));
  if (auto r = text_field("decided_by", "the " + what + "'s decider", decision.decided_by,
                          TextKind::k_line, k_max_line);
      !r)
    return r;
  const bool binding = decision.kind != DecisionKind::k_plan_approval;
  if (binding && util::trim(decision.justification).empty())
    return fail_at("justification", "an " + what + " needs a justification");
  if (auto r = free_text("justification", "the " + what + "'s justification",
                         decision.justification, k_max_text);
      !r)
    return r;
  if (binding && decision.expires.empty())
    return fail_at("expires", "an " + what + " needs an expiry date (expires, YYYY-MM-DD): " +
                                  "the risk owner decides again when it lapses");
  if (!decision.expires.empty()) {
    if (auto d = check_date("the " + what + "'s expiry date", decision.expires); !d)
      return fail_at("expires", d.error().message);
  }
  if (!decision.decided_at.empty()) {
    auto at = parse_timestamp("the " + what + "'s time", decision.decided_at);
    if (!at) return fail_at("decided_at", at.error().message);
    if (!decision.expires.empty() && decision.expires <= at->substr(0, 10))
      return fail_at("expires", "the " + what + " expires on " + decision.expires +
                                    ", not after the day it is decided (" + at->substr(0, 10) +
                                    ")");
  }
  if (!decision.state_hash.empty()) {
    bool hex = decision.state_hash.size() == 64 &&
               decision.state_hash.find_first_not_of("0123456789abcdef") == std::string::npos;
    if (!hex)
      return fail_at("state_hash",
                     "the " + what + "'s state hash is not a SHA-256 (64 lowercase hex digits)");
  }
  if (decision.revoked) {
    if (auto r = text_field("revoked_by", "the " + what + "'s revoker", decision.revoked_by,
                            TextKind::k_line, k_max_line);
        !r)
      return r;
    if (auto at = parse_timestamp("the " + what + "'s revocation time", decision.revoked_at); !at)
      return fail_at("revoked_at", at.error().message);
  }
  return {};
}

// --- own controls ------------------------------------------------------------------------------

util::Result<void> validate(const Control& control) {
  if (auto r = text_field("ref", "control ref", control.ref, TextKind::k_reference_name, k_max_ref);
      !r)
    return r;
  const std::string what = "control " + control.ref;
  if (parse_control_link(control.ref).kind != ControlKind::k_own)
    return fail_at("ref", what + ": an own control's ref is neither an Annex A control (A.5.1) " +
                              "nor FRAMEWORK:NODE (it has no ':'); use a ref such as OC-01");
  if (auto r = text_field("title", what + " title", control.title, TextKind::k_line, k_max_line);
      !r)
    return r;
  if (!util::trim(control.owner).empty()) {
    if (auto r = text_field("owner", what + " owner", control.owner, TextKind::k_line, k_max_line);
        !r)
      return r;
  }
  if (auto r = free_text("description", what + " description", control.description, k_max_text); !r)
    return r;
  std::set<std::string> seen;
  for (const auto& o : control.outcomes) {
    auto colon = o.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == o.size())
      return fail_at("outcomes", what + ": outcome " + quoted(o) +
                                     " is not FRAMEWORK:NODE (nist-csf-2.0:PR.AA-01)");
    if (!seen.insert(o).second)
      return fail_at("outcomes", what + ": outcome " + quoted(o) + " twice");
  }
  return {};
}

// --- the Statement of Applicability ------------------------------------------------------------

util::Result<void> validate(const SoaRow& row) {
  if (util::trim(row.control).empty()) return fail_at("control", "an SoA row names no control");
  const std::string what = "control " + row.control;
  if (!row.applicable && util::trim(row.justification).empty())
    return fail_at("justification",
                   what +
                       " is excluded without a justification: the Statement of Applicability "
                       "justifies every exclusion (ISO/IEC 27001:2022 6.1.3 d)");
  if (auto r = free_text("justification", what + " justification", row.justification, k_max_text);
      !r)
    return r;
  if (!util::trim(row.owner).empty()) {
    if (auto r = text_field("owner", what + " owner", row.owner, TextKind::k_line, k_max_line); !r)
      return r;
  }
  if (auto r = free_text("notes", what + " notes", row.notes, k_max_text); !r) return r;
  return {};
}

std::vector<SoaRowChange> diff(const std::vector<SoaRow>& before,
                               const std::vector<SoaRow>& after) {
  std::map<std::string, const SoaRow*> old_rows, new_rows;
  for (const auto& r : before) old_rows.emplace(r.control, &r);
  for (const auto& r : after) new_rows.emplace(r.control, &r);
  std::vector<SoaRowChange> out;
  for (const auto& [control, b] : old_rows) {
    auto it = new_rows.find(control);
    if (it == new_rows.end()) {
      out.push_back(SoaRowChange{control, "removed", {}, *b, std::nullopt});
      continue;
    }
    const auto* a = it->second;
    std::vector<std::string> fields;
    if (a->applicable != b->applicable) fields.emplace_back("applicable");
    if (a->reasons != b->reasons) fields.emplace_back("reasons");
    if (a->justification != b->justification) fields.emplace_back("justification");
    if (a->owner != b->owner) fields.emplace_back("owner");
    if (a->notes != b->notes) fields.emplace_back("notes");
    if (!fields.empty()) out.push_back(SoaRowChange{control, "changed", std::move(fields), *b, *a});
  }
  for (const auto& [control, a] : new_rows)
    if (!old_rows.contains(control))
      out.push_back(SoaRowChange{control, "added", {}, std::nullopt, *a});
  std::sort(out.begin(), out.end(), [](const SoaRowChange& x, const SoaRowChange& y) {
    if (util::clause_less(x.control, y.control)) return true;
    if (util::clause_less(y.control, x.control)) return false;
    return x.control < y.control;
  });
  return out;
}

}  // namespace cyberframe::core
