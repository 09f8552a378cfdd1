#include "codec/risk_json.hpp"

#include "util/json.hpp"

#include <array>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>

namespace cyberframe::codec {
namespace {

std::string str(std::string_view s) {
  return std::string(s);
}

json optional_id(const std::optional<std::int64_t>& v) {
  return v ? json(*v) : json(nullptr);
}
json optional_int(const std::optional<int>& v) {
  return v ? json(*v) : json(nullptr);
}

constexpr std::array<core::SoaReason, 5> k_reasons = {
    core::SoaReason::k_risk_treatment, core::SoaReason::k_legal, core::SoaReason::k_contractual,
    core::SoaReason::k_business, core::SoaReason::k_interested_party};

json reasons_json(const std::set<core::SoaReason>& reasons, bool risk_reason = false) {
  json out = json::array();
  for (auto r : k_reasons) {
    if (reasons.contains(r) || (risk_reason && r == core::SoaReason::k_risk_treatment))
      out.push_back(str(core::to_string(r)));
  }
  return out;
}

json point_json(const core::ScalePoint& p) {
  return json{{"value", p.value}, {"name", p.name}, {"meaning", p.meaning}};
}

json cells_json(const std::map<std::pair<int, int>, std::size_t>& cells) {
  json out = json::array();
  for (const auto& [key, count] : cells)
    out.push_back(json{{"likelihood", key.first}, {"consequence", key.second}, {"count", count}});
  return out;
}

// ---------------------------------------------------------------------- reading criteria

// Collects every error of one document, each naming its path.
class Reader {
 public:
  void error(const std::string& path, std::string message) {
    if (m_errors.size() >= 50) return;
    m_errors.push_back(path.empty() ? message : path + ": " + message);
    if (m_first_path.empty()) m_first_path = path;
  }
  bool failed() const { return !m_errors.empty(); }
  util::Error result() const {
    std::string message;
    for (const auto& e : m_errors) {
      if (!message.empty()) message += "; ";
      message += e;
    }
    return util::Error{util::ErrorCode::k_invalid_input, message, m_first_path};
  }

  static std::string type_of(const json& v) {
    if (v.is_null()) return "null";
    if (v.is_boolean()) return "a boolean";
    if (v.is_number()) return "a number";
    if (v.is_string()) return "a string";
    if (v.is_array()) return "an array";
    return "an object";
  }

  // The object's keys checked against `known`; false (with the errors) when it is not an object.
  bool object(const json& v, const std::string& path, std::initializer_list<std::string_view> known,
              std::initializer_list<std::string_view> ignored = {}) {
    if (!v.is_object()) {
      error(path, "expected an object, found " + type_of(v));
      return false;
    }
    for (const auto& [key, value] : v.items()) {
      bool ok = false;
      for (auto k : known) ok = ok || key == k;
      for (auto k : ignored) ok = ok || key == k;
      if (!ok) {
        std::string list;
        for (auto k : known) {
          if (!list.empty()) list += ", ";
          list += k;
        }
        error(join(path, key), "unknown field; the fields are " + list);
      }
    }
    return true;
  }

  static std::string join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  }
  static std::string at(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
  }

  std::string text(const json& object, const std::string& path, std::string_view key,
                   bool required) {
    auto it = object.find(key);
    auto p = join(path, key);
    if (it == object.end() || it->is_null()) {
      if (required) error(p, "missing; it is required");
      return {};
    }
    if (!it->is_string()) {
      error(p, "expected a string, found " + type_of(*it));
      return {};
    }
    return it->get<std::string>();
  }

  int integer(const json& object, const std::string& path, std::string_view key, bool required,
              int fallback) {
    auto it = object.find(key);
    auto p = join(path, key);
    if (it == object.end() || it->is_null()) {
      if (required) error(p, "missing; it is required");
      return fallback;
    }
    if (!it->is_number_integer()) {
      error(p, "expected a whole number, found " + type_of(*it));
      return fallback;
    }
    auto v = it->get<std::int64_t>();
    if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) {
      error(p, "the number " + std::to_string(v) + " is too large");
      return fallback;
    }
    return static_cast<int>(v);
  }

