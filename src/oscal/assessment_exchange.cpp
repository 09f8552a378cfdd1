#include "oscal/assessment_exchange.hpp"

#include <cctype>
#include <cmath>
#include <regex>
#include <set>
#include <sstream>

#include "oscal/catalog_exchange.hpp"
#include "util/text.hpp"

namespace cyberframe::oscal {

namespace {

void add_prop(Json& props, std::string_view name, std::string_view value) {
  if (auto p = cyberframe_prop(name, value)) props.push_back(std::move(*p));
}

void set_props(Json& object, Json props) {
  if (!props.empty()) object["props"] = std::move(props);
}

std::string node_label(const core::Node& node) {
  std::string text = node.title.empty() ? node.description : node.title;
  return one_line(node.id + (text.empty() ? "" : " " + text));
}

std::string level_text(const core::Scale& scale, int level) {
  const auto* l = scale.find(level);
  return std::to_string(level) + (l != nullptr ? " " + l->name : "");
}

std::string fmt2(double v) {
  std::ostringstream o;
  o.setf(std::ios::fixed);
  o.precision(2);
  o << v;
  return o.str();
}

// The parties and roles of a document: the organization, and people named in it.
class Parties {
 public:
  explicit Parties(const core::Organization& org) {
    m_org_uuid = name_uuid("organization:" + org.name);
    Json party{{"uuid", m_org_uuid}, {"type", "organization"}, {"name", one_line(org.name)}};
    Json props = Json::array();
    add_prop(props, "scope", org.scope);
    set_props(party, std::move(props));
    m_parties.push_back(std::move(party));
  }
  const std::string& organization() const { return m_org_uuid; }
  // A person by name; its uuid.
  std::string person(const std::string& name) {
    std::string uuid = name_uuid("person:" + name);
    if (m_seen.insert(uuid).second)
      m_parties.push_back(Json{{"uuid", uuid}, {"type", "person"}, {"name", one_line(name)}});
    return uuid;
  }
  void responsible(const std::string& role, const std::string& title, const std::string& party) {
    if (m_roles.insert(role).second) m_role_list.push_back(Json{{"id", role}, {"title", title}});
    m_responsible.push_back(Json{{"role-id", role}, {"party-uuids", Json::array({party})}});
  }
  void into(Json& metadata) const {
    if (!m_role_list.empty()) metadata["roles"] = m_role_list;
    metadata["parties"] = m_parties;
    if (!m_responsible.empty()) metadata["responsible-parties"] = m_responsible;
  }

