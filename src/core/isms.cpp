#include "core/isms.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "core/input_rules.hpp"
#include "util/date.hpp"
#include "util/text.hpp"

namespace cyberframe::core {

using util::ErrorCode;
using util::fail;
using util::fail_field;
using util::Result;

std::string_view to_string(FieldKind kind) {
  switch (kind) {
    case FieldKind::k_text:
      return "text";
    case FieldKind::k_long_text:
      return "long-text";
    case FieldKind::k_enum:
      return "enum";
    case FieldKind::k_date:
      return "date";
    case FieldKind::k_number:
      return "number";
    case FieldKind::k_integer:
      return "integer";
    case FieldKind::k_list:
      return "list";
    case FieldKind::k_record:
      return "record";
  }
  return "text";
}

bool role_writes(const RegisterSpec& spec, Role role) {
  switch (role) {
    case Role::k_admin:
    case Role::k_editor:
      return true;
    case Role::k_auditor:
      return spec.auditors_write;
    case Role::k_viewer:
      return false;
  }
  return false;
}

const FieldSpec* RegisterSpec::field(std::string_view k) const {
  for (const auto& f : fields)
    if (f.key == k) return &f;
  return nullptr;
}

namespace {

using K = FieldKind;

FieldSpec text(std::string key, std::string label, bool required = false, std::string help = "") {
  return FieldSpec{std::move(key), std::move(label), K::k_text, required, {}, "", std::move(help)};
}
FieldSpec prose(std::string key, std::string label, bool required = false, std::string help = "") {
  return FieldSpec{std::move(key), std::move(label), K::k_long_text, required, {}, "",
                   std::move(help)};
}
FieldSpec choice(std::string key, std::string label, std::vector<std::string> values,
                 bool required = false, std::string help = "") {
  return FieldSpec{std::move(key), std::move(label), K::k_enum, required, std::move(values), "",
                   std::move(help)};
}
FieldSpec date(std::string key, std::string label, bool required = false, std::string help = "") {
  return FieldSpec{std::move(key), std::move(label), K::k_date, required, {}, "", std::move(help)};
}
FieldSpec number(std::string key, std::string label, std::string help = "") {
  return FieldSpec{std::move(key), std::move(label), K::k_number, false, {}, "", std::move(help)};
}
FieldSpec whole(std::string key, std::string label, std::string help = "") {
  return FieldSpec{std::move(key), std::move(label), K::k_integer, false, {}, "", std::move(help)};
}
FieldSpec list(std::string key, std::string label, std::string help = "") {
  return FieldSpec{std::move(key), std::move(label), K::k_list, false, {}, "", std::move(help)};
}
FieldSpec record(std::string key, std::string label, std::string target, bool required = false,
                 std::string help = "") {
  return FieldSpec{std::move(key),    std::move(label), K::k_record, required, {},
                   std::move(target), std::move(help)};
}

std::vector<RegisterSpec> build_registers() {
  std::vector<RegisterSpec> r;
  r.push_back({"context",
               "4.1",
               "Context: internal and external issues",
               "CTX-",
               "The issues that bear on the ISMS's ability to achieve its intended outcomes, and "
               "the determination whether climate change is a relevant issue (Amd 1:2024).",
               {choice("type", "Type", {"issue", "climate-change"}, false,
                       "an issue, or the climate-change determination (at most one live)"),
                choice("category", "Category", {"internal", "external"}, true),
                text("source", "Source", false, "where the issue comes from (PESTLE, SWOT, ...)"),
                prose("description", "Description"), prose("effect", "Effect on the ISMS"),
                choice("relevant", "Relevant", {"yes", "no"}, false,
                       "climate change: whether it is a relevant issue"),
                prose("rationale", "Rationale", false, "climate change: why (or why not)")},
               {"open", "monitored", "closed"},
               false});
  r.push_back({"interested-parties",
               "4.2",
               "Interested parties",
               "IP-",
               "The parties relevant to the ISMS.",
               {choice("type", "Internal or external", {"internal", "external"}, true),
                text("category", "Category", false, "customer, regulator, supplier, staff, ..."),
                text("contact", "Contact")},
               {"active", "inactive"},
               false});
  r.push_back(
      {"requirements",
       "4.2",
       "Requirements of interested parties",
       "REQ-",
       "The relevant requirements of the interested parties, and whether and how the ISMS "
       "addresses them.",
       {record("party", "Interested party", "interested-parties", true),
        choice("type", "Type", {"legal", "regulatory", "contractual", "other"}, true),
        prose("requirement", "Requirement", true),
        choice("addressed", "Addressed", {"yes", "partly", "no"}, true),
        prose("how", "How it is addressed"), record("obligation", "Obligation", "obligations")},
       {"active", "retired"},
       false});
  r.push_back(
      {"obligations",
       "4.2",
       "Legal, regulatory and contractual obligations",
       "OBL-",
       "The laws, regulations and contracts the SoA's legal, regulatory and contractual "
       "reasons point to.",
       {choice("type", "Type", {"law", "regulation", "contract", "standard", "other"}, true),
        text("citation", "Citation"), text("jurisdiction", "Jurisdiction or counterparty"),
        prose("summary", "Summary"), date("next_review", "Next review")},
       {"active", "under-review", "retired"},
       false});
  r.push_back({"scope",
               "4.3",
               "Scope of the ISMS",
               "SCOPE-",
               "The scope statement: boundaries, interfaces and dependencies, exclusions. "
               "Approved; an edit of an approved scope starts its next revision.",
               {prose("statement", "Scope statement", true),
                prose("organizational", "Organizational boundaries"),
                prose("physical", "Physical boundaries"),
                prose("technological", "Technological boundaries"),
                prose("interfaces", "Interfaces and dependencies"),
                prose("exclusions", "Exclusions and why")},
               {"draft", "approved", "retired"},
               true});
  r.push_back({"policies",
               "5.2",
               "Policies",
               "POL-",
               "The information security policy and the topic-specific policies under it.",
               {choice("level", "Level", {"top-level", "topic-specific"}, true),
                record("parent", "Parent policy", "policies", false,
                       "required for a topic-specific policy"),
                text("topic", "Topic"),
                text("document", "Document", false, "the document that holds it (DOC-NNN)")},
               {"draft", "approved", "retired"},
               true});
  r.push_back({"roles",
               "5.3",
               "Roles, responsibilities and authorities",
               "ROLE-",
               "Who holds which role, and the RACI over the ISMS's processes.",
               {prose("responsibilities", "Responsibilities"), prose("authorities", "Authorities"),
                list("holders", "Holders", "the persons holding the role"),
                list("raci", "RACI", "PROCESS=R|A|C|I (letters may combine: RA)")},
               {"active", "vacant", "retired"},
               false});
  r.push_back({"objectives",
               "6.2",
               "Information security objectives",
               "OBJ-",
               "Objectives and the planning to achieve them (6.2 f-j).",
               {prose("plan", "What will be done", true), prose("resources", "Resources required"),
                text("responsible", "Who is responsible"), date("due", "When it will be completed"),
                prose("evaluation", "How the results are evaluated"),
                record("measurement", "Measurement", "measurements"),
                text("target", "Target value", false,
                     "starts with a number to judge the measurement by (95 %, <= 24 "
                     "hours); else the measurement's own target")},
               {"planned", "on-track", "at-risk", "achieved", "abandoned"},
               false});
  r.push_back({"changes",
               "6.3",
               "Planned changes to the ISMS",
               "CHG-",
               "Changes to the ISMS, carried out in a planned manner.",
               {prose("purpose", "Purpose", true), prose("consequences", "Potential consequences"),
                prose("resources", "Resources"), text("responsible", "Responsible"),
                date("planned", "Planned date")},
               {"proposed", "planned", "in-progress", "done", "cancelled"},
               false});
  r.push_back({"measurements",
               "9.1",
               "Measurements",
               "MEAS-",
               "What is measured, how, when and by whom; its values are a time series.",
               {prose("what", "What is measured", true), prose("method", "Method"),
                choice("frequency", "Frequency",
                       {"weekly", "monthly", "quarterly", "semi-annually", "annually"}),
                text("measured_by", "Who measures"), text("analysed_by", "Who analyses"),
                text("unit", "Unit"),
                choice("direction", "Direction", {"higher-is-better", "lower-is-better"}, true),
                number("target", "Target"), number("threshold", "Threshold", "the warning level")},
               {"active", "retired"},
               false});
  r.push_back(
      {"resources",
       "7.1",
       "Resources",
       "RES-",
       "The resources needed for the ISMS.",
       {choice("type", "Type", {"people", "budget", "tooling", "facility", "service"}, true),
        prose("description", "Description")},
       {"planned", "available", "retired"},
       false});
  r.push_back(
      {"competence",
       "7.2",
       "Competence",
       "COMP-",
       "Competence per person and role, with the evidence retained (7.2 d).",
       {text("person", "Person", true), record("role", "Role", "roles"),
        prose("required", "Required competence"), prose("evidence", "Evidence of competence"),
        prose("actions", "Actions taken"), date("next_review", "Next review")},
       {"competent", "gap", "in-progress"},
       false});
  r.push_back({"awareness",
               "7.3",
               "Awareness programmes",
               "AWR-",
               "Awareness programmes with their audiences, dates and completion.",
               {text("audience", "Audience", true), text("topic", "Topic"),
                date("start", "Start date"), date("due", "Due date"),
                whole("targeted", "Persons targeted"), whole("completed", "Persons completed")},
               {"planned", "running", "completed", "cancelled"},
               false});
  r.push_back({"communication",
               "7.4",
               "Communication plan",
               "COM-",
               "What is communicated, when, with whom, by whom and how.",
               {prose("what", "What", true), text("when", "When"), text("with_whom", "With whom"),
                text("communicator", "Who communicates"), text("channel", "How (channel)")},
               {"active", "retired"},
               false});
  // Clauses 8 to 10 (the ISMS in operation, its evaluation and improvement) and the incidents.
  r.push_back(
      {"processes",
       "8.1",
       "Operational planning and control",
       "PROC-",
       "The processes of the ISMS and the planned controls, with their owners and criteria "
       "(8.1); externally provided processes with their provider. Controls, roadmap nodes and "
       "documents are the record's links.",
       {choice("kind", "Kind", {"process", "control"}, true,
               "an ISMS or operational process, or a planned control"),
        prose("purpose", "Purpose", true), prose("criteria", "Criteria for the process (8.1 a)"),
        text("frequency", "When it runs"),
        choice("externally_provided", "Externally provided", {"yes", "no"}, false,
               "whether a supplier provides it (8.1: externally provided processes)"),
        text("provider", "Provider", false, "the supplier, when externally provided"),
        text("contract", "Contract or agreement")},
       {"planned", "operating", "suspended", "retired"},
       false});
  r.push_back(
      {"reassessments",
       "8.2",
       "Risk assessments and treatments in operation",
       "RA-",
       "Risk assessments performed at planned intervals and on significant change (8.2), and "
       "the treatment plan carried out (8.3), each from a baseline of the risk register; the "
       "results retained.",
       {choice("trigger", "Trigger", {"planned-interval", "significant-change"}, true),
        date("due", "Due date", true), date("performed", "Performed on"),
        text("baseline", "Risk baseline", false, "the risk register's baseline it started from"),
        prose("scope", "Scope of the assessment"),
        prose("change", "Significant change", false, "what changed, when that is the trigger"),
        prose("results", "Results", false,
              "what the assessment found (8.2) and the treatment "
              "carried out (8.3)")},
       {"planned", "in-progress", "completed", "cancelled"},
       false});
  r.push_back({"audit-programmes",
               "9.2.2",
               "Internal audit programmes",
               "AP-",
               "The audit programme: frequency, methods, responsibilities, planning "
               "requirements and reporting (9.2.2). Approved.",
               {date("period_start", "Period start", true), date("period_end", "Period end", true),
                text("frequency", "Frequency", true), prose("methods", "Methods"),
                prose("responsibilities", "Responsibilities"),
                prose("planning", "Planning requirements"), prose("reporting", "Reporting")},
               {"draft", "approved", "retired"},
               true});
  r.push_back(
      {"audits",
       "9.2.1",
       "Internal audits",
       "AUD-",
       "Each audit of the programme: criteria, scope, auditors (none audits their own work), "
       "plan, sampling, the checklist and the report.",
       {record("programme", "Programme", "audit-programmes", true),
        prose("criteria", "Criteria", true),
        list("processes", "Processes audited", "PROC- refs: the scope's processes and controls"),
        prose("scope", "Scope"), list("auditors", "Auditors", "the persons auditing"),
        text("lead", "Lead auditor"), date("planned", "Planned date", true),
        date("performed", "Performed on"), prose("plan", "Audit plan"),
        prose("sampling", "Sampling"),
        list("checklist", "Checklist",
             "FRAMEWORK:NODE items (27001 clauses, Annex A, any "
             "framework)"),
        prose("conclusion", "Conclusion (the audit report)"), date("reported", "Reported on")},
       {"planned", "in-progress", "reported", "closed", "cancelled"},
       false});
  r.push_back(
      {"findings",
       "9.2.1",
       "Audit findings",
       "FND-",
       "What an audit found, graded, against the requirement and its evidence. Auditors write "
       "them.",
       {record("audit", "Audit", "audits", true),
        choice("grade", "Grade",
               {"major-nc", "minor-nc", "observation", "improvement", "good-practice"}, true,
               "major or minor nonconformity, observation, opportunity for improvement, good "
               "practice"),
        text("requirement", "Requirement", true, "FRAMEWORK:NODE (iso-iec-27001-2022-isms:9.3.2)"),
        prose("statement", "Finding", true), prose("evidence", "Evidence"),
        record("nonconformity", "Nonconformity", "nonconformities"),
        record("reaudit_of", "Re-audit of", "findings", false, "the finding this one re-audits")},
       {"open", "closed"},
       false});
  r.back().auditors_write = true;  // the auditor role writes its findings (9.2)
  r.push_back(
      {"nonconformities",
       "10.2",
       "Nonconformities and corrective actions",
       "NC-",
       "A nonconformity, its correction, the root cause, the corrective actions and the review "
       "of their effectiveness (10.2). Closed only with a root cause, a corrective action and an "
       "effective review.",
       {choice("source", "Source",
               {"audit", "incident", "review", "measurement", "complaint", "other"}, true),
        prose("description", "Nonconformity", true), prose("correction", "Correction"),
        date("raised", "Raised on", true),
        choice("method", "Root cause method", {"five-whys", "cause-categories"}),
        list("whys", "Why? (five whys)"),
        choice("cause_category", "Cause category",
               {"people", "process", "technology", "supplier", "environment", "documentation"}),
        prose("root_cause", "Root cause"), list("actions", "Corrective actions", "ACT- refs"),
        prose("effectiveness", "Effectiveness review"),
        choice("effective", "Effective", {"yes", "no"}),
        date("reviewed", "Effectiveness reviewed on"), date("closed", "Closed on")},
       {"open", "analysis", "action", "verification", "closed"},
       false});
  r.push_back(
      {"actions",
       "10.2",
       "Actions",
       "ACT-",
       "Corrective actions (10.2), the outputs of a management review (9.3.3), the actions of "
       "an incident's lessons and the improvements carried out (10.1), each with its owner and "
       "date. The record it comes from is a link.",
       {choice("type", "Type", {"corrective", "review-output", "incident", "improvement", "other"},
               true),
        prose("description", "Description"), date("due", "Due date", true), date("done", "Done on"),
        prose("result", "Result")},
       {"open", "in-progress", "done", "cancelled"},
       false});
  r.push_back({"improvements",
               "10.1",
               "Continual improvement",
               "IMP-",
               "Opportunities to improve the suitability, adequacy and effectiveness of the ISMS.",
               {prose("opportunity", "Opportunity", true), text("source", "Source"),
                prose("benefit", "Expected benefit"), date("decided", "Decided on")},
               {"proposed", "accepted", "implemented", "rejected"},
               false});
  r.push_back(
      {"incidents",
       "A.5.24",
       "Information security incidents (ISO/IEC 27035)",
       "INC-",
       "Incidents with their timeline, severity, affected assets, the notifications made and the "
       "lessons learned; related risks, controls and records are links.",
       {text("detected", "Detected at", true, "YYYY-MM-DD or YYYY-MM-DD HH:MM"),
        choice("severity", "Severity", {"low", "medium", "high", "critical"}, true),
        text("category", "Category", false, "malware, phishing, data leak, outage, ..."),
        prose("description", "Description", true), list("assets", "Affected assets"),
        list("timeline", "Timeline", "YYYY-MM-DD[ HH:MM] what happened"),
        list("notifications", "Notifications made", "PARTY=YYYY-MM-DD (regulator, customers, ...)"),
        prose("lessons", "Lessons learned"), date("closed", "Closed on")},
       {"reported", "triaged", "contained", "eradicated", "recovered", "closed"},
       false});
  r.push_back({"feedback",
               "9.3.2",
               "Feedback from interested parties",
               "FB-",
               "What interested parties said of the ISMS (9.3.2 e): complaints, questionnaires, "
               "customer audits.",
               {record("party", "Interested party", "interested-parties", true),
                date("received", "Received on", true), text("channel", "Channel"),
                prose("summary", "Summary", true), prose("response", "Response")},
               {"open", "answered", "closed"},
               false});
  r.push_back(
      {"reviews",
       "9.3",
       "Management reviews",
       "MR-",
       "Management reviews: the inputs of 9.3.2 a-g assembled from the workspace and frozen when "
       "the review is held, the decisions of 9.3.3; its outputs are actions.",
       {date("date", "Date", true), list("attendees", "Attendees"), prose("agenda", "Agenda"),
        prose("decisions", "Decisions (9.3.3)"), prose("minutes", "Minutes")},
       {"planned", "in-preparation", "held", "closed"},
       false});
  return r;
}

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Result<void> check_long_text(const std::string& what, std::string_view s) {
  if (s.size() > k_isms_long_text_bytes)
    return fail(ErrorCode::k_invalid_input, what + " is " + std::to_string(s.size()) +
                                                " bytes; at most " +
                                                std::to_string(k_isms_long_text_bytes));
  for (const auto& line : util::split(s, '\n')) {
    auto l = util::trim(line);
    if (l.empty()) continue;
    if (auto t = check_text(what, l, TextKind::k_line, k_isms_long_text_bytes); !t) return t;
  }
  return {};
}

std::optional<std::string> canonical_number(std::string_view text, bool whole) {
  auto t = util::trim(text);
  if (t.empty() || t.size() > 40) return std::nullopt;
  double value = 0;
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (ec != std::errc() || p != t.data() + t.size() || !std::isfinite(value)) return std::nullopt;
  if (whole) {
    if (value < 0 || value != std::floor(value) || value > 1e15) return std::nullopt;
    return std::to_string(static_cast<std::int64_t>(value));
  }
  if (value == std::floor(value) && std::fabs(value) < 1e15)
    return std::to_string(static_cast<std::int64_t>(value));
  char buf[64];
  auto [e, ec2] = std::to_chars(buf, buf + sizeof buf, value);
  if (ec2 != std::errc()) return std::nullopt;
  return std::string(buf, e);
}

std::string values_text(const std::vector<std::string>& v) {
  return util::join(v, ", ");
}

// "FRAMEWORK:NODE": a colon with text on both sides.
bool framework_node(std::string_view s) {
  auto c = s.find(':');
  return c != std::string_view::npos && c > 0 && c + 1 < s.size();
}

// "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" at the start of `s` (what follows, if anything, after a
// blank): whether it is a real date (and time).
bool starts_with_date(std::string_view s, bool whole = false) {
  if (s.size() < 10 || !util::day_number(s.substr(0, 10))) return false;
  auto rest = s.substr(10);
  if (rest.empty()) return true;
  if (rest.front() != ' ' && rest.front() != 'T') return false;
  auto t = util::trim(rest.substr(1));
  if (t.size() >= 5 && t[2] == ':' && std::isdigit(static_cast<unsigned char>(t[0])) &&
      std::isdigit(static_cast<unsigned char>(t[1])) &&
      std::isdigit(static_cast<unsigned char>(t[3])) &&
      std::isdigit(static_cast<unsigned char>(t[4])) && (t[0] - '0') * 10 + (t[1] - '0') < 24 &&
      (t[3] - '0') * 10 + (t[4] - '0') < 60) {
    if (t.size() == 5) return true;
    return !whole && t[5] == ' ';
  }
  return !whole && (rest.front() == ' ');
}

template <typename Problem>
void clause_8_to_10_problems(const RegisterSpec& spec, const IsmsRecord& r, Problem&& problem) {
  auto missing = [&](const std::string& field, const std::string& why) {
    if (r.text(field).empty() && r.list(field).empty())
      problem(field, field + " is required " + why);
  };
  const auto& key = spec.key;
  if (key == "processes") {
    if (r.text("externally_provided") == "yes")
      missing("provider", "for an externally provided process (8.1)");
  } else if (key == "reassessments") {
    if (r.status == "completed") {
      missing("performed", "when the reassessment is completed");
      missing("results", "when the reassessment is completed (8.2: its results retained)");
    }
    if (r.text("trigger") == "significant-change")
      missing("change", "when the trigger is significant-change (what changed)");
  } else if (key == "audit-programmes") {
    auto a = r.text("period_start"), b = r.text("period_end");
    if (!a.empty() && !b.empty() && b < a)
      problem("period_end", "period_end " + b + " is before period_start " + a);
  } else if (key == "audits") {
    for (const auto& p : r.list("processes"))
      if (!util::starts_with_ci(p, "PROC-") || !check_ref(p)) {
        problem("processes", "processes: '" + p.substr(0, 40) +
                                 "' is not a process ref (PROC-NNN of the register processes)");
        break;
      }
    for (const auto& c : r.list("checklist"))
      if (!framework_node(c)) {
        problem("checklist", "checklist: '" + c.substr(0, 40) +
                                 "' is not FRAMEWORK:NODE (e.g. iso-iec-27001-2022-isms:9.2.1)");
        break;
      }
    if (r.status == "reported" || r.status == "closed") {
      missing("performed", "when the audit is " + r.status);
      missing("conclusion", "when the audit is " + r.status + " (the audit report)");
    }
    auto reported = r.text("reported"), performed = r.text("performed");
    if (!performed.empty() && !reported.empty() && reported < performed)
      problem("reported", "reported " + reported + " is before performed " + performed);
  } else if (key == "findings") {
    auto req = r.text("requirement");
    if (!req.empty() && !framework_node(req))
      problem("requirement", "requirement: '" + req.substr(0, 40) +
                                 "' is not FRAMEWORK:NODE (e.g. iso-iec-27001-2022-isms:9.3.2)");
  } else if (key == "actions") {
    if (r.status == "done") missing("done", "when the action is done (the date it was done)");
  } else if (key == "incidents") {
    if (auto d = r.text("detected"); !d.empty() && !starts_with_date(d, true))
      problem("detected",
              "detected: '" + d.substr(0, 40) + "' is not YYYY-MM-DD or YYYY-MM-DD HH:MM");
    for (const auto& t : r.list("timeline"))
      if (!starts_with_date(t)) {
        problem("timeline",
                "timeline: '" + t.substr(0, 40) +
                    "' does not start with its date (YYYY-MM-DD[ HH:MM] what happened)");
        break;
      }
    for (const auto& n : r.list("notifications")) {
      auto eq = n.rfind('=');
      auto party = eq == std::string::npos ? std::string() : util::trim(n.substr(0, eq));
      auto day = eq == std::string::npos ? std::string() : util::trim(n.substr(eq + 1));
      if (party.empty() || !util::day_number(day) || day.size() != 10) {
        problem("notifications", "notifications: '" + n.substr(0, 40) +
                                     "' is not PARTY=YYYY-MM-DD (e.g. regulator=2026-11-03)");
        break;
      }
    }
    if (r.status == "closed") {
      missing("closed", "when the incident is closed (the date)");
      missing("lessons", "when the incident is closed (the lessons learned)");
    }
  } else if (key == "nonconformities") {
    for (const auto& a : r.list("actions"))
      if (!util::starts_with_ci(a, "ACT-") || !check_ref(a)) {
        problem("actions", "actions: '" + a.substr(0, 40) +
                               "' is not an action ref (ACT-NNN of the register actions)");
        break;
      }
    if (r.status == "action" || r.status == "verification")
      missing("root_cause", "before corrective action (status " + r.status + ")");
    if (r.status == "closed") {
      const std::string why = "to close a nonconformity (10.2)";
      missing("root_cause", why + ": the root cause");
      missing("actions", why + ": at least one corrective action (ACT- refs)");
      missing("effectiveness", why + ": the review of the corrective actions' effectiveness");
      if (auto e = r.text("effective"); e.empty())
        problem("effective", "effective is required " + why + ": yes when the actions worked");
      else if (e != "yes")
        problem("effective", "effective is " + e +
                                 ": a nonconformity whose corrective actions "
                                 "were not effective stays open (10.2 d, f)");
      missing("reviewed", why + ": the date of the effectiveness review");
    }
  }
}

}  // namespace

const std::vector<RegisterSpec>& isms_registers() {
  static const std::vector<RegisterSpec> k = build_registers();
  return k;
}

const RegisterSpec* find_register(std::string_view key) {
  for (const auto& r : isms_registers())
    if (r.key == key) return &r;
  return nullptr;
}

std::string register_keys() {
  std::vector<std::string> keys;
  for (const auto& r : isms_registers()) keys.push_back(r.key);
  return util::join(keys, ", ");
}

Result<IsmsLink> parse_link(std::string_view text, std::string_view what) {
  auto t = util::trim(text);
  auto colon = t.find(':');
  if (colon == std::string::npos)
    return fail_field(ErrorCode::k_invalid_input,
                      std::string(what) + " '" + t.substr(0, 80) +
                          "' is not KIND:TARGET (kind one of " + util::join(link_kinds(), ", ") +
                          ")",
                      "links");
  IsmsLink link{util::to_lower(util::trim(t.substr(0, colon))), util::trim(t.substr(colon + 1))};
  if (std::find(link_kinds().begin(), link_kinds().end(), link.kind) == link_kinds().end())
    return fail_field(ErrorCode::k_invalid_input,
                      std::string(what) + ": unknown kind '" + link.kind.substr(0, 40) +
                          "'; one of " + util::join(link_kinds(), ", "),
                      "links");
  if (link.target.empty())
    return fail_field(ErrorCode::k_invalid_input,
                      std::string(what) + " of kind " + link.kind + " names no target", "links");
  if (auto c = check_text(std::string(what) + " target", link.target, TextKind::k_line, 300); !c)
    return fail_field(ErrorCode::k_invalid_input, c.error().message, "links");
  auto shape_error = [&](const std::string& shape) {
    return fail_field(ErrorCode::k_invalid_input,
                      std::string(what) + " " + link.kind + ":" + link.target.substr(0, 80) +
                          " is not of the form " + link.kind + ":" + shape,
                      "links");
  };
  if (link.kind == "node") {
    auto c = link.target.find(':');
    if (c == std::string::npos || c == 0 || c + 1 == link.target.size())
      return shape_error("FRAMEWORK:NODE (e.g. node:csf-2.0:GV.PO-01)");
  } else if (link.kind == "record") {
    auto s = link.target.find('/');
    if (s == std::string::npos || s + 1 == link.target.size())
      return shape_error("REGISTER/REF (e.g. record:policies/POL-001)");
    if (!find_register(link.target.substr(0, s)))
      return fail_field(ErrorCode::k_invalid_input,
                        std::string(what) + " names no register '" +
                            link.target.substr(0, s).substr(0, 40) + "'; one of " + register_keys(),
                        "links");
  } else if (link.kind == "document") {
    if (!util::starts_with_ci(link.target, "DOC-")) return shape_error("DOC-NNN");
    link.target = "DOC-" + link.target.substr(4);
  }
  return link;
}

std::string to_string(const IsmsLink& link) {
  return link.kind + ":" + link.target;
}

std::string IsmsRecord::text(std::string_view key) const {
  auto it = fields.find(std::string(key));
  if (it == fields.end()) return "";
  if (const auto* s = std::get_if<std::string>(&it->second)) return *s;
  return "";
}

std::vector<std::string> IsmsRecord::list(std::string_view key) const {
  auto it = fields.find(std::string(key));
  if (it == fields.end()) return {};
  if (const auto* l = std::get_if<std::vector<std::string>>(&it->second)) return *l;
  return {};
}

std::string IsmsRecord::shown(const FieldSpec& field) const {
  if (field.kind == FieldKind::k_list) return util::join(list(field.key), "; ");
  return text(field.key);
}

Result<void> set_field(const RegisterSpec& spec, IsmsRecord& record, std::string_view key,
                       std::string_view raw) {
  const auto* f = spec.field(util::trim(key));
  if (!f) {
    std::vector<std::string> keys;
    for (const auto& x : spec.fields) keys.push_back(x.key);
    return fail_field(ErrorCode::k_invalid_input,
                      "register " + spec.key + " has no field '" + util::trim(key).substr(0, 60) +
                          "'; its fields are " + util::join(keys, ", "),
                      std::string(util::trim(key)).substr(0, 60));
  }
  std::string value = f->kind == K::k_long_text ? std::string(raw) : util::trim(raw);
  if (util::trim(value).empty()) {
    record.fields.erase(f->key);
    return {};
  }
  auto bad = [&](const std::string& message) {
    return fail_field(ErrorCode::k_invalid_input, f->key + ": " + message, f->key);
  };
  switch (f->kind) {
    case K::k_list: {
      std::vector<std::string> items;
      for (const auto& item : util::split(value, ';')) {
        auto t = util::trim(item);
        if (!t.empty()) items.push_back(t);
      }
      record.fields[f->key] = std::move(items);
      return {};
    }
    case K::k_enum: {
      auto lower = util::to_lower(value);
      if (std::find(f->values.begin(), f->values.end(), lower) == f->values.end())
        return bad("'" + value.substr(0, 40) + "' is not one of " + values_text(f->values));
      record.fields[f->key] = lower;
      return {};
    }
    case K::k_date:
      if (auto d = check_date(f->key, value); !d)
        return fail_field(ErrorCode::k_invalid_input, d.error().message + " (YYYY-MM-DD)", f->key);
      break;
    case K::k_number:
    case K::k_integer: {
      auto n = canonical_number(value, f->kind == K::k_integer);
      if (!n)
        return bad("'" + value.substr(0, 40) + "' is not " +
                   (f->kind == K::k_integer ? "a whole number of 0 or more" : "a number"));
      value = *n;
      break;
    }
    default:
      break;
  }
  record.fields[f->key] = value;
  return {};
}

Result<void> check_ref(std::string_view ref) {
  if (ref.empty()) return fail_field(ErrorCode::k_invalid_input, "ref is empty", "ref");
  if (ref.size() > 40)
    return fail_field(ErrorCode::k_invalid_input, "ref is longer than 40 bytes", "ref");
  for (char c : ref)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
          c == '_' || c == '.'))
      return fail_field(ErrorCode::k_invalid_input,
                        "ref may hold letters, digits, '-', '_' and '.' only", "ref");
  if (is_digits(ref))
    return fail_field(ErrorCode::k_invalid_input,
                      "ref '" + std::string(ref) + "' is only digits (that would be an id)", "ref");
  return {};
}

