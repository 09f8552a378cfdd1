// The demo's ISMS (workspace/isms.hpp): the registers of clauses 4-7 for Demo Manufacturing Ltd,
// a maker of industrial pumps with two plants (Leeds and Sheffield), a customer portal and a
// head office. Refs agree with the documents' and measurements' demos (docs: DOC-001..DOC-012,
// measurements: MEAS-001..MEAS-006).

#include <initializer_list>
#include <utility>

#include "workspace/isms.hpp"

namespace cyberframe::workspace {

namespace {

using Fields = std::initializer_list<std::pair<const char*, const char*>>;
using Links = std::initializer_list<const char*>;

}  // namespace

Result<void> seed_demo_isms(Workspace& ws, const std::string& actor, const core::Catalog& catalog,
                            std::int64_t organization) {
  auto add = [&](const std::string& reg, const std::string& ref, const std::string& title,
                 const std::string& status, const std::string& owner, Fields fields,
                 Links links = {}) -> Result<core::IsmsRecord> {
    const auto* spec = core::find_register(reg);
    core::IsmsRecord r;
    r.ref = ref;
    r.title = title;
    r.status = status;
    r.owner = owner;
    for (const auto& [k, v] : fields)
      if (auto s = core::set_field(*spec, r, k, v); !s) return std::unexpected(s.error());
    for (const char* l : links) {
      auto link = core::parse_link(l);
      if (!link) return std::unexpected(link.error());
      // Framework nodes only when the catalog has them (a reduced catalog still seeds).
      if (link->kind == "node") {
        auto colon = link->target.find(':');
        if (!catalog.node(link->target.substr(0, colon), link->target.substr(colon + 1))) continue;
      }
      r.links.push_back(*link);
    }
    auto out = create_record(ws, actor, catalog, organization, reg, r);
    if (!out) return util::fail(out.error().code, reg + " " + ref + ": " + out.error().message);
    return out;
  };
#define TRY(expr) \
  if (auto r_ = (expr); !r_) return std::unexpected(r_.error());

  // --- 4.1 context ---
  TRY(add("context", "CTX-001", "Ransomware campaigns against manufacturers", "monitored", "CISO",
          {{"type", "issue"},
           {"category", "external"},
           {"source", "PESTLE: technological"},
           {"description",
            "Manufacturing is the most targeted sector for ransomware; attacks now "
            "reach OT networks."},
           {"effect", "Drives the priority of backup, segmentation and detection controls."}},
          {"risk:R-001", "node:nist-csf-2.0:GV.OC-04"}));
  TRY(add("context", "CTX-002",
          "Customers demand evidence of security (TISAX-style questionnaires)", "open",
          "Sales director",
          {{"type", "issue"},
           {"category", "external"},
           {"source", "Customer audits"},
           {"description",
            "Automotive and utility customers send security questionnaires and "
            "ask for ISO/IEC 27001 certification by 2027."},
           {"effect", "Certification scope must cover the portal and both plants."}}));
  TRY(add("context", "CTX-003", "NIS2 transposition brings the Leeds water-pump line into scope",
          "open", "Compliance manager",
          {{"type", "issue"},
           {"category", "external"},
           {"source", "PESTLE: legal"},
           {"description", "Pumps for water utilities make us an important entity's supplier."},
           {"effect", "Incident notification within 24 hours; supply-chain security duties."}},
          {"risk:R-020"}));
  TRY(add("context", "CTX-004", "Ageing OT estate with unsupported controllers", "open",
          "Plant manager, Leeds",
          {{"type", "issue"},
           {"category", "internal"},
           {"source", "SWOT: weakness"},
           {"description", "A third of the PLCs run firmware the vendor no longer patches."},
           {"effect", "Compensating controls (segmentation, monitoring) are needed in scope."}},
          {"risk:R-007"}));
  TRY(add("context", "CTX-005", "Small IT team of six for 420 staff", "open",
          "IT operations manager",
          {{"type", "issue"},
           {"category", "internal"},
           {"source", "SWOT: weakness"},
           {"description", "Little capacity for monitoring; reliance on a managed SOC."},
           {"effect", "Outsourced services must be controlled (A.5.19-A.5.22)."}}));
  TRY(add("context", "CTX-006", "Move of the ERP to a cloud provider", "open", "CIO",
          {{"type", "issue"},
           {"category", "internal"},
           {"source", "Strategy 2026-2028"},
           {"description", "The ERP moves to a hosted service in 2027."},
           {"effect", "New interfaces and dependencies in the scope; provider assurance."}},
          {"risk:R-005"}));
  TRY(add("context", "CTX-007", "Skills shortage in OT security", "monitored", "HR director",
          {{"type", "issue"},
           {"category", "external"},
           {"source", "PESTLE: social"},
           {"description", "Hard to hire engineers who know both PLCs and security."},
           {"effect", "Competence plans rely on training existing engineers."}}));
  TRY(add("context", "CTX-008", "Hybrid working for office staff", "monitored", "HR director",
          {{"type", "issue"},
           {"category", "internal"},
           {"source", "HR policy"},
           {"description", "Office staff work from home two days a week."},
           {"effect", "Endpoint protection and remote access are in scope."}},
          {"risk:R-013"}));
  TRY(add("context", "CTX-009", "Energy prices and grid instability", "open", "Finance director",
          {{"type", "issue"},
           {"category", "external"},
           {"source", "PESTLE: economic"},
           {"description", "Outages at the Leeds plant twice last winter."},
           {"effect", "Availability of plant systems; UPS and generator capacity."}},
          {"risk:R-019"}));
  TRY(add("context", "CTX-010", "Climate change determination", "monitored", "CISO",
          {{"type", "climate-change"},
           {"category", "external"},
           {"source", "ISO/IEC 27001:2022/Amd 1:2024"},
           {"relevant", "yes"},
           {"rationale",
            "Flooding near the Sheffield plant and heat waves affecting the server "
            "room are plausible within the planning horizon; customers ask about "
            "continuity of supply under extreme weather."},
           {"effect",
            "Physical and environmental threats (A.7.5) and continuity (A.5.30) are "
            "assessed with climate scenarios."}},
          {"risk:R-008", "control:A.7.5"}));

  // --- 4.2 interested parties, obligations, requirements ---
  struct Party {
    const char* ref;
    const char* name;
    const char* type;
    const char* category;
    const char* owner;
  };
  for (const auto& p : std::initializer_list<Party>{
           {"IP-001", "Automotive customers", "external", "customer", "Sales director"},
           {"IP-002", "Water utility customers", "external", "customer", "Sales director"},
           {"IP-003", "Information Commissioner's Office", "external", "regulator",
            "Compliance manager"},
           {"IP-004", "NIS2 competent authority", "external", "regulator", "Compliance manager"},
           {"IP-005", "Employees", "internal", "staff", "HR director"},
           {"IP-006", "Board of directors", "internal", "governance", "CEO"},
           {"IP-007", "Cloud and managed-service providers", "external", "supplier", "CIO"},
           {"IP-008", "Insurer", "external", "insurer", "Finance director"}})
    TRY(add("interested-parties", p.ref, p.name, "active", p.owner,
            {{"type", p.type}, {"category", p.category}}));
  TRY(add("obligations", "OBL-001", "UK GDPR and Data Protection Act 2018", "active",
          "Compliance manager",
          {{"type", "law"},
           {"citation", "UK GDPR Art. 5, 32, 33"},
           {"jurisdiction", "UK"},
           {"summary",
            "Personal data of customers' contacts and staff: security of processing, "
            "breach notification within 72 hours."},
           {"next_review", "2027-03-31"}},
          {"risk:R-004", "risk:R-020", "control:A.5.34"}));
  TRY(add("obligations", "OBL-002", "NIS2 Directive (as transposed) — supplier obligations",
          "under-review", "Compliance manager",
          {{"type", "regulation"},
           {"citation", "Directive (EU) 2022/2555 Art. 21, 23"},
           {"jurisdiction", "EU customers"},
           {"summary",
            "Security measures and incident reporting flowing down from customers "
            "that are essential entities."},
           {"next_review", "2026-12-31"}},
          {"control:A.5.19", "control:A.5.24"}));
  TRY(add("obligations", "OBL-003", "Master supply agreement with Northern Water", "active",
          "Sales director",
          {{"type", "contract"},
           {"citation", "MSA 2024-117 Schedule 6"},
           {"jurisdiction", "Northern Water plc"},
           {"summary",
            "Notify incidents within 24 hours; annual security attestation; right to "
            "audit."},
           {"next_review", "2027-06-30"}}));
  TRY(add("obligations", "OBL-004", "Automotive customer security requirements", "active",
          "Sales director",
          {{"type", "contract"},
           {"citation", "Supplier quality manual, section 9"},
           {"jurisdiction", "Automotive customers"},
           {"summary", "Protection of customer drawings; ISO/IEC 27001 certification by 2027."},
           {"next_review", "2027-01-31"}},
          {"risk:R-003"}));
  TRY(add("obligations", "OBL-005", "Cyber insurance policy conditions", "active",
          "Finance director",
          {{"type", "contract"},
           {"citation", "Policy CY-88213"},
           {"jurisdiction", "Insurer"},
           {"summary", "MFA on remote access, offline backups, EDR on servers."},
           {"next_review", "2027-02-28"}}));
  struct Req {
    const char* ref;
    const char* title;
    const char* party;
    const char* type;
    const char* addressed;
    const char* how;
    const char* obligation;
  };
  for (const auto& q : std::initializer_list<Req>{
           {"REQ-001", "Protect customer drawings and specifications", "IP-001", "contractual",
            "partly", "Classification and DLP on the engineering share; NDA with suppliers.",
            "OBL-004"},
           {"REQ-002", "ISO/IEC 27001 certification by 2027", "IP-001", "contractual", "partly",
            "Certification project; objective OBJ-006.", "OBL-004"},
           {"REQ-003", "Notify security incidents within 24 hours", "IP-002", "contractual", "yes",
            "Incident procedure with a customer-notification step.", "OBL-003"},
           {"REQ-004", "Annual security attestation", "IP-002", "contractual", "yes",
            "Internal audit report and management review minutes shared yearly.", "OBL-003"},
           {"REQ-005", "Security of processing of personal data", "IP-003", "legal", "yes",
            "Controls of Annex A in the SoA with legal reasons.", "OBL-001"},
           {"REQ-006", "Report personal-data breaches within 72 hours", "IP-003", "legal", "yes",
            "Breach assessment in the incident procedure.", "OBL-001"},
           {"REQ-007", "Supply-chain security measures", "IP-004", "regulatory", "partly",
            "Supplier assessments (objective OBJ-005).", "OBL-002"},
           {"REQ-008", "Incident reporting to customers in NIS2 scope", "IP-004", "regulatory",
            "partly", "Procedure drafted; to be exercised.", "OBL-002"},
           {"REQ-009", "Safe and secure workplace, clear rules", "IP-005", "other", "yes",
            "Acceptable use policy and awareness programme.", ""},
           {"REQ-010", "Privacy of staff monitoring", "IP-005", "legal", "yes",
            "Monitoring limited by the privacy notice.", "OBL-001"},
           {"REQ-011", "Regular reporting on cyber risk", "IP-006", "other", "yes",
            "Quarterly risk summary to the board.", ""},
           {"REQ-012", "Risk appetite respected", "IP-006", "other", "partly",
            "Risks above appetite have treatment plans.", ""},
           {"REQ-013", "Shared responsibility respected by customers", "IP-007", "contractual",
            "yes", "Cloud responsibility matrix in the supplier register.", ""},
           {"REQ-014", "MFA, offline backups and EDR", "IP-008", "contractual", "partly",
            "MFA done; offline backups for the ERP in progress.", "OBL-005"},
           {"REQ-015", "Notify the insurer of incidents promptly", "IP-008", "contractual", "yes",
            "Insurer on the incident call list.", "OBL-005"}}) {
    TRY(add("requirements", q.ref, q.title, "active", "Compliance manager",
            {{"party", q.party},
             {"type", q.type},
             {"requirement", q.title},
             {"addressed", q.addressed},
             {"how", q.how},
             {"obligation", q.obligation}}));
  }

  // --- 4.3 scope: revision 1 approved, revised, revision 2 approved ---
  auto scope =
      add("scope", "SCOPE-001", "Scope of the ISMS of Demo Manufacturing Ltd", "draft", "CISO",
          {{"statement",
            "The ISMS covers the design, manufacture and sale of industrial "
            "pumps at the Leeds plant and head office, and the customer "
            "portal."},
           {"organizational", "Engineering, production (Leeds), sales, IT, HR, finance."},
           {"physical", "Head office and the Leeds plant."},
           {"technological", "Office IT, the customer portal, the ERP, OT at Leeds."},
           {"interfaces", "Managed SOC, cloud hosting of the portal, payroll bureau."},
           {"exclusions", "The Sheffield plant (to be included in 2026)."}},
          {"node:iso-iec-27001-2022-isms:4.3"});
  if (!scope) return std::unexpected(scope.error());
  auto s1 = approve_record(ws, actor, organization, "scope", "SCOPE-001", 0);
  if (!s1) return std::unexpected(s1.error());
  auto s2 = *s1;
  core::set_field(*core::find_register("scope"), s2, "physical",
                  "Head office, the Leeds plant and the Sheffield plant.");
  core::set_field(*core::find_register("scope"), s2, "statement",
                  "The ISMS covers the design, manufacture and sale of industrial pumps at both "
                  "plants (Leeds and Sheffield) and head office, and the customer portal.");
  core::set_field(*core::find_register("scope"), s2, "technological",
                  "Office IT, the customer portal, the ERP, OT at both plants.");
  core::set_field(*core::find_register("scope"), s2, "exclusions",
                  "None of the company's activities; the payroll bureau's own systems are "
                  "outside (an interface).");
  s2.status = "";
  auto revised = update_record(ws, actor, catalog, organization, "scope", s2);
  if (!revised) return std::unexpected(revised.error());
  if (auto a = approve_record(ws, actor, organization, "scope", "SCOPE-001", 0); !a)
    return std::unexpected(a.error());

  // --- 5.2 policies ---
  TRY(add("policies", "POL-001", "Information security policy", "draft", "CEO",
          {{"level", "top-level"}, {"topic", "Information security"}, {"document", "DOC-001"}},
          {"node:nist-csf-2.0:GV.PO-01", "node:iso-iec-27001-2022-isms:5.2", "control:A.5.1",
           "document:DOC-001"}));
  struct Pol {
    const char* ref;
    const char* title;
    const char* topic;
    const char* control;
    const char* doc;
  };
  for (const auto& p : std::initializer_list<Pol>{
           {"POL-002", "Access control policy", "Access control", "A.5.15", "DOC-002"},
           {"POL-003", "Acceptable use policy", "Acceptable use", "A.5.10", "DOC-003"},
           {"POL-004", "Backup policy", "Backup", "A.8.13", "DOC-004"},
           {"POL-005", "Supplier security policy", "Supplier relationships", "A.5.19", "DOC-005"},
           {"POL-006", "Incident management policy", "Incident management", "A.5.24", "DOC-006"},
           {"POL-007", "OT security policy", "Operational technology", "A.8.20", "DOC-007"},
           {"POL-008", "Cryptography policy", "Cryptography", "A.8.24", "DOC-008"},
           {"POL-009", "Secure development policy", "Secure development", "A.8.25", "DOC-009"},
           {"POL-010", "Remote working policy", "Remote working", "A.6.7", "DOC-010"},
           {"POL-011", "Information classification policy", "Classification", "A.5.12", "DOC-011"},
           {"POL-012", "Business continuity policy", "ICT readiness for continuity", "A.5.30",
            "DOC-012"}}) {
    auto control = std::string("control:") + p.control;
    auto doc = std::string("document:") + p.doc;
    TRY(add("policies", p.ref, p.title, "draft", "CISO",
            {{"level", "topic-specific"},
             {"parent", "POL-001"},
             {"topic", p.topic},
             {"document", p.doc}},
            {control.c_str(), doc.c_str()}));
  }
  for (int i = 1; i <= 12; ++i) {
    auto ref = std::string("POL-0") + (i < 10 ? "0" : "") + std::to_string(i);
    if (i == 7) continue;  // the OT policy is a draft under review
    if (auto a = approve_record(ws, actor, organization, "policies", ref, 0); !a)
      return std::unexpected(a.error());
  }

  // --- 5.3 roles and the RACI ---
  TRY(add("roles", "ROLE-001", "Top management (board)", "active", "CEO",
          {{"responsibilities",
            "Leadership and commitment (5.1); approves the policy and the "
            "scope; management review."},
           {"authorities", "Sets the risk appetite; allocates resources."},
           {"holders", "Helen Carter (CEO); Board of directors"},
           {"raci",
            "context=A;scope=A;policy=A;objectives=A;management-review=A;"
            "risk-assessment=I;risk-treatment=I;improvement=A"}}));
  TRY(add("roles", "ROLE-002", "Chief information security officer", "active", "CEO",
          {{"responsibilities", "Runs the ISMS; reports on its performance to top management."},
           {"authorities", "Stops changes that put information at unacceptable risk."},
           {"holders", "Sam Patel"},
           {"raci",
            "context=R;scope=R;policy=R;risk-assessment=A;risk-treatment=A;soa=A;"
            "objectives=R;competence=C;awareness=A;communication=A;document-control=A;"
            "monitoring=A;nonconformity=A;improvement=R;management-review=R"}}));
  TRY(add("roles", "ROLE-003", "IT operations manager", "active", "CIO",
          {{"responsibilities", "Operates IT controls: backups, patching, access administration."},
           {"authorities", "Changes to IT systems through change management."},
           {"holders", "Chris Walker"},
           {"raci", "operations=A;risk-treatment=R;monitoring=R;soa=C;risk-assessment=C"}}));
  TRY(add("roles", "ROLE-004", "Plant OT engineer", "active", "Plant manager, Leeds",
          {{"responsibilities", "Security of the plant networks and controllers."},
           {"holders", "Priya Shah; Tom Green"},
           {"raci", "operations=R;risk-assessment=C;risk-treatment=R"}}));
  TRY(add("roles", "ROLE-005", "HR manager", "active", "HR director",
          {{"responsibilities", "Screening, terms of employment, competence records, training."},
           {"holders", "Laura Bennett"},
           {"raci", "competence=A;awareness=R;communication=C"}}));
  TRY(add("roles", "ROLE-006", "Internal auditor", "active", "Finance director",
          {{"responsibilities", "Plans and carries out the internal audit programme (9.2)."},
           {"authorities", "Access to all records of the ISMS."},
           {"holders", "Mark Evans (independent of IT)"},
           {"raci", "internal-audit=A;nonconformity=C;management-review=C"}}));
  TRY(add("roles", "ROLE-007", "Data protection lead", "active", "Compliance manager",
          {{"responsibilities", "Personal-data breaches, records of processing, DPIAs."},
           {"holders", "Aisha Khan"},
           {"raci", "communication=R;context=C;nonconformity=R"}}));

  // --- 9.1 measurements and 6.2 objectives ---
  struct Meas {
    const char* ref;
    const char* title;
    const char* what;
    const char* unit;
    const char* direction;
    const char* target;
    const char* threshold;
    const char* by;
  };
  for (const auto& m : std::initializer_list<Meas>{
           {"MEAS-001", "Phishing simulation click rate",
            "Share of staff who click the link of the quarterly phishing simulation", "%",
            "lower-is-better", "5", "10", "IT operations manager"},
           {"MEAS-002", "Critical patches within 14 days",
            "Share of critical patches applied to servers and endpoints within 14 days", "%",
            "higher-is-better", "95", "85", "IT operations manager"},
           {"MEAS-003", "Awareness training completion",
            "Share of staff who completed the annual awareness training", "%", "higher-is-better",
            "95", "80", "HR manager"},
           {"MEAS-004", "Mean time to detect", "Mean time from compromise to detection", "hours",
            "lower-is-better", "24", "72", "Managed SOC"},
           {"MEAS-005", "Successful restore tests",
            "Share of quarterly restore tests that restore within the RTO", "%", "higher-is-better",
            "100", "90", "IT operations manager"},
           {"MEAS-006", "Suppliers assessed",
            "Share of critical suppliers with a current security "
            "assessment",
            "%", "higher-is-better", "90", "70", "Procurement manager"}}) {
    TRY(add("measurements", m.ref, m.title, "active", "CISO",
            {{"what", m.what},
             {"method", "Counted from the system of record each quarter"},
             {"frequency", "quarterly"},
             {"measured_by", m.by},
             {"analysed_by", "CISO"},
             {"unit", m.unit},
             {"direction", m.direction},
             {"target", m.target},
             {"threshold", m.threshold}},
            {"node:iso-iec-27001-2022-isms:9.1"}));
  }
  struct Obj {
    const char* ref;
    const char* title;
    const char* plan;
    const char* status;
    const char* due;
    const char* target;
    const char* responsible;
    const char* risk;
  };
  for (const auto& o : std::initializer_list<Obj>{
           {"OBJ-001", "Halve the phishing click rate",
            "Quarterly simulations with just-in-time training", "on-track", "2027-03-31", "5 %",
            "CISO", "risk:R-010"},
           {"OBJ-002", "Patch critical vulnerabilities within 14 days",
            "Automated patch deployment; weekly exception review", "on-track", "2027-06-30", "95 %",
            "IT operations manager", "risk:R-002"},
           {"OBJ-003", "Every employee trained each year",
            "Annual e-learning plus induction training", "on-track", "2026-12-31", "95 %",
            "HR manager", "risk:R-012"},
           {"OBJ-004", "Detect attacks within a day",
            "Managed SOC with OT monitoring at both plants", "at-risk", "2026-12-31", "24 hours",
            "CISO", "risk:R-016"},
           {"OBJ-005", "Restore any critical system within its RTO",
            "Quarterly restore tests of ERP, portal and plant historians", "on-track", "2027-03-31",
            "100 %", "IT operations manager", "risk:R-009"},
           {"OBJ-006", "Assess every critical supplier",
            "Security questionnaire and evidence review before renewal", "planned", "2027-09-30",
            "90 %", "Procurement manager", "risk:R-017"}}) {
    std::string meas = std::string("MEAS-") + (o.ref + 4);
    std::string link = "record:measurements/" + meas;
    TRY(add("objectives", o.ref, o.title, o.status, o.responsible,
            {{"plan", o.plan},
             {"resources", "Within the security budget for 2026-2027"},
             {"responsible", o.responsible},
             {"due", o.due},
             {"evaluation",
              "Quarterly value of the measurement against its target, in the "
              "management review"},
             {"measurement", meas.c_str()},
             {"target", o.target}},
            {link.c_str(), o.risk}));
  }

  // --- 6.3 changes ---
  TRY(add("changes", "CHG-001", "Extend the scope to the Sheffield plant", "done", "CISO",
          {{"purpose", "Customers need both plants certified."},
           {"consequences", "New assets and risks; OT monitoring at Sheffield."},
           {"resources", "Two OT engineers for three months"},
           {"responsible", "CISO"},
           {"planned", "2026-06-30"}},
          {"record:scope/SCOPE-001"}));
  TRY(add("changes", "CHG-002", "Move the ERP to the cloud", "planned", "CIO",
          {{"purpose", "Retire the head office ERP servers."},
           {"consequences", "New supplier controls and interfaces; changed backup design."},
           {"resources", "ERP project budget"},
           {"responsible", "CIO"},
           {"planned", "2027-04-30"}},
          {"risk:R-005"}));
  TRY(add("changes", "CHG-003", "Outsource first-line monitoring to a managed SOC", "in-progress",
          "CISO",
          {{"purpose", "24x7 detection with a small team."},
           {"consequences", "Access for the provider; new communication paths."},
           {"responsible", "CISO"},
           {"planned", "2026-12-15"}}));

  // --- 7.1 resources ---
  TRY(add("resources", "RES-001", "Information security team (3 FTE)", "available", "CISO",
          {{"type", "people"}, {"description", "CISO, security engineer, GRC analyst."}}));
  TRY(add("resources", "RES-002", "Security budget 2026-2027", "available", "Finance director",
          {{"type", "budget"}, {"description", "GBP 480k opex, GBP 150k capex."}}));
  TRY(add("resources", "RES-003", "EDR and SIEM platform", "available", "IT operations manager",
          {{"type", "tooling"}, {"description", "EDR on every endpoint; SIEM fed to the SOC."}}));
  TRY(add("resources", "RES-004", "Managed SOC service", "planned", "CISO",
          {{"type", "service"}, {"description", "24x7 monitoring of IT and OT."}}));
  TRY(add("resources", "RES-005", "Secondary server room at Sheffield", "available",
          "IT operations manager",
          {{"type", "facility"}, {"description", "Hosts the backup copies and the DR servers."}}));

  // --- 7.2 competence ---
  struct Comp {
    const char* ref;
    const char* person;
    const char* role;
    const char* required;
    const char* evidence;
    const char* actions;
    const char* status;
    const char* review;
  };
  for (const auto& c : std::initializer_list<Comp>{
           {"COMP-001", "Sam Patel", "ROLE-002", "ISMS management, risk assessment, ISO/IEC 27001",
            "CISSP; ISO/IEC 27001 Lead Implementer certificate", "", "competent", "2027-06-30"},
           {"COMP-002", "Chris Walker", "ROLE-003", "Secure configuration, backup and recovery",
            "Vendor certifications; restore test records", "", "competent", "2027-03-31"},
           {"COMP-003", "Priya Shah", "ROLE-004", "IEC 62443 fundamentals, OT network design",
            "OT networking course (2025)", "IEC 62443 training booked for Q1 2027", "in-progress",
            "2027-03-31"},
           {"COMP-004", "Tom Green", "ROLE-004", "IEC 62443 fundamentals, OT network design", "",
            "Mentoring by Priya Shah; IEC 62443 course in 2027", "gap", "2027-01-31"},
           {"COMP-005", "Mark Evans", "ROLE-006", "Auditing to ISO 19011 and ISO/IEC 27007",
            "ISO/IEC 27001 Lead Auditor certificate", "", "competent", "2027-09-30"},
           {"COMP-006", "Aisha Khan", "ROLE-007", "UK GDPR, breach handling",
            "BCS data protection certificate", "", "competent", "2026-12-31"}}) {
    TRY(add("competence", c.ref, std::string(c.person) + " — " + c.required, c.status, "HR manager",
            {{"person", c.person},
             {"role", c.role},
             {"required", c.required},
             {"evidence", c.evidence},
             {"actions", c.actions},
             {"next_review", c.review}}));
  }

  // --- 7.3 awareness (AWR-002 past due and incomplete) ---
  TRY(add("awareness", "AWR-001", "Annual security awareness e-learning 2026", "completed",
          "HR manager",
          {{"audience", "All staff"},
           {"topic", "Phishing, passwords, reporting incidents"},
           {"start", "2026-01-15"},
           {"due", "2026-03-31"},
           {"targeted", "420"},
           {"completed", "409"}},
          {"control:A.6.3"}));
  TRY(add("awareness", "AWR-002", "OT security briefing for plant operators", "running",
          "Plant manager, Leeds",
          {{"audience", "Plant operators at Leeds and Sheffield"},
           {"topic", "USB media, contractor laptops, reporting anomalies"},
           {"start", "2026-09-01"},
           {"due", "2026-10-31"},
           {"targeted", "160"},
           {"completed", "97"}},
          {"risk:R-006"}));
  TRY(add("awareness", "AWR-003", "Payment fraud awareness for finance", "completed",
          "Finance director",
          {{"audience", "Finance and purchasing"},
           {"topic", "Invoice and CEO fraud"},
           {"start", "2026-05-01"},
           {"due", "2026-05-31"},
           {"targeted", "24"},
           {"completed", "24"}},
          {"risk:R-010"}));
  TRY(add("awareness", "AWR-004", "Secure development workshop", "planned", "CIO",
          {{"audience", "Portal developers"},
           {"topic", "OWASP Top 10"},
           {"start", "2027-01-18"},
           {"due", "2027-02-28"},
           {"targeted", "8"},
           {"completed", "0"}},
          {"risk:R-015"}));

  // --- 7.4 communication ---
  struct Com {
    const char* ref;
    const char* title;
    const char* when;
    const char* whom;
    const char* who;
    const char* how;
  };
  for (const auto& c : std::initializer_list<Com>{
           {"COM-001", "ISMS performance report", "Quarterly", "Board of directors", "CISO",
            "Board pack"},
           {"COM-002", "Information security policy and changes to it", "On approval", "All staff",
            "CISO", "Intranet and team briefings"},
           {"COM-003", "Security incidents affecting a customer", "Within 24 hours",
            "Affected customers", "Sales director", "Phone, then written report"},
           {"COM-004", "Personal-data breaches", "Within 72 hours",
            "Information Commissioner's "
            "Office",
            "Data protection lead", "ICO breach reporting form"},
           {"COM-005", "Annual security attestation", "Yearly, by 31 March",
            "Water utility customers", "CISO", "Signed letter with audit summary"},
           {"COM-006", "Phishing simulation results", "After each simulation", "Department heads",
            "IT operations manager", "E-mail"}}) {
    TRY(add("communication", c.ref, c.title, "active", c.who,
            {{"what", c.title},
             {"when", c.when},
             {"with_whom", c.whom},
             {"communicator", c.who},
             {"channel", c.how}}));
  }
#undef TRY
  return {};
}

}  // namespace cyberframe::workspace
