// The demo's ISMS (workspace/isms.hpp): the registers of clauses 4-10 for Demo Manufacturing Ltd,
// a maker of industrial pumps with two plants (Leeds and Sheffield), a customer portal and a
// head office. Refs agree with the documents' and measurements' demos (docs: DOC-001..DOC-012,
// measurements: MEAS-001..MEAS-006). The registers of clauses 8-10 and the incidents
// (seed_operation) are dated relative to the day the demo runs, so that what is due, overdue and
// recent stays so: the refs and states are the ones /work/notes' shared design names (PROC-001..8,
// RA-001..3, AP-001, AUD-001..2, FND-001..5, NC-001..3, ACT-001..5, IMP-001..3, INC-001..4,
// FB-001..3, MR-001..2).

#include <initializer_list>
#include <utility>

#include "util/date.hpp"
#include "workspace/isms.hpp"

namespace cyberframe::workspace {

namespace {

using Fields = std::initializer_list<std::pair<const char*, const char*>>;
using Links = std::initializer_list<const char*>;

Result<void> seed_operation(Workspace& ws, const std::string& actor, const core::Catalog& catalog,
                            std::int64_t organization);

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
  return seed_operation(ws, actor, catalog, organization);
}

namespace {

using Values = std::vector<std::pair<std::string, std::string>>;

// Clauses 8 to 10 and the incidents.
Result<void> seed_operation(Workspace& ws, const std::string& actor, const core::Catalog& catalog,
                            std::int64_t organization) {
  const auto today = *util::day_number(util::today_utc());
  // The day `offset` days from the demo's today.
  auto day = [&](std::int64_t offset) { return util::date_of_day(today + offset); };
  const auto year = util::today_utc().substr(0, 4);
  auto make = [&](const std::string& reg, const std::string& ref, const std::string& title,
                  const std::string& status, const std::string& owner, const Values& fields,
                  const std::vector<std::string>& links) -> Result<core::IsmsRecord> {
    const auto* spec = core::find_register(reg);
    core::IsmsRecord r;
    r.ref = ref;
    r.title = title;
    r.status = status;
    r.owner = owner;
    for (const auto& [k, v] : fields)
      if (auto f = core::set_field(*spec, r, k, v); !f)
        return util::fail(f.error().code, reg + " " + ref + ": " + f.error().message);
    for (const auto& l : links) {
      auto link = core::parse_link(l);
      if (!link) return std::unexpected(link.error());
      if (link->kind == "node") {
        auto colon = link->target.find(':');
        if (!catalog.node(link->target.substr(0, colon), link->target.substr(colon + 1))) continue;
      }
      r.links.push_back(*link);
    }
    return r;
  };
  auto add = [&](const std::string& reg, const std::string& ref, const std::string& title,
                 const std::string& status, const std::string& owner, const Values& fields,
                 const std::vector<std::string>& links = {}) -> Result<core::IsmsRecord> {
    auto r = make(reg, ref, title, status, owner, fields, links);
    if (!r) return r;
    auto out = create_record(ws, actor, catalog, organization, reg, *r);
    if (!out) return util::fail(out.error().code, reg + " " + ref + ": " + out.error().message);
    return out;
  };
  // Changes a stored record: the fields given replace the stored ones.
  auto change = [&](const std::string& reg, const std::string& ref, const std::string& status,
                    const Values& fields) -> Result<core::IsmsRecord> {
    auto r = find_record(ws, organization, reg, ref);
    if (!r) return r;
    const auto* spec = core::find_register(reg);
    r->status = status;
    for (const auto& [k, v] : fields)
      if (auto f = core::set_field(*spec, *r, k, v); !f) return std::unexpected(f.error());
    auto out = update_record(ws, actor, catalog, organization, reg, *r);
    if (!out) return util::fail(out.error().code, reg + " " + ref + ": " + out.error().message);
    return out;
  };
#define TRY(expr) \
  if (auto r_ = (expr); !r_) return std::unexpected(r_.error());

  // --- 8.1 processes and planned controls (their owners are never their auditors) ---
  TRY(add("processes", "PROC-001", "ISMS management and risk assessment", "operating", "CISO",
          {{"kind", "process"},
           {"purpose", "Run the ISMS: risk assessment, treatment plan, SoA, objectives."},
           {"criteria",
            "Risk assessment at least yearly and on significant change; SoA reviewed "
            "with every risk assessment."},
           {"frequency", "Continuous; yearly cycle"},
           {"externally_provided", "no"}},
          {"control:A.5.1", "control:A.5.8", "node:iso-iec-27001-2022-isms:8.1"}));
  TRY(add("processes", "PROC-002", "Access management", "operating", "IT operations manager",
          {{"kind", "process"},
           {"purpose", "Grant, review and remove access rights to IT and OT systems."},
           {"criteria",
            "Leavers' accounts removed within one working day; quarterly access "
            "reviews of privileged and portal accounts."},
           {"frequency", "Daily; reviews quarterly"},
           {"externally_provided", "no"}},
          {"control:A.5.15", "control:A.5.18", "control:A.8.2"}));
  TRY(add("processes", "PROC-003", "Backup and recovery", "operating", "CIO",
          {{"kind", "process"},
           {"purpose", "Back up the ERP, file servers and controller programs; test restores."},
           {"criteria",
            "Nightly backups; one immutable copy; restore test of each system twice "
            "a year within its recovery time objective."},
           {"frequency", "Nightly; restore tests half-yearly"},
           {"externally_provided", "no"}},
          {"control:A.8.13", "control:A.5.30"}));
  TRY(add("processes", "PROC-004", "Joiners, movers and leavers", "operating", "HR director",
          {{"kind", "process"},
           {"purpose",
            "Screening, terms of employment and the return of assets when staff "
            "join, move or leave."},
           {"criteria", "Leavers reported to IT on their last day; assets returned."},
           {"frequency", "On each event"},
           {"externally_provided", "no"}},
          {"control:A.6.1", "control:A.6.2", "control:A.6.5", "control:A.5.11"}));
  TRY(add("processes", "PROC-005", "OT change management at Leeds", "operating",
          "Plant manager, Leeds",
          {{"kind", "process"},
           {"purpose", "Plan, test and approve changes to controllers and the OT network."},
           {"criteria", "Every change to a PLC program approved and backed up before and after."},
           {"frequency", "On each change"},
           {"externally_provided", "no"}},
          {"control:A.8.32", "control:A.8.9"}));
  TRY(add("processes", "PROC-006", "Managed SOC monitoring", "operating", "CISO",
          {{"kind", "process"},
           {"purpose", "First-line monitoring of the SIEM and triage of alerts around the clock."},
           {"criteria", "Critical alerts escalated within 30 minutes; monthly service report."},
           {"frequency", "24/7"},
           {"externally_provided", "yes"},
           {"provider", "Sentinel Security Services"},
           {"contract", "Managed SOC agreement, schedule 2 (service levels)"}},
          {"control:A.8.16", "control:A.5.22", "risk:R-001"}));
  TRY(add("processes", "PROC-007", "Multi-factor authentication for remote access", "planned",
          "CIO",
          {{"kind", "control"},
           {"purpose", "Every remote access to office and plant systems needs a second factor."},
           {"criteria",
            "All VPN and vendor accounts enrolled; no exceptions without the CISO's "
            "approval."},
           {"externally_provided", "no"}},
          {"control:A.8.5", "risk:R-006"}));
  TRY(add("processes", "PROC-008", "Segmentation of the OT network", "planned",
          "Plant manager, Leeds",
          {{"kind", "control"},
           {"purpose",
            "Separate the controller network from the office network by zones and "
            "conduits (IEC 62443-3-2)."},
           {"criteria", "No direct route from the office network to a PLC."},
           {"externally_provided", "no"}},
          {"control:A.8.22", "risk:R-001"}));

  // --- 8.2, 8.3 risk assessments in operation ---
  TRY(add("reassessments", "RA-001", "Yearly risk assessment " + day(-395).substr(0, 4),
          "completed", "CISO",
          {{"trigger", "planned-interval"},
           {"due", day(-400)},
           {"performed", day(-395)},
           {"baseline", "Risk register as of " + day(-395)},
           {"scope", "Every risk of the register; both plants, the portal and head office."},
           {"results",
            "Four risks re-rated (ransomware up, payment fraud down); two new risks "
            "(cloud ERP, OT vendor access); treatment plan updated and accepted by "
            "the risk owners."}},
          {"risk:R-001", "risk:R-006"}));
  TRY(add("reassessments", "RA-002", "Yearly risk assessment " + day(-35).substr(0, 4), "planned",
          "CISO",
          {{"trigger", "planned-interval"},
           {"due", day(-35)},
           {"scope", "Every risk of the register."}}));
  TRY(add("reassessments", "RA-003", "Risk assessment of the new MES system", "completed", "CIO",
          {{"trigger", "significant-change"},
           {"due", day(-70)},
           {"performed", day(-60)},
           {"baseline", "Risk register as of " + day(-60)},
           {"change",
            "The manufacturing execution system (MES) connects the ERP to the "
            "controllers at Leeds."},
           {"scope", "The MES, its interfaces to the ERP and the OT network."},
           {"results",
            "One new risk (MES as a bridge from the office network to the PLCs), "
            "treated by PROC-008 (segmentation); R-001 likelihood raised."}},
          {"risk:R-001", "record:processes/PROC-008"}));

  // --- 9.2 the audit programme and its audits ---
  TRY(add("audit-programmes", "AP-001", "Internal audit programme " + year, "draft", "CISO",
          {{"period_start", year + "-01-01"},
           {"period_end", year + "-12-31"},
           {"frequency",
            "Every clause and every applicable Annex A theme once a year; the "
            "processes of highest risk twice"},
           {"methods", "Interviews, document review, sampling of records, observation on site."},
           {"responsibilities",
            "The internal auditor (ROLE-006) leads; an external auditor joins "
            "for the technical controls; auditors never audit their own work."},
           {"planning",
            "Audits planned a quarter ahead, scoped by the risk register and the "
            "results of earlier audits."},
           {"reporting",
            "Audit report to the CISO and the board within two weeks; findings "
            "become nonconformities."}}));
  TRY(approve_record(ws, actor, organization, "audit-programmes", "AP-001", 0));
  TRY(add("audits", "AUD-001", "Internal audit of the ISMS core and access control", "reported",
          "Mark Evans",
          {{"programme", "AP-001"},
           {"criteria",
            "ISO/IEC 27001:2022 clauses 4-10; Annex A 5.x (organizational controls); "
            "the information security policy."},
           {"processes", "PROC-001; PROC-002; PROC-003; PROC-004"},
           {"scope", "Head office and the Leeds plant; the ERP and the customer portal."},
           {"auditors", "Mark Evans; Jane Holt (Northbridge Assurance)"},
           {"lead", "Mark Evans"},
           {"planned", day(-100)},
           {"performed", day(-95)},
           {"plan",
            "Day 1: ISMS core (clauses 4-10) with the CISO. Day 2: access management, "
            "backups and HR processes."},
           {"sampling",
            "20 leavers of the last 12 months; 3 of 9 backup jobs; 10 portal "
            "accounts."},
           {"checklist",
            "iso-iec-27001-2022-isms:4.3; iso-iec-27001-2022-isms:5.2; "
            "iso-iec-27001-2022-isms:6.1.2; iso-iec-27001-2022-isms:6.1.3; "
            "iso-iec-27001-2022-isms:7.2; iso-iec-27001-2022-isms:7.5.3; "
            "iso-iec-27001-2022-isms:8.1; iso-iec-27001-2022-isms:9.1; "
            "iso-iec-27001-2022-isms:10.2; iso-iec-27001-2022-annex-a:A.5.15; "
            "iso-iec-27001-2022-annex-a:A.5.18; iso-iec-27001-2022-annex-a:A.8.13"},
           {"conclusion",
            "The ISMS is established and largely effective. One major "
            "nonconformity (backups never restore-tested) and two minor ones "
            "(access rights removed and reviewed late) need corrective action "
            "before the certification audit."},
           {"reported", day(-90)}},
          {"node:iso-iec-27001-2022-isms:9.2.1"}));
  TRY(add("audits", "AUD-002", "Internal audit of OT change management and the managed SOC",
          "planned", "Mark Evans",
          {{"programme", "AP-001"},
           {"criteria", "ISO/IEC 27001:2022 clause 8.1; Annex A 5.19-5.22, 8.9, 8.16, 8.32."},
           {"processes", "PROC-005; PROC-006"},
           {"scope", "The Leeds plant and the managed SOC service."},
           {"auditors", "Mark Evans; Jane Holt (Northbridge Assurance)"},
           {"lead", "Mark Evans"},
           {"planned", day(21)},
           {"plan", "Half a day at Leeds; a remote session with Sentinel Security Services."}}));

  // --- incidents (ISO/IEC 27035) ---
  TRY(add("incidents", "INC-001", "Phishing e-mail harvested two office passwords", "closed",
          "IT operations manager",
          {{"detected", day(-150) + " 09:40"},
           {"severity", "medium"},
           {"category", "phishing"},
           {"description",
            "A fake parcel notice led two office staff to enter their passwords "
            "on a look-alike page."},
           {"assets", "Office 365 accounts; e-mail"},
           {"timeline", day(-150) + " 09:40 reported by a user; " + day(-150) +
                            " 10:15 passwords reset and sessions revoked; " + day(-149) +
                            " sign-in logs reviewed: no further access"},
           {"lessons",
            "Users reported quickly but had no easy way to do so; a report button "
            "and a monthly simulation follow."},
           {"closed", day(-140)}},
          {"risk:R-010", "control:A.6.3", "control:A.5.24"}));
  TRY(add("incidents", "INC-002", "Ransomware attempt on the OT network at Leeds", "recovered",
          "Plant manager, Leeds",
          {{"detected", day(-30) + " 02:10"},
           {"severity", "high"},
           {"category", "malware"},
           {"description",
            "Ransomware reached an engineering workstation through the vendor's "
            "remote-access channel; the SOC isolated it before it spread to the "
            "controllers."},
           {"assets", "Engineering workstation EWS-03; vendor remote access"},
           {"timeline", day(-30) + " 02:10 SOC alert on EWS-03; " + day(-30) +
                            " 02:35 workstation isolated; " + day(-30) +
                            " 08:00 line 2 stopped as a precaution; " + day(-29) +
                            " 14:00 workstation rebuilt, line restarted"},
           {"notifications", "regulator=" + day(-29) + "; customers=" + day(-28)}},
          {"risk:R-001", "risk:R-006", "control:A.8.7", "control:A.5.26"}));
  TRY(add("incidents", "INC-003", "Encrypted laptop lost on a train", "closed", "CISO",
          {{"detected", day(-75)},
           {"severity", "low"},
           {"category", "loss"},
           {"description", "A sales manager's laptop was lost; the disk is encrypted."},
           {"assets", "Laptop LT-118"},
           {"timeline", day(-75) + " reported; " + day(-75) +
                            " device wiped remotely and account password reset"},
           {"lessons", "Encryption made this a non-event; no notification needed."},
           {"closed", day(-74)}},
          {"risk:R-013", "control:A.8.1"}));
  TRY(add("incidents", "INC-004", "Breach at a drawing-exchange supplier", "triaged",
          "Compliance manager",
          {{"detected", day(-5)},
           {"severity", "medium"},
           {"category", "supplier breach"},
           {"description",
            "A supplier that holds some of our pump drawings reported a breach of "
            "its file-sharing service."},
           {"assets", "Pump drawings shared with the supplier"},
           {"timeline", day(-5) + " supplier's notice received; " + day(-4) +
                            " list of shared drawings requested"}},
          {"risk:R-017", "control:A.5.19"}));

  // --- 9.3.2 e feedback and 9.3 management reviews ---
  TRY(add("feedback", "FB-001", "Security questionnaire of an automotive customer", "answered",
          "Sales director",
          {{"party", "IP-001"},
           {"received", day(-120)},
           {"channel", "Customer questionnaire"},
           {"summary", "Asks for evidence of backup restore tests and supplier security."},
           {"response", "Answered with the restore test report and the supplier policy."}}));
  TRY(add("feedback", "FB-002", "Regulator's remarks on the incident notification", "open",
          "Compliance manager",
          {{"party", "IP-004"},
           {"received", day(-20)},
           {"channel", "Letter"},
           {"summary",
            "The notification of INC-002 was on time but lacked the affected "
            "services' list."}},
          {"record:incidents/INC-002"}));
  TRY(add("feedback", "FB-003", "Staff survey on security rules", "closed", "HR director",
          {{"party", "IP-005"},
           {"received", day(-200)},
           {"channel", "Survey"},
           {"summary", "Staff find the password rules hard; most would welcome single sign-on."},
           {"response", "Single sign-on proposed as an improvement (IMP-001)."}}));
  TRY(add("reviews", "MR-001", "Management review " + day(-300).substr(0, 4), "held", "CEO",
          {{"date", day(-300)},
           {"attendees", "Helen Carter (CEO); Sam Patel (CISO); CIO; Finance director"},
           {"agenda", "Inputs 9.3.2 a-g; objectives; resources; audit programme."},
           {"decisions",
            "Outsource first-line monitoring (managed SOC); fund a second OT "
            "security engineer; keep the certification target."},
           {"minutes", "The board accepted the risk treatment plan and the audit programme."}}));
  TRY(add("reviews", "MR-002", "Management review " + day(14).substr(0, 4), "in-preparation", "CEO",
          {{"date", day(14)},
           {"attendees",
            "Helen Carter (CEO); Sam Patel (CISO); CIO; Finance director; HR "
            "director"},
           {"agenda",
            "Inputs 9.3.2 a-g; internal audit results; incidents; readiness for "
            "certification."}}));

  // --- 10.1 improvements ---
  TRY(add("improvements", "IMP-001", "Single sign-on for office applications", "proposed", "CIO",
          {{"opportunity", "One sign-on with MFA for the office applications."},
           {"source", "Staff survey (FB-003)"},
           {"benefit", "Fewer passwords, fewer phishing successes."}},
          {"record:feedback/FB-003"}));
  TRY(add("improvements", "IMP-002", "Automate the leavers' process from the HR system", "accepted",
          "HR director",
          {{"opportunity", "The HR system's leaver event disables accounts automatically."},
           {"source", "Internal audit AUD-001"},
           {"benefit", "Accounts removed on the last day without a ticket."},
           {"decided", day(-60)}},
          {"record:audits/AUD-001"}));
  TRY(add("improvements", "IMP-003", "Immutable backup copy in a second region", "implemented",
          "CIO",
          {{"opportunity", "Keep one backup copy immutable, away from both plants."},
           {"source", "Risk assessment RA-001"},
           {"benefit", "Recovery even when ransomware reaches the backup server."},
           {"decided", day(-200)}},
          {"record:reassessments/RA-001", "control:A.8.13"}));

  // --- 10.2 nonconformities and their actions (actions are linked to where they come from) ---
  TRY(add("nonconformities", "NC-001", "ERP backups never restore-tested", "analysis", "CIO",
          {{"source", "audit"},
           {"description",
            "No restore test of the ERP backups in 14 months, against PROC-003's "
            "criterion of two a year (A.8.13)."},
           {"correction", "A restore test was run during the audit week."},
           {"raised", day(-90)},
           {"method", "five-whys"},
           {"whys",
            "Why no test? It was not scheduled; Why not scheduled? The backup owner "
            "changed; Why did the schedule go? It lived in a personal calendar; Why "
            "personal? The process had no documented schedule; Why none? Backup "
            "procedures predate the ISMS"},
           {"root_cause", "Restore tests were not part of the documented backup procedure."}},
          {"record:audits/AUD-001", "control:A.8.13"}));
  TRY(add("nonconformities", "NC-002", "Access rights removed and reviewed late", "action",
          "IT operations manager",
          {{"source", "audit"},
           {"description",
            "4 of 20 leavers kept their ERP account for more than a day; portal "
            "contractor accounts were not reviewed for two quarters (A.5.18)."},
           {"correction", "The four accounts and 7 stale contractor accounts were disabled."},
           {"raised", day(-90)},
           {"method", "cause-categories"},
           {"cause_category", "process"},
           {"root_cause",
            "Leavers reach IT by e-mail from line managers; nobody owns the "
            "quarterly portal review."}},
          {"record:audits/AUD-001", "control:A.5.18"}));
  TRY(add("nonconformities", "NC-003", "Vendor remote access left enabled after maintenance",
          "open", "Plant manager, Leeds",
          {{"source", "incident"},
           {"description",
            "The vendor's remote-access channel stayed enabled after maintenance "
            "and was the way in for INC-002."},
           {"correction", "The channel was disabled and the vendor account's password changed."},
           {"raised", day(-25)}},
          {"record:incidents/INC-002", "control:A.5.21"}));
  TRY(add("actions", "ACT-001", "Add restore tests to the backup procedure and schedule", "done",
          "CIO",
          {{"type", "corrective"},
           {"description",
            "Restore tests of every system twice a year, scheduled in the ITSM "
            "tool, results recorded."},
           {"due", day(-40)},
           {"done", day(-45)},
           {"result", "Procedure DOC revised; first scheduled test passed."}},
          {"record:nonconformities/NC-001"}));
  TRY(add("actions", "ACT-002", "Leavers' process from the HR system and a portal review owner",
          "open", "IT operations manager",
          {{"type", "corrective"},
           {"description",
            "HR's leaver event opens the removal ticket; the portal manager owns "
            "the quarterly review."},
           {"due", day(10)}},
          {"record:nonconformities/NC-002"}));
  TRY(add("actions", "ACT-003", "Hire a second OT security engineer", "open", "HR director",
          {{"type", "review-output"},
           {"description", "Decision of the management review MR-001."},
           {"due", day(-60)}},
          {"record:reviews/MR-001"}));
  TRY(add("actions", "ACT-004", "Automate account removal from the HR system", "in-progress",
          "HR director",
          {{"type", "improvement"}, {"description", "Carry out IMP-002."}, {"due", day(45)}},
          {"record:improvements/IMP-002"}));
  TRY(add("actions", "ACT-005", "Report-phishing button and monthly simulations", "done",
          "IT operations manager",
          {{"type", "incident"},
           {"description", "From the lessons of INC-001."},
           {"due", day(-110)},
           {"done", day(-115)},
           {"result", "Button deployed; reports doubled, clicks halved in three months."}},
          {"record:incidents/INC-001", "control:A.6.8"}));
  TRY(change("nonconformities", "NC-001", "closed",
             {{"actions", "ACT-001"},
              {"effectiveness", "The scheduled restore test of " + day(-20) +
                                    " restored the ERP in 3 hours, within its 8-hour RTO; the "
                                    "schedule holds the next two tests."},
              {"effective", "yes"},
              {"reviewed", day(-20)},
              {"closed", day(-20)}}));
  TRY(change("nonconformities", "NC-002", "action", {{"actions", "ACT-002"}}));

  // --- 9.2 findings of AUD-001, written by the auditors ---
  TRY(add("findings", "FND-001", "ERP backups never restore-tested", "closed", "Mark Evans",
          {{"audit", "AUD-001"},
           {"grade", "major-nc"},
           {"requirement", "iso-iec-27001-2022-annex-a:A.8.13"},
           {"statement", "Backups run nightly but no restore has been tested in 14 months."},
           {"evidence",
            "Backup tool's job history; no restore test record; interview with the "
            "backup administrator."},
           {"nonconformity", "NC-001"}}));
  TRY(add("findings", "FND-002", "Leavers' accounts removed late", "open", "Mark Evans",
          {{"audit", "AUD-001"},
           {"grade", "minor-nc"},
           {"requirement", "iso-iec-27001-2022-annex-a:A.5.18"},
           {"statement", "4 of 20 sampled leavers kept their ERP account for 2 to 9 days."},
           {"evidence", "HR leavers list against the ERP's account log (sample of 20)."},
           {"nonconformity", "NC-002"}}));
  TRY(add("findings", "FND-003", "Portal contractor accounts not reviewed", "open",
          "Jane Holt (Northbridge Assurance)",
          {{"audit", "AUD-001"},
           {"grade", "minor-nc"},
           {"requirement", "iso-iec-27001-2022-annex-a:A.5.15"},
           {"statement",
            "The quarterly review of the portal's contractor accounts was skipped "
            "twice."},
           {"evidence", "Review records: last one two quarters ago; 7 stale accounts found."},
           {"nonconformity", "NC-002"}}));
  TRY(add("findings", "FND-004", "Competence evidence of OT engineers incomplete", "open",
          "Mark Evans",
          {{"audit", "AUD-001"},
           {"grade", "observation"},
           {"requirement", "iso-iec-27001-2022-isms:7.2"},
           {"statement", "One OT engineer's training is planned but not yet evidenced."},
           {"evidence", "Competence register COMP-004."}}));
  TRY(add("findings", "FND-005", "Risk treatment plan owned and tracked", "closed",
          "Jane Holt (Northbridge Assurance)",
          {{"audit", "AUD-001"},
           {"grade", "good-practice"},
           {"requirement", "iso-iec-27001-2022-isms:6.1.3"},
           {"statement", "Every treatment has an owner and a date, reviewed monthly by the CISO."},
           {"evidence", "Risk register and the treatment plan's monthly review minutes."}}));
#undef TRY
  return {};
}

}  // namespace

}  // namespace cyberframe::workspace