std::string next_ref(std::string_view prefix, const std::vector<std::string>& taken) {
  std::int64_t top = 0;
  for (const auto& ref : taken) {
    if (ref.size() <= prefix.size() || !util::starts_with_ci(ref, prefix)) continue;
    auto rest = std::string_view(ref).substr(prefix.size());
    if (!is_digits(rest) || rest.size() > 15) continue;
    top = std::max<std::int64_t>(top, std::stoll(std::string(rest)));
  }
  auto n = std::to_string(top + 1);
  if (n.size() < 3) n = std::string(3 - n.size(), '0') + n;
  return std::string(prefix) + n;
}

const std::vector<std::string>& isms_processes() {
  static const std::vector<std::string> k{"context",
                                          "scope",
                                          "policy",
                                          "risk-assessment",
                                          "risk-treatment",
                                          "soa",
                                          "objectives",
                                          "competence",
                                          "awareness",
                                          "communication",
                                          "document-control",
                                          "operations",
                                          "monitoring",
                                          "internal-audit",
                                          "management-review",
                                          "nonconformity",
                                          "improvement"};
  return k;
}

Result<std::pair<std::string, std::string>> parse_raci(std::string_view item) {
  auto t = util::trim(item);
  auto eq = t.find('=');
  if (eq == std::string::npos)
    return fail_field(
        ErrorCode::k_invalid_input,
        "raci: '" + t.substr(0, 60) + "' is not PROCESS=LETTERS (e.g. risk-assessment=A)", "raci");
  auto process = util::to_lower(util::trim(t.substr(0, eq)));
  auto letters_in = util::trim(t.substr(eq + 1));
  const auto& all = isms_processes();
  if (std::find(all.begin(), all.end(), process) == all.end())
    return fail_field(ErrorCode::k_invalid_input,
                      "raci: unknown process '" + process.substr(0, 40) + "'; the processes are " +
                          util::join(all, ", "),
                      "raci");
  std::string letters;
  for (char c : std::string("RACI")) {
    auto n = std::count_if(letters_in.begin(), letters_in.end(), [&](char x) {
      return std::toupper(static_cast<unsigned char>(x)) == c;
    });
    if (n > 1)
      return fail_field(ErrorCode::k_invalid_input,
                        "raci: " + process + " names " + std::string(1, c) + " twice", "raci");
    if (n == 1) letters += c;
  }
  if (letters.empty() || letters.size() != letters_in.size())
    return fail_field(
        ErrorCode::k_invalid_input,
        "raci: " + process + "='" + letters_in.substr(0, 20) + "': the letters are R, A, C and I",
        "raci");
  return std::pair{process, letters};
}