  // The array at `key`: nullptr (with the error) when missing or not an array.
  const json* array(const json& object, const std::string& path, std::string_view key) {
    auto it = object.find(key);
    auto p = join(path, key);
    if (it == object.end() || it->is_null()) {
      error(p, "missing; it is required");
      return nullptr;
    }
    if (!it->is_array()) {
      error(p, "expected an array, found " + type_of(*it));
      return nullptr;
    }
    return &*it;
  }

  std::vector<core::ScalePoint> points(const json& object, const std::string& path,
                                       std::string_view key) {
    std::vector<core::ScalePoint> out;
    const json* list = array(object, path, key);
    if (list == nullptr) return out;
    auto p = join(path, key);
    for (std::size_t i = 0; i < list->size(); ++i) {
      const auto& item = (*list)[i];
      auto ip = at(p, i);
      if (!this->object(item, ip, {"value", "name", "meaning"})) continue;
      core::ScalePoint point;
      point.value = integer(item, ip, "value", true, 0);
      point.name = text(item, ip, "name", true);
      point.meaning = text(item, ip, "meaning", false);
      out.push_back(std::move(point));
    }
    return out;
  }

 private:
  std::vector<std::string> m_errors;
  std::string m_first_path;
};

}  // namespace

json to_json(const core::RiskScore& s) {
  if (!s.scored()) return nullptr;
  return json{{"likelihood", s.likelihood}, {"consequence", s.consequence}};
}

json to_json(const core::RiskCriteria& c) {
  json likelihood = json::array();
  for (const auto& p : c.likelihood) likelihood.push_back(point_json(p));
  json types = json::array();
  for (const auto& t : c.consequence_types) {
    json points = json::array();
    for (const auto& p : t.points) points.push_back(point_json(p));
    types.push_back(json{{"id", t.id}, {"name", t.name}, {"points", points}});
  }
  json levels = json::array();
  for (const auto& l : c.levels) {
    levels.push_back(json{{"id", l.id},
                          {"name", l.name},
                          {"colour", l.colour},
                          {"acceptance", str(core::to_string(l.acceptance))},
                          {"review_months", l.review_months}});
  }
  json matrix = json::array();
  for (const auto& row : c.matrix) matrix.push_back(row);
  return json{{"id", c.id},
              {"name", c.name},
              {"version", c.version},
              {"description", c.description},
              {"likelihood", likelihood},
              {"consequence_types", types},
              {"levels", levels},
              {"matrix", matrix},
              {"assessment_criteria", c.assessment_criteria},
              {"source", c.source},
              {"organization", c.organization},
              {"built_in", c.organization == 0},
              {"updated_at", c.updated_at},
              {"updated_by", c.updated_by}};
}

