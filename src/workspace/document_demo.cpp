#include "workspace/document_demo.hpp"

#include <iterator>

#include "util/date.hpp"
#include "workspace/documents.hpp"

namespace cyberframe::workspace {

namespace {

struct DemoDocument {
  const char* title;
  core::DocumentType type;
  const char* owner;
  const char* file;
  const char* node;  // an Annex A control of ISO/IEC 27001:2022 it supports
  const char* risk;  // a risk of the demo register it treats, or ""
  const char* text;
};

constexpr const char* k_people[] = {"Anna Clarke", "Ben Osei", "Chloe Martin", "Dev Patel",
                                    "Emma Novak"};

const DemoDocument k_documents[] = {
    {"Information security policy", core::DocumentType::k_policy, "CISO",
     "information-security-policy.md", "A.5.1", "",
     "Demo Manufacturing Ltd protects the confidentiality, integrity and availability of the "
     "information of its plants, customers and suppliers. The board sets the information "
     "security objectives, provides the resources and reviews the ISMS every year."},
    {"Access control policy", core::DocumentType::k_topic_specific_policy, "IT operations",
     "access-control-policy.md", "A.5.15", "",
     "Access is granted on least privilege and need to know, approved by the asset owner, "
     "reviewed quarterly for privileged accounts and removed on the day a person leaves."},
    {"Acceptable use policy", core::DocumentType::k_topic_specific_policy, "HR",
     "acceptable-use-policy.md", "A.5.10", "",
     "Company devices, e-mail and networks are used for company business; personal use is "
     "occasional; no unapproved software, no company data on personal cloud services."},
    {"Backup policy", core::DocumentType::k_topic_specific_policy, "IT operations",
     "backup-policy.md", "A.8.13", "",
     "Production systems are backed up daily, copies are kept offline for 35 days, and a restore "
     "is tested every quarter for each plant's MES."},
    {"Cryptography policy", core::DocumentType::k_topic_specific_policy, "CISO",
     "cryptography-policy.md", "A.8.24", "",
     "Data in transit uses TLS 1.2 or later; laptops and backups are encrypted; keys are kept in "
     "the key vault and rotated yearly."},
    {"Supplier security policy", core::DocumentType::k_topic_specific_policy, "Procurement",
     "supplier-security-policy.md", "A.5.19", "",
     "Suppliers with access to our information or OT networks sign the security annex, are "
     "assessed before onboarding and reviewed every year by risk."},
    {"Information security incident management policy", core::DocumentType::k_topic_specific_policy,
     "CISO", "incident-management-policy.md", "A.5.24", "",
     "Every suspected incident is reported to the service desk at once, triaged within four "
     "hours, and handled by the incident team; lessons learned go to the risk register."},
    {"Asset management policy", core::DocumentType::k_topic_specific_policy, "IT operations",
     "asset-management-policy.md", "A.5.9", "",
     "Every information asset has an owner and is in the inventory, with its classification "
     "and its security needs."},
    {"Information classification and handling policy", core::DocumentType::k_topic_specific_policy,
     "CISO", "classification-policy.md", "A.5.12", "",
     "Information is public, internal, confidential or restricted; each level says how it is "
     "labelled, stored, sent and destroyed."},
    {"Secure development policy", core::DocumentType::k_topic_specific_policy,
     "Head of engineering", "secure-development-policy.md", "A.8.25", "",
     "Software we build or configure is threat-modelled, peer-reviewed, scanned for "
     "vulnerabilities and tested before release."},
    {"Physical and environmental security policy", core::DocumentType::k_topic_specific_policy,
     "Facilities", "physical-security-policy.md", "A.7.1", "",
     "Plants and offices have defined secure areas with badge access; server rooms are "
     "monitored for temperature, water and fire."},
    {"ICT readiness for business continuity policy", core::DocumentType::k_topic_specific_policy,
     "IT operations", "ict-continuity-policy.md", "A.5.30", "",
     "Each plant's critical ICT services have recovery objectives, tested recovery plans and "
     "an annual exercise with the plant manager."},
};

}  // namespace

util::Result<std::string> seed_demo_documents(Workspace& ws, const std::string& actor,
                                              const core::Catalog& catalog,
                                              std::int64_t organization) {
  const std::string controller = "Document controller";
  const std::string reviewer = "Compliance manager";
  const std::string approver = "CISO";
  if (auto s = set_organization_settings(ws, actor, organization, {{"self-approval", "forbid"}});
      !s)
    return std::unexpected(s.error());
  auto today = util::today_utc();
  int number = 0;
  for (const auto& demo : k_documents) {
    ++number;
    core::Document d;
    d.title = demo.title;
    d.type = demo.type;
    d.owner = demo.owner;
    d.classification =
        number == 5 ? core::Classification::k_confidential : core::Classification::k_internal;
    d.review_months = 12;
    d.retention = "7 years after superseded";
    d.distribution.assign(std::begin(k_people), std::end(k_people));
    d.links.push_back({"node", std::string("iso-iec-27001-2022-annex-a:") + demo.node});
    std::string text = std::string("# ") + demo.title + "\n\nDemo Manufacturing Ltd, " +
                       core::document_ref(number) + "\n\n" + demo.text + "\n";
    auto created = create_document(ws, controller, catalog, organization, d,
                                   DocumentFile{demo.file, text}, "First issue");
    if (!created) return std::unexpected(created.error());
    auto ref = created->ref;
    auto submitted = submit_document(ws, controller, organization, ref, 0, reviewer);
    if (!submitted) return std::unexpected(submitted.error());
    // DOC-007 is past its review date: approved with a next review a month ago.
    auto next = number == 7 ? util::add_months(today, -1).value_or("") : std::string();
    auto approved = approve_document(ws, approver, organization, ref, 0, false, next);
    if (!approved) return std::unexpected(approved.error());
  }
  // DOC-002's revision is in review.
  auto revised = revise_document(
      ws, controller, organization, "DOC-002", 0,
      DocumentFile{"access-control-policy.md",
                   "# Access control policy\n\nDemo Manufacturing Ltd, DOC-002, version 2\n\n"
                   "Access is granted on least privilege and need to know. Privileged access "
                   "needs multi-factor authentication and is reviewed monthly.\n"},
      "Privileged access: MFA and monthly reviews");
  if (!revised) return std::unexpected(revised.error());
  if (auto s = submit_document(ws, controller, organization, "DOC-002", 0, reviewer); !s)
    return std::unexpected(s.error());
  // Acknowledgements: DOC-001 by three of five, DOC-003 by two.
  for (const char* ref : {"DOC-001", "DOC-003"}) {
    int count = std::string(ref) == "DOC-001" ? 3 : 2;
    for (int i = 0; i < count; ++i)
      if (auto a = acknowledge_document(ws, k_people[i], organization, ref); !a)
        return std::unexpected(a.error());
  }
  return std::string(
      "12 documents (DOC-001 to DOC-012) published, DOC-002's revision in "
      "review, DOC-007 overdue for review");
}

}  // namespace cyberframe::workspace