 private:
  std::string m_org_uuid;
  Json m_parties = Json::array();
  Json m_role_list = Json::array();
  Json m_responsible = Json::array();
  std::set<std::string> m_seen;
  std::set<std::string> m_roles;
};

}  // namespace

std::string oscal_date_time(std::string_view text) {
  static const std::regex date(R"(^\d{4}-\d{2}-\d{2}$)");
  static const std::regex date_time(
      R"(^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$)");
  std::string s = util::trim(text);
  if (std::regex_match(s, date)) return s + "T00:00:00Z";
  std::smatch m;
  if (std::regex_match(s, m, date_time)) {
    std::string zone = m[4].matched ? m[4].str() : "Z";
    if (zone == "+00:00" || zone == "-00:00") zone = "Z";
    return m[1].str() + "T" + m[2].str() + m[3].str() + zone;
  }
  return {};
}

util::Result<Json> export_assessment_results(const core::Catalog& catalog,
                                             const AssessmentResultsInput& in) {
  const auto* fw = catalog.framework(in.profile.framework);
  if (fw == nullptr) {
    return util::fail(util::ErrorCode::k_invalid_input,
                      "profile " + in.profile.name + " is on framework '" + in.profile.framework +
                          "', which the catalog does not have");
  }
  int threshold =
      in.satisfied_at.value_or(in.scale.min() + (in.scale.max() - in.scale.min() + 1) / 2);
  if (!in.scale.contains(threshold)) {
    return util::fail(util::ErrorCode::k_invalid_input,
                      "--satisfied-at " + std::to_string(threshold) + " is not a level of scale " +
                          in.scale.id + " (" + std::to_string(in.scale.min()) + "-" +
                          std::to_string(in.scale.max()) + ")");
  }
  const bool live = in.assessment_name.empty();
  const std::string when =
      oscal_date_time(in.taken_at).empty() ? export_timestamp() : oscal_date_time(in.taken_at);
  const std::string base = "assessment-results:" + in.organization.name + ":" + in.profile.name +
                           ":" + (live ? "live:" + when : "assessment:" + in.assessment_name);

  Parties parties(in.organization);
  parties.responsible("prepared-for", "Organization assessed", parties.organization());
  if (!in.assessor.empty())
    parties.responsible("assessor", "Assessor", parties.person(in.assessor));
  if (!in.signed_off_by.empty())
    parties.responsible("approver", "Signed off by", parties.person(in.signed_off_by));

  Json metadata = Json::object();
  std::string what = live ? "the profile " + in.profile.name + " as of " + when
                          : "the assessment " + in.assessment_name + " of " + in.profile.name;
  metadata["title"] = one_line("Assessment results: " + what + " (" + in.organization.name + ")");
  metadata["last-modified"] = when;
  metadata["version"] = live ? when : one_line(in.assessment_name);
  metadata["oscal-version"] = std::string(k_export_oscal_version);
  {
    Json props = Json::array();
    add_prop(props, "organization", in.organization.name);
    add_prop(props, "framework-id", fw->id);
    add_prop(props, "profile", in.profile.name);
    add_prop(props, "assessment", in.assessment_name);
    add_prop(props, "scale", in.scale.id);
    set_props(metadata, std::move(props));
  }
  parties.into(metadata);

  // What the assessment plan would be: the framework's catalog, as cyberframe exports it.
  const std::string plan_uuid = name_uuid(base + ":plan");
  Json resources = Json::array();
  resources.push_back(
      Json{{"uuid", plan_uuid},
           {"title", one_line("Assessment of " + fw->title)},
           {"description", "No separate OSCAL assessment plan: every node of the framework " +
                               fw->id + " was assessed on the profile " + in.profile.name +
                               " against the scale " + in.scale.name + "."},
           {"rlinks", Json::array({Json{{"href", fw->id + ".json"},
                                        {"media-type", "application/oscal.catalog+json"}}})}});

  const auto scores = core::roll_up(catalog, fw->id, in.assessments);
  Json observations = Json::array();
  Json findings = Json::array();
  Json reviewed = Json::array();
  std::set<std::string> evidence_resources;
  for (const auto* node : catalog.nodes_in_order(fw->id)) {
    auto it = in.assessments.find(node->id);
    if (it == in.assessments.end()) continue;
    const auto& a = it->second;
    if (!a.level && !a.not_applicable) continue;
    const std::string token = node_id_to_token(node->id);
    reviewed.push_back(Json{{"control-id", token}});

    std::optional<int> target;
    if (in.target_profile) {
      auto t = in.targets.find(node->id);
      if (t != in.targets.end() && t->second.level) target = t->second.level;
    }
    // Satisfied: at the target (or the threshold); N/A is out of scope, which is satisfied.
    bool satisfied = a.not_applicable || (a.level && *a.level >= target.value_or(threshold));
    std::string state_reason;
    std::string description;
    std::optional<std::string> implementation;
    if (a.not_applicable) {
      description = "Not applicable: " + a.justification;
      implementation = "not-applicable";
      state_reason = "other";
    } else {
      description = "Level " + level_text(in.scale, *a.level);
      if (const auto* l = in.scale.find(*a.level); l != nullptr && !l->meaning.empty())
        description += ": " + l->meaning;
      if (target) description += " Target level " + level_text(in.scale, *target) + ".";
      if (*a.level >= target.value_or(threshold))
        implementation = "implemented";
      else if (*a.level > in.scale.min())
        implementation = "partial";
      state_reason = satisfied ? "pass" : "fail";
    }
    if (!a.notes.empty()) description += "\n\n" + a.notes;

    const std::string observation_uuid = name_uuid(base + ":observation:" + node->id);
    Json observation{
        {"uuid", observation_uuid}, {"title", node_label(*node)}, {"description", description}};
    Json oprops = Json::array();
    if (a.level) add_prop(oprops, "level", std::to_string(*a.level));
    if (a.not_applicable) add_prop(oprops, "not-applicable", "true");
    add_prop(oprops, "owner", a.owner);
    add_prop(oprops, "priority", std::to_string(a.priority));
    add_prop(oprops, "updated-by", a.updated_by);
    set_props(observation, std::move(oprops));
    observation["methods"] = Json::array({"EXAMINE"});
    observation["types"] = Json::array({"control-objective"});
    Json evidence = Json::array();
    for (const auto& e : a.evidence) {
      if (e.kind == "link" && !e.url.empty()) {
        evidence.push_back(Json{{"href", e.url}, {"description", e.name.empty() ? e.url : e.name}});
      } else if (!e.sha256.empty()) {
        std::string uuid = name_uuid("evidence:" + e.sha256);
        if (evidence_resources.insert(uuid).second) {
          Json r{{"uuid", uuid},
                 {"title", one_line(e.name.empty() ? e.sha256 : e.name)},
                 {"rlinks",
                  Json::array({Json{{"href", "evidence/" + e.sha256},
                                    {"hashes", Json::array({Json{{"algorithm", "SHA-256"},
                                                                 {"value", e.sha256}}})}}})}};
          Json rp = Json::array();
          add_prop(rp, "size", std::to_string(e.size));
          add_prop(rp, "added-by", e.added_by);
          add_prop(rp, "added-at", e.added_at);
          set_props(r, std::move(rp));
          resources.push_back(std::move(r));
        }
        evidence.push_back(
            Json{{"href", "#" + uuid}, {"description", e.name.empty() ? e.sha256 : e.name}});
      }
    }
    if (!evidence.empty()) observation["relevant-evidence"] = std::move(evidence);
    std::string collected = oscal_date_time(a.updated_at);
    observation["collected"] = collected.empty() ? when : collected;
    observations.push_back(std::move(observation));

    Json finding_target{{"type", "objective-id"},
                        {"target-id", token},
                        {"status", Json{{"state", satisfied ? "satisfied" : "not-satisfied"},
                                        {"reason", state_reason}}}};
    if (implementation) finding_target["implementation-status"] = Json{{"state", *implementation}};
    Json finding{{"uuid", name_uuid(base + ":finding:" + node->id)},
                 {"title", node_label(*node)},
                 {"description", description}};
    Json fprops = Json::array();
    add_prop(fprops, "node", node->id);
    add_prop(fprops, "level-class", core::to_string(node->level));
    if (target) add_prop(fprops, "target-level", std::to_string(*target));
    if (auto s = scores.find(node->id); s != scores.end() && s->second.value)
      add_prop(fprops, "score", fmt2(*s->second.value));
    set_props(finding, std::move(fprops));
    finding["target"] = std::move(finding_target);
    finding["related-observations"] = Json::array({Json{{"observation-uuid", observation_uuid}}});
    findings.push_back(std::move(finding));
  }

  Json result{{"uuid", name_uuid(base + ":result")},
              {"title", one_line(live ? "Profile " + in.profile.name + " as of " + when
                                      : "Assessment " + in.assessment_name)},
              {"description", "The nodes of " + fw->title + " as assessed on " + in.profile.name +
                                  " of " + in.organization.name + "."},
              {"start", when}};
  if (!live) result["end"] = when;
  {
    Json props = Json::array();
    if (auto overall = core::overall_score(*fw, scores))
      add_prop(props, "overall-score", fmt2(*overall));
    if (in.target_profile) {
      add_prop(props, "target-profile", in.target_profile->name);
    } else {
      add_prop(props, "satisfied-at", std::to_string(threshold));
    }
    set_props(result, std::move(props));
  }
  Json selection = Json::object();
  if (reviewed.empty()) {
    selection["description"] = "Nothing is assessed yet: every node is in scope.";
    selection["include-all"] = Json::object();
  } else {
    selection["include-controls"] = std::move(reviewed);
  }
  result["reviewed-controls"] = Json{{"control-selections", Json::array({std::move(selection)})}};
  if (!observations.empty()) result["observations"] = std::move(observations);
  if (!findings.empty()) result["findings"] = std::move(findings);
  if (!in.signed_off_by.empty()) result["remarks"] = "Signed off by " + in.signed_off_by + ".";

  Json body{{"uuid", name_uuid(base)},
            {"metadata", std::move(metadata)},
            {"import-ap", Json{{"href", "#" + plan_uuid}}},
            {"results", Json::array({std::move(result)})},
            {"back-matter", Json{{"resources", std::move(resources)}}}};
  return Json{{"assessment-results", std::move(body)}};
}

util::Result<Json> export_poam(const core::Catalog& catalog, const PoamInput& in) {
  const auto* fw = catalog.framework(in.profile.framework);
  if (fw == nullptr) {
    return util::fail(util::ErrorCode::k_invalid_input,
                      "profile " + in.profile.name + " is on framework '" + in.profile.framework +
                          "', which the catalog does not have");
  }
  const std::string when =
      in.generated_at.empty() ? export_timestamp() : oscal_date_time(in.generated_at);
  const std::string base = "poam:" + in.organization.name + ":" + in.profile.name;

  Parties parties(in.organization);
  parties.responsible("prepared-for", "Organization the plan is for", parties.organization());

  Json observations = Json::array();
  Json findings = Json::array();
  Json risks = Json::array();
  Json items = Json::array();
  std::set<std::string> seen_nodes;
  for (const auto& action : in.actions) {
    if (action.status != core::ActionStatus::k_planned &&
        action.status != core::ActionStatus::k_in_progress)
      continue;
    std::vector<const core::Node*> nodes;
    for (const auto& id : action.nodes) {
      if (const auto* n = catalog.node(fw->id, id)) nodes.push_back(n);
    }
    if (nodes.empty()) continue;
    const std::string action_base = base + ":action:" + std::to_string(action.id);
    Json related_findings = Json::array();
    Json related_observations = Json::array();
    for (const auto* node : nodes) {
      const std::string observation_uuid = name_uuid(base + ":observation:" + node->id);
      const std::string finding_uuid = name_uuid(base + ":finding:" + node->id);
      related_findings.push_back(Json{{"finding-uuid", finding_uuid}});
      related_observations.push_back(Json{{"observation-uuid", observation_uuid}});
      if (!seen_nodes.insert(node->id).second) continue;
      auto it = in.assessments.find(node->id);
      std::string current = "not assessed";
      std::string collected = when;
      if (it != in.assessments.end()) {
        if (it->second.level) current = "level " + level_text(in.scale, *it->second.level);
        if (it->second.not_applicable) current = "not applicable";
        if (auto c = oscal_date_time(it->second.updated_at); !c.empty()) collected = c;
      }
      std::string gap = "Current: " + current + "; the roadmap raises it to level " +
                        level_text(in.scale, action.target_level) + ".";
      Json observation{{"uuid", observation_uuid},
                       {"title", node_label(*node)},
                       {"description", gap},
                       {"methods", Json::array({"EXAMINE"})},
                       {"types", Json::array({"finding"})},
                       {"collected", collected}};
      observations.push_back(std::move(observation));
      Json finding{
          {"uuid", finding_uuid}, {"title", "Gap: " + node_label(*node)}, {"description", gap}};
      Json fprops = Json::array();
      add_prop(fprops, "node", node->id);
      if (it != in.assessments.end() && it->second.level)
        add_prop(fprops, "current-level", std::to_string(*it->second.level));
      set_props(finding, std::move(fprops));
      finding["target"] = Json{{"type", "objective-id"},
                               {"target-id", node_id_to_token(node->id)},
                               {"status", Json{{"state", "not-satisfied"}, {"reason", "fail"}}}};
      finding["related-observations"] = Json::array({Json{{"observation-uuid", observation_uuid}}});
      findings.push_back(std::move(finding));
    }

    std::vector<std::string> node_ids;
    for (const auto* n : nodes) node_ids.push_back(n->id);
    const std::string status(core::to_string(action.status));
    std::string description = action.title + ": raise " + util::join(node_ids, ", ") +
                              " to level " + level_text(in.scale, action.target_level) + ".";
    if (!action.owner.empty()) description += " Owner: " + action.owner + ".";
    if (!action.due.empty()) description += " Due " + action.due + ".";

    const std::string risk_uuid = name_uuid(action_base + ":risk");
    Json remediation{{"uuid", name_uuid(action_base + ":remediation")},
                     {"lifecycle", "planned"},
                     {"title", one_line(action.title)},
                     {"description", description}};
    {
      Json props = Json::array();
      add_prop(props, "owner", action.owner);
      if (action.effort_days > 0)
        add_prop(props, "effort-days", std::to_string(action.effort_days));
      set_props(remediation, std::move(props));
    }
    std::string due = oscal_date_time(action.due);
    if (!due.empty()) {
      remediation["tasks"] =
          Json::array({Json{{"uuid", name_uuid(action_base + ":milestone")},
                            {"type", "milestone"},
                            {"title", "Due: " + action.title},
                            {"timing", Json{{"on-date", Json{{"date", due}}}}}}});
    }
    Json risk{
        {"uuid", risk_uuid},
        {"title", one_line("Gap: " + util::join(node_ids, ", "))},
        {"description", "The outcomes " + util::join(node_ids, ", ") + " of " + fw->title +
                            " are below their target level."},
        {"statement", "Until " + action.title + " is done, the organization does not reach level " +
                          level_text(in.scale, action.target_level) + " on " +
                          util::join(node_ids, ", ") + "."},
        {"status", action.status == core::ActionStatus::k_in_progress ? "remediating" : "open"}};
    if (!due.empty()) risk["deadline"] = due;
    risk["remediations"] = Json::array({std::move(remediation)});
    risk["related-observations"] = related_observations;
    risks.push_back(std::move(risk));

    Json item{{"uuid", name_uuid(action_base)},
              {"title", one_line(action.title)},
              {"description", description}};
    Json props = Json::array();
    add_prop(props, "action-id", std::to_string(action.id));
    add_prop(props, "status", status);
    add_prop(props, "owner", action.owner);
    add_prop(props, "due", action.due);
    add_prop(props, "target-level", std::to_string(action.target_level));
    if (action.effort_days > 0) add_prop(props, "effort-days", std::to_string(action.effort_days));
    for (const auto& id : node_ids) add_prop(props, "node", id);
    set_props(item, std::move(props));
    item["related-findings"] = std::move(related_findings);
    item["related-observations"] = std::move(related_observations);
    item["related-risks"] = Json::array({Json{{"risk-uuid", risk_uuid}}});
    items.push_back(std::move(item));
  }
  if (items.empty()) {
    return util::fail(util::ErrorCode::k_invalid_input,
                      "the roadmap of " + in.organization.name +
                          " has no open action (planned or in progress) on a node of " + fw->id +
                          ": a POA&M needs at least one item");
  }

  Json metadata{{"title", one_line("Plan of action and milestones: " + in.organization.name + ", " +
                                   fw->title)},
                {"last-modified", when},
                {"version", when},
                {"oscal-version", std::string(k_export_oscal_version)}};
  {
    Json props = Json::array();
    add_prop(props, "organization", in.organization.name);
    add_prop(props, "framework-id", fw->id);
    add_prop(props, "profile", in.profile.name);
    add_prop(props, "scale", in.scale.id);
    set_props(metadata, std::move(props));
  }
  parties.into(metadata);
  Json body{{"uuid", name_uuid(base + ":" + when)},
            {"metadata", std::move(metadata)},
            {"system-id", Json{{"identifier-type", "https://ietf.org/rfc/rfc4122"},
                               {"id", name_uuid("organization:" + in.organization.name)}}},
            {"observations", std::move(observations)},
            {"risks", std::move(risks)},
            {"findings", std::move(findings)},
            {"poam-items", std::move(items)}};
  return Json{{"plan-of-action-and-milestones", std::move(body)}};
}

}  // namespace cyberframe::oscal
