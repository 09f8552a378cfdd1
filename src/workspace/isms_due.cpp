// What the ISMS has due: the registers' own dates (core::record_due_items), the documents past
// their review date or to acknowledge, the objectives off track and the risk acceptances and
// exceptions expiring, in one list.
#include <map>
#include <set>

#include "core/risk.hpp"
#include "store/store.hpp"

#include "core/document.hpp"
#include "core/measurement.hpp"
#include "util/date.hpp"
#include "workspace/documents.hpp"
#include "workspace/isms.hpp"
#include "workspace/measurements.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::workspace {

namespace {

Result<std::vector<core::IsmsRecord>> live_records(Workspace& ws, std::int64_t organization,
                                                   const std::string& reg) {
  core::IsmsQuery query;
  query.slice = util::Slice::all();
  auto page = list_records(ws, organization, reg, query);
  if (!page) return std::unexpected(page.error());
  return std::move(page->items);
}

}  // namespace

Result<std::vector<core::DueItem>> isms_due(Workspace& ws, std::int64_t organization,
                                            std::string today) {
  if (today.empty()) today = util::today_utc();
  if (!util::day_number(today))
    return util::fail(util::ErrorCode::k_invalid_input,
                      "today: '" + today.substr(0, 40) + "' is not a date (YYYY-MM-DD)");
  std::vector<core::IsmsRecord> records;
  for (const char* reg : {"competence", "obligations", "awareness", "changes", "scope", "actions",
                          "audits", "reassessments", "nonconformities", "reviews"}) {
    auto some = live_records(ws, organization, reg);
    if (!some) return std::unexpected(some.error());
    records.insert(records.end(), some->begin(), some->end());
  }
  auto items = core::record_due_items(records, today);

  core::DocumentQuery overdue;
  overdue.overdue = true;
  overdue.today = today;
  overdue.slice = util::Slice::all();
  auto documents = list_documents(ws, organization, overdue);
  if (!documents) return std::unexpected(documents.error());
  for (const auto& d : documents->items) items.push_back(core::document_due_item(d, today));

  // Documents to acknowledge: each person of a published document's distribution who has not
  // acknowledged the version published now.
  core::DocumentQuery published;
  published.state = core::VersionState::k_published;
  published.slice = util::Slice::all();
  auto addressed = list_documents(ws, organization, published);
  if (!addressed) return std::unexpected(addressed.error());
  for (const auto& d : addressed->items) {
    if (d.distribution.empty() || d.retired) continue;
    auto acks = document_acks(ws, organization, d.ref);
    if (!acks) return std::unexpected(acks.error());
    std::vector<std::string> pending;
    for (const auto& line : acks->lines)
      if (line.acknowledged_at.empty()) pending.push_back(line.person);
    if (!pending.empty())
      items.push_back(
          core::acknowledgement_due_item(d, acks->version, pending, acks->lines.size(), today));
  }

  // Risk acceptances and exceptions expiring: the newest of each kind on a risk, not revoked.
  auto& risks = ws.storage().risks();
  auto decisions = risks.organization_decisions(organization);
  if (!decisions) return std::unexpected(decisions.error());
  std::set<std::pair<std::int64_t, core::DecisionKind>> seen;
  for (const auto& d : *decisions) {
    if (d.kind == core::DecisionKind::k_plan_approval) continue;
    if (!seen.insert({d.risk, d.kind}).second || d.revoked) continue;
    auto risk = risks.risk(d.risk);
    if (!risk) return std::unexpected(risk.error());
    if (risk->status == core::RiskStatus::k_closed) continue;
    auto kind = d.kind == core::DecisionKind::k_acceptance ? "acceptance" : "exception";
    if (auto i =
            core::decision_due_item(kind, d.expires, risk->ref, risk->title, risk->owner, today))
      items.push_back(std::move(*i));
  }

  auto objectives = live_records(ws, organization, "objectives");
  if (!objectives) return std::unexpected(objectives.error());
  std::map<std::string, const core::IsmsRecord*> by_ref;
  for (const auto& o : *objectives) by_ref[o.ref] = &o;
  auto progress = objectives_progress(ws, organization, today);
  if (!progress) return std::unexpected(progress.error());
  for (const auto& p : *progress) {
    if (p.progress != core::Progress::k_off_track) continue;
    auto it = by_ref.find(p.objective);
    items.push_back(core::objective_due_item(p, it == by_ref.end() ? nullptr : it->second, today));
  }
  core::sort_due_items(items);
  return items;
}

}  // namespace cyberframe::workspace
