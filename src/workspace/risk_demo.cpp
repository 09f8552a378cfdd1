// The demo organization's risk register and Statement of Applicability (`cyberframe demo`): a
// manufacturer with two plants, a head office and a customer portal.

#include "workspace/risk_demo.hpp"

#include <map>

#include "store/store.hpp"
#include "util/digest.hpp"
#include "workspace/risks.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::workspace {

namespace {

using util::ErrorCode;
using util::fail;

struct DemoAsset {
  const char* ref;
  const char* name;
  core::AssetKind kind;
  const char* owner;
  int c, i, a;
  const char* parent;  // ref or ""
  std::vector<const char*> depends_on;
  std::optional<int> rto, rpo;
};

struct DemoRisk {
  const char* ref;
  const char* title;
  const char* scenario;
  std::vector<const char*> assets;
  const char* threat;
  const char* vulnerability;
  std::vector<const char*> consequences;
  core::RiskScore inherent, current, residual;
  const char* owner;
  core::Treatment treatment;
  core::RiskStatus status;
  const char* review;
  std::vector<const char*> controls;
  std::vector<const char*> actions;  // titles of the demo roadmap's actions
};

}  // namespace

Result<std::string> seed_demo_risks(Workspace& ws, const std::string& actor,
                                    const core::Catalog& catalog, std::int64_t organization) {
  using K = core::AssetKind;
  const DemoAsset k_assets[] = {
      // primary: information
      {"AS-001",
       "Customer and order data",
       K::k_information,
       "Sales director",
       3,
       3,
       2,
       "",
       {"AS-031", "AS-021"},
       24,
       4},
      {"AS-002",
       "Product designs and CAD models",
       K::k_information,
       "Engineering director",
       4,
       3,
       2,
       "",
       {"AS-023"},
       48,
       24},
      {"AS-003",
       "Recipes and process parameters",
       K::k_information,
       "Plant engineering",
       4,
       4,
       3,
       "",
       {"AS-024"},
       8,
       4},
      {"AS-004", "Financial records", K::k_information, "CFO", 3, 4, 2, "", {"AS-021"}, 48, 24},
      {"AS-005",
       "Employee records",
       K::k_information,
       "HR director",
       4,
       3,
       1,
       "",
       {"AS-026"},
       72,
       24},
      {"AS-006",
       "Supplier contracts",
       K::k_information,
       "Procurement",
       2,
       3,
       1,
       "",
       {"AS-023"},
       {},
       {}},
      {"AS-007",
       "Production schedules",
       K::k_information,
       "Plant engineering",
       2,
       3,
       3,
       "",
       {"AS-022"},
       8,
       4},
      {"AS-008",
       "Quality and batch records",
       K::k_information,
       "Quality manager",
       2,
       4,
       2,
       "",
       {"AS-022"},
       24,
       8},
      // primary: processes and services
      {"AS-010",
       "Order to cash",
       K::k_process,
       "Sales director",
       2,
       3,
       3,
       "",
       {"AS-001", "AS-021"},
       24,
       {}},
      {"AS-011",
       "Production planning and execution",
       K::k_process,
       "Plant engineering",
       2,
       4,
       4,
       "",
       {"AS-007", "AS-022"},
       4,
       {}},
      {"AS-012", "Procurement", K::k_process, "Procurement", 2, 3, 2, "", {"AS-006"}, 72, {}},
      {"AS-013", "Payroll", K::k_process, "HR director", 4, 4, 2, "", {"AS-005"}, 72, {}},
      {"AS-014",
       "Customer portal service",
       K::k_service,
       "Digital services",
       3,
       3,
       4,
       "",
       {"AS-025", "AS-041"},
       4,
       1},
      {"AS-015",
       "ERP service",
       K::k_service,
       "IT operations",
       3,
       4,
       3,
       "",
       {"AS-021", "AS-031"},
       8,
       4},
      {"AS-016",
       "Email and collaboration",
       K::k_service,
       "IT operations",
       3,
       2,
       3,
       "",
       {"AS-026"},
       24,
       24},
      {"AS-017",
       "Manufacturing execution service",
       K::k_service,
       "Plant engineering",
       2,
       4,
       4,
       "",
       {"AS-022", "AS-032"},
       4,
       1},
      {"AS-018",
       "Remote maintenance access",
       K::k_service,
       "Plant engineering",
       3,
       4,
       2,
       "",
       {"AS-034", "AS-052"},
       24,
       {}},
      // supporting: software
      {"AS-021", "ERP system", K::k_software, "IT operations", 3, 4, 3, "", {"AS-031"}, 8, 4},
      {"AS-022",
       "Manufacturing execution system",
       K::k_software,
       "Plant engineering",
       2,
       4,
       4,
       "",
       {"AS-032"},
       4,
       1},
      {"AS-023",
       "File shares and document management",
       K::k_software,
       "IT operations",
       3,
       3,
       2,
       "",
       {"AS-031"},
       24,
       24},
      {"AS-024",
       "SCADA software",
       K::k_software,
       "Plant engineering",
       3,
       4,
       4,
       "",
       {"AS-032"},
       4,
       1},
      {"AS-025",
       "Customer portal web application",
       K::k_software,
       "Digital services",
       3,
       3,
       4,
       "",
       {"AS-051"},
       4,
       1},
      {"AS-026",
       "Directory and identity service",
       K::k_software,
       "IT operations",
       3,
       4,
       4,
       "",
       {"AS-031"},
       4,
       1},
      // supporting: hardware
      {"AS-031",
       "Head office server cluster",
       K::k_hardware,
       "IT operations",
       3,
       3,
       3,
       "AS-063",
       {},
       8,
       4},
      {"AS-032",
       "Plant A control system (PLCs and HMIs)",
       K::k_hardware,
       "Plant engineering",
       2,
       4,
       4,
       "AS-061",
       {"AS-033"},
       4,
       1},
      {"AS-033",
       "Plant A OT network",
       K::k_network,
       "Plant engineering",
       2,
       4,
       4,
       "AS-061",
       {},
       4,
       {}},
      {"AS-034",
       "Engineering workstations",
       K::k_hardware,
       "Plant engineering",
       3,
       4,
       3,
       "",
       {},
       24,
       {}},
      {"AS-035", "Backup appliance", K::k_hardware, "IT operations", 4, 4, 3, "AS-063", {}, 24, 24},
      {"AS-036",
       "Laptops and mobile devices",
       K::k_hardware,
       "IT operations",
       3,
       2,
       2,
       "",
       {},
       {},
       {}},
      {"AS-037",
       "Plant B control system (PLCs and HMIs)",
       K::k_hardware,
       "Plant engineering",
       2,
       4,
       4,
       "AS-062",
       {"AS-038"},
       4,
       1},
      // supporting: network
      {"AS-038",
       "Plant B OT network",
       K::k_network,
       "Plant engineering",
       2,
       4,
       4,
       "AS-062",
       {},
       4,
       {}},
      {"AS-039",
       "Corporate WAN and internet links",
       K::k_network,
       "IT operations",
       2,
       3,
       4,
       "",
       {},
       4,
       {}},
      {"AS-040", "Perimeter firewalls", K::k_network, "IT operations", 3, 4, 4, "", {}, 4, {}},
      {"AS-041", "VPN gateway", K::k_network, "IT operations", 3, 4, 3, "", {"AS-040"}, 8, {}},
      // supporting: people
      {"AS-045", "Plant operators", K::k_people, "Plant managers", 2, 3, 4, "", {}, {}, {}},
      {"AS-046", "IT operations team", K::k_people, "IT operations", 3, 3, 3, "", {}, {}, {}},
      {"AS-047",
       "Maintenance contractors",
       K::k_people,
       "Plant engineering",
       2,
       3,
       2,
       "",
       {},
       {},
       {}},
      // supporting: suppliers
      {"AS-051", "Cloud hosting provider", K::k_supplier, "Procurement", 3, 3, 4, "", {}, 4, 1},
      {"AS-052", "PLC vendor", K::k_supplier, "Procurement", 2, 4, 3, "", {}, {}, {}},
      {"AS-053",
       "Managed security service provider",
       K::k_supplier,
       "CISO",
       3,
       3,
       3,
       "",
       {},
       {},
       {}},
      // supporting: sites
      {"AS-061", "Plant A, Leeds", K::k_site, "Plant managers", 2, 3, 4, "", {}, {}, {}},
      {"AS-062", "Plant B, Sheffield", K::k_site, "Plant managers", 2, 3, 4, "", {}, {}, {}},
      {"AS-063", "Head office and server room", K::k_site, "Facilities", 3, 3, 3, "", {}, {}, {}},
  };
  auto& repo = ws.storage().risks();
  ws.storage().set_actor(actor);
  std::map<std::string, std::int64_t> ids;
  // Assets first without links, then the links (an asset may depend on one listed after it).
  for (const auto& d : k_assets) {
    core::Asset a;
    a.organization = organization;
    a.ref = d.ref;
    a.name = d.name;
    a.kind = d.kind;
    a.owner = d.owner;
    a.confidentiality = d.c;
    a.integrity = d.i;
    a.availability = d.a;
    a.rto_hours = d.rto;
    a.rpo_hours = d.rpo;
    auto stored = repo.create_asset(a);
    if (!stored) return std::unexpected(stored.error());
    ids[d.ref] = stored->id;
  }
  for (const auto& d : k_assets) {
    if (!*d.parent && d.depends_on.empty()) continue;
    auto a = repo.asset(ids.at(d.ref));
    if (!a) return std::unexpected(a.error());
    if (*d.parent) a->parent = ids.at(d.parent);
    for (const auto* dep : d.depends_on) a->depends_on.push_back(ids.at(dep));
    if (auto u = repo.update_asset(*a); !u) return std::unexpected(u.error());
  }

  // Own controls, their status derived from the outcomes they implement.
  struct DemoControl {
    const char* ref;
    const char* title;
    const char* owner;
    std::vector<std::string> outcomes;
  };
  const DemoControl k_controls[] = {
      {"OC-01",
       "Brokered remote access to the plants with session recording",
       "Plant engineering",
       {"iso-tr-27103-2018:PR.AC-3"}},
      {"OC-02",
       "Quarterly restore test of PLC and HMI programs",
       "Plant engineering",
       {"iso-tr-27103-2018:PR.IP-4"}},
      {"OC-03",
       "Removable media blocked on the plant floor",
       "Plant engineering",
       {"iso-tr-27103-2018:PR.PT-2"}},
  };
  for (const auto& d : k_controls) {
    core::Control c;
    c.ref = d.ref;
    c.title = d.title;
    c.owner = d.owner;
    for (const auto& o : d.outcomes) {
      auto colon = o.find(':');
      if (catalog.node(o.substr(0, colon), o.substr(colon + 1))) c.outcomes.push_back(o);
    }
    if (auto r = create_control(ws, actor, catalog, organization, c); !r)
      return std::unexpected(r.error());
  }

  std::map<std::string, std::int64_t> action_ids;
  if (auto actions = ws.actions(organization))
    for (const auto& a : *actions) action_ids[a.title] = a.id;
  else
    return std::unexpected(actions.error());

  using T = core::Treatment;
  using S = core::RiskStatus;
  const DemoRisk k_risks[] = {
      {"R-001",
       "Ransomware halts production at both plants",
       "Ransomware enters through a phished office account, spreads to the engineering "
       "workstations and encrypts the SCADA and MES servers; both plants stop.",
       {"AS-011", "AS-017", "AS-024", "AS-034"},
       "Ransomware delivered by phishing",
       "Flat network between office and plant; shared engineering accounts",
       {"availability", "financial", "safety"},
       {4, 5},
       {4, 4},
       {2, 3},
       "CISO",
       T::k_modify,
       S::k_treating,
       "2027-03-31",
       {"A.8.7", "A.8.22", "A.8.13", "A.6.3", "OC-02"},
       {"Backup and restore tests for controllers", "Security awareness for plant staff"}},
      {"R-002",
       "Unpatched vulnerabilities exploited on internet-facing systems",
       "An attacker exploits a known vulnerability in the VPN gateway or the portal before it is "
       "patched.",
       {"AS-041", "AS-025"},
       "Exploitation of a known vulnerability",
       "Patching takes 60+ days",
       {"confidentiality", "availability"},
       {4, 4},
       {3, 4},
       {2, 3},
       "IT operations",
       T::k_modify,
       S::k_treating,
       "2027-01-31",
       {"A.8.8", "A.8.9"},
       {"Vulnerability management programme"}},
      {"R-003",
       "Theft of product designs by an insider",
       "A leaving engineer copies CAD models.",
       {"AS-002", "AS-023"},
       "Insider exfiltration",
       "No data loss prevention; broad share access",
       {"confidentiality", "financial"},
       {3, 5},
       {3, 4},
       {2, 4},
       "Engineering director",
       T::k_modify,
       S::k_treating,
       "2027-06-30",
       {"A.8.12", "A.5.15", "A.6.5"},
       {}},
      {"R-004",
       "Customer data breach through the portal",
       "Credential stuffing on the portal exposes customers' orders and addresses.",
       {"AS-001", "AS-014", "AS-025"},
       "Credential stuffing",
       "No multi-factor authentication",
       {"confidentiality", "legal-regulatory", "reputation"},
       {4, 4},
       {3, 4},
       {2, 2},
       "Digital services",
       T::k_modify,
       S::k_treating,
       "2027-03-31",
       {"A.8.5", "A.8.16", "A.5.34"},
       {}},
      {"R-005",
       "Cloud hosting provider outage",
       "The hosting region fails for a day.",
       {"AS-014", "AS-051"},
       "Supplier service failure",
       "Single-region deployment",
       {"availability", "reputation"},
       {3, 3},
       {3, 3},
       {3, 3},
       "Digital services",
       T::k_retain,
       S::k_accepted,
       "2027-09-30",
       {"A.5.23"},
       {}},
      {"R-006",
       "Malware on the OT network from a contractor laptop",
       "A maintenance contractor connects an infected laptop to the Plant B OT network.",
       {"AS-037", "AS-038", "AS-047"},
       "Malware via removable or transient devices",
       "No control of devices connected by contractors",
       {"availability", "safety"},
       {3, 5},
       {3, 4},
       {1, 4},
       "Plant engineering",
       T::k_modify,
       S::k_treating,
       "2027-03-31",
       {"OC-03", "A.8.7", "A.5.19"},
       {}},
      {"R-007",
       "Unauthorised remote access to PLCs through the vendor's channel",
       "The PLC vendor's always-on remote access is abused.",
       {"AS-018", "AS-032", "AS-052"},
       "Abuse of third-party remote access",
       "Vendor accounts always enabled",
       {"integrity", "safety"},
       {3, 5},
       {2, 5},
       {1, 4},
       "Plant engineering",
       T::k_modify,
       S::k_treating,
       "2027-02-28",
       {"OC-01", "A.5.21", "A.8.2"},
       {}},
      {"R-008",
       "Loss of the head office server room (fire or flood)",
       "A fire in the server room.",
       {"AS-031", "AS-063"},
       "Fire",
       "Single server room, no second site for the ERP",
       {"availability", "financial"},
       {2, 5},
       {2, 4},
       {1, 4},
       "IT operations",
       T::k_modify,
       S::k_treating,
       "2027-06-30",
       {"A.7.5", "A.8.14", "A.5.30"},
       {"Incident response plan and exercises"}},
      {"R-009",
       "Backups fail when needed",
       "Restores of the ERP have never been tested.",
       {"AS-035", "AS-021"},
       "Failure of backup media",
       "No restore tests",
       {"availability", "integrity"},
       {3, 4},
       {3, 4},
       {1, 3},
       "IT operations",
       T::k_modify,
       S::k_treating,
       "2027-01-31",
       {"A.8.13"},
       {"Backup and restore tests for controllers"}},
      {"R-010",
       "Phishing leads to payment fraud",
       "A spoofed supplier asks to change bank details.",
       {"AS-004", "AS-012"},
       "Business email compromise",
       "No call-back on bank detail changes",
       {"financial"},
       {4, 3},
       {3, 3},
       {2, 2},
       "CFO",
       T::k_modify,
       S::k_treating,
       "2027-03-31",
       {"A.6.3", "A.5.14"},
       {"Security awareness for plant staff"}},
      {"R-011",
       "Manipulated recipes produce unsafe batches",
       "A change to process parameters goes unnoticed.",
       {"AS-003", "AS-008", "AS-024"},
       "Unauthorised change",
       "No integrity monitoring of recipes",
       {"integrity", "safety", "legal-regulatory"},
       {2, 5},
       {2, 5},
       {1, 5},
       "Quality manager",
       T::k_modify,
       S::k_assessed,
       "2027-06-30",
       {"A.8.32", "A.8.15"},
       {}},
      {"R-012",
       "Departed staff keep access",
       "Leavers' accounts are disabled late.",
       {"AS-026"},
       "Misuse of credentials",
       "No link from HR leaver process to IT",
       {"confidentiality"},
       {3, 3},
       {2, 3},
       {1, 3},
       "HR director",
       T::k_modify,
       S::k_treated,
       "2027-09-30",
       {"A.5.18", "A.6.5"},
       {}},
      {"R-013",
       "Laptop theft exposes personal data",
       "An unencrypted laptop is stolen.",
       {"AS-036", "AS-005"},
       "Theft of equipment",
       "Disk encryption not enforced",
       {"confidentiality", "legal-regulatory"},
       {3, 3},
       {2, 2},
       {2, 2},
       "IT operations",
       T::k_modify,
       S::k_treated,
       "2027-09-30",
       {"A.8.24", "A.8.1"},
       {}},
      {"R-014",
       "Denial of service on the customer portal",
       "A volumetric attack during a sale.",
       {"AS-014", "AS-039"},
       "Distributed denial of service",
       "No scrubbing service",
       {"availability", "reputation"},
       {3, 3},
       {3, 3},
       {2, 3},
       "Digital services",
       T::k_share,
       S::k_treating,
       "2027-06-30",
       {"A.8.20", "A.5.23"},
       {}},
      {"R-015",
       "Insecure code in the customer portal",
       "An injection flaw reaches production.",
       {"AS-025"},
       "Exploitation of an application flaw",
       "No security testing in the pipeline",
       {"confidentiality", "integrity"},
       {3, 4},
       {3, 3},
       {2, 2},
       "Digital services",
       T::k_modify,
       S::k_treating,
       "2027-03-31",
       {"A.8.25", "A.8.28", "A.8.29"},
       {}},
      {"R-016",
       "Attack goes unnoticed for weeks",
       "No one watches the logs.",
       {"AS-040", "AS-026"},
       "Undetected intrusion",
       "No central logging or monitoring",
       {"confidentiality", "integrity", "availability"},
       {4, 4},
       {4, 4},
       {2, 3},
       "Security operations",
       T::k_modify,
       S::k_treating,
       "2027-06-30",
       {"A.8.15", "A.8.16"},
       {"Central logging and monitoring"}},
      {"R-017",
       "Supplier with weak security handles our designs",
       "A tooling supplier receives CAD models and is breached.",
       {"AS-002", "AS-006"},
       "Supplier compromise",
       "No security clauses in supplier contracts",
       {"confidentiality"},
       {3, 4},
       {3, 4},
       {2, 3},
       "Procurement",
       T::k_modify,
       S::k_treating,
       "2027-03-31",
       {"A.5.19", "A.5.20"},
       {"Supplier security requirements in contracts"}},
      {"R-018",
       "Privileged accounts shared in IT operations",
       "Admins share a domain admin account.",
       {"AS-026", "AS-046"},
       "Misuse of privileged access",
       "Shared administrator credentials",
       {"integrity", "confidentiality"},
       {3, 4},
       {2, 4},
       {1, 3},
       "IT operations",
       T::k_modify,
       S::k_treating,
       "2027-01-31",
       {"A.8.2", "A.8.5"},
       {}},
      {"R-019",
       "Power failure stops Plant A",
       "A grid outage longer than the UPS holds.",
       {"AS-061", "AS-032"},
       "Power failure",
       "UPS for 15 minutes only",
       {"availability"},
       {2, 3},
       {2, 3},
       {2, 3},
       "Plant managers",
       T::k_retain,
       S::k_accepted,
       "2027-12-31",
       {"A.7.11"},
       {}},
      {"R-020",
       "Regulatory fine for late breach notification",
       "A personal data breach is reported after the legal deadline.",
       {"AS-005", "AS-001"},
       "Non-compliance",
       "No incident notification procedure",
       {"legal-regulatory"},
       {2, 4},
       {2, 3},
       {1, 3},
       "Legal and compliance",
       T::k_modify,
       S::k_treating,
       "2027-03-31",
       {"A.5.24", "A.5.26", "A.5.31"},
       {"Incident response plan and exercises"}},
      {"R-021",
       "Loss of key OT engineering knowledge",
       "Two engineers hold all PLC know-how.",
       {"AS-045", "AS-003"},
       "Loss of key personnel",
       "Undocumented PLC programs",
       {"availability"},
       {2, 3},
       {2, 3},
       {1, 2},
       "Plant engineering",
       T::k_modify,
       S::k_assessed,
       "2027-06-30",
       {"A.5.37"},
       {}},
      {"R-022",
       "Mobile devices lost with email access",
       "A phone with email is lost.",
       {"AS-036", "AS-016"},
       "Loss of equipment",
       "No remote wipe",
       {"confidentiality"},
       {3, 2},
       {2, 2},
       {2, 2},
       "IT operations",
       T::k_retain,
       S::k_accepted,
       "2027-09-30",
       {"A.8.1"},
       {}},
      {"R-023",
       "Tampering with quality records before an audit",
       "Batch records are edited to hide a deviation.",
       {"AS-008"},
       "Unauthorised change",
       "Records editable without trail",
       {"integrity", "legal-regulatory"},
       {1, 4},
       {1, 4},
       {1, 3},
       "Quality manager",
       T::k_modify,
       S::k_assessed,
       "2027-06-30",
       {"A.8.15"},
       {}},
      {"R-024",
       "Physical intrusion at Plant B",
       "An intruder reaches the control room at night.",
       {"AS-062", "AS-037"},
       "Unauthorised physical access",
       "Fence gaps; no night patrol",
       {"availability", "safety"},
       {2, 4},
       {2, 3},
       {1, 3},
       "Plant managers",
       T::k_modify,
       S::k_treating,
       "2027-06-30",
       {"A.7.1", "A.7.4"},
       {}},
      {"R-025",
       "Stop trading in a high-risk market",
       "Sales in a sanctioned region.",
       {"AS-010"},
       "Legal exposure",
       "No sanctions screening",
       {"legal-regulatory"},
       {2, 5},
       {2, 5},
       {0, 0},
       "Sales director",
       T::k_avoid,
       S::k_treated,
       "2027-12-31",
       {},
       {}},
  };
  std::map<std::string, core::Risk> risks;
  for (const auto& d : k_risks) {
    core::Risk r;
    r.ref = d.ref;
    r.title = d.title;
    r.description = d.scenario;
    for (const auto* a : d.assets) r.assets.push_back(ids.at(a));
    r.threat = d.threat;
    r.vulnerability = d.vulnerability;
    for (const auto* c : d.consequences) r.consequence_types.emplace_back(c);
    r.inherent = d.inherent;
    r.current = d.current;
    r.residual = d.residual;
    r.owner = d.owner;
    r.treatment = d.treatment;
    r.status = d.status;
    r.review_date = d.review;
    for (const auto* c : d.controls) r.controls.push_back(core::parse_control_link(c));
    for (const auto* a : d.actions)
      if (auto it = action_ids.find(a); it != action_ids.end()) r.actions.push_back(it->second);
    auto stored = create_risk(ws, actor, catalog, organization, r);
    if (!stored) return std::unexpected(stored.error());
    risks[d.ref] = stored->risk;
  }

  // Decisions: the owner's approval of R-001's plan, later made stale by a change to the plan;
  // a valid approval of R-002's plan; R-005's residual risk accepted until 2027; R-019's
  // acceptance expired last month.
  auto record = [&](const std::string& ref, core::DecisionKind kind, const std::string& by,
                    const std::string& at, const std::string& why,
                    const std::string& expires) -> Result<void> {
    core::Decision d;
    d.risk = risks.at(ref).id;
    d.kind = kind;
    d.decided_by = by;
    d.decided_at = at;
    d.justification = why;
    d.expires = expires;
    d.state_hash = util::sha256_hex(core::material_state(risks.at(ref)));
    auto stored = repo.add_decision(d);
    if (!stored) return std::unexpected(stored.error());
    return {};
  };
  using D = core::DecisionKind;
  if (auto r =
          record("R-001", D::k_plan_approval, "CISO", "2026-10-15T09:30:00Z",
                 "Segmentation, malware protection and tested restores bring it to medium.", "");
      !r)
    return std::unexpected(r.error());
  if (auto r = record("R-002", D::k_plan_approval, "IT operations manager", "2026-10-20T14:00:00Z",
                      "Patch within 14 days; monthly scans.", "");
      !r)
    return std::unexpected(r.error());
  if (auto r = record("R-005", D::k_acceptance, "Digital services director", "2026-09-01T10:00:00Z",
                      "A day's outage of the portal is tolerable; orders also come by email.",
                      "2027-08-31");
      !r)
    return std::unexpected(r.error());
  if (auto r = record("R-019", D::k_acceptance, "Plant manager, Leeds", "2025-11-01T08:00:00Z",
                      "Generator planned for 2026; until then the UPS covers a clean stop.",
                      "2026-11-30");
      !r)
    return std::unexpected(r.error());
  // R-001's plan changes after its approval: the approval is now stale.
  {
    auto r = risks.at("R-001");
    r.controls.push_back(core::parse_control_link("A.8.20"));
    auto changed = update_risk(ws, actor, catalog, organization, r);
    if (!changed) return std::unexpected(changed.error());
  }

  // The SoA: every control with its reasons; three exclusions; version 1 approved, version 2 a
  // draft with two changes.
  std::map<std::string, core::SoaReason> reasons = {
      {"A.5.31", core::SoaReason::k_legal},          {"A.5.32", core::SoaReason::k_legal},
      {"A.5.33", core::SoaReason::k_legal},          {"A.5.34", core::SoaReason::k_legal},
      {"A.5.20", core::SoaReason::k_contractual},    {"A.5.36", core::SoaReason::k_legal},
      {"A.6.6", core::SoaReason::k_contractual},     {"A.5.1", core::SoaReason::k_business},
      {"A.5.4", core::SoaReason::k_interested_party}};
  const std::map<std::string, std::string> k_excluded = {
      {"A.8.30", "No development is outsourced: the customer portal is built and run in-house."},
      {"A.8.11",
       "No test or development environment holds production data; personal data never leaves "
       "production."},
      {"A.7.6",
       "No secure areas beyond the server room, whose access is covered by A.7.2 and A.7.3."}};
  for (const auto* n : catalog.nodes_in_order(k_annex_a)) {
    if (n->level == core::Level::k_function) continue;
    core::SoaRow row;
    row.control = n->id;
    if (auto ex = k_excluded.find(n->id); ex != k_excluded.end()) {
      row.applicable = false;
      row.justification = ex->second;
    } else if (auto it = reasons.find(n->id); it != reasons.end()) {
      row.reasons = {it->second};
    } else {
      row.reasons = {core::SoaReason::k_business};
    }
    if (auto r = repo.put_soa_row(organization, row, 0); !r) return std::unexpected(r.error());
  }
  for (const auto& d : k_controls) {
    core::SoaRow row;
    row.control = d.ref;
    row.owner = d.owner;
    row.reasons = {core::SoaReason::k_risk_treatment};
    if (auto r = repo.put_soa_row(organization, row, 0); !r) return std::unexpected(r.error());
  }
  auto approved = approve_soa(ws, "CISO", catalog, organization, 1,
                              "Approved by the management review of 2026-11-12");
  if (!approved) return std::unexpected(approved.error());
  ws.storage().set_actor(actor);
  // Version 2: the data masking exclusion withdrawn (a new analytics project) and a note.
  {
    auto v1 = repo.soa(organization, 1);
    if (!v1) return std::unexpected(v1.error());
    for (auto row : v1->rows) {
      if (row.control == "A.8.11") {
        auto version = row.version;
        row.applicable = true;
        row.justification = "The analytics project copies order data into a test environment.";
        row.reasons = {core::SoaReason::k_risk_treatment, core::SoaReason::k_legal};
        if (auto r = repo.put_soa_row(organization, row, version); !r)
          return std::unexpected(r.error());
      } else if (row.control == "A.5.7") {
        auto version = row.version;
        row.notes = "Threat intelligence from the sector's ISAC from 2027.";
        row.owner = "Security operations";
        if (auto r = repo.put_soa_row(organization, row, version); !r)
          return std::unexpected(r.error());
      }
    }
  }
  return std::to_string(std::size(k_assets)) + " assets, " + std::to_string(std::size(k_risks)) +
         " risks, " + std::to_string(std::size(k_controls)) +
         " own controls, four decisions (one stale, one expired), SoA version 1 approved and "
         "version 2 a draft";
}

}  // namespace cyberframe::workspace