util::Result<core::RiskCriteria> risk_criteria_from_json(const json& body) {
  Reader r;
  core::RiskCriteria c;
  const std::string root;
  if (!r.object(body, root,
                {"id", "name", "description", "likelihood", "consequence_types", "levels", "matrix",
                 "assessment_criteria"},
                {"version", "source", "organization", "built_in", "updated_at", "updated_by"})) {
    return std::unexpected(r.result());
  }
  c.id = r.text(body, root, "id", true);
  c.name = r.text(body, root, "name", true);
  c.description = r.text(body, root, "description", false);
  c.assessment_criteria = r.text(body, root, "assessment_criteria", false);
  c.likelihood = r.points(body, root, "likelihood");
  if (const json* types = r.array(body, root, "consequence_types")) {
    for (std::size_t i = 0; i < types->size(); ++i) {
      const auto& item = (*types)[i];
      auto p = Reader::at("consequence_types", i);
      if (!r.object(item, p, {"id", "name", "points"})) continue;
      core::ConsequenceType type;
      type.id = r.text(item, p, "id", true);
      type.name = r.text(item, p, "name", true);
      type.points = r.points(item, p, "points");
      c.consequence_types.push_back(std::move(type));
    }
  }
  if (const json* levels = r.array(body, root, "levels")) {
    for (std::size_t i = 0; i < levels->size(); ++i) {
      const auto& item = (*levels)[i];
      auto p = Reader::at("levels", i);
      if (!r.object(item, p, {"id", "name", "colour", "acceptance", "review_months"})) continue;
      core::RiskLevel level;
      level.id = r.text(item, p, "id", true);
      level.name = r.text(item, p, "name", true);
      level.colour = r.text(item, p, "colour", true);
      auto acceptance = r.text(item, p, "acceptance", true);
      if (auto a = core::parse_acceptance(acceptance)) {
        level.acceptance = *a;
      } else if (!acceptance.empty()) {
        r.error(Reader::join(p, "acceptance"),
                "'" + acceptance + "' is not " + str(core::to_string(core::Acceptance::k_accept)) +
                    ", " + str(core::to_string(core::Acceptance::k_owner_approval)) + " or " +
                    str(core::to_string(core::Acceptance::k_treat)));
      }
      level.review_months = r.integer(item, p, "review_months", false, 12);
      c.levels.push_back(std::move(level));
    }
  }
  if (const json* matrix = r.array(body, root, "matrix")) {
    for (std::size_t i = 0; i < matrix->size(); ++i) {
      const auto& row = (*matrix)[i];
      auto p = Reader::at("matrix", i);
      if (!row.is_array()) {
        r.error(p, "expected an array of level ids, found " + Reader::type_of(row));
        continue;
      }
      std::vector<std::string> cells;
      for (std::size_t j = 0; j < row.size(); ++j) {
        if (!row[j].is_string()) {
          r.error(Reader::at(p, j), "expected a level id, found " + Reader::type_of(row[j]));
          continue;
        }
        cells.push_back(row[j].get<std::string>());
      }
      c.matrix.push_back(std::move(cells));
    }
  }
  if (r.failed()) return std::unexpected(r.result());
  return c;
}

json to_json(const core::Asset& a) {
  return json{{"id", a.id},
              {"organization", a.organization},
              {"ref", a.ref},
              {"name", a.name},
              {"kind", str(core::to_string(a.kind))},
              {"primary", core::is_primary(a.kind)},
              {"description", a.description},
              {"owner", a.owner},
              {"parent", optional_id(a.parent)},
              {"depends_on", a.depends_on},
              {"confidentiality", a.confidentiality},
              {"integrity", a.integrity},
              {"availability", a.availability},
              {"rto_hours", optional_int(a.rto_hours)},
              {"rpo_hours", optional_int(a.rpo_hours)},
              {"retired", a.retired},
              {"version", a.version},
              {"updated_at", a.updated_at},
              {"updated_by", a.updated_by}};
}

json to_json(const core::Threat& t) {
  return json{{"id", t.id},
              {"name", t.name},
              {"category", t.category},
              {"description", t.description},
              {"source", t.source}};
}

json to_json(const core::ControlLink& link) {
  return json{{"kind", str(core::to_string(link.kind))},
              {"ref", link.ref},
              {"text", core::to_string(link)}};
}

json to_json(const core::Risk& k) {
  json controls = json::array();
  for (const auto& c : k.controls) controls.push_back(to_json(c));
  return json{{"id", k.id},
              {"organization", k.organization},
              {"ref", k.ref},
              {"title", k.title},
              {"description", k.description},
              {"assets", k.assets},
              {"threat", k.threat},
              {"vulnerability", k.vulnerability},
              {"consequence_types", k.consequence_types},
              {"criteria", k.criteria},
              {"criteria_version", k.criteria_version},
              {"inherent", to_json(k.inherent)},
              {"current", to_json(k.current)},
              {"residual", to_json(k.residual)},
              {"owner", k.owner},
              {"treatment", str(core::to_string(k.treatment))},
              {"status", str(core::to_string(k.status))},
              {"review_date", k.review_date},
              {"controls", controls},
              {"actions", k.actions},
              {"closed", k.closed},
              {"version", k.version},
              {"updated_at", k.updated_at},
              {"updated_by", k.updated_by}};
}