std::vector<FieldProblem> record_problems(const RegisterSpec& spec, const IsmsRecord& r) {
  std::vector<FieldProblem> out;
  auto add = [&](const util::Error& e, const std::string& field) {
    out.push_back({e.field.empty() ? field : e.field, e.message});
  };
  auto problem = [&](const std::string& field, const std::string& message) {
    out.push_back({field, message});
  };
  if (r.register_key != spec.key)
    problem("register", "the record is of register '" + r.register_key + "', not " + spec.key);
  if (!r.ref.empty())
    if (auto c = check_ref(r.ref); !c) add(c.error(), "ref");
  if (r.title.empty())
    problem("title", "title is required");
  else if (auto c = check_text("title", r.title, TextKind::k_line, k_isms_text_bytes); !c)
    add(c.error(), "title");
  if (!r.owner.empty())
    if (auto c = check_text("owner", r.owner, TextKind::k_line, 200); !c) add(c.error(), "owner");
  if (!r.status.empty() &&
      std::find(spec.statuses.begin(), spec.statuses.end(), r.status) == spec.statuses.end())
    problem("status", "status '" + r.status.substr(0, 40) + "' is not one of " +
                          values_text(spec.statuses) + " (register " + spec.key + ")");
  for (const auto& [key, value] : r.fields) {
    const auto* f = spec.field(key);
    if (!f) {
      problem(key, "register " + spec.key + " has no field '" + key.substr(0, 60) + "'");
      continue;
    }
    if (f->kind == K::k_list) {
      const auto* items = std::get_if<std::vector<std::string>>(&value);
      if (!items) {
        problem(key, key + " is a list");
        continue;
      }
      if (items->size() > k_isms_list_items)
        problem(key, key + " holds " + std::to_string(items->size()) + " items; at most " +
                         std::to_string(k_isms_list_items));
      for (const auto& item : *items) {
        if (auto c = check_text(key + " item", item, TextKind::k_line, 200); !c) {
          add(c.error(), key);
          break;
        }
        if (spec.key == "roles" && key == "raci")
          if (auto p = parse_raci(item); !p) {
            add(p.error(), key);
            break;
          }
      }
      if (spec.key == "roles" && key == "raci") {
        std::set<std::string> seen;
        for (const auto& item : *items)
          if (auto p = parse_raci(item); p && !seen.insert(p->first).second)
            problem(key, "raci: process " + p->first + " appears twice");
      }
      continue;
    }
    const auto* s = std::get_if<std::string>(&value);
    if (!s) {
      problem(key, key + " is not a list");
      continue;
    }
    IsmsRecord probe;
    if (f->kind == K::k_long_text) {
      if (auto c = check_long_text(key, *s); !c) add(c.error(), key);
    } else if (auto c = set_field(spec, probe, key, *s); !c) {
      add(c.error(), key);
    } else if (probe.text(key) != *s) {
      problem(key, key + ": '" + s->substr(0, 40) + "' is not written as stored (" +
                       probe.text(key) + ")");
    } else if (auto t = check_text(key, *s, TextKind::k_line, k_isms_text_bytes); !t) {
      add(t.error(), key);
    }
  }
  for (const auto& f : spec.fields)
    if (f.required && !r.fields.contains(f.key))
      problem(f.key, f.key + " is required (" + f.label + ") in register " + spec.key);
  if (r.links.size() > k_isms_links)
    problem("links", "at most " + std::to_string(k_isms_links) + " links");
  for (const auto& l : r.links) {
    auto p = parse_link(to_string(l));
    if (!p) add(p.error(), "links");
  }
  // The registers' own rules.
  if (spec.key == "context" && r.text("type") == "climate-change") {
    if (r.text("relevant").empty())
      problem("relevant", "relevant (yes or no) is required for the climate-change determination");
    if (r.text("rationale").empty())
      problem("rationale", "rationale is required for the climate-change determination");
  }
  if (spec.key == "policies") {
    auto level = r.text("level");
    if (level == "topic-specific" && r.text("parent").empty())
      problem("parent", "parent is required for a topic-specific policy");
    if (level == "top-level" && !r.text("parent").empty())
      problem("parent", "a top-level policy has no parent");
    if (!r.ref.empty() && util::caseless_key(r.text("parent")) == util::caseless_key(r.ref))
      problem("parent", "a policy cannot be its own parent");
    auto doc = r.text("document");
    if (!doc.empty() && !util::starts_with_ci(doc, "DOC-"))
      problem("document", "document '" + doc.substr(0, 40) + "' is not a document ref (DOC-NNN)");
  }
  if (spec.key == "awareness") {
    auto t = r.text("targeted"), c = r.text("completed");
    if (!t.empty() && !c.empty() && canonical_number(t, true) && canonical_number(c, true) &&
        std::stoll(c) > std::stoll(t))
      problem("completed", "completed (" + c + ") is more than targeted (" + t + ")");
    auto start = r.text("start"), due = r.text("due");
    if (!start.empty() && !due.empty() && due < start)
      problem("due", "due date " + due + " is before the start date " + start);
  }
  clause_8_to_10_problems(spec, r, problem);
  if (spec.approvable && r.revision < 1) problem("revision", "revision starts at 1");
  return out;
}

