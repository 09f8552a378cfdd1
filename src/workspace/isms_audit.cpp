// The audits of clause 9.2 (workspace/isms.hpp): a checklist drawn from a framework and the
// audit report.
#include <algorithm>
#include <functional>
#include <set>

#include "report/audit_report.hpp"
#include "util/clock.hpp"
#include "util/text.hpp"
#include "workspace/isms.hpp"

namespace cyberframe::workspace {

using util::ErrorCode;
using util::fail;
using util::fail_field;

Result<core::IsmsRecord> draw_checklist(Workspace& ws, const std::string& actor,
                                        const core::Catalog& catalog, std::int64_t organization,
                                        const std::string& ref, const std::string& framework,
                                        const std::string& under, std::int64_t expected_version) {
  auto audit = find_record(ws, organization, "audits", ref);
  if (!audit) return audit;
  const auto* fw = catalog.framework(util::trim(framework));
  if (!fw)
    return fail_field(ErrorCode::k_invalid_input,
                      "framework: no framework '" + util::trim(framework).substr(0, 60) +
                          "' in the catalog (cyberframe catalog list --kind framework)",
                      "framework");
  std::vector<std::string> drawn;
  std::function<void(const core::Node&)> walk = [&](const core::Node& n) {
    if (core::assessed_directly(*fw, n)) drawn.push_back(fw->id + ":" + n.id);
    for (const auto& c : n.children) walk(c);
  };
  if (auto u = util::trim(under); !u.empty()) {
    const auto* node = catalog.node(fw->id, u);
    if (!node)
      return fail_field(ErrorCode::k_invalid_input,
                        "under: framework " + fw->id + " has no node '" + u.substr(0, 60) + "'",
                        "under");
    walk(*node);
  } else {
    for (const auto& n : fw->nodes) walk(n);
  }
  if (drawn.empty())
    return fail_field(ErrorCode::k_invalid_input,
                      "under: nothing to draw: no requirement of " + fw->id + " is assessed there",
                      "under");
  auto items = audit->list("checklist");
  std::set<std::string> have;
  for (const auto& i : items) have.insert(util::caseless_key(i));
  for (const auto& d : drawn)
    if (have.insert(util::caseless_key(d)).second) items.push_back(d);
  if (items.size() > core::k_isms_list_items)
    return fail_field(
        ErrorCode::k_invalid_input,
        "checklist: drawing " + std::to_string(drawn.size()) + " items of " + fw->id +
            " would make " + std::to_string(items.size()) + " items; a checklist holds at most " +
            std::to_string(core::k_isms_list_items) + " (draw under a node with --under)",
        "checklist");
  if (expected_version != 0) audit->version = expected_version;
  audit->fields["checklist"] = items;
  return update_record(ws, actor, catalog, organization, "audits", *audit);
}

Result<std::string> audit_report(Workspace& ws, const core::Catalog& catalog,
                                 std::int64_t organization, const std::string& organization_name,
                                 const std::string& ref, std::string generated_at) {
  auto audit = find_record(ws, organization, "audits", ref);
  if (!audit) return std::unexpected(audit.error());
  report::AuditReport r;
  r.organization = organization_name;
  r.audit = *audit;
  r.generated_at = generated_at.empty() ? util::now_utc() : std::move(generated_at);
  if (auto p = audit->text("programme"); !p.empty()) {
    auto programme = find_record(ws, organization, "audit-programmes", p);
    r.programme = programme ? programme->ref + " " + programme->title : p;
  }
  for (const auto& p : audit->list("processes")) {
    auto process = find_record(ws, organization, "processes", p);
    if (process) {
      r.processes.push_back(*process);
    } else {
      core::IsmsRecord missing;
      missing.ref = p;
      missing.title = "(no longer in the register)";
      r.processes.push_back(missing);
    }
  }
  for (const auto& item : audit->list("checklist")) {
    auto colon = item.find(':');
    const auto* node = colon == std::string::npos
                           ? nullptr
                           : catalog.node(item.substr(0, colon), item.substr(colon + 1));
    r.checklist.emplace_back(item, node ? node->title : "");
  }
  // The findings of this audit: the store's text search holds the `audit` field's ref.
  core::IsmsQuery q;
  q.text = audit->ref;
  q.slice = util::Slice::all();
  auto findings = list_records(ws, organization, "findings", q);
  if (!findings) return std::unexpected(findings.error());
  for (const auto& f : findings->items)
    if (util::caseless_key(f.text("audit")) == util::caseless_key(audit->ref))
      r.findings.push_back(f);
  std::sort(r.findings.begin(), r.findings.end(),
            [](const auto& a, const auto& b) { return a.ref < b.ref; });
  for (const auto& f : r.findings) {
    auto nc_ref = f.text("nonconformity");
    if (nc_ref.empty() || r.nonconformities.contains(nc_ref)) continue;
    auto nc = find_record(ws, organization, "nonconformities", nc_ref);
    if (!nc) continue;
    for (const auto& a : nc->list("actions")) {
      auto action = find_record(ws, organization, "actions", a);
      if (action) r.actions[a] = *action;
    }
    r.nonconformities[nc_ref] = *nc;
  }
  return report::audit_report_html(r);
}

}  // namespace cyberframe::workspace