json to_json(const core::Decision& d) {
  return json{{"id", d.id},
              {"risk", d.risk},
              {"kind", str(core::to_string(d.kind))},
              {"decided_by", d.decided_by},
              {"decided_at", d.decided_at},
              {"justification", d.justification},
              {"expires", d.expires},
              {"state_hash", d.state_hash},
              {"revoked", d.revoked},
              {"revoked_by", d.revoked_by},
              {"revoked_at", d.revoked_at}};
}

json to_json(const core::Control& c) {
  return json{{"id", c.id},
              {"organization", c.organization},
              {"ref", c.ref},
              {"title", c.title},
              {"description", c.description},
              {"owner", c.owner},
              {"outcomes", c.outcomes},
              {"retired", c.retired},
              {"version", c.version},
              {"updated_at", c.updated_at},
              {"updated_by", c.updated_by}};
}

json to_json(const core::SoaRow& r) {
  return json{{"control", r.control},
              {"applicable", r.applicable},
              {"reasons", reasons_json(r.reasons)},
              {"justification", r.justification},
              {"owner", r.owner},
              {"notes", r.notes},
              {"version", r.version},
              {"updated_at", r.updated_at},
              {"updated_by", r.updated_by}};
}

json to_json(const core::SoaLine& l) {
  return json{{"control", l.row.control},
              {"title", l.title},
              {"theme", l.theme},
              {"own", l.own},
              {"applicable", l.row.applicable},
              {"reasons", reasons_json(l.row.reasons, l.risk_reason)},
              {"stated_reasons", reasons_json(l.row.reasons)},
              {"risk_reason", l.risk_reason},
              {"risks", l.risks},
              {"implementation", str(core::to_string(l.implementation))},
              {"implementation_basis", l.implementation_basis},
              {"justification", l.row.justification},
              {"owner", l.row.owner},
              {"notes", l.row.notes},
              {"version", l.row.version},
              {"updated_at", l.row.updated_at},
              {"updated_by", l.row.updated_by}};
}

json to_json(const core::SoaVersion& v) {
  return json{{"id", v.id},
              {"organization", v.organization},
              {"number", v.number},
              {"status", str(core::to_string(v.status))},
              {"created_at", v.created_at},
              {"created_by", v.created_by},
              {"approved_at", v.approved_at},
              {"approved_by", v.approved_by},
              {"approval_note", v.approval_note}};
}

json to_json(const core::SoaRowChange& c) {
  return json{{"control", c.control},
              {"change", c.change},
              {"fields", c.fields},
              {"before", c.before ? to_json(*c.before) : json(nullptr)},
              {"after", c.after ? to_json(*c.after) : json(nullptr)}};
}

json to_json(const core::TraceFinding& f) {
  return json{{"kind", str(core::to_string(f.kind))},
              {"risk", f.risk},
              {"control", f.control},
              {"message", f.message}};
}

json to_json(const core::HeatMap& m) {
  return json{{"inherent", cells_json(m.inherent)},
              {"current", cells_json(m.current)},
              {"residual", cells_json(m.residual)},
              {"unscored", m.unscored}};
}

util::ParseLimits criteria_limits() {
  util::ParseLimits limits;
  limits.bytes = 1 << 20;
  limits.nodes = 20000;
  limits.depth = 16;
  limits.item_bytes = 10000;
  return limits;
}

util::Result<core::RiskCriteria> risk_criteria_from_text(std::string_view text) {
  auto limits = criteria_limits();
  if (text.size() > limits.bytes)
    return util::fail(util::ErrorCode::k_invalid_input,
                      "risk criteria are at most 1 MiB of JSON; this is " +
                          std::to_string(text.size()) + " bytes");
  util::Budget budget(limits, "risk criteria");
  auto parsed = util::parse_json<json>(text, budget);
  if (!parsed) {
    auto [line, column] = util::line_column_of_byte(text, parsed.error().byte);
    return util::fail(util::ErrorCode::k_invalid_input, "line " + std::to_string(line) +
                                                            ", column " + std::to_string(column) +
                                                            ": " + parsed.error().message);
  }
  if (!parsed->is_object())
    return util::fail(util::ErrorCode::k_invalid_input,
                      "risk criteria are a JSON object (risk criteria show --format json)");
  return risk_criteria_from_json(*parsed);
}

}  // namespace cyberframe::codec