Result<void> validate(const RegisterSpec& spec, const IsmsRecord& record) {
  auto problems = record_problems(spec, record);
  if (problems.empty()) return {};
  return fail_field(ErrorCode::k_invalid_input, problems.front().message, problems.front().field);
}

namespace {

util::Error approved_by_edit() {
  return util::Error{ErrorCode::k_invalid_input,
                     "status approved is set by approving the record (isms approve), not by an "
                     "edit",
                     "status"};
}

}  // namespace

Result<IsmsRecord> apply_create(const RegisterSpec& spec, IsmsRecord record) {
  record.id = 0;
  record.register_key = spec.key;
  record.revision = 1;
  record.approved_revision = 0;
  record.approved_by.clear();
  record.approved_at.clear();
  record.deleted = false;
  record.deleted_by.clear();
  record.deleted_at.clear();
  if (!spec.approvable) return record;
  if (record.status == "approved") return std::unexpected(approved_by_edit());
  if (record.status.empty()) record.status = "draft";
  return record;
}

Result<IsmsRecord> apply_edit(const RegisterSpec& spec, const IsmsRecord& before,
                              IsmsRecord after) {
  after.id = before.id;
  after.organization = before.organization;
  after.register_key = before.register_key;
  after.revision = before.revision;
  after.approved_revision = before.approved_revision;
  after.approved_by = before.approved_by;
  after.approved_at = before.approved_at;
  after.deleted = before.deleted;
  after.deleted_by = before.deleted_by;
  after.deleted_at = before.deleted_at;
  after.created_at = before.created_at;
  after.created_by = before.created_by;
  if (!spec.approvable) return after;
  if (after.status == "approved" && !(before.approved() && before.status == "approved"))
    return std::unexpected(approved_by_edit());
  if (before.approved()) {
    // An approved revision is not edited in place: the edit is the next revision, a draft.
    after.revision = before.revision + 1;
    if (after.status == "approved" || after.status.empty()) after.status = "draft";
  } else if (after.status.empty()) {
    after.status = "draft";
  }
  return after;
}

Result<IsmsRecord> apply_approval(const RegisterSpec& spec, IsmsRecord record,
                                  const std::string& by, const std::string& at) {
  if (!spec.approvable)
    return fail(ErrorCode::k_invalid_input,
                "register " + spec.key +
                    " is not approved (the approvable registers are scope "
                    "and policies)");
  if (record.deleted)
    return fail(ErrorCode::k_invalid_input, record.ref + " is deleted; restore it first");
  if (record.approved())
    return fail_field(ErrorCode::k_conflict,
                      record.ref + " revision " + std::to_string(record.revision) +
                          " is already approved (by " + record.approved_by + " at " +
                          record.approved_at + ")",
                      "status");
  if (record.status == "retired")
    return fail(ErrorCode::k_invalid_input, record.ref + " is retired; it cannot be approved");
  record.approved_revision = record.revision;
  record.approved_by = by;
  record.approved_at = at;
  record.status = "approved";
  return record;
}

RaciMatrix raci_matrix(const std::vector<IsmsRecord>& roles) {
  RaciMatrix m;
  m.processes = isms_processes();
  std::vector<const IsmsRecord*> sorted;
  for (const auto& r : roles)
    if (!r.deleted && r.register_key == "roles" && r.status != "retired") sorted.push_back(&r);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) {
    return util::caseless_key(a->ref) < util::caseless_key(b->ref);
  });
  for (const auto* r : sorted) {
    m.roles.push_back(r->ref);
    m.role_titles[r->ref] = r->title;
    for (const auto& item : r->list("raci"))
      if (auto p = parse_raci(item)) m.cells[p->first][r->ref] = p->second;
  }
  for (const auto& process : m.processes) {
    std::vector<std::string> accountable;
    for (const auto& [role, letters] : m.cells[process])
      if (letters.find('A') != std::string::npos) accountable.push_back(role);
    if (accountable.size() > 1)
      m.warnings.push_back(process + ": " + std::to_string(accountable.size()) +
                           " roles are accountable (" + util::join(accountable, ", ") +
                           "); one should be");
    else if (accountable.empty())
      m.warnings.push_back(process + ": no role is accountable");
  }
  return m;
}

std::string search_text(const IsmsRecord& record) {
  std::string out = util::to_lower(record.title);
  out += '\n' + util::to_lower(record.owner);
  for (const auto& [key, value] : record.fields) {
    if (const auto* s = std::get_if<std::string>(&value))
      out += '\n' + util::to_lower(*s);
    else
      for (const auto& item : std::get<std::vector<std::string>>(value))
        out += '\n' + util::to_lower(item);
  }
  return out;
}

std::optional<int> completion_percent(const IsmsRecord& record) {
  auto t = canonical_number(record.text("targeted"), true);
  if (!t || *t == "0") return std::nullopt;
  auto c = canonical_number(record.text("completed"), true);
  double done = c ? std::stod(*c) : 0;
  return static_cast<int>(std::floor(done * 100.0 / std::stod(*t)));
}

}  // namespace cyberframe::core
